"""The schedule in force: read it with everything a row shows, lock (publish) and unlock it, and
record which interviews people were told about. Notified interviews are fixed for every rerun."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import Conflict, FieldProblem, NotFound
from app.db.base import utcnow
from app.db.models import Fair, FairBooth, FairInterview, FairPairRule, FairRun, FairSlot, Graduate, Job
from app.fairs.service import get_fair, touch_fair


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    interview: FairInterview
    graduate: Graduate
    booth: FairBooth
    job: Job
    slot: FairSlot


def current_run(session: Session, fair: Fair) -> FairRun:
    run = session.get(FairRun, fair.current_run_id) if fair.current_run_id else None
    if run is None:
        raise NotFound("this fair has no schedule yet: POST /v1/fairs/{id}/pairing computes one",
                       problems=[FieldProblem("fair_id", "no schedule")])
    return run


def schedule_rows(session: Session, run: FairRun) -> list[ScheduleRow]:
    """Rows in slot, booth, graduate order: nothing about a graduate but the id orders them."""
    query = (select(FairInterview, Graduate, FairBooth, Job, FairSlot)
             .join(Graduate, Graduate.id == FairInterview.graduate_id)
             .join(FairBooth, FairBooth.id == FairInterview.booth_id)
             .join(Job, Job.id == FairInterview.job_id)
             .join(FairSlot, FairSlot.id == FairInterview.slot_id)
             .where(FairInterview.run_id == run.id)
             .order_by(FairSlot.number, FairBooth.id, Graduate.id))
    return [ScheduleRow(*row) for row in session.execute(query)]


def _notify(rows: Sequence[FairInterview]) -> None:
    now = utcnow()
    for row in rows:
        if not row.notified:
            row.notified = True
            row.notified_at = now


def _check_rules_applied(session: Session, run: FairRun) -> None:
    """Only a schedule computed after the latest pins and forbids may be published: a pin made
    since could collide with an interview about to be announced, a forbid would be ignored."""
    held = {(row.graduate_id, row.booth_id): row.slot_id
            for row in session.scalars(select(FairInterview).where(FairInterview.run_id == run.id))}
    for rule in session.scalars(select(FairPairRule).where(FairPairRule.fair_id == run.fair_id)):
        pair = (rule.graduate_id, rule.booth_id)
        if (rule.kind == "pin" and held.get(pair) != rule.slot_id) or (rule.kind == "forbid" and pair in held):
            raise Conflict("pins or forbidden pairs changed since this schedule was computed; rerun the pairing "
                           "first", problems=[FieldProblem("fair_id", f"{rule.kind} {rule.id} not applied")])


def lock_schedule(session: Session, *, fair_id: int) -> FairRun:
    """Publish: the schedule in force is frozen and every interview in it counts as notified."""
    fair = get_fair(session, fair_id=fair_id)
    if fair.locked:
        raise Conflict("the schedule is already locked", problems=[FieldProblem("fair_id", "locked")])
    run = current_run(session, fair)
    _check_rules_applied(session, run)
    _notify(list(session.scalars(select(FairInterview).where(FairInterview.run_id == run.id))))
    run.locked_at = utcnow()
    fair.locked = True
    touch_fair(fair)
    session.flush()
    return run


def unlock_schedule(session: Session, *, fair_id: int) -> FairRun:
    """Allow a rerun (late registrations); what was published stays fixed in it."""
    fair = get_fair(session, fair_id=fair_id)
    if not fair.locked:
        raise Conflict("the schedule is not locked", problems=[FieldProblem("fair_id", "not locked")])
    fair.locked = False
    touch_fair(fair)
    session.flush()
    return current_run(session, fair)


def mark_notified(session: Session, *, fair_id: int, interview_ids: Sequence[int]) -> FairRun:
    fair = get_fair(session, fair_id=fair_id)
    run = current_run(session, fair)
    _check_rules_applied(session, run)
    wanted = set(interview_ids)
    rows = list(session.scalars(select(FairInterview).where(FairInterview.run_id == run.id,
                                                            FairInterview.id.in_(wanted))))
    unknown = sorted(wanted - {row.id for row in rows})
    if unknown:
        raise NotFound(f"interviews {unknown} are not in the schedule in force; nothing was marked",
                       problems=[FieldProblem("interview_ids", f"unknown ids {unknown}")])
    _notify(rows)
    session.flush()
    return run
