"""Bodies of the operational endpoints (/healthz, /readyz), as published in the OpenAPI document."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class Health(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})

    status: Literal["ok"]


class Readiness(BaseModel):
    """`revision` when ready; `reason` when not."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"status": "ready", "database": "reachable", "revision": "b36c107a8817"},
        {"status": "unavailable", "database": "reachable",
         "reason": "schema at revision 6a1f0c2d9e4b, expected b36c107a8817: run `jobmatch migrate`"},
    ]})

    status: Literal["ready", "unavailable"]
    database: Literal["reachable", "unreachable"]
    revision: str | None = None
    reason: str | None = None
