"""A graduate's triage facts in words: the P2 contact deadline, the P3 service count, why they are
where they are in the queue and what to do next. Pure functions of what the queue query found."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from app.db.models import Graduate
from app.triage.vocabulary import SERVICES_REQUIRED_PER_YEAR, ContactState, QueueReason
from app.triage.workdays import CalendarSource, WorkdayCalendar, china_date


@dataclass(frozen=True)
class TriageState:
    """One graduate's row of the queue query."""

    graduate_id: int
    reason: QueueReason
    first_contact_at: datetime | None
    services_in_year: int
    last_service_at: datetime | None
    staff_name: str | None
    plan_version: int | None


@dataclass(frozen=True)
class ContactStatus:
    required: bool
    registered_on: date
    due_on: date | None
    calendar: CalendarSource | None
    status: ContactState
    first_contact_at: datetime | None
    working_days_left: int | None  # pending: working days from today to the deadline, both counted
    working_days_overdue: int | None


@dataclass(frozen=True)
class ServiceTally:
    year: int
    services: int
    required: int
    deficit: int
    working_days_left_in_year: int
    calendar: CalendarSource


@dataclass(frozen=True)
class NextAction:
    code: Literal["first_contact", "assign_staff", "create_plan", "targeted_service", "follow_up"]
    text: str


def contact_status(*, graduate: Graduate, first_contact_at: datetime | None, calendar: WorkdayCalendar,
                   today: date) -> ContactStatus:
    registered_on = china_date(graduate.registered_at)
    if graduate.registration_channel != "mini_program":
        return ContactStatus(False, registered_on, None, None, "not_required", first_contact_at, None, None)
    deadline = calendar.contact_deadline(registered_on)
    left = overdue = None
    state: ContactState
    if first_contact_at is not None:
        state = "on_time" if china_date(first_contact_at) <= deadline.due_on else "late"
    elif deadline.due_on < today:
        state = "overdue"
        overdue, _ = calendar.working_days_between(deadline.due_on, today)
    else:
        state = "pending"
        left, _ = calendar.working_days_between(today - timedelta(days=1), deadline.due_on)
    return ContactStatus(True, registered_on, deadline.due_on, deadline.calendar, state, first_contact_at, left,
                         overdue)


def p3_deficit(*, graduate: Graduate, services: int) -> int:
    """The Python twin of app.triage.sql.services_deficit (which the queue sorts by)."""
    if not graduate.wants_job or graduate.employment_status != "unemployed":
        return 0
    return max(0, SERVICES_REQUIRED_PER_YEAR - services)


def service_tally(*, graduate: Graduate, services: int, calendar: WorkdayCalendar, today: date) -> ServiceTally:
    left, source = calendar.working_days_between(today - timedelta(days=1), date(today.year, 12, 31))
    deficit = p3_deficit(graduate=graduate, services=services)
    return ServiceTally(today.year, services, SERVICES_REQUIRED_PER_YEAR, deficit, left, source)


def months_since_leaving_school(graduation_year: int, today: date) -> int:
    # The registry has no unemployment start date; graduates leave school at the end of June.
    return max(0, (today.year - graduation_year) * 12 + today.month - 7)


def explain(*, graduate: Graduate, state: TriageState, contact: ContactStatus, tally: ServiceTally,
            today: date) -> tuple[list[str], NextAction]:
    """Every reason that applies, most urgent first, and the one thing to do next."""
    reasons: list[str] = []
    if contact.status == "overdue":
        reasons.append(f"小程序登记于{contact.registered_on:%Y-%m-%d}，应于{contact.due_on:%Y-%m-%d}前取得联系，"
                       f"已逾期{contact.working_days_overdue}个工作日（P2）")
    elif contact.status == "pending":
        reasons.append(f"小程序登记于{contact.registered_on:%Y-%m-%d}，须于{contact.due_on:%Y-%m-%d}前取得联系，"
                       f"还剩{contact.working_days_left}个工作日（P2）")
    if contact.calendar == "weekday_fallback":
        reasons.append("该年度法定节假日尚未载入，联系时限暂按周一至周五计算")
    if graduate.has_hardship and state.staff_name is None:
        reasons.append("困难毕业生，尚未指定专人负责（P9）")
    if graduate.has_hardship and state.plan_version is None:
        reasons.append("困难毕业生，尚未制定“一人一策”帮扶计划（P9）")
    if tally.deficit:
        reasons.append(f"{tally.year}年已提供{tally.services}次针对性服务，还差{tally.deficit}次；"
                       f"年内剩余{tally.working_days_left_in_year}个工作日（P3）")
    months = months_since_leaving_school(graduate.graduation_year, today)
    reasons.append(f"{graduate.graduation_year}届，离校约{months}个月" if months else f"{graduate.graduation_year}届")
    return reasons, _next_action(state)


def _next_action(state: TriageState) -> NextAction:
    if state.reason in (QueueReason.CONTACT_OVERDUE, QueueReason.CONTACT_DUE):
        return NextAction("first_contact", "电话联系毕业生，并在台账中记录联系结果")
    if state.reason == QueueReason.HARDSHIP_UNSUPPORTED:
        if state.staff_name is None:
            return NextAction("assign_staff", "指定专人负责（专人专账）")
        return NextAction("create_plan", "制定“一人一策”帮扶计划")
    if state.reason == QueueReason.SERVICE_DEFICIT:
        return NextAction("targeted_service", "提供针对性服务：岗位推荐、职业指导、培训或见习推荐")
    return NextAction("follow_up", "回访了解求职进展，登记就业去向")
