"""Stable mode and blocking pairs.

The market is the pair level of the fair: a graduate can take min(wanted, slots attended)
interviews, a booth min(total, chairs over its slots), and a pair is acceptable when it is
eligible and the two share a slot. Graduates rank booths by score (booth order breaks ties);
booths rank graduates by score, then — P9, "under equal conditions" — priority graduates first,
then graduate order. Graduate-proposing deferred acceptance gives the graduate-optimal stable
matching of that market; its pairs then get slots like any other (app.fairs.solver.slots).

A blocking pair is an acceptable pair not in the schedule where both sides would rather have it:
each has a free place or holds something it ranks lower. Slots are not part of the definition
(the standard many-to-many one), so organisers can compare the optimal and the stable schedule on
the same count.
"""
from __future__ import annotations

import heapq
import time
from collections import deque

import numpy as np

from app.fairs.solver.capacity import Ledger
from app.fairs.solver.problem import FairProblem, Interview, to_interviews
from app.fairs.solver.slots import schedule_pairs
from app.fairs.solver.optimal import Solution, levels_of

STABLE_ROUNDS = 5


def _rankings(problem: FairProblem) -> tuple[np.ndarray, np.ndarray]:
    """Per pair, its rank in the graduate's list and in the booth's list (0 = most preferred)."""
    pairs = np.arange(problem.pair_graduate.size)
    by_graduate = np.lexsort((problem.pair_booth, -problem.pair_score, problem.pair_graduate))
    by_booth = np.lexsort((problem.pair_graduate, ~problem.priority[problem.pair_graduate],
                           -problem.pair_score, problem.pair_booth))
    graduate_rank = np.empty_like(pairs)
    booth_rank = np.empty_like(pairs)
    graduate_rank[by_graduate] = pairs - np.searchsorted(problem.pair_graduate[by_graduate],
                                                         problem.pair_graduate[by_graduate])
    booth_rank[by_booth] = pairs - np.searchsorted(problem.pair_booth[by_booth], problem.pair_booth[by_booth])
    return graduate_rank, booth_rank


def deferred_acceptance(problem: FairProblem, ledger: Ledger, excluded: np.ndarray | None = None) -> np.ndarray:
    """Graduate-proposing deferred acceptance with capacities, on what the ledger leaves free."""
    n, m = problem.graduate_ids.size, problem.booth_ids.size
    acceptable = problem.pair_common_slots() != 0
    if excluded is not None and excluded.size:
        acceptable[excluded] = False
    if ledger.pairs_used:
        used = np.fromiter((g * m + b for g, b in ledger.pairs_used), dtype=np.int64)
        acceptable &= ~np.isin(problem.pair_graduate * m + problem.pair_booth, used)
    graduate_left = np.clip(problem.quota() - ledger.graduate_count, 0, None)
    booth_left = np.clip(problem.booth_quota() - ledger.booth_count, 0, None)
    _, booth_rank = _rankings(problem)
    candidates = np.flatnonzero(acceptable)
    order = candidates[np.lexsort((problem.pair_booth[candidates], -problem.pair_score[candidates],
                                   problem.pair_graduate[candidates]))]
    starts = np.searchsorted(problem.pair_graduate[order], np.arange(n + 1))
    lists = [order[starts[g]:starts[g + 1]].tolist() for g in range(n)]
    pointer = [0] * n
    held = [0] * n
    booth_heaps: list[list[tuple[int, int]]] = [[] for _ in range(m)]  # (-rank, pair): worst on top
    pair_booth = problem.pair_booth.tolist()
    pair_graduate = problem.pair_graduate.tolist()
    rank = booth_rank.tolist()
    queue = deque(g for g in range(n) if graduate_left[g] > 0 and lists[g])
    while queue:
        g = queue.popleft()
        while held[g] < graduate_left[g] and pointer[g] < len(lists[g]):
            pair = lists[g][pointer[g]]
            pointer[g] += 1
            b = pair_booth[pair]
            heap = booth_heaps[b]
            if len(heap) < booth_left[b]:
                heapq.heappush(heap, (-rank[pair], pair))
                held[g] += 1
            elif heap and -heap[0][0] > rank[pair]:
                _, evicted = heapq.heapreplace(heap, (-rank[pair], pair))
                held[g] += 1
                loser = pair_graduate[evicted]
                held[loser] -= 1
                if pointer[loser] < len(lists[loser]):
                    queue.append(loser)
    return np.asarray(sorted(pair for heap in booth_heaps for _, pair in heap), dtype=np.int64)


def blocking_pairs(problem: FairProblem, interviews: list[Interview]) -> int:
    """How many acceptable pairs outside the schedule both sides would rather have."""
    n, m = problem.graduate_ids.size, problem.booth_ids.size
    graduate_index = {int(g): i for i, g in enumerate(problem.graduate_ids)}
    booth_index = {int(b): i for i, b in enumerate(problem.booth_ids)}
    if problem.pair_graduate.size == 0:
        return 0
    graduate_rank, booth_rank = _rankings(problem)
    key = problem.pair_graduate * m + problem.pair_booth
    sorter = np.argsort(key, kind="stable")
    sorted_keys = key[sorter]
    held_keys = np.asarray([graduate_index[i.graduate] * m + booth_index[i.booth] for i in interviews],
                           dtype=np.int64)
    position = np.minimum(np.searchsorted(sorted_keys, held_keys), key.size - 1)
    held_pairs = sorter[position[sorted_keys[position] == held_keys]]
    count_g = np.bincount(held_keys // m, minlength=n)
    count_b = np.bincount(held_keys % m, minlength=m)
    # A held pair the market does not rank (pinned outside it) ranks best: it cannot be displaced.
    worst_g = np.full(n, -1, dtype=np.int64)
    worst_b = np.full(m, -1, dtype=np.int64)
    np.maximum.at(worst_g, problem.pair_graduate[held_pairs], graduate_rank[held_pairs])
    np.maximum.at(worst_b, problem.pair_booth[held_pairs], booth_rank[held_pairs])
    g, b = problem.pair_graduate, problem.pair_booth
    outside = np.ones(key.size, dtype=bool)
    outside[held_pairs] = False
    wants_g = (count_g[g] < problem.quota()[g]) | (graduate_rank < worst_g[g])
    wants_b = (count_b[b] < problem.booth_quota()[b]) | (booth_rank < worst_b[b])
    return int((outside & (problem.pair_common_slots() != 0) & wants_g & wants_b).sum())


def solve_stable(problem: FairProblem, *, rounds: int = STABLE_ROUNDS) -> Solution:
    """Deferred acceptance, then slots. A pair that cannot get a slot leaves the market and the
    matching is recomputed, so the result is stable for the pairs that can actually be scheduled
    (a hole left by one unplaced pair would otherwise block with half the fair)."""
    started = time.perf_counter()
    excluded = np.zeros(0, dtype=np.int64)
    for _ in range(rounds):
        ledger = Ledger(problem)
        ledger.place_fixed()
        chosen = deferred_acceptance(problem, ledger, excluded)
        unplaced = schedule_pairs(problem, ledger, chosen)
        if unplaced.size == 0:
            break
        excluded = np.union1d(excluded, unplaced)
    return Solution(mode="stable", interviews=to_interviews(problem, ledger.table()),
                    levels=levels_of(problem, ledger), bound=None, seconds=time.perf_counter() - started,
                    stats={"stable_pairs": int(chosen.size), "stage_b_unplaced": int(unplaced.size),
                           "slot_infeasible_pairs": int(excluded.size)})
