"""Background pairing runs: POST /v1/fairs/{id}/pairing-runs queues, a runner computes.

A run is a row (fair_pairing_runs) and nothing else: the process that claims it writes its state
and progress there, the GET route reads them, and a run whose process died is found by its stale
heartbeat and queued again (or failed after MAX_ATTEMPTS claims, so a fair that crashes the solver
does not crash every process in turn). The runner computes in one read-only transaction and
stores the schedule, and marks the run done, in one short write transaction at the end, so an
organiser never sees a half-stored schedule and SQLite's write lock is not held while scoring.

Re-sending the request while a run of the fair is queued or running returns that run (200), so a
client that lost the 202 may simply retry; a request for another mode meanwhile is a 409.
"""
from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import Conflict, DomainError, FieldProblem, NotFound
from app.db.base import utcnow
from app.db.models import ApiKey, Fair, FairInterview, FairPairingRun, FairPairRule
from app.db.models.fair_pairing_run import ACTIVE_STATES
from app.domain.caller import Caller
from app.domain.enums import Role
from app.matching.engine import MatchEngine
from app.fairs.pairing import check_unlocked, compute, store
from app.fairs.service import fair_counts, get_fair

log = logging.getLogger("jobmatch.pairing_runs")

# A running run's process writes heartbeat_at at least this often (progress writes count too) ...
HEARTBEAT_SECONDS = 10.0
# ... so one silent for this long belongs to a process that is gone.
STALE_AFTER = timedelta(seconds=90)
MAX_ATTEMPTS = 2
# Progress is written at most this often: a row update per graduate would cost more than scoring.
PROGRESS_EVERY_SECONDS = 0.5

Sessions = Callable[[bool], AbstractContextManager[Session]]  # write? -> a unit of work that commits


def use_runs_message(fair_id: int) -> str:
    return f"/v1/fairs/{fair_id}/pairing-runs"


def check_sync_size(session: Session, *, fair_id: int, max_pairs: int) -> None:
    """The request route pairs small fairs only: above max_pairs the caller is sent to the runs."""
    booths, registered = fair_counts(session, fair_id=fair_id)
    if booths * registered > max_pairs:
        where = use_runs_message(fair_id)
        raise Conflict(f"this fair has {registered} graduates × {booths} booths = {booths * registered} pairs, more "
                       f"than the {max_pairs} paired within a request; POST {where} pairs it in the background "
                       f"and reports progress", problems=[FieldProblem("fair_id", f"too large: use {where}")])


def _check_startable(session: Session, fair: Fair) -> None:
    """What the runner would refuse anyway, answered at once rather than after a queue wait."""
    check_unlocked(fair)
    booths, registered = fair_counts(session, fair_id=fair.id)
    if not booths:
        raise Conflict("this fair has no employer booths yet", problems=[FieldProblem("fair_id", "no booths")])
    if not registered:
        raise Conflict("no graduate is registered for this fair", problems=[FieldProblem("fair_id", "no graduates")])


def _active_run(session: Session, fair_id: int) -> FairPairingRun | None:
    return session.scalars(select(FairPairingRun).where(FairPairingRun.fair_id == fair_id,
                                                        FairPairingRun.state.in_(ACTIVE_STATES))).first()


def _reuse(run: FairPairingRun, mode: str) -> FairPairingRun:
    if run.mode != mode:
        raise Conflict(f"run {run.id} of this fair ({run.mode} mode) is {run.state}; wait for it to finish before "
                       f"asking for a {mode} run", problems=[FieldProblem("mode", f"run {run.id} is {run.state}")])
    return run


def start_run(session: Session, *, fair_id: int, mode: str, caller: Caller) -> tuple[FairPairingRun, bool]:
    """Queue a run of the fair, or return the one already queued or running (then created is False)."""
    fair = get_fair(session, fair_id=fair_id)
    existing = _active_run(session, fair.id)
    if existing is not None:
        return _reuse(existing, mode), False
    _check_startable(session, fair)
    run = FairPairingRun(fair_id=fair.id, mode=mode, state="queued", pairs_scored=0, pairs_total=0, attempts=0,
                         created_by_key_id=caller.key_id)
    try:
        with session.begin_nested():  # the partial unique index settles a race between two POSTs
            session.add(run)
    except IntegrityError:
        existing = _active_run(session, fair.id)
        if existing is None:
            raise
        return _reuse(existing, mode), False
    return run, True


