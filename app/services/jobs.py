"""Job postings: upsert by external_id, read, list, update and close (history kept)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import FieldProblem, InvalidInput, NotFound
from app.db.base import utcnow
from app.db.models import Job
from app.domain.caller import Caller
from app.domain.enums import Industry, JobStatus, JobType
from app.schemas.jobs import JobCreate, JobUpdate, check_salary_range
from app.services.industry import suggest_industry
from app.services.embedding import invalidate_if_text_changed
from app.services.paging import keyset_page
from app.services.screening import screen_job
from app.services.records import (
    Outcome,
    apply_changes,
    check_owner,
    clear_to_empty,
    owner_of_new_record,
    record_history,
    refuse_staff_held,
    reject_cleared,
    staff_held_fields,
    touch,
)

RESOURCE = "job"
_CLEARABLE = {"description": "", "majors": [], "skills": [], "priority_friendly": False}
_REQUIRED = ("title", "employer_name", "city", "education_min", "job_type", "headcount", "status")


def _industry_values(title: str, description: str, skills: list[str], industry: Industry | None) -> dict[str, Any]:
    if industry is not None:
        return {"industry": industry.value, "industry_suggested": False, "industry_confidence": None}
    suggestion = suggest_industry(title=title, description=description, skills=skills)
    return {
        "industry": suggestion.industry.value,
        "industry_suggested": True,
        "industry_confidence": suggestion.confidence,
    }


def upsert_job(session: Session, *, data: JobCreate, caller: Caller) -> tuple[Job, Outcome]:
    """Create the posting, or bring the stored one with the same external_id up to date."""
    values = data.model_dump(exclude={"external_id", "industry"})
    values.update(_industry_values(data.title, data.description, data.skills, data.industry))
    job = session.scalar(select(Job).where(Job.external_id == data.external_id))
    if job is None:
        job = Job(external_id=data.external_id, owner_key_id=owner_of_new_record(caller), status=JobStatus.OPEN.value)
        apply_changes(job, values)
        screen_job(job)
        session.add(job)
        session.flush()
        record_history(session, resource=RESOURCE, record_id=job.id, action="create", caller=caller,
                       changed={}, sensitive=frozenset())
        return job, "created"
    check_owner(job.owner_key_id, caller, external_id=data.external_id)
    # Re-sending a closed posting reopens it: the caller says it is current again.
    values["status"] = JobStatus.OPEN.value
    values["closed_at"] = None
    # ...unless staff closed it, or changed any other field: a platform's re-send keeps staff values.
    for field in staff_held_fields(session, caller=caller, resource=RESOURCE, record_id=job.id):
        values.pop(field, None)
    changed = apply_changes(job, values)
    if not changed:
        return job, "unchanged"
    invalidate_if_text_changed(job, changed)
    screen_job(job, changed=changed)
    touch(job)
    record_history(session, resource=RESOURCE, record_id=job.id, action="update", caller=caller,
                   changed=changed, sensitive=frozenset())
    session.flush()
    return job, "updated"


def get_job(session: Session, *, job_id: int, caller: Caller | None = None) -> Job:
    """A posting by id. Given the caller, one held back by screening (P10) exists only for its owner
    and staff: anyone else gets the same 404 as for an id that was never used (L4)."""
    job = session.get(Job, job_id)
    if job is None or (caller is not None and not visible_to(job, caller)):
        raise NotFound(f"no job with id {job_id}")
    return job


def visible_to(job: Job, caller: Caller) -> bool:
    return not job.held_back or caller.is_staff or job.owner_key_id == caller.key_id


def list_jobs(
    session: Session,
    *,
    caller: Caller,
    industry: Industry | None = None,
    city: str | None = None,
    job_type: JobType | None = None,
    status: JobStatus | None = None,
    after: int | None = None,
    limit: int = 50,
) -> tuple[list[Job], int | None]:
    query = select(Job)
    if not caller.is_staff:
        # Postings held back by screening are shown to staff and to their own poster only.
        visible = Job.held_back.is_(False)
        if caller.key_id is not None:
            visible = visible | (Job.owner_key_id == caller.key_id)
        query = query.where(visible)
    if industry is not None:
        query = query.where(Job.industry == industry.value)
    if city:
        query = query.where(Job.city == city)
    if job_type is not None:
        query = query.where(Job.job_type == job_type.value)
    if status is not None:
        query = query.where(Job.status == status.value)
    return keyset_page(session, query, id_column=Job.id, after=after, limit=limit)


def update_job(session: Session, *, job_id: int, data: JobUpdate, caller: Caller) -> Job:
    job = get_job(session, job_id=job_id, caller=caller)
    check_owner(job.owner_key_id, caller, external_id=job.external_id)
    values = data.model_dump(exclude_unset=True)
    reject_cleared(values, _REQUIRED)
    clear_to_empty(values, _CLEARABLE)
    refuse_staff_held(values, job, staff_held_fields(session, caller=caller, resource=RESOURCE, record_id=job.id))
    salary_min = values.get("salary_min", job.salary_min)
    salary_max = values.get("salary_max", job.salary_max)
    try:
        check_salary_range(salary_min, salary_max)
    except ValueError as error:
        raise InvalidInput(str(error), problems=[FieldProblem("salary_min", str(error))]) from None
    if "industry" in values:
        industry = values.pop("industry")
        values.update(_industry_values(job.title, job.description, job.skills, industry))
    if values.get("status") == JobStatus.CLOSED:
        values["closed_at"] = utcnow()
    elif values.get("status") == JobStatus.OPEN:
        values["closed_at"] = None
    changed = apply_changes(job, values)
    if changed:
        invalidate_if_text_changed(job, changed)
        screen_job(job, changed=changed)
        touch(job)
        record_history(session, resource=RESOURCE, record_id=job.id, action="update", caller=caller,
                       changed=changed, sensitive=frozenset())
        session.flush()
    return job


def close_job(session: Session, *, job_id: int, caller: Caller) -> Job:
    """DELETE closes a posting; the row and its history stay for the records."""
    job = get_job(session, job_id=job_id, caller=caller)
    check_owner(job.owner_key_id, caller, external_id=job.external_id)
    if job.status != JobStatus.CLOSED:
        changed = apply_changes(job, {"status": JobStatus.CLOSED.value, "closed_at": utcnow()})
        touch(job)
        record_history(session, resource=RESOURCE, record_id=job.id, action="close", caller=caller,
                       changed=changed, sensitive=frozenset())
        session.flush()
    return job
