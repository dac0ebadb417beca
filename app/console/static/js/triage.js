/* Staff: the triage queue (GET /v1/triage/queue) and a graduate's card with its ledger forms. */
"use strict";
(() => {
  const L = JM.L;
  const state = { filters: {}, cursors: [null] }; // cursors[i] = the cursor of page i (page 0: none)

  JM.pages.queue = async (root) => {
    const f = state.filters;
    root.innerHTML = JM.html`<h1>重点人员队列</h1>
      <form id="queue-filters" class="card filters" role="search" aria-label="筛选队列">
        ${JM.raw(JM.field("city", "城市", { value: f.city || "" }))}
        ${JM.raw(JM.field("county", "区县", { value: f.county || "" }))}
        ${JM.raw(JM.field("staff", "专人", { value: f.staff || "" }))}
        ${JM.raw(JM.field("hardship", "困难群体", { kind: "select", value: f.hardship || "", options: JM.options(L.hardship, { blank: "全部" }) }))}
        ${JM.raw(JM.field("graduation_year", "毕业年份", { kind: "number", value: f.graduation_year || "", attrs: 'min="2000" max="2100"' }))}
        ${JM.raw(JM.field("limit", "每页", { kind: "select", value: f.limit || "50", options: [["10", "10"], ["20", "20"], ["50", "50"], ["100", "100"], ["200", "200"]] }))}
        ${JM.raw(JM.field("overdue", "仅看联系超期", { kind: "checkbox", value: f.overdue }))}
        <button type="submit">筛选</button>
      </form>
      <div id="queue-body" aria-live="polite"></div>`;
    const form = root.querySelector("#queue-filters");
    JM.onSubmit(form, async () => {
      state.filters = JM.formBody(form, { booleans: ["overdue"] });
      state.cursors = [null];
      await loadPage(root, 0);
    });
    await loadPage(root, state.cursors.length - 1);
  };

  let generation = 0;
  async function loadPage(root, index) {
    const mine = ++generation; // a slower earlier page must not overwrite a later one
    const form = root.querySelector("#queue-filters");
    const body = root.querySelector("#queue-body");
    let page;
    try {
      page = await JM.get(`/v1/triage/queue${JM.query({ ...state.filters, cursor: state.cursors[index] })}`);
    } catch (error) { if (mine === generation) { JM.showErrors(form, error); body.innerHTML = ""; } return; }
    if (mine !== generation) return;
    state.cursors = state.cursors.slice(0, index + 1);
    if (page.next_cursor) state.cursors.push(page.next_cursor);
    const rows = page.items.map((row) => JM.html`<tr data-graduate-id="${row.graduate.id}">
      <td><a href="#/graduate/${row.graduate.id}">${row.graduate.name}</a><br><span class="hint">${row.graduate.external_id}</span></td>
      <td>${row.graduate.current_city || ""} ${row.graduate.county || ""}</td>
      <td>${row.graduate.graduation_year}</td>
      <td><strong>${JM.label("reason", row.reason)}</strong><ul>${JM.raw(row.reasons.map((r) => `<li>${JM.esc(r)}</li>`).join(""))}</ul></td>
      <td>${row.next_action.text}</td>
      <td>${contactText(row.contact)}</td>
      <td>${row.services.services} / ${row.services.required}</td>
      <td>${row.staff_name || "—"}</td></tr>`).join("");
    const warnings = page.calendar_warnings.map((w) => `<p class="hint">${JM.esc(w)}</p>`).join("");
    body.innerHTML = JM.html`${JM.raw(warnings)}
      <p class="hint">截至 ${page.as_of}，第 ${index + 1} 页，本页 ${page.items.length} 人。</p>
      <table id="queue-table"><caption class="sr-only">重点人员队列</caption><thead><tr><th scope="col">姓名</th><th scope="col">城市 / 区县</th>
        <th scope="col">毕业年份</th><th scope="col">原因</th><th scope="col">下一步</th><th scope="col">联系时限</th>
        <th scope="col">本年服务</th><th scope="col">专人</th></tr></thead>
        <tbody>${JM.raw(rows || '<tr><td colspan="8">没有符合条件的人员。</td></tr>')}</tbody></table>
      <div class="row-actions" style="margin-top:8px">
        <button type="button" class="secondary" id="queue-prev" ${JM.raw(index === 0 ? "disabled" : "")}>上一页</button>
        <button type="button" class="secondary" id="queue-next" ${JM.raw(page.next_cursor ? "" : "disabled")}>下一页</button>
      </div>`;
    body.dataset.render = String(generation); // a new page is on screen (tests wait for it)
    body.querySelector("#queue-prev").addEventListener("click", () => loadPage(root, index - 1));
    body.querySelector("#queue-next").addEventListener("click", () => loadPage(root, index + 1));
  }

  function contactText(contact) {
    if (!contact.required) return "无需（非小程序登记）";
    const due = contact.due_on ? `${contact.due_on} 前` : "";
    return `${due} ${JM.label("contact", contact.status)}`;
  }

  /* ---- the graduate card ---- */
  JM.pages.graduate = async (root, id) => {
    const card = await JM.get(`/v1/triage/graduates/${id}`);
    const g = card.registry;
    const hardship = g.hardship && g.hardship.length;
    root.innerHTML = JM.html`<p><a href="#/queue">← 返回队列</a></p>
      <h1>${g.name}（${g.external_id}）</h1>
      <div class="grid2">
        <section class="card" aria-labelledby="basic-h"><h2 id="basic-h">基本情况</h2><dl class="kv">
          <dt>身份证号</dt><dd id="national-id">${g.national_id || "—"}</dd>
          <dt>手机号</dt><dd id="phone">${g.phone || "—"}</dd>
          <dt>学历 / 专业</dt><dd>${JM.label("education", g.education)} · ${g.major}</dd>
          <dt>毕业年份</dt><dd>${g.graduation_year}</dd>
          <dt>城市 / 区县</dt><dd>${g.current_city || ""} ${g.county || ""}</dd>
          <dt>就业状态</dt><dd>${JM.label("status", g.employment_status)}</dd>
          <dt>困难群体</dt><dd>${hardship ? g.hardship.map((h) => JM.label("hardship", h)).join("、") : "无"}</dd>
          <dt>专人</dt><dd>${card.staff_name || "未指定"}</dd>
        </dl>
        <div class="row-actions"><button type="button" id="unmask" class="secondary">显示完整号码</button>
          <span id="unmask-note" class="hint" role="status"></span></div></section>
        <section class="card" aria-labelledby="why-h"><h2 id="why-h">为何在队列中</h2>
          <p><strong>${JM.label("reason", card.reason)}</strong> — 下一步：${card.next_action.text}</p>
          <ul>${JM.raw(card.reasons.map((r) => `<li>${JM.esc(r)}</li>`).join(""))}</ul>
          <p>联系时限：${contactText(card.contact)}；本年服务 ${card.services.services} / ${card.services.required} 次。</p>
          ${JM.raw(card.plan ? JM.html`<p>帮扶计划第 ${card.plan.version} 版（${card.plan.staff_name}）：${card.plan.goals.join("；")}</p>` : "")}
        </section>
      </div>
      <section class="card" aria-labelledby="svc-h"><h2 id="svc-h">最近服务</h2>${JM.raw(servicesTable(card.recent_services))}
        ${JM.raw(card.outcomes.length ? `<h3>就业去向记录</h3><ul>${card.outcomes.map((o) => `<li>${JM.esc(JM.fmtTime(o.recorded_at))} ${JM.esc(JM.label("status", o.previous_status))} → ${JM.esc(JM.label("status", o.status))} ${JM.esc(o.employer_name || o.school || "")}（${JM.esc(o.staff_name)}）</li>`).join("")}</ul>` : "")}</section>
      <div class="grid2">${JM.raw(serviceForm())}${JM.raw(outcomeForm())}${JM.raw(assignmentForm(card))}${JM.raw(hardship ? planForm(card) : "")}</div>`;
    root.querySelector("#unmask").addEventListener("click", () => unmask(root, id));
    wireForms(root, id);
  };

  function servicesTable(services) {
    if (!services.length) return "<p>暂无服务记录。</p>";
    return `<table><thead><tr><th scope="col">时间</th><th scope="col">类型</th><th scope="col">方式</th><th scope="col">结果</th><th scope="col">工作人员</th><th scope="col">备注</th></tr></thead><tbody>`
      + services.map((s) => JM.html`<tr><td>${JM.fmtTime(s.provided_at)}</td><td>${JM.label("kind", s.kind)}</td><td>${JM.label("channel", s.channel)}</td>
        <td>${JM.label("serviceOutcome", s.outcome)}</td><td>${s.staff_name}</td><td>${s.note}</td></tr>`).join("") + "</tbody></table>";
  }

  /* The unmasked read is audited by the API, with the reason as the audit entry's note: nobody
   * unmasks by accident, and the ledger says why each number was read. */
  async function unmask(root, id) {
    const answer = await JM.ask("查看完整号码", JM.field("reason", "查看原因（必填）", { kind: "textarea", required: true,
      hint: "例如：电话联系毕业生。本次查看将记入审计日志。" }), "显示");
    if (!answer || !answer.reason) return;
    let full;
    try { full = await JM.get(`/v1/graduates/${id}?unmasked=true&reason=${encodeURIComponent(answer.reason)}`); } catch (error) {
      JM.notify(JM.describeError(error), "error"); return;
    }
    root.querySelector("#national-id").textContent = full.national_id || "—";
    root.querySelector("#phone").textContent = full.phone || "—";
    root.querySelector("#unmask-note").textContent = `已显示完整号码（已记入审计日志）。查看原因：${answer.reason}`;
  }

  const STAFF_HINT = "工作人员姓名，如 王芳";
  function serviceForm() {
    return `<form class="card" id="service-form" aria-labelledby="sf-h"><h2 id="sf-h">记录服务</h2>
      ${JM.field("kind", "服务类型", { kind: "select", options: JM.options(L.kind) })}
      ${JM.field("channel", "方式", { kind: "select", options: JM.options(L.channel) })}
      ${JM.field("outcome", "结果", { kind: "select", options: JM.options(L.serviceOutcome) })}
      ${JM.field("staff_name", "工作人员", { required: true, hint: STAFF_HINT })}
      ${JM.field("job_ids", "推荐岗位编号", { hint: "岗位推荐必填，多个用逗号分隔" })}
      ${JM.field("provided_at", "服务时间", { kind: "datetime-local", hint: "留空为现在" })}
      ${JM.field("note", "备注", { kind: "textarea" })}
      <button type="submit">保存服务记录</button></form>`;
  }
  function outcomeForm() {
    return `<form class="card" id="outcome-form" aria-labelledby="of-h"><h2 id="of-h">记录就业去向</h2>
      ${JM.field("status", "新状态", { kind: "select", options: JM.options(L.status) , value: "employed" })}
      ${JM.field("employer_name", "就业单位", { hint: "已就业必填" })}
      ${JM.field("started_on", "入职日期", { kind: "date", hint: "已就业必填" })}
      ${JM.field("found_via", "就业渠道", { kind: "select", options: JM.options(L.foundVia, { blank: "（未选）" }) })}
      ${JM.field("job_id", "岗位编号", { kind: "number", attrs: 'min="1"' })}
      ${JM.field("school", "升学院校")}
      ${JM.field("staff_name", "工作人员", { required: true, hint: STAFF_HINT })}
      ${JM.field("note", "备注", { kind: "textarea" })}
      <button type="submit">保存去向</button></form>`;
  }
  function assignmentForm(card) {
    return `<form class="card" id="assignment-form" aria-labelledby="af-h"><h2 id="af-h">指定专人</h2>
      ${JM.field("staff_name", "专人姓名", { required: true, value: card.staff_name || "", hint: "更换专人会结束原指定（留有记录）" })}
      ${JM.field("note", "备注", { kind: "textarea" })}
      <button type="submit">保存专人</button></form>`;
  }
  function planForm(card) {
    const plan = card.plan;
    const steps = plan ? plan.steps.map((s) => `${s.action}|${s.due_on || ""}|${s.done ? "已完成" : ""}`).join("\n") : "";
    return `<form class="card" id="plan-form" aria-labelledby="pf-h"><h2 id="pf-h">一人一策帮扶计划</h2>
      ${JM.field("goals", "目标（每行一条）", { kind: "textarea", required: true, value: plan ? plan.goals.join("\n") : "" })}
      ${JM.field("steps", "措施（每行：措施|日期|已完成）", { kind: "textarea", required: true, value: steps, hint: "如：陪同面试|2026-12-03" })}
      ${JM.field("recommended_job_ids", "推荐岗位编号", { value: plan ? plan.recommended_job_ids.join(",") : "", hint: "逗号分隔" })}
      ${JM.field("review_on", "复核日期", { kind: "date", value: plan && plan.review_on ? plan.review_on : "" })}
      ${JM.field("staff_name", "工作人员", { required: true, value: plan ? plan.staff_name : card.staff_name || "" })}
      ${JM.field("note", "备注", { kind: "textarea" })}
      <button type="submit">保存计划</button></form>`;
  }

  function wireForms(root, id) {
    const base = `/v1/triage/graduates/${id}`;
    const done = async (message) => { await JM.pages.graduate(root, id); JM.notify(message); };
    JM.onSubmit(root.querySelector("#service-form"), async (form) => {
      const body = JM.formBody(form, { intLists: ["job_ids"] });
      if (body.provided_at) body.provided_at = `${body.provided_at}:00+08:00`; // entered in China time
      await JM.api("POST", `${base}/services`, { json: body });
      await done("服务记录已保存。");
    });
    JM.onSubmit(root.querySelector("#outcome-form"), async (form) => {
      await JM.api("POST", `${base}/outcomes`, { json: JM.formBody(form, { numbers: ["job_id"] }) });
      await done("就业去向已保存。");
    });
    JM.onSubmit(root.querySelector("#assignment-form"), async (form) => {
      await JM.api("PUT", `${base}/assignment`, { json: JM.formBody(form) });
      await done("专人已保存。");
    });
    const plan = root.querySelector("#plan-form");
    if (plan) JM.onSubmit(plan, async (form) => {
      const body = JM.formBody(form, { intLists: ["recommended_job_ids"] });
      body.goals = (body.goals || "").split("\n").map((s) => s.trim()).filter(Boolean);
      body.steps = (body.steps || "").split("\n").map((s) => s.trim()).filter(Boolean).map((line) => {
        const [action, due, done_] = line.split("|").map((s) => (s || "").trim());
        return { action, ...(due ? { due_on: due } : {}), done: Boolean(done_) };
      });
      await JM.api("PUT", `${base}/plan`, { json: body });
      await done("帮扶计划已保存。");
    });
  }
})();
