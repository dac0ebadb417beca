"""/v1/triage/graduates/{graduate_id}/…: the service ledger, employment outcomes, the named staff member
and the one-to-one plan of one graduate. Listed in app.api.routes beside the other /v1/triage routers."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from sqlalchemy.orm import Session

from app.api.deps import SessionDep, StaffOnly, Today
from app.domain.caller import Caller
from app.schemas.common import Cursor, RecordId
from app.triage.schemas import (
    AssignmentRead,
    AssignmentWrite,
    OutcomeCreate,
    OutcomeRead,
    PlanRead,
    PlanRecommendation,
    PlanSend,
    PlanVersionRead,
    PlanWrite,
    ServiceCreate,
    ServicePage,
    ServiceRead,
)
from app.triage import outcomes, plans
from app.triage import service_log as ledger

# The full prefix on the router itself: metrics and logs label a route by its own path.
router = APIRouter(prefix="/v1/triage", tags=["triage"])
GRADUATE = "/graduates/{graduate_id}"


@router.post(f"{GRADUATE}/services", response_model=ServiceRead, status_code=status.HTTP_201_CREATED,
             summary="Record a service given")
def record_service(graduate_id: RecordId, body: ServiceCreate, session: SessionDep, caller: StaffOnly,
                   today: Today) -> ServiceRead:
    """Record a service given: contact, job recommendation, guidance, referral, invitation, consultation,
    subsidy application. A contact with outcome reached (or any answered service) meets P2; every
    service but a plain contact, unless not_reached, counts toward the 3 of P3."""
    record = ledger.record_service(session, graduate_id=graduate_id, data=body, caller=caller, today=today)
    return ServiceRead.model_validate(record)


@router.get(f"{GRADUATE}/services", response_model=ServicePage, summary="A graduate's service ledger")
def list_services(graduate_id: RecordId, session: SessionDep, caller: StaffOnly,
                  after: Annotated[Cursor | None, Query(description="next_after of the previous page")] = None,
                  limit: Annotated[int, Query(ge=1, le=200)] = 50) -> ServicePage:
    """The services recorded for a graduate, newest first (P3 ledger). Reading a hardship graduate's
    ledger is an audited read."""
    rows, next_after = ledger.list_services(session, graduate_id=graduate_id, caller=caller, after=after, limit=limit)
    return ServicePage(items=[ServiceRead.model_validate(row) for row in rows], next_after=next_after)


@router.post(f"{GRADUATE}/outcomes", response_model=OutcomeRead, status_code=status.HTTP_201_CREATED,
             summary="Record an employment outcome")
def record_outcome(graduate_id: RecordId, body: OutcomeCreate, session: SessionDep, caller: StaffOnly,
                   today: Today) -> OutcomeRead:
    """Record a change of employment status (employed, further study, not seeking, or unemployed again);
    the registry's employment_status follows. The same status twice is a 409."""
    return OutcomeRead.model_validate(outcomes.record_outcome(session, graduate_id=graduate_id, data=body,
                                                              caller=caller, today=today))


@router.get(f"{GRADUATE}/outcomes", response_model=list[OutcomeRead], summary="A graduate's employment outcomes")
def list_outcomes(graduate_id: RecordId, session: SessionDep, caller: StaffOnly) -> list[OutcomeRead]:
    """Every change of employment status recorded for the graduate, newest first, with employer and
    industry when employed. Reading a hardship graduate's outcomes is an audited read."""
    return [OutcomeRead.model_validate(row) for row in outcomes.list_outcomes(session, graduate_id=graduate_id,
                                                                                caller=caller)]


@router.put(f"{GRADUATE}/assignment", response_model=AssignmentRead, summary="Name the responsible staff member")
def assign_staff(graduate_id: RecordId, body: AssignmentWrite, session: SessionDep, caller: StaffOnly,
                 today: Today) -> AssignmentRead:
    """Name the staff member responsible for the graduate (专人); replaces the current one."""
    return AssignmentRead.model_validate(ledger.assign_staff(session, graduate_id=graduate_id, data=body,
                                                             caller=caller, today=today))


@router.delete(f"{GRADUATE}/assignment", response_model=AssignmentRead, summary="End the staff assignment")
def end_assignment(graduate_id: RecordId, session: SessionDep, caller: StaffOnly, today: Today) -> AssignmentRead:
    """The named staff member stops being responsible for the graduate (the assignment is kept as
    history, ended today). 404 when nobody is assigned."""
    return AssignmentRead.model_validate(ledger.end_assignment(session, graduate_id=graduate_id, caller=caller,
                                                               today=today))


@router.put(f"{GRADUATE}/plan", response_model=PlanRead, summary="Write the one-to-one plan",
            responses={201: {"model": PlanRead, "description": "A new plan version was written"}})
def write_plan(graduate_id: RecordId, body: PlanWrite, session: SessionDep, caller: StaffOnly, today: Today,
               response: Response) -> PlanRead:
    """Write a new version of a hardship graduate's one-to-one plan (201); the same content again
    writes nothing (200). A graduate without hardship gets 409."""
    _, created = plans.write_plan(session, graduate_id=graduate_id, data=body, caller=caller, today=today)
    if created:
        response.status_code = status.HTTP_201_CREATED
    return _plan(session, caller, graduate_id)


@router.get(f"{GRADUATE}/plan", response_model=PlanRead, summary="Read the one-to-one plan")
def read_plan(graduate_id: RecordId, session: SessionDep, caller: StaffOnly) -> PlanRead:
    """A hardship graduate's plan (P9): the current version, every earlier version, and when each
    posting saved in it was sent. 404 when no plan was written. An audited read."""
    return _plan(session, caller, graduate_id)


@router.post(f"{GRADUATE}/plan/send", response_model=ServiceRead, status_code=status.HTTP_201_CREATED,
             summary="Send the plan's postings")
def send_plan_recommendations(graduate_id: RecordId, body: PlanSend, session: SessionDep, caller: StaffOnly,
                              today: Today) -> ServiceRead:
    """Send postings saved in the current plan (default: those not sent yet), recorded as one
    job_recommendation service linked to the plan version."""
    record = plans.send_recommendations(session, graduate_id=graduate_id, data=body, caller=caller, today=today)
    return ServiceRead.model_validate(record)


def _plan(session: Session, caller: Caller, graduate_id: int) -> PlanRead:
    versions = plans.plan_versions(session, graduate_id=graduate_id, caller=caller)
    current = versions[0]
    sent = plans.sent_at(session, graduate_id=graduate_id, job_ids=current.recommended_job_ids)
    return PlanRead(graduate_id=graduate_id, current=PlanVersionRead.model_validate(current),
                    versions=[PlanVersionRead.model_validate(version) for version in versions],
                    recommendations=[PlanRecommendation(job_id=job_id, sent_at=at) for job_id, at in sent.items()])
