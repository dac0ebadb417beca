"""The triage queue: whom to call first, computed in one SQL query.

Order (most urgent first), each tier a QueueReason:

0. contact_overdue      — registered through the mini-program, not reached, P2 deadline passed;
1. contact_due          — the same, deadline not passed yet;
   both by registration time: the deadline never decreases with the registration day, so this
   is "deadline soonest first" without computing a deadline per row;
2. hardship_unsupported — hardship graduate without a named staff member or without a plan (P9);
3. service_deficit      — fewer than 3 P3 services this year; the days left in the year are the
   same for everyone, so the biggest deficit first;
4. follow_up            — everyone else.
Within a tier, then: bigger deficit, earlier graduation year (longer out of school), earlier
registration, id. Pages are keyset pages over exactly these keys.
"""
from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, case, literal, or_, select, tuple_
from sqlalchemy.orm import Session

from app.core.errors import FieldProblem, InvalidInput
from app.core.validation import MAX_ID
from app.db.base import UTCDateTime
from app.db.models import Graduate
from app.domain.enums import EmploymentStatus, Hardship
from app.triage.vocabulary import QUEUE_TIER, QueueReason
from app.triage.workdays import WorkdayCalendar, china_day_start
from app.triage.facts import TriageState
from app.services.graduates import hardship_condition
from app.triage.sql import Scope, services_deficit, triage_summary

_NO_DEADLINE = datetime(1970, 1, 1, tzinfo=UTC)  # contact key of rows outside tiers 0 and 1


@dataclass(frozen=True)
class QueueFilters:
    scope: Scope = field(default_factory=Scope)
    status: EmploymentStatus | None = EmploymentStatus.UNEMPLOYED
    staff_name: str | None = None
    has_hardship: bool | None = None
    hardship: Hardship | None = None
    overdue_only: bool = False
    graduate_id: int | None = None


def queue_page(session: Session, *, filters: QueueFilters, calendar: WorkdayCalendar, today: date, limit: int,
               cursor: str | None = None) -> tuple[list[TriageState], str | None]:
    statement = queue_statement(filters, calendar=calendar, today=today, limit=limit, cursor=cursor)
    rows = session.execute(statement).all()
    states = [TriageState(graduate_id=row.graduate_id, reason=list(QueueReason)[row.tier],
                          first_contact_at=row.first_contact_at, services_in_year=int(row.services_in_year or 0),
                          last_service_at=row.last_service_at, staff_name=row.staff_name,
                          plan_version=row.plan_version) for row in rows[:limit]]
    next_cursor = _encode_cursor(rows[limit - 1]) if len(rows) > limit else None
    return states, next_cursor


def queue_statement(filters: QueueFilters, *, calendar: WorkdayCalendar, today: date, limit: int,
                    cursor: str | None) -> Select[tuple[object, ...]]:
    """One page plus one row (to know whether another page follows), most urgent first."""
    triage = triage_summary(year=today.year)
    overdue_before = china_day_start(calendar.last_overdue_registration_day(today) + timedelta(days=1))

    awaiting_contact = and_(Graduate.registration_channel == "mini_program", triage.c.first_contact_at.is_(None))
    overdue = and_(awaiting_contact, Graduate.registered_at < overdue_before)
    unsupported = and_(Graduate.has_hardship.is_(True),
                       or_(triage.c.staff_name.is_(None), triage.c.plan_version.is_(None)))
    deficit = services_deficit(triage.c.services_in_year)
    tier = case((overdue, QUEUE_TIER[QueueReason.CONTACT_OVERDUE]),
                (awaiting_contact, QUEUE_TIER[QueueReason.CONTACT_DUE]),
                (unsupported, QUEUE_TIER[QueueReason.HARDSHIP_UNSUPPORTED]),
                (deficit > 0, QUEUE_TIER[QueueReason.SERVICE_DEFICIT]),
                else_=QUEUE_TIER[QueueReason.FOLLOW_UP])
    contact_key = case((awaiting_contact, Graduate.registered_at), else_=literal(_NO_DEADLINE, UTCDateTime()))

    ranked = (
        select(Graduate.id.label("graduate_id"), tier.label("tier"), contact_key.label("contact_key"),
               (-deficit).label("neg_deficit"), Graduate.graduation_year, Graduate.registered_at,
               triage.c.first_contact_at, triage.c.services_in_year, triage.c.last_service_at,
               triage.c.staff_name, triage.c.plan_version)
        .outerjoin(triage, triage.c.graduate_id == Graduate.id)
        .where(*_conditions(filters, overdue=overdue, staff_name=triage.c.staff_name))
        .subquery("ranked")
    )
    keys = (ranked.c.tier, ranked.c.contact_key, ranked.c.neg_deficit, ranked.c.graduation_year,
            ranked.c.registered_at, ranked.c.graduate_id)
    query = select(ranked).order_by(*keys).limit(limit + 1)
    if cursor:
        query = query.where(tuple_(*keys) > tuple_(*_cursor_values(cursor)))
    return query


def _conditions(filters: QueueFilters, *, overdue: ColumnElement[bool],
                staff_name: ColumnElement[str]) -> list[ColumnElement[bool]]:
    conditions = filters.scope.conditions()
    if filters.graduate_id is not None:
        conditions.append(Graduate.id == filters.graduate_id)
    if filters.status is not None:
        conditions.append(Graduate.employment_status == filters.status.value)
    if filters.staff_name:
        conditions.append(staff_name == filters.staff_name)
    if filters.has_hardship is not None:
        conditions.append(Graduate.has_hardship.is_(filters.has_hardship))
    if filters.hardship is not None:
        conditions.append(hardship_condition(filters.hardship))
    if filters.overdue_only:
        conditions.append(overdue)
    return conditions


def _encode_cursor(row: object) -> str:
    values = [row.tier, row.contact_key.isoformat(), row.neg_deficit, row.graduation_year,  # type: ignore[attr-defined]
              row.registered_at.isoformat(), row.graduate_id]  # type: ignore[attr-defined]
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def _bounded(value: object) -> int:
    # A forged cursor must not carry a number the database driver cannot bind (OverflowError, 500).
    number = int(value)  # type: ignore[call-overload]
    if abs(number) > MAX_ID:
        raise ValueError("cursor value out of range")
    return number


def _cursor_values(cursor: str) -> list[ColumnElement[object]]:
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        tier, contact_key, neg_deficit, graduation_year, registered_at, graduate_id = raw
        moments = [datetime.fromisoformat(contact_key), datetime.fromisoformat(registered_at)]
        if any(moment.tzinfo is None for moment in moments):
            raise ValueError("cursor times carry their offset")
        return [literal(_bounded(tier)), literal(moments[0], UTCDateTime()), literal(_bounded(neg_deficit)),
                literal(_bounded(graduation_year)), literal(moments[1], UTCDateTime()), literal(_bounded(graduate_id))]
    except (ValueError, TypeError, binascii.Error):
        raise InvalidInput("invalid cursor", problems=[FieldProblem(
            "cursor", "pass back next_cursor of the previous page unchanged")]) from None
