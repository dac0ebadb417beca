"""POST /v1/fairs/{id}/pairing: compute a schedule, store it as the fair's schedule in force.

The previous run is kept (superseded), interviews people were told about and pinned ones are
carried into the new run unchanged, and the read of hardship flags the solver needs is audited.

Computing and storing are two steps so that a background pairing run (app/fairs/pairing_runs.py)
can compute in one transaction, long, read-only, and store in a short one; the request route does
both in its own transaction.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import Conflict, FieldProblem
from app.db.base import utcnow
from app.db.models import Fair, FairInterview, FairRun
from app.domain.caller import Caller
from app.fairs.solver.report import (
    BELOW_MIN_RELEVANCE,
    NO_ELIGIBLE_EMPLOYER,
    booth_fill,
    priority_counts,
    unassigned_reasons,
)
from app.fairs.solver.problem import FairProblem
from app.fairs.solver.optimal import Solution, solve_optimal
from app.fairs.solver.stable import blocking_pairs, solve_stable
from app.matching.engine import MatchEngine
from app.services.audit import write_audit
from app.fairs.inputs import FairInputs, Progress, build, current_rows, load_inputs
from app.fairs.service import get_fair


def _check_ready(inputs: FairInputs) -> None:
    if not inputs.booths:
        raise Conflict("this fair has no employer booths yet", problems=[FieldProblem("fair_id", "no booths")])
    if not inputs.registrations:
        raise Conflict("no graduate is registered for this fair", problems=[FieldProblem("fair_id", "no graduates")])


@dataclass(frozen=True)
class Computed:
    """A solved schedule not yet stored, with what storing it needs from the inputs."""

    mode: str
    digest: str
    problem: FairProblem
    solution: Solution
    registered: int
    pinned: frozenset[tuple[int, int]]
    inactive: frozenset[int]
    below_floor: frozenset[int]
    refused_pairs: int
    min_relevance: float | None


def check_unlocked(fair: Fair) -> None:
    if fair.locked:  # before loading anything: a locked fair answers at once
        raise Conflict("the schedule of this fair is locked; unlock it to rerun",
                       problems=[FieldProblem("fair_id", "locked")])


def compute(session: Session, *, engine: MatchEngine, fair: Fair, mode: str, on_progress: Progress | None = None,
            on_solving: Callable[[], None] | None = None) -> Computed:
    """Score and solve; writes nothing."""
    check_unlocked(fair)
    inputs = load_inputs(session, engine=engine, fair=fair, on_progress=on_progress)
    _check_ready(inputs)
    problem, digest = build(inputs)
    if on_solving is not None:
        on_solving()
    solution: Solution = solve_optimal(problem) if mode == "optimal" else solve_stable(problem)
    return Computed(mode=mode, digest=digest, problem=problem, solution=solution,
                    registered=len(inputs.registrations),
                    pinned=frozenset((f.graduate_id, f.booth_id) for f in inputs.fixed if f.pinned),
                    inactive=frozenset(inputs.inactive), below_floor=frozenset(gid for gid, _ in inputs.refused),
                    refused_pairs=len(inputs.refused), min_relevance=fair.min_relevance)


def store(session: Session, *, fair: Fair, computed: Computed, caller: Caller) -> FairRun:
    """The computed schedule becomes the fair's schedule in force; the previous one is superseded."""
    problem, solution = computed.problem, computed.solution
    previous = {(row.graduate_id, row.booth_id, row.slot_id): row for row in current_rows(session, fair)}
    reasons = [{"graduate_id": gid, "reason": "not_active" if gid in computed.inactive
                else BELOW_MIN_RELEVANCE if reason == NO_ELIGIBLE_EMPLOYER and gid in computed.below_floor else reason}
               for gid, reason in unassigned_reasons(problem, solution.interviews)]
    fill = [{"booth_id": booth, "interviews": held, "capacity": capacity}
            for booth, held, capacity in booth_fill(problem, solution.interviews)]
    counts = priority_counts(problem, solution.interviews)
    bound = solution.bound
    run = FairRun(
        fair_id=fair.id, mode=solution.mode, input_digest=computed.digest, registered=computed.registered,
        interviews=len(solution.interviews), coverage=solution.levels.coverage,
        priority_registered=counts.registered, priority_covered=counts.covered, priority_reached=counts.reached,
        priority_units=solution.levels.priority_units, total_score=round(solution.levels.total_score, 4),
        bound_coverage=bound.coverage if bound else None,
        bound_priority_units=bound.priority_units if bound else None,
        bound_total_score=round(bound.total_score, 4) if bound else None,
        score_gap=solution.score_gap, proven_optimal=solution.proven_optimal,
        blocking_pairs=blocking_pairs(problem, solution.interviews), solve_seconds=round(solution.seconds, 3),
        details={"unassigned": reasons, "fill": fill, "stats": solution.stats,
                 "floor": {"min_relevance": computed.min_relevance, "refused_pairs": computed.refused_pairs}},
        created_by_key_id=caller.key_id,
    )
    for old in session.scalars(select(FairRun).where(FairRun.fair_id == fair.id, FairRun.status == "current")):
        old.status = "superseded"
    session.add(run)
    session.flush()
    for interview in solution.interviews:
        before = previous.get((interview.graduate, interview.booth, interview.slot))
        session.add(FairInterview(
            run_id=run.id, fair_id=fair.id, graduate_id=interview.graduate, booth_id=interview.booth,
            job_id=interview.job, slot_id=interview.slot, score=interview.score,
            pinned=(interview.graduate, interview.booth) in computed.pinned,
            notified=bool(before and before.notified), notified_at=before.notified_at if before else None))
    fair.current_run_id = run.id
    fair.updated_at = utcnow()
    # The solver read every registered graduate's hardship flag (P9): that read is on record.
    write_audit(session, caller=caller, action="fair_pairing", resource="fair", record_id=fair.id,
                fields=["has_hardship"], note=f"run {run.id}: {computed.registered} registered graduates")
    session.flush()
    return run


def compute_pairing(session: Session, *, engine: MatchEngine, fair_id: int, mode: str, caller: Caller) -> FairRun:
    fair = get_fair(session, fair_id=fair_id)
    return store(session, fair=fair, computed=compute(session, engine=engine, fair=fair, mode=mode), caller=caller)
