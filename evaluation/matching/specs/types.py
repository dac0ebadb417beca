"""Shapes of the hand-written specs the evaluation set is generated from.

Specs hold only human judgement (texts, which occupation a posting is, who is
trained for what); everything mechanical (ids, sampling, grades) lives in
``build_set.py`` so the labels follow from written rules, not from hand edits.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.enums import Education, Industry, JobType

# Short aliases keep the spec tables readable; they are the enum members themselves.
IT = Industry.NEW_GEN_IT
EQUIP = Industry.HIGH_END_EQUIPMENT
ENERGY = Industry.NEW_ENERGY_MATERIALS
MARINE = Industry.MODERN_MARINE
HEALTH = Industry.MEDICAL_HEALTH
CHEM = Industry.HIGH_END_CHEMICAL
AGRI = Industry.MODERN_AGRICULTURE
CULTURE = Industry.CULTURAL_CREATIVE
TOUR = Industry.BOUTIQUE_TOURISM
FIN = Industry.MODERN_FINANCE
OTHER = Industry.OTHER

NONE = Education.NONE
ASSOC = Education.ASSOCIATE
BACH = Education.BACHELOR
MASTER = Education.MASTER
DOCTOR = Education.DOCTOR

FT = JobType.FULL_TIME
INTERN = JobType.INTERNSHIP
FLEX = JobType.FLEXIBLE
GRASS = JobType.GRASSROOTS
RA = JobType.RESEARCH_ASSISTANT
PW = JobType.PUBLIC_WELFARE


@dataclass(frozen=True)
class Employer:
    name: str
    city: str
    industry: Industry


@dataclass(frozen=True)
class Occupation:
    """One fine-grained occupation and the raw material for its postings.

    ``job_types`` has one entry per posting to generate, so the number of
    postings and their contract forms are decided here, by hand.
    """

    code: str
    name: str
    titles: tuple[str, ...]
    duties: tuple[str, ...]
    requirements: tuple[str, ...]
    skills: tuple[str, ...]
    majors: tuple[str, ...]
    employers: tuple[Employer, ...]
    education: tuple[Education, ...]
    salary: tuple[int, int]
    job_types: tuple[JobType, ...]
    related: tuple[str, ...]
    why_related: str
    # Grassroots, public-welfare or research posts are offered by other kinds
    # of employer (township governments, street offices, institutes) and are
    # named differently, so they get their own employers and titles.
    type_employers: dict[JobType, tuple[Employer, ...]] = field(default_factory=dict)
    type_titles: dict[JobType, tuple[str, ...]] = field(default_factory=dict)
    # Licensed professions (nurse, doctor, teacher…) never advertise "专业不限".
    licensed: bool = False


@dataclass(frozen=True)
class Profile:
    """One graduate, written by hand, with the occupations they are trained for.

    ``extra_related`` covers adjacent work that follows from this person's own
    skills or minor rather than from their target occupations' related sets.
    """

    major: str
    education: Education
    graduation_year: int
    skills: tuple[str, ...]
    intro: str
    preferred_cities: tuple[str, ...]
    preferred_industries: tuple[Industry, ...]
    preferred_job_types: tuple[JobType, ...]
    expected_salary: int
    current_city: str
    targets: tuple[str, ...]
    extra_related: tuple[str, ...] = ()
