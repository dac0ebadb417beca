"""Relevance as a weighted sum of named components, then the bounded P9 policy step.

Relevance is what the match is worth on its merits. The policy step only changes the *order*:
a priority item is ranked as if it were ``band`` more relevant. So a priority item can pass an
item whose relevance is less than ``band`` above its own, and never one that is clearly better
(``band`` or more above) — "priority under equal conditions" (P9), made exact.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

DEFAULT_WEIGHTS: dict[str, float] = {
    "semantic": 0.30,
    "lexical": 0.15,
    "major": 0.15,
    "skills": 0.15,
    "education": 0.05,
    "city": 0.08,
    "salary": 0.04,
    "job_type": 0.04,
    "industry": 0.04,
}
DEFAULT_PRIORITY_BAND = 0.05


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


def calibrate_semantic(cosine: float, *, floor: float, ceiling: float) -> float:
    """Map an encoder's useful cosine range onto [0, 1] (e5 puts unrelated Chinese texts near 0.75)."""
    if ceiling <= floor:
        return max(0.0, min(1.0, cosine))
    return max(0.0, min(1.0, (cosine - floor) / (ceiling - floor)))
