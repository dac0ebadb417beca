"""Background pairing runs (issue 11 part 6), both backends: 202 and Location, polling to the same
schedule the request route gives, progress, the 409 of the request route on large fairs, what each
role sees, 404 across fairs, a run left by a stopped process, and clear 4xx on bad input.

The runner is driven step by step in the test's transaction (no thread races the rollback); the
executor thread itself runs in the console's browser test against a real server."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.config import get_settings
from app.db.base import utcnow
from app.matching.engine import MatchEngine
from app.fairs import pairing_runs
from app.fairs.pairing_runs import MAX_ATTEMPTS, STALE_AFTER, PairingRunner
from tests.fairs.conftest import FAIR_BODY, FairWorld
from tests.fairs.runner import test_runner

Rows = set[tuple[int, int, int, int]]


def _rows(schedule: dict[str, Any]) -> Rows:
    return {(r["graduate_id"], r["booth_id"], r["slot_id"], r["job_id"]) for r in schedule["schedule"]}


class Runs:
    """The runner on the test's connection, plus the client calls a test makes about runs."""

    def __init__(self, world: FairWorld, session: Session, session_factory: Callable[[], Session],
                 engine: MatchEngine) -> None:
        self.world, self.session, self.session_factory, self.engine = world, session, session_factory, engine

    def runner(self, *, token: str | None = None, clock: Callable[[], datetime] = utcnow,
               cls: type[PairingRunner] = PairingRunner) -> PairingRunner:
        return test_runner(self.session_factory, self.engine, token=token, clock=clock, cls=cls)

    def settle(self) -> None:
        # The runner wrote through other sessions: the request session must not answer from its cache.
        self.session.expire_all()

    def run_next(self, runner: PairingRunner | None = None) -> int | None:
        ran = (runner or self.runner()).run_next()
        self.settle()
        return ran

    def start(self, mode: str = "optimal", role: str = "organiser", fair_id: int | None = None) -> Any:
        return self.world.client.post(f"/v1/fairs/{fair_id or self.world.fair_id}/pairing-runs", json={"mode": mode},
                                      headers=self.world.keys.headers(role))

    def get(self, run_id: int, role: str = "organiser", fair_id: int | None = None) -> Any:
        return self.world.client.get(f"/v1/fairs/{fair_id or self.world.fair_id}/pairing-runs/{run_id}",
                                     headers=self.world.keys.headers(role))


@pytest.fixture
def runs(world: FairWorld, session: Session, session_factory: Callable[[], Session],
         match_engine: MatchEngine) -> Runs:
    return Runs(world, session, session_factory, match_engine)


def _setup(world: FairWorld, graduates: int = 5) -> None:
    world.add_booth(0, per_slot=1, total=3)
    world.add_booth(1, per_slot=1, total=3)
    world.add_booth(2, per_slot=1, total=2)
    assert world.register([{"graduate_id": g} for g in world.graduates[:graduates]]).status_code == 201


def test_a_run_is_accepted_then_polled_to_the_schedule_the_request_route_gives(world: FairWorld, runs: Runs) -> None:
    _setup(world)
    synchronous = world.pair()
    assert synchronous.status_code == 201, synchronous.text

    accepted = runs.start()
    assert accepted.status_code == 202, accepted.text
    run = accepted.json()
    assert accepted.headers["Location"] == f"/v1/fairs/{world.fair_id}/pairing-runs/{run['id']}"
    assert run["state"] == "queued" and run["schedule"] is None and run["poll_after_seconds"] > 0
    assert runs.get(run["id"]).json()["state"] == "queued"  # nothing computes it until a runner takes it

    assert runs.run_next() == run["id"]
    assert runs.run_next() is None  # the queue is empty
    done = runs.get(run["id"])
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["state"] == "done" and body["error"] is None and body["attempts"] == 1
    assert body["finished_at"] >= body["started_at"] and body["poll_after_seconds"] is None
    assert body["progress"]["pairs_scored"] == body["progress"]["pairs_total"] == 3 * 5
    # The same input gives the same schedule, whichever route computed it; it is now the one in force.
    assert _rows(body["schedule"]) == _rows(synchronous.json()) and body["schedule"]["interviews"] > 0
    assert body["schedule"]["run_id"] != synchronous.json()["run_id"]
    assert world.schedule()["run_id"] == body["schedule"]["run_id"]


