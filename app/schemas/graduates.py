"""Graduate schemas and the three views of a graduate.

Which view a caller gets depends on its role (see app.core.privacy): platforms
and organisers get ``GraduatePublicRead``, which has no sensitive field at all,
so nothing sensitive can leak through a forgotten filter.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, field_validator, model_validator

from app.domain.enums import (
    Education,
    EmploymentStatus,
    Gender,
    Hardship,
    JobType,
    RegistrationChannel,
)
from app.domain.national_id import birth_date_of, validate_national_id
from app.schemas.common import (
    MAX_LIST_ITEMS,
    AwareDatetime,
    CityName,
    ExperienceYears,
    ExternalId,
    IndustryCode,
    IsoDate,
    ReadModel,
    Salary,
    ShortText,
    StrictBool,
    StrictModel,
    TagList,
    UniqueList,
    WholeNumber,
)

EARLIEST_GRADUATION_YEAR = 1990
EARLIEST_BIRTH_DATE = date(1950, 1, 1)
MIN_AGE_YEARS = 14

Intro = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2_000)]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^1[3-9]\d{9}$")]
NationalId = Annotated[str, AfterValidator(validate_national_id)]


def _check_graduation_year(year: int) -> int:
    latest = date.today().year + 1
    if not EARLIEST_GRADUATION_YEAR <= year <= latest:
        raise ValueError(f"graduation_year must be between {EARLIEST_GRADUATION_YEAR} and {latest}")
    return year


def _check_birth_date(value: date) -> date:
    today = date.today()
    latest = today.replace(year=today.year - MIN_AGE_YEARS)
    if not EARLIEST_BIRTH_DATE <= value <= latest:
        raise ValueError(f"birth_date must be between {EARLIEST_BIRTH_DATE} and {latest}")
    return value


GraduationYear = Annotated[int, WholeNumber, AfterValidator(_check_graduation_year)]
BirthDate = Annotated[IsoDate, AfterValidator(_check_birth_date)]


class GraduateProfileFields(StrictModel):
    """The fields that describe what a graduate can do and wants."""

    school: ShortText | None = None
    major: ShortText
    education: Education
    graduation_year: GraduationYear
    current_city: CityName | None = None
    preferred_cities: Annotated[list[CityName], Field(max_length=MAX_LIST_ITEMS), UniqueList] = []
    preferred_industries: Annotated[list[IndustryCode], Field(max_length=11), UniqueList] = []
    preferred_job_types: Annotated[list[JobType], Field(max_length=6), UniqueList] = []
    expected_salary: Salary | None = None
    skills: Annotated[TagList, UniqueList] = []
    intro: Intro = ""
    work_experience_years: ExperienceYears = Field(
        default=0, description="whole years of work already done; 0 for a new graduate")


class GraduateCreate(GraduateProfileFields):
    external_id: ExternalId
    name: ShortText
    national_id: NationalId | None = None
    phone: Phone | None = None
    birth_date: BirthDate | None = None
    gender: Gender | None = None
    ethnicity: ShortText | None = None
    marital_status: ShortText | None = None
    hukou_province: ShortText | None = None
    county: CityName | None = None
    hardship: Annotated[list[Hardship], Field(max_length=4), UniqueList] = []
    employment_status: EmploymentStatus = EmploymentStatus.UNEMPLOYED
    wants_job: StrictBool = True
    registered_at: AwareDatetime | None = None
    registration_channel: RegistrationChannel = RegistrationChannel.WALK_IN

    @model_validator(mode="after")
    def _id_matches_birth_date(self) -> GraduateCreate:
        if self.national_id and self.birth_date and birth_date_of(self.national_id) != self.birth_date:
            raise ValueError("birth_date does not match the birth date in national_id")
        return self


_CLEARS = "null clears it to {}"


class GraduateUpdate(StrictModel):
    """PATCH body: every field optional; null clears an optional field, and is refused (422) on a
    field every graduate must have (name, major, education, graduation_year, status fields)."""

    name: ShortText | None = None
    national_id: NationalId | None = None
    phone: Phone | None = None
    birth_date: BirthDate | None = None
    gender: Gender | None = None
    ethnicity: ShortText | None = None
    marital_status: ShortText | None = None
    school: ShortText | None = None
    major: ShortText | None = None
    education: Education | None = None
    graduation_year: GraduationYear | None = None
    hukou_province: ShortText | None = None
    current_city: CityName | None = None
    county: CityName | None = None
    preferred_cities: Annotated[list[CityName], Field(max_length=MAX_LIST_ITEMS), UniqueList] | None = Field(
        default=None, description=_CLEARS.format("[]"))
    preferred_industries: Annotated[list[IndustryCode], Field(max_length=11), UniqueList] | None = Field(
        default=None, description=_CLEARS.format("[]"))
    preferred_job_types: Annotated[list[JobType], Field(max_length=6), UniqueList] | None = Field(
        default=None, description=_CLEARS.format("[]"))
    expected_salary: Salary | None = None
    skills: Annotated[TagList, UniqueList] | None = Field(default=None, description=_CLEARS.format("[]"))
    intro: Intro | None = Field(default=None, description=_CLEARS.format('""'))
    work_experience_years: ExperienceYears | None = None
    hardship: Annotated[list[Hardship], Field(max_length=4), UniqueList] | None = Field(
        default=None, description=_CLEARS.format("[] (staff and admin only)"))
    employment_status: EmploymentStatus | None = None
    wants_job: StrictBool | None = None
    registration_channel: RegistrationChannel | None = None

    @field_validator("work_experience_years")
    @classmethod
    def _experience_not_cleared(cls, value: int | None) -> int:
        # Runs only for a value the caller sent: null would mean "unknown", which this field has no room for.
        if value is None:
            raise ValueError("cannot be null; send 0 for no work experience")
        return value


class GraduatePublicRead(ReadModel):
    """What a recruitment platform or fair organiser may see: no sensitive field exists here."""

    id: int
    external_id: str
    name: str
    school: str | None
    major: str
    education: str
    graduation_year: int
    current_city: str | None
    county: str | None
    preferred_cities: list[str]
    preferred_industries: list[str]
    preferred_job_types: list[str]
    expected_salary: int | None
    skills: list[str]
    intro: str
    work_experience_years: int
    employment_status: str
    wants_job: bool
    record_status: str
    created_at: datetime
    updated_at: datetime


class GraduateStaffRead(GraduatePublicRead):
    """Employment-office staff: everything, with national id and phone masked unless unmasked on request."""

    national_id: str | None
    phone: str | None
    birth_date: date | None
    gender: str | None
    ethnicity: str | None
    marital_status: str | None
    hukou_province: str | None
    hardship: list[str]
    registered_at: datetime
    registration_channel: str
    masked: bool = True


class GraduatePublicPage(ReadModel):
    items: list[GraduatePublicRead]
    next_after: int | None


class GraduateStaffPage(ReadModel):
    items: list[GraduateStaffRead]
    next_after: int | None


class DuplicateRead(ReadModel):
    """A suspected duplicate (staff and admin only): ``graduate_id`` was stored without the
    national_id it was sent with, because ``duplicate_of_id`` holds it; the value is shown masked."""

    id: int
    graduate_id: int
    duplicate_of_id: int
    field: str
    national_id: str | None
    reported_by_key_id: int | None
    detected_at: datetime
    resolved_at: datetime | None
    resolution: str | None


class DuplicatePage(ReadModel):
    items: list[DuplicateRead]


class DuplicateResolve(StrictModel):
    """Staff merged the two records by hand (``merged``) or found two people (``not_duplicate``)."""

    resolution: Literal["merged", "not_duplicate"]
