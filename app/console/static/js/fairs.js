/* Organisers: the fairs list and the create form with its slots editor; a fair's booths and
 * registrations (the registration sheet uploaded to …/registrations/import). The schedule part of
 * a fair's page is in schedule.js. */
"use strict";
(() => {
  const L = JM.L;

  JM.pages.fairs = async (root) => {
    const page = await JM.get("/v1/fairs?limit=200");
    const rows = page.items.map((f) => JM.html`<tr><td><a href="#/fairs/${f.id}">${f.name}</a></td><td>${f.date}</td>
      <td>${f.city} ${f.county || ""}</td><td>${JM.label("fairKind", f.kind)}</td><td>${f.slots.length}</td><td>${f.booths}</td>
      <td>${f.registrations}</td><td>${f.locked ? "已发布" : f.current_run_id ? "已配对" : "未配对"}</td></tr>`).join("");
    root.innerHTML = JM.html`<h1>招聘会</h1>
      <table id="fairs-table"><thead><tr><th scope="col">名称</th><th scope="col">日期</th><th scope="col">地点</th><th scope="col">类型</th>
        <th scope="col">时段</th><th scope="col">展位</th><th scope="col">报名</th><th scope="col">日程</th></tr></thead>
        <tbody>${JM.raw(rows || '<tr><td colspan="8">还没有招聘会。</td></tr>')}</tbody></table>
      ${JM.raw(createForm())}`;
    wireCreate(root);
  };

  function slotRow(start = "", end = "") {
    const n = ++slotSeq;
    return `<div class="row-actions slot-row"><div class="field"><label for="slot-start-${n}">开始</label><input type="time" id="slot-start-${n}" class="slot-start" value="${JM.esc(start)}" required></div>
      <div class="field"><label for="slot-end-${n}">结束</label><input type="time" id="slot-end-${n}" class="slot-end" value="${JM.esc(end)}" required></div>
      <button type="button" class="secondary slot-remove" aria-label="删除时段 ${n}">删除</button></div>`;
  }
  let slotSeq = 0;

  function createForm() {
    return `<form id="fair-form" class="card" aria-labelledby="ff-h"><h2 id="ff-h">新建招聘会</h2><div class="filters">
      ${JM.field("name", "名称", { required: true, attrs: 'size="30"' })}
      ${JM.field("kind", "类型", { kind: "select", options: JM.options(L.fairKind) })}
      ${JM.field("city", "城市", { required: true })}
      ${JM.field("county", "区县")}
      ${JM.field("date", "日期", { kind: "date", required: true })}
      ${JM.field("industry_focus", "重点产业", { kind: "select", options: JM.options(L.industry, { blank: "不限" }) })}
      ${JM.field("default_interviews", "默认面试数", { kind: "number", value: 3, attrs: 'min="1" max="10"' })}
      ${JM.field("interview_cap", "每人面试上限", { kind: "number", value: 5, attrs: 'min="1" max="10"' })}
      ${JM.field("priority_interviews", "重点人员保障面试数", { kind: "number", value: 2, attrs: 'min="0" max="10"' })}
      </div>
      <fieldset><legend>面试时段</legend><div id="slot-rows">${slotRow("09:00", "09:30")}${slotRow("09:30", "10:00")}</div>
        <div class="row-actions"><button type="button" class="secondary" id="slot-add">添加时段</button>
        <span class="field-error" data-error-for="slots"></span></div></fieldset>
      <p><button type="submit">创建招聘会</button></p></form>`;
  }

  function wireCreate(root) {
    const form = root.querySelector("#fair-form");
    const rows = form.querySelector("#slot-rows");
    form.querySelector("#slot-add").addEventListener("click", () => {
      const last = [...rows.querySelectorAll(".slot-end")].pop();
      const start = last && last.value ? last.value : "09:00";
      const [h, m] = start.split(":").map(Number);
      const end = new Date(0, 0, 0, h, m + 30);
      rows.insertAdjacentHTML("beforeend", slotRow(start, `${String(end.getHours()).padStart(2, "0")}:${String(end.getMinutes()).padStart(2, "0")}`));
      rows.lastElementChild.querySelector(".slot-start").focus();
    });
    rows.addEventListener("click", (event) => {
      if (event.target.classList.contains("slot-remove")) event.target.closest(".slot-row").remove();
    });
    JM.onSubmit(form, async () => {
      const body = JM.formBody(form, { numbers: ["default_interviews", "interview_cap", "priority_interviews"] });
      body.slots = [...rows.querySelectorAll(".slot-row")].map((row) => ({
        start: row.querySelector(".slot-start").value, end: row.querySelector(".slot-end").value }));
      const fair = await JM.api("POST", "/v1/fairs", { json: body });
      JM.go(`#/fairs/${fair.id}`);
      JM.notify(`已创建招聘会“${fair.name}”。`);
    });
  }

  /* ---- one fair ---- */
  JM.pages.fair = async (root, id) => {
    const [fair, booths, registrations] = await Promise.all([
      JM.get(`/v1/fairs/${id}`), JM.get(`/v1/fairs/${id}/booths`), JM.get(`/v1/fairs/${id}/registrations`)]);
    const ctx = { id, fair, booths, registrations: registrations.items, root };
    const slotNo = Object.fromEntries(fair.slots.map((s) => [s.id, s.number]));
    const slotsText = (ids) => (ids && ids.length !== fair.slots.length ? ids.map((sid) => slotNo[sid]).join("、") : "全部");
    root.innerHTML = JM.html`<p><a href="#/fairs">← 全部招聘会</a></p>
      <h1>${fair.name}</h1>
      <p>${fair.date} · ${fair.city} ${fair.county || ""} · ${JM.label("fairKind", fair.kind)} ·
        时段 ${JM.raw(fair.slots.map((s) => JM.html`${s.number}（${s.start.slice(0, 5)}–${s.end.slice(0, 5)}）`).join("、"))}</p>
      <section class="card" aria-labelledby="booths-h"><h2 id="booths-h">展位（${booths.length}）</h2>
        <table id="booths-table"><thead><tr><th scope="col">展位号</th><th scope="col">单位</th><th scope="col">岗位</th><th scope="col">每时段</th><th scope="col">总计</th><th scope="col">时段</th></tr></thead>
        <tbody>${JM.raw(booths.map((b) => JM.html`<tr><td>${b.label || "—"}</td><td>${b.employer_name}</td><td>${b.job_ids.join("、")}</td>
          <td>${b.per_slot_capacity}</td><td>${b.total_capacity}</td><td>${slotsText(b.slot_ids)}</td></tr>`).join("") || '<tr><td colspan="6">暂无展位。</td></tr>')}</tbody></table>
        ${JM.raw(boothForm(fair))}</section>
      <section class="card" aria-labelledby="reg-h"><h2 id="reg-h">报名（${ctx.registrations.length} 人）</h2>
        <details><summary>报名名单</summary><table id="registrations-table"><thead><tr><th scope="col">编号</th><th scope="col">姓名</th><th scope="col">时段</th><th scope="col">面试数</th></tr></thead>
        <tbody>${JM.raw(ctx.registrations.map((r) => JM.html`<tr><td>${r.external_id}</td><td>${r.name}</td><td>${slotsText(r.slot_ids)}</td><td>${r.wanted_interviews}</td></tr>`).join(""))}</tbody></table></details>
        <form id="import-form" aria-labelledby="imp-h"><h3 id="imp-h">上传报名表</h3>
          ${JM.raw(JM.field("file", "报名表文件（CSV 或 XLSX：毕业生编号、场次、面试数）", { kind: "file", required: true, attrs: 'accept=".csv,.xlsx"' }))}
          <button type="submit">上传并登记</button><div id="import-result" role="status"></div></form></section>
      <div id="schedule-part"></div>`;
    wireBooth(ctx);
    wireImport(ctx);
    await JM.renderSchedule(ctx);
  };

  function boothForm(fair) {
    return `<form id="booth-form" aria-labelledby="bf-h"><h3 id="bf-h">添加展位</h3><div class="filters">
      ${JM.field("job_ids", "岗位编号", { required: true, hint: "同一单位的岗位，逗号分隔" })}
      ${JM.field("label", "展位号")}
      ${JM.field("employer_name", "单位名称", { hint: "留空取岗位的单位" })}
      ${JM.field("per_slot_capacity", "每时段面试数", { kind: "number", value: 1, required: true, attrs: 'min="1"' })}
      ${JM.field("total_capacity", "总面试数", { kind: "number", value: 4, required: true, attrs: 'min="1"' })}
      </div><fieldset><legend>在场时段（不选为全部）</legend>${fair.slots.map((s) =>
        JM.field(`slot_${s.id}`, `时段 ${s.number}（${s.start.slice(0, 5)}）`, { kind: "checkbox" })).join("")}
      <span class="field-error" data-error-for="slot_ids"></span></fieldset>
      <button type="submit">添加展位</button></form>`;
  }

  function wireBooth(ctx) {
    const form = ctx.root.querySelector("#booth-form");
    JM.onSubmit(form, async () => {
      const body = JM.formBody(form, { numbers: ["per_slot_capacity", "total_capacity"], intLists: ["job_ids"] });
      const slotIds = ctx.fair.slots.filter((s) => form.elements[`slot_${s.id}`].checked).map((s) => s.id);
      if (slotIds.length) body.slot_ids = slotIds;
      await JM.api("POST", `/v1/fairs/${ctx.id}/booths`, { json: body });
      await JM.pages.fair(ctx.root, ctx.id);
      JM.notify("展位已添加。");
    });
  }

  function wireImport(ctx) {
    const form = ctx.root.querySelector("#import-form");
    const result = form.querySelector("#import-result");
    JM.onSubmit(form, async () => {
      result.innerHTML = "";
      const data = new FormData();
      data.append("file", form.elements.file.files[0]);
      try {
        const summary = await JM.api("POST", `/v1/fairs/${ctx.id}/registrations/import`, { form: data });
        await JM.pages.fair(ctx.root, ctx.id);
        JM.notify(`已从 ${summary.filename} 登记 ${summary.registered} 人。`);
      } catch (error) {
        if (!(error instanceof JM.ApiError) || error.status !== 422) throw error;
        result.innerHTML = JM.html`<p class="form-error" role="alert">${error.message}（全部未登记，请修改后重新上传）</p>
          <table id="import-rejected"><thead><tr><th scope="col">行</th><th scope="col">原因</th></tr></thead><tbody>
          ${JM.raw(error.details.map((d) => JM.html`<tr><td>${d.field}</td><td>${d.reason}</td></tr>`).join(""))}</tbody></table>`;
      }
    });
  }
})();
