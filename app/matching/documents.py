"""The slim, immutable views of jobs and graduates that the engine keeps in memory.

The database is the source of truth; these are rebuilt from it and hold only what ranking,
filtering and explanation need. Sensitive fields that must never move a score (gender,
ethnicity, marital status, hukou) are deliberately absent, so no scoring code can read them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class JobDoc:
    id: int
    external_id: str
    title: str
    employer_name: str
    description: str
    industry: str
    city: str
    education_min: str
    job_type: str
    majors: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    salary_min: int | None = None
    salary_max: int | None = None
    priority_friendly: bool = False
    status: str = "open"
    expires_at: datetime | None = None
    held_back: bool = False  # P10: blocked by screening until staff clear it
    # Years of work experience asked for (None: not stated) and whether the posting says it takes
    # new graduates ("应届生可投"); from the stored column, else read from the text and tags.
    experience_min_years: float | None = None
    open_to_new_grads: bool = False


@dataclass(frozen=True, slots=True)
class ProfileDoc:
    """What a graduate brings to matching. ``id`` is None for an unsaved profile."""

    major: str
    education: str
    graduation_year: int
    id: int | None = None
    external_id: str | None = None
    school: str | None = None
    birth_date: date | None = None  # only for the P6 age rule, never scored
    skills: tuple[str, ...] = ()
    intro: str = ""
    current_city: str | None = None
    preferred_cities: tuple[str, ...] = ()
    preferred_industries: tuple[str, ...] = ()
    preferred_job_types: tuple[str, ...] = ()
    expected_salary: int | None = None
    priority: bool = False  # P9 hardship group; only a boolean reaches the engine
    employment_status: str = "unemployed"
    work_experience_years: float = 0.0  # a fresh graduate has none
    extra: dict[str, str] = field(default_factory=dict)
