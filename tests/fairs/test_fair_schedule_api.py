"""Pins, forbidden pairs, locking, reruns, exports and what each role sees (both backends)."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from app.fairs.exports import EMPLOYER_COLUMNS, TIMETABLE_COLUMNS
from tests.fairs.conftest import FairWorld

PRIORITY_WORDS = ("priority", "hardship", "minimum_living", "困难", "低保", "优先")


def _rows(schedule: dict[str, Any]) -> set[tuple[int, int, int, int]]:
    return {(r["graduate_id"], r["booth_id"], r["slot_id"], r["job_id"]) for r in schedule["schedule"]}


def _setup(world: FairWorld, graduates: int = 5) -> list[dict[str, Any]]:
    booths = [world.add_booth(0, per_slot=1, total=3), world.add_booth(1, per_slot=1, total=3),
              world.add_booth(2, per_slot=1, total=2)]
    assert world.register([{"graduate_id": g} for g in world.graduates[:graduates]]).status_code == 201
    return booths


def test_pin_forbid_lock_and_rerun_keep_what_was_fixed(world: FairWorld) -> None:
    client, headers, fair_id = world.client, world.organiser(), world.fair_id
    booths = _setup(world)
    first = world.pair().json()
    # Same input, same schedule.
    assert _rows(world.pair().json()) == _rows(first)

    rules = f"/v1/fairs/{fair_id}/pair-rules"
    pinned_graduate, pinned_booth = world.graduates[1], booths[2]["id"]
    pin = client.post(rules, json={"kind": "pin", "graduate_id": pinned_graduate, "booth_id": pinned_booth,
                                   "slot_id": world.slot_ids[2]}, headers=headers)
    assert pin.status_code == 201, pin.text
    forbidden_graduate = next(r["graduate_id"] for r in first["schedule"] if r["booth_id"] == booths[0]["id"])
    forbid = client.post(rules, json={"kind": "forbid", "graduate_id": forbidden_graduate,
                                      "booth_id": booths[0]["id"]}, headers=headers)
    assert forbid.status_code == 201, forbid.text
    again = client.post(rules, json={"kind": "forbid", "graduate_id": pinned_graduate, "booth_id": pinned_booth},
                        headers=headers)
    assert again.status_code == 409  # the pair is pinned
    # Publishing a schedule computed before these rules would ignore them.
    assert client.post(f"/v1/fairs/{fair_id}/schedule/lock", headers=headers).status_code == 409
    second = world.pair().json()
    assert (pinned_graduate, pinned_booth, world.slot_ids[2]) in {(r["graduate_id"], r["booth_id"], r["slot_id"])
                                                                  for r in second["schedule"] if r["pinned"]}
    assert (forbidden_graduate, booths[0]["id"]) not in {(r["graduate_id"], r["booth_id"]) for r in second["schedule"]}
    assert len(client.get(rules, headers=headers).json()["items"]) == 2

    locked = client.post(f"/v1/fairs/{fair_id}/schedule/lock", headers=headers)
    assert locked.status_code == 200 and locked.json()["locked"]
    assert all(r["notified"] for r in locked.json()["schedule"])
    assert world.pair().status_code == 409  # locked
    assert client.post(f"/v1/fairs/{fair_id}/schedule/lock", headers=headers).status_code == 409
    published = _rows(locked.json())

    # A late registration, then unlock and rerun: nothing published moves, the newcomer is fitted in.
    assert world.register([{"graduate_id": world.graduates[5]}]).status_code == 201
    assert client.post(f"/v1/fairs/{fair_id}/schedule/unlock", headers=headers).status_code == 200
    full = world.pair().json()
    assert published <= _rows(full)  # every chair is taken by a published interview
    assert full["unassigned"] == [{"graduate_id": world.graduates[5], "reason": "capacity"}]
    world.add_booth(3, per_slot=1, total=2)  # a late employer
    rerun = world.pair().json()
    assert published <= _rows(rerun)
    assert world.graduates[5] in {r["graduate_id"] for r in rerun["schedule"]}
    assert rerun["coverage"] == 6 and rerun["unassigned"] == []
    # An interview people were told about cannot be forbidden afterwards.
    notified = next(r for r in rerun["schedule"] if r["notified"] and not r["pinned"])
    refused = client.post(rules, json={"kind": "forbid", "graduate_id": notified["graduate_id"],
                                       "booth_id": notified["booth_id"]}, headers=headers)
    assert refused.status_code == 409


def test_notified_interviews_stay_and_unpinned_drafts_may_move(world: FairWorld) -> None:
    client, headers, fair_id = world.client, world.organiser(), world.fair_id
    _setup(world, graduates=4)
    first = world.pair().json()
    chosen = first["schedule"][0]
    marked = client.post(f"/v1/fairs/{fair_id}/schedule/notified", json={"interview_ids": [chosen["id"]]},
                         headers=headers)
    assert marked.status_code == 200
    assert client.post(f"/v1/fairs/{fair_id}/schedule/notified", json={"interview_ids": [999999]},
                       headers=headers).status_code == 404
    rerun = world.pair().json()
    kept = [r for r in rerun["schedule"] if r["notified"]]
    assert [(r["graduate_id"], r["booth_id"], r["slot_id"]) for r in kept] == [
        (chosen["graduate_id"], chosen["booth_id"], chosen["slot_id"])]


def test_pin_without_a_slot_takes_a_free_one_and_refuses_when_none_is_left(world: FairWorld) -> None:
    client, headers, fair_id = world.client, world.organiser(), world.fair_id
    booth = world.add_booth(0, per_slot=1, total=3)
    assert world.register([{"graduate_id": g, "slot_ids": world.slot_ids[:1]} for g in world.graduates[:2]]
                          ).status_code == 201
    rules = f"/v1/fairs/{fair_id}/pair-rules"
    first = client.post(rules, json={"kind": "pin", "graduate_id": world.graduates[0], "booth_id": booth["id"]},
                        headers=headers)
    assert first.status_code == 201 and first.json()["slot_id"] == world.slot_ids[0]
    second = client.post(rules, json={"kind": "pin", "graduate_id": world.graduates[1], "booth_id": booth["id"]},
                         headers=headers)
    assert second.status_code == 409  # the booth's one chair at the only common slot is pinned
    assert client.delete(f"{rules}/{first.json()['id']}", headers=headers).status_code == 204


def test_exports_open_in_excel_and_carry_no_priority_hint(world: FairWorld) -> None:
    client, headers, fair_id = world.client, world.organiser(), world.fair_id
    booths = _setup(world, graduates=6)
    world.pair()
    employers = client.get(f"/v1/fairs/{fair_id}/exports/employers?format=csv", headers=headers)
    assert employers.status_code == 200 and employers.headers["content-type"].startswith("text/csv")
    assert employers.content.startswith(b"\xef\xbb\xbf") and b"\r\n" in employers.content
    assert "attachment" in employers.headers["content-disposition"]
    table = list(csv.reader(io.StringIO(employers.content.decode("utf-8-sig"))))
    assert table[0] == EMPLOYER_COLUMNS and len(table) == 1 + 8
    assert {row[1] for row in table[1:]} == {b["employer_name"] for b in booths}

    one = client.get(f"/v1/fairs/{fair_id}/exports/employers?booth_id={booths[1]['id']}", headers=headers).json()
    assert [e["booth_id"] for e in one["employers"]] == [booths[1]["id"]]
    interviews = one["employers"][0]["interviews"]
    assert [i["slot_number"] for i in interviews] == sorted(i["slot_number"] for i in interviews)
    assert set(interviews[0]) == {"slot_number", "start", "end", "job_id", "job_title", "score", "graduate"}
    assert set(interviews[0]["graduate"]) == {"external_id", "name", "school", "major", "education",
                                              "graduation_year"}

    timetables = client.get(f"/v1/fairs/{fair_id}/exports/graduates?format=csv", headers=headers)
    rows = list(csv.reader(io.StringIO(timetables.content.decode("utf-8-sig"))))
    assert timetables.content.startswith(b"\xef\xbb\xbf") and rows[0] == TIMETABLE_COLUMNS
    mine = client.get(f"/v1/fairs/{fair_id}/exports/graduates?graduate_id={world.graduates[0]}",
                      headers=headers).json()
    assert [g["graduate_id"] for g in mine["graduates"]] == [world.graduates[0]]
    assert client.get(f"/v1/fairs/{fair_id}/exports/graduates?graduate_id=999999",
                      headers=headers).status_code == 404
    assert client.get(f"/v1/fairs/{fair_id}/exports/employers?format=xls", headers=headers).status_code == 422
    for text in (employers.content.decode("utf-8-sig"), timetables.content.decode("utf-8-sig"), json.dumps(one)):
        assert not any(word in text.lower() for word in PRIORITY_WORDS)


def test_the_organiser_view_does_not_say_who_is_a_priority_graduate(world: FairWorld) -> None:
    _setup(world, graduates=6)
    result = world.pair().json()
    text = json.dumps(result, ensure_ascii=False)
    assert "minimum_living" not in text and "has_hardship" not in text and "低保" not in text
    # One priority graduate registered: a rate over one person would name them, so none is given.
    assert result["priority_coverage"] == {"guaranteed_interviews": 2, "suppressed": True, "covered_rate": None,
                                           "reached_rate": None, "registered": None, "covered": None,
                                           "reached": None}
    for row in result["schedule"]:
        assert not any(word in key for key in row for word in PRIORITY_WORDS)
    # Rows are ordered by slot, booth and graduate id only.
    order = [(r["slot_number"], r["booth_id"], r["graduate_id"]) for r in result["schedule"]]
    assert order == sorted(order)
    staff = world.schedule("staff")
    assert staff["priority_coverage"]["registered"] == 1 and staff["bound"]["priority_units"] is not None
