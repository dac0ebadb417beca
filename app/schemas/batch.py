from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from app.schemas.common import ErrorDetail, StrictModel


class BatchRequest(StrictModel):
    # Items are validated one by one in the service so that one bad record
    # is reported with its index instead of failing the whole request.
    items: list[dict[str, Any]] = Field(description="Records in the same shape as the single POST body.")


class BatchItemResult(BaseModel):
    index: int
    id: int
    external_id: str
    outcome: Literal["created", "updated", "unchanged"]
    findings: list[dict[str, Any]] = Field(default=[], description="screening findings (jobs only)")


class BatchItemError(BaseModel):
    index: int
    external_id: str | None
    errors: list[ErrorDetail]


class BatchResponse(BaseModel):
    created: int
    updated: int
    unchanged: int
    failed: int
    results: list[BatchItemResult]
    errors: list[BatchItemError]
