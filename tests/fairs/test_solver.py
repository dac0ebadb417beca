"""The pairing solvers on their own: constraints, objective order, bound, determinism, stability."""
from __future__ import annotations

import numpy as np
import pytest

from app.fairs.solver.greedy import solve_greedy
from app.fairs.solver.problem import BoothSpec, GraduateSpec, Interview, PairSpec, build_problem
from app.fairs.solver.report import booth_fill, priority_counts, unassigned_reasons
from app.fairs.solver.optimal import solve_optimal
from app.fairs.solver.stable import blocking_pairs, solve_stable
from synthetic.fairs import synthetic_fair
from tests.fairs.helpers import assert_feasible, exact_levels, levels

SLOTS = [11, 12, 13]


def _graduate(gid: int, wanted: int = 1, slots: list[int] | None = None, priority: bool = False) -> GraduateSpec:
    return GraduateSpec(id=gid, slots=slots or SLOTS, wanted=wanted, priority=priority)


def test_coverage_comes_before_score() -> None:
    # Max score would give booth 10 to graduate 1 (0.9) and leave graduate 2 with nothing.
    problem = build_problem(slots=SLOTS, graduates=[_graduate(1), _graduate(2)],
                            booths=[BoothSpec(10, per_slot=1, total=1), BoothSpec(20, per_slot=1, total=1)],
                            pairs=[PairSpec(1, 10, 0.9, 100), PairSpec(1, 20, 0.2, 200), PairSpec(2, 10, 0.5, 100)])
    solution = solve_optimal(problem)
    assert {(i.graduate, i.booth) for i in solution.interviews} == {(1, 20), (2, 10)}
    assert solution.levels.coverage == 2 and solution.proven_optimal and solution.score_gap == 0.0
    # The same example, scored the stable way: the optimal schedule has one blocking pair, (1, 10).
    assert blocking_pairs(problem, solution.interviews) == 1
    stable = solve_stable(problem)
    assert {(i.graduate, i.booth) for i in stable.interviews} == {(1, 10)}
    assert blocking_pairs(problem, stable.interviews) == 0
    assert unassigned_reasons(problem, stable.interviews) == [(2, "capacity")]


def test_priority_guarantee_comes_before_score() -> None:
    booths = [BoothSpec(b, per_slot=1, total=1) for b in (10, 20, 30)]
    pairs = [PairSpec(1, 10, 0.3, 1), PairSpec(1, 20, 0.3, 2),
             PairSpec(2, 10, 0.9, 1), PairSpec(2, 20, 0.9, 2), PairSpec(2, 30, 0.8, 3)]
    graduates = [_graduate(1, wanted=2, priority=True), _graduate(2, wanted=2)]
    solution = solve_optimal(build_problem(slots=SLOTS, graduates=graduates, booths=booths, pairs=pairs))
    assert sorted((i.graduate, i.booth) for i in solution.interviews) == [(1, 10), (1, 20), (2, 30)]
    # Without the P9 flag the same fair goes to score: graduate 2 takes both good booths.
    plain = solve_optimal(build_problem(slots=SLOTS, graduates=[_graduate(1, wanted=2), _graduate(2, wanted=2)],
                                        booths=booths, pairs=pairs))
    assert sorted(i.graduate for i in plain.interviews) == [1, 2, 2]
    assert plain.levels.total_score == pytest.approx(0.3 + 0.9 + 0.8)


def test_infeasible_priority_guarantee_gives_what_is_possible() -> None:
    problem = build_problem(slots=SLOTS, graduates=[_graduate(1, wanted=3, priority=True)],
                            booths=[BoothSpec(10, per_slot=1, total=5)], pairs=[PairSpec(1, 10, 0.6, 1)],
                            priority_min=2)
    solution = solve_optimal(problem)
    assert len(solution.interviews) == 1 and solution.proven_optimal
    assert solution.bound is not None and solution.bound.priority_units == 1
    assert priority_counts(problem, solution.interviews).reached == 0


def test_slot_and_capacity_constraints_on_a_hand_example() -> None:
    graduates = [_graduate(1, wanted=3, slots=[11]), _graduate(2, wanted=3, slots=[11]),
                 _graduate(3, wanted=3, slots=[12, 13])]
    booths = [BoothSpec(10, per_slot=1, total=2), BoothSpec(20, per_slot=2, total=2, slots=[13])]
    pairs = [PairSpec(g, b, 0.5, b) for g in (1, 2, 3) for b in (10, 20)]
    problem = build_problem(slots=SLOTS, graduates=graduates, booths=booths, pairs=pairs)
    solution = solve_optimal(problem)
    assert_feasible(problem, solution.interviews)
    assert solution.levels.coverage == 2  # 1 and 2 both want booth 10 at slot 11; one chair
    reasons = dict(unassigned_reasons(problem, solution.interviews))
    assert list(reasons.values()) == ["capacity"]
    assert booth_fill(problem, solution.interviews) == [(10, 2, 2), (20, 1, 2)]


