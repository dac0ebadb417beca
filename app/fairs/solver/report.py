"""What an organiser reads off a schedule: who got nothing and why, how full each booth is, and
the P9 figures in aggregate."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.fairs.solver.problem import FairProblem, Interview

NO_ELIGIBLE_EMPLOYER = "no_eligible_employer"  # no booth passes the hard filters (or all are forbidden)
NO_COMMON_SLOT = "no_common_slot"  # eligible booths exist, none staffed when the graduate can come
CAPACITY = "capacity"  # eligible booths with a common slot exist, their chairs went to others
# Eligible booths exist, but every one scored below the fair's minimum relevance (set by the service,
# which knows what the floor refused; the problem only holds the pairs above it).
BELOW_MIN_RELEVANCE = "below_min_relevance"


@dataclass(frozen=True, slots=True)
class PriorityCounts:
    registered: int
    covered: int  # at least one interview
    reached: int  # at least the guaranteed count (or everything they could have)


def interview_counts(problem: FairProblem, interviews: Sequence[Interview]) -> np.ndarray:
    index = {int(g): i for i, g in enumerate(problem.graduate_ids)}
    counts = np.zeros(problem.graduate_ids.size, dtype=np.int64)
    for interview in interviews:
        counts[index[interview.graduate]] += 1
    return counts


def unassigned_reasons(problem: FairProblem, interviews: Sequence[Interview]) -> list[tuple[int, str]]:
    counts = interview_counts(problem, interviews)
    n = problem.graduate_ids.size
    has_pair = np.bincount(problem.pair_graduate, minlength=n) > 0
    common = problem.pair_common_slots() != 0
    has_common = np.bincount(problem.pair_graduate[common], minlength=n) > 0
    reasons: list[tuple[int, str]] = []
    for graduate in np.flatnonzero(counts == 0).tolist():
        reason = CAPACITY if has_common[graduate] else NO_COMMON_SLOT if has_pair[graduate] else NO_ELIGIBLE_EMPLOYER
        reasons.append((int(problem.graduate_ids[graduate]), reason))
    return reasons


def booth_fill(problem: FairProblem, interviews: Sequence[Interview]) -> list[tuple[int, int, int]]:
    """(booth id, interviews, capacity) per booth, capacity being what its chairs and total allow."""
    held: dict[int, int] = {}
    for interview in interviews:
        held[interview.booth] = held.get(interview.booth, 0) + 1
    capacity = problem.booth_quota()
    return [(int(booth), held.get(int(booth), 0), int(capacity[i])) for i, booth in enumerate(problem.booth_ids)]


def priority_counts(problem: FairProblem, interviews: Sequence[Interview]) -> PriorityCounts:
    counts = interview_counts(problem, interviews)
    target = problem.priority_target()
    priority = problem.priority
    return PriorityCounts(registered=int(priority.sum()), covered=int((priority & (counts > 0)).sum()),
                          reached=int((priority & (counts >= target)).sum()))
