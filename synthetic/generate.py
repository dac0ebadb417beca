"""Realistic synthetic provincial data for demos, tests and benchmarks — deterministic by seed.

Jobs cover Shandong's ten strong industries (and some "other"), all 16 cities and all six
job types; graduates carry valid GB 11643 ids, real catalogue majors and skills drawn from
the same vocabulary as the jobs, so matching between the two has real signal. Everything is
drawn from ``random.Random(seed)`` walking fixed-order tuples: the same seed and count give
the same output on every machine, and nothing depends on the clock except ``today``.

Nothing here is real personal data. Names, ids and phone numbers are random but well-formed,
so they exercise validation without belonging to anyone.
"""
from __future__ import annotations

import datetime

from synthetic.graduates import ANCHOR_MAJORS, DEFAULT_TODAY, build_graduates
from synthetic.jobs import build_jobs
from synthetic.majors import MAJOR_DISCIPLINES

__all__ = [
    "ANCHOR_MAJORS",
    "DEFAULT_TODAY",
    "MAJOR_DISCIPLINES",
    "generate_graduates",
    "generate_jobs",
]


def generate_jobs(*, seed: int, count: int) -> list[dict]:
    """``count`` open job postings, ids demo-job-000001 upwards.

    Keys: external_id, title, description, employer_name, industry, city, education_min,
    majors, skills, salary_min, salary_max, job_type, headcount, priority_friendly,
    expires_at (ISO, +08:00, 2026-12 .. 2027-06), status.
    """
    return build_jobs(seed=seed, count=count)


def generate_graduates(
    *, seed: int, count: int, today: datetime.date | None = None
) -> list[dict]:
    """``count`` registered graduates, ids demo-grad-000001 upwards.

    ``today`` (default 2026-11-26) anchors registered_at, which falls in the 60 days
    before it. With count >= 30 the first three graduates are a nursing (护理学), a
    computer-science (计算机科学与技术) and an agronomy (农学) graduate, for demos.
    """
    return build_graduates(seed=seed, count=count, today=today or DEFAULT_TODAY)
