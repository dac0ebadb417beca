"""`jobmatch worker`: the embedding passes in a process of their own (issue 11).

API processes then spend no CPU on embedding (JOBMATCH_EMBED_IN_API=false) and ingest scales by
adding workers: on PostgreSQL each batch is claimed with SKIP LOCKED, so M workers take disjoint
rows; on SQLite run one (its single writer would serialise them anyway). The worker holds only an
encoder, no matching index, so it starts in seconds and needs the encoder's memory only.

Stopping: SIGTERM or SIGINT let the current batch finish and commit, then the loop exits. A
worker killed outright (SIGKILL, a lost machine) loses only its uncommitted batch: the rows were
never marked done, their locks go with the connection, and the next worker embeds them.
"""
from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import FrameType

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.db.errors import classify, summary
from app.matching.encoder import Encoder
from app.services.embedding import PassName, embed_next

log = logging.getLogger("jobmatch.embed_worker")


@dataclass
class WorkerStats:
    batches: int = 0
    records: dict[str, int] = field(default_factory=lambda: {"title": 0, "graduate": 0, "body": 0})


class EmbedWorker:
    def __init__(self, *, session_factory: Callable[[], Session], encoder: Encoder,
                 batch_sizes: Mapping[PassName, int], poll_seconds: float) -> None:
        self.session_factory = session_factory
        self.encoder = encoder
        self.batch_sizes = dict(batch_sizes)
        self.poll_seconds = poll_seconds
        self.stop_event = threading.Event()
        self.stats = WorkerStats()

    def stop(self, signum: int | None = None, _frame: FrameType | None = None) -> None:
        if signum is not None:
            log.info("worker got signal %s: finishing the current batch", signal.Signals(signum).name)
        self.stop_event.set()

    def install_signal_handlers(self) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self.stop)

    def run_once(self) -> int:
        """One committed batch of the most urgent pass; 0 when nothing is pending."""
        name, done = embed_next(self.session_factory, encoder=self.encoder, batch_sizes=self.batch_sizes)
        if name is not None:
            self.stats.batches += 1
            self.stats.records[name] += done
        return done

    def run(self, *, until_idle: bool = False) -> WorkerStats:
        """Embed until stopped (or, with ``until_idle``, until nothing is pending)."""
        backoff = self.poll_seconds
        started = time.monotonic()
        while not self.stop_event.is_set():
            try:
                if self.run_once() > 0:
                    backoff = self.poll_seconds
                    continue
                if until_idle:
                    break
            except SQLAlchemyError as error:
                # Database down or busy: the batch rolled back and stays pending; retry more slowly.
                trouble = classify(error)
                log.warning("embedding worker could not use the database (%s): %s",
                            trouble.reason if trouble else "error", summary(error))
                backoff = min(backoff * 2, 10.0)
            self.stop_event.wait(backoff)
        log.info("embedding worker stopped after %.0f s: %s batches, %s", time.monotonic() - started,
                 self.stats.batches, self.stats.records)
        return self.stats
