"""Relevance as a weighted sum of named components, then the bounded P9 policy step.

Relevance is what the match is worth on its merits. The policy step only changes the *order*:
a priority item is ranked as if it were ``band`` more relevant. So a priority item can pass an
item whose relevance is less than ``band`` above its own, and never one that is clearly better
(``band`` or more above) — "priority under equal conditions" (P9), made exact.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

# Text signals, occupation, major, skills, experience and seniority were chosen on the real set's
# dev split (scripts/tune_hybrid.py, coordinate ascent from hand-set values); education, city,
# salary, job type and industry keep hand-set values: the labels cannot judge them.
DEFAULT_WEIGHTS: dict[str, float] = {
    "semantic": 0.11,
    "title_semantic": 0.20,
    "lexical": 0.08,
    "title_lexical": 0.07,
    "occupation": 0.03,
    "major": 0.08,
    "skills": 0.08,
    "experience": 0.27,
    "seniority": 0.05,
    "education": 0.05,
    "city": 0.05,
    "salary": 0.02,
    "job_type": 0.02,
    "industry": 0.03,
}
DEFAULT_PRIORITY_BAND = 0.05
# The quantile of a query's candidate pool that reads 0 after per-query scaling (per_query_scale).
PER_QUERY_FLOOR_QUANTILE = 0.5


@dataclass
class Scored:
    item_id: int
    components: dict[str, float]
    relevance: float
    priority: bool = False
    rank_key: float = 0.0
    extra: dict[str, object] = field(default_factory=dict)


def relevance(components: Mapping[str, float], weights: Mapping[str, float]) -> float:
    total_weight = sum(weights.get(name, 0.0) for name in components)
    if total_weight <= 0:
        return 0.0
    return sum(weights.get(name, 0.0) * value for name, value in components.items()) / total_weight


def apply_priority(items: Sequence[Scored], *, band: float) -> list[Scored]:
    """Order by relevance with the bounded priority lift; ties broken by id for determinism."""
    for item in items:
        item.rank_key = item.relevance + (band if item.priority else 0.0)
    return sorted(items, key=lambda item: (-item.rank_key, item.item_id))


def per_query_scale(reference: np.ndarray, *, floor_quantile: float = PER_QUERY_FLOOR_QUANTILE) -> tuple[float, float]:
    """(low, high) of one signal for one query, from its values over the query's candidate pool.

    Why per query: raw cosines and BM25 mean different things for different queries and encoders
    (e5 puts every Chinese pair in 0.80–0.94; real postings sit lower than synthetic ones), so a
    fixed window either flattens one query or saturates another. ``high`` is the pool's best and
    ``low`` a quantile of the pool, so the bottom of the pool reads 0 and the best reads 1.
    """
    if reference.size == 0:
        return 0.0, 0.0
    return float(np.quantile(reference, floor_quantile)), float(reference.max())


def rescale(values: np.ndarray, scale: tuple[float, float]) -> np.ndarray:
    """Values mapped by a per-query scale onto [0, 1]; a flat pool (high = low) maps its best to 1."""
    low, high = scale
    if high - low <= 1e-9:
        return np.where(values >= high, 1.0, 0.0)
    return np.clip((values - low) / (high - low), 0.0, 1.0)


@dataclass(frozen=True)
class Ordering:
    """A pool ranked by ``rank_order``: positions into the pool, best first."""

    order: np.ndarray
    rank_key: np.ndarray  # per pool entry, relevance plus the band where the lift applies
    moved: np.ndarray  # per pool entry: the lift placed it above an item it follows on relevance alone


def relevance_of(components: Mapping[str, np.ndarray], weights: Mapping[str, float], size: int) -> np.ndarray:
    """``relevance`` over arrays, adding the components in the same order (so the same floats)."""
    total_weight = sum(weights.get(name, 0.0) for name in components)
    if total_weight <= 0:
        return np.zeros(size)
    total = np.zeros(size)
    for name, values in components.items():
        total = total + weights.get(name, 0.0) * values
    return total / total_weight


def rank_order(ids: np.ndarray, relevance: np.ndarray, priority: np.ndarray, *, band: float) -> Ordering:
    """``apply_priority`` and explain.priority_changed_order over arrays: order by relevance plus
    the bounded lift, ties by id; an item counts as moved when it is lifted and some item placed
    after it comes before it on (relevance, id) alone."""
    rank_key = relevance + np.where(priority, band, 0.0)
    order = np.lexsort((ids, -rank_key))
    plain_rank = np.empty(len(ids), dtype=np.int64)
    plain_rank[np.lexsort((ids, -relevance))] = np.arange(len(ids))
    ranks = plain_rank[order]
    # The best plain rank among the items placed after each position.
    after = np.append(np.minimum.accumulate(ranks[::-1])[::-1][1:], len(ids))
    moved = np.zeros(len(ids), dtype=np.bool_)
    moved[order] = priority[order] & (rank_key[order] > relevance[order]) & (after < ranks)
    return Ordering(order=order, rank_key=rank_key, moved=moved)
