"""Staff pages in the browser: the queue's filters and paging, recording a service, the audited
unmask, validation errors beside their fields, and the whole thing by keyboard."""
from __future__ import annotations

from typing import Any

from tests.browser.conftest import sign_in
from tests.browser.helpers import docs_screenshot, queue_ids, tab_to, wait_queue
from tests.browser.seed import SERVICE_CITY, World

REASON_NAMES = {"contact_overdue": "首次联系已超期", "contact_due": "待首次联系", "hardship_unsupported": "困难帮扶待落实",
                "service_deficit": "服务次数不足", "follow_up": "跟进"}


def _filter(page: Any, **fields: str) -> None:
    form = page.locator("#queue-filters")
    for label, value in fields.items():
        control = form.get_by_label(label, exact=True)
        if control.evaluate("el => el.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
    before = page.locator("#queue-body").get_attribute("data-render") or "0"
    form.get_by_role("button", name="筛选").click()
    page.wait_for_function("(before) => (document.querySelector('#queue-body').dataset.render || '0') !== before",
                           arg=before)


def _api_ids(world: World, **params: Any) -> tuple[list[int], str | None]:
    page = world.get("/v1/triage/queue", **params)
    return [row["graduate"]["id"] for row in page["items"]], page["next_cursor"]


def test_queue_filters_and_pages_like_the_api(page: Any, world: World) -> None:
    sign_in(page, world, "staff")
    wait_queue(page)
    _filter(page, 城市="淄博", 区县="淄川区")
    expected, _ = _api_ids(world, city="淄博", county="淄川区")
    assert len(expected) == 3 and queue_ids(page) == expected
    assert set(page.locator("#queue-table tbody td:nth-child(2)").all_inner_texts()) == {"淄博 淄川区"}

    page.locator("#queue-filters").get_by_label("仅看联系超期").check()
    _filter(page, 区县="")
    expected, _ = _api_ids(world, city="淄博", overdue="true")
    assert expected and queue_ids(page) == expected
    assert set(page.locator("#queue-table tbody td:nth-child(4) strong").all_inner_texts()) == {"首次联系已超期"}
    first = page.locator("#queue-table tbody tr").first  # every row shows its reasons and next action
    assert first.locator("td:nth-child(4) li").count() >= 2
    assert "联系" in first.locator("td:nth-child(5)").inner_text()

    page.locator("#queue-filters").get_by_label("仅看联系超期").uncheck()
    _filter(page, 城市="", 困难群体="minimum_living", 毕业年份="2025")
    expected, _ = _api_ids(world, hardship="minimum_living", graduation_year=2025)
    assert queue_ids(page) == expected

    _filter(page, 困难群体="", 毕业年份="", 每页="10")
    first_page, cursor = _api_ids(world, limit=10)
    second_page, _ = _api_ids(world, limit=10, cursor=cursor)
    assert cursor and len(first_page) == 10 and second_page
    assert queue_ids(page) == first_page
    docs_screenshot(page.locator("main"), "console-queue.png")
    page.get_by_role("button", name="下一页").click()
    page.get_by_text("第 2 页").wait_for()
    assert queue_ids(page) == second_page
    page.get_by_role("button", name="上一页").click()
    page.get_by_text("第 1 页").wait_for()
    assert queue_ids(page) == first_page


def test_recording_a_service_changes_the_queue(page: Any, world: World) -> None:
    sign_in(page, world, "staff")
    wait_queue(page)
    _filter(page, 城市=SERVICE_CITY)
    row = page.locator(f"#queue-table tr[data-graduate-id='{world.service_graduate}']")
    assert row.locator("td:nth-child(4) strong").inner_text() == "待首次联系"
    row.get_by_role("link").click()
    form = page.locator("#service-form")
    form.get_by_label("服务类型").select_option("job_recommendation")  # without its postings: refused
    form.get_by_label("结果").select_option("accepted")
    form.get_by_label("工作人员").fill("王芳")
    form.get_by_role("button", name="保存服务记录").click()
    error = form.locator("[data-error-for='job_ids']")
    error.filter(has_text="job_ids").wait_for()
    assert form.get_by_label("推荐岗位编号").get_attribute("aria-invalid") == "true"

    form.get_by_label("服务类型").select_option("contact")
    form.get_by_label("结果").select_option("reached")
    form.get_by_label("备注").fill("愿意到医院工作")
    form.get_by_role("button", name="保存服务记录").click()
    page.get_by_text("服务记录已保存。").wait_for()
    assert "愿意到医院工作" in page.locator("#svc-h + table").inner_text()

    page.get_by_role("link", name="← 返回队列").click()
    wait_queue(page)
    _filter(page, 城市=SERVICE_CITY)
    api_row = world.get("/v1/triage/queue", city=SERVICE_CITY)["items"][0]
    assert api_row["contact"]["status"] == "on_time" and api_row["reason"] != "contact_due"
    row = page.locator(f"#queue-table tr[data-graduate-id='{world.service_graduate}']")
    assert row.locator("td:nth-child(4) strong").inner_text() == REASON_NAMES[api_row["reason"]]
    assert "按时联系" in row.locator("td:nth-child(6)").inner_text()


def test_outcome_assignment_and_plan_forms_show_api_errors_beside_fields(page: Any, world: World) -> None:
    graduate = world.queue_graduates[2]  # 张店区, disabled: has the plan form
    sign_in(page, world, "staff")
    page.goto(f"{world.url}/console#/graduate/{graduate}")
    outcome = page.locator("#outcome-form")
    outcome.get_by_label("工作人员").fill("王芳")
    outcome.get_by_role("button", name="保存去向").click()  # employed without employer: refused
    outcome.locator("[data-error-for='employer_name']").filter(has_text="required").wait_for()
    assert world.get(f"/v1/triage/graduates/{graduate}/outcomes") == []  # nothing written

    assignment = page.locator("#assignment-form")
    assignment.get_by_label("专人姓名").fill("赵敏")
    assignment.get_by_role("button", name="保存专人").click()
    page.get_by_text("专人已保存。").wait_for()
    assert world.get(f"/v1/triage/graduates/{graduate}")["staff_name"] == "赵敏"

    plan = page.locator("#plan-form")
    plan.get_by_label("目标（每行一条）").fill("12月底前到医疗机构就业")
    plan.get_by_label("措施（每行：措施|日期|已完成）").fill("陪同面试|2026-13-03")
    plan.get_by_label("工作人员").fill("赵敏")
    plan.get_by_role("button", name="保存计划").click()
    plan.locator("[data-error-for='steps']").filter(has_text="date").wait_for()
    plan.get_by_label("措施（每行：措施|日期|已完成）").fill("陪同面试|2026-12-03")
    plan.get_by_role("button", name="保存计划").click()
    page.get_by_text("帮扶计划已保存。").wait_for()
    saved = world.get(f"/v1/triage/graduates/{graduate}/plan")["current"]
    assert saved["steps"] == [{"action": "陪同面试", "due_on": "2026-12-03", "done": False}]


def test_showing_the_full_number_asks_why_and_is_audited(page: Any, world: World) -> None:
    graduate = world.queue_graduates[4]
    sign_in(page, world, "staff")
    page.goto(f"{world.url}/console#/graduate/{graduate}")
    phone = page.locator("#phone")
    phone.wait_for()
    assert "*" in phone.inner_text()

    def unmask_entries() -> list[dict[str, Any]]:
        return [entry for entry in world.get("/v1/audit", resource="graduate", record_id=graduate)["items"]
                if entry["action"] == "read_graduate_unmasked"]

    page.get_by_role("button", name="显示完整号码").click()
    page.get_by_role("dialog").get_by_role("button", name="取消").click()
    assert "*" in phone.inner_text() and unmask_entries() == []

    page.get_by_role("button", name="显示完整号码").click()
    page.get_by_role("dialog").get_by_label("查看原因（必填）").fill("电话联系毕业生")
    page.get_by_role("dialog").get_by_role("button", name="显示").click()
    page.locator("#unmask-note").filter(has_text="电话联系毕业生").wait_for()
    assert phone.inner_text() == "13805311234"
    entries = unmask_entries()
    assert len(entries) == 1
    assert {"national_id", "phone"} <= set(entries[0]["fields"]) and entries[0]["api_key_name"] == "staff测试"
    assert entries[0]["note"] == "电话联系毕业生"  # the reason asked for is kept in the audit log


def test_sign_in_and_record_a_service_by_keyboard_only(page: Any, world: World) -> None:
    graduate = world.queue_graduates[7]
    page.goto(f"{world.url}/console")
    page.locator("input[name=api_key]:focus").wait_for()  # the key field has the focus from the start
    page.keyboard.type(world.keys["staff"])
    page.keyboard.press("Enter")
    wait_queue(page)
    tab_to(page, "input[name=city]")
    page.keyboard.type("淄博")
    page.keyboard.press("Tab")
    page.keyboard.type("淄川区")
    page.keyboard.press("Enter")
    page.locator(f"#queue-table tr[data-graduate-id='{graduate}']").wait_for()
    tab_to(page, f"a[href='#/graduate/{graduate}']")
    page.keyboard.press("Enter")
    page.locator("#service-form").wait_for()
    path = tab_to(page, "#service-form input[name=staff_name]")
    assert any(step.startswith("select:kind") for step in path)
    page.keyboard.type("李强")
    tab_to(page, "#service-form button[type=submit]")
    page.keyboard.press("Enter")
    page.get_by_text("服务记录已保存。").wait_for()
    services = world.get(f"/v1/triage/graduates/{graduate}/services")["items"]
    assert [(s["kind"], s["outcome"], s["staff_name"]) for s in services] == [("contact", "reached", "李强")]
