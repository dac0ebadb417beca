"""Building blocks of the column tables (job_table.py, graduate_table.py): interned strings and
multi-valued columns, so that scoring reads numpy arrays instead of one Python object per record.

Why not a scipy CSR matrix for the multi-valued columns: rows change one at a time while the
service runs (a posting edited, a graduate registered), and a CSR matrix cannot take a changed row
without rebuilding. ``Ragged`` appends a changed row at the end of one flat buffer and forgets the
old segment, compacting when the dead space outgrows the live data.
"""
from __future__ import annotations

from collections import OrderedDict

import numpy as np


class Vocab:
    """Strings ↔ dense integer codes, in order of first sight (codes never change)."""

    def __init__(self) -> None:
        self.code_of: dict[str, int] = {}
        self.values: list[str] = []
        # Arrays over the codes derived from it by a query's value (columnar._PerValue), kept here
        # because codes are only meaningful within this vocabulary.
        self.derived: OrderedDict[tuple[int, str], np.ndarray] = OrderedDict()

    def __len__(self) -> int:
        return len(self.values)

    def add(self, value: str) -> int:
        code = self.code_of.get(value)
        if code is None:
            code = self.code_of[value] = len(self.values)
            self.values.append(value)
        return code

    def get(self, value: str) -> int:
        """The value's code, or -1 when it was never seen (so it matches nothing)."""
        return self.code_of.get(value, -1)


def grown(array: np.ndarray, capacity: int, fill: object) -> np.ndarray:
    """``array`` copied into a longer one, the new tail set to ``fill``."""
    new = np.full(capacity, fill, dtype=array.dtype)
    new[: len(array)] = array
    return new


class Ragged:
    """A column holding a short list of integer codes per row slot (a posting's skills, a
    graduate's preferred cities)."""

    def __init__(self) -> None:
        self.start = np.zeros(0, dtype=np.int64)
        self.count = np.zeros(0, dtype=np.int32)
        self.codes = np.zeros(256, dtype=np.int32)
        self._used = 0

    def ensure(self, capacity: int) -> None:
        if capacity > len(self.start):
            self.start = grown(self.start, capacity, 0)
            self.count = grown(self.count, capacity, 0)

    def set(self, slot: int, codes: list[int]) -> None:
        self.count[slot] = 0  # the old segment is dead from here on
        if self._used + len(codes) > len(self.codes):
            self._compact(extra=len(codes))
        self.start[slot] = self._used
        self.count[slot] = len(codes)
        self.codes[self._used: self._used + len(codes)] = codes
        self._used += len(codes)

    def clear(self, slot: int) -> None:
        self.set(slot, [])

    def _compact(self, *, extra: int) -> None:
        """Copy the live segments to a fresh buffer (twice the live size, room for ``extra``)."""
        slots = np.flatnonzero(self.count)
        _, positions = self._positions(slots)
        live = self.codes[positions]
        capacity = max(256, 2 * (len(live) + extra))
        self.codes = np.zeros(capacity, dtype=np.int32)
        self.codes[: len(live)] = live
        counts = self.count[slots].astype(np.int64)
        self.start[slots] = np.cumsum(counts) - counts
        self._used = len(live)

    def _positions(self, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        counts = self.count[slots].astype(np.int64)
        total = int(counts.sum())
        seg = np.repeat(np.arange(len(slots)), counts)
        offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        return seg, np.repeat(self.start[slots], counts) + offsets

    def gather(self, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row in ``slots``, code) for every code of the given slots, one vectorised pass."""
        seg, positions = self._positions(slots)
        return seg, self.codes[positions]

    def any_of(self, slots: np.ndarray, hit: np.ndarray) -> np.ndarray:
        """Per slot: does any of its codes have ``hit[code]`` (a boolean array over the codes)?"""
        return self.count_of(slots, hit) > 0

    def count_of(self, slots: np.ndarray, hit: np.ndarray) -> np.ndarray:
        """Per slot: how many of its codes have ``hit[code]``."""
        seg, codes = self.gather(slots)
        if codes.size == 0:
            return np.zeros(len(slots), dtype=np.int64)
        return np.bincount(seg, weights=hit[codes], minlength=len(slots)).astype(np.int64)

    def contains(self, slots: np.ndarray, code: int) -> np.ndarray:
        """Per slot: is ``code`` among its codes?"""
        seg, codes = self.gather(slots)
        found = np.zeros(len(slots), dtype=np.bool_)
        found[seg[codes == code]] = True
        return found


def slots_for(slot_by_id: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Row slots of record ids through a dense id → slot array; -1 for an id it does not hold."""
    ids = np.asarray(ids, dtype=np.int64)
    slots = np.full(len(ids), -1, dtype=np.int64)
    known = (ids >= 0) & (ids < len(slot_by_id))
    slots[known] = slot_by_id[ids[known]]
    return slots


def hit_array(size: int, codes: object) -> np.ndarray:
    """A boolean array over ``size`` codes, true at ``codes`` (codes of -1, never seen, are ignored)."""
    hit = np.zeros(size, dtype=np.bool_)
    wanted = np.asarray(list(codes) if not isinstance(codes, np.ndarray) else codes, dtype=np.int64)
    wanted = wanted[wanted >= 0]
    hit[wanted] = True
    return hit


def round4(values: np.ndarray) -> np.ndarray:
    """``round(value, 4)`` of Python, elementwise: numpy's rounding (scale, rint, unscale) can differ
    from Python's correctly rounded result only next to a tie, and those few are redone in Python,
    so components and the relevance built from them are exactly what the per-pair code produced."""
    rounded = np.round(values, 4)
    scaled = values * 1e4
    near_tie = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    if near_tie.any():
        rounded = rounded.copy()
        for index in np.flatnonzero(near_tie):
            rounded[index] = round(float(values[index]), 4)
    return rounded
