"""The figures page draws what the API computes, and the screening queue takes a decision."""
from __future__ import annotations

from typing import Any

from tests.browser.conftest import sign_in
from tests.browser.seed import QUEUE_CITY, World

CHART = "(id) => { const option = echarts.getInstanceByDom(document.getElementById(id)).getOption(); " \
        "return {labels: option.xAxis[0].data, values: option.series[0].data.map((d) => d.value), " \
        "goal: option.series[0].markLine.data[0].yAxis}; }"


def test_employment_charts_show_the_api_figures_against_the_goal(page: Any, world: World) -> None:
    sign_in(page, world, "staff")
    page.get_by_role("link", name="就业统计").click()
    page.locator("#figures-body[data-city=''] #chart-county canvas").wait_for()  # province-wide first
    form = page.locator("#figure-filters")
    form.get_by_label("城市").fill(QUEUE_CITY)
    form.get_by_role("button", name="查看").click()
    page.locator(f"#figures-body[data-city='{QUEUE_CITY}'] #chart-county canvas").wait_for()
    for by in ("county", "cohort", "hardship"):
        api = world.get("/v1/triage/figures/employment", by=by, city=QUEUE_CITY)
        rows = [row for row in api["rows"] if row["employment_rate"] is not None]  # groups with nobody: no bar
        drawn = page.evaluate(CHART, f"chart-{by}")
        assert drawn["goal"] == 90
        assert drawn["labels"] == [row["group_name"] for row in rows]
        assert drawn["values"] == [round(row["employment_rate"] * 100, 1) for row in rows]
    # The seeded registry, counted by hand: 张店区 2 of 4 placed (one employed, one studying), 淄川区 1 of 4.
    county = page.evaluate(CHART, "chart-county")
    assert dict(zip(county["labels"], county["values"], strict=True)) == {"张店区": 50.0, "淄川区": 25.0}
    assert page.locator("#total-rate").inner_text() == "37.5%"

    services = world.get("/v1/triage/figures/services", by="county", city=QUEUE_CITY)
    table = page.locator("#services-table tbody tr").all()
    assert table[0].locator("td").nth(2).inner_text() == str(services["total"]["services"])
    compliance = world.get("/v1/triage/figures/contact-compliance", by="county", city=QUEUE_CITY)
    assert page.locator("#compliance-table tbody tr").count() == len(compliance["rows"]) + 1

    with page.expect_download() as download:
        page.get_by_role("button", name="导出 CSV（按区县）").click()
    saved = download.value
    assert saved.suggested_filename.startswith("triage-figures-county-")
    text = open(saved.path(), encoding="utf-8-sig").read()
    assert "张店区" in text and "淄川区" in text


def test_screening_decision_with_a_note(page: Any, world: World) -> None:
    sign_in(page, world, "staff")
    page.get_by_role("link", name="岗位审核").click()
    item = page.locator(f"form.screening-item[data-job-id='{world.blocked_job}']")
    item.wait_for()
    assert "拦截" in item.inner_text()
    item.get_by_label("处理意见（必填，记入审计日志）").fill("x")  # too short for the API: shown beside the note
    item.get_by_role("button", name="确认违规（继续拦截）").click()
    item.locator("[data-error-for='note']").filter(has_text="2").wait_for()
    item.get_by_label("处理意见（必填，记入审计日志）").fill("核实：限男性且收押金，通知单位整改")
    item.get_by_role("button", name="确认违规（继续拦截）").click()
    page.get_by_text("已确认违规，岗位继续拦截。").wait_for()
    job = world.get(f"/v1/jobs/{world.blocked_job}")
    assert job["screening_status"] == "confirmed" and job["held_back"]
    notes = [e["note"] for e in world.get("/v1/audit", resource="job", record_id=world.blocked_job)["items"]]
    assert "核实：限男性且收押金，通知单位整改" in notes
