"""Synthetic graduate profiles: education → major → origin → school → identity → wishes."""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from synthetic.graduate_text import compose_intro
from synthetic.identity import chinese_name, mobile_number, national_id
from app.domain.timezone import CHINA_TZ
from synthetic.sampling import weighted_choice
from synthetic.majors import MAJORS_BY_NAME, UNDERGRADUATE_MAJORS, VOCATIONAL_MAJORS, MajorProfile
from synthetic.vocabulary import (
    CITY_WEIGHTS,
    OTHER_PROVINCE_WEIGHTS,
    OTHER_PROVINCES,
    SCHOOLS,
    SHANDONG_REGION_CODES,
    School,
)
from app.domain.enums import (
    EDUCATION_RANK,
    SHANDONG_CITIES,
    Education,
    EmploymentStatus,
    Gender,
    Hardship,
    Industry,
    JobType,
    RegistrationChannel,
)

DEFAULT_TODAY = date(2026, 11, 26)

# Majors every dataset of 30+ graduates contains, as demo-grad-000001..3, so that demos and
# tests can rely on a nursing, a computer-science and an agronomy graduate.
ANCHOR_MAJORS: tuple[tuple[str, Education], ...] = (
    ("护理学", Education.BACHELOR),
    ("计算机科学与技术", Education.BACHELOR),
    ("农学", Education.BACHELOR),
)
ANCHOR_MIN_COUNT = 30

_EDUCATION_WEIGHTS = (
    (Education.ASSOCIATE, 40), (Education.BACHELOR, 45), (Education.MASTER, 12), (Education.DOCTOR, 3),
)
_GRADUATION_YEAR_WEIGHTS = (
    (2026, 45), (2025, 30), (2024, 10), (2023, 6), (2022, 4), (2021, 3), (2020, 2),
)
# Typical age at graduation per level, with weights.
_GRADUATION_AGES: dict[Education, tuple[tuple[int, int], ...]] = {
    Education.ASSOCIATE: ((20, 15), (21, 50), (22, 25), (23, 10)),
    Education.BACHELOR: ((21, 10), (22, 55), (23, 28), (24, 7)),
    Education.MASTER: ((24, 30), (25, 45), (26, 18), (27, 7)),
    Education.DOCTOR: ((27, 15), (28, 30), (29, 25), (30, 18), (32, 12)),
}
# Share of women by major kind; gender never enters matching, this only keeps data plausible.
_FEMALE_SHARE: dict[str, float] = {
    "medical": 0.75, "normal": 0.8, "humanities": 0.65, "arts": 0.62, "finance": 0.6,
    "tourism": 0.65, "engineering": 0.3, "it": 0.35, "chemical": 0.4, "energy": 0.3,
    "marine": 0.35,
}
_HARDSHIP_WEIGHTS = (
    (Hardship.MINIMUM_LIVING, 35), (Hardship.POVERTY_REGISTERED, 30),
    (Hardship.ZERO_EMPLOYMENT_FAMILY, 20), (Hardship.DISABLED, 15),
)
_CHANNEL_WEIGHTS = (
    (RegistrationChannel.MINI_PROGRAM, 40), (RegistrationChannel.SCHOOL, 25),
    (RegistrationChannel.WALK_IN, 20), (RegistrationChannel.IMPORT, 15),
)
_EXPECTED_SALARY_RANGE: dict[Education, tuple[int, int]] = {
    Education.ASSOCIATE: (3500, 6000), Education.BACHELOR: (4500, 8000),
    Education.MASTER: (7000, 12000), Education.DOCTOR: (10000, 18000),
}
# Kinds whose catalogue majors a school of a broader kind also teaches.
_PARENT_KIND: dict[str, str] = {
    "it": "engineering", "energy": "engineering", "chemical": "engineering",
    "tourism": "finance", "public": "humanities", "science": "engineering",
}


def build_graduates(*, seed: int, count: int, today: date | None = None) -> list[dict]:
    rng = random.Random(seed)
    today = today or DEFAULT_TODAY
    taken_ids: set[str] = set()
    taken_phones: set[str] = set()
    graduates = []
    for index in range(count):
        anchor = ANCHOR_MAJORS[index] if count >= ANCHOR_MIN_COUNT and index < len(ANCHOR_MAJORS) else None
        graduates.append(_build_graduate(rng, index + 1, today, anchor, taken_ids, taken_phones))
    return graduates


