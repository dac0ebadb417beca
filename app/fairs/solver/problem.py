"""The pairing problem of one fair, as arrays the solvers share.

Graduates, booths and slots are addressed by index (0..n-1) inside the solvers and by their
database ids outside. A set of slots is an int64 bit mask (bit s = the fair's s-th slot in time
order), so "do these two have a slot in common" is one vectorised AND over millions of pairs.
Pair scores are rounded to 4 decimals once, here, so that the integer costs the flow solvers use
and the float totals the report shows are the same numbers.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np

MAX_SLOTS = 48  # a full day of 10-minute interviews; masks stay well inside int64
SCORE_SCALE = 10_000  # scores are kept to 4 decimals


@dataclass(frozen=True, slots=True)
class GraduateSpec:
    id: int
    slots: Collection[int]  # slot ids the graduate can attend
    wanted: int  # interviews the graduate wants
    priority: bool = False  # P9; never leaves the solver except as aggregate counts


@dataclass(frozen=True, slots=True)
class BoothSpec:
    id: int
    per_slot: int  # interviews the booth can hold at the same time
    total: int  # interviews the booth holds over the whole fair
    slots: Collection[int] | None = None  # None: present for every slot


@dataclass(frozen=True, slots=True)
class PairSpec:
    """An eligible (graduate, booth) pair: the booth's best job for the graduate passed the
    matching engine's hard filters, with that job's relevance as the score."""

    graduate: int
    booth: int
    score: float
    job: int


@dataclass(frozen=True, slots=True)
class Interview:
    """One interview, by database ids: in a solution, and as an input when it must stay where it is
    (pinned by the organiser or already notified), which is what ``fixed`` says."""

    graduate: int
    booth: int
    slot: int
    job: int
    score: float
    fixed: bool


@dataclass
class FairProblem:
    slot_ids: np.ndarray  # [S] in time order
    graduate_ids: np.ndarray  # [n]
    wanted: np.ndarray  # [n]
    priority: np.ndarray  # [n] bool
    graduate_slots: np.ndarray  # [n] int64 masks
    booth_ids: np.ndarray  # [m]
    per_slot: np.ndarray  # [m]
    total: np.ndarray  # [m]
    booth_slots: np.ndarray  # [m] int64 masks
    pair_graduate: np.ndarray  # [p] graduate index
    pair_booth: np.ndarray  # [p] booth index
    pair_score: np.ndarray  # [p] float, 4 decimals
    pair_job: np.ndarray  # [p] job id
    priority_min: int = 2
    # (graduate index, booth index, slot index, job id, score) of fixed interviews
    fixed: list[tuple[int, int, int, int, float]] = field(default_factory=list)

    @property
    def slot_count(self) -> int:
        return int(self.slot_ids.size)

    @property
    def all_slots(self) -> int:
        return (1 << self.slot_count) - 1

    def quota(self) -> np.ndarray:
        """Interviews each graduate can have at most: wanted, and one per slot they attend."""
        return np.minimum(self.wanted, np.bitwise_count(self.graduate_slots)).astype(np.int64)

    def booth_quota(self) -> np.ndarray:
        return np.minimum(self.total, self.per_slot * np.bitwise_count(self.booth_slots)).astype(np.int64)

    def priority_target(self) -> np.ndarray:
        """P9: interviews each priority graduate is guaranteed where possible (0 for the others)."""
        return np.where(self.priority, np.minimum(self.quota(), self.priority_min), 0).astype(np.int64)

    def pair_common_slots(self) -> np.ndarray:
        return self.graduate_slots[self.pair_graduate] & self.booth_slots[self.pair_booth]


def _mask(slot_index: dict[int, int], slots: Collection[int]) -> int:
    mask = 0
    for slot in slots:
        if slot not in slot_index:
            raise ValueError(f"slot {slot} is not a slot of this fair")
        mask |= 1 << slot_index[slot]
    return mask


def build_problem(*, slots: Sequence[int], graduates: Sequence[GraduateSpec], booths: Sequence[BoothSpec],
                  pairs: Sequence[PairSpec], fixed: Sequence[Interview] = (), priority_min: int = 2) -> FairProblem:
    """Index the specs. Order is kept as given: callers pass ids sorted, so equal input gives
    identical arrays and so an identical schedule. ``fixed``: interviews that must stay (fixed=True)."""
    if any(not f.fixed for f in fixed):
        raise ValueError("an interview passed as fixed is not marked fixed")
    if not 1 <= len(slots) <= MAX_SLOTS:
        raise ValueError(f"a fair has 1 to {MAX_SLOTS} slots")
    slot_index = {slot: index for index, slot in enumerate(slots)}
    graduate_index = {spec.id: index for index, spec in enumerate(graduates)}
    booth_index = {spec.id: index for index, spec in enumerate(booths)}
    every = (1 << len(slots)) - 1
    ordered_pairs = [pair for pair in pairs if pair.graduate in graduate_index and pair.booth in booth_index]
    if len(ordered_pairs) != len(pairs):
        raise ValueError("a pair names a graduate or booth that is not in the problem")
    problem = FairProblem(
        slot_ids=np.asarray(slots, dtype=np.int64),
        graduate_ids=np.asarray([spec.id for spec in graduates], dtype=np.int64),
        wanted=np.asarray([spec.wanted for spec in graduates], dtype=np.int64),
        priority=np.asarray([spec.priority for spec in graduates], dtype=np.bool_),
        graduate_slots=np.asarray([_mask(slot_index, spec.slots) for spec in graduates], dtype=np.int64),
        booth_ids=np.asarray([spec.id for spec in booths], dtype=np.int64),
        per_slot=np.asarray([spec.per_slot for spec in booths], dtype=np.int64),
        total=np.asarray([spec.total for spec in booths], dtype=np.int64),
        booth_slots=np.asarray([every if spec.slots is None else _mask(slot_index, spec.slots) for spec in booths],
                               dtype=np.int64),
        pair_graduate=np.asarray([graduate_index[p.graduate] for p in ordered_pairs], dtype=np.int64),
        pair_booth=np.asarray([booth_index[p.booth] for p in ordered_pairs], dtype=np.int64),
        pair_score=np.round(np.asarray([p.score for p in ordered_pairs], dtype=np.float64), 4),
        pair_job=np.asarray([p.job for p in ordered_pairs], dtype=np.int64),
        priority_min=priority_min,
        fixed=[(graduate_index[f.graduate], booth_index[f.booth], slot_index[f.slot], f.job, round(f.score, 4))
               for f in fixed],
    )
    return problem


def to_interviews(problem: FairProblem, rows: Sequence[tuple[int, int, int, int, float, bool]]) -> list[Interview]:
    """Index rows back to ids, ordered by slot, booth, graduate (never by anything about the
    graduate beyond their id: the order is part of what employers see)."""
    ordered = sorted(rows, key=lambda row: (row[2], row[1], row[0]))
    return [Interview(graduate=int(problem.graduate_ids[g]), booth=int(problem.booth_ids[b]),
                      slot=int(problem.slot_ids[s]), job=int(job), score=float(score), fixed=fixed)
            for g, b, s, job, score, fixed in ordered]
