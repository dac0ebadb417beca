/* Staff: postings flagged by screening (P10), cleared or confirmed with a note (audited by the API). */
"use strict";
(() => {
  let status = "blocked";
  JM.pages.screening = async (root) => {
    root.innerHTML = JM.html`<h1>岗位审核</h1>
      <form id="screening-filter" class="card filters" aria-label="审核状态">
        ${JM.raw(JM.field("status", "状态", { kind: "select", value: status, options: [["blocked", "已拦截"], ["review", "待复核"],
          ["confirmed", "已确认违规"], ["cleared", "已解除"], ["", "全部有问题的岗位"]] }))}
        <button type="submit">查看</button></form><div id="screening-body"></div>`;
    const form = root.querySelector("#screening-filter");
    JM.onSubmit(form, async () => { status = form.elements.status.value; await load(root); });
    await load(root);
  };

  async function load(root) {
    const page = await JM.get(`/v1/screening/flagged${JM.query({ status, limit: 50 })}`);
    const body = root.querySelector("#screening-body");
    if (!page.items.length) { body.innerHTML = "<p>没有待处理的岗位。</p>"; return; }
    body.innerHTML = page.items.map((job) => JM.html`<form class="card screening-item" data-job-id="${job.id}" aria-labelledby="job-${job.id}">
      <h2 id="job-${job.id}">${job.title} — ${job.employer_name}（岗位 ${job.id}）</h2>
      <p>状态：<span class="tag ${job.held_back ? "bad" : "ok"}">${JM.label("screening", job.screening_status)}</span>
        ${job.held_back ? "（不参与匹配）" : ""}</p>
      <ul>${JM.raw(job.findings.map((f) => JM.html`<li><span class="tag ${f.severity === "block" ? "bad" : "warn"}">${JM.label("severity", f.severity)}</span>
        “${f.span}”：${f.explanation}</li>`).join(""))}</ul>
      ${JM.raw(JM.field("note", "处理意见（必填，记入审计日志）", { kind: "textarea", required: true }))}
      <div class="row-actions"><button type="submit" name="decision" value="clear">解除（恢复匹配）</button>
        <button type="submit" name="decision" value="confirm" class="danger">确认违规（继续拦截）</button></div></form>`).join("");
    for (const form of body.querySelectorAll("form.screening-item")) {
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const decision = (event.submitter && event.submitter.value) || "confirm";
        JM.clearErrors(form);
        try {
          await JM.api("POST", `/v1/jobs/${form.dataset.jobId}/screening`, { json: { decision, note: form.elements.note.value } });
          JM.notify(decision === "clear" ? "已解除，岗位恢复匹配。" : "已确认违规，岗位继续拦截。");
          await load(root);
        } catch (error) { JM.showErrors(form, error); }
      });
    }
  }
})();
