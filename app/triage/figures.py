"""P11 figures, aggregated in the database: employment rate against the 90% goal, P2 contact
compliance and P3 services, grouped by cohort, city, county, education or hardship group (and,
for employment, by industry of the job taken).

Definitions (also in the README):
- employment rate = (employed + further study) / active registered graduates of the group;
  needed_for_goal = how many more must be placed to reach 90%.
- contact compliance = graduates reached by their P2 deadline / mini-program registrations of the
  year whose deadline has passed or who were reached; pending ones are not counted yet.
- services per graduate = P3 services given in the year / active registered graduates.
A graduate in two hardship groups counts in both; "none" is the group without hardship.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    String,
    and_,
    bindparam,
    case,
    cast,
    column,
    func,
    literal,
    select,
    text,
    union_all,
)
from sqlalchemy.orm import Session

from app.db.models import EmploymentOutcome, Graduate
from app.domain.enums import Hardship
from app.triage.vocabulary import EMPLOYMENT_RATE_GOAL, SERVICES_REQUIRED_PER_YEAR
from app.triage.workdays import CalendarSource, WorkdayCalendar, worst_source
from app.triage.sql import (
    Scope,
    china_date,
    hardship_condition,
    ledger_tallies,
    services_deficit,
    year_bounds,
)

Dimension = Literal["total", "cohort", "city", "county", "education", "hardship", "industry"]
NO_HARDSHIP = "none"
UNSPECIFIED = ""  # a NULL city, county or industry; the API shows it as 未填写


@dataclass(frozen=True)
class EmploymentRow:
    group: str
    registered: int
    employed: int
    further_study: int
    not_seeking: int
    unemployed: int

    @property
    def placed(self) -> int:
        return self.employed + self.further_study

    @property
    def employment_rate(self) -> float | None:
        return round(self.placed / self.registered, 4) if self.registered else None

    @property
    def needed_for_goal(self) -> int:
        # Rounded first so that 0.9 * 10 = 9.000000000000002 does not become 10.
        return max(0, math.ceil(round(EMPLOYMENT_RATE_GOAL * self.registered, 6)) - self.placed)


@dataclass(frozen=True)
class ComplianceRow:
    group: str
    registered: int
    on_time: int
    late: int
    overdue: int
    pending: int

    @property
    def compliance_rate(self) -> float | None:
        due = self.on_time + self.late + self.overdue
        return round(self.on_time / due, 4) if due else None


@dataclass(frozen=True)
class ServiceRow:
    group: str
    registered: int
    services: int
    in_scope: int  # want a job and not employed: P3 applies
    met: int  # of those, with at least 3 services this year
    deficit: int

    @property
    def services_per_graduate(self) -> float | None:
        return round(self.services / self.registered, 2) if self.registered else None


Build = Callable[[ColumnElement[str], list[ColumnElement[bool]]], Select[tuple[object, ...]]]


def _group_column(by: Dimension) -> ColumnElement[str]:
    columns: dict[str, ColumnElement[str]] = {
        "cohort": cast(Graduate.graduation_year, String()), "city": Graduate.current_city,
        "county": Graduate.county, "education": Graduate.education,
    }
    return func.coalesce(columns[by], UNSPECIFIED)


def _grouped(by: Dimension, build: Build) -> Select[tuple[object, ...]]:
    """Hardship groups are not a column (a graduate may be in two): one aggregate per group,
    united; constant groups aggregate the whole filtered set and need no GROUP BY."""
    if by == "total":
        return build(literal("total", String()), [])
    if by == "hardship":
        groups = [(hardship.value, hardship_condition(hardship)) for hardship in Hardship]
        groups.append((NO_HARDSHIP, Graduate.has_hardship.is_(False)))
        return union_all(*(build(literal(code, String()), [condition]) for code, condition in groups)).subquery() \
            .select()
    group = _group_column(by)
    return build(group, []).group_by(group)


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((condition, 1), else_=0))


def employment_figures(session: Session, *, by: Dimension, scope: Scope) -> list[EmploymentRow]:
    if by == "industry":
        return _employment_by_industry(session, scope=scope)
    status = Graduate.employment_status

    def build(group: ColumnElement[str], extra: list[ColumnElement[bool]]) -> Select[tuple[object, ...]]:
        return select(group.label("grp"), func.count(Graduate.id), _count(status == "employed"),
                      _count(status == "further_study"), _count(status == "not_seeking"),
                      _count(status == "unemployed")).where(*scope.conditions(), *extra)

    return [EmploymentRow(str(row[0]), *(int(value or 0) for value in row[1:]))
            for row in session.execute(_grouped(by, build)).all()]


def _employment_by_industry(session: Session, *, scope: Scope) -> list[EmploymentRow]:
    """Employed graduates by the industry of their latest recorded job (未填写 when staff changed the
    status without recording an outcome). Only employed graduates have an industry, so registered
    here is the number employed."""
    latest = select(EmploymentOutcome.graduate_id, func.max(EmploymentOutcome.id).label("outcome_id")) \
        .group_by(EmploymentOutcome.graduate_id).subquery()
    industry = func.coalesce(EmploymentOutcome.industry, UNSPECIFIED)
    query = select(industry, func.count(Graduate.id)).select_from(Graduate) \
        .outerjoin(latest, latest.c.graduate_id == Graduate.id) \
        .outerjoin(EmploymentOutcome, EmploymentOutcome.id == latest.c.outcome_id) \
        .where(*scope.conditions(), Graduate.employment_status == "employed").group_by(industry)
    return [EmploymentRow(str(group), int(count), int(count), 0, 0, 0) for group, count in session.execute(query)]


def compliance_figures(session: Session, *, by: Dimension, scope: Scope, year: int, calendar: WorkdayCalendar,
                       today: date) -> tuple[list[ComplianceRow], CalendarSource]:
    start, end = year_bounds(year)
    registered_in_year = [Graduate.registration_channel == "mini_program", Graduate.registered_at >= start,
                          Graduate.registered_at < end]
    days = list(session.scalars(select(china_date(Graduate.registered_at)).distinct().where(
        *scope.conditions(), *registered_in_year)))
    if not days:
        return [], "official"
    deadlines = {day: calendar.contact_deadline(day) for day in days}
    table = _day_pairs("deadlines", [(day, deadline.due_on) for day, deadline in deadlines.items()])
    tallies = ledger_tallies(year=year).subquery("tallies")
    first_contact = tallies.c.first_contact_at
    due = table.c.column2
    contact_day = china_date(first_contact)

    def build(group: ColumnElement[str], extra: list[ColumnElement[bool]]) -> Select[tuple[object, ...]]:
        return select(group.label("grp"), func.count(Graduate.id),
                      _count(and_(first_contact.is_not(None), contact_day <= due)),
                      _count(and_(first_contact.is_not(None), contact_day > due)),
                      _count(and_(first_contact.is_(None), due < today)),
                      _count(and_(first_contact.is_(None), due >= today))) \
            .select_from(Graduate).join(table, table.c.column1 == china_date(Graduate.registered_at)) \
            .outerjoin(tallies, tallies.c.graduate_id == Graduate.id) \
            .where(*scope.conditions(), *registered_in_year, *extra)

    rows = [ComplianceRow(str(row[0]), *(int(value or 0) for value in row[1:]))
            for row in session.execute(_grouped(by, build)).all()]
    return rows, worst_source(*(deadline.calendar for deadline in deadlines.values()))


def service_figures(session: Session, *, by: Dimension, scope: Scope, year: int) -> list[ServiceRow]:
    tallies = ledger_tallies(year=year).subquery("tallies")
    services = func.coalesce(tallies.c.services_in_year, 0)
    in_scope = and_(Graduate.wants_job.is_(True), Graduate.employment_status == "unemployed")

    def build(group: ColumnElement[str], extra: list[ColumnElement[bool]]) -> Select[tuple[object, ...]]:
        return select(group.label("grp"), func.count(Graduate.id), func.sum(services), _count(in_scope),
                      _count(and_(in_scope, services >= SERVICES_REQUIRED_PER_YEAR)),
                      func.sum(services_deficit(tallies.c.services_in_year))) \
            .select_from(Graduate).outerjoin(tallies, tallies.c.graduate_id == Graduate.id) \
            .where(*scope.conditions(), *extra)

    return [ServiceRow(str(row[0]), *(int(value or 0) for value in row[1:]))
            for row in session.execute(_grouped(by, build)).all()]


def _day_pairs(name: str, pairs: Sequence[tuple[date, date]]):  # type: ignore[no-untyped-def]
    """A small (day, day) table inlined as VALUES. Both databases name VALUES columns column1,
    column2, which is what makes this portable (SQLite takes no column list after the alias)."""
    params = [bindparam(f"{name}_{index}_{side}", value, type_=Date())
              for index, pair in enumerate(pairs) for side, value in enumerate(pair)]
    rows = ", ".join(f"(:{name}_{index}_0, :{name}_{index}_1)" for index in range(len(pairs)))
    return text(f"VALUES {rows}").bindparams(*params).columns(column("column1", Date()),
                                                               column("column2", Date())).cte(name)
