"""P11 figures as JSON: employment rate against the goal, contact compliance, services per graduate."""
from __future__ import annotations

from datetime import date

from app.triage.workdays import CalendarSource
from app.schemas.common import ReadModel


class FigureScope(ReadModel):
    graduation_year: int | None
    city: str | None
    county: str | None


class EmploymentFigure(ReadModel):
    group: str
    group_name: str
    registered: int
    employed: int
    further_study: int
    not_seeking: int
    unemployed: int
    employment_rate: float | None
    meets_goal: bool | None
    needed_for_goal: int


class EmploymentFigures(ReadModel):
    """employment_rate = (employed + further_study) / registered; by=industry counts employed graduates
    by the industry of their job (registered = employed there, no rate)."""

    by: str
    goal: float
    scope: FigureScope
    total: EmploymentFigure
    rows: list[EmploymentFigure]


class ComplianceFigure(ReadModel):
    group: str
    group_name: str
    registered: int
    on_time: int
    late: int
    overdue: int
    pending: int
    compliance_rate: float | None


class ComplianceFigures(ReadModel):
    """Mini-program registrations of the year: reached by the P2 deadline (on_time), after it (late),
    not reached and past it (overdue), not reached and not yet due (pending, not in the rate)."""

    by: str
    year: int
    as_of: date
    calendar: CalendarSource
    scope: FigureScope
    total: ComplianceFigure | None
    rows: list[ComplianceFigure]


class ServiceFigure(ReadModel):
    group: str
    group_name: str
    registered: int
    services: int
    services_per_graduate: float | None
    in_scope: int
    met: int
    deficit: int


class ServiceFigures(ReadModel):
    """P3 services given in the year; in_scope = want a job and not employed; met = of those, 3 or more."""

    by: str
    year: int
    required: int
    scope: FigureScope
    total: ServiceFigure
    rows: list[ServiceFigure]