def get_run(session: Session, *, fair_id: int, run_id: int) -> FairPairingRun:
    get_fair(session, fair_id=fair_id)
    run = session.get(FairPairingRun, run_id, populate_existing=True)
    if run is None or run.fair_id != fair_id:  # another fair's run is as unknown as a missing one
        raise NotFound(f"no pairing run {run_id} at fair {fair_id}")
    return run


@dataclass(frozen=True)
class _Fingerprint:
    """What a run's inputs depend on besides the scores: if any of it changes during the run, the
    schedule computed from the old state must not be stored (a notified interview could be lost)."""

    updated_at: datetime
    current_run_id: int | None
    notified: frozenset[int]
    rules: frozenset[int]

    @classmethod
    def of(cls, session: Session, fair: Fair) -> _Fingerprint:
        notified = session.scalars(select(FairInterview.id).where(FairInterview.run_id == fair.current_run_id,
                                                                  FairInterview.notified.is_(True)))
        rules = session.scalars(select(FairPairRule.id).where(FairPairRule.fair_id == fair.id))
        return cls(fair.updated_at, fair.current_run_id, frozenset(notified), frozenset(rules))


def _caller_of(session: Session, run: FairPairingRun) -> Caller:
    """The key that asked for the run: the schedule and the audit entry are written in its name."""
    key = session.get(ApiKey, run.created_by_key_id) if run.created_by_key_id else None
    if key is None:
        return Caller(key_id=None, key_name="pairing run", role=Role.ORGANISER)
    return Caller(key_id=key.id, key_name=key.name, role=Role(key.role))


class RunAbandoned(Exception):
    """The run was taken from this process (it was thought dead and re-queued): stop quietly."""


def process_token() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def _host_and_pid(token: str) -> tuple[str, int | None]:
    host, _, rest = token.partition(":")
    pid = rest.partition(":")[0]
    return host, int(pid) if pid.isdigit() else None


def gone_from_this_host(claimed_by: str | None, token: str) -> bool:
    """A claim by a process of this runner's host that no longer runs: this runner's pid under
    another token (a restarted container's process 1, say), or a pid that is not alive. Such a run
    need not wait out STALE_AFTER; anything else (another host, a live pid) does."""
    if not claimed_by or claimed_by == token:
        return False
    (host, pid), (my_host, my_pid) = _host_and_pid(claimed_by), _host_and_pid(token)
    if host != my_host or pid is None:
        return False
    if pid == my_pid:
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except PermissionError:  # it exists, under another user
        return False
    return False


