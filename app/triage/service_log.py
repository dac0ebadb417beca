"""The service ledger (台账, P3) and staff assignments (专人, P9): what staff did for a graduate, and who
is responsible for them."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import Conflict, FieldProblem, InvalidInput, NotFound
from app.db.base import utcnow
from app.db.models import Graduate, Job, ServiceRecord, StaffAssignment
from app.domain.caller import Caller
from app.triage.workdays import china_date
from app.triage.schemas import AssignmentWrite, ServiceCreate
from app.services import graduates as graduate_service
from app.services.sensitive_reads import audit_graduate_reads
from app.triage.state import refresh_triage


def active_graduate(session: Session, *, graduate_id: int, caller: Caller) -> Graduate:
    """A registered graduate staff may act on: 404 when unknown, 409 when withdrawn."""
    graduate = graduate_service.get_graduate(session, graduate_id=graduate_id, caller=caller)
    if graduate.record_status != "active":
        raise Conflict(f"graduate {graduate_id} is withdrawn from the registry",
                       problems=[FieldProblem("graduate_id", "withdrawn")])
    return graduate


def check_not_future(day: date, *, today: date, field: str) -> None:
    # Tomorrow is allowed: a late-evening entry in another time zone, or a clock a little ahead.
    if day > today + timedelta(days=1):
        raise InvalidInput(f"{field} is in the future",
                           problems=[FieldProblem(field, "must not be later than tomorrow (China time)")])


def check_jobs_exist(session: Session, *, job_ids: Sequence[int], field: str = "job_ids") -> None:
    if not job_ids:
        return
    found = set(session.scalars(select(Job.id).where(Job.id.in_(list(job_ids)))))
    missing = [job_id for job_id in job_ids if job_id not in found]
    if missing:
        raise InvalidInput("unknown postings",
                           problems=[FieldProblem(field, f"no posting with id {', '.join(map(str, missing))}")])


def record_service(session: Session, *, graduate_id: int, data: ServiceCreate, caller: Caller, today: date,
                   plan_version_id: int | None = None) -> ServiceRecord:
    active_graduate(session, graduate_id=graduate_id, caller=caller)
    provided_at = data.provided_at or utcnow()
    check_not_future(china_date(provided_at), today=today, field="provided_at")
    check_jobs_exist(session, job_ids=data.job_ids)
    record = ServiceRecord(graduate_id=graduate_id, kind=data.kind.value, channel=data.channel.value,
                           outcome=data.outcome.value, provided_at=provided_at, staff_name=data.staff_name,
                           job_ids=list(data.job_ids), plan_version_id=plan_version_id, note=data.note,
                           api_key_id=caller.key_id)
    session.add(record)
    session.flush()
    refresh_triage(session, year=today.year, graduate_ids=[graduate_id])
    return record


def list_services(session: Session, *, graduate_id: int, caller: Caller, after: int | None = None,
                  limit: int = 50) -> tuple[list[ServiceRecord], int | None]:
    """Newest first (by when the service was given), keyset on id."""
    graduate = graduate_service.get_graduate(session, graduate_id=graduate_id, caller=caller)
    # Reading any part of a hardship graduate's ledger is a read of their record (PIPL).
    audit_graduate_reads(session, caller=caller, graduates=[graduate], action="read_triage_services",
                         shows_hardship=False)
    query = select(ServiceRecord).where(ServiceRecord.graduate_id == graduate_id).order_by(
        ServiceRecord.id.desc()).limit(limit + 1)
    if after is not None:
        query = query.where(ServiceRecord.id < after)
    rows = list(session.scalars(query))
    return rows[:limit], rows[limit - 1].id if len(rows) > limit else None


def open_assignment(session: Session, *, graduate_id: int) -> StaffAssignment | None:
    return session.scalar(select(StaffAssignment).where(StaffAssignment.graduate_id == graduate_id,
                                                        StaffAssignment.ended_at.is_(None)))


def assign_staff(session: Session, *, graduate_id: int, data: AssignmentWrite, caller: Caller,
                 today: date) -> StaffAssignment:
    """Name the responsible staff member; a different name ends the current assignment first."""
    active_graduate(session, graduate_id=graduate_id, caller=caller)
    current = open_assignment(session, graduate_id=graduate_id)
    if current is not None and current.staff_name == data.staff_name:
        current.note = data.note or current.note
        session.flush()
        return current
    try:
        with session.begin_nested():
            if current is not None:
                current.ended_at = utcnow()
                session.flush()  # the open-assignment unique index must see the old one closed first
            assignment = StaffAssignment(graduate_id=graduate_id, staff_name=data.staff_name, note=data.note,
                                         api_key_id=caller.key_id)
            session.add(assignment)
    except IntegrityError:
        raise Conflict("the graduate was assigned by someone else at the same moment; reload and retry") from None
    refresh_triage(session, year=today.year, graduate_ids=[graduate_id])
    return assignment


def end_assignment(session: Session, *, graduate_id: int, caller: Caller, today: date) -> StaffAssignment:
    active_graduate(session, graduate_id=graduate_id, caller=caller)
    current = open_assignment(session, graduate_id=graduate_id)
    if current is None:
        raise NotFound(f"graduate {graduate_id} has no staff member assigned")
    current.ended_at = utcnow()
    refresh_triage(session, year=today.year, graduate_ids=[graduate_id])
    return current
