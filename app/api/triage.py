"""/v1/triage: staff triage of priority graduates (P2, P3, P9, P11). Staff and admin keys only.

This module holds the queue, a graduate's triage card and the deadline calculator; the ledger
writes and the figures live in triage_ledger and triage_figures and hang under the same prefix.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy.orm import Session

from app.api.deps import SessionDep, StaffOnly
from app.api.matching import MatcherDep
from app.api.triage_deps import CalendarDep, Today
from app.core.errors import FieldProblem, InvalidInput, NotFound
from app.core.privacy import graduate_view
from app.db.models import Graduate
from app.domain.caller import Caller
from app.domain.enums import EmploymentStatus, Hardship
from app.domain.workdays import CONTACT_DEADLINE_WORKING_DAYS, WorkdayCalendar
from app.matching.engine import MatchEngine
from app.schemas.common import CohortYear, IsoDate, RecordId
from app.schemas.graduates import GraduateStaffRead
from app.schemas.triage import AssignmentRead, OutcomeRead, PlanVersionRead, ServiceRead
from app.schemas.triage_queue import (
    ContactOut,
    DeadlineOut,
    NextActionOut,
    QueueGraduate,
    QueuePage,
    QueueRow,
    RecommendedJob,
    ServicesOut,
    TriageCard,
)
from app.services import ledger, outcomes, plans
from app.services.matching import load_graduates
from app.services.sensitive_reads import audit_graduate_reads
from app.services.triage_facts import TriageState, contact_status, explain, months_since_leaving_school, service_tally
from app.services.triage_queue import QueueFilters, queue_page
from app.services.triage_recommend import recommend_jobs
from app.services.triage_sql import Scope

router = APIRouter(prefix="/v1/triage", tags=["triage"])
MAX_ROWS_WITH_RECOMMENDATIONS = 20  # each row costs one match (~10 ms with the real encoder)


@router.get("/queue", response_model=QueuePage)
def triage_queue(
    session: SessionDep,
    caller: StaffOnly,
    calendar: CalendarDep,
    today: Today,
    engine: MatcherDep,
    city: str | None = None,
    county: str | None = None,
    staff: Annotated[str | None, Query(description="graduates assigned to this staff member")] = None,
    hardship: Annotated[Hardship | None, Query(description="one hardship group")] = None,
    has_hardship: bool | None = None,
    status: Annotated[EmploymentStatus, Query(description="employment status (default: unemployed)")] =
        EmploymentStatus.UNEMPLOYED,
    overdue: Annotated[bool, Query(description="only graduates whose P2 contact deadline has passed")] = False,
    graduation_year: CohortYear | None = None,
    recommendations: Annotated[bool, Query(description="top 3 postings per row; at most 20 rows per page")] = False,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> QueuePage:
    """Whom to call first: overdue first contacts, contacts due soonest, hardship graduates without a
    staff member or plan, the largest P3 service deficits, then the longest out of school."""
    if recommendations and limit > MAX_ROWS_WITH_RECOMMENDATIONS:
        raise InvalidInput("too many rows for recommendations", problems=[FieldProblem(
            "limit", f"at most {MAX_ROWS_WITH_RECOMMENDATIONS} rows per page with recommendations=true")])
    filters = QueueFilters(scope=Scope(city=city, county=county, graduation_year=graduation_year), status=status,
                           staff_name=staff, has_hardship=has_hardship, hardship=hardship, overdue_only=overdue)
    states, next_cursor = queue_page(session, filters=filters, calendar=calendar, today=today, limit=limit,
                                     cursor=cursor)
    graduates = load_graduates(session, [state.graduate_id for state in states])
    audit_graduate_reads(session, caller=caller, graduates=list(graduates.values()), unmasked=False,
                         action="triage_queue")
    suggested = _recommendations(session, engine, caller, list(graduates.values())) if recommendations else {}
    rows = [_row(graduates[state.graduate_id], state, calendar=calendar, today=today, caller=caller,
                 recommended=suggested.get(state.graduate_id) if recommendations else None) for state in states]
    return QueuePage(as_of=today, items=rows, next_cursor=next_cursor, calendar_warnings=_calendar_warnings(rows))


@router.get("/graduates/{graduate_id}", response_model=TriageCard)
def triage_card(graduate_id: RecordId, session: SessionDep, caller: StaffOnly, calendar: CalendarDep,
                today: Today) -> TriageCard:
    """A graduate's deadline, service count, staff member, plan, recent services and outcomes."""
    graduate = ledger.active_graduate(session, graduate_id=graduate_id, caller=caller)
    states, _ = queue_page(session, filters=QueueFilters(graduate_id=graduate_id, status=None), calendar=calendar,
                           today=today, limit=1)
    if not states:
        raise NotFound(f"no graduate with id {graduate_id}")
    audit_graduate_reads(session, caller=caller, graduates=[graduate], unmasked=False, action="triage_card")
    row = _row(graduate, states[0], calendar=calendar, today=today, caller=caller, recommended=None)
    assignment = ledger.open_assignment(session, graduate_id=graduate_id)
    plan = plans.current_version(session, graduate_id=graduate_id)
    services, _ = ledger.list_services(session, graduate_id=graduate_id, caller=caller, limit=10)
    return TriageCard(
        **row.model_dump(), registry=GraduateStaffRead.model_validate(graduate_view(graduate, caller)),
        assignment=AssignmentRead.model_validate(assignment) if assignment else None,
        plan=PlanVersionRead.model_validate(plan) if plan else None,
        recent_services=[ServiceRead.model_validate(service) for service in services],
        outcomes=[OutcomeRead.model_validate(outcome) for outcome in outcomes.list_outcomes(
            session, graduate_id=graduate_id)])


