"""The thread of an API process that computes queued pairing runs, one at a time.

Every API process with JOBMATCH_PAIRING_EXECUTOR on (the default) runs one; they share the queue
through the database (a run is claimed by a conditional update), so N processes compute up to N
runs at once and a run survives the process that queued it. While a run is computed a second,
tiny thread writes its heartbeat, so a long solver call is not mistaken for a dead process.
"""
from __future__ import annotations

import logging
import threading

from sqlalchemy.exc import SQLAlchemyError

from app.config import Settings
from app.db.errors import classify, summary
from app.db.session import session_scope
from app.fairs.pairing_runs import HEARTBEAT_SECONDS, PairingRunner, RunAbandoned
from app.services.runtime import get_match_engine

log = logging.getLogger("jobmatch.pairing_runs")


class PairingExecutor:
    def __init__(self, runner: PairingRunner, *, poll_seconds: float = 1.0) -> None:
        self.runner = runner
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pairing-runs", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """A run still computing is left to the heartbeat rule: another process (or this one after a
        restart) queues it again once its heartbeat is stale."""
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=timeout)
        set_executor(None)

    def wake(self) -> None:
        """A run was just queued: look now rather than at the next poll."""
        self._wake.set()

    def _run(self) -> None:
        backoff = self.poll_seconds
        while not self._stop.is_set():
            try:
                busy = self._step()
                backoff = self.poll_seconds
            except SQLAlchemyError as error:
                trouble = classify(error)
                log.warning("pairing executor could not use the database (%s): %s",
                            trouble.reason if trouble else "error", summary(error))
                busy, backoff = False, min(backoff * 2, 10.0)
            except Exception:
                log.exception("pairing executor cycle failed")
                busy, backoff = False, min(backoff * 2, 10.0)
            if not busy:
                self._wake.wait(backoff)
                self._wake.clear()

    def _step(self) -> bool:
        self.runner.recover_stale()
        run_id = self.runner.claim()
        if run_id is None:
            return False
        done = threading.Event()
        beating = threading.Thread(target=self._beat, args=(run_id, done), name=f"pairing-run-{run_id}-heartbeat",
                                   daemon=True)
        beating.start()
        try:
            self.runner.execute(run_id)
        finally:
            done.set()
            beating.join(timeout=5)
        return True

    def _beat(self, run_id: int, done: threading.Event) -> None:
        while not done.wait(HEARTBEAT_SECONDS):
            try:
                self.runner.beat(run_id)
            except RunAbandoned:
                return
            except Exception:  # noqa: BLE001 - a missed beat is retried; the run itself reports failures
                log.warning("pairing run %s: heartbeat not written", run_id, exc_info=True)


_executor: PairingExecutor | None = None


def set_executor(executor: PairingExecutor | None) -> None:
    global _executor
    _executor = executor


def wake_executor() -> None:
    if _executor is not None:
        _executor.wake()


def start_pairing_executor(settings: Settings) -> PairingExecutor | None:
    """The API process's executor (None when switched off, as in tests); stop() it at shutdown."""
    if not settings.pairing_executor:
        return None
    # The engine is the process's own, built on the first run rather than at start.
    runner = PairingRunner(sessions=lambda write: session_scope(write=write), engine=get_match_engine)
    executor = PairingExecutor(runner)
    set_executor(executor)
    executor.start()
    return executor
