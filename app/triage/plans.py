"""One-to-one plans for hardship graduates (一人一策, P9), versioned: every change is a new version,
earlier versions stay readable. Postings saved in a plan become a job_recommendation service in
the ledger when staff send them."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import Conflict, FieldProblem, InvalidInput, NotFound
from app.db.models import ServiceRecord, SupportPlanVersion
from app.domain.caller import Caller
from app.triage.vocabulary import ServiceKind
from app.triage.schemas import AssignmentWrite, PlanSend, PlanWrite, ServiceCreate
from app.services import graduates as graduate_service
from app.triage.service_log import active_graduate, assign_staff, check_jobs_exist, open_assignment, record_service
from app.services.sensitive_reads import audit_graduate_reads
from app.triage.state import refresh_triage

_CONTENT_FIELDS = ("goals", "steps", "recommended_job_ids", "staff_name", "review_on", "note")


def _content(data: PlanWrite) -> dict[str, Any]:
    dumped = data.model_dump(mode="json")
    dumped["review_on"] = data.review_on  # a Date column, compared as a date
    return {name: dumped[name] for name in _CONTENT_FIELDS}


def current_version(session: Session, *, graduate_id: int) -> SupportPlanVersion | None:
    return session.scalar(select(SupportPlanVersion).where(SupportPlanVersion.graduate_id == graduate_id)
                          .order_by(SupportPlanVersion.version.desc()).limit(1))


def write_plan(session: Session, *, graduate_id: int, data: PlanWrite, caller: Caller,
               today: date) -> tuple[SupportPlanVersion, bool]:
    """The current version after the write, and whether a new version was written."""
    graduate = active_graduate(session, graduate_id=graduate_id, caller=caller)
    if not graduate.has_hardship:
        raise Conflict(f"one-to-one plans are for hardship graduates (P9); graduate {graduate_id} has no hardship "
                       "recorded", problems=[FieldProblem("graduate_id", "no hardship recorded")])
    check_jobs_exist(session, job_ids=data.recommended_job_ids, field="recommended_job_ids")
    content = _content(data)
    current = current_version(session, graduate_id=graduate_id)
    if current is not None and all(getattr(current, name) == value for name, value in content.items()):
        return current, False
    try:
        with session.begin_nested():
            version = SupportPlanVersion(graduate_id=graduate_id, version=current.version + 1 if current else 1,
                                         api_key_id=caller.key_id, **content)
            session.add(version)
    except IntegrityError:
        raise Conflict("the plan was changed by someone else at the same moment; reload and retry") from None
    # 专人专账: the plan names its staff member; a graduate without one gets that person.
    if open_assignment(session, graduate_id=graduate_id) is None:
        assign_staff(session, graduate_id=graduate_id, caller=caller, today=today,
                     data=AssignmentWrite(staff_name=data.staff_name, note=f"with plan version {version.version}"))
    refresh_triage(session, year=today.year, graduate_ids=[graduate_id])
    return version, True


def plan_versions(session: Session, *, graduate_id: int, caller: Caller) -> list[SupportPlanVersion]:
    """Newest first; 404 when the graduate has no plan."""
    graduate = graduate_service.get_graduate(session, graduate_id=graduate_id, caller=caller)
    # A plan exists only for hardship graduates: reading one is a read of that status.
    audit_graduate_reads(session, caller=caller, graduates=[graduate], action="read_plan")
    versions = list(session.scalars(select(SupportPlanVersion).where(SupportPlanVersion.graduate_id == graduate_id)
                                    .order_by(SupportPlanVersion.version.desc())))
    if not versions:
        raise NotFound(f"graduate {graduate_id} has no one-to-one plan yet")
    return versions


def sent_at(session: Session, *, graduate_id: int, job_ids: list[int]) -> dict[int, datetime | None]:
    """When each posting was first recommended to the graduate (from the ledger), or None."""
    records = session.execute(select(ServiceRecord.job_ids, ServiceRecord.provided_at).where(
        ServiceRecord.graduate_id == graduate_id, ServiceRecord.kind == ServiceKind.JOB_RECOMMENDATION.value)
        .order_by(ServiceRecord.provided_at)).all()
    first: dict[int, datetime | None] = dict.fromkeys(job_ids)
    for sent_ids, provided_at in records:
        for job_id in sent_ids:
            if job_id in first and first[job_id] is None:
                first[job_id] = provided_at
    return first


def send_recommendations(session: Session, *, graduate_id: int, data: PlanSend, caller: Caller,
                         today: date) -> ServiceRecord:
    current = plan_versions(session, graduate_id=graduate_id, caller=caller)[0]
    if data.job_ids is not None:
        outside = [job_id for job_id in data.job_ids if job_id not in current.recommended_job_ids]
        if outside:
            raise InvalidInput("postings not in the plan", problems=[FieldProblem(
                "job_ids", f"not in plan version {current.version}: {', '.join(map(str, outside))}")])
        job_ids = list(data.job_ids)
    else:
        sent = sent_at(session, graduate_id=graduate_id, job_ids=current.recommended_job_ids)
        job_ids = [job_id for job_id, at in sent.items() if at is None]
    if not job_ids:
        raise Conflict("nothing to send: the plan has no unsent postings",
                       problems=[FieldProblem("job_ids", "every posting of the plan was sent already, or it has none")])
    service = ServiceCreate(kind=ServiceKind.JOB_RECOMMENDATION, channel=data.channel, outcome=data.outcome,
                            provided_at=data.provided_at, staff_name=data.staff_name, job_ids=job_ids, note=data.note)
    return record_service(session, graduate_id=graduate_id, data=service, caller=caller, today=today,
                          plan_version_id=current.id)
