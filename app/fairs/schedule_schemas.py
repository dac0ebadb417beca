"""Pairing results, schedules and exports.

No model here has a field that says or implies who is a priority graduate: interview rows,
exports and unassigned lists are the same for every graduate. Aggregate P9 figures live in
PriorityCoverage, whose counts are filled for staff only (see app.fairs.views).
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from app.schemas.common import LocalTime, RecordId, StrictModel


class PairingRequest(StrictModel):
    mode: Literal["optimal", "stable"] = Field(
        default="optimal", description="optimal: coverage, then P9, then total score, with a proven bound; "
                                       "stable: graduate-proposing deferred acceptance")


class NotifyRequest(StrictModel):
    interview_ids: Annotated[list[RecordId], Field(min_length=1, max_length=20_000)]


class InterviewRow(BaseModel):
    id: int
    graduate_id: int
    graduate_external_id: str
    graduate_name: str
    booth_id: int
    employer_name: str
    booth_label: str | None
    job_id: int
    job_title: str
    slot_id: int
    slot_number: int
    start: LocalTime
    end: LocalTime
    score: float
    pinned: bool
    notified: bool


class Bound(BaseModel):
    """What the solver proved no schedule can beat (optimal mode)."""

    coverage: int
    total_score: float
    priority_units: int | None = Field(default=None, description="staff only")


class PriorityCoverage(BaseModel):
    """P9 in aggregate. Organisers get rates, suppressed when fewer than a handful of priority
    graduates are registered (a rate over one or two people would name them); staff get counts."""

    guaranteed_interviews: int
    suppressed: bool
    covered_rate: float | None = Field(default=None, description="share with at least one interview")
    reached_rate: float | None = Field(default=None, description="share with the guaranteed count")
    registered: int | None = Field(default=None, description="staff only")
    covered: int | None = Field(default=None, description="staff only")
    reached: int | None = Field(default=None, description="staff only")


class Unassigned(BaseModel):
    graduate_id: int
    reason: Literal["no_eligible_employer", "no_common_slot", "capacity", "not_active", "below_min_relevance"]


class BoothFill(BaseModel):
    booth_id: int
    employer_name: str
    interviews: int
    capacity: int
    fill_rate: float


class ScheduleRead(BaseModel):
    run_id: int
    fair_id: int
    mode: str
    locked: bool
    created_at: dt.datetime
    registered: int
    interviews: int
    coverage: int
    coverage_rate: float
    priority_coverage: PriorityCoverage
    total_score: float
    mean_score: float
    bound: Bound | None
    gap: float | None = Field(description="relative gap of total_score to bound.total_score; null when "
                                          "coverage or P9 fell short of their bound, or in stable mode")
    proven_optimal: bool
    blocking_pairs: int
    solve_seconds: float
    min_relevance: float | None = Field(description="the fair's minimum relevance this run applied; null for runs "
                                                    "made before the floor existed")
    refused_below_min_relevance: int = Field(description="eligible (graduate, booth) pairs left out because "
                                                         "their score was below min_relevance")
    unassigned: list[Unassigned]
    employer_fill: list[BoothFill]
    schedule: list[InterviewRow]


class ExportGraduate(BaseModel):
    external_id: str
    name: str
    school: str | None
    major: str
    education: str
    graduation_year: int


class EmployerInterview(BaseModel):
    slot_number: int
    start: LocalTime
    end: LocalTime
    job_id: int
    job_title: str
    score: float
    graduate: ExportGraduate


class EmployerList(BaseModel):
    booth_id: int
    employer_name: str
    booth_label: str | None
    interviews: list[EmployerInterview]


class EmployerExport(BaseModel):
    fair_id: int
    fair_name: str
    date: dt.date
    employers: list[EmployerList]


class TimetableEntry(BaseModel):
    slot_number: int
    start: LocalTime
    end: LocalTime
    employer_name: str
    booth_label: str | None
    job_title: str


class GraduateTimetable(BaseModel):
    graduate_id: int
    external_id: str
    name: str
    interviews: list[TimetableEntry]


class GraduateExport(BaseModel):
    fair_id: int
    fair_name: str
    date: dt.date
    graduates: list[GraduateTimetable]