def test_unassigned_reasons() -> None:
    graduates = [_graduate(1), _graduate(2, slots=[11]), _graduate(3)]
    booths = [BoothSpec(10, per_slot=1, total=1, slots=[12, 13])]
    problem = build_problem(slots=SLOTS, graduates=graduates, booths=booths,
                            pairs=[PairSpec(2, 10, 0.5, 1), PairSpec(3, 10, 0.5, 1)])
    solution = solve_optimal(problem)
    assert dict(unassigned_reasons(problem, solution.interviews)) == {1: "no_eligible_employer",
                                                                      2: "no_common_slot"}


def test_fixed_interviews_stay_and_count() -> None:
    graduates = [_graduate(1, wanted=2), _graduate(2, wanted=2)]
    booths = [BoothSpec(10, per_slot=1, total=3), BoothSpec(20, per_slot=1, total=3)]
    pairs = [PairSpec(g, b, 0.9 if b == 10 else 0.4, b) for g in (1, 2) for b in (10, 20)]
    fixed = [Interview(graduate=2, booth=20, slot=11, job=20, score=0.4, fixed=True)]
    problem = build_problem(slots=SLOTS, graduates=graduates, booths=booths, pairs=pairs, fixed=fixed)
    solution = solve_optimal(problem)
    assert_feasible(problem, solution.interviews)
    assert any((i.graduate, i.booth, i.slot, i.fixed) == (2, 20, 11, True) for i in solution.interviews)
    assert solution.levels.interviews == 4 and solution.proven_optimal


def test_an_interview_passed_as_fixed_must_say_so() -> None:
    # One type serves solutions and fixed inputs; a solution row with fixed=False fed back as an input
    # would silently be pinned, so it is refused.
    loose = Interview(graduate=1, booth=10, slot=11, job=10, score=0.9, fixed=False)
    with pytest.raises(ValueError, match="not marked fixed"):
        build_problem(slots=SLOTS, graduates=[_graduate(1, wanted=1)], booths=[BoothSpec(10, per_slot=1, total=1)],
                      pairs=[PairSpec(1, 10, 0.9, 10)], fixed=[loose])


@pytest.mark.parametrize("seed", range(6))
def test_matches_the_exact_optimum_on_small_fairs(seed: int) -> None:
    """Against CP-SAT on the full model: the bound is never below the true optimum, and with full
    availability (where the two-stage method is exact) the schedule reaches it."""
    full = seed % 2 == 0
    problem = synthetic_fair(graduates=14, booths=4, slots=4, seed=seed, priority_share=0.3,
                             partial_share=0.0 if full else 0.5, booth_partial_share=0.0 if full else 0.3)
    problem.total = np.minimum(problem.total, 3)
    solution = solve_optimal(problem)
    assert_feasible(problem, solution.interviews)
    exact = exact_levels(problem)
    found = levels(problem, solution.interviews)
    assert solution.bound is not None
    assert (exact.coverage, exact.priority_units, exact.score_units) <= (
        solution.bound.coverage, solution.bound.priority_units, solution.bound.score_units)
    assert (found.coverage, found.priority_units, found.score_units) <= (
        exact.coverage, exact.priority_units, exact.score_units)
    if full:
        assert found == solution.levels and solution.proven_optimal
        assert (found.coverage, found.priority_units, found.score_units) == (
            exact.coverage, exact.priority_units, exact.score_units)


def test_medium_fair_is_feasible_covered_and_within_the_gap() -> None:
    problem = synthetic_fair(graduates=600, booths=40, slots=8, seed=7)
    solution = solve_optimal(problem)
    assert_feasible(problem, solution.interviews)
    assert solution.top_levels_reached and solution.score_gap is not None and solution.score_gap <= 0.01
    greedy = solve_greedy(problem)
    assert_feasible(problem, greedy.interviews)
    assert greedy.levels.coverage <= solution.levels.coverage


def test_same_input_same_schedule() -> None:
    first = solve_optimal(synthetic_fair(graduates=300, booths=25, slots=6, seed=3))
    second = solve_optimal(synthetic_fair(graduates=300, booths=25, slots=6, seed=3))
    assert first.interviews == second.interviews
    assert solve_stable(synthetic_fair(graduates=300, booths=25, slots=6, seed=3)).interviews == \
        solve_stable(synthetic_fair(graduates=300, booths=25, slots=6, seed=3)).interviews


def test_stable_mode_has_no_blocking_pairs() -> None:
    problem = synthetic_fair(graduates=300, booths=25, slots=6, seed=5, partial_share=0.0, booth_partial_share=0.0)
    stable = solve_stable(problem)
    assert_feasible(problem, stable.interviews)
    assert stable.stats["stage_b_unplaced"] == 0
    assert blocking_pairs(problem, stable.interviews) == 0
    optimal = solve_optimal(problem)
    assert optimal.levels.coverage >= stable.levels.coverage
    assert blocking_pairs(problem, optimal.interviews) > 0  # coverage is bought with some stability
