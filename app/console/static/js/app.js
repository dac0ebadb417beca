/* The shell: sign-in with a pasted key, the caller's role from GET /v1/me, navigation by role and
 * a hash router (#/queue, #/graduate/7, #/figures, #/screening, #/fairs, #/fairs/3). */
"use strict";
const STAFF = ["staff", "admin"];
const ORGANISERS = ["organiser", "admin"];
const NAV = [
  { hash: "#/queue", text: "重点人员队列", roles: STAFF },
  { hash: "#/figures", text: "就业统计", roles: STAFF },
  { hash: "#/screening", text: "岗位审核", roles: STAFF },
  { hash: "#/fairs", text: "招聘会", roles: ORGANISERS },
];
const ROUTES = [
  [/^#\/queue$/, "queue", STAFF], [/^#\/graduate\/(\d+)$/, "graduate", STAFF], [/^#\/figures$/, "figures", STAFF],
  [/^#\/screening$/, "screening", STAFF], [/^#\/fairs$/, "fairs", ORGANISERS], [/^#\/fairs\/(\d+)$/, "fair", ORGANISERS],
];

const main = () => document.getElementById("main");

function renderSignIn(message = "") {
  document.getElementById("nav").innerHTML = "";
  document.getElementById("who").textContent = "";
  document.getElementById("signout").hidden = true;
  main().innerHTML = JM.html`<h1>登录</h1>
    <form id="signin" class="card" autocomplete="off">
      <p class="hint">粘贴本单位的 API 密钥（由管理员用 <code>jobmatch keys create</code> 生成）。密钥只保存在本浏览器标签页中，关闭或退出登录即清除。</p>
      ${JM.raw(JM.field("api_key", "API 密钥", { kind: "password", required: true, attrs: 'autocomplete="off" spellcheck="false"' }))}
      <button type="submit">登录</button>
    </form>`;
  const form = document.getElementById("signin");
  if (message) JM.showErrors(form, new Error(message));
  JM.onSubmit(form, async () => {
    const key = form.elements.api_key.value.trim();
    try {
      JM.me = await JM.api("GET", "/v1/me", { key });
    } catch (error) {
      if (error instanceof JM.ApiError && error.status === 401) throw new JM.ApiError(401, { error: {
        code: "unauthenticated", message: "密钥无效或已停用", details: [{ field: "api_key", reason: "请检查密钥是否完整" }] } });
      throw error;
    }
    JM.setKey(key);
    JM.go(defaultHash()); // one route() only: two at once would load the page twice
  });
  form.elements.api_key.focus();
}

function defaultHash() {
  const role = JM.me && JM.me.role;
  if (STAFF.includes(role)) return "#/queue";
  if (ORGANISERS.includes(role)) return "#/fairs";
  return "#/";
}

JM.signOut = (message = "") => {
  JM.clearKey();
  JM.notify("");
  history.replaceState(null, "", "#/");
  renderSignIn(message);
};

function renderShell() {
  const role = JM.me.role;
  const nav = document.getElementById("nav");
  nav.innerHTML = NAV.filter((item) => item.roles.includes(role))
    .map((item) => `<a href="${item.hash}">${JM.esc(item.text)}</a>`).join("");
  document.getElementById("who").textContent = `${JM.me.key_name}（${JM.label("role", role)}）`;
  document.getElementById("signout").hidden = false;
}

function markNav() {
  for (const link of document.querySelectorAll("#nav a")) {
    if (location.hash.startsWith(link.getAttribute("href"))) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

async function route() {
  if (!JM.key()) { renderSignIn(); return; }
  if (!JM.me) {
    try { JM.me = await JM.get("/v1/me"); } catch (error) { if (!(error instanceof JM.ApiError) || error.status !== 401) renderSignIn(JM.describeError(error)); return; }
  }
  renderShell();
  JM.notify("");
  const role = JM.me.role;
  if (role === "platform") {
    main().innerHTML = JM.html`<h1>本工作台不面向招聘平台</h1><section class="card">
      <p>工作台供公共就业服务机构工作人员和招聘会组织方使用。招聘平台请通过 API（<code>/v1/jobs</code>、<code>/v1/graduates</code>、<code>/v1/match</code>）对接，接口说明见 <a href="/docs">/docs</a>。</p>
      <p>请点击右上角“退出登录”。</p></section>`;
    return;
  }
  const hash = location.hash || defaultHash();
  for (const [pattern, page, roles] of ROUTES) {
    const match = hash.match(pattern);
    if (match && roles.includes(role)) {
      markNav();
      main().innerHTML = `<p class="hint">加载中…</p>`;
      try { await JM.pages[page](main(), ...match.slice(1)); } catch (error) {
        if (!JM.key()) return; // a 401 signed out: the sign-in form stays
        main().innerHTML = JM.html`<h1>无法显示</h1><p class="form-error" role="alert">${JM.describeError(error)}</p>`;
      }
      main().focus();
      return;
    }
  }
  location.hash = defaultHash();
}
JM.route = route;
JM.go = (hash) => { if (location.hash === hash) route(); else location.hash = hash; };

document.getElementById("signout").addEventListener("click", () => JM.signOut());
window.addEventListener("hashchange", route);
route();
