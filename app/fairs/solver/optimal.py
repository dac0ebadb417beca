"""The optimal schedule.

1. Stage A (app.fairs.solver.flow): who meets whom, a min-cost flow whose optimum bounds every schedule.
2. Stage B (app.fairs.solver.slots): slots for those pairs.
3. Refill: stage A again on what is left (free chairs, free slots), for pairs stage B could not
   place; then ejection (app.fairs.solver.improve) where the top objectives are still short of the bound.

The first stage-A optimum is the proven bound; the result reports how far it is from it.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from app.fairs.solver.flow import select_pairs
from app.fairs.solver.improve import eject_towards
from app.fairs.solver.capacity import Ledger
from app.fairs.solver.levels import Levels, measure
from app.fairs.solver.problem import FairProblem, Interview, to_interviews
from app.fairs.solver.slots import schedule_pairs

REPAIR_ROUNDS = 6


@dataclass
class Solution:
    mode: str
    interviews: list[Interview]
    levels: Levels
    bound: Levels | None  # proven upper bound (optimal mode only)
    seconds: float
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def top_levels_reached(self) -> bool:
        return self.bound is not None and (self.levels.coverage, self.levels.priority_units) == (
            self.bound.coverage, self.bound.priority_units)

    @property
    def proven_optimal(self) -> bool:
        return self.top_levels_reached and self.bound is not None \
            and self.levels.score_units >= self.bound.score_units

    @property
    def score_gap(self) -> float | None:
        """Relative gap of the total score to the bound. Only defined when coverage and P9 reached
        their bounds: a schedule with fewer graduates covered is not comparable on score."""
        if self.bound is None or not self.top_levels_reached:
            return None
        if self.bound.score_units == 0:
            return 0.0
        return max(0.0, (self.bound.score_units - self.levels.score_units) / self.bound.score_units)


def levels_of(problem: FairProblem, ledger: Ledger) -> Levels:
    return measure(problem, ledger.graduate_count, ledger.score_units)


def _top(levels: Levels) -> tuple[int, int, int]:
    return levels.coverage, levels.priority_units, levels.score_units


def _refill(problem: FairProblem, ledger: Ledger, rejected: np.ndarray, stats: dict[str, int]) -> np.ndarray:
    """Stage A and B on the residual; a pair that failed stage B once is not offered again, or the
    flow would keep choosing it."""
    more, _ = select_pairs(problem, ledger, excluded=rejected)
    if more.size == 0:
        return rejected
    stats["refill_rounds"] += 1
    left = schedule_pairs(problem, ledger, more)
    return np.union1d(rejected, left)


def solve_optimal(problem: FairProblem, *, repair_rounds: int = REPAIR_ROUNDS) -> Solution:
    started = time.perf_counter()
    ledger = Ledger(problem)
    ledger.place_fixed()
    chosen, bound = select_pairs(problem, ledger)
    rejected = schedule_pairs(problem, ledger, chosen)
    stats = {"stage_a_pairs": int(chosen.size), "stage_b_unplaced": int(rejected.size), "refill_rounds": 0,
             "ejections": 0}
    for _ in range(repair_rounds):
        before = _top(levels_of(problem, ledger))
        if before >= _top(bound):
            break
        rejected = _refill(problem, ledger, rejected, stats)
        if _top(levels_of(problem, ledger))[:2] < _top(bound)[:2]:
            stats["ejections"] += eject_towards(problem, ledger, bound, lambda: levels_of(problem, ledger))
        if _top(levels_of(problem, ledger)) <= before:
            break
    return Solution(mode="optimal", interviews=to_interviews(problem, ledger.table()),
                    levels=levels_of(problem, ledger), bound=bound,
                    seconds=time.perf_counter() - started, stats=stats)
