"""Fairs, booths and registrations (P4): request and response bodies."""
from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from app.fairs.solver.floor import DEFAULT_MIN_RELEVANCE
from app.fairs.solver.problem import MAX_SLOTS
from app.schemas.common import (
    CityName,
    ExternalId,
    IndustryCode,
    IsoDate,
    IsoTime,
    LocalTime,
    ReadModel,
    RecordId,
    Relevance,
    ShortText,
    StrictModel,
    WholeNumber,
)

MAX_INTERVIEWS = 10
MAX_REGISTRATIONS_PER_CALL = 5000

Capacity = Annotated[int, WholeNumber, Field(ge=1, le=10_000)]
Interviews = Annotated[int, WholeNumber, Field(ge=1, le=MAX_INTERVIEWS)]
MIN_RELEVANCE_DESCRIPTION = (
    "pairs whose best job scores below this relevance are not scheduled by pairing (an organiser's pin still "
    "is); 0 turns the floor off")


class FairKind(StrEnum):
    COMPREHENSIVE = "comprehensive"  # 综合招聘会, monthly
    SPECIAL = "special"  # 专场招聘会, weekly
    CAMPUS = "campus"  # 校企对接
    LIVESTREAM = "livestream"  # 直播带岗


class SlotIn(StrictModel):
    start: IsoTime
    end: IsoTime

    @model_validator(mode="after")
    def _ends_after_start(self) -> SlotIn:
        if self.end <= self.start:
            raise ValueError("a slot must end after it starts")
        return self


class FairCreate(StrictModel):
    name: ShortText
    kind: FairKind
    city: CityName
    county: CityName | None = None
    date: IsoDate
    slots: Annotated[list[SlotIn], Field(min_length=1, max_length=MAX_SLOTS)]
    industry_focus: IndustryCode | None = None
    default_interviews: Interviews = 3
    interview_cap: Interviews = 5
    priority_interviews: Annotated[int, WholeNumber, Field(ge=0, le=MAX_INTERVIEWS,
                                              description="P9: interviews guaranteed to priority graduates "
                                                          "where the fair allows")] = 2
    min_relevance: Relevance = Field(default=DEFAULT_MIN_RELEVANCE, description=MIN_RELEVANCE_DESCRIPTION)

    @model_validator(mode="after")
    def _consistent(self) -> FairCreate:
        ordered = sorted(self.slots, key=lambda slot: slot.start)
        for before, after in zip(ordered, ordered[1:], strict=False):
            if after.start < before.end:
                raise ValueError("slots overlap: a graduate could be booked twice at one time")
        if self.default_interviews > self.interview_cap:
            raise ValueError("default_interviews exceeds interview_cap")
        if self.priority_interviews > self.interview_cap:
            raise ValueError("priority_interviews exceeds interview_cap")
        return self


class FairUpdate(StrictModel):
    """PATCH body. Takes effect at the next pairing run; the schedule in force is not recomputed."""

    min_relevance: Relevance = Field(description=MIN_RELEVANCE_DESCRIPTION)


class SlotRead(ReadModel):
    id: int
    number: int
    start: LocalTime = Field(validation_alias="starts_at")
    end: LocalTime = Field(validation_alias="ends_at")


class FairRead(ReadModel):
    id: int
    name: str
    kind: str
    city: str
    county: str | None
    date: dt.date = Field(validation_alias="fair_date")
    industry_focus: str | None
    default_interviews: int
    interview_cap: int
    priority_interviews: int
    min_relevance: float
    locked: bool
    current_run_id: int | None
    slots: list[SlotRead] = []
    booths: int = 0
    registrations: int = 0
    created_at: dt.datetime


class FairPage(ReadModel):
    items: list[FairRead]
    next_after: int | None


class BoothCreate(StrictModel):
    employer_name: ShortText | None = Field(default=None, description="defaults to the jobs' employer")
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)] | None = None
    job_ids: Annotated[list[RecordId], Field(min_length=1, max_length=50)]
    per_slot_capacity: Capacity
    total_capacity: Capacity
    slot_ids: Annotated[list[RecordId], Field(min_length=1, max_length=MAX_SLOTS)] | None = Field(
        default=None, description="slots the booth is staffed; every slot of the fair when omitted")


class BoothRead(ReadModel):
    id: int
    fair_id: int
    employer_name: str
    label: str | None
    job_ids: list[int]
    slot_ids: list[int] | None
    per_slot_capacity: int
    total_capacity: int


class RegistrationIn(StrictModel):
    graduate_id: RecordId | None = None
    external_id: ExternalId | None = None
    slot_ids: Annotated[list[RecordId], Field(min_length=1, max_length=MAX_SLOTS)] | None = Field(
        default=None, description="slots the graduate can attend; every slot when omitted")
    wanted_interviews: Interviews | None = Field(default=None, description="the fair's default when omitted")

    @model_validator(mode="after")
    def _one_identity(self) -> RegistrationIn:
        if (self.graduate_id is None) == (self.external_id is None):
            raise ValueError("give exactly one of graduate_id and external_id")
        return self


class RegistrationBatch(StrictModel):
    items: Annotated[list[RegistrationIn], Field(min_length=1, max_length=MAX_REGISTRATIONS_PER_CALL)]


class RegistrationRead(ReadModel):
    id: int
    graduate_id: int
    external_id: str
    name: str
    slot_ids: list[int]
    wanted_interviews: int
    registered_at: dt.datetime


class RegistrationList(ReadModel):
    items: list[RegistrationRead]


class PairRuleCreate(StrictModel):
    kind: Literal["pin", "forbid"]
    graduate_id: RecordId
    booth_id: RecordId
    slot_id: RecordId | None = Field(default=None, description="pin only: the slot; chosen when omitted")

    @model_validator(mode="after")
    def _slot_only_for_pins(self) -> PairRuleCreate:
        if self.kind == "forbid" and self.slot_id is not None:
            raise ValueError("a forbidden pair has no slot")
        return self


class PairRuleRead(ReadModel):
    id: int
    kind: str
    graduate_id: int
    booth_id: int
    slot_id: int | None
    job_id: int | None
    created_at: dt.datetime


class PairRuleList(ReadModel):
    items: list[PairRuleRead]
