"""/v1/triage/figures/…: P11 figures as JSON and as a CSV for Excel. Mounted under /v1/triage.

Hardship groups (by=hardship) are shown here because every triage route is staff and admin only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from app.api.deps import CalendarDep, SessionDep, StaffOnly, Today
from app.core.errors import FieldProblem, InvalidInput
from app.triage.vocabulary import EMPLOYMENT_RATE_GOAL, SERVICES_REQUIRED_PER_YEAR
from app.schemas.common import CohortYear
from app.triage.figures_schemas import (
    ComplianceFigure,
    ComplianceFigures,
    EmploymentFigure,
    EmploymentFigures,
    FigureScope,
    ServiceFigure,
    ServiceFigures,
)
from app.triage.export import figures_csv, group_name
from app.triage.figures import (
    ComplianceRow,
    Dimension,
    EmploymentRow,
    ServiceRow,
    compliance_figures,
    employment_figures,
    service_figures,
)
from app.triage.sql import Scope

# The full prefix on the router itself: metrics and logs label a route by its own path.
router = APIRouter(prefix="/v1/triage/figures", tags=["triage"])


@dataclass(frozen=True)
class FigureQuery:
    by: Dimension
    scope: Scope
    year: int | None


def figure_query(
    by: Annotated[Dimension, Query(description="total, cohort, city, county, education, hardship or industry")] =
        "cohort",
    graduation_year: Annotated[CohortYear | None, Query(description="one cohort only")] = None,
    city: str | None = None,
    county: str | None = None,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="calendar year for compliance and services "
                                                                     "(default: this year)")] = None,
) -> FigureQuery:
    return FigureQuery(by=by, scope=Scope(city=city, county=county, graduation_year=graduation_year), year=year)


Figures = Annotated[FigureQuery, Depends(figure_query)]


def _scope_out(scope: Scope) -> FigureScope:
    return FigureScope(graduation_year=scope.graduation_year, city=scope.city, county=scope.county)


def _employment_out(by: Dimension, row: EmploymentRow, *, has_rate: bool = True) -> EmploymentFigure:
    rate = row.employment_rate if has_rate else None
    return EmploymentFigure(group=row.group, group_name=group_name(by, row.group), registered=row.registered,
                            employed=row.employed, further_study=row.further_study, not_seeking=row.not_seeking,
                            unemployed=row.unemployed, employment_rate=rate,
                            meets_goal=None if rate is None else rate >= EMPLOYMENT_RATE_GOAL,
                            needed_for_goal=row.needed_for_goal if has_rate else 0)


def _compliance_out(by: Dimension, row: ComplianceRow) -> ComplianceFigure:
    return ComplianceFigure(group=row.group, group_name=group_name(by, row.group), registered=row.registered,
                            on_time=row.on_time, late=row.late, overdue=row.overdue, pending=row.pending,
                            compliance_rate=row.compliance_rate)


def _service_out(by: Dimension, row: ServiceRow) -> ServiceFigure:
    return ServiceFigure(group=row.group, group_name=group_name(by, row.group), registered=row.registered,
                         services=row.services, services_per_graduate=row.services_per_graduate,
                         in_scope=row.in_scope, met=row.met, deficit=row.deficit)


def _no_industry(query: FigureQuery) -> None:
    if query.by == "industry":
        raise InvalidInput("by=industry applies to employment only",
                           problems=[FieldProblem("by", "industry of employment exists for employed graduates only")])


@router.get("/employment", response_model=EmploymentFigures, summary="Employment rate against the 90% goal")
def employment(session: SessionDep, caller: StaffOnly, query: Figures) -> EmploymentFigures:
    """P11: employment rate ((employed + further study) / registered) per group — cohort, city, county,
    education, hardship group or industry of employment — against the 90% goal, and how many more
    must be placed to reach it."""
    rows = employment_figures(session, by=query.by, scope=query.scope)
    total = employment_figures(session, by="total", scope=query.scope)[0]
    by_industry = query.by == "industry"  # industry exists for employed graduates only: no rate
    return EmploymentFigures(by=query.by, goal=EMPLOYMENT_RATE_GOAL, scope=_scope_out(query.scope),
                             total=_employment_out("total", total),
                             rows=[_employment_out(query.by, row, has_rate=not by_industry) for row in rows])


@router.get("/contact-compliance", response_model=ComplianceFigures, summary="P2 contact compliance")
def contact_compliance(session: SessionDep, caller: StaffOnly, query: Figures, calendar: CalendarDep,
                       today: Today) -> ComplianceFigures:
    """P2: of the year's mini-program registrations, how many were reached within 5 working days, late,
    not yet (overdue) or still within their deadline (pending), per group. Not by industry (422)."""
    _no_industry(query)
    year = query.year or today.year
    rows, source = compliance_figures(session, by=query.by, scope=query.scope, year=year, calendar=calendar,
                                      today=today)
    totals, _ = compliance_figures(session, by="total", scope=query.scope, year=year, calendar=calendar, today=today)
    return ComplianceFigures(by=query.by, year=year, as_of=today, calendar=source, scope=_scope_out(query.scope),
                             total=_compliance_out("total", totals[0]) if totals else None,
                             rows=[_compliance_out(query.by, row) for row in rows])


@router.get("/services", response_model=ServiceFigures, summary="P3 services per graduate")
def services(session: SessionDep, caller: StaffOnly, query: Figures, today: Today) -> ServiceFigures:
    """P3: targeted services given in the year per graduate, and how many graduates who want a job still
    lack the 3 required, per group. Not by industry (422)."""
    _no_industry(query)
    year = query.year or today.year
    rows = service_figures(session, by=query.by, scope=query.scope, year=year)
    total = service_figures(session, by="total", scope=query.scope, year=year)[0]
    return ServiceFigures(by=query.by, year=year, required=SERVICES_REQUIRED_PER_YEAR, scope=_scope_out(query.scope),
                          total=_service_out("total", total), rows=[_service_out(query.by, row) for row in rows])


@router.get("/export", response_class=Response, summary="All figures as a CSV for Excel",
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                             "description": "UTF-8 CSV with BOM, Chinese headers, one row per group"}})
def export(session: SessionDep, caller: StaffOnly, query: Figures, calendar: CalendarDep, today: Today) -> Response:
    """All three figures per group in one CSV that Excel opens directly (by=industry: employment only)."""
    year = query.year or today.year
    employment_rows = employment_figures(session, by=query.by, scope=query.scope)
    compliance_rows: list[ComplianceRow] = []
    service_rows: list[ServiceRow] = []
    if query.by != "industry":
        compliance_rows, _ = compliance_figures(session, by=query.by, scope=query.scope, year=year,
                                                calendar=calendar, today=today)
        service_rows = service_figures(session, by=query.by, scope=query.scope, year=year)
    body = figures_csv(by=query.by, employment=employment_rows, compliance=compliance_rows, services=service_rows)
    filename = f"triage-figures-{query.by}-{today:%Y%m%d}.csv"
    return Response(content=body, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})

