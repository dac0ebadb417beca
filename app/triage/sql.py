"""SQL building blocks shared by the queue, the graduate card and the figures.

Everything is aggregated in the database, the same on SQLite and PostgreSQL: per-graduate
service tallies, the open staff assignment, the current plan version, scope filters.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Date, Select, Subquery, and_, case, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement

from app.db.models import Graduate, GraduateTriage, ServiceRecord, StaffAssignment, SupportPlanVersion
from app.triage.vocabulary import REACHED_OUTCOMES, SERVICES_REQUIRED_PER_YEAR, TARGETED_KINDS, UNCOUNTED_OUTCOMES
from app.triage.workdays import china_day_start
from app.services.graduates import hardship_condition


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """The calendar year in China time, as UTC instants [start, end)."""
    return china_day_start(date(year, 1, 1)), china_day_start(date(year + 1, 1, 1))


def reached_condition() -> ColumnElement[bool]:
    return ServiceRecord.outcome.in_(sorted(REACHED_OUTCOMES))


def targeted_condition(year: int) -> ColumnElement[bool]:
    """A P3 service given in ``year``."""
    start, end = year_bounds(year)
    return and_(ServiceRecord.kind.in_(sorted(TARGETED_KINDS)),
                ServiceRecord.outcome.not_in(sorted(UNCOUNTED_OUTCOMES)),
                ServiceRecord.provided_at >= start, ServiceRecord.provided_at < end)


def ledger_tallies(*, year: int, graduate_ids: Sequence[int] | None = None) -> Select[tuple[object, ...]]:
    """Per graduate, from the ledger itself: first time staff reached them, P3 services in ``year``,
    last service. The figures read this for any year; the queue reads graduate_triage below."""
    query = select(
        ServiceRecord.graduate_id.label("graduate_id"),
        func.min(case((reached_condition(), ServiceRecord.provided_at))).label("first_contact_at"),
        func.sum(case((targeted_condition(year), 1), else_=0)).label("services_in_year"),
        func.max(ServiceRecord.provided_at).label("last_service_at"),
    ).group_by(ServiceRecord.graduate_id)
    if graduate_ids is not None:
        query = query.where(ServiceRecord.graduate_id.in_(list(graduate_ids)))
    return query


def triage_summary(*, year: int) -> Subquery:
    """graduate_triage as the queue reads it: P3 services kept in an earlier year count as none."""
    return select(
        GraduateTriage.graduate_id, GraduateTriage.first_contact_at,
        case((GraduateTriage.tally_year == year, GraduateTriage.services_in_year), else_=0).label("services_in_year"),
        GraduateTriage.last_service_at, GraduateTriage.staff_name, GraduateTriage.plan_version,
    ).subquery("triage")


def open_assignments(*, graduate_ids: Sequence[int] | None = None) -> Subquery:
    query = select(StaffAssignment.graduate_id, StaffAssignment.staff_name).where(StaffAssignment.ended_at.is_(None))
    if graduate_ids is not None:
        query = query.where(StaffAssignment.graduate_id.in_(list(graduate_ids)))
    return query.subquery("assignments")


def current_plans(*, graduate_ids: Sequence[int] | None = None) -> Subquery:
    query = select(SupportPlanVersion.graduate_id, func.max(SupportPlanVersion.version).label("plan_version")) \
        .group_by(SupportPlanVersion.graduate_id)
    if graduate_ids is not None:
        query = query.where(SupportPlanVersion.graduate_id.in_(list(graduate_ids)))
    return query.subquery("plans")


def services_deficit(services_in_year: ColumnElement[int]) -> ColumnElement[int]:
    """P3 applies to graduates who want a job and are not employed yet."""
    services = func.coalesce(services_in_year, 0)
    in_scope = and_(Graduate.wants_job.is_(True), Graduate.employment_status == "unemployed")
    return case((and_(in_scope, services < SERVICES_REQUIRED_PER_YEAR), SERVICES_REQUIRED_PER_YEAR - services),
                else_=0)


@dataclass(frozen=True)
class Scope:
    """Which graduates a figure or queue covers: active records, optionally narrowed."""

    city: str | None = None
    county: str | None = None
    graduation_year: int | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = [Graduate.record_status == "active"]
        if self.city:
            conditions.append(Graduate.current_city == self.city)
        if self.county:
            conditions.append(Graduate.county == self.county)
        if self.graduation_year is not None:
            conditions.append(Graduate.graduation_year == self.graduation_year)
        return conditions


class china_date(FunctionElement[date]):  # lower case: used in queries like a SQL function
    """The calendar day in China (UTC+8, no daylight saving) of a stored UTC timestamp."""

    type = Date()
    inherit_cache = True


@compiles(china_date, "postgresql")
def _china_date_postgresql(element: china_date, compiler, **kw) -> str:  # type: ignore[no-untyped-def]
    return f"CAST(({compiler.process(element.clauses, **kw)} + INTERVAL '8 hours') AS DATE)"


@compiles(china_date, "sqlite")
def _china_date_sqlite(element: china_date, compiler, **kw) -> str:  # type: ignore[no-untyped-def]
    return f"DATE({compiler.process(element.clauses, **kw)}, '+8 hours')"

