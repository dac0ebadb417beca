"""A fair from creation to a locked schedule and its exports, all in the organiser's console."""
from __future__ import annotations

from typing import Any

from tests.browser.conftest import sign_in
from tests.browser.helpers import docs_screenshot
from tests.browser.seed import HOSPITALS, World


def _sheet(rows: list[str]) -> dict[str, Any]:
    text = "\n".join(["毕业生编号,场次,面试数", *rows]) + "\n"
    return {"name": "报名表.csv", "mimeType": "text/csv", "buffer": text.encode("gb18030")}


def _grid(page: Any) -> set[tuple[str, str, str]]:
    """(slot id, booth id, graduate id) of every interview in the drawn grid."""
    return {(cell.get_attribute("data-slot"), cell.get_attribute("data-booth"), iv.get_attribute("data-graduate"))
            for cell in page.locator("#schedule-grid td").all() for iv in cell.locator(".iv").all()}


def _api_grid(schedule: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(str(r["slot_id"]), str(r["booth_id"]), str(r["graduate_id"])) for r in schedule["schedule"]}


def test_a_fair_from_creation_to_locked_schedule_and_exports(page: Any, world: World) -> None:
    sign_in(page, world, "organiser")
    form = page.locator("#fair-form")
    form.get_by_label("名称").fill("2026年12月临沂市医养健康专场")
    form.get_by_label("类型").select_option("special")
    form.get_by_label("城市").fill("临沂")
    form.get_by_label("日期").fill("2026-12-05")
    form.get_by_role("button", name="添加时段").click()  # 10:00–10:30 after the two default slots
    form.get_by_role("button", name="创建招聘会").click()
    page.locator("#booths-table").wait_for()
    fair_id = int(page.url.rsplit("/", 1)[1])
    fair = world.get(f"/v1/fairs/{fair_id}", role="organiser")
    assert [(s["start"], s["end"]) for s in fair["slots"]] == [
        ("09:00:00", "09:30:00"), ("09:30:00", "10:00:00"), ("10:00:00", "10:30:00")]

    for index, job_id in enumerate(world.fair_jobs):
        booth = page.locator("#booth-form")
        booth.get_by_label("岗位编号").fill(str(job_id))
        booth.get_by_label("展位号").fill(f"A{index + 1}")
        booth.get_by_label("总面试数").fill("3")
        booth.get_by_role("button", name="添加展位").click()
        page.locator("#booths-table tbody tr").nth(index).filter(has_text=HOSPITALS[index]).wait_for()

    upload = page.locator("#import-form")
    upload.get_by_label("报名表文件（CSV 或 XLSX：毕业生编号、场次、面试数）").set_input_files(
        _sheet(["ly-0,1、2,2", "nobody,,"]))
    upload.get_by_role("button", name="上传并登记").click()
    rejected = page.locator("#import-rejected")
    rejected.wait_for()
    assert "row 3" in rejected.inner_text()
    assert world.get(f"/v1/fairs/{fair_id}/registrations", role="organiser")["items"] == []  # all or none
    upload.get_by_label("报名表文件（CSV 或 XLSX：毕业生编号、场次、面试数）").set_input_files(
        _sheet(["ly-0,1、2,2", *[f"{g},,2" for g in world.fair_graduates[1:]]]))
    upload.get_by_role("button", name="上传并登记").click()
    page.get_by_text("登记 5 人").wait_for()

    # Pairing is a background run: the POST answers 202 at once, the page polls the run and shows where it is.
    runs = f"/v1/fairs/{fair_id}/pairing-runs"
    with page.expect_response(lambda r: r.url.endswith(runs) and r.request.method == "POST") as started:
        page.get_by_role("button", name="开始配对").click()
    assert started.value.status == 202
    run = started.value.json()
    assert started.value.headers["location"] == f"{runs}/{run['id']}"
    page.get_by_text("已提交，排队等待计算…").wait_for()
    page.locator("#schedule-grid .iv").first.wait_for()
    page.get_by_text("配对完成。").wait_for()
    assert page.locator("#pairing-progress").inner_text() == ""
    done = world.get(f"{runs}/{run['id']}", role="organiser")
    assert done["state"] == "done" and done["attempts"] == 1
    schedule = world.get(f"/v1/fairs/{fair_id}/schedule", role="organiser")
    assert schedule["interviews"] > 0 and _grid(page) == _api_grid(schedule) == _api_grid(done["schedule"])

    booths = world.get(f"/v1/fairs/{fair_id}/booths", role="organiser")
    graduates = {r["external_id"]: r["graduate_id"] for r in
                 world.get(f"/v1/fairs/{fair_id}/registrations", role="organiser")["items"]}
    forbidden = next(r for r in schedule["schedule"] if r["graduate_external_id"] == "ly-1")
    rules = page.locator("#rule-form")
    rules.get_by_label("规则").select_option("forbid")
    rules.get_by_label("毕业生").select_option(str(forbidden["graduate_id"]))
    rules.get_by_label("展位").select_option(str(forbidden["booth_id"]))
    rules.get_by_role("button", name="添加规则").click()
    page.get_by_text("规则已添加，请重新配对。").wait_for()
    pinned_booth = booths[2]["id"]
    rules = page.locator("#rule-form")
    rules.get_by_label("规则").select_option("pin")
    rules.get_by_label("毕业生").select_option(str(graduates["ly-4"]))
    rules.get_by_label("展位").select_option(str(pinned_booth))
    rules.get_by_role("button", name="添加规则").click()
    page.get_by_text("规则已添加，请重新配对。").wait_for()
    page.locator("#rules-list li").nth(1).wait_for()
    assert page.locator("#rules-list li").count() == 2

    with page.expect_response(lambda r: r.url.endswith(runs) and r.request.method == "POST"):
        page.get_by_role("button", name="重新配对").click()
        page.locator("#pairing-progress progress").wait_for()  # the indicator shows while the server works
        assert page.get_by_role("button", name="重新配对").is_disabled()  # no second run while one is followed
    page.get_by_text("配对完成。").wait_for()
    schedule = world.get(f"/v1/fairs/{fair_id}/schedule", role="organiser")
    grid = _grid(page)
    assert grid == _api_grid(schedule)
    assert not any(b == str(forbidden["booth_id"]) and g == str(forbidden["graduate_id"]) for _, b, g in grid)
    pin = page.locator(f"#schedule-grid td[data-booth='{pinned_booth}'] .iv.pinned[data-graduate='{graduates['ly-4']}']")
    assert "【固定】" in pin.inner_text()
    docs_screenshot(page.locator("#schedule-part"), "console-fair-grid.png")

    page.get_by_role("button", name="锁定并发布日程").click()
    page.get_by_text("日程已锁定并发布。").wait_for()
    assert world.get(f"/v1/fairs/{fair_id}/schedule", role="organiser")["locked"] is True
    assert "【已锁定发布】" in page.locator("#schedule-summary").inner_text()
    assert page.get_by_role("button", name="重新配对").is_disabled()

    with page.expect_download() as employers:
        page.get_by_role("button", name="导出招聘单位面试名单（CSV）").click()
    text = open(employers.value.path(), encoding="utf-8-sig").read()
    assert employers.value.suggested_filename == f"fair-{fair_id}-employers.csv"
    assert HOSPITALS[2] in text and "临沂学员4" in text
    with page.expect_download() as timetables:
        page.get_by_role("button", name="导出毕业生日程（CSV）").click()
    assert timetables.value.suggested_filename == f"fair-{fair_id}-timetables.csv"
    assert all(f"临沂学员{i}" in open(timetables.value.path(), encoding="utf-8-sig").read() for i in range(5))
