"""The three objectives, in their lexicographic order, measured on a set of interviews."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.fairs.solver.problem import SCORE_SCALE, FairProblem


@dataclass(frozen=True, slots=True, order=True)
class Levels:
    """Compared as a tuple: coverage first, then P9 units, then score (the objective order)."""

    coverage: int  # graduates with at least one interview
    priority_units: int  # sum over priority graduates of min(interviews, their guaranteed count)
    score_units: int  # total match score in 1/SCORE_SCALE units
    interviews: int = 0

    @property
    def total_score(self) -> float:
        return self.score_units / SCORE_SCALE


def measure(problem: FairProblem, counts: np.ndarray, score_units: int) -> Levels:
    target = problem.priority_target()
    return Levels(
        coverage=int((counts > 0).sum()),
        priority_units=int(np.minimum(counts, target).sum()),
        score_units=int(score_units),
        interviews=int(counts.sum()),
    )


def score_units(score: float) -> int:
    return int(round(score * SCORE_SCALE))
