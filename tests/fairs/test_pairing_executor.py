"""The executor thread's wiring, with a stand-in runner (no database): it takes queued runs one at a
time, writes heartbeats while a run computes, recovers stale runs each cycle, survives a failing
cycle, and stops."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import Any

import pytest

from app.fairs import pairing_executor
from app.fairs.pairing_executor import PairingExecutor
from app.fairs.pairing_runs import RunAbandoned, gone_from_this_host, process_token

WAIT = 10.0  # generous: only a broken executor waits this long


class FakeRunner:
    def __init__(self, queue: list[int]) -> None:
        self.queue = queue
        self.events: list[tuple[str, int | None]] = []
        self.beaten = threading.Event()
        self.release = threading.Event()
        self.finished = threading.Event()
        self.fail_next_recovery = True

    def recover_stale(self) -> int:
        self.events.append(("recover", None))
        if self.fail_next_recovery:  # a database hiccup: the cycle fails, the thread carries on
            self.fail_next_recovery = False
            raise RuntimeError("database hiccup")
        return 0

    def claim(self) -> int | None:
        return self.queue.pop(0) if self.queue else None

    def execute(self, run_id: int) -> str:
        self.events.append(("execute", run_id))
        if run_id == 1:  # a long run: held until the heartbeat thread has written at least once
            assert self.beaten.wait(WAIT)
            assert self.release.wait(WAIT)
        if not self.queue:
            self.finished.set()
        return "done"

    def beat(self, run_id: int) -> None:
        self.events.append(("beat", run_id))
        self.beaten.set()
        if run_id == 1 and self.release.is_set():
            raise RunAbandoned(run_id)


def test_the_executor_runs_queued_runs_with_a_heartbeat_and_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pairing_executor, "HEARTBEAT_SECONDS", 0.01)
    runner = FakeRunner(queue=[1, 2])
    executor = PairingExecutor(runner, poll_seconds=0.01)  # type: ignore[arg-type]
    executor.start()
    try:
        assert runner.beaten.wait(WAIT)
        runner.release.set()
        assert runner.finished.wait(WAIT)
        executor.wake()
    finally:
        executor.stop(timeout=WAIT)
    assert not executor._thread.is_alive()
    executed = [run for kind, run in runner.events if kind == "execute"]
    assert executed == [1, 2]  # one at a time, oldest first
    assert ("beat", 1) in runner.events  # written while run 1 computed, from another thread
    assert runner.events.count(("recover", None)) >= 2  # the failed cycle was retried


def test_waking_without_an_executor_is_harmless() -> None:
    pairing_executor.set_executor(None)
    pairing_executor.wake_executor()


def test_no_executor_is_started_when_switched_off() -> None:
    settings: Any = type("S", (), {"pairing_executor": False})()
    assert pairing_executor.start_pairing_executor(settings) is None


def test_a_claim_of_a_dead_process_on_this_host_is_recognised() -> None:
    me = process_token()
    host = me.partition(":")[0]
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    assert gone_from_this_host(f"{host}:{finished.pid}:old", me)  # exited: its runs need not wait
    assert not gone_from_this_host(f"{host}:{os.getppid()}:old", me)  # alive (our parent)
    assert gone_from_this_host(f"{host}:{os.getpid()}:old", me)  # our pid, an earlier token: a restart
    assert not gone_from_this_host(me, me)
    assert not gone_from_this_host(f"elsewhere:{finished.pid}:old", me)  # another host: wait for the heartbeat
    assert not gone_from_this_host(None, me)
