"""The matching engine of one process: in-memory tables and indexes, and the ranking itself.

Candidates come from the vector index (nearest neighbours among the jobs that pass the hard
filters) united with the lexical index's best hits on the whole posting and on its title, so an
exact term the embedding misses still makes the list. Each candidate is scored on named
components (scorer.DEFAULT_WEIGHTS), then the bounded P9 policy step orders them.

The title is a field of its own (issue 10): a posting's title is what the job *is*, its body is
duties, requirements and benefits. So there are two semantic signals (the profile against the body
vector and against the title vector) and two lexical ones (BM25 over the whole posting and over
the title alone). All four are scaled per query over the candidate pool (scorer.per_query_scale)
instead of through a fixed cosine window, which real postings fell below.

Scoring is columnar (issue 11): the structured components of the whole pool come from the job and
graduate tables' numpy columns in one pass (columnar.py; features.py is the per-pair specification
they are tested against), relevance and the P9 ordering are array operations, and only the top_k
results returned get Python objects, matched skills and reasons.
"""
from __future__ import annotations

import sys
import threading
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Generic, TypeVar

import numpy as np

from app.matching.columnar import Columns, graduate_columns, job_columns
from app.matching.columns import round4
from app.matching.documents import JobDoc, ProfileDoc
from app.matching.encoder import Encoder
from app.matching.explain import candidate_reasons, reasons_for
from app.matching.graduate_table import GraduateTable
from app.matching.job_table import JobTable
from app.matching.lexical import LexicalIndex, term_overlap
from app.matching.occupations import warm_titles
from app.matching.rules import MatchFilters
from app.matching.scorer import PER_QUERY_FLOOR_QUANTILE, per_query_scale, rank_order, relevance_of, rescale
from app.matching.vector_index import VectorIndex

# The four text signals, in the order Signals holds them.
TEXT_SIGNALS = ("semantic", "title_semantic", "lexical", "title_lexical")


@dataclass(frozen=True)
class RankingSettings:
    weights: Mapping[str, float]
    priority_band: float
    semantic_candidates: int = 200
    lexical_candidates: int = 100
    title_candidates: int = 50
    floor_quantile: float = PER_QUERY_FLOOR_QUANTILE


@dataclass
class Signals:
    """The candidate pool of one query and its raw text signals, one array entry per candidate."""

    ids: np.ndarray
    raw: dict[str, np.ndarray]  # TEXT_SIGNALS → raw cosine / BM25 in [0, 1]

    def scaled(self, floor_quantile: float) -> dict[str, np.ndarray]:
        """Each signal on [0, 1] by its own per-query scale over this pool."""
        return {name: rescale(values, per_query_scale(values, floor_quantile=floor_quantile))
                for name, values in self.raw.items()}


SubjectT = TypeVar("SubjectT", JobDoc, ProfileDoc)


@dataclass
class Match(Generic[SubjectT]):
    """One ranked result in either direction: ``subject`` is the job (graduate → jobs) or the
    graduate (job → candidates)."""

    subject: SubjectT
    score: float
    relevance: float
    components: dict[str, float]
    matched_skills: list[str]
    missing_skills: list[str]
    reasons: list[str]
    staff_reasons: list[str]
    priority_applied: bool


JobMatch = Match[JobDoc]
CandidateMatch = Match[ProfileDoc]


@dataclass
class ScoredPool:
    """A candidate pool scored: the ids the tables hold, their rounded components and relevance."""

    ids: np.ndarray
    slots: np.ndarray
    components: dict[str, np.ndarray]  # TEXT_SIGNALS then STRUCTURED_COMPONENTS, rounded to 4 places
    relevance: np.ndarray
    liftable: np.ndarray  # where the P9 lift may apply (read with the components, under the table lock)

    def components_at(self, row: int) -> dict[str, float]:
        return {name: float(values[row]) for name, values in self.components.items()}

    def keep(self, rows: np.ndarray) -> ScoredPool:
        return ScoredPool(self.ids[rows], self.slots[rows], {name: values[rows] for name, values in self.components.items()},
                          self.relevance[rows], self.liftable[rows])


