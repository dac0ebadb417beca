"""Match impressions written in bulk, off the request's critical path (issue 11).

A match request used to insert one ``match_impressions`` row per result inside its own
transaction. Now it hands the rows to the process's ``ImpressionWriter``: an in-memory queue
that a background thread writes with one multi-row INSERT every ``impression_flush_seconds`` or
as soon as ``impression_flush_rows`` are waiting, and that is flushed when the app shuts down
(lifespan), so none is lost on an orderly stop. A write that fails (database down) keeps its rows
queued and is retried with back-off.

The ``match_id`` is allocated by the request (a UUID) before anything is written, so the response
carries it at once. Feedback on a match whose impressions are still queued in this process is
accepted: ``pending`` finds the queued row (see services.matching.record_feedback). What is not
covered: feedback sent to *another* API process within the ~1 s before this one flushed gets 404
and may be retried; and a process that is killed (not stopped) loses what it had queued, at most
one flush period of impressions.
"""
from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import MatchImpression

log = logging.getLogger("jobmatch.impressions")


@dataclass(frozen=True)
class ImpressionRow:
    match_id: str
    api_key_id: int | None
    graduate_id: int | None
    job_id: int
    rank: int
    score: float
    components: dict[str, Any]
    at: datetime = field(default_factory=utcnow)


class ImpressionWriter:
    """The process's queue of impressions and the thread that writes them in bulk."""

    def __init__(self, *, session_factory: Callable[[], Session], flush_rows: int = 500,
                 flush_seconds: float = 1.0, max_backoff_seconds: float = 10.0) -> None:
        self._session_factory = session_factory
        self._flush_rows = flush_rows
        self._flush_seconds = flush_seconds
        self._max_backoff = max_backoff_seconds
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()  # one INSERT at a time, in queue order
        self._queue: deque[ImpressionRow] = deque()
        # Queued or being written, by (match_id, job_id): what feedback may refer to before the flush.
        self._pending: dict[tuple[str, int], ImpressionRow] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.written = 0

    # ---------------------------------------------------------------------------- producers

    def put(self, rows: Iterable[ImpressionRow]) -> None:
        with self._lock:
            for row in rows:
                self._queue.append(row)
                self._pending[(row.match_id, row.job_id)] = row
            full = len(self._queue) >= self._flush_rows
            started = self._thread is not None
        if not started:
            self.start()
        if full:
            self._wake.set()

    def pending(self, *, match_id: str, job_id: int) -> ImpressionRow | None:
        with self._lock:
            return self._pending.get((match_id, job_id))

    def __len__(self) -> int:
        with self._lock:
            return len(self._queue)

    # ---------------------------------------------------------------------------- writing

    def flush(self) -> int:
        """Write everything queued now; returns how many rows. Raises if the database refuses
        (the rows stay queued)."""
        written = 0
        with self._flush_lock:
            while True:
                with self._lock:
                    batch = [self._queue.popleft() for _ in range(min(len(self._queue), 5000))]
                if not batch:
                    return written
                try:
                    session = self._session_factory()
                    try:
                        session.execute(insert(MatchImpression), [asdict(row) for row in batch])
                        session.commit()
                    finally:
                        session.close()
                except BaseException:
                    with self._lock:
                        self._queue.extendleft(reversed(batch))  # back at the front, in order
                    raise
                with self._lock:
                    for row in batch:
                        if self._pending.get((row.match_id, row.job_id)) is row:
                            del self._pending[(row.match_id, row.job_id)]
                written += len(batch)
                self.written += len(batch)

    def start(self) -> None:
        with self._lock:
            if self._thread is not None:
                return
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="impression-writer", daemon=True)
            self._thread.start()

    def stop(self, *, timeout: float = 30.0) -> None:
        """Stop the thread and write what is left (shutdown). Retries until ``timeout``."""
        with self._lock:
            thread, self._thread = self._thread, None
        self._stop.set()
        self._wake.set()
        if thread is not None:
            thread.join(timeout=timeout)
        deadline = utcnow().timestamp() + timeout
        while len(self):
            try:
                self.flush()
            except Exception:
                if utcnow().timestamp() > deadline:
                    log.error("shutdown: %d match impressions could not be written", len(self), exc_info=True)
                    return
                self._stop.wait(0.5)

    def _run(self) -> None:
        backoff = self._flush_seconds
        while not self._stop.is_set():
            self._wake.wait(backoff)
            self._wake.clear()
            try:
                self.flush()
                backoff = self._flush_seconds
            except Exception:
                backoff = min(backoff * 2, self._max_backoff)
                log.warning("could not write %d match impressions; retrying in %.1f s", len(self), backoff,
                            exc_info=True)
