"""Stage B: give each chosen pair a slot.

This is edge colouring of the graduate–booth graph with slots as colours (a booth with k chairs
takes k edges of one colour). Slot by slot, a min-cost flow picks a matching that first serves
everything that has run out of slack — a graduate with as many pairs left as free slots left, a
booth whose remaining pairs no longer fit in its later chairs, a pair with one slot option left —
then the most urgent of the rest. When every graduate and booth can attend every slot this is
König's argument and places every pair; with partial availability it is a heuristic, and pairs it
cannot place are moved into by a one-step repair (shift one interview of the blocking booth or
graduate to another free slot). What still does not fit is returned; the caller refills.
"""
from __future__ import annotations

import numpy as np
from ortools.graph.python import min_cost_flow

from app.fairs.solver.capacity import Ledger, bits
from app.fairs.solver.problem import FairProblem

CRITICAL = 1_000_000  # must be served in this slot or never
URGENCY = 10_000  # scale of the soft preferences


def _place_one_slot(problem: FairProblem, ledger: Ledger, pending: np.ndarray, slot: int) -> np.ndarray:
    """Place a matching of pending pairs in ``slot``; returns the pairs placed."""
    bit = np.int64(1 << slot)
    later = np.int64(~((1 << slot) - 1) & problem.all_slots)
    graduate_free = ledger.graduate_free()
    booth_free = ledger.booth_free()
    g, b = problem.pair_graduate[pending], problem.pair_booth[pending]
    options = problem.pair_common_slots()[pending] & graduate_free[g] & booth_free[b] & later
    now = (options & bit) != 0
    if not now.any():
        return pending[:0]
    n, m = problem.graduate_ids.size, problem.booth_ids.size
    left_g = np.bincount(g, minlength=n)
    free_later_g = np.bitwise_count(graduate_free & later).astype(np.int64)
    critical_g = (left_g >= free_later_g) & (left_g > 0)
    left_b = np.bincount(b, minlength=m)
    chairs = np.clip(problem.per_slot[:, None] - ledger.booth_load, 0, None)
    present = ((problem.booth_slots[:, None] >> np.arange(problem.slot_count)) & 1).astype(bool)
    chairs = chairs * present
    chairs_now = chairs[:, slot]
    chairs_after = chairs[:, slot + 1:].sum(axis=1)
    must_now_b = np.clip(left_b - chairs_after, 0, chairs_now)

    live = pending[now]
    gl, bl, opt = g[now], b[now], np.bitwise_count(options[now]).astype(np.int64)
    graduate_cost = -(CRITICAL * critical_g
                      + (URGENCY * left_g / np.maximum(free_later_g, 1)).astype(np.int64)
                      + URGENCY * (ledger.graduate_count == 0)
                      + URGENCY // 2 * (ledger.graduate_count < problem.priority_target()))
    pair_cost = -(CRITICAL * (opt == 1) + (URGENCY // np.maximum(opt, 1)))
    source, sink = n + m, n + m + 1
    graduates = np.arange(n, dtype=np.int64)
    booths = n + np.arange(m, dtype=np.int64)
    flow = min_cost_flow.SimpleMinCostFlow()
    tails = np.concatenate([np.full(n, source), gl, booths, booths, [source]]).astype(np.int64)
    heads = np.concatenate([graduates, n + bl, np.full(m, sink), np.full(m, sink), [sink]]).astype(np.int64)
    caps = np.concatenate([np.ones(n, np.int64), np.ones(live.size, np.int64), must_now_b,
                           chairs_now - must_now_b, [n]]).astype(np.int64)
    costs = np.concatenate([graduate_cost, pair_cost, np.full(m, -CRITICAL), np.zeros(m, np.int64),
                            [0]]).astype(np.int64)
    arcs = flow.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    flow.set_nodes_supplies(np.array([source, sink]), np.array([n, -n]))
    if flow.solve() != flow.OPTIMAL:
        raise RuntimeError("slot matching failed")
    taken = flow.flows(arcs[n: n + live.size]) > 0
    placed = live[taken]
    for pair in placed.tolist():
        ledger.add(int(problem.pair_graduate[pair]), int(problem.pair_booth[pair]), slot,
                   int(problem.pair_job[pair]), float(problem.pair_score[pair]))
    return placed


def _fit_directly(problem: FairProblem, ledger: Ledger, pair: int) -> bool:
    g, b = int(problem.pair_graduate[pair]), int(problem.pair_booth[pair])
    common = int(problem.graduate_slots[g]) & int(problem.booth_slots[b])
    for slot in bits(common & ledger.graduate_free_one(g) & ledger.booth_free_one(b)):
        if ledger.can_place(g, b, slot):
            ledger.add(g, b, slot, int(problem.pair_job[pair]), float(problem.pair_score[pair]))
            return True
    return False


def _repair(problem: FairProblem, ledger: Ledger, pair: int) -> bool:
    """Make room for one pair by moving one other interview to another slot."""
    g, b = int(problem.pair_graduate[pair]), int(problem.pair_booth[pair])
    if (g, b) in ledger.pairs_used or ledger.graduate_count[g] >= problem.wanted[g] \
            or ledger.booth_count[b] >= problem.total[b]:
        return False
    common = int(problem.graduate_slots[g]) & int(problem.booth_slots[b])
    job, score = int(problem.pair_job[pair]), float(problem.pair_score[pair])
    # The booth is full where the graduate is free: move one of its interviews elsewhere.
    for slot in bits(common & ledger.graduate_free_one(g) & ~ledger.booth_free_one(b)):
        for row_id in list(ledger.at_booth_slot.get((b, slot), [])):
            row = ledger.rows[row_id]
            if row.fixed:
                continue
            target = ledger.graduate_free_one(row.graduate) & ledger.booth_free_one(b)
            if target:
                ledger.move(row_id, next(bits(target)))
                ledger.add(g, b, slot, job, score)
                return True
    # The booth has room where the graduate is busy: move the graduate's other interview.
    for slot in bits(common & ledger.booth_free_one(b) & ~ledger.graduate_free_one(g)):
        busy_row = ledger.at_graduate_slot.get((g, slot))
        if busy_row is None or ledger.rows[busy_row].fixed:
            continue
        other = ledger.rows[busy_row].booth
        target = ledger.graduate_free_one(g) & ledger.booth_free_one(other)
        if target:
            ledger.move(busy_row, next(bits(target)))
            ledger.add(g, b, slot, job, score)
            return True
    return False


def schedule_pairs(problem: FairProblem, ledger: Ledger, pairs: np.ndarray) -> np.ndarray:
    """Place ``pairs`` into slots; returns the pairs that could not be placed."""
    pending = np.asarray(pairs, dtype=np.int64)
    for slot in range(problem.slot_count):
        if pending.size == 0:
            break
        placed = _place_one_slot(problem, ledger, pending, slot)
        if placed.size:
            pending = np.setdiff1d(pending, placed, assume_unique=True)
    left = [pair for pair in pending.tolist()
            if not _fit_directly(problem, ledger, pair) and not _repair(problem, ledger, pair)]
    return np.asarray(left, dtype=np.int64)
