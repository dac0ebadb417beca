"""Fairs, booths, registrations and pairing through the API (SQLite and PostgreSQL)."""
from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import AuditEntry, FairBooth, FairRegistration, FairRun
from tests.factories import job_body
from tests.fairs.conftest import FAIR_BODY, FairWorld


def _check_constraints(world: FairWorld, schedule: dict[str, Any], booths: dict[int, dict[str, Any]],
                       wanted: dict[int, int]) -> None:
    rows = schedule["schedule"]
    assert len({(r["graduate_id"], r["slot_id"]) for r in rows}) == len(rows)  # one interview per slot
    assert len({(r["graduate_id"], r["booth_id"]) for r in rows}) == len(rows)  # never the same employer twice
    per_slot = Counter((r["booth_id"], r["slot_id"]) for r in rows)
    per_booth = Counter(r["booth_id"] for r in rows)
    per_graduate = Counter(r["graduate_id"] for r in rows)
    for (booth, _), held in per_slot.items():
        assert held <= booths[booth]["per_slot_capacity"]
    for booth, held in per_booth.items():
        assert held <= booths[booth]["total_capacity"]
    for graduate, held in per_graduate.items():
        assert held <= wanted[graduate]


def test_an_organiser_creates_a_fair_and_computes_a_schedule(world: FairWorld, session: Session) -> None:
    fair = world.fair
    assert [s["number"] for s in fair["slots"]] == [1, 2, 3] and fair["industry_focus"] == "medical_health"
    booths = {b["id"]: b for b in (world.add_booth(0, per_slot=1, total=3), world.add_booth(1, per_slot=2, total=3),
                                   world.add_booth(2, per_slot=1, total=1, slot_ids=[world.slot_ids[2]]))}
    items = [{"graduate_id": g} for g in world.graduates[:5]]
    items.append({"external_id": "fair-grad-5", "slot_ids": world.slot_ids[:1], "wanted_interviews": 1})
    registered = world.register(items)
    assert registered.status_code == 201, registered.text
    assert [r["wanted_interviews"] for r in registered.json()["items"]] == [3, 3, 3, 3, 3, 1]
    got = world.client.get(f"/v1/fairs/{world.fair_id}", headers=world.organiser()).json()
    assert (got["booths"], got["registrations"]) == (3, 6)

    response = world.pair()
    assert response.status_code == 201, response.text
    result = response.json()
    _check_constraints(world, result, booths, {g: 3 for g in world.graduates[:5]} | {world.graduates[5]: 1})
    assert result["coverage"] == 6 and result["unassigned"] == [] and result["coverage_rate"] == 1.0
    assert result["interviews"] == 7  # every chair: 3 + 3 + 1
    assert result["proven_optimal"] and result["gap"] == 0.0
    assert result["bound"]["coverage"] == 6 and result["bound"]["priority_units"] is None  # organiser
    assert result["mean_score"] == pytest.approx(result["total_score"] / 7, abs=1e-4)
    assert {f["booth_id"]: f["interviews"] for f in result["employer_fill"]} == {b: booths[b]["total_capacity"]
                                                                                 for b in booths}
    row = result["schedule"][0]
    assert set(row) == {"id", "graduate_id", "graduate_external_id", "graduate_name", "booth_id", "employer_name",
                        "booth_label", "job_id", "job_title", "slot_id", "slot_number", "start", "end", "score",
                        "pinned", "notified"}
    # The solver read hardship flags: that read is audited.
    assert session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "fair_pairing"))


def test_every_graduate_who_can_have_an_interview_gets_one_and_priority_reaches_its_count(world: FairWorld) -> None:
    # Four chairs in total for six graduates who each want three: without the objective order,
    # the best-scoring graduates would take two each.
    world.add_booth(0, per_slot=1, total=3)
    world.add_booth(1, per_slot=1, total=3)
    world.add_booth(2, per_slot=1, total=2)
    assert world.register([{"graduate_id": g} for g in world.graduates]).status_code == 201
    result = world.pair().json()
    counts = Counter(r["graduate_id"] for r in result["schedule"])
    assert set(counts) == set(world.graduates)  # everyone covered
    assert counts[world.graduates[0]] >= 2  # the priority graduate reached the guaranteed 2
    staff_view = world.schedule("staff")["priority_coverage"]
    assert staff_view == {"guaranteed_interviews": 2, "suppressed": False, "covered_rate": 1.0, "reached_rate": 1.0,
                          "registered": 1, "covered": 1, "reached": 1}


def test_stable_mode_reports_blocking_pairs(world: FairWorld) -> None:
    world.add_booth(0, per_slot=1, total=2)
    world.add_booth(1, per_slot=1, total=2)
    assert world.register([{"graduate_id": g} for g in world.graduates]).status_code == 201
    stable = world.pair("stable").json()
    assert stable["mode"] == "stable" and stable["blocking_pairs"] == 0
    assert stable["bound"] is None and stable["gap"] is None
    optimal = world.pair("optimal").json()
    assert optimal["coverage"] >= stable["coverage"] and optimal["blocking_pairs"] >= 0


def test_roles(world: FairWorld) -> None:
    client, keys = world.client, world.keys
    assert client.post("/v1/fairs", json=FAIR_BODY, headers=keys.headers("platform")).status_code == 403
    assert client.post("/v1/fairs", json=FAIR_BODY, headers=keys.headers("staff")).status_code == 403
    assert client.get(f"/v1/fairs/{world.fair_id}", headers=keys.headers("platform")).status_code == 403
    assert client.get(f"/v1/fairs/{world.fair_id}", headers=keys.headers("staff")).status_code == 200
    assert client.post("/v1/fairs", json=FAIR_BODY, headers=keys.headers("admin")).status_code == 201
    assert world.pair(role="staff").status_code == 403
    listed = client.get("/v1/fairs?city=临沂", headers=keys.headers("organiser")).json()
    assert len(listed["items"]) == 2


