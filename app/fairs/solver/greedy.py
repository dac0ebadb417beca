"""The baseline an organiser's spreadsheet gives: best-scoring pairs first, each into the earliest
slot both sides still have free. Used by the benchmark to show what the solver adds."""
from __future__ import annotations

import time

import numpy as np

from app.fairs.solver.capacity import Ledger, bits
from app.fairs.solver.problem import FairProblem, to_interviews
from app.fairs.solver.optimal import Solution, levels_of

CHUNK = 200_000


def solve_greedy(problem: FairProblem) -> Solution:
    started = time.perf_counter()
    ledger = Ledger(problem)
    ledger.place_fixed()
    order = np.lexsort((problem.pair_booth, problem.pair_graduate, -problem.pair_score))
    quota, booth_quota = problem.quota(), problem.booth_quota()
    graduate_full = ledger.graduate_count >= quota
    booth_full = ledger.booth_count >= booth_quota
    graduate_slots, booth_slots = problem.graduate_slots.tolist(), problem.booth_slots.tolist()
    for start in range(0, order.size, CHUNK):
        chunk = order[start:start + CHUNK]
        # Most graduates and booths fill early: drop their pairs in bulk before the Python loop.
        chunk = chunk[~graduate_full[problem.pair_graduate[chunk]] & ~booth_full[problem.pair_booth[chunk]]]
        for pair, g, b in zip(chunk.tolist(), problem.pair_graduate[chunk].tolist(),
                              problem.pair_booth[chunk].tolist(), strict=True):
            if graduate_full[g] or booth_full[b] or (g, b) in ledger.pairs_used:
                continue
            free = graduate_slots[g] & booth_slots[b] & ledger.graduate_free_one(g) & ledger.booth_free_one(b)
            if not free:
                continue
            ledger.add(g, b, next(bits(free)), int(problem.pair_job[pair]), float(problem.pair_score[pair]))
            graduate_full[g] = ledger.graduate_count[g] >= quota[g]
            booth_full[b] = ledger.booth_count[b] >= booth_quota[b]
        if booth_full.all():
            break
    return Solution(mode="greedy", interviews=to_interviews(problem, ledger.table()),
                    levels=levels_of(problem, ledger), bound=None, seconds=time.perf_counter() - started)