@router.get("/calendar/deadline", response_model=DeadlineOut)
def contact_deadline(registered_on: IsoDate, caller: StaffOnly, calendar: CalendarDep) -> DeadlineOut:
    """The P2 deadline for a registration day, and which calendar it rests on."""
    deadline = calendar.contact_deadline(registered_on)
    return DeadlineOut(registered_on=registered_on, due_on=deadline.due_on, calendar=deadline.calendar,
                       working_days=CONTACT_DEADLINE_WORKING_DAYS)


def _calendar_warnings(rows: Sequence[QueueRow]) -> list[str]:
    years = sorted({str(row.contact.due_on.year) for row in rows
                    if row.contact.calendar == "weekday_fallback" and row.contact.due_on})
    if not years:
        return []
    return [(f"{'、'.join(years)}年的法定节假日尚未载入：这些联系时限暂按周一至周五计算（weekday_fallback）。"
             "节假日公布后用 `jobmatch calendar load` 载入即可。")]


def _recommendations(session: Session, engine: MatchEngine, caller: Caller,
                     graduates: list[Graduate]) -> dict[int, list[RecommendedJob]]:
    found = recommend_jobs(session, engine=engine, graduates=graduates, caller=caller, top_k=3)
    return {graduate_id: [RecommendedJob(job_id=match.subject.id, title=match.subject.title,
                                         employer_name=match.subject.employer_name, city=match.subject.city,
                                         job_type=match.subject.job_type, score=match.score,
                                         reasons=match.staff_reasons[:3]) for match in matches]
            for graduate_id, matches in found.items()}


def _row(graduate: Graduate, state: TriageState, *, calendar: WorkdayCalendar, today: date, caller: Caller,
         recommended: list[RecommendedJob] | None) -> QueueRow:
    contact = contact_status(graduate=graduate, first_contact_at=state.first_contact_at, calendar=calendar,
                             today=today)
    tally = service_tally(graduate=graduate, services=state.services_in_year, calendar=calendar, today=today)
    reasons, action = explain(graduate=graduate, state=state, contact=contact, tally=tally, today=today)
    view = graduate_view(graduate, caller)  # masks the phone
    return QueueRow(
        reason=state.reason, reasons=reasons, next_action=NextActionOut(code=action.code, text=action.text),
        graduate=QueueGraduate.model_validate(view, from_attributes=True),
        contact=ContactOut.model_validate(contact, from_attributes=True),
        services=ServicesOut.model_validate(tally, from_attributes=True),
        staff_name=state.staff_name, plan_version=state.plan_version, last_service_at=state.last_service_at,
        months_since_leaving_school=months_since_leaving_school(graduate.graduation_year, today),
        recommendations=recommended)

