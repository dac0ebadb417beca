from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, model_validator

from app.domain.enums import Education, JobStatus, JobType
from app.schemas.common import (
    AwareDatetime,
    CityName,
    ExperienceYears,
    ExternalId,
    IndustryCode,
    ReadModel,
    Salary,
    ShortText,
    StrictBool,
    StrictModel,
    TagList,
    UniqueList,
    WholeNumber,
)

Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10_000)]


class JobFields(StrictModel):
    title: ShortText
    description: Description = ""
    employer_name: ShortText
    industry: IndustryCode | None = Field(
        default=None, description="Ten-strong-industry code; suggested by the service when omitted."
    )
    city: CityName
    education_min: Education = Education.NONE
    majors: Annotated[TagList, UniqueList] = []
    skills: Annotated[TagList, UniqueList] = []
    salary_min: Salary | None = None
    salary_max: Salary | None = None
    job_type: JobType = JobType.FULL_TIME
    headcount: Annotated[int, WholeNumber] = Field(default=1, ge=1, le=10_000)
    priority_friendly: StrictBool = Field(
        default=False, description="The employer welcomes hardship graduates (P9)."
    )
    expires_at: AwareDatetime | None = None
    experience_min_years: ExperienceYears | None = Field(
        default=None, description="Years of work experience asked for (0: none, open to new graduates); when "
                                  "omitted, matching reads it from the title, description and tags.")


def check_salary_range(salary_min: int | None, salary_max: int | None) -> None:
    if salary_min is not None and salary_max is not None and salary_min > salary_max:
        raise ValueError("salary_min must not exceed salary_max")


class JobCreate(JobFields):
    external_id: ExternalId

    @model_validator(mode="after")
    def _salary_range(self) -> JobCreate:
        check_salary_range(self.salary_min, self.salary_max)
        return self


_CLEARS = "null clears it to {}"


class JobUpdate(StrictModel):
    """PATCH body: every field optional; the merged record is validated again."""

    title: ShortText | None = None
    description: Description | None = Field(default=None, description=_CLEARS.format('""'))
    employer_name: ShortText | None = None
    industry: IndustryCode | None = None
    city: CityName | None = None
    education_min: Education | None = None
    majors: Annotated[TagList, UniqueList] | None = Field(default=None, description=_CLEARS.format("[]"))
    skills: Annotated[TagList, UniqueList] | None = Field(default=None, description=_CLEARS.format("[]"))
    salary_min: Salary | None = Field(default=None, description="null: no minimum")
    salary_max: Salary | None = Field(default=None, description="null: no maximum")
    job_type: JobType | None = None
    headcount: Annotated[int, WholeNumber] | None = Field(default=None, ge=1, le=10_000)
    priority_friendly: StrictBool | None = Field(default=None, description=_CLEARS.format("false"))
    expires_at: AwareDatetime | None = None
    experience_min_years: ExperienceYears | None = Field(
        default=None, description="null: not stated, read from the text again")
    status: JobStatus | None = None


class FindingRead(BaseModel):
    """A screening finding (P10): what was found, where, and the rule it breaks."""

    code: str
    category: str
    severity: Literal["block", "review", "info"]
    span: str = Field(description="the offending text")
    start: int = Field(description="offset in title + newline + description; -1 for the salary fields or the whole posting")
    end: int
    explanation: str
    rule_version: str


class JobRead(ReadModel):
    id: int
    external_id: str
    title: str
    description: str
    employer_name: str
    industry: str
    industry_suggested: bool
    industry_confidence: float | None
    city: str
    education_min: str
    majors: list[str]
    skills: list[str]
    salary_min: int | None
    salary_max: int | None
    job_type: str
    headcount: int
    priority_friendly: bool
    expires_at: datetime | None
    experience_min_years: int | None = Field(description="as sent; null when not stated (read from the text)")
    status: str
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    screening_status: str = Field(description="clean | review | blocked | cleared | confirmed")
    held_back: bool = Field(description="true: not matched until staff clear it")
    findings: list[FindingRead] = Field(validation_alias="screening_findings")


class JobPage(ReadModel):
    items: list[JobRead]
    next_after: int | None = Field(description="Pass as ?after= to get the next page; null on the last page.")


class ScreeningDecision(StrictModel):
    decision: Literal["clear", "confirm"] = Field(description="clear: matchable again; confirm: stays held back")
    note: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=500)] = Field(
        description="why, for the audit log")
