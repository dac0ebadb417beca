"""Hard filters: a job that fails one is never shown, whatever its score.

P6: internships (就业见习) are open to graduates within 3 years of leaving school and to
youth aged 16–24. P10: postings held back by screening are never matched.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from app.domain.enums import EDUCATION_RANK, Education, JobType
from app.matching.documents import JobDoc, ProfileDoc

INTERNSHIP_YEARS_SINCE_GRADUATION = 3
INTERNSHIP_MIN_AGE = 16
INTERNSHIP_MAX_AGE = 24


@dataclass(frozen=True)
class MatchFilters:
    """Optional caller filters on top of the hard rules."""

    cities: frozenset[str] = frozenset()
    industries: frozenset[str] = frozenset()
    job_types: frozenset[str] = frozenset()
    salary_min: int | None = None
    education: str | None = None
    # Leave out postings asking more years of work experience than this; a posting that states
    # none is kept (absent is not "asks a lot").
    max_experience_years: float | None = None


def education_rank(value: str) -> int:
    return EDUCATION_RANK[Education(value)]


def age_on(birth_date: date, today: date) -> int:
    return today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))


def internship_eligible(profile: ProfileDoc, today: date) -> bool:
    # Graduation is taken as the summer of graduation_year, so "within 3 years" is by cohort year.
    if today.year - profile.graduation_year <= INTERNSHIP_YEARS_SINCE_GRADUATION:
        return True
    if profile.birth_date is not None:
        return INTERNSHIP_MIN_AGE <= age_on(profile.birth_date, today) <= INTERNSHIP_MAX_AGE
    return False


def job_is_live(job: JobDoc, now: datetime) -> bool:
    return job.status == "open" and not job.held_back and (job.expires_at is None or job.expires_at > now)


def passes_hard_filters(job: JobDoc, profile: ProfileDoc, *, now: datetime | None = None,
                        filters: MatchFilters | None = None) -> bool:
    now = now or datetime.now(UTC)
    if not job_is_live(job, now):
        return False
    if education_rank(profile.education) < education_rank(job.education_min):
        return False
    if job.job_type == JobType.INTERNSHIP and not internship_eligible(profile, now.date()):
        return False
    if profile.preferred_job_types and job.job_type not in profile.preferred_job_types \
            and not (profile.priority and job.job_type == JobType.PUBLIC_WELFARE):
        # A stated job-type preference is a filter (DESIGN: "job type wanted"); for a hardship
        # graduate public-welfare posts stay visible as the P8 floor, ranked by the policy step.
        return False
    return filters is None or _passes_caller_filters(job, filters)


def _passes_caller_filters(job: JobDoc, filters: MatchFilters) -> bool:
    if filters.cities and job.city not in filters.cities:
        return False
    if filters.industries and job.industry not in filters.industries:
        return False
    if filters.job_types and job.job_type not in filters.job_types:
        return False
    if filters.salary_min is not None and (job.salary_max is None or job.salary_max < filters.salary_min):
        return False
    if filters.max_experience_years is not None and job.experience_min_years is not None \
            and job.experience_min_years > filters.max_experience_years:
        return False
    return filters.education is None or education_rank(job.education_min) <= education_rank(filters.education)
