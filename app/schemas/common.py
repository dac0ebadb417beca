"""Reusable constrained types so every schema states its limits the same way."""
from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import Annotated, Any

from annotated_types import Ge, Le
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)

from app.core.validation import MAX_ID, unstorable_reason
from app.domain.enums import INDUSTRY_ALIASES, INDUSTRY_NAMES, Industry
from app.domain.timezone import CHINA_TZ

MAX_LIST_ITEMS = 50


def _whole_number(value: Any) -> Any:
    # true/false and 1.0 would otherwise become 1; query strings arrive as str and parse as usual.
    if isinstance(value, bool | float):
        raise ValueError("must be an integer, not true/false or a fraction")
    return value


WholeNumber = BeforeValidator(_whole_number)
RecordId = Annotated[int, WholeNumber, Ge(1), Le(MAX_ID)]
Cursor = Annotated[int, WholeNumber, Ge(0), Le(MAX_ID)]
CohortYear = Annotated[int, WholeNumber, Ge(1900), Le(2100)]
StrictBool = Annotated[bool, Strict()]

ExternalId = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=r"^[^\s/?#]+$"),
    Field(description="The caller's own id for the record; sending it again updates the same record."),
]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
CityName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
TagList = Annotated[list[Tag], Field(max_length=MAX_LIST_ITEMS)]
Salary = Annotated[int, WholeNumber, Field(ge=0, le=1_000_000, description="CNY per month")]
MAX_EXPERIENCE_YEARS = 50
ExperienceYears = Annotated[int, WholeNumber, Field(ge=0, le=MAX_EXPERIENCE_YEARS,
                                                    description="whole years of work experience")]
# A relevance threshold on the ranking score's scale (scores are in [0, 1]).
Relevance = Annotated[float, Field(ge=0.0, le=1.0)]


_INDUSTRY_CODES = frozenset(industry.value for industry in Industry)
_INDUSTRY_HINT = ("must be a ten-strong-industry code (" + ", ".join(industry.value for industry in Industry)
                  + ") or its Chinese name (" + "、".join(INDUSTRY_NAMES.values()) + "; older: "
                  + "、".join(alias for alias in INDUSTRY_ALIASES if alias not in INDUSTRY_NAMES.values()) + ")")


def _industry_code(value: Any) -> Any:
    """Accept the code, the Chinese name or an older alias (智慧海洋 …)."""
    if isinstance(value, str):
        stripped = value.strip()
        if stripped in INDUSTRY_ALIASES:
            return INDUSTRY_ALIASES[stripped].value
        if stripped not in _INDUSTRY_CODES:
            # pydantic's own message would list the codes only, as if 医养健康 were refused.
            raise ValueError(_INDUSTRY_HINT)
        return stripped
    return value


# The document lists every spelling accepted, so a client (and schemathesis) may send 医养健康 as the
# service allows, in a body or a query string alike; responses always carry the code.
IndustryCode = Annotated[Industry, BeforeValidator(_industry_code), WithJsonSchema({
    "type": "string", "enum": [industry.value for industry in Industry] + list(INDUSTRY_ALIASES),
    "description": "ten-strong-industry code (new_gen_it, medical_health, …), its Chinese name (医养健康) or an "
                   "older alias (智慧海洋, 绿色化工, 现代金融服务); stored and answered as the code"})]


def _as_utc(value: datetime) -> datetime:
    # Local spreadsheets and platforms send naive times in China Standard Time.
    if value.tzinfo is None:
        value = value.replace(tzinfo=CHINA_TZ)
    return value.astimezone(UTC)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _written_out(kind: str, example: str) -> Any:
    """Dates and times only as ISO 8601 text: pydantic would read 0 or "0.5" as a Unix timestamp."""

    def check(value: Any) -> Any:
        if isinstance(value, str) and (kind == "time" or _ISO_DATE.match(value.strip())):
            return value
        if isinstance(value, date | time):
            return value
        raise ValueError(f"must be an ISO 8601 {kind} such as {example}")

    return BeforeValidator(check)


IsoDate = Annotated[date, _written_out("date", "2026-12-05")]
# Published as the pattern it accepts: OpenAPI's "time" format (RFC 3339) would demand seconds and an offset.
IsoTime = Annotated[time, _written_out("time", "09:00"), WithJsonSchema({
    "type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$",
    "description": "a time of day, HH:MM or HH:MM:SS (China Standard Time when no offset is given)"})]
IsoDatetime = Annotated[datetime, _written_out("date-time", "2026-12-05T09:00:00+08:00")]
AwareDatetime = Annotated[IsoDatetime, AfterValidator(_as_utc)]
# Fair slots are wall-clock times in China Standard Time and are sent without an offset, which
# OpenAPI's "time" format (RFC 3339 full-time) does not allow; the document says so instead.
LocalTime = Annotated[time, WithJsonSchema({
    "type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$",
    "description": "wall-clock time in China Standard Time (UTC+08:00), HH:MM:SS, no offset"})]


def _unique(values: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


UniqueList = AfterValidator(_unique)


class StrictModel(BaseModel):
    """Unknown fields are an error: a misspelt field must not be silently dropped. Text the
    databases cannot store (NUL, broken UTF-16) is refused per field, on SQLite as on PostgreSQL."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _storable_text(cls, value: Any) -> Any:
        for text in _texts(value):
            reason = unstorable_reason(text)
            if reason:
                raise ValueError(reason)
        return value


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [item for item in value if isinstance(item, str)]
    return []


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# The error body is rendered by app.api.errors (error_payload), never by these models: they only
# publish its shape. Every field is required because every error response carries all of them, so
# schemathesis (tests/api/test_openapi_fuzz.py) catches a body that drops one.
class ErrorDetail(BaseModel):
    field: str = Field(description='the query parameter, body field (dotted path), "body" for the body as a '
                                   'whole, or "row 7" for a spreadsheet row')
    reason: str = Field(description="what is wrong with it, in plain words; never the submitted value")


class ErrorBody(BaseModel):
    code: str = Field(description="stable machine-readable code: unauthenticated, forbidden, not_found, conflict, "
                                  "payload_too_large, validation_error, database_unavailable, internal_error, "
                                  "method_not_allowed")
    message: str = Field(description="one sentence for a person")
    details: list[ErrorDetail] = Field(description="one entry per field at fault (may be empty)")


class ErrorResponse(BaseModel):
    """The body of every error response, whatever the status."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "error": {"code": "validation_error", "message": "invalid input: salary_min",
                  "details": [{"field": "salary_min", "reason": "salary_min must not exceed salary_max"}]},
        "request_id": "4f1c2b9a0d3e4f5a8b7c6d5e4f3a2b1c"}]})

    error: ErrorBody
    request_id: str | None = Field(description="the same id as the X-Request-ID header and the log line of this "
                                               "request; quote it when reporting a problem")
