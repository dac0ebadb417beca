/* Organisers: a fair's pairing as a background run (POST …/pairing-runs, then the run polled with its
 * progress until the schedule is ready), the schedule as a slots × booths grid, pins and forbids
 * (/pair-rules), lock/unlock and the two exports. */
"use strict";
(() => {
  JM.renderSchedule = async (ctx) => {
    const part = ctx.root.querySelector("#schedule-part");
    let schedule = null;
    if (ctx.fair.current_run_id) schedule = await JM.get(`/v1/fairs/${ctx.id}/schedule`);
    const rules = (await JM.get(`/v1/fairs/${ctx.id}/pair-rules`)).items;
    const locked = Boolean(schedule && schedule.locked);
    part.innerHTML = JM.html`<section class="card" aria-labelledby="pair-h"><h2 id="pair-h">配对与日程</h2>
      <form id="pairing-form" class="filters" aria-label="运行配对">
        ${JM.raw(JM.field("mode", "配对方式", { kind: "select", options: [["optimal", "最优（保障覆盖与重点人员）"], ["stable", "稳定匹配"]] }))}
        <button type="submit" ${JM.raw(locked ? "disabled" : "")}>${schedule ? "重新配对" : "开始配对"}</button>
        <span id="pairing-progress" role="status" aria-live="polite"></span>
      </form>
      <div class="row-actions">
        ${JM.raw(schedule ? (locked ? '<button type="button" id="unlock" class="secondary">解除锁定</button>'
          : '<button type="button" id="lock">锁定并发布日程</button>') : "")}
        ${JM.raw(schedule ? '<button type="button" class="secondary" id="export-employers">导出招聘单位面试名单（CSV）</button>'
          + '<button type="button" class="secondary" id="export-graduates">导出毕业生日程（CSV）</button>' : "")}
      </div>
      <p class="form-error" id="schedule-error" role="alert"></p>
      ${JM.raw(schedule ? report(schedule) + grid(ctx, schedule) : "<p>尚未配对。</p>")}
      </section>
      ${JM.raw(rulesPart(ctx, rules))}`;
    wire(ctx, part);
  };

  function report(s) {
    return JM.html`<p id="schedule-summary">${s.locked ? "【已锁定发布】" : "【草稿】"} 报名 ${s.registered} 人，安排面试 ${s.interviews} 场，
      ${s.coverage} 人至少有一场（${JM.pct(s.coverage_rate)}）；平均匹配分 ${s.mean_score.toFixed(3)}；
      ${s.proven_optimal ? "已证明最优" : s.gap === null ? "" : `与上界差距 ${JM.pct(s.gap)}`}；用时 ${s.solve_seconds.toFixed(2)} 秒。
      ${s.unassigned.length ? `未安排 ${s.unassigned.length} 人：${s.unassigned.map((u) => `${u.graduate_id}（${JM.label("unassigned", u.reason)}）`).join("、")}` : ""}</p>`;
  }

  function grid(ctx, s) {
    const cells = {};
    for (const iv of s.schedule) (cells[`${iv.slot_id}:${iv.booth_id}`] ||= []).push(iv);
    const head = ctx.booths.map((b) => JM.html`<th scope="col">${b.label || ""} ${b.employer_name}</th>`).join("");
    const body = ctx.fair.slots.map((slot) => `<tr><th scope="row">${JM.esc(slot.number)}　${JM.esc(slot.start.slice(0, 5))}–${JM.esc(slot.end.slice(0, 5))}</th>`
      + ctx.booths.map((b) => `<td data-slot="${slot.id}" data-booth="${b.id}">${(cells[`${slot.id}:${b.id}`] || []).map((iv) =>
        JM.html`<span class="iv${iv.pinned ? " pinned" : ""}" data-graduate="${iv.graduate_id}">${iv.graduate_name}（${iv.graduate_external_id}）
          ${iv.pinned ? "【固定】" : ""}${iv.notified ? "【已通知】" : ""}</span>`).join("")}</td>`).join("") + "</tr>").join("");
    return `<div style="overflow-x:auto"><table class="sched" id="schedule-grid"><caption class="sr-only">日程：行为时段，列为展位</caption>
      <thead><tr><th scope="col">时段</th>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
  }

  function rulesPart(ctx, rules) {
    const grads = Object.fromEntries(ctx.registrations.map((r) => [r.graduate_id, `${r.name}（${r.external_id}）`]));
    const booths = Object.fromEntries(ctx.booths.map((b) => [b.id, `${b.label || ""} ${b.employer_name}`.trim()]));
    const slots = Object.fromEntries(ctx.fair.slots.map((s) => [s.id, `时段 ${s.number}（${s.start.slice(0, 5)}）`]));
    const list = rules.map((r) => JM.html`<li>${r.kind === "pin" ? "固定" : "禁止"}：${grads[r.graduate_id] || r.graduate_id} ↔ ${booths[r.booth_id] || r.booth_id}
      ${r.slot_id ? slots[r.slot_id] || "" : ""} <button type="button" class="secondary rule-delete" data-rule="${r.id}">删除规则 ${r.id}</button></li>`).join("");
    return `<section class="card" aria-labelledby="rules-h"><h2 id="rules-h">固定与禁止（改动后需重新配对）</h2>
      <ul id="rules-list">${list || "<li>暂无规则。</li>"}</ul>
      <form id="rule-form" class="filters" aria-label="添加规则">
        ${JM.field("kind", "规则", { kind: "select", options: [["pin", "固定（必须面试）"], ["forbid", "禁止（不安排）"]] })}
        ${JM.field("graduate_id", "毕业生", { kind: "select", required: true, options: [["", "请选择"], ...Object.entries(grads)] })}
        ${JM.field("booth_id", "展位", { kind: "select", required: true, options: [["", "请选择"], ...Object.entries(booths)] })}
        ${JM.field("slot_id", "时段（仅固定）", { kind: "select", options: [["", "自动"], ...Object.entries(slots)] })}
        <button type="submit">添加规则</button></form></section>`;
  }

  const runKey = (ctx) => `jm-pairing-run-${ctx.id}`;
  const PHASE = { loading: "正在读取报名与展位…", solving: "正在求解日程…", saving: "正在保存日程…" };

  function showProgress(box, run) {
    const p = run.progress;
    if (run.state === "queued") {
      box.innerHTML = '<progress aria-label="排队中"></progress> 已提交，排队等待计算…';
    } else if (p.phase === "scoring" && p.pairs_total) {
      box.innerHTML = JM.html`<progress aria-label="评分进度" max="${p.pairs_total}" value="${p.pairs_scored}"></progress>
        正在评分：${p.pairs_scored} / ${p.pairs_total} 对（${JM.pct(p.scored_fraction)}）`;
    } else {
      box.innerHTML = JM.html`<progress aria-label="正在配对"></progress> ${PHASE[p.phase] || "正在计算配对，请稍候…"}`;
    }
    box.dataset.state = run.state;
  }

  /* Poll the run (GET …/pairing-runs/{id}) until it is done, then redraw the page with its schedule.
   * Leaving the page stops the polling; the run itself goes on on the server. */
  async function follow(ctx, form, run, refresh) {
    const box = form.querySelector("#pairing-progress");
    const button = form.querySelector("button[type=submit]");
    let current = run;
    while (current.state !== "done" && current.state !== "failed") {
      if (!document.body.contains(box)) return;
      showProgress(box, current);
      if (button) button.disabled = true;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, (current.poll_after_seconds || 1) * 1000)));
      current = await JM.get(`/v1/fairs/${ctx.id}/pairing-runs/${current.id}`);
    }
    sessionStorage.removeItem(runKey(ctx));
    box.textContent = "";
    if (current.state === "failed") throw new Error(`配对未完成：${current.error}`);
    await refresh("配对完成。");
  }

  function wire(ctx, part) {
    const refresh = async (message) => { await JM.pages.fair(ctx.root, ctx.id); if (message) JM.notify(message); };
    const errorBox = part.querySelector("#schedule-error");
    const guarded = (fn) => async (event) => {
      const button = event.currentTarget; button.disabled = true; errorBox.textContent = "";
      try { await fn(); } catch (error) { errorBox.textContent = JM.describeError(error); button.disabled = false; }
    };
    const pairing = part.querySelector("#pairing-form");
    JM.onSubmit(pairing, async (form) => {
      const run = await JM.api("POST", `/v1/fairs/${ctx.id}/pairing-runs`, { json: { mode: form.elements.mode.value } });
      sessionStorage.setItem(runKey(ctx), String(run.id));
      await follow(ctx, form, run, refresh);
    });
    const pending = sessionStorage.getItem(runKey(ctx));  // a run started before a reload: keep following it
    if (pending) {
      JM.get(`/v1/fairs/${ctx.id}/pairing-runs/${pending}`).then((run) => {
        if (run.state === "done" || run.state === "failed") { sessionStorage.removeItem(runKey(ctx)); return null; }
        return follow(ctx, pairing, run, refresh);
      }).catch((error) => { sessionStorage.removeItem(runKey(ctx)); errorBox.textContent = JM.describeError(error); });
    }
    const on = (selector, fn) => { const el = part.querySelector(selector); if (el) el.addEventListener("click", guarded(fn)); };
    on("#lock", async () => { await JM.api("POST", `/v1/fairs/${ctx.id}/schedule/lock`); await refresh("日程已锁定并发布。"); });
    on("#unlock", async () => { await JM.api("POST", `/v1/fairs/${ctx.id}/schedule/unlock`); await refresh("已解除锁定，可重新配对。"); });
    on("#export-employers", async () => {
      const { filename } = await JM.download(`/v1/fairs/${ctx.id}/exports/employers?format=csv`, "employers.csv");
      JM.notify(`已导出 ${filename}`); part.querySelector("#export-employers").disabled = false;
    });
    on("#export-graduates", async () => {
      const { filename } = await JM.download(`/v1/fairs/${ctx.id}/exports/graduates?format=csv`, "graduates.csv");
      JM.notify(`已导出 ${filename}`); part.querySelector("#export-graduates").disabled = false;
    });
    for (const button of part.querySelectorAll(".rule-delete")) {
      button.addEventListener("click", guarded(async () => {
        await JM.api("DELETE", `/v1/fairs/${ctx.id}/pair-rules/${button.dataset.rule}`); await refresh("规则已删除。");
      }));
    }
    JM.onSubmit(part.querySelector("#rule-form"), async (form) => {
      await JM.api("POST", `/v1/fairs/${ctx.id}/pair-rules`, { json: JM.formBody(form, { numbers: ["graduate_id", "booth_id", "slot_id"] }) });
      await refresh("规则已添加，请重新配对。");
    });
  }
})();
