"""Request and response bodies of the triage ledger: services, outcomes, staff members, plans."""
from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from app.triage.vocabulary import (
    ALLOWED_OUTCOMES,
    KINDS_WITH_JOBS,
    FoundVia,
    OutcomeStatus,
    ServiceChannel,
    ServiceKind,
    ServiceOutcome,
)
from app.schemas.common import (
    AwareDatetime,
    IndustryCode,
    IsoDate,
    ReadModel,
    RecordId,
    ShortText,
    StrictBool,
    StrictModel,
    UniqueList,
)

StaffName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50),
                      Field(description="the named staff member (专人), e.g. 王芳")]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2_000)]
JobIds = Annotated[list[RecordId], Field(max_length=20), UniqueList]


class ServiceCreate(StrictModel):
    kind: ServiceKind
    channel: ServiceChannel
    outcome: ServiceOutcome
    provided_at: AwareDatetime | None = Field(default=None, description="default: now; never after tomorrow")
    staff_name: StaffName
    job_ids: JobIds = Field(default=[], description="postings offered (job_recommendation, internship_referral)")
    note: Note = ""

    @model_validator(mode="after")
    def _consistent(self) -> ServiceCreate:
        if self.outcome not in ALLOWED_OUTCOMES[self.kind]:
            allowed = ", ".join(sorted(ALLOWED_OUTCOMES[self.kind]))
            raise ValueError(f"outcome {self.outcome.value} does not fit a {self.kind.value} service; "
                             f"use one of {allowed}")
        if self.job_ids and self.kind not in KINDS_WITH_JOBS:
            raise ValueError(f"job_ids only go with {', '.join(sorted(KINDS_WITH_JOBS))}")
        if self.kind == ServiceKind.JOB_RECOMMENDATION and not self.job_ids:
            raise ValueError("job_ids must name the postings of a job_recommendation")
        return self


class ServiceRead(ReadModel):
    id: int
    graduate_id: int
    kind: str
    channel: str
    outcome: str
    provided_at: datetime
    staff_name: str
    job_ids: list[int]
    plan_version_id: int | None
    note: str
    created_at: datetime


class ServicePage(ReadModel):
    items: list[ServiceRead]
    next_after: int | None


class OutcomeCreate(StrictModel):
    """A new employment status with what staff learnt: employed needs employer, start date and how
    the job was found; further study may name the school."""

    status: OutcomeStatus
    started_on: IsoDate | None = Field(default=None, description="employed: first working day; never after tomorrow")
    employer_name: ShortText | None = None
    industry: IndustryCode | None = Field(default=None, description="default: the industry of job_id")
    job_id: RecordId | None = Field(default=None, description="the posting taken, when it is in the service")
    found_via: FoundVia | None = None
    school: ShortText | None = None
    staff_name: StaffName
    note: Note = ""

    @model_validator(mode="after")
    def _fields_fit_status(self) -> OutcomeCreate:
        if self.status == OutcomeStatus.EMPLOYED:
            missing = [name for name in ("employer_name", "started_on", "found_via") if getattr(self, name) is None]
            if missing:
                raise ValueError(f"{missing[0]} is required when status is employed (missing: {', '.join(missing)})")
        else:
            extra = [name for name in ("employer_name", "industry", "job_id", "found_via") if getattr(self, name)]
            if extra:
                raise ValueError(f"{extra[0]} only goes with status employed")
        if self.school and self.status != OutcomeStatus.FURTHER_STUDY:
            raise ValueError("school only goes with status further_study")
        return self


class OutcomeRead(ReadModel):
    id: int
    graduate_id: int
    status: str
    previous_status: str
    started_on: date | None
    employer_name: str | None
    industry: str | None
    job_id: int | None
    found_via: str | None
    school: str | None
    staff_name: str
    note: str
    recorded_at: datetime


class AssignmentWrite(StrictModel):
    staff_name: StaffName
    note: Note = ""


class AssignmentRead(ReadModel):
    graduate_id: int
    staff_name: str
    note: str
    assigned_at: datetime
    ended_at: datetime | None


class PlanStep(StrictModel):
    action: ShortText
    due_on: IsoDate | None = None
    done: StrictBool = False


class PlanWrite(StrictModel):
    """A new version of the one-to-one plan; sending the current content again writes nothing."""

    goals: Annotated[list[ShortText], Field(min_length=1, max_length=20)]
    steps: Annotated[list[PlanStep], Field(min_length=1, max_length=30)]
    recommended_job_ids: JobIds = []
    staff_name: StaffName
    review_on: IsoDate | None = Field(default=None, description="when staff will next review the plan")
    note: Note = ""


class PlanVersionRead(ReadModel):
    id: int
    version: int
    goals: list[str]
    steps: list[PlanStep]
    recommended_job_ids: list[int]
    staff_name: str
    review_on: date | None
    note: str
    created_at: datetime


class PlanRecommendation(ReadModel):
    job_id: int
    sent_at: datetime | None


class PlanRead(ReadModel):
    graduate_id: int
    current: PlanVersionRead
    versions: list[PlanVersionRead]
    recommendations: list[PlanRecommendation] = Field(
        description="postings of the current version and when each was sent as a job_recommendation")


class PlanSend(StrictModel):
    """Send postings saved in the current plan; recorded as one job_recommendation service."""

    job_ids: JobIds | None = Field(default=None, description="default: every posting of the plan not sent yet")
    channel: ServiceChannel
    outcome: ServiceOutcome = ServiceOutcome.PENDING
    provided_at: AwareDatetime | None = None
    staff_name: StaffName
    note: Note = ""

    @model_validator(mode="after")
    def _outcome_fits(self) -> PlanSend:
        if self.outcome not in ALLOWED_OUTCOMES[ServiceKind.JOB_RECOMMENDATION]:
            raise ValueError(f"outcome {self.outcome.value} does not fit a job_recommendation")
        return self
