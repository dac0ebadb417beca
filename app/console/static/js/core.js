/* Core of the console: the API client (X-API-Key from sessionStorage), HTML escaping, forms that
 * show the API's field errors beside their fields, downloads and notices. Every action in the
 * console goes through api(): the console holds no rule of its own. */
"use strict";
const JM = window.JM = { pages: {} };
const KEY_STORE = "jobmatch.apiKey";

JM.key = () => sessionStorage.getItem(KEY_STORE);
JM.setKey = (value) => sessionStorage.setItem(KEY_STORE, value);
JM.clearKey = () => { sessionStorage.removeItem(KEY_STORE); JM.me = null; };

JM.esc = (value) => String(value ?? "").replace(/[&<>"']/g, (c) => (
  { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
/* Tagged template: interpolations are escaped unless wrapped with JM.raw(). */
JM.raw = (html) => ({ __raw: String(html) });
JM.html = (strings, ...values) => strings.reduce((out, s, i) => {
  if (i === 0) return s;
  const v = values[i - 1];
  const text = Array.isArray(v) ? v.map((x) => (x && x.__raw !== undefined ? x.__raw : JM.esc(x))).join("")
    : v && v.__raw !== undefined ? v.__raw : JM.esc(v);
  return out + text + s;
}, "");

class ApiError extends Error {
  constructor(status, body) {
    const error = (body && body.error) || {};
    super(error.message || `HTTP ${status}`);
    this.status = status;
    this.code = error.code || "http_error";
    this.details = error.details || [];
    this.requestId = body && body.request_id;
  }
}
JM.ApiError = ApiError;

/* One call to the API. `json` sends a JSON body, `form` a FormData (multipart), `blob` returns the
 * body as a Blob (CSV exports). A 401 means the key is gone or revoked: back to sign-in. */
JM.api = async (method, path, { json, form, blob, key } = {}) => {
  const headers = { "X-API-Key": key || JM.key() || "" };
  let body;
  if (json !== undefined) { headers["Content-Type"] = "application/json"; body = JSON.stringify(json); }
  if (form !== undefined) body = form;
  const response = await fetch(path, { method, headers, body });
  if (!response.ok) {
    let payload = null;
    try { payload = await response.json(); } catch (_) { /* not JSON: keep the status */ }
    const error = new ApiError(response.status, payload);
    if (response.status === 401 && !key) { JM.signOut("密钥无效或已停用，请重新登录。"); }
    throw error;
  }
  if (blob) return { blob: await response.blob(), filename: JM.filenameOf(response) };
  if (response.status === 204) return null;
  return response.json();
};
JM.get = (path) => JM.api("GET", path);
JM.query = (params) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "" && v !== false) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
};

JM.filenameOf = (response) => {
  const header = response.headers.get("Content-Disposition") || "";
  const match = header.match(/filename="?([^";]+)"?/);
  return match ? match[1] : "export.csv";
};

/* Exports need the key header, so a plain <a href> cannot fetch them: fetch, then hand the browser
 * a blob: link to save. */
JM.download = async (path, fallbackName) => {
  const { blob, filename } = await JM.api("GET", path, { blob: true });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url; link.download = filename || fallbackName; link.dataset.testDownload = filename;
  document.body.appendChild(link); link.click(); link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return { blob, filename };
};

JM.notify = (message, kind = "info") => {
  const box = document.getElementById("notice");
  box.textContent = message; box.hidden = !message;
  box.className = `notice${kind === "error" ? " error" : ""}`;
};
JM.describeError = (error) => {
  if (!(error instanceof ApiError)) return `出错了：${error.message || error}`;
  const prefix = { 403: "无权操作", 404: "未找到", 409: "无法完成", 413: "文件过大", 422: "输入有误" }[error.status]
    || `请求失败（${error.status}）`;
  return `${prefix}：${error.message}`;
};

/* ---- forms ---- */
let fieldSeq = 0;
/* A labelled field. kind: text|number|date|time|datetime-local|select|textarea|checkbox|file. */
JM.field = (name, label, { kind = "text", value = "", options = null, required = false, hint = "", attrs = "" } = {}) => {
  const id = `f-${name.replace(/\W/g, "_")}-${++fieldSeq}`;
  const req = required ? " required" : "";
  const described = `aria-describedby="${id}-err${hint ? ` ${id}-hint` : ""}"`;
  let control;
  if (kind === "select") {
    control = `<select id="${id}" name="${JM.esc(name)}"${req} ${described} ${attrs}>${options.map(([v, t]) =>
      `<option value="${JM.esc(v)}"${String(v) === String(value) ? " selected" : ""}>${JM.esc(t)}</option>`).join("")}</select>`;
  } else if (kind === "textarea") {
    control = `<textarea id="${id}" name="${JM.esc(name)}"${req} ${described} ${attrs}>${JM.esc(value)}</textarea>`;
  } else if (kind === "checkbox") {
    return `<div class="field inline"><input type="checkbox" id="${id}" name="${JM.esc(name)}"${value ? " checked" : ""} ${described} ${attrs}>`
      + `<label for="${id}">${JM.esc(label)}</label><span class="field-error" id="${id}-err" data-error-for="${JM.esc(name)}"></span></div>`;
  } else {
    control = `<input type="${kind}" id="${id}" name="${JM.esc(name)}" value="${JM.esc(value)}"${req} ${described} ${attrs}>`;
  }
  return `<div class="field"><label for="${id}">${JM.esc(label)}</label>${control}`
    + (hint ? `<span class="hint" id="${id}-hint">${JM.esc(hint)}</span>` : "")
    + `<span class="field-error" id="${id}-err" data-error-for="${JM.esc(name)}"></span></div>`;
};

