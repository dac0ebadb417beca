"""Response bodies of the triage queue and of a graduate's triage card (staff and admin only)."""
from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from app.triage.vocabulary import ContactState, QueueReason
from app.triage.workdays import CalendarSource
from app.schemas.common import ReadModel
from app.schemas.graduates import GraduateStaffRead
from app.triage.schemas import AssignmentRead, OutcomeRead, PlanVersionRead, ServiceRead


class ContactOut(ReadModel):
    """P2: registered through the mini-program → reached within 5 working days (day of registration not counted)."""

    required: bool
    registered_on: date
    due_on: date | None
    calendar: CalendarSource | None = Field(description="official | loaded | weekday_fallback")
    status: ContactState
    first_contact_at: datetime | None
    working_days_left: int | None
    working_days_overdue: int | None


class ServicesOut(ReadModel):
    """P3: targeted services this calendar year, against the 3 required by 31 December."""

    year: int
    services: int
    required: int
    deficit: int
    working_days_left_in_year: int


class NextActionOut(ReadModel):
    code: str
    text: str


class RecommendedJob(ReadModel):
    job_id: int
    title: str
    employer_name: str
    city: str
    job_type: str
    score: float
    reasons: list[str]


class QueueGraduate(ReadModel):
    """What a caller needs on the list; phone masked (open the card with ?unmasked=true on
    /v1/graduates/{id} for the full number, audited)."""

    id: int
    external_id: str
    name: str
    phone: str | None
    current_city: str | None
    county: str | None
    education: str
    major: str
    graduation_year: int
    hardship: list[str]
    employment_status: str
    wants_job: bool
    registration_channel: str
    registered_at: datetime


class QueueRow(ReadModel):
    reason: QueueReason = Field(description="the tier that placed the row here")
    reasons: list[str] = Field(description="every reason that applies, most urgent first")
    next_action: NextActionOut
    graduate: QueueGraduate
    contact: ContactOut
    services: ServicesOut
    staff_name: str | None
    plan_version: int | None
    last_service_at: datetime | None
    months_since_leaving_school: int
    recommendations: list[RecommendedJob] | None = Field(
        default=None, description="top 3 postings from the matching engine, with ?recommendations=true")


class QueuePage(ReadModel):
    as_of: date
    items: list[QueueRow]
    next_cursor: str | None
    calendar_warnings: list[str]


class TriageCard(QueueRow):
    """One graduate's whole triage picture: the queue row plus the ledger."""

    registry: GraduateStaffRead
    assignment: AssignmentRead | None
    plan: PlanVersionRead | None
    recent_services: list[ServiceRead]
    outcomes: list[OutcomeRead]


class DeadlineOut(ReadModel):
    registered_on: date
    due_on: date
    calendar: CalendarSource
    working_days: int
