"""The queue's order on a hand-built set, on a fixed Thursday 2026-11-26. The expected order is
written out below; each graduate's comment says why it stands there."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import AuditEntry, GraduateTriage
from app.triage.state import refresh_triage
from tests.triage.conftest import Desk

PLAN = {"goals": ["年底前实现就业"], "steps": [{"action": "推荐公益性岗位", "due_on": "2026-12-10"}],
        "staff_name": "王芳"}
EXPECTED = ["A", "B", "C", "D", "E", "E2", "H", "F", "G", "J", "I", "M"]


def _build(desk: Desk) -> dict[str, int]:
    g: dict[str, int] = {}
    mini = {"registration_channel": "mini_program"}
    walk = {"registration_channel": "walk_in", "registered_at": "2026-10-01T09:00:00+08:00"}
    # Mini-program, never reached: deadline 17 Nov, overdue.
    g["A"] = desk.graduate("A", registered_at="2026-11-10T09:00:00+08:00", **mini)
    # Mini-program, never reached: deadline 23 Nov, overdue, but registered after A.
    g["B"] = desk.graduate("B", registered_at="2026-11-16T10:00:00+08:00", **mini)
    # Mini-program, due 1 Dec: contact due, not yet overdue. An unanswered call does not count.
    g["C"] = desk.graduate("C", registered_at="2026-11-24T10:00:00+08:00", **mini)
    desk.ok_service(g["C"], "contact", "not_reached", "2026-11-25T10:00:00+08:00")
    # Mini-program, due 2 Dec, hardship: the P2 deadline still comes first.
    g["D"] = desk.graduate("D", registered_at="2026-11-25T10:00:00+08:00", hardship=["disabled"], **mini)
    # Hardship without staff member or plan (deficit 3).
    g["E"] = desk.graduate("E", hardship=["minimum_living"], **walk)
    # Hardship with a staff member but no plan, 2 services (deficit 1): after E.
    g["E2"] = desk.graduate("E2", hardship=["poverty_registered"], **walk)
    desk.send("PUT", f"/v1/triage/graduates/{g['E2']}/assignment", {"staff_name": "李强"})
    for day in ("2026-11-02", "2026-11-09"):
        desk.ok_service(g["E2"], "career_guidance", "completed", f"{day}T10:00:00+08:00")
    # Hardship with staff and plan, no service this year: deficit 3, cohort 2025.
    g["F"] = desk.graduate("F", hardship=["disabled"], **walk)
    assert desk.send("PUT", f"/v1/triage/graduates/{g['F']}/plan", PLAN).status_code == 201
    # Mini-program, reached on time, one service: deficit 2.
    g["G"] = desk.graduate("G", registered_at="2026-11-02T10:00:00+08:00", **mini)
    desk.ok_service(g["G"], "contact", "reached", "2026-11-03T10:00:00+08:00")
    desk.ok_service(g["G"], "policy_consultation", "completed", "2026-11-03T10:10:00+08:00")
    # Deficit 3 like F, but out of school since 2020: before F.
    g["H"] = desk.graduate("H", graduation_year=2020, **walk)
    # Three services each: follow-up, the 2021 graduate before the 2024 one.
    g["I"] = desk.graduate("I", graduation_year=2024, **walk)
    g["J"] = desk.graduate("J", graduation_year=2021, **walk)
    job_id = desk.job("queue-job")
    for key in ("I", "J"):
        for day in ("2026-03-02", "2026-06-01", "2026-09-01"):
            desk.ok_service(g[key], "job_recommendation", "declined", f"{day}T10:00:00+08:00", job_ids=[job_id])
    # Does not want a job: P3 does not apply, follow-up, cohort 2025.
    g["M"] = desk.graduate("M", wants_job=False, **walk)
    # Not in the default queue: employed, and withdrawn.
    g["K"] = desk.graduate("K", employment_status="employed", **walk)
    g["L"] = desk.graduate("L", **walk)
    desk.send("DELETE", f"/v1/graduates/{g['L']}")
    return g


def _names(page: dict[str, Any], ids: dict[str, int]) -> list[str]:
    by_id = {value: key for key, value in ids.items()}
    return [by_id[row["graduate"]["id"]] for row in page["items"]]


def test_queue_order_reasons_and_actions(desk: Desk, session: Session) -> None:
    ids = _build(desk)
    page = desk.queue()
    assert _names(page, ids) == EXPECTED
    rows = {name: row for name, row in zip(EXPECTED, page["items"], strict=True)}
    assert [rows[n]["reason"] for n in EXPECTED] == [
        "contact_overdue", "contact_overdue", "contact_due", "contact_due", "hardship_unsupported",
        "hardship_unsupported", "service_deficit", "service_deficit", "service_deficit", "follow_up", "follow_up",
        "follow_up"]
    assert rows["A"]["contact"] == {"required": True, "registered_on": "2026-11-10", "due_on": "2026-11-17",
                                    "calendar": "official", "status": "overdue", "first_contact_at": None,
                                    "working_days_left": None, "working_days_overdue": 7}
    assert rows["C"]["contact"]["status"] == "pending" and rows["C"]["contact"]["working_days_left"] == 4
    assert rows["A"]["next_action"]["code"] == "first_contact"
    assert rows["E"]["next_action"]["code"] == "assign_staff"
    assert rows["E2"]["next_action"]["code"] == "create_plan" and rows["E2"]["staff_name"] == "李强"
    assert rows["F"]["next_action"]["code"] == "targeted_service" and rows["F"]["plan_version"] == 1
    assert rows["F"]["staff_name"] == "王芳"  # the plan named its staff member
    assert rows["G"]["contact"]["status"] == "on_time" and rows["G"]["services"]["deficit"] == 2
    assert rows["J"]["services"] == {"year": 2026, "services": 3, "required": 3, "deficit": 0,
                                     "working_days_left_in_year": 26}
    assert any("逾期7个工作日" in reason for reason in rows["A"]["reasons"])
    assert any("尚未指定专人" in reason for reason in rows["D"]["reasons"])  # every reason, not only the tier's
    assert rows["A"]["graduate"]["phone"] is None and rows["D"]["graduate"]["hardship"] == ["disabled"]
    assert page["calendar_warnings"] == []
    # Showing hardship is a read of it: one audit entry per hardship graduate on the page.
    audited = session.scalars(select(AuditEntry.record_id).where(AuditEntry.action == "triage_queue")).all()
    assert sorted(audited) == sorted(ids[n] for n in ("D", "E", "E2", "F"))


def test_queue_filters_and_keyset_pages(desk: Desk) -> None:
    ids = _build(desk)
    pages, cursor = [], None
    while True:
        params = {"limit": 5} | ({"cursor": cursor} if cursor else {})
        page = desk.queue(**params)
        pages.extend(_names(page, ids))
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == EXPECTED
    assert _names(desk.queue(overdue="true"), ids) == ["A", "B"]
    assert _names(desk.queue(has_hardship="true"), ids) == ["D", "E", "E2", "F"]
    assert _names(desk.queue(hardship="disabled"), ids) == ["D", "F"]
    assert _names(desk.queue(staff="李强"), ids) == ["E2"]
    assert _names(desk.queue(graduation_year=2020), ids) == ["H"]
    assert _names(desk.queue(status="employed"), ids) == ["K"]
    assert _names(desk.queue(city="济南"), ids) == []
    bad = desk.get("/v1/triage/queue", cursor="not-a-cursor")
    assert bad.status_code == 422 and bad.json()["error"]["details"][0]["field"] == "cursor"


def test_queue_with_recommendations(desk: Desk) -> None:
    nurse = desk.job("nurse")
    desk.job("java", title="Java开发工程师", industry="new_gen_it", majors=["计算机科学与技术"],
             skills=["Java", "Spring"], description="负责后端服务开发，熟悉Java、Spring与MySQL。")
    desk.graduate("nurse-grad", registration_channel="mini_program", registered_at="2026-11-20T09:00:00+08:00")
    page = desk.queue(recommendations="true", limit=20)
    suggested = page["items"][0]["recommendations"]
    assert suggested[0]["job_id"] == nurse and len(suggested) <= 3 and suggested[0]["reasons"]
    assert desk.get("/v1/triage/queue", recommendations="true", limit=50).status_code == 422
    assert desk.queue()["items"][0]["recommendations"] is None


def test_queue_is_staff_only(desk: Desk) -> None:
    for role in ("platform", "organiser"):
        response = desk.client.get("/v1/triage/queue", headers=desk.keys.headers(role))
        assert response.status_code == 403
    assert desk.client.get("/v1/triage/queue", headers=desk.keys.headers("admin")).status_code == 200


def test_the_queue_summary_equals_a_rebuild_from_the_ledger(desk: Desk, session: Session) -> None:
    """graduate_triage is rewritten by every write; a full rebuild (after a bulk load) gives the same."""
    ids = _build(desk)
    kept = session.execute(select(GraduateTriage).order_by(GraduateTriage.graduate_id)).scalars().all()
    kept_rows = [(row.graduate_id, row.first_contact_at, row.services_in_year, row.staff_name, row.plan_version)
                 for row in kept]
    refresh_triage(session, year=2026)
    session.commit()
    session.expire_all()
    rebuilt = session.execute(select(GraduateTriage).order_by(GraduateTriage.graduate_id)).scalars().all()
    assert [(row.graduate_id, row.first_contact_at, row.services_in_year, row.staff_name, row.plan_version)
            for row in rebuilt] == kept_rows
    assert _names(desk.queue(), ids) == EXPECTED
