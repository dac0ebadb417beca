"""Stage A: which graduate meets which booth, as one min-cost flow, and the bound it proves.

    source ─(graduate's interview units)→ graduate ─(eligible pair, cap 1)→ booth ─(booth total)→ sink

Every feasible schedule maps onto a flow here with the same objective values (drop the slots), so
the optimum of this flow is an upper bound on the best schedule, for all three objectives in
their order. The three objectives become one cost by weights large enough that no amount of a
lower objective can buy one unit of a higher one:

* unit 1 of an uncovered graduate earns M1 (coverage);
* units up to a priority graduate's guaranteed count earn M2 (P9) — concave per graduate, so the
  solver fills them in order;
* each pair earns its score in 1/10,000 (the only term that differs between pairs).

M2 exceeds the largest possible total score and M1 exceeds every P9 and score total together, so
the weighted optimum is the lexicographic one. The costs stay exact integers, which is why a
network-simplex-style solver (OR-Tools cost scaling) proves optimality rather than a gap.
"""
from __future__ import annotations

import numpy as np
from ortools.graph.python import min_cost_flow

from app.fairs.solver.capacity import Ledger
from app.fairs.solver.levels import Levels, measure
from app.fairs.solver.problem import SCORE_SCALE, FairProblem

# OR-Tools scales costs by the node count internally; keep the product inside int64.
COST_LIMIT = 2**62


class SolverLimitError(ValueError):
    """The instance is too large for exact integer weights."""


def usable_pairs(problem: FairProblem, ledger: Ledger, excluded: np.ndarray | None = None) -> np.ndarray:
    """Pairs that can still be added: not met yet, both sides with room, a free slot in common."""
    graduate_room = ledger.graduate_residual() > 0
    booth_room = ledger.booth_residual() > 0
    common = problem.pair_common_slots() & ledger.graduate_free()[problem.pair_graduate] \
        & ledger.booth_free()[problem.pair_booth]
    ok = (common != 0) & graduate_room[problem.pair_graduate] & booth_room[problem.pair_booth]
    if ledger.pairs_used:
        m = problem.booth_ids.size
        used = np.fromiter((g * m + b for g, b in ledger.pairs_used), dtype=np.int64)
        ok &= ~np.isin(problem.pair_graduate * m + problem.pair_booth, used)
    if excluded is not None and excluded.size:
        ok[excluded] = False
    return np.flatnonzero(ok)


def select_pairs(problem: FairProblem, ledger: Ledger,
                 excluded: np.ndarray | None = None) -> tuple[np.ndarray, Levels]:
    """The pairs to add to the ledger, and the objective values (ledger plus those pairs) they
    reach. When the ledger holds only fixed interviews, those values bound every schedule."""
    n, m = problem.graduate_ids.size, problem.booth_ids.size
    candidates = usable_pairs(problem, ledger, excluded)
    quota = ledger.graduate_residual()
    booth_quota = ledger.booth_residual()
    uncovered = ledger.graduate_count == 0
    need = np.clip(problem.priority_target() - ledger.graduate_count, 0, None)
    priority_units = np.minimum(quota, need)

    scores = np.rint(problem.pair_score[candidates] * SCORE_SCALE).astype(np.int64)
    max_score = int(scores.max()) if scores.size else 0
    score_total_cap = max_score * int(min(quota.sum(), booth_quota.sum())) + 1
    m2 = score_total_cap
    m1 = m2 * (int(priority_units.sum()) + 1)
    if (m1 + m2) * (n + m + 3) >= COST_LIMIT:
        raise SolverLimitError("the fair is too large for exact lexicographic weights")

    source, sink = n + m, n + m + 1
    graduates = np.arange(n, dtype=np.int64)
    first_cap = (quota > 0).astype(np.int64)
    extra_cap = np.clip(priority_units - 1, 0, None) * first_cap
    rest_cap = np.clip(quota - first_cap - extra_cap, 0, None)
    first_reward = m1 * uncovered + m2 * (priority_units > 0)
    tails = [np.full(n, source), np.full(n, source), np.full(n, source), problem.pair_graduate[candidates],
             n + np.arange(m, dtype=np.int64), np.array([source])]
    heads = [graduates, graduates, graduates, n + problem.pair_booth[candidates], np.full(m, sink), np.array([sink])]
    caps = [first_cap, extra_cap, rest_cap, np.ones(candidates.size, dtype=np.int64), booth_quota,
            np.array([int(quota.sum())])]
    costs = [-first_reward, np.full(n, -m2), np.zeros(n, dtype=np.int64), -scores, np.zeros(m, dtype=np.int64),
             np.array([0])]

    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(tails).astype(np.int64), np.concatenate(heads).astype(np.int64),
        np.concatenate(caps).astype(np.int64), np.concatenate(costs).astype(np.int64))
    supply = int(quota.sum())
    flow.set_nodes_supplies(np.array([source, sink]), np.array([supply, -supply]))
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow ended with status {status}")
    pair_arcs = arcs[3 * n: 3 * n + candidates.size]
    chosen = candidates[flow.flows(pair_arcs) > 0]

    counts = ledger.graduate_count + np.bincount(problem.pair_graduate[chosen], minlength=n)
    total_units = ledger.score_units + int(np.rint(problem.pair_score[chosen] * SCORE_SCALE).sum())
    return chosen, measure(problem, counts, total_units)
