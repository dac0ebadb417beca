"""Close the last gap to the bound on the two top objectives by ejection.

When every chair is taken, a graduate left without an interview (or a priority graduate short of
the guaranteed count) can only get one by taking a chair from someone who has more than they
need. Each move here gives the needy graduate an interview at a booth they are eligible for, in
a slot both have, by removing one interview from a donor who keeps at least one (and, where that
matters, their own P9 count). Among the possible moves the one that costs least score is taken.
It stops as soon as the objective reaches the proven bound.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from app.fairs.solver.capacity import Ledger, bits
from app.fairs.solver.levels import Levels
from app.fairs.solver.problem import FairProblem

Move = tuple[int, float, int, int, int]  # (harm, score loss, pair, row to remove or -1, slot)


def _pairs_by_graduate(problem: FairProblem, graduates: np.ndarray) -> dict[int, np.ndarray]:
    selected = np.flatnonzero(np.isin(problem.pair_graduate, graduates))
    order = selected[np.lexsort((-problem.pair_score[selected], problem.pair_graduate[selected]))]
    groups: dict[int, np.ndarray] = {}
    for graduate in graduates.tolist():
        groups[graduate] = order[problem.pair_graduate[order] == graduate]
    return groups


def _donor_harm(problem: FairProblem, ledger: Ledger, donor: int, target: np.ndarray) -> int | None:
    """0 if the donor loses nothing that counts, 1 if it costs a P9 unit, None if not allowed."""
    count = int(ledger.graduate_count[donor])
    if count < 2:
        return None  # never uncover someone to cover someone else
    return 1 if count <= target[donor] else 0


def _best_move(problem: FairProblem, ledger: Ledger, graduate: int, pairs: np.ndarray, target: np.ndarray,
               max_harm: int) -> Move | None:
    best: Move | None = None
    graduate_free = ledger.graduate_free_one(graduate)
    for pair in pairs.tolist():
        booth = int(problem.pair_booth[pair])
        if (graduate, booth) in ledger.pairs_used:
            continue
        slots = int(problem.graduate_slots[graduate]) & int(problem.booth_slots[booth]) & graduate_free
        if not slots:
            continue
        score = float(problem.pair_score[pair])
        booth_free = ledger.booth_free_one(booth)
        total_full = ledger.booth_count[booth] >= problem.total[booth]
        if slots & booth_free and not total_full:
            return (0, -score, pair, -1, next(bits(slots & booth_free)))
        candidates = [(row_id, ledger.rows[row_id]) for slot_rows in
                      (ledger.at_booth_slot.get((booth, s), []) for s in range(problem.slot_count))
                      for row_id in slot_rows]
        for row_id, row in candidates:
            if row.fixed:
                continue
            harm = _donor_harm(problem, ledger, row.graduate, target)
            if harm is None or harm > max_harm:
                continue
            # After removing the row, the booth has a chair at its slot, and a total to spare.
            room = booth_free | (1 << row.slot)
            usable = slots & room
            if not usable:
                continue
            move: Move = (harm, row.score - score, pair, row_id, next(bits(usable)))
            if best is None or move[:2] < best[:2]:
                best = move
    return best


def _apply(problem: FairProblem, ledger: Ledger, graduate: int, move: Move) -> None:
    _, _, pair, row_id, slot = move
    if row_id >= 0:
        ledger.remove(row_id)
    ledger.add(graduate, int(problem.pair_booth[pair]), slot, int(problem.pair_job[pair]),
               float(problem.pair_score[pair]))


def eject_towards(problem: FairProblem, ledger: Ledger, bound: Levels, measure_now: Callable[[], Levels]) -> int:
    """Cover the uncovered, then lift priority graduates to their count; returns moves made."""
    target = problem.priority_target()
    moves = 0
    # Coverage: needy = uncovered graduates with any eligible pair.
    needy = np.flatnonzero((ledger.graduate_count == 0) & (np.bincount(problem.pair_graduate,
                                                                        minlength=problem.graduate_ids.size) > 0))
    if needy.size and measure_now().coverage < bound.coverage:
        groups = _pairs_by_graduate(problem, needy)
        for graduate in needy.tolist():
            if measure_now().coverage >= bound.coverage:
                break
            move = _best_move(problem, ledger, graduate, groups[graduate], target, max_harm=1)
            if move is not None:
                _apply(problem, ledger, graduate, move)
                moves += 1
    short = np.flatnonzero(problem.priority & (ledger.graduate_count < target) & (ledger.graduate_count > 0))
    if short.size and measure_now().priority_units < bound.priority_units:
        groups = _pairs_by_graduate(problem, short)
        for graduate in short.tolist():
            while ledger.graduate_count[graduate] < target[graduate] \
                    and measure_now().priority_units < bound.priority_units:
                move = _best_move(problem, ledger, graduate, groups[graduate], target, max_harm=0)
                if move is None:
                    break
                _apply(problem, ledger, graduate, move)
                moves += 1
    return moves
