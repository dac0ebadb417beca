"""A background pairing run as callers see it (POST/GET /v1/fairs/{id}/pairing-runs)."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from app.fairs.schedule_schemas import ScheduleRead

RunState = Literal["queued", "scoring", "solving", "done", "failed"]


class PairingProgress(BaseModel):
    phase: str | None = Field(description="loading, scoring, solving or saving while the run works; null otherwise")
    pairs_scored: int = Field(description="(graduate, booth) pairs scored so far")
    pairs_total: int = Field(description="(graduate, booth) pairs to score: registered graduates × booths")
    scored_fraction: float = Field(description="pairs_scored / pairs_total, 0 before scoring starts")


class PairingRunRead(BaseModel):
    id: int
    fair_id: int
    mode: str
    state: RunState = Field(description="queued → scoring → solving → done, or failed (see error)")
    progress: PairingProgress
    attempts: int = Field(description="times a server process took the run (a run left by a stopped process is "
                                      "queued again once)")
    error: str | None = Field(description="why the run failed, in plain words; or a note that it was re-queued")
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    poll_after_seconds: float | None = Field(description="a sensible wait before the next GET; null when finished")
    schedule: ScheduleRead | None = Field(description="when done: the schedule the run produced, as "
                                                      "GET /v1/fairs/{id}/schedule shows it to your role")
