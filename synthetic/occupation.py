"""The shape of an occupation template from which synthetic postings are drawn."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.enums import Education, Industry, JobType


@dataclass(frozen=True, slots=True)
class EmployerKind:
    """How employers of one kind are named and how they describe themselves.

    ``naming`` says what goes before a suffix: "trade" = city + trade name ("潍坊" + "华拓" +
    "精密机械有限公司"); "county" = a district or county ("济南市历下区" + "民政局");
    "institute" = the suffixes are ignored and a research institute is named instead.
    A blurb completes "…是一家{blurb}" for trade names and "为{blurb}，…" otherwise.
    """

    suffixes: tuple[str, ...]
    blurbs: tuple[str, ...]
    naming: str = "trade"


@dataclass(frozen=True, slots=True)
class Occupation:
    """One occupation within an industry, with enough phrasing to write varied postings.

    ``salary`` is the range a bachelor's full-time salary_min is drawn from in a mid-wage
    city; the generator scales it by city, education and job type.
    """

    key: str
    industry: Industry
    titles: tuple[str, ...]
    skills: tuple[str, ...]
    majors: tuple[str, ...]
    education: tuple[Education, ...]
    salary: tuple[int, int]
    duties: tuple[str, ...]
    requirements: tuple[str, ...]
    employers: tuple[EmployerKind, ...]
    # Job types this occupation is posted as besides full-time and internship.
    extra_job_types: tuple[JobType, ...] = ()
    # Headcount range typical for one posting.
    headcount: tuple[int, int] = (1, 5)


def occupation(
    key: str,
    industry: Industry,
    *,
    titles: str,
    skills: str,
    majors: str,
    education: tuple[Education, ...],
    salary: tuple[int, int],
    duties: str,
    requirements: str,
    employers: tuple[EmployerKind, ...],
    extra_job_types: tuple[JobType, ...] = (),
    headcount: tuple[int, int] = (1, 5),
) -> Occupation:
    """Build an Occupation from compact text: comma-separated lists, one duty per line."""
    return Occupation(
        key=key,
        industry=industry,
        titles=_split(titles, ","),
        skills=_split(skills, ","),
        majors=_split(majors, ","),
        education=education,
        salary=salary,
        duties=_split(duties, "\n"),
        requirements=_split(requirements, "\n"),
        employers=employers,
        extra_job_types=extra_job_types,
        headcount=headcount,
    )


def _split(text: str, separator: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.strip().split(separator) if part.strip())


A = Education.ASSOCIATE
B = Education.BACHELOR
M = Education.MASTER
ANY = Education.NONE
FLEX = (JobType.FLEXIBLE,)