def test_resending_returns_the_run_in_progress_and_another_mode_waits(world: FairWorld, runs: Runs) -> None:
    _setup(world)
    first = runs.start()
    again = runs.start()
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert again.headers["Location"] == first.headers["Location"]
    other = runs.start(mode="stable")
    assert other.status_code == 409, other.text
    assert other.json()["error"]["details"][0]["field"] == "mode"
    runs.run_next()
    # Finished: the next request is a new run.
    stable = runs.start(mode="stable")
    assert stable.status_code == 202 and stable.json()["id"] != first.json()["id"]
    runs.run_next()
    assert runs.get(stable.json()["id"]).json()["schedule"]["mode"] == "stable"


def test_progress_moves_through_scoring_and_solving(world: FairWorld, runs: Runs,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _setup(world)
    monkeypatch.setattr(pairing_runs, "PROGRESS_EVERY_SECONDS", 0.0)  # a row update per graduate
    seen: list[tuple[str, str | None, int, int]] = []

    class Watched(PairingRunner):
        def _write(self, run_id: int, **values: object) -> None:
            super()._write(run_id, **values)
            runs.settle()
            progress = runs.get(run_id).json()  # what a polling client sees at this moment
            seen.append((progress["state"], progress["progress"]["phase"], progress["progress"]["pairs_scored"],
                         progress["progress"]["pairs_total"]))

    run_id = runs.start().json()["id"]
    runs.run_next(runs.runner(cls=Watched))
    scored = [done for state, phase, done, _ in seen if phase == "scoring"]
    assert scored == sorted(scored) and scored[0] == 0 and scored[-1] == 15
    assert any(0 < done < 15 for done in scored)  # moved, not just jumped from nothing to all
    assert all(total == 15 for *_, total in seen)
    states = [state for state, *_ in seen]
    assert states.index("scoring") < states.index("solving")
    assert ("solving", "saving") in {(state, phase) for state, phase, *_ in seen}
    assert runs.get(run_id).json()["state"] == "done"


def test_the_request_route_sends_large_fairs_to_runs(world: FairWorld, runs: Runs,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _setup(world)  # 5 graduates × 3 booths = 15 pairs
    monkeypatch.setattr(get_settings(), "pairing_sync_max_pairs", 14)
    refused = world.pair()
    assert refused.status_code == 409, refused.text
    error = refused.json()["error"]
    where = f"/v1/fairs/{world.fair_id}/pairing-runs"
    assert where in error["message"] and "15 pairs" in error["message"]
    assert error["details"] == [{"field": "fair_id", "reason": f"too large: use {where}"}]
    assert world.client.get(f"/v1/fairs/{world.fair_id}/schedule", headers=world.organiser()).status_code == 404
    # The same fair through the runs.
    assert runs.start().status_code == 202
    runs.run_next()
    monkeypatch.setattr(get_settings(), "pairing_sync_max_pairs", 15)  # at the limit: still in the request
    assert world.pair().status_code == 201


def test_each_role_sees_the_run_schedule_as_it_sees_the_schedule(world: FairWorld, runs: Runs) -> None:
    _setup(world, graduates=6)  # one of them a P9 priority graduate
    run_id = runs.start().json()["id"]
    runs.run_next()
    for role in ("organiser", "staff", "admin"):
        view = runs.get(run_id, role=role)
        assert view.status_code == 200, view.text
        assert view.json()["schedule"] == world.schedule(role), role
    organiser = runs.get(run_id).json()
    assert organiser["schedule"]["priority_coverage"]["registered"] is None
    assert organiser["schedule"]["priority_coverage"]["suppressed"] is True  # one priority graduate: no rate
    assert organiser["schedule"]["bound"]["priority_units"] is None
    assert runs.get(run_id, role="staff").json()["schedule"]["priority_coverage"]["registered"] == 1
    text = runs.get(run_id).text
    assert not any(word in text for word in ("hardship", "minimum_living", "低保", "困难"))
    # Platforms neither start runs nor read them.
    assert runs.start(role="platform").status_code == 403
    assert runs.get(run_id, role="platform").status_code == 403
    assert runs.start(role="staff").status_code == 403  # staff read fairs; organisers run them


def test_a_run_is_found_only_under_its_own_fair(world: FairWorld, runs: Runs) -> None:
    _setup(world)
    run_id = runs.start().json()["id"]
    other = world.client.post("/v1/fairs", json={**FAIR_BODY, "name": "另一场招聘会"}, headers=world.organiser())
    assert other.status_code == 201
    missing = runs.get(run_id, fair_id=other.json()["id"])
    assert missing.status_code == 404 and str(run_id) in missing.json()["error"]["message"]
    assert runs.get(run_id + 1000).status_code == 404
    assert runs.get(run_id, fair_id=999_999).status_code == 404
    assert runs.get(0).status_code == 404


def test_a_run_left_by_a_stopped_process_is_queued_again_then_failed(world: FairWorld, runs: Runs) -> None:
    _setup(world)
    run_id = runs.start().json()["id"]
    later = utcnow() + STALE_AFTER + timedelta(seconds=1)
    # A process claims the run and dies before finishing: its heartbeat goes stale.
    assert runs.runner(token="dead-1").claim() == run_id
    runs.settle()
    assert runs.get(run_id).json()["state"] == "scoring"
    # Not stale yet: another process leaves it alone.
    assert runs.runner(token="alive").recover_stale() == 0
    assert runs.runner(token="restarted", clock=lambda: later).recover_stale() == 1
    runs.settle()
    queued = runs.get(run_id).json()
    assert queued["state"] == "queued" and queued["attempts"] == 1 and "queued again" in queued["error"]
    # It may die once more; the second stale claim is the last.
    assert runs.runner(token="dead-2", clock=lambda: later).claim() == run_id
    muchlater = later + STALE_AFTER + timedelta(seconds=1)
    assert runs.run_next(runs.runner(token="third", clock=lambda: muchlater)) is None  # failed, nothing to run
    failed = runs.get(run_id).json()
    assert failed["state"] == "failed" and failed["attempts"] == MAX_ATTEMPTS
    assert "stopped 2 times" in failed["error"] and failed["finished_at"] is not None
    assert runs.start().status_code == 202  # a failed run does not block a new one


def test_a_run_of_a_process_gone_from_this_host_is_queued_again_at_once(world: FairWorld, runs: Runs) -> None:
    _setup(world)
    run_id = runs.start().json()["id"]
    before = runs.runner()  # this process before a restart: same host, same pid, another token
    assert before.claim() == run_id
    assert before.recover_stale() == 0  # its own claim is alive
    elsewhere = runs.runner(token="another-host:1:abc")
    assert elsewhere.claim() is None and elsewhere.recover_stale() == 0  # not stale yet, seen from elsewhere
    restarted = runs.runner()
    assert runs.run_next(restarted) == run_id  # no wait for STALE_AFTER
    done = runs.get(run_id).json()
    assert done["state"] == "done" and done["attempts"] == 2


def test_a_queued_run_survives_and_runs_after_a_restart(world: FairWorld, runs: Runs) -> None:
    _setup(world)
    run_id = runs.start().json()["id"]
    assert runs.runner(token="dead").claim() == run_id
    later = utcnow() + STALE_AFTER + timedelta(seconds=1)
    assert runs.run_next(runs.runner(token="restarted", clock=lambda: later)) == run_id
    done = runs.get(run_id).json()
    assert done["state"] == "done" and done["attempts"] == 2 and done["schedule"]["interviews"] > 0


def test_a_process_that_lost_its_run_does_not_store_it(world: FairWorld, runs: Runs) -> None:
    _setup(world)
    run_id = runs.start().json()["id"]
    slow = runs.runner(token="slow")
    assert slow.claim() == run_id
    later = utcnow() + STALE_AFTER + timedelta(seconds=1)
    assert runs.run_next(runs.runner(token="new", clock=lambda: later)) == run_id  # thought dead, redone
    assert slow.execute(run_id) == "abandoned"  # the slow one wakes up: it may not write over the result
    runs.settle()
    assert runs.get(run_id).json()["state"] == "done"


def test_a_fair_changed_during_the_run_fails_the_run_in_plain_words(world: FairWorld, runs: Runs) -> None:
    _setup(world, graduates=4)

    class LateRegistration(PairingRunner):
        def _write(self, run_id: int, **values: object) -> None:
            super()._write(run_id, **values)
            if values.get("phase") == "saving":  # computed, not yet stored: someone registers meanwhile
                assert world.register([{"graduate_id": world.graduates[4]}]).status_code == 201

    run_id = runs.start().json()["id"]
    runs.run_next(runs.runner(cls=LateRegistration))
    failed = runs.get(run_id).json()
    assert failed["state"] == "failed" and "changed while this run was computing" in failed["error"]
    assert world.client.get(f"/v1/fairs/{world.fair_id}/schedule", headers=world.organiser()).status_code == 404


def test_bad_requests_are_clear_and_change_nothing(world: FairWorld, runs: Runs) -> None:
    client, headers, fair_id = world.client, world.organiser(), world.fair_id
    no_booths = runs.start()
    assert no_booths.status_code == 409 and "booths" in no_booths.json()["error"]["message"]
    world.add_booth(0)
    no_graduates = runs.start()
    assert no_graduates.status_code == 409 and "registered" in no_graduates.json()["error"]["message"]
    assert world.register([{"graduate_id": world.graduates[0]}]).status_code == 201
    for body, field in (({"mode": "fastest"}, "mode"), ({"mode": "optimal", "speed": 1}, "speed"),
                        ({"mode": 3}, "mode")):
        response = client.post(f"/v1/fairs/{fair_id}/pairing-runs", json=body, headers=headers)
        assert response.status_code == 422, response.text
        assert [d["field"] for d in response.json()["error"]["details"]] == [field]
    bad_id = client.get(f"/v1/fairs/{fair_id}/pairing-runs/abc", headers=headers)
    assert bad_id.status_code == 422 and bad_id.json()["error"]["details"][0]["field"] == "run_id"
    assert client.post("/v1/fairs/999999/pairing-runs", json={}, headers=headers).status_code == 404
    assert client.post(f"/v1/fairs/{fair_id}/pairing-runs", json={}).status_code == 401
    assert runs.run_next() is None  # none of these queued anything
    # Without a body the default mode is used, as on the request route.
    assert client.post(f"/v1/fairs/{fair_id}/pairing-runs", headers=headers).json()["mode"] == "optimal"


def test_a_locked_fair_is_refused_at_once_and_a_run_locked_meanwhile_fails(world: FairWorld, runs: Runs) -> None:
    client, headers, fair_id = world.client, world.organiser(), world.fair_id
    _setup(world)
    run_id = runs.start().json()["id"]
    assert world.pair().status_code == 201
    assert client.post(f"/v1/fairs/{fair_id}/schedule/lock", headers=headers).status_code == 200
    assert runs.run_next() == run_id
    failed = runs.get(run_id).json()
    assert failed["state"] == "failed" and "locked" in failed["error"]
    refused = runs.start()
    assert refused.status_code == 409 and "locked" in refused.json()["error"]["message"]