JM.clearErrors = (form) => {
  form.querySelectorAll(".field-error").forEach((el) => { el.textContent = ""; });
  form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
  const box = form.querySelector(".form-error"); if (box) box.textContent = "";
};

/* The API's details name fields as paths ("steps.0.action", "items[3].slot_ids"): the first part
 * is the form field. Details that match no field, and the message, go to the form's error box. */
JM.showErrors = (form, error) => {
  JM.clearErrors(form);
  const unmatched = [];
  for (const detail of (error.details || [])) {
    const name = String(detail.field || "").split(/[.[]/)[0];
    const slot = name && form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (slot) {
      slot.textContent = slot.textContent ? `${slot.textContent}；${detail.reason}` : detail.reason;
      const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
      if (control) control.setAttribute("aria-invalid", "true");
    } else unmatched.push(detail.field ? `${detail.field}：${detail.reason}` : detail.reason);
  }
  let box = form.querySelector(".form-error");
  if (!box) { box = document.createElement("p"); box.className = "form-error"; box.setAttribute("role", "alert"); form.prepend(box); }
  box.textContent = [JM.describeError(error), ...unmatched].join("；");
  const first = form.querySelector("[aria-invalid='true']"); if (first) first.focus();
};

/* Read a form into a body: empty strings are left out (the API's defaults apply); `numbers` are
 * converted; `lists` are split on commas; checkboxes give booleans. */
JM.formBody = (form, { numbers = [], lists = [], intLists = [], booleans = [] } = {}) => {
  const body = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled || el.type === "submit" || el.type === "button" || el.type === "file") continue;
    if (el.type === "checkbox") { if (booleans.includes(el.name)) body[el.name] = el.checked; continue; }
    const value = el.value.trim();
    if (value === "") continue;
    if (numbers.includes(el.name)) body[el.name] = Number(value);
    else if (intLists.includes(el.name)) body[el.name] = value.split(/[,，、\s]+/).filter(Boolean).map(Number);
    else if (lists.includes(el.name)) body[el.name] = value.split(/[,，、\n]+/).map((s) => s.trim()).filter(Boolean);
    else body[el.name] = value;
  }
  return body;
};

/* Submit handler: disables the button while the call runs, shows errors beside fields. */
JM.onSubmit = (form, handler) => {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    JM.clearErrors(form);
    JM.notify(""); // the last action's message must not read as this one's
    try { await handler(form); } catch (error) {
      if (error instanceof ApiError) JM.showErrors(form, error); else { JM.showErrors(form, error); console.error(error); }
    } finally { if (button) button.disabled = false; }
  });
};

JM.options = (labels, { blank } = {}) => {
  const list = Object.entries(labels);
  return blank !== undefined ? [["", blank], ...list] : list;
};
JM.fmtTime = (iso) => (iso ? String(iso).replace("T", " ").slice(0, 16) : "");
JM.pct = (rate) => (rate === null || rate === undefined ? "—" : `${(rate * 100).toFixed(1)}%`);

/* The one dialog: resolves with the form's values, or null when cancelled. */
JM.ask = (title, fieldsHtml, confirmText = "确定") => new Promise((resolve) => {
  const dialog = document.getElementById("dialog");
  dialog.innerHTML = `<form method="dialog" class="dialog-form"><h2 id="dialog-title">${JM.esc(title)}</h2>${fieldsHtml}`
    + `<div class="row-actions"><button type="submit" value="ok">${JM.esc(confirmText)}</button>`
    + `<button type="button" class="secondary" data-cancel>取消</button></div></form>`;
  const form = dialog.querySelector("form");
  const finish = (value) => { dialog.close(); resolve(value); };
  form.addEventListener("submit", (event) => { event.preventDefault(); finish(JM.formBody(form)); });
  dialog.querySelector("[data-cancel]").addEventListener("click", () => finish(null));
  dialog.addEventListener("cancel", () => resolve(null), { once: true });
  dialog.showModal();
  const first = form.querySelector("input, textarea, select"); if (first) first.focus();
});