@dataclass
class EngineState:
    """Where this process is in the database's change feed (see app.services.index_sync)."""

    watermark: int | None = None
    processed_recent: set[int] = field(default_factory=set)
    # (time, watermark) pairs: the watermark of a minute ago is where a refresh re-reads from.
    floors: deque[tuple[datetime, int]] = field(default_factory=deque)
    refreshed_at: datetime | None = None
    # Read-your-writes (index_sync.OWN_WRITES): how far this engine has applied its process's writes.
    own_cursor: int = 0
    loaded: threading.Event = field(default_factory=threading.Event)  # set once the first load is done
    refresher_running: bool = False  # a background refresher keeps this engine current
    loaded_from: str | None = None  # "snapshot" or "database"
    load_seconds: float | None = None


class MatchEngine:
    def __init__(self, *, encoder: Encoder, settings: RankingSettings) -> None:
        self.encoder = encoder
        self.settings = settings
        self.jobs = JobTable()
        self.graduates = GraduateTable()
        self.job_vectors = VectorIndex(model_id=encoder.model_id, dim=encoder.dim)
        # Title vectors are only looked up for candidates, never searched: no graph needed.
        self.job_title_vectors = VectorIndex(model_id=encoder.model_id, dim=encoder.dim, ann_threshold=sys.maxsize)
        self.graduate_vectors = VectorIndex(model_id=encoder.model_id, dim=encoder.dim)
        self.job_lexical = LexicalIndex()
        self.job_title_lexical = LexicalIndex()
        self.graduate_lexical = LexicalIndex()
        self.state = EngineState()
        self.refresh_lock = threading.Lock()

    # ------------------------------------------------------------------ keeping current

    def put_jobs(self, items: Sequence[tuple[JobDoc, str, np.ndarray | None]], *,
                 title_vectors: Sequence[np.ndarray | None] | None = None) -> None:
        """Add or replace jobs in one batch; a job without a vector is pending and leaves the index.

        ``title_vectors`` (parallel to ``items``) are the embedded titles; a job without one is
        scored on its body vector for the title signal too (records embedded before titles were)."""
        titles = list(title_vectors) if title_vectors is not None else [None] * len(items)
        ready = [(doc, text, vector, title) for (doc, text, vector), title in zip(items, titles, strict=True)
                 if vector is not None]
        self.remove_jobs([doc.id for doc, _, vector in items if vector is None])
        if not ready:
            return
        warm_titles([doc.title for doc, _, _, _ in ready])  # occupation codes in one vectorised pass
        for doc, _, _, _ in ready:
            self.jobs.upsert(doc)
        self.job_vectors.upsert([doc.id for doc, _, _, _ in ready], np.vstack([v for _, _, v, _ in ready]),
                                model_id=self.encoder.model_id)
        with_title = [(doc.id, title) for doc, _, _, title in ready if title is not None]
        self.job_title_vectors.remove([doc.id for doc, _, _, title in ready if title is None])
        if with_title:
            self.job_title_vectors.upsert([i for i, _ in with_title], np.vstack([t for _, t in with_title]),
                                          model_id=self.encoder.model_id)
        self.job_lexical.upsert_many((doc.id, text) for doc, text, _, _ in ready)
        self.job_title_lexical.upsert_many((doc.id, doc.title) for doc, _, _, _ in ready)

    def remove_jobs(self, job_ids: Sequence[int]) -> None:
        if not job_ids:
            return
        for job_id in job_ids:
            self.jobs.remove(job_id)
        self.job_vectors.remove(job_ids)
        self.job_title_vectors.remove(job_ids)
        self.job_lexical.remove(job_ids)
        self.job_title_lexical.remove(job_ids)

    def compact(self) -> None:
        """Fold pending lexical changes into their snapshots (after a bulk load)."""
        for index in (self.job_lexical, self.job_title_lexical, self.graduate_lexical):
            index.compact()

    def put_graduates(self, items: Sequence[tuple[ProfileDoc, str, np.ndarray | None]]) -> None:
        ready = [(doc, text, vector) for doc, text, vector in items if vector is not None]
        self.remove_graduates([doc.id for doc, _, vector in items if vector is None and doc.id is not None])
        if not ready:
            return
        for doc, _, _ in ready:
            self.graduates.upsert(doc)
        self.graduate_vectors.upsert([doc.id for doc, _, _ in ready if doc.id is not None],
                                     np.vstack([v for _, _, v in ready]), model_id=self.encoder.model_id)
        self.graduate_lexical.upsert_many((doc.id, text) for doc, text, _ in ready if doc.id is not None)

    def remove_graduates(self, graduate_ids: Sequence[int]) -> None:
        if not graduate_ids:
            return
        for graduate_id in graduate_ids:
            self.graduates.remove(graduate_id)
        self.graduate_vectors.remove(graduate_ids)
        self.graduate_lexical.remove(graduate_ids)

    # ------------------------------------------------------------------ graduate → jobs

    def match_profile(self, profile: ProfileDoc, *, vector: np.ndarray, text: str, top_k: int,
                      filters: MatchFilters | None = None, now: datetime | None = None,
                      with_priority: bool = True, min_relevance: float = 0.0) -> list[JobMatch]:
        """Best jobs for a profile. ``with_priority=False`` ranks on relevance alone: used for callers
        who see component scores but may not learn the graduate's hardship status, since a lifted
        score next to its components would reveal it. Jobs whose relevance is below ``min_relevance``
        are dropped before ``top_k`` is taken (the P9 lift orders, it never carries a job over it)."""
        now = now or datetime.now(UTC)
        allowed = self.jobs.allowed_ids(profile, filters=filters, now=now)
        if allowed.size == 0:
            return []
        pool = self._score_jobs_pool(profile, self._job_signals(vector, text, allowed))
        pool = pool.keep(np.flatnonzero(pool.relevance >= min_relevance))
        ranking = rank_order(pool.ids, pool.relevance, pool.liftable & (with_priority and profile.priority),
                             band=self.settings.priority_band)
        results: list[JobMatch] = []
        for row in ranking.order[:top_k].tolist():
            job = self.jobs.get(int(pool.ids[row]))
            assert job is not None
            results.append(self._match(job, profile, job, pool, row, ranking.rank_key[row], bool(ranking.moved[row]),
                                       graduate_side=True))
        return results

    def _score_jobs_pool(self, profile: ProfileDoc, signals: Signals) -> ScoredPool:
        """Components and relevance of every pooled job the table holds, for one profile."""
        scaled = signals.scaled(self.settings.floor_quantile)
        with self.jobs.lock:
            slots = self.jobs.slots_of(signals.ids)
            rows = np.flatnonzero(slots >= 0)
            structured = job_columns(self.jobs, slots[rows], profile)
            friendly = self.jobs.priority_friendly[slots[rows]]
        return self._scored(signals.ids[rows], slots[rows], {name: values[rows] for name, values in scaled.items()},
                            structured, friendly)

    def _scored(self, ids: np.ndarray, slots: np.ndarray, text: Mapping[str, np.ndarray], structured: Columns,
                liftable: np.ndarray) -> ScoredPool:
        components = {name: round4(text[name]) for name in TEXT_SIGNALS}
        components.update({name: round4(values) for name, values in structured.items()})
        return ScoredPool(ids, slots, components, relevance_of(components, self.settings.weights, len(ids)), liftable)

    def _match(self, job: JobDoc, profile: ProfileDoc, subject: JobDoc | ProfileDoc, pool: ScoredPool, row: int,
               rank_key: float, lifted: bool, *, graduate_side: bool) -> Match:
        """The result object of one returned row: skills and reasons are worked out here, for the
        top_k only, never for the whole pool."""
        components = pool.components_at(row)
        matched, missing = term_overlap(job.skills, [*profile.skills, profile.intro])
        if graduate_side:
            reasons = reasons_for(job, profile, components, matched)
            staff = reasons_for(job, profile, components, matched, for_staff=True, priority_applied=lifted)
        else:
            reasons = candidate_reasons(job, profile, components, matched, for_staff=False, priority_applied=False)
            staff = candidate_reasons(job, profile, components, matched, for_staff=True, priority_applied=lifted)
        return Match(subject=subject, score=round(min(1.0, float(rank_key)), 4),
                     relevance=round(float(pool.relevance[row]), 4), components=components, matched_skills=matched,
                     missing_skills=missing, reasons=reasons, staff_reasons=staff, priority_applied=lifted)

    def _job_signals(self, vector: np.ndarray, text: str, allowed: np.ndarray,
                     forced: Sequence[int] = ()) -> Signals:
        """Profile → jobs: the profile against job bodies and job titles."""
        return self._signals(vector, text, allowed, self.job_vectors, self.job_lexical,
                             title_lexical=self.job_title_lexical.score_arrays(text),
                             title_cosines=lambda ids: self.job_title_vectors.cosines(vector, ids), forced=forced)

    def _graduate_signals(self, job: JobDoc, vector: np.ndarray, text: str, eligible: np.ndarray,
                          title_vector: np.ndarray | None = None) -> Signals:
        """Job → graduates: the job's body and its title against graduate profiles."""
        if title_vector is None:
            title_vector = self.job_title_vectors.vector_of(job.id)
        title_query = vector if title_vector is None else title_vector
        return self._signals(vector, text, eligible, self.graduate_vectors, self.graduate_lexical,
                             title_lexical=self.graduate_lexical.score_arrays(job.title),
                             title_cosines=lambda ids: self.graduate_vectors.cosines(title_query, ids))

    def _signals(self, vector: np.ndarray, text: str, allowed: np.ndarray, vectors: VectorIndex,
                 lexical_index: LexicalIndex, *, title_lexical: tuple[np.ndarray, np.ndarray],
                 title_cosines: Callable[[Sequence[int]], np.ndarray], forced: Sequence[int] = ()) -> Signals:
        """Candidates = nearest neighbours among the allowed ids ∪ the best lexical hits among them
        (whole text and title), with every text signal for every candidate. One vectorised lexical
        pass per index serves both the lexical candidates and the candidates' lexical scores."""
        mask = _id_mask(allowed)
        semantic = dict(vectors.search(vector, k=self.settings.semantic_candidates, allowed=mask))
        body_ids, body_scores = _inside(mask, *lexical_index.score_arrays(text))
        title_ids, title_scores = _inside(mask, *title_lexical)
        pool = (set(semantic) | set(_top_ids(body_ids, body_scores, self.settings.lexical_candidates))
                | set(_top_ids(title_ids, title_scores, self.settings.title_candidates)) | set(forced))
        ids = np.asarray(sorted(pool), dtype=np.int64)
        body_cosine = vectors.cosines(vector, ids.tolist())
        title_cosine = title_cosines(ids.tolist())
        # A record embedded before titles were has no title vector: its body stands in.
        title_cosine = np.where(np.isnan(title_cosine), body_cosine, title_cosine)
        return Signals(ids, {"semantic": np.nan_to_num(body_cosine), "title_semantic": np.nan_to_num(title_cosine),
                             "lexical": _dense_at(body_ids, body_scores, ids),
                             "title_lexical": _dense_at(title_ids, title_scores, ids)})

    def score_jobs(self, profile: ProfileDoc, *, vector: np.ndarray, text: str, job_ids: Sequence[int],
                   now: datetime | None = None) -> dict[int, tuple[float, dict[str, float]]]:
        """Relevance and components of given jobs for one profile (fair pairing scores every
        graduate against the jobs of the booths at the fair). Jobs that fail a hard filter, or are
        not in the index, are left out: they are not eligible pairs.

        The text signals are scaled as ``match_profile`` scales them: over the profile's own
        candidate pool among every job it may see, so a booth job scores what it would score in the
        graduate's match list, not relative to the few other booths."""
        now = now or datetime.now(UTC)
        allowed = self.jobs.allowed_ids(profile, now=now)
        booth = self._eligible_among(job_ids, allowed)
        if booth.size == 0:
            return {}
        pool = self._score_jobs_pool(profile, self._job_signals(vector, text, allowed, forced=booth))
        rows = np.flatnonzero(np.isin(pool.ids, booth))
        return {int(pool.ids[row]): (float(pool.relevance[row]), pool.components_at(row)) for row in rows.tolist()}

    @staticmethod
    def _eligible_among(job_ids: Sequence[int] | np.ndarray, allowed: np.ndarray) -> np.ndarray:
        """The given jobs among a profile's allowed ones (JobTable.allowed_ids is
        rules.passes_hard_filters vectorised, over the jobs the table holds), sorted."""
        return np.intersect1d(np.asarray(job_ids, dtype=np.int64), allowed)

    def relevance_many(self, subjects: Sequence[tuple[ProfileDoc, np.ndarray, str]], job_ids: Sequence[int], *,
                       now: datetime | None = None,
                       on_progress: Callable[[int], None] | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
        """``score_jobs`` for many profiles against one set of jobs (fair pairing: every registered
        graduate against the booth jobs), relevance only: per subject, (eligible job ids, relevance).

        Same semantics as calling ``score_jobs`` per profile — each graduate's text signals are scaled
        over their own candidate pool among every job they may see — but the hard filters are
        computed once per distinct filter profile (education, internship eligibility, wanted job
        types, P8 floor) and the components of a graduate's booth jobs in one columnar pass.
        ``on_progress`` is told how many subjects are done after each (background pairing runs)."""
        now = now or datetime.now(UTC)
        booth_ids = np.unique(np.asarray(job_ids, dtype=np.int64))
        allowed_cache: dict[tuple[object, ...], np.ndarray] = {}
        results: list[tuple[np.ndarray, np.ndarray]] = []
        for profile, vector, text in subjects:
            key = self.jobs.filter_key(profile, now)
            allowed = allowed_cache.get(key)
            if allowed is None:
                allowed = allowed_cache[key] = self.jobs.allowed_ids(profile, now=now)
            booth = self._eligible_among(booth_ids, allowed)
            if on_progress is not None and results:
                on_progress(len(results))
            if booth.size == 0:
                results.append((booth, np.zeros(0)))
                continue
            signals = self._job_signals(vector, text, allowed, forced=booth)
            scaled = signals.scaled(self.settings.floor_quantile)
            rows = np.flatnonzero(np.isin(signals.ids, booth))
            with self.jobs.lock:
                slots = self.jobs.slots_of(signals.ids[rows])
                structured = job_columns(self.jobs, slots, profile)
            pool = self._scored(signals.ids[rows], slots, {name: values[rows] for name, values in scaled.items()},
                                structured, np.zeros(len(rows), dtype=np.bool_))
            results.append((pool.ids, pool.relevance))
        if on_progress is not None:
            on_progress(len(results))
        return results

    # ------------------------------------------------------------------ job → graduates

    def candidates_for(self, job: JobDoc, *, vector: np.ndarray, text: str, top_k: int,
                       now: datetime | None = None, with_priority: bool = True,
                       min_relevance: float = 0.0, title_vector: np.ndarray | None = None) -> list[CandidateMatch]:
        """Best graduates for a job; ``with_priority=False`` ranks on relevance alone (see match_profile).
        ``title_vector`` is the job's embedded title (looked up in the index when not given; the body
        vector stands in when the job has none)."""
        eligible = self.graduates.eligible_ids(job, now=now, with_priority=with_priority)
        if eligible.size == 0:
            return []
        signals = self._graduate_signals(job, vector, text, eligible, title_vector)
        scaled = signals.scaled(self.settings.floor_quantile)
        with self.graduates.lock:
            slots = self.graduates.slots_of(signals.ids)
            rows = np.flatnonzero(slots >= 0)
            structured = graduate_columns(self.graduates, slots[rows], job)
            priority = self.graduates.priority[slots[rows]] & with_priority
        pool = self._scored(signals.ids[rows], slots[rows], {name: values[rows] for name, values in scaled.items()},
                            structured, priority)
        pool = pool.keep(np.flatnonzero(pool.relevance >= min_relevance))
        ranking = rank_order(pool.ids, pool.relevance, pool.liftable, band=self.settings.priority_band)
        results: list[CandidateMatch] = []
        for row in ranking.order[:top_k].tolist():
            profile = self.graduates.get(int(pool.ids[row]))
            assert profile is not None
            results.append(self._match(job, profile, profile, pool, row, ranking.rank_key[row],
                                       bool(ranking.moved[row]), graduate_side=False))
        return results


def _id_mask(ids: np.ndarray) -> np.ndarray:
    """The vector index takes filters as a boolean mask indexed by id."""
    mask = np.zeros(int(ids.max()) + 1 if ids.size else 0, dtype=np.bool_)
    mask[ids] = True
    return mask


def _inside(mask: np.ndarray, ids: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The (id, score) pairs whose id the mask allows."""
    keep = np.zeros(len(ids), dtype=np.bool_)
    inside = ids < len(mask)
    keep[inside] = mask[ids[inside]]
    return ids[keep], scores[keep]


def _dense_at(ids: np.ndarray, scores: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Scores of ``wanted`` ids (0 where an id had no hit), without a Python loop."""
    if ids.size == 0 or wanted.size == 0:
        return np.zeros(len(wanted), dtype=np.float64)
    order = np.argsort(ids)
    sorted_ids = ids[order]
    position = np.clip(np.searchsorted(sorted_ids, wanted), 0, len(sorted_ids) - 1)
    hit = sorted_ids[position] == wanted
    return np.where(hit, scores[order][position], 0.0).astype(np.float64)


def _top_ids(ids: np.ndarray, scores: np.ndarray, k: int) -> list[int]:
    """The ``k`` best-scoring ids, ties broken by id so rankings are deterministic."""
    if k <= 0 or len(ids) == 0:
        return []
    if len(ids) > k:
        part = np.argpartition(-scores, k - 1)[:k]
        ids, scores = ids[part], scores[part]
    order = np.lexsort((ids, -scores))
    return [int(ids[i]) for i in order]
