"""The interviews placed so far and what they use up: graduates' slots and counts, booths'
per-slot load and totals, and which (graduate, booth) pairs already met. Every solver stage reads
its residual capacities from here, so fixed interviews, stage results and repairs share one
source of truth."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from app.fairs.solver.problem import SCORE_SCALE, FairProblem


@dataclass(slots=True)
class Row:
    graduate: int
    booth: int
    slot: int
    job: int
    score: float
    fixed: bool


def bits(mask: int) -> Iterator[int]:
    """Slot indices of a mask, earliest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


class Ledger:
    def __init__(self, problem: FairProblem) -> None:
        self.problem = problem
        n, m, slots = problem.graduate_ids.size, problem.booth_ids.size, problem.slot_count
        self.graduate_busy = np.zeros(n, dtype=np.int64)
        self.graduate_count = np.zeros(n, dtype=np.int64)
        self.booth_load = np.zeros((m, slots), dtype=np.int64)
        self.booth_count = np.zeros(m, dtype=np.int64)
        self.rows: dict[int, Row] = {}
        self.at_graduate_slot: dict[tuple[int, int], int] = {}
        self.at_booth_slot: dict[tuple[int, int], list[int]] = {}
        self.pairs_used: set[tuple[int, int]] = set()
        self.score_units = 0  # running total, in 1/SCORE_SCALE
        self._next_row = 0
        self._slot_bits = np.left_shift(np.int64(1), np.arange(slots, dtype=np.int64))

    # ------------------------------------------------------------------ residual capacity

    def graduate_free(self) -> np.ndarray:
        return self.problem.graduate_slots & ~self.graduate_busy

    def booth_free(self) -> np.ndarray:
        """Per booth, the slots where it is present and still has a free chair."""
        has_room = self.booth_load < self.problem.per_slot[:, None]
        return (has_room.astype(np.int64) @ self._slot_bits) & self.problem.booth_slots

    def booth_free_one(self, booth: int) -> int:
        room = self.booth_load[booth] < self.problem.per_slot[booth]
        mask = 0
        for slot in np.flatnonzero(room):
            mask |= 1 << int(slot)
        return mask & int(self.problem.booth_slots[booth])

    def graduate_free_one(self, graduate: int) -> int:
        return int(self.problem.graduate_slots[graduate]) & ~int(self.graduate_busy[graduate])

    def booth_residual(self) -> np.ndarray:
        """Interviews each booth can still take: its total, and its free chairs over its slots."""
        chairs = np.clip(self.problem.per_slot[:, None] - self.booth_load, 0, None)
        present = ((self.problem.booth_slots[:, None] >> np.arange(self.problem.slot_count)) & 1).astype(bool)
        free_chairs = (chairs * present).sum(axis=1)
        return np.clip(np.minimum(self.problem.total - self.booth_count, free_chairs), 0, None)

    def graduate_residual(self) -> np.ndarray:
        wanted_left = self.problem.wanted - self.graduate_count
        return np.clip(np.minimum(wanted_left, np.bitwise_count(self.graduate_free())), 0, None).astype(np.int64)

    def can_place(self, graduate: int, booth: int, slot: int) -> bool:
        bit = 1 << slot
        return (self.graduate_free_one(graduate) & bit != 0 and self.booth_free_one(booth) & bit != 0
                and (graduate, booth) not in self.pairs_used
                and self.graduate_count[graduate] < self.problem.wanted[graduate]
                and self.booth_count[booth] < self.problem.total[booth])

    # ------------------------------------------------------------------ changes

    def add(self, graduate: int, booth: int, slot: int, job: int, score: float, *, fixed: bool = False) -> int:
        row_id = self._next_row
        self._next_row += 1
        self.rows[row_id] = Row(graduate, booth, slot, job, score, fixed)
        self.score_units += round(score * SCORE_SCALE)
        self.graduate_busy[graduate] |= np.int64(1 << slot)
        self.graduate_count[graduate] += 1
        self.booth_load[booth, slot] += 1
        self.booth_count[booth] += 1
        self.at_graduate_slot[(graduate, slot)] = row_id
        self.at_booth_slot.setdefault((booth, slot), []).append(row_id)
        self.pairs_used.add((graduate, booth))
        return row_id

    def move(self, row_id: int, slot: int) -> None:
        row = self.rows[row_id]
        self.graduate_busy[row.graduate] &= ~np.int64(1 << row.slot)
        self.graduate_busy[row.graduate] |= np.int64(1 << slot)
        self.booth_load[row.booth, row.slot] -= 1
        self.booth_load[row.booth, slot] += 1
        del self.at_graduate_slot[(row.graduate, row.slot)]
        self.at_graduate_slot[(row.graduate, slot)] = row_id
        self.at_booth_slot[(row.booth, row.slot)].remove(row_id)
        self.at_booth_slot.setdefault((row.booth, slot), []).append(row_id)
        row.slot = slot

    def remove(self, row_id: int) -> None:
        row = self.rows.pop(row_id)
        self.score_units -= round(row.score * SCORE_SCALE)
        self.graduate_busy[row.graduate] &= ~np.int64(1 << row.slot)
        self.graduate_count[row.graduate] -= 1
        self.booth_load[row.booth, row.slot] -= 1
        self.booth_count[row.booth] -= 1
        del self.at_graduate_slot[(row.graduate, row.slot)]
        self.at_booth_slot[(row.booth, row.slot)].remove(row_id)
        self.pairs_used.discard((row.graduate, row.booth))

    def place_fixed(self) -> None:
        for graduate, booth, slot, job, score in self.problem.fixed:
            self.add(graduate, booth, slot, job, score, fixed=True)

    def table(self) -> list[tuple[int, int, int, int, float, bool]]:
        return [(r.graduate, r.booth, r.slot, r.job, r.score, r.fixed) for r in self.rows.values()]
