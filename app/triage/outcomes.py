"""Employment outcomes (去向): each records a change of a graduate's employment status and updates the
registry, so the queue and the P11 figures follow at once."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import Conflict, FieldProblem, InvalidInput
from app.db.models import EmploymentOutcome, Job
from app.domain.caller import Caller
from app.triage.vocabulary import OutcomeStatus
from app.schemas.graduates import GraduateUpdate
from app.triage.schemas import OutcomeCreate
from app.services import graduates as graduate_service
from app.triage.service_log import active_graduate, check_not_future
from app.services.sensitive_reads import audit_graduate_reads

# Whether the graduate wants a job after the change; None leaves the registry's answer as it is.
_WANTS_JOB_AFTER: dict[OutcomeStatus, bool | None] = {
    OutcomeStatus.EMPLOYED: None,
    OutcomeStatus.FURTHER_STUDY: None,
    OutcomeStatus.NOT_SEEKING: False,
    OutcomeStatus.UNEMPLOYED: True,
}


def record_outcome(session: Session, *, graduate_id: int, data: OutcomeCreate, caller: Caller,
                   today: date) -> EmploymentOutcome:
    graduate = active_graduate(session, graduate_id=graduate_id, caller=caller)
    if data.status.value == graduate.employment_status:
        # Recording "employed" twice would count one job twice in the figures; a new job after
        # leaving the old one is recorded as unemployed first, then employed.
        raise Conflict(f"graduate {graduate_id} is already {graduate.employment_status}; an outcome records a change",
                       problems=[FieldProblem("status", f"same as the current employment_status "
                                                        f"({graduate.employment_status})")])
    if data.started_on is not None:
        check_not_future(data.started_on, today=today, field="started_on")
    industry = data.industry.value if data.industry else None
    if data.job_id is not None:
        job_industry = session.scalar(select(Job.industry).where(Job.id == data.job_id))
        if job_industry is None:
            raise InvalidInput("unknown posting",
                               problems=[FieldProblem("job_id", f"no posting with id {data.job_id}")])
        industry = industry or job_industry
    outcome = EmploymentOutcome(
        graduate_id=graduate_id, status=data.status.value, previous_status=graduate.employment_status,
        started_on=data.started_on, employer_name=data.employer_name, industry=industry, job_id=data.job_id,
        found_via=data.found_via.value if data.found_via else None, school=data.school, staff_name=data.staff_name,
        note=data.note, api_key_id=caller.key_id)
    session.add(outcome)
    change: dict[str, object] = {"employment_status": data.status.value}
    if _WANTS_JOB_AFTER[data.status] is not None:
        change["wants_job"] = _WANTS_JOB_AFTER[data.status]
    graduate_service.update_graduate(session, graduate_id=graduate_id, data=GraduateUpdate.model_validate(change),
                                     caller=caller)
    session.flush()
    return outcome


def list_outcomes(session: Session, *, graduate_id: int, caller: Caller) -> list[EmploymentOutcome]:
    graduate = graduate_service.get_graduate(session, graduate_id=graduate_id, caller=caller)
    audit_graduate_reads(session, caller=caller, graduates=[graduate], action="read_triage_outcomes",
                         shows_hardship=False)
    return list(session.scalars(select(EmploymentOutcome).where(EmploymentOutcome.graduate_id == graduate_id)
                                .order_by(EmploymentOutcome.id.desc())))
