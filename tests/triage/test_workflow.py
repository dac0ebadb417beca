"""A morning at the Linyi office, through the API alone: open the queue, call the graduate at the
top, recommend a posting, write a one-to-one plan, record the job, watch the cohort's rate move."""
from __future__ import annotations

from tests.triage.conftest import Desk


def _cohort_rate(desk: Desk) -> tuple[float, int]:
    rows = desk.get("/v1/triage/figures/employment", by="cohort", city="临沂").json()["rows"]
    row = next(row for row in rows if row["group"] == "2025")
    return row["employment_rate"], row["needed_for_goal"]


def test_a_staff_member_works_the_queue_end_to_end(desk: Desk) -> None:
    nurse_job = desk.job("lyrmyy-001", priority_friendly=True)
    top = desk.graduate("ly-0001", hardship=["minimum_living"], registered_at="2026-11-16T09:00:00+08:00")
    for index in range(3):
        desk.graduate(f"ly-100{index}", registration_channel="walk_in", major="会计学",
                      employment_status="employed" if index == 0 else "unemployed")
    assert _cohort_rate(desk) == (0.25, 3)  # 1 of 4 employed; 0.9 × 4 = 3.6 → 4 placed needed

    # 1. The queue: the mini-program registration of 16 Nov is overdue (due 23 Nov) and comes first.
    first = desk.queue(city="临沂")["items"][0]
    assert first["graduate"]["id"] == top and first["reason"] == "contact_overdue"
    assert first["next_action"]["code"] == "first_contact"

    # 2. The call, and a posting recommended in it.
    desk.ok_service(top, "contact", "reached", "2026-11-26T09:05:00+08:00", note="愿意到医院工作")
    desk.ok_service(top, "job_recommendation", "accepted", "2026-11-26T09:10:00+08:00", job_ids=[nurse_job])
    card = desk.get(f"/v1/triage/graduates/{top}").json()
    assert card["contact"]["status"] == "late" and card["reason"] == "hardship_unsupported"
    assert card["next_action"]["code"] == "assign_staff"

    # 3. The one-to-one plan (P9); it names the staff member, and its posting is sent from it.
    plan = {"goals": ["12月底前到医疗机构就业"], "steps": [{"action": "陪同面试", "due_on": "2026-12-03"}],
            "recommended_job_ids": [nurse_job], "staff_name": "王芳"}
    assert desk.send("PUT", f"/v1/triage/graduates/{top}/plan", plan).status_code == 201
    card = desk.get(f"/v1/triage/graduates/{top}").json()
    assert card["assignment"]["staff_name"] == "王芳" and card["plan"]["version"] == 1
    assert card["reason"] == "service_deficit" and card["services"]["deficit"] == 2

    # 4. The job, found through the recommendation.
    outcome = {"status": "employed", "employer_name": "临沂市人民医院", "started_on": "2026-11-26",
               "found_via": "our_recommendation", "job_id": nurse_job, "staff_name": "王芳"}
    assert desk.send("POST", f"/v1/triage/graduates/{top}/outcomes", outcome).status_code == 201

    # 5. The cohort's rate moves, and the graduate leaves the unemployed queue.
    assert _cohort_rate(desk) == (0.5, 2)
    assert top not in [row["graduate"]["id"] for row in desk.queue(city="临沂")["items"]]
    industry = desk.get("/v1/triage/figures/employment", by="industry").json()["rows"]
    assert any(row["group"] == "medical_health" and row["employed"] == 1 for row in industry)
