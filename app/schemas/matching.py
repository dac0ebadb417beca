"""Schemas of /v1/match, candidates, index status and feedback."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from app.domain.enums import Education, JobType
from app.schemas.common import (
    CityName,
    ExperienceYears,
    IndustryCode,
    RecordId,
    Relevance,
    Salary,
    StrictModel,
    UniqueList,
    WholeNumber,
)
from app.schemas.graduates import GraduateProfileFields, GraduateStaffRead

MAX_TOP_K = 100
TopK = Annotated[int, WholeNumber, Field(ge=1, le=MAX_TOP_K)]
MIN_SCORE_DESCRIPTION = (
    "relevance floor in [0, 1]: results whose relevance is below it are left out, so top_k is not filled with "
    "poor matches (fewer, or no, results may come back). Off when omitted, as before this field existed.")


class MatchFiltersIn(StrictModel):
    cities: Annotated[list[CityName], Field(max_length=50), UniqueList] = []
    industries: Annotated[list[IndustryCode], Field(max_length=11), UniqueList] = []
    job_types: Annotated[list[JobType], Field(max_length=6), UniqueList] = []
    salary_min: Salary | None = None
    education: Education | None = Field(default=None, description="only jobs requiring at most this level")
    max_experience_years: ExperienceYears | None = Field(
        default=None, description="only jobs asking at most this many years of work experience (0: jobs open to "
                                  "new graduates); jobs whose requirement is unknown are kept")


class ProfileIn(GraduateProfileFields):
    """An unsaved profile: only what matching uses. Nothing here is stored."""

    school: str | None = None


class MatchRequest(StrictModel):
    graduate_id: RecordId | None = None
    profile: ProfileIn | None = None
    top_k: TopK = 10
    filters: MatchFiltersIn = MatchFiltersIn()
    min_score: Relevance | None = Field(default=None, description=MIN_SCORE_DESCRIPTION)

    @model_validator(mode="after")
    def _one_subject(self) -> MatchRequest:
        if (self.graduate_id is None) == (self.profile is None):
            raise ValueError("graduate_id or profile: give exactly one of them")
        return self


class JobMatchOut(BaseModel):
    job_id: int
    external_id: str
    title: str
    employer_name: str
    city: str
    industry: str
    job_type: str
    score: float = Field(description="ranking score in [0, 1]")
    components: dict[str, float]
    matched_skills: list[str]
    missing_skills: list[str]
    reasons: list[str]


class MatchResponse(BaseModel):
    match_id: str = Field(description="quote it in /v1/feedback")
    model: str
    results: list[JobMatchOut]


class BatchMatchRequest(StrictModel):
    graduate_ids: Annotated[list[RecordId], Field(min_length=1, max_length=500)]
    top_k: TopK = 10
    filters: MatchFiltersIn = MatchFiltersIn()
    min_score: Relevance | None = Field(default=None, description=MIN_SCORE_DESCRIPTION)


class BatchMatchItem(BaseModel):
    graduate_id: int
    match_id: str | None = None
    results: list[JobMatchOut] = []
    error: str | None = None


class BatchMatchResponse(BaseModel):
    model: str
    items: list[BatchMatchItem]


class CandidateOut(BaseModel):
    """A graduate for a job. Platforms and organisers get the pseudonymous view only."""

    candidate_id: str = Field(description="pseudonymous id, stable per job and caller")
    major: str
    education: str
    school: str | None
    city: str | None
    skills: list[str]
    score: float
    matched_skills: list[str]
    missing_skills: list[str]
    reasons: list[str]
    # Staff only (absent for other roles):
    graduate: GraduateStaffRead | None = None
    components: dict[str, float] | None = None
    relevance: float | None = None
    priority_applied: bool | None = None


class CandidatesResponse(BaseModel):
    job_id: int
    model: str
    results: list[CandidateOut]


class PassStatus(BaseModel):
    """One embedding pass (title, graduate, body): see docs/operations.md#scale-out."""
    embedded: int
    pending: int
    rate_per_s: float = Field(description="records embedded per second over the last minute")
    eta_seconds: float | None = Field(description="seconds until nothing is pending at that rate; null while "
                                                  "the pass has work but made no progress in the last minute")


class IndexStatus(BaseModel):
    model: str
    embedded: int
    pending: int
    updated_at: datetime | None
    detail: dict[str, dict[str, int]]
    rate_per_s: float = Field(description="records embedded per second over the last minute, all passes")
    eta_seconds: float | None = Field(description="seconds until every pass is done (null: not estimable yet)")
    passes: dict[str, PassStatus] = Field(description="title (makes a posting matchable), graduate, body")
    indexed: dict[str, int] = Field(description="records in this API process's in-memory index")


FeedbackEvent = Literal["impression", "click", "apply", "interview", "hire", "dismiss"]


class FeedbackIn(StrictModel):
    match_id: str = Field(min_length=8, max_length=32)
    job_id: RecordId
    event: FeedbackEvent


class FeedbackOut(BaseModel):
    id: int
    match_id: str
    job_id: int
    event: str
    at: datetime