def _build_graduate(
    rng: random.Random,
    number: int,
    today: date,
    anchor: tuple[str, Education] | None,
    taken_ids: set[str],
    taken_phones: set[str],
) -> dict:
    education = weighted_choice(rng, _EDUCATION_WEIGHTS)
    pool = VOCATIONAL_MAJORS if education is Education.ASSOCIATE else UNDERGRADUATE_MAJORS
    profile = rng.choice(pool)
    if anchor:
        profile, education = MAJORS_BY_NAME[anchor[0]], anchor[1]
    gender = Gender.FEMALE if rng.random() < _FEMALE_SHARE.get(profile.kind, 0.5) else Gender.MALE

    local = rng.random() < 0.8
    if local:
        hukou_province, home_city = "山东", weighted_choice(rng, tuple(CITY_WEIGHTS.items()))
        region_code = rng.choice(SHANDONG_REGION_CODES[home_city])
    else:
        province = rng.choices(OTHER_PROVINCES, weights=OTHER_PROVINCE_WEIGHTS)[0]
        hukou_province, home_city = province.name, province.capital
        region_code = rng.choice(province.region_codes)
    school = _school(rng, profile, education, None if local else hukou_province)

    graduation_year = weighted_choice(rng, _GRADUATION_YEAR_WEIGHTS)
    age = weighted_choice(rng, _GRADUATION_AGES[education])
    birth_date = date(graduation_year - age, 1, 1) + timedelta(days=rng.randrange(365))
    current_city = _current_city(rng, local, home_city, school)
    preferred_cities = _preferred_cities(rng, current_city)
    skills = _skills(rng, profile, education)
    hardship = _hardship(rng)
    status = EmploymentStatus.UNEMPLOYED if anchor else _employment_status(rng, graduation_year)
    registered_at = datetime.combine(today, time(0, 0), tzinfo=CHINA_TZ) - timedelta(
        days=rng.randint(1, 60)
    ) + timedelta(hours=rng.randint(8, 21), minutes=rng.randrange(60), seconds=rng.randrange(60))
    return {
        "external_id": f"demo-grad-{number:06d}",
        "name": chinese_name(rng=rng, gender=gender),
        "national_id": national_id(
            rng=rng, region_code=region_code, birth_date=birth_date, gender=gender, taken=taken_ids
        ),
        "phone": mobile_number(rng=rng, taken=taken_phones),
        "birth_date": birth_date.isoformat(),
        "gender": gender.value,
        "school": school.name,
        "major": profile.name,
        "education": education.value,
        "graduation_year": graduation_year,
        "hukou_province": hukou_province,
        "current_city": current_city,
        "preferred_cities": preferred_cities,
        "preferred_industries": [i.value for i in _preferred_industries(rng, profile)],
        "preferred_job_types": [
            t.value for t in _preferred_job_types(rng, education, graduation_year, today, hardship)
        ],
        "expected_salary": _expected_salary(rng, profile, education),
        "skills": skills,
        "intro": compose_intro(
            rng=rng, profile=profile, school=school.name, education=education,
            graduation_year=graduation_year, skills=skills,
            preferred_city=preferred_cities[0] if preferred_cities else None,
        ),
        "hardship": [h.value for h in hardship],
        "employment_status": status.value,
        "wants_job": _wants_job(rng, status),
        "registered_at": registered_at.isoformat(),
        "registration_channel": weighted_choice(rng, _CHANNEL_WEIGHTS).value,
    }


def _school(rng: random.Random, profile: MajorProfile, education: Education, province: str | None) -> School:
    """A school that teaches the major at this level, usually in the graduate's home province."""
    vocational = education is Education.ASSOCIATE
    kinds = {profile.kind, _PARENT_KIND.get(profile.kind, profile.kind), "综合"}
    fitting = [
        s for s in SCHOOLS
        if s.vocational == vocational
        and EDUCATION_RANK[Education(s.top_level)] >= EDUCATION_RANK[education]
        and kinds.intersection(s.kinds)
    ]
    if province is None:
        # Nine in ten Shandong natives studied in the province.
        in_shandong = rng.random() < 0.9
        preferred = [s for s in fitting if (s.province is None) == in_shandong]
    elif rng.random() < 0.55:
        preferred = [s for s in fitting if s.province == province]
    else:
        preferred = [s for s in fitting if s.province is None]
    return rng.choice(preferred or fitting)


