/* Staff: the P11 figures — employment rate against the 90% goal by county, cohort and hardship group
 * (ECharts bars with the goal line), contact compliance and services per graduate, and the CSV. */
"use strict";
(() => {
  const CHARTS = [["county", "按区县"], ["cohort", "按毕业年份"], ["hardship", "按困难群体"]];
  let scope = {};

  JM.pages.figures = async (root) => {
    root.innerHTML = JM.html`<h1>就业统计（目标：就业率 90%）</h1>
      <form id="figure-filters" class="card filters" role="search" aria-label="统计范围">
        ${JM.raw(JM.field("city", "城市", { value: scope.city || "" }))}
        ${JM.raw(JM.field("county", "区县", { value: scope.county || "" }))}
        ${JM.raw(JM.field("graduation_year", "毕业年份", { kind: "number", value: scope.graduation_year || "", attrs: 'min="2000" max="2100"' }))}
        ${JM.raw(JM.field("year", "服务统计年度", { kind: "number", value: scope.year || "", attrs: 'min="2000" max="2100"', hint: "留空为今年" }))}
        <button type="submit">查看</button>
        <button type="button" class="secondary" id="export-csv">导出 CSV（按区县）</button>
      </form>
      <div id="figures-body"></div>`;
    const form = root.querySelector("#figure-filters");
    JM.onSubmit(form, async () => { scope = JM.formBody(form, { numbers: ["graduation_year", "year"] }); await load(root); });
    root.querySelector("#export-csv").addEventListener("click", async () => {
      try {
        const { filename } = await JM.download(`/v1/triage/figures/export${JM.query({ ...scope, by: "county" })}`, "figures.csv");
        JM.notify(`已导出 ${filename}`);
      } catch (error) { JM.notify(JM.describeError(error), "error"); }
    });
    await load(root);
  };

  let generation = 0;
  async function load(root) {
    const mine = ++generation; // a slower earlier load must not overwrite a later one
    const body = root.querySelector("#figures-body");
    const q = (by) => JM.query({ ...scope, by });
    const [employment, compliance, services] = await Promise.all([
      Promise.all(CHARTS.map(([by]) => JM.get(`/v1/triage/figures/employment${q(by)}`))),
      JM.get(`/v1/triage/figures/contact-compliance${q("county")}`),
      JM.get(`/v1/triage/figures/services${q("county")}`),
    ]);
    if (mine !== generation) return;
    const total = employment[0].total;
    body.innerHTML = JM.html`<section class="card"><h2>总体</h2>
        <p>登记 ${total.registered} 人，就业率 <strong id="total-rate">${JM.pct(total.employment_rate)}</strong>
        ${JM.raw(total.needed_for_goal ? `，距 90% 目标还需 ${total.needed_for_goal} 人` : "，已达目标")}。</p></section>
      <div class="grid2">${JM.raw(CHARTS.map(([by, title], i) => JM.html`<section class="card" aria-labelledby="ch-${by}">
        <h2 id="ch-${by}">就业率${title}</h2>
        <div class="chart" id="chart-${by}" role="img" aria-label="就业率${title}柱状图，红线为 90% 目标"></div>
        <details><summary>数据表</summary>${JM.raw(employmentTable(employment[i]))}</details></section>`).join(""))}</div>
      <section class="card"><h2>首次联系时效（${compliance.year} 年，按区县）</h2>${JM.raw(complianceTable(compliance))}</section>
      <section class="card"><h2>人均服务次数（${services.year} 年，按区县，每人需 ${services.required} 次）</h2>${JM.raw(servicesTable(services))}</section>`;
    CHARTS.forEach(([by], i) => drawChart(body.querySelector(`#chart-${by}`), employment[i]));
    body.dataset.city = scope.city || ""; // which scope is on screen (tests wait for it)
  }

  /* The chart's series carry the rates in percent, rounded to 0.1: what the tests read back. */
  function drawChart(element, figures) {
    const rows = figures.rows.filter((row) => row.employment_rate !== null);
    const chart = echarts.init(element, null, { renderer: "canvas" });
    const goal = Math.round(figures.goal * 1000) / 10;
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 24, bottom: 48 },
      tooltip: { trigger: "axis", valueFormatter: (v) => `${v}%` },
      xAxis: { type: "category", data: rows.map((row) => row.group_name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      series: [{
        name: "就业率", type: "bar", barMaxWidth: 40,
        data: rows.map((row) => ({ value: Math.round(row.employment_rate * 1000) / 10,
          itemStyle: { color: row.meets_goal ? "#1e6b32" : "#0b5cad" } })),
        label: { show: true, position: "top", formatter: "{c}%" },
        markLine: { silent: true, symbol: "none", lineStyle: { color: "#a4161a", type: "dashed", width: 2 },
          label: { formatter: `目标 ${goal}%` }, data: [{ yAxis: goal }] },
      }],
    });
    window.addEventListener("resize", () => chart.resize());
  }

  function employmentTable(figures) {
    return `<table><thead><tr><th scope="col">分组</th><th scope="col">登记</th><th scope="col">就业</th><th scope="col">升学</th><th scope="col">就业率</th><th scope="col">距目标</th></tr></thead><tbody>`
      + figures.rows.map((r) => JM.html`<tr><td>${r.group_name}</td><td>${r.registered}</td><td>${r.employed}</td><td>${r.further_study}</td>
        <td>${JM.pct(r.employment_rate)}</td><td>${r.needed_for_goal}</td></tr>`).join("") + "</tbody></table>";
  }
  function complianceTable(figures) {
    const rows = figures.total ? [figures.total, ...figures.rows] : figures.rows;
    return `<table id="compliance-table"><thead><tr><th scope="col">分组</th><th scope="col">小程序登记</th><th scope="col">按时联系</th><th scope="col">逾期联系</th><th scope="col">超期未联系</th><th scope="col">未到期</th><th scope="col">按时率</th></tr></thead><tbody>`
      + rows.map((r) => JM.html`<tr><td>${r.group_name}</td><td>${r.registered}</td><td>${r.on_time}</td><td>${r.late}</td><td>${r.overdue}</td><td>${r.pending}</td>
        <td>${JM.pct(r.compliance_rate)}</td></tr>`).join("") + "</tbody></table>";
  }
  function servicesTable(figures) {
    const rows = [figures.total, ...figures.rows];
    return `<table id="services-table"><thead><tr><th scope="col">分组</th><th scope="col">登记</th><th scope="col">服务次数</th><th scope="col">人均</th><th scope="col">应服务人数</th><th scope="col">已满 3 次</th><th scope="col">未满</th></tr></thead><tbody>`
      + rows.map((r) => JM.html`<tr><td>${r.group_name}</td><td>${r.registered}</td><td>${r.services}</td>
        <td>${r.services_per_graduate === null ? "—" : r.services_per_graduate.toFixed(2)}</td><td>${r.in_scope}</td><td>${r.met}</td><td>${r.deficit}</td></tr>`).join("") + "</tbody></table>";
  }
})();