def _counts(session: Session) -> tuple[int, int, int]:
    return (session.scalar(select(func.count()).select_from(FairBooth)) or 0,
            session.scalar(select(func.count()).select_from(FairRegistration)) or 0,
            session.scalar(select(func.count()).select_from(FairRun)) or 0)


def test_bad_input_is_a_clear_4xx_and_changes_nothing(world: FairWorld, session: Session) -> None:
    client, headers, fair_id = world.client, world.organiser(), world.fair_id
    assert world.pair().status_code == 409  # no booths yet
    world.add_booth(0)
    assert world.pair().status_code == 409  # no graduates yet
    assert world.register([{"graduate_id": world.graduates[0]}]).status_code == 201
    before = _counts(session)

    def expect(status: int, response: Any, field: str | None = None) -> None:
        assert response.status_code == status, response.text
        body = response.json()["error"]
        assert body["message"]
        if field:
            assert any(field in detail["field"] for detail in body["details"]), body
        assert _counts(session) == before

    booths = f"/v1/fairs/{fair_id}/booths"
    expect(404, client.get("/v1/fairs/999999", headers=headers))
    expect(404, client.post("/v1/fairs/999999/pairing", headers=headers))
    expect(404, client.post(booths, json={"job_ids": [999999], "per_slot_capacity": 1, "total_capacity": 1},
                            headers=headers), "job_ids")
    expect(422, client.post(booths, json={"job_ids": [world.jobs[1]], "per_slot_capacity": 0, "total_capacity": 1},
                            headers=headers), "per_slot_capacity")
    expect(422, client.post(booths, json={"job_ids": [world.jobs[1]], "per_slot_capacity": 1, "total_capacity": 0},
                            headers=headers), "total_capacity")
    expect(422, client.post(booths, json={"job_ids": [world.jobs[1]], "per_slot_capacity": 1, "total_capacity": 1,
                                          "slot_ids": [999999]}, headers=headers), "slot_ids")
    expect(422, client.post(booths, json={"job_ids": world.jobs[1:3], "per_slot_capacity": 1,
                                          "total_capacity": 1}, headers=headers), "job_ids")  # two employers
    expect(409, client.post(booths, json={"job_ids": [world.jobs[0]], "per_slot_capacity": 1, "total_capacity": 1},
                            headers=headers), "employer_name")  # same employer again
    it_job = client.post("/v1/jobs", json=job_body("it-job", employer_name="浪潮", industry="new_gen_it",
                                                   title="Java开发"), headers=world.keys.headers("staff")).json()
    expect(422, client.post(booths, json={"job_ids": [it_job["id"]], "per_slot_capacity": 1, "total_capacity": 1},
                            headers=headers), "job_ids")  # outside the fair's industry focus
    good, unknown = {"graduate_id": world.graduates[1]}, {"graduate_id": 999999}
    expect(404, world.register([good, unknown]), "items[1]")
    expect(404, world.register([good, {"external_id": "nobody"}]), "items[1]")
    expect(422, world.register([good, good]), "items[1]")
    expect(409, world.register([good, {"graduate_id": world.graduates[0]}]), "items[1]")
    expect(422, world.register([{**good, "slot_ids": [999999]}]), "slot_ids")
    expect(422, world.register([{**good, "wanted_interviews": 6}]), "wanted_interviews")
    expect(422, world.register([{**good, "wanted_interviews": 0}]), "wanted_interviews")
    expect(422, world.register([]), "items")
    expect(422, world.register([{"graduate_id": world.graduates[1], "external_id": "fair-grad-1"}]))
    overlapping = {**FAIR_BODY, "slots": [{"start": "09:00", "end": "10:00"}, {"start": "09:30", "end": "10:30"}]}
    expect(422, client.post("/v1/fairs", json=overlapping, headers=headers), "slots")
    expect(422, client.post("/v1/fairs", json={**FAIR_BODY, "slots": []}, headers=headers), "slots")
    expect(422, client.post("/v1/fairs", json={**FAIR_BODY, "kind": "party"}, headers=headers), "kind")
    expect(422, client.post("/v1/fairs", json={**FAIR_BODY, "interview_cap": 2}, headers=headers))
    rules = f"/v1/fairs/{fair_id}/pair-rules"
    booth_id = world.client.get(booths, headers=headers).json()[0]["id"]
    expect(404, client.post(rules, json={"kind": "pin", "graduate_id": world.graduates[3], "booth_id": booth_id},
                            headers=headers), "graduate_id")  # not registered
    expect(404, client.post(rules, json={"kind": "pin", "graduate_id": world.graduates[0], "booth_id": 999999},
                            headers=headers))
    expect(422, client.post(rules, json={"kind": "pin", "graduate_id": world.graduates[0], "booth_id": booth_id,
                                         "slot_id": 999999}, headers=headers), "slot_id")
    expect(422, client.post(rules, json={"kind": "forbid", "graduate_id": world.graduates[0], "booth_id": booth_id,
                                         "slot_id": world.slot_ids[0]}, headers=headers))
    expect(404, client.delete(f"{rules}/999999", headers=headers))
    expect(404, client.get(f"/v1/fairs/{fair_id}/schedule", headers=headers))  # nothing computed yet
    expect(404, client.post(f"/v1/fairs/{fair_id}/schedule/lock", headers=headers))