def _current_city(rng: random.Random, local: bool, home_city: str, school: School) -> str:
    if local and rng.random() < 0.55:
        return home_city
    if school.province is None and rng.random() < 0.3:
        return school.city
    if not local and rng.random() < 0.15:
        return home_city  # still at home in another province, looking at Shandong jobs
    return weighted_choice(rng, tuple(CITY_WEIGHTS.items()))


def _preferred_cities(rng: random.Random, current_city: str) -> list[str]:
    wanted = weighted_choice(rng, ((0, 15), (1, 40), (2, 30), (3, 15)))
    cities: list[str] = []
    if wanted and current_city in SHANDONG_CITIES and rng.random() < 0.7:
        cities.append(current_city)
    while len(cities) < wanted:
        city = weighted_choice(rng, tuple(CITY_WEIGHTS.items()))
        if city not in cities:
            cities.append(city)
    return cities


def _preferred_industries(rng: random.Random, profile: MajorProfile) -> list[Industry]:
    wanted = weighted_choice(rng, ((0, 20), (1, 50), (2, 30)))
    chosen: list[Industry] = []
    for industry in profile.industries:
        if len(chosen) < wanted and industry is not Industry.OTHER:
            chosen.append(industry)
    while len(chosen) < wanted:
        industry = rng.choice(tuple(Industry))
        if industry not in chosen and industry is not Industry.OTHER:
            chosen.append(industry)
    return chosen


def _preferred_job_types(
    rng: random.Random, education: Education, graduation_year: int, today: date, hardship: list[Hardship]
) -> list[JobType]:
    wanted = weighted_choice(rng, ((0, 35), (1, 45), (2, 20)))
    weights = {
        JobType.FULL_TIME: 60, JobType.FLEXIBLE: 10, JobType.GRASSROOTS: 8,
        # 见习 is open to graduates within three years of leaving school (P6).
        JobType.INTERNSHIP: 12 if today.year - graduation_year <= 3 else 0,
        JobType.RESEARCH_ASSISTANT: 15 if EDUCATION_RANK[education] >= 3 else 3,
        JobType.PUBLIC_WELFARE: 30 if hardship else 2,
    }
    chosen: list[JobType] = []
    while len(chosen) < wanted:
        job_type = weighted_choice(rng, tuple(weights.items()))
        if job_type not in chosen:
            chosen.append(job_type)
    return chosen


def _skills(rng: random.Random, profile: MajorProfile, education: Education) -> list[str]:
    skills = rng.sample(profile.skills, rng.randint(min(2, len(profile.skills)), min(5, len(profile.skills))))
    if rng.random() < 0.3 and "Office办公" not in skills:
        skills.append("Office办公")
    if education is not Education.ASSOCIATE and rng.random() < 0.25:
        english = rng.choice(("英语四级", "英语六级"))
        if english not in skills:
            skills.append(english)
    return skills


def _expected_salary(rng: random.Random, profile: MajorProfile, education: Education) -> int | None:
    if rng.random() < 0.25:
        return None
    low, high = _EXPECTED_SALARY_RANGE[education]
    factor = 1.2 if Industry.NEW_GEN_IT in profile.industries else 1.0
    return int(round(rng.uniform(low, high) * factor / 500)) * 500


def _hardship(rng: random.Random) -> list[Hardship]:
    if rng.random() >= 0.05:
        return []
    first = weighted_choice(rng, _HARDSHIP_WEIGHTS)
    if rng.random() < 0.15:
        second = weighted_choice(rng, _HARDSHIP_WEIGHTS)
        if second is not first:
            return [first, second]
    return [first]


def _employment_status(rng: random.Random, graduation_year: int) -> EmploymentStatus:
    if graduation_year >= 2026:
        weights = ((EmploymentStatus.UNEMPLOYED, 80), (EmploymentStatus.EMPLOYED, 8),
                   (EmploymentStatus.FURTHER_STUDY, 6), (EmploymentStatus.NOT_SEEKING, 6))
    else:
        weights = ((EmploymentStatus.UNEMPLOYED, 70), (EmploymentStatus.EMPLOYED, 18),
                   (EmploymentStatus.FURTHER_STUDY, 4), (EmploymentStatus.NOT_SEEKING, 8))
    return weighted_choice(rng, weights)


def _wants_job(rng: random.Random, status: EmploymentStatus) -> bool:
    share = {
        EmploymentStatus.UNEMPLOYED: 0.95, EmploymentStatus.EMPLOYED: 0.35,
        EmploymentStatus.FURTHER_STUDY: 0.1, EmploymentStatus.NOT_SEEKING: 0.0,
    }[status]
    return rng.random() < share
