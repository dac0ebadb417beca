"""Checks and a reference solver for the fair-pairing tests."""
from __future__ import annotations

from collections import Counter

from ortools.linear_solver import pywraplp

from app.fairs.solver.levels import Levels, measure, score_units
from app.fairs.solver.problem import FairProblem, Interview
from app.fairs.solver.report import interview_counts


def assert_feasible(problem: FairProblem, interviews: list[Interview]) -> None:
    """Every hard constraint of the issue, checked from scratch on the output."""
    slot_of = {int(s): i for i, s in enumerate(problem.slot_ids)}
    graduate_of = {int(g): i for i, g in enumerate(problem.graduate_ids)}
    booth_of = {int(b): i for i, b in enumerate(problem.booth_ids)}
    eligible = {(int(g), int(b)): (float(s), int(j)) for g, b, s, j in
                zip(problem.pair_graduate, problem.pair_booth, problem.pair_score, problem.pair_job, strict=True)}
    fixed = {(g, b, s) for g, b, s, _, _ in problem.fixed}
    per_booth_slot: Counter[tuple[int, int]] = Counter()
    per_booth: Counter[int] = Counter()
    per_graduate: Counter[int] = Counter()
    graduate_slots: set[tuple[int, int]] = set()
    pairs: set[tuple[int, int]] = set()
    for row in interviews:
        g, b, s = graduate_of[row.graduate], booth_of[row.booth], slot_of[row.slot]
        if (g, b, s) not in fixed:
            assert (g, b) in eligible, f"ineligible pair {row}"
            assert eligible[(g, b)] == (row.score, row.job)
        assert problem.graduate_slots[g] >> s & 1, f"graduate not available {row}"
        assert problem.booth_slots[b] >> s & 1, f"booth not staffed {row}"
        assert (g, s) not in graduate_slots, f"two interviews in one slot {row}"
        assert (g, b) not in pairs, f"same employer twice {row}"
        graduate_slots.add((g, s))
        pairs.add((g, b))
        per_booth_slot[(b, s)] += 1
        per_booth[b] += 1
        per_graduate[g] += 1
    for (b, _), held in per_booth_slot.items():
        assert held <= problem.per_slot[b]
    for b, held in per_booth.items():
        assert held <= problem.total[b]
    for g, held in per_graduate.items():
        assert held <= problem.wanted[g]
    assert fixed <= {(graduate_of[r.graduate], booth_of[r.booth], slot_of[r.slot]) for r in interviews}


def levels(problem: FairProblem, interviews: list[Interview]) -> Levels:
    return measure(problem, interview_counts(problem, interviews), sum(score_units(i.score) for i in interviews))


def exact_levels(problem: FairProblem) -> Levels:
    """The lexicographic optimum of the full three-index model (graduate, booth, slot) by a MIP
    solved three times, each objective fixed at its optimum before the next (tiny instances)."""
    solver = pywraplp.Solver.CreateSolver("SCIP")
    assert solver is not None
    n = problem.graduate_ids.size
    fixed_pairs = {(g, b) for g, b, _, _, _ in problem.fixed}
    busy = {(g, s) for g, _, s, _, _ in problem.fixed}
    x: dict[tuple[int, int], pywraplp.Variable] = {}
    for p, (g, b) in enumerate(zip(problem.pair_graduate.tolist(), problem.pair_booth.tolist(), strict=True)):
        for s in range(problem.slot_count):
            if (g, b) not in fixed_pairs and (g, s) not in busy and problem.graduate_slots[g] >> s & 1 \
                    and problem.booth_slots[b] >> s & 1:
                x[(p, s)] = solver.BoolVar(f"x{p}_{s}")
    groups: dict[tuple[str, int, int], list[pywraplp.Variable]] = {}
    for (p, s), var in x.items():
        g, b = int(problem.pair_graduate[p]), int(problem.pair_booth[p])
        for key in (("pair", p, 0), ("gs", g, s), ("b", b, 0), ("bs", b, s), ("g", g, 0)):
            groups.setdefault(key, []).append(var)
    base: Counter[tuple[str, int, int]] = Counter()
    for g, b, s, _, _ in problem.fixed:
        for key in (("b", b, 0), ("bs", b, s), ("g", g, 0)):
            base[key] += 1
    for (kind, i, s), vars_ in groups.items():
        limit = 1 if kind in ("pair", "gs") else int({"b": problem.total, "bs": problem.per_slot,
                                                       "g": problem.wanted}[kind][i])
        solver.Add(solver.Sum(vars_) <= limit - base[(kind, i, s)])
    target = problem.priority_target()
    covered, units = [], []
    for g in range(n):
        count = solver.Sum(groups.get(("g", g, 0), [])) + base[("g", g, 0)]
        c = solver.BoolVar(f"c{g}")
        solver.Add(c <= count)
        u = solver.IntVar(0, int(target[g]), f"u{g}")
        solver.Add(u <= count)
        covered.append(c)
        units.append(u)
    score = solver.Sum([score_units(float(problem.pair_score[p])) * var for (p, _), var in x.items()])
    values = []
    for objective in (solver.Sum(covered), solver.Sum(units), score):
        solver.Maximize(objective)
        assert solver.Solve() == pywraplp.Solver.OPTIMAL
        value = int(round(solver.Objective().Value()))
        values.append(value)
        solver.Add(objective >= value)
    fixed_score = sum(score_units(score) for _, _, _, _, score in problem.fixed)
    return Levels(coverage=values[0], priority_units=values[1], score_units=values[2] + fixed_score)
