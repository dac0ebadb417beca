"""Synthetic fairs for the benchmark and the solver tests.

Eligible pairs and scores are generated directly, not by the matching engine (which would need
embeddings for tens of thousands of profiles): education gates eligibility as the engine's hard
filter does, and the score is high where the booth's industry is one the graduate prefers. The
shape (availability, capacities, share of priority graduates) follows what organisers describe:
most people attend the whole fair, some only a morning or an afternoon.
"""
from __future__ import annotations

import numpy as np

from app.fairs.solver.problem import FairProblem

INDUSTRIES = 10


def _half_day_masks(slots: int) -> tuple[int, int]:
    half = slots // 2
    morning = (1 << half) - 1
    return morning, ((1 << slots) - 1) ^ morning


def _availability(rng: np.random.Generator, count: int, slots: int, partial_share: float) -> np.ndarray:
    every = (1 << slots) - 1
    morning, afternoon = _half_day_masks(slots)
    kind = rng.choice(4, size=count, p=[1 - partial_share, partial_share * 0.4, partial_share * 0.4,
                                         partial_share * 0.2])
    masks = np.full(count, every, dtype=np.int64)
    masks[kind == 1] = morning
    masks[kind == 2] = afternoon
    for index in np.flatnonzero(kind == 3):
        chosen = rng.choice(slots, size=int(rng.integers(2, max(3, slots // 3) + 1)), replace=False)
        masks[index] = int(np.bitwise_or.reduce(np.left_shift(np.int64(1), chosen.astype(np.int64))))
    return masks


def synthetic_fair(*, graduates: int, booths: int, slots: int, seed: int = 0, priority_share: float = 0.08,
                   partial_share: float = 0.35, booth_partial_share: float = 0.15,
                   priority_min: int = 2) -> FairProblem:
    rng = np.random.default_rng(seed)
    education = rng.choice(3, size=graduates, p=[0.35, 0.5, 0.15])
    first = rng.integers(0, INDUSTRIES, graduates)
    second = np.where(rng.random(graduates) < 0.5, rng.integers(0, INDUSTRIES, graduates), first)
    booth_industry = rng.integers(0, INDUSTRIES, booths)
    booth_education = rng.choice(3, size=booths, p=[0.4, 0.45, 0.15])

    eligible = (education[:, None] >= booth_education[None, :]) & (rng.random((graduates, booths)) < 0.9)
    g, b = np.nonzero(eligible)
    fits = (booth_industry[b] == first[g]) | (booth_industry[b] == second[g])
    score = np.round(0.25 + 0.45 * fits + 0.3 * rng.random(g.size), 4)

    per_slot = rng.choice([1, 2, 3], size=booths, p=[0.2, 0.5, 0.3]).astype(np.int64)
    total = np.maximum(1, np.rint(per_slot * slots * rng.uniform(0.7, 1.0, booths))).astype(np.int64)
    wanted = rng.choice([2, 3, 4, 5], size=graduates, p=[0.15, 0.7, 0.1, 0.05]).astype(np.int64)
    return FairProblem(
        slot_ids=np.arange(1, slots + 1, dtype=np.int64),
        graduate_ids=np.arange(1, graduates + 1, dtype=np.int64),
        wanted=wanted,
        priority=rng.random(graduates) < priority_share,
        graduate_slots=_availability(rng, graduates, slots, partial_share),
        booth_ids=np.arange(1, booths + 1, dtype=np.int64),
        per_slot=per_slot,
        total=total,
        booth_slots=_availability(rng, booths, slots, booth_partial_share),
        pair_graduate=g.astype(np.int64),
        pair_booth=b.astype(np.int64),
        pair_score=score,
        pair_job=(b + 1).astype(np.int64) * 10,
        priority_min=priority_min,
    )
