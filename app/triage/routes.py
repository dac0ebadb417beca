"""/v1/triage: staff triage of priority graduates (P2, P3, P9, P11). Staff and admin keys only.

This module holds the queue, a graduate's triage card and the deadline calculator; the ledger
writes and the figures live in graduate_routes and figures_routes and hang under the same prefix.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy.orm import Session

from app.api.deps import CalendarDep, MatcherDep, SessionDep, StaffOnly, Today
from app.core.errors import FieldProblem, InvalidInput, NotFound
from app.db.models import Graduate
from app.domain.caller import Caller
from app.domain.enums import EmploymentStatus, Hardship
from app.triage.workdays import CONTACT_DEADLINE_WORKING_DAYS, WorkdayCalendar
from app.matching.engine import MatchEngine
from app.schemas.common import CohortYear, IsoDate, RecordId
from app.schemas.graduates import GraduatePublicRead, GraduateStaffRead
from app.triage.schemas import AssignmentRead, OutcomeRead, PlanVersionRead, ServiceRead
from app.triage.queue_schemas import (
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
from app.triage import outcomes, plans
from app.triage import service_log as ledger
from app.services.matching import load_graduates
from app.services.sensitive_reads import show_graduate, show_graduates
from app.triage.facts import TriageState, contact_status, explain, months_since_leaving_school, service_tally
from app.triage.queue import QueueFilters, queue_page
from app.triage.recommend import recommend_jobs
from app.triage.sql import Scope

router = APIRouter(prefix="/v1/triage", tags=["triage"])
MAX_ROWS_WITH_RECOMMENDATIONS = 20  # each row costs one match (~10 ms with the real encoder)


@router.get("/queue", response_model=QueuePage, summary="Whom to contact first")
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
    """The triage queue, most urgent first: overdue first contacts (P2), contacts due soonest, hardship
    graduates without a staff member or plan (P9), the largest service deficits (P3), then the longest
    out of school. Each row says why it is there and the next action; `recommendations=true` adds the
    top 3 postings per graduate (at most 20 rows a page). Each hardship graduate listed is an audited
    read. Pages: pass `next_cursor` back as `cursor`."""
    if recommendations and limit > MAX_ROWS_WITH_RECOMMENDATIONS:
        raise InvalidInput("too many rows for recommendations", problems=[FieldProblem(
            "limit", f"at most {MAX_ROWS_WITH_RECOMMENDATIONS} rows per page with recommendations=true")])
    filters = QueueFilters(scope=Scope(city=city, county=county, graduation_year=graduation_year), status=status,
                           staff_name=staff, has_hardship=has_hardship, hardship=hardship, overdue_only=overdue)
    states, next_cursor = queue_page(session, filters=filters, calendar=calendar, today=today, limit=limit,
                                     cursor=cursor)
    graduates = load_graduates(session, [state.graduate_id for state in states])
    views = {view.id: view for view in show_graduates(session, caller=caller, graduates=list(graduates.values()),
                                                      action="triage_queue")}
    suggested = _recommendations(session, engine, caller, list(graduates.values())) if recommendations else {}
    rows = [_row(graduates[state.graduate_id], views[state.graduate_id], state, calendar=calendar, today=today,
                 recommended=suggested.get(state.graduate_id) if recommendations else None) for state in states]
    return QueuePage(as_of=today, items=rows, next_cursor=next_cursor, calendar_warnings=_calendar_warnings(rows))


@router.get("/graduates/{graduate_id}", response_model=TriageCard, summary="A graduate's triage card")
def triage_card(graduate_id: RecordId, session: SessionDep, caller: StaffOnly, calendar: CalendarDep,
                today: Today) -> TriageCard:
    """Everything staff need about one graduate: the registry record, the P2 contact deadline, the P3
    service count this year, the named staff member, the current plan, recent services and outcomes.
    An audited read when the graduate has hardship status."""
    graduate = ledger.active_graduate(session, graduate_id=graduate_id, caller=caller)
    states, _ = queue_page(session, filters=QueueFilters(graduate_id=graduate_id, status=None), calendar=calendar,
                           today=today, limit=1)
    if not states:
        raise NotFound(f"no graduate with id {graduate_id}")
    view = show_graduate(session, caller=caller, graduate=graduate, action="triage_card")
    row = _row(graduate, view, states[0], calendar=calendar, today=today, recommended=None)
    assignment = ledger.open_assignment(session, graduate_id=graduate_id)
    plan = plans.current_version(session, graduate_id=graduate_id)
    services, _ = ledger.list_services(session, graduate_id=graduate_id, caller=caller, limit=10)
    return TriageCard(
        **row.model_dump(), registry=GraduateStaffRead.model_validate(view),
        assignment=AssignmentRead.model_validate(assignment) if assignment else None,
        plan=PlanVersionRead.model_validate(plan) if plan else None,
        recent_services=[ServiceRead.model_validate(service) for service in services],
        outcomes=[OutcomeRead.model_validate(outcome) for outcome in outcomes.list_outcomes(
            session, graduate_id=graduate_id, caller=caller)])


@router.get("/calendar/deadline", response_model=DeadlineOut, summary="P2 contact deadline for a day")
def contact_deadline(registered_on: IsoDate, caller: StaffOnly, calendar: CalendarDep) -> DeadlineOut:
    """The last day to contact a graduate who registered on `registered_on`: 5 working days on the
    Chinese calendar (holidays and make-up workdays), and which calendar answered (`weekday_fallback`
    when the year's holidays are not loaded)."""
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


def _row(graduate: Graduate, view: GraduatePublicRead, state: TriageState, *, calendar: WorkdayCalendar,
         today: date, recommended: list[RecommendedJob] | None) -> QueueRow:
    contact = contact_status(graduate=graduate, first_contact_at=state.first_contact_at, calendar=calendar,
                             today=today)
    tally = service_tally(graduate=graduate, services=state.services_in_year, calendar=calendar, today=today)
    reasons, action = explain(graduate=graduate, state=state, contact=contact, tally=tally, today=today)
    return QueueRow(
        reason=state.reason, reasons=reasons, next_action=NextActionOut(code=action.code, text=action.text),
        graduate=QueueGraduate.model_validate(view, from_attributes=True),
        contact=ContactOut.model_validate(contact, from_attributes=True),
        services=ServicesOut.model_validate(tally, from_attributes=True),
        staff_name=state.staff_name, plan_version=state.plan_version, last_service_at=state.last_service_at,
        months_since_leaving_school=months_since_leaving_school(graduate.graduation_year, today),
        recommendations=recommended)

