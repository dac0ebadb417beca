"""Synthetic job postings: job type → occupation → employer, city, requirements, pay, text."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from synthetic.job_text import PostingFacts, compose_description, compose_title
from synthetic.majors import MAJORS_BY_NAME
from synthetic.occupation import EmployerKind, Occupation
from synthetic.occupations_agriculture import AGRICULTURE_OCCUPATIONS
from synthetic.occupations_culture import CULTURE_OCCUPATIONS
from synthetic.occupations_it import IT_OCCUPATIONS
from synthetic.occupations_manufacturing import MANUFACTURING_OCCUPATIONS
from synthetic.occupations_marine_chemical import MARINE_CHEMICAL_OCCUPATIONS
from synthetic.occupations_services import SERVICE_OCCUPATIONS
from app.domain.timezone import CHINA_TZ
from synthetic.sampling import round_to, weighted_choice
from synthetic.public_posts import (
    GRASSROOTS_OCCUPATIONS,
    RESEARCH_INSTITUTES,
    RESEARCH_OCCUPATIONS,
    WELFARE_OCCUPATIONS,
)
from synthetic.vocabulary import (
    CITY_SALARY_FACTOR,
    CITY_WEIGHTS,
    COUNTIES,
    DEFAULT_CITY_SALARY_FACTOR,
    TRADE_NAMES,
)
from app.domain.enums import EDUCATION_RANK, SHANDONG_CITIES, Education, Industry, JobStatus, JobType

_EXPIRY_START = datetime(2026, 12, 1, tzinfo=CHINA_TZ)
_EXPIRY_DAYS = 211  # through 2027-06-30

REGULAR_OCCUPATIONS: tuple[Occupation, ...] = (
    IT_OCCUPATIONS + MANUFACTURING_OCCUPATIONS + MARINE_CHEMICAL_OCCUPATIONS
    + AGRICULTURE_OCCUPATIONS + SERVICE_OCCUPATIONS + CULTURE_OCCUPATIONS
)
ALL_OCCUPATIONS: tuple[Occupation, ...] = (
    REGULAR_OCCUPATIONS + GRASSROOTS_OCCUPATIONS + RESEARCH_OCCUPATIONS + WELFARE_OCCUPATIONS
)

# Shares asked for by the demo brief; full-time takes the rest.
_JOB_TYPE_WEIGHTS: tuple[tuple[JobType, int], ...] = (
    (JobType.FULL_TIME, 71), (JobType.INTERNSHIP, 10), (JobType.FLEXIBLE, 8),
    (JobType.GRASSROOTS, 5), (JobType.RESEARCH_ASSISTANT, 3), (JobType.PUBLIC_WELFARE, 3),
)
# Ten strong industries about equally, "other" occasionally.
_INDUSTRY_WEIGHTS: dict[Industry, int] = {
    industry: (3 if industry is Industry.OTHER else 10) for industry in Industry
}
_BY_INDUSTRY: dict[Industry, tuple[Occupation, ...]] = {
    industry: tuple(o for o in REGULAR_OCCUPATIONS if o.industry is industry) for industry in Industry
}
_FLEXIBLE_OCCUPATIONS = tuple(o for o in REGULAR_OCCUPATIONS if JobType.FLEXIBLE in o.extra_job_types)

# Where each industry concentrates: marine work only on the coast, chemicals in the
# Zibo–Dongying–Binzhou–Weifang belt, farming in the plains, tourism around the sights.
_COASTAL = ("青岛", "烟台", "威海", "日照", "东营", "潍坊", "滨州")
_CITY_BOOSTS: dict[Industry, dict[str, int]] = {
    Industry.HIGH_END_CHEMICAL: {"淄博": 3, "东营": 3, "滨州": 3, "潍坊": 2},
    Industry.MODERN_AGRICULTURE: {"潍坊": 3, "菏泽": 2, "德州": 2, "聊城": 2, "临沂": 2},
    Industry.BOUTIQUE_TOURISM: {"泰安": 3, "济宁": 3, "威海": 2, "烟台": 2},
    Industry.HIGH_END_EQUIPMENT: {"潍坊": 2, "烟台": 2, "淄博": 2},
}

_EDUCATION_PAY_FACTOR: dict[Education, float] = {
    Education.NONE: 0.85, Education.ASSOCIATE: 0.88, Education.BACHELOR: 1.0,
    Education.MASTER: 1.3, Education.DOCTOR: 1.6,
}
_SALARY_CEILING_MIN = 18000
_SALARY_CEILING_MAX = 25000
_PRIORITY_FRIENDLY_SHARE: dict[JobType, float] = {
    JobType.PUBLIC_WELFARE: 0.75, JobType.GRASSROOTS: 0.25, JobType.INTERNSHIP: 0.12,
}


def build_jobs(*, seed: int, count: int) -> list[dict]:
    rng = random.Random(seed)
    return [_build_job(rng, number) for number in range(1, count + 1)]


def _build_job(rng: random.Random, number: int) -> dict:
    job_type = weighted_choice(rng, _JOB_TYPE_WEIGHTS)
    occupation = _pick_occupation(rng, job_type)
    kind = rng.choice(occupation.employers)
    employer_name, city, county = _employer_and_place(rng, occupation, kind)
    education = rng.choice(occupation.education)
    if job_type is JobType.FLEXIBLE and rng.random() < 0.3:
        education = Education.NONE
    if job_type is JobType.INTERNSHIP and EDUCATION_RANK[education] > EDUCATION_RANK[Education.BACHELOR]:
        education = Education.BACHELOR  # 见习 posts take fresh graduates of any level up to bachelor
    headcount = _headcount(rng, occupation)
    majors = _majors(rng, occupation, education, job_type)
    pool_size = len(occupation.skills)
    skills = tuple(rng.sample(occupation.skills, rng.randint(min(2, pool_size), min(5, pool_size))))
    title = compose_title(rng=rng, occupation=occupation, job_type=job_type)
    facts = PostingFacts(
        occupation=occupation, employer_kind=kind, title=title, employer_name=employer_name,
        city=city, county=county, job_type=job_type, education_min=education, majors=majors,
        skills=skills, headcount=headcount,
    )
    salary_min, salary_max = _salary(rng, occupation, job_type, education, city)
    expires = _EXPIRY_START + timedelta(days=rng.randrange(_EXPIRY_DAYS))
    expires = expires.replace(hour=rng.choice((17, 18, 23)), minute=59 if rng.random() < 0.5 else 0)
    return {
        "external_id": f"demo-job-{number:06d}",
        "title": title,
        "description": compose_description(rng=rng, facts=facts),
        "employer_name": employer_name,
        "industry": occupation.industry.value,
        "city": city,
        "education_min": education.value,
        "majors": list(majors),
        "skills": list(skills),
        "salary_min": salary_min,
        "salary_max": salary_max,
        "job_type": job_type.value,
        "headcount": headcount,
        "priority_friendly": rng.random() < _PRIORITY_FRIENDLY_SHARE.get(job_type, 0.07),
        "expires_at": expires.isoformat(),
        "status": JobStatus.OPEN.value,
    }


def _pick_occupation(rng: random.Random, job_type: JobType) -> Occupation:
    if job_type is JobType.GRASSROOTS:
        return rng.choice(GRASSROOTS_OCCUPATIONS)
    if job_type is JobType.RESEARCH_ASSISTANT:
        return rng.choice(RESEARCH_OCCUPATIONS)
    if job_type is JobType.PUBLIC_WELFARE:
        return rng.choice(WELFARE_OCCUPATIONS)
    if job_type is JobType.FLEXIBLE:
        return rng.choice(_FLEXIBLE_OCCUPATIONS)
    industry = weighted_choice(rng, tuple(_INDUSTRY_WEIGHTS.items()))
    return rng.choice(_BY_INDUSTRY[industry])


def _employer_and_place(
    rng: random.Random, occupation: Occupation, kind: EmployerKind
) -> tuple[str, str, str]:
    """Employer name, city and district/county of the workplace."""
    if kind.naming == "institute":
        institute = rng.choice(
            [i for i in RESEARCH_INSTITUTES if occupation.industry in i.industries]
        )
        return institute.name, institute.city, rng.choice(COUNTIES[institute.city])
    city = _city_for(rng, occupation.industry)
    county = rng.choice(COUNTIES[city])
    suffix = rng.choice(kind.suffixes)
    if kind.naming == "county":
        # County-level cities (寿光市) name their own agencies; districts go under the city.
        prefix = county if county.endswith("市") else f"{city}市{county}"
        return prefix + suffix, city, county
    # Province-wide firms often register as 山东…; keep the city for most.
    region = "山东" if rng.random() < 0.25 else city
    return region + rng.choice(TRADE_NAMES) + suffix, city, county


def _city_for(rng: random.Random, industry: Industry) -> str:
    boosts = _CITY_BOOSTS.get(industry, {})
    cities = _COASTAL if industry is Industry.MODERN_MARINE else SHANDONG_CITIES
    weighted = tuple((city, CITY_WEIGHTS[city] * boosts.get(city, 1)) for city in cities)
    return weighted_choice(rng, weighted)


def _headcount(rng: random.Random, occupation: Occupation) -> int:
    low, high = occupation.headcount
    # Squaring skews towards small postings: most employers want a handful of people.
    return max(1, min(50, low + int((high - low + 1) * rng.random() ** 2)))


def _majors(
    rng: random.Random, occupation: Occupation, education: Education, job_type: JobType
) -> tuple[str, ...]:
    if not occupation.majors:
        return ()
    empty_share = {JobType.FLEXIBLE: 0.5, JobType.PUBLIC_WELFARE: 0.9}.get(job_type, 0.12)
    if rng.random() < empty_share:
        return ()
    pool = occupation.majors
    if education not in (Education.NONE, Education.ASSOCIATE):
        # Bachelor-and-above posts name catalogue majors, not vocational ones.
        pool = tuple(name for name in pool if not MAJORS_BY_NAME[name].vocational)
    return tuple(rng.sample(pool, min(len(pool), rng.randint(1, 3))))


def _salary(
    rng: random.Random, occupation: Occupation, job_type: JobType, education: Education, city: str
) -> tuple[int | None, int | None]:
    if job_type is JobType.PUBLIC_WELFARE:
        low = rng.choice((2100, 2200, 2300, 2400, 2500))
        return low, low + rng.choice((0, 200, 300, 500))
    if job_type is JobType.INTERNSHIP:
        low = round_to(rng.uniform(2000, 3200), 100)
        return low, low + round_to(rng.uniform(0, 1500), 100)
    if job_type is JobType.FLEXIBLE and rng.random() < 0.4:
        return None, None  # paid per piece or per hour; no monthly figure
    city_factor = CITY_SALARY_FACTOR.get(city, DEFAULT_CITY_SALARY_FACTOR)
    base = rng.uniform(*occupation.salary) * city_factor * _EDUCATION_PAY_FACTOR[education]
    spread = rng.uniform(1.1, 1.4) if job_type is JobType.GRASSROOTS else rng.uniform(1.25, 1.8)
    # Clamp so that even a doctor's post in Qingdao stays within graduate pay in Shandong.
    low = min(_SALARY_CEILING_MIN, max(2500, round_to(base, 500)))
    return low, min(_SALARY_CEILING_MAX, max(low, round_to(base * spread, 500)))
