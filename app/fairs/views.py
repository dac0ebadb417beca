"""The schedule as each role sees it.

P9 status never appears per graduate, for anyone: rows, unassigned lists and exports are built
the same way for every graduate. In aggregate, staff and admin see the priority counts; organisers
see only rates, and not even those when fewer than PRIORITY_MIN_GROUP priority graduates are
registered, because a rate over one or two people, compared before and after a late registration,
names them. (What cannot be hidden: the solver does give priority graduates more interviews when
chairs are short, so someone who sees every graduate's count could guess. Employers see only their
own list, which carries no count and no order by anything but slot and id.)
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from app.db.models import Fair, FairBooth, FairRun
from app.domain.caller import Caller
from app.fairs.schedule_schemas import (
    BoothFill,
    Bound,
    InterviewRow,
    PriorityCoverage,
    ScheduleRead,
    Unassigned,
)
from app.fairs.schedule import ScheduleRow, schedule_rows
from app.services.sensitive_reads import audit_graduate_ids, audit_graduate_reads

PRIORITY_MIN_GROUP = 5


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def priority_view(run: FairRun, fair: Fair, caller: Caller) -> PriorityCoverage:
    suppressed = not caller.is_staff and run.priority_registered < PRIORITY_MIN_GROUP
    view = PriorityCoverage(guaranteed_interviews=fair.priority_interviews, suppressed=suppressed)
    if not suppressed:
        view.covered_rate = _rate(run.priority_covered, run.priority_registered)
        view.reached_rate = _rate(run.priority_reached, run.priority_registered)
    if caller.is_staff:
        view.registered, view.covered, view.reached = run.priority_registered, run.priority_covered, \
            run.priority_reached
    return view


def interview_row(row: ScheduleRow) -> InterviewRow:
    return InterviewRow(
        id=row.interview.id, graduate_id=row.graduate.id, graduate_external_id=row.graduate.external_id,
        graduate_name=row.graduate.name, booth_id=row.booth.id, employer_name=row.booth.employer_name,
        booth_label=row.booth.label, job_id=row.job.id, job_title=row.job.title, slot_id=row.slot.id,
        slot_number=row.slot.number, start=row.slot.starts_at, end=row.slot.ends_at, score=row.interview.score,
        pinned=row.interview.pinned, notified=row.interview.notified)


def schedule_view(session: Session, *, fair: Fair, run: FairRun, caller: Caller) -> ScheduleRead:
    rows = schedule_rows(session, run)
    unassigned = [Unassigned.model_validate(item) for item in run.details.get("unassigned", [])]
    audit_graduate_reads(session, caller=caller, graduates=[row.graduate for row in rows], action="fair_schedule",
                         shows_hardship=False)
    audit_graduate_ids(session, caller=caller, graduate_ids=[item.graduate_id for item in unassigned],
                       action="fair_schedule")
    booths = {booth.id: booth for booth in session.query(FairBooth).filter(FairBooth.fair_id == fair.id)}
    bound = None
    if run.bound_coverage is not None and run.bound_total_score is not None:
        bound = Bound(coverage=run.bound_coverage, total_score=run.bound_total_score,
                      priority_units=run.bound_priority_units if caller.is_staff else None)
    fill = [BoothFill(booth_id=item["booth_id"], employer_name=booths[item["booth_id"]].employer_name,
                      interviews=item["interviews"], capacity=item["capacity"],
                      fill_rate=_rate(item["interviews"], item["capacity"]))
            for item in run.details.get("fill", [])]
    return ScheduleRead(
        run_id=run.id, fair_id=fair.id, mode=run.mode, locked=fair.locked and run.id == fair.current_run_id,
        created_at=run.created_at, registered=run.registered, interviews=run.interviews, coverage=run.coverage,
        coverage_rate=_rate(run.coverage, run.registered), priority_coverage=priority_view(run, fair, caller),
        total_score=run.total_score, mean_score=round(run.total_score / run.interviews, 4) if run.interviews else 0.0,
        bound=bound, gap=run.score_gap, proven_optimal=run.proven_optimal, blocking_pairs=run.blocking_pairs,
        solve_seconds=run.solve_seconds, min_relevance=run.details.get("floor", {}).get("min_relevance"),
        refused_below_min_relevance=run.details.get("floor", {}).get("refused_pairs", 0),
        unassigned=unassigned,
        employer_fill=fill, schedule=[interview_row(row) for row in rows])
