"""A pairing-run runner on the test's connection: each unit of work is a savepoint session, so the
runner's writes are seen by the test's requests and rolled back with the test (no thread)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.matching.engine import MatchEngine
from app.fairs.pairing_runs import PairingRunner


def test_runner(session_factory: Callable[[], Session], engine: MatchEngine, *, token: str | None = None,
                clock: Callable[[], datetime] = utcnow, cls: type[PairingRunner] = PairingRunner) -> PairingRunner:
    @contextmanager
    def sessions(write: bool) -> Iterator[Session]:
        with session_factory() as session, session.begin():  # commits, or rolls back on an error
            yield session

    return cls(sessions=sessions, engine=lambda: engine, token=token, clock=clock)


test_runner.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test
