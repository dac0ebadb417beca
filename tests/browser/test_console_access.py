"""Sign-in, sign-out and navigation by role; the platform page; keyboard use and axe-core checks."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import sign_in
from tests.browser.seed import World

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"


def test_sign_in_shows_the_staff_pages_and_sign_out_forgets_the_key(page: Any, world: World) -> None:
    page.goto(f"{world.url}/console")
    page.get_by_label("API 密钥").fill("jm_not-a-key")
    page.get_by_role("button", name="登录").click()
    page.get_by_text("密钥无效或已停用").wait_for()
    assert page.evaluate("sessionStorage.length") == 0

    sign_in(page, world, "staff")
    nav = page.locator("#nav a")
    assert nav.all_inner_texts() == ["重点人员队列", "就业统计", "岗位审核"]
    page.locator("#queue-table").wait_for()
    assert page.evaluate("sessionStorage.getItem('jobmatch.apiKey')") == world.keys["staff"]
    page.reload()  # the key survives a reload of the tab
    page.locator("#queue-table").wait_for()

    page.get_by_role("button", name="退出登录").click()
    page.get_by_label("API 密钥").wait_for()
    assert page.evaluate("sessionStorage.length") == 0
    page.goto(f"{world.url}/console#/queue")
    page.get_by_label("API 密钥").wait_for()
    assert page.locator("#queue-table").count() == 0


def test_each_role_sees_its_own_pages(page: Any, world: World) -> None:
    sign_in(page, world, "organiser")
    assert page.locator("#nav a").all_inner_texts() == ["招聘会"]
    page.locator("#fairs-table").wait_for()
    page.goto(f"{world.url}/console#/queue")  # not in the organiser's navigation: back to its own page
    page.locator("#fairs-table").wait_for()
    page.get_by_role("button", name="退出登录").click()

    sign_in(page, world, "platform")
    page.get_by_role("heading", name="本工作台不面向招聘平台").wait_for()
    assert page.locator("#nav a").count() == 0
    page.get_by_role("button", name="退出登录").click()

    sign_in(page, world, "admin")
    assert page.locator("#nav a").all_inner_texts() == ["重点人员队列", "就业统计", "岗位审核", "招聘会"]


def _axe_violations(page: Any) -> list[dict[str, Any]]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => { const r = await axe.run(document, {runOnly: {type: 'rule',
        values: ['color-contrast', 'label', 'select-name', 'button-name', 'link-name']}});
        return r.violations.map((v) => ({id: v.id, nodes: v.nodes.map((n) => n.target.join(' ') + ' ' + n.failureSummary)})); }""")
    return list(result)


def _fair_with_schedule(world: World) -> int:
    import httpx

    headers = world.headers("organiser")
    fair = httpx.post(f"{world.url}/v1/fairs", headers=headers, timeout=30, json={
        "name": "无障碍检查用招聘会", "kind": "campus", "city": "临沂", "date": "2026-12-12",
        "slots": [{"start": "14:00", "end": "14:30"}, {"start": "14:30", "end": "15:00"}]}).json()
    httpx.post(f"{world.url}/v1/fairs/{fair['id']}/booths", headers=headers, timeout=30, json={
        "job_ids": [world.fair_jobs[0]], "per_slot_capacity": 1, "total_capacity": 2, "label": "B1"})
    httpx.post(f"{world.url}/v1/fairs/{fair['id']}/registrations", headers=headers, timeout=30,
               json={"items": [{"external_id": g} for g in world.fair_graduates[:2]]})
    assert httpx.post(f"{world.url}/v1/fairs/{fair['id']}/pairing", headers=headers, timeout=60).status_code == 201
    return int(fair["id"])


@pytest.mark.axe
def test_every_page_passes_axe_contrast_and_label_rules(page: Any, world: World) -> None:
    page.goto(f"{world.url}/console")
    page.get_by_label("API 密钥").wait_for()
    checked = {"sign-in": _axe_violations(page)}
    sign_in(page, world, "staff")
    pages = {"queue": "#queue-table", f"graduate/{world.queue_graduates[0]}": "#plan-form",
             "figures": "#chart-county canvas", "screening": "#screening-filter"}
    for route, ready in pages.items():
        page.goto(f"{world.url}/console#/{route}")
        page.locator(ready).first.wait_for()
        checked[route] = _axe_violations(page)
    page.goto(f"{world.url}/console#/graduate/{world.queue_graduates[0]}")
    page.get_by_role("button", name="显示完整号码").click()
    checked["unmask dialog"] = _axe_violations(page)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="退出登录").click()

    fair_id = _fair_with_schedule(world)
    sign_in(page, world, "organiser")
    page.locator("#fair-form").wait_for()
    checked["fairs"] = _axe_violations(page)
    page.goto(f"{world.url}/console#/fairs/{fair_id}")
    page.locator("#schedule-grid .iv").first.wait_for()
    checked["fair"] = _axe_violations(page)
    assert {name: found for name, found in checked.items() if found} == {}
    # The checker itself catches what it is asked to: a field without a label, grey on white text.
    page.evaluate("""() => { const probe = document.createElement('div');
        probe.innerHTML = '<input type="text" name="probe"><p style="color:#bbb;background:#fff">浅灰色文字</p>';
        document.getElementById('main').appendChild(probe); }""")
    assert {v["id"] for v in _axe_violations(page)} == {"label", "color-contrast"}
