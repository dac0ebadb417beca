"""Reusable constrained types so every schema states its limits the same way."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from app.domain.enums import INDUSTRY_ALIASES, Industry

CHINA_TZ = timezone(timedelta(hours=8))

MAX_LIST_ITEMS = 50

ExternalId = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=r"^[^\s/?#]+$"),
    Field(description="The caller's own id for the record; sending it again updates the same record."),
]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
CityName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
TagList = Annotated[list[Tag], Field(max_length=MAX_LIST_ITEMS)]
Salary = Annotated[int, Field(ge=0, le=1_000_000, description="CNY per month")]
MAX_EXPERIENCE_YEARS = 50
ExperienceYears = Annotated[int, Field(ge=0, le=MAX_EXPERIENCE_YEARS, description="whole years of work experience")]
# A relevance threshold on the ranking score's scale (scores are in [0, 1]).
Relevance = Annotated[float, Field(ge=0.0, le=1.0)]


def _industry_code(value: Any) -> Any:
    """Accept the code, the Chinese name or an older alias (智慧海洋 …)."""
    if isinstance(value, str):
        stripped = value.strip()
        if stripped in INDUSTRY_ALIASES:
            return INDUSTRY_ALIASES[stripped].value
        return stripped
    return value


IndustryCode = Annotated[Industry, BeforeValidator(_industry_code)]


def _as_utc(value: datetime) -> datetime:
    # Local spreadsheets and platforms send naive times in China Standard Time.
    if value.tzinfo is None:
        value = value.replace(tzinfo=CHINA_TZ)
    return value.astimezone(UTC)


AwareDatetime = Annotated[datetime, AfterValidator(_as_utc)]


def _unique(values: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


UniqueList = AfterValidator(_unique)


class StrictModel(BaseModel):
    """Unknown fields are an error: a misspelt field must not be silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ErrorDetail(BaseModel):
    field: str
    reason: str


class ErrorBody(BaseModel):
    code: str
    message: str
    details: list[ErrorDetail] = []


class ErrorResponse(BaseModel):
    error: ErrorBody
    request_id: str | None = None