class PairingRunner:
    """Claims queued runs and computes them. It starts no thread itself: PairingExecutor drives it
    in the API process, tests drive it step by step."""

    def __init__(self, *, sessions: Sessions, engine: Callable[[], MatchEngine], token: str | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.sessions = sessions
        self.engine = engine
        self.token = token or process_token()
        self.clock = clock

    # -- claiming -------------------------------------------------------------------------------

    def recover_stale(self) -> int:
        """Runs left scoring or solving by a process silent for STALE_AFTER, or by a process of this
        host that is gone (at once: the usual restart): queued again, or failed once they have had
        MAX_ATTEMPTS. Returns how many were touched."""
        now = self.clock()
        with self.sessions(False) as session:
            running = session.scalars(select(FairPairingRun).where(FairPairingRun.state.in_(("scoring", "solving"))))
            stale = [run for run in running if (run.heartbeat_at is not None and run.heartbeat_at < now - STALE_AFTER)
                     or gone_from_this_host(run.claimed_by, self.token)]
            touched = 0
            for run in stale:
                last = run.claimed_by  # for the log only: host names are not the organiser's business
                values: dict[str, object]
                if run.attempts >= MAX_ATTEMPTS:
                    values = {"state": "failed", "finished_at": now, "error": (
                        f"the server process computing this run stopped {run.attempts} times before it finished; "
                        f"start a new run, and tell the operators if it happens again")}
                else:
                    values = {"state": "queued", "phase": None, "pairs_scored": 0, "claimed_by": None,
                              "error": "the server process computing this run stopped; queued again"}
                # Only if nobody touched it since we looked: a late heartbeat means it is alive after all.
                changed = session.execute(update(FairPairingRun).where(
                    FairPairingRun.id == run.id, FairPairingRun.claimed_by == last,
                    FairPairingRun.heartbeat_at == run.heartbeat_at).values(**values))
                if changed.rowcount == 1:  # type: ignore[attr-defined]
                    touched += 1
                    log.warning("pairing run %s of fair %s was left by %s: %s", run.id, run.fair_id, last,
                                values["state"])
            return touched

    def claim(self) -> int | None:
        """The oldest queued run, taken by a conditional update so two processes never both take it."""
        with self.sessions(False) as session:
            for run_id in session.scalars(select(FairPairingRun.id).where(FairPairingRun.state == "queued")
                                          .order_by(FairPairingRun.id).limit(5)):
                now = self.clock()
                taken = session.execute(
                    update(FairPairingRun).where(FairPairingRun.id == run_id, FairPairingRun.state == "queued")
                    .values(state="scoring", phase="loading", claimed_by=self.token, heartbeat_at=now,
                            started_at=now, attempts=FairPairingRun.attempts + 1))
                if taken.rowcount == 1:  # type: ignore[attr-defined]
                    return int(run_id)
        return None

    # -- progress -------------------------------------------------------------------------------

    def _write(self, run_id: int, **values: object) -> None:
        with self.sessions(False) as session:
            changed = session.execute(update(FairPairingRun).where(FairPairingRun.id == run_id,
                                                                   FairPairingRun.claimed_by == self.token)
                                      .values(heartbeat_at=self.clock(), **values))
            if changed.rowcount != 1:  # type: ignore[attr-defined]
                raise RunAbandoned(f"pairing run {run_id} is no longer this process's")

    def beat(self, run_id: int) -> None:
        """The heartbeat alone, from the executor's heartbeat thread while the solver runs."""
        self._write(run_id)

    def _on_progress(self, run_id: int, booths: int) -> Callable[[int, int], None]:
        last = 0.0

        def report(done: int, total: int) -> None:
            nonlocal last
            if done == total or time.monotonic() - last >= PROGRESS_EVERY_SECONDS:
                last = time.monotonic()
                self._write(run_id, phase="scoring", pairs_scored=done * booths, pairs_total=total * booths)
        return report

    # -- computing ------------------------------------------------------------------------------

    def _fail(self, run_id: int, message: str) -> None:
        self._write(run_id, state="failed", phase=None, finished_at=self.clock(), error=message)

    def execute(self, run_id: int) -> str:
        """Compute a claimed run to its end; returns the state it ended in."""
        try:
            self._execute(run_id)
            return "done"
        except RunAbandoned:
            log.warning("pairing run %s was taken over by another process; this one stops", run_id)
            return "abandoned"
        except DomainError as error:  # the fair was locked, emptied or changed: said in plain words
            self._fail(run_id, error.message)
            return "failed"
        except Exception as error:  # noqa: BLE001 - any failure must end the run, not leave it running
            log.exception("pairing run %s failed", run_id)
            self._fail(run_id, f"the pairing failed unexpectedly ({type(error).__name__}); the server log has "
                               f"the details; start a new run, and tell the operators if it happens again")
            return "failed"

    def _execute(self, run_id: int) -> None:
        engine = self.engine()
        with self.sessions(False) as session:
            run = session.get(FairPairingRun, run_id)
            assert run is not None
            fair = get_fair(session, fair_id=run.fair_id)
            fingerprint = _Fingerprint.of(session, fair)
            booths, registered = fair_counts(session, fair_id=fair.id)
            self._write(run_id, phase="scoring", pairs_scored=0, pairs_total=booths * registered)
            computed = compute(session, engine=engine, fair=fair, mode=run.mode,
                               on_progress=self._on_progress(run_id, booths),
                               on_solving=lambda: self._write(run_id, state="solving", phase="solving"))
        self._write(run_id, phase="saving")
        with self.sessions(True) as session:
            run = session.get(FairPairingRun, run_id, populate_existing=True)
            assert run is not None
            if run.claimed_by != self.token:
                raise RunAbandoned(run_id)
            fair = get_fair(session, fair_id=run.fair_id)
            session.refresh(fair)
            check_unlocked(fair)
            if _Fingerprint.of(session, fair) != fingerprint:
                raise Conflict("the fair changed while this run was computing (booths, registrations, pins or "
                               "forbidden pairs, notified interviews, or another schedule); start a new run to "
                               "include the change")
            schedule = store(session, fair=fair, computed=computed, caller=_caller_of(session, run))
            run.state, run.phase, run.fair_run_id = "done", None, schedule.id
            run.pairs_scored = run.pairs_total  # also when no graduate was active and nothing was scored
            run.finished_at = run.heartbeat_at = self.clock()
            session.flush()

    def run_next(self) -> int | None:
        """Recover stale runs, then claim and compute one; returns its id (None: nothing queued)."""
        self.recover_stale()
        run_id = self.claim()
        if run_id is not None:
            self.execute(run_id)
        return run_id
