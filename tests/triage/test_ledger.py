"""The service ledger, the P3 deficit, outcomes, staff members and versioned plans; bad input gets a
clear 4xx and writes nothing."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.base import Base
from app.db.models import AuditEntry, EmploymentOutcome, Graduate, ServiceRecord, StaffAssignment, SupportPlanVersion
from tests.triage.conftest import Desk

PLAN = {"goals": ["年底前实现就业"], "steps": [{"action": "职业指导一次", "due_on": "2026-12-05"}],
        "staff_name": "王芳"}


def _count(session: Session, model: type[Base]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _card(desk: Desk, graduate_id: int) -> dict:  # type: ignore[type-arg]
    response = desk.get(f"/v1/triage/graduates/{graduate_id}")
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_three_service_deficit(desk: Desk) -> None:
    grad = desk.graduate("g", registration_channel="walk_in")
    job = desk.job("j")
    assert _card(desk, grad)["services"]["deficit"] == 3
    desk.ok_service(grad, "contact", "reached", "2026-11-02T09:00:00+08:00")  # contact only: not a P3 service
    desk.ok_service(grad, "career_guidance", "not_reached", "2026-11-03T09:00:00+08:00")  # never reached
    desk.ok_service(grad, "training_referral", "accepted", "2025-12-31T23:30:00+08:00")  # last year
    desk.ok_service(grad, "job_recommendation", "pending", "2026-11-04T09:00:00+08:00", job_ids=[job])
    desk.ok_service(grad, "training_referral", "accepted", "2026-01-01T00:10:00+08:00")  # first minutes of 2026
    card = _card(desk, grad)
    assert (card["services"]["services"], card["services"]["deficit"]) == (2, 1)
    assert card["reason"] == "service_deficit" and any("还差1次" in r for r in card["reasons"])
    desk.ok_service(grad, "fair_invitation", "accepted", "2026-11-05T09:00:00+08:00", channel="message")
    card = _card(desk, grad)
    assert (card["services"]["services"], card["services"]["deficit"], card["reason"]) == (3, 0, "follow_up")
    assert [s["kind"] for s in card["recent_services"]][:2] == ["fair_invitation", "training_referral"]
    listed = desk.get(f"/v1/triage/graduates/{grad}/services", limit=4).json()
    assert len(listed["items"]) == 4 and listed["next_after"] is not None
    rest = desk.get(f"/v1/triage/graduates/{grad}/services", after=listed["next_after"]).json()
    assert len(rest["items"]) == 2 and rest["next_after"] is None


def test_employment_outcome_updates_the_registry_and_refuses_a_repeat(desk: Desk, session: Session) -> None:
    grad = desk.graduate("g")
    job = desk.job("j")
    employed = {"status": "employed", "employer_name": "临沂市人民医院", "started_on": "2026-11-20",
                "found_via": "our_recommendation", "job_id": job, "staff_name": "王芳"}
    created = desk.send("POST", f"/v1/triage/graduates/{grad}/outcomes", employed)
    assert created.status_code == 201, created.text
    assert created.json()["industry"] == "medical_health" and created.json()["previous_status"] == "unemployed"
    assert session.get(Graduate, grad).employment_status == "employed"  # type: ignore[union-attr]
    again = desk.send("POST", f"/v1/triage/graduates/{grad}/outcomes", employed)
    assert again.status_code == 409 and again.json()["error"]["details"][0]["field"] == "status"
    assert _count(session, EmploymentOutcome) == 1
    # A new job after the old one ended: unemployed first, then employed again.
    left = desk.send("POST", f"/v1/triage/graduates/{grad}/outcomes", {"status": "unemployed", "staff_name": "王芳"})
    assert left.status_code == 201
    assert desk.send("POST", f"/v1/triage/graduates/{grad}/outcomes", employed).status_code == 201
    history = desk.get(f"/v1/triage/graduates/{grad}/outcomes").json()
    assert [o["status"] for o in history] == ["employed", "unemployed", "employed"]


def test_bad_input_is_refused_and_writes_nothing(desk: Desk, session: Session) -> None:
    grad = desk.graduate("g")
    plain = desk.graduate("plain", hardship=[])
    cases = [
        (desk.service(99999, "contact", "reached", "2026-11-20T10:00:00+08:00"), 404, None),
        (desk.service(grad, "contact", "reached", "2026-11-28T09:00:00+08:00"), 422, "provided_at"),
        (desk.service(grad, "contact", "accepted", "2026-11-20T10:00:00+08:00"), 422, "outcome"),
        (desk.service(grad, "job_recommendation", "pending", "2026-11-20T10:00:00+08:00"), 422, "job_ids"),
        (desk.service(grad, "job_recommendation", "pending", "2026-11-20T10:00:00+08:00", job_ids=[424242]), 422,
         "job_ids"),
        (desk.service(grad, "career_guidance", "completed", "2026-11-20T10:00:00+08:00", channel="fax"), 422,
         "channel"),
        (desk.send("POST", f"/v1/triage/graduates/{grad}/outcomes", {"status": "employed", "staff_name": "王芳"}),
         422, "employer_name"),
        (desk.send("POST", f"/v1/triage/graduates/{grad}/outcomes", {
            "status": "employed", "employer_name": "某公司", "started_on": "2027-03-01", "found_via": "job_fair",
            "staff_name": "王芳"}), 422, "started_on"),
        (desk.send("POST", f"/v1/triage/graduates/{grad}/outcomes", {"status": "unemployed", "staff_name": "王芳"}),
         409, "status"),
        (desk.send("PUT", f"/v1/triage/graduates/{plain}/plan", PLAN), 409, "graduate_id"),
        (desk.send("POST", f"/v1/triage/graduates/{plain}/plan/send", {"channel": "phone", "staff_name": "王芳"}),
         404, None),
        (desk.send("DELETE", f"/v1/triage/graduates/{grad}/assignment"), 404, None),
    ]
    for response, status, field in cases:
        assert response.status_code == status, response.text
        body = response.json()["error"]
        assert body["message"]
        if field:
            assert field in {detail["field"] for detail in body["details"]}, body
    for model in (ServiceRecord, EmploymentOutcome, SupportPlanVersion, StaffAssignment):
        assert _count(session, model) == 0, model
    assert session.get(Graduate, grad).employment_status == "unemployed"  # type: ignore[union-attr]
    tomorrow = desk.service(grad, "contact", "reached", "2026-11-27T21:00:00+08:00")
    assert tomorrow.status_code == 201  # tomorrow is allowed, the day after is not
    desk.send("DELETE", f"/v1/graduates/{grad}")
    withdrawn = desk.service(grad, "contact", "reached", "2026-11-20T10:00:00+08:00")
    assert withdrawn.status_code == 409


def test_plan_versions_and_sending_its_postings(desk: Desk, session: Session) -> None:
    grad = desk.graduate("g", hardship=["minimum_living"])
    nurse, carer = desk.job("nurse"), desk.job("carer", title="护理员")
    first = desk.send("PUT", f"/v1/triage/graduates/{grad}/plan", {**PLAN, "recommended_job_ids": [nurse]})
    assert first.status_code == 201 and first.json()["current"]["version"] == 1
    same = desk.send("PUT", f"/v1/triage/graduates/{grad}/plan", {**PLAN, "recommended_job_ids": [nurse]})
    assert same.status_code == 200 and [v["version"] for v in same.json()["versions"]] == [1]
    changed = {**PLAN, "goals": ["年底前实现就业", "取得护士执业资格"], "recommended_job_ids": [nurse, carer],
               "steps": [{"action": "职业指导一次", "due_on": "2026-12-05", "done": True},
                         {"action": "推荐护理岗位", "due_on": "2026-12-10"}], "review_on": "2026-12-15"}
    second = desk.send("PUT", f"/v1/triage/graduates/{grad}/plan", changed)
    assert second.status_code == 201
    plan = second.json()
    assert [v["version"] for v in plan["versions"]] == [2, 1] and plan["current"]["review_on"] == "2026-12-15"
    assert plan["versions"][1]["goals"] == ["年底前实现就业"] and plan["current"]["steps"][0]["done"] is True
    assert plan["recommendations"] == [{"job_id": nurse, "sent_at": None}, {"job_id": carer, "sent_at": None}]
    assert _card(desk, grad)["assignment"]["staff_name"] == "王芳"  # 专人专账: the plan's staff member
    sent = desk.send("POST", f"/v1/triage/graduates/{grad}/plan/send",
                     {"channel": "message", "staff_name": "王芳", "provided_at": "2026-11-26T09:00:00+08:00"})
    assert sent.status_code == 201, sent.text
    service = sent.json()
    assert (service["kind"], service["job_ids"], service["outcome"]) == ("job_recommendation", [nurse, carer],
                                                                         "pending")
    assert service["plan_version_id"] == plan["current"]["id"]
    after = desk.get(f"/v1/triage/graduates/{grad}/plan").json()
    assert all(item["sent_at"] for item in after["recommendations"])
    nothing_left = desk.send("POST", f"/v1/triage/graduates/{grad}/plan/send", {"channel": "phone",
                                                                                "staff_name": "王芳"})
    assert nothing_left.status_code == 409
    outside = desk.send("POST", f"/v1/triage/graduates/{grad}/plan/send",
                        {"channel": "phone", "staff_name": "王芳", "job_ids": [desk.job("other")]})
    assert outside.status_code == 422
    assert _card(desk, grad)["services"]["services"] == 1
    reads = session.scalars(select(AuditEntry.action).where(AuditEntry.record_id == grad)).all()
    assert {"read_plan", "triage_card"} <= set(reads)


def test_assignment_replaces_and_ends(desk: Desk, session: Session) -> None:
    grad = desk.graduate("g", hardship=["disabled"], registration_channel="walk_in")
    assert desk.send("PUT", f"/v1/triage/graduates/{grad}/assignment", {"staff_name": "王芳"}).status_code == 200
    moved = desk.send("PUT", f"/v1/triage/graduates/{grad}/assignment", {"staff_name": "李强", "note": "调岗"})
    assert moved.json()["staff_name"] == "李强" and moved.json()["ended_at"] is None
    assert _count(session, StaffAssignment) == 2  # the earlier one is kept, ended
    assert desk.queue(staff="李强")["items"][0]["graduate"]["id"] == grad
    assert desk.queue(staff="王芳")["items"] == []
    ended = desk.send("DELETE", f"/v1/triage/graduates/{grad}/assignment")
    assert ended.json()["ended_at"] is not None
    assert _card(desk, grad)["next_action"]["code"] == "assign_staff"
