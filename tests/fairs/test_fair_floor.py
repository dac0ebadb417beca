"""A fair's minimum relevance (issue 10, item 7): pairs below it are not scheduled, the run says how
many it refused, and an organiser's pin still stands (SQLite and PostgreSQL)."""
from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.db.models import Fair
from app.fairs.solver.floor import DEFAULT_MIN_RELEVANCE, apply_floor
from tests.fairs.conftest import FAIR_BODY, FairWorld


def _set_floor(world: FairWorld, value: Any, role: str = "organiser") -> Any:
    return world.client.patch(f"/v1/fairs/{world.fair_id}", json={"min_relevance": value},
                              headers=world.keys.headers(role))


def _engineer(world: FairWorld) -> int:
    """An electrical-engineering graduate at a fair of nurse booths."""
    return world.add_graduate(
        20, major="电气工程及其自动化", school="山东大学", skills=["PLC编程", "CAD"], intro="熟悉PLC和电气控制。",
        preferred_industries=["high_end_equipment"])


def test_default_create_update_and_validation(world: FairWorld, session: Session) -> None:
    assert world.fair["min_relevance"] == DEFAULT_MIN_RELEVANCE
    own = world.client.post("/v1/fairs", json={**FAIR_BODY, "name": "宽松的专场", "min_relevance": 0.1},
                            headers=world.organiser())
    assert own.status_code == 201 and own.json()["min_relevance"] == 0.1
    for bad in (-0.1, 1.5, "high", None):
        created = world.client.post("/v1/fairs", json={**FAIR_BODY, "min_relevance": bad}, headers=world.organiser())
        assert created.status_code == 422, bad
        patched = _set_floor(world, bad)
        assert patched.status_code == 422, bad
        assert patched.json()["error"]["details"][0]["field"].endswith("min_relevance")
    assert session.get(Fair, world.fair_id).min_relevance == DEFAULT_MIN_RELEVANCE  # type: ignore[union-attr]
    changed = _set_floor(world, 0.42)
    assert changed.status_code == 200 and changed.json()["min_relevance"] == 0.42
    assert world.client.get(f"/v1/fairs/{world.fair_id}", headers=world.organiser()).json()["min_relevance"] == 0.42
    assert _set_floor(world, 0.5, role="platform").status_code == 403
    assert world.client.patch("/v1/fairs/999999", json={"min_relevance": 0.5},
                              headers=world.organiser()).status_code == 404


def test_pairs_below_the_floor_are_refused_and_counted(world: FairWorld) -> None:
    engineer = _engineer(world)
    booths = [world.add_booth(index, per_slot=2, total=6)["id"] for index in range(3)]
    assert world.register([{"graduate_id": g} for g in world.graduates]).status_code == 201
    assert _set_floor(world, 0.0).status_code == 200
    open_run = world.pair().json()
    assert open_run["min_relevance"] == 0.0 and open_run["refused_below_min_relevance"] == 0
    # With no floor the engineer is given nurse interviews, like the accounting one of the report.
    engineer_scores = [r["score"] for r in open_run["schedule"] if r["graduate_id"] == engineer]
    nurse_scores = [r["score"] for r in open_run["schedule"] if r["graduate_id"] != engineer]
    assert engineer_scores and max(engineer_scores) < min(nurse_scores)
    floor = round((max(engineer_scores) + min(nurse_scores)) / 2, 4)

    assert _set_floor(world, floor).status_code == 200
    floored = world.pair().json()
    assert floored["min_relevance"] == floor
    assert floored["refused_below_min_relevance"] == len(booths)  # the engineer with each booth
    assert all(row["graduate_id"] != engineer for row in floored["schedule"])
    assert all(row["score"] >= floor for row in floored["schedule"])
    assert {"graduate_id": engineer, "reason": "below_min_relevance"} in floored["unassigned"]
    nurses = set(world.graduates) - {engineer}
    assert {row["graduate_id"] for row in floored["schedule"]} == nurses  # nobody else lost out
    assert world.schedule("staff")["refused_below_min_relevance"] == len(booths)

    # An organiser may still pin the pair on purpose: the floor only limits what the solver proposes.
    pin = world.client.post(f"/v1/fairs/{world.fair_id}/pair-rules",
                            json={"kind": "pin", "graduate_id": engineer, "booth_id": booths[0]},
                            headers=world.organiser())
    assert pin.status_code == 201, pin.text
    pinned = world.pair().json()
    rows = [row for row in pinned["schedule"] if row["graduate_id"] == engineer]
    assert [(row["booth_id"], row["pinned"]) for row in rows] == [(booths[0], True)]
    assert pinned["refused_below_min_relevance"] == len(booths)


@pytest.mark.parametrize("floor", [0.0, 0.3, 0.5])
def test_apply_floor(floor: float) -> None:
    scores = {(1, 1): (0.2, 10), (1, 2): (0.3, 11), (2, 1): (0.55, 10)}
    kept, refused = apply_floor(scores, min_relevance=floor)
    assert set(kept) == {pair for pair, (score, _) in scores.items() if score >= floor}
    assert set(refused) == set(scores) - set(kept) and all(kept[pair] == scores[pair] for pair in kept)
