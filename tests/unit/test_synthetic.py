"""The synthetic provincial dataset: deterministic, valid, and covering what demos rely on."""
from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from synthetic.jobs import ALL_OCCUPATIONS
from synthetic.majors import MAJORS_BY_NAME, UNDERGRADUATE_MAJORS, VOCATIONAL_MAJORS
from synthetic.generate import MAJOR_DISCIPLINES, generate_graduates, generate_jobs
from app.domain.enums import (
    SHANDONG_CITIES,
    Education,
    EmploymentStatus,
    Gender,
    Hardship,
    Industry,
    JobStatus,
    JobType,
    RegistrationChannel,
)
from app.domain.national_id import birth_date_of, validate_national_id

JOB_KEYS = {
    "external_id", "title", "description", "employer_name", "industry", "city", "education_min",
    "majors", "skills", "salary_min", "salary_max", "job_type", "headcount", "priority_friendly",
    "expires_at", "status",
}
GRADUATE_KEYS = {
    "external_id", "name", "national_id", "phone", "birth_date", "gender", "school", "major",
    "education", "graduation_year", "hukou_province", "current_city", "preferred_cities",
    "preferred_industries", "preferred_job_types", "expected_salary", "skills", "intro", "hardship",
    "employment_status", "wants_job", "registered_at", "registration_channel",
}
# Wording the posting screener (P10) flags; synthetic postings must never trip it.
DISCRIMINATORY_OR_FEE_WORDS = (
    "限男", "限女", "男性", "女性", "年龄", "岁以下", "已婚", "未婚", "户籍", "本地户口", "身高",
    "形象气质", "押金", "培训费", "服装费", "报名费", "体检费", "收费", "乙肝", "民族",
)
CATALOGUE = Path(__file__).resolve().parents[3] / "shared" / "data" / "taxonomies" / "undergrad_majors_flat.csv"


@pytest.fixture(scope="module")
def jobs() -> list[dict]:
    return generate_jobs(seed=42, count=600)


@pytest.fixture(scope="module")
def graduates() -> list[dict]:
    return generate_graduates(seed=42, count=2000)


def test_same_seed_gives_identical_output() -> None:
    assert generate_jobs(seed=7, count=150) == generate_jobs(seed=7, count=150)
    assert generate_graduates(seed=7, count=150) == generate_graduates(seed=7, count=150)


def test_different_seeds_differ() -> None:
    assert generate_jobs(seed=1, count=50) != generate_jobs(seed=2, count=50)
    assert generate_graduates(seed=1, count=50) != generate_graduates(seed=2, count=50)


def test_field_sets_are_exact(jobs: list[dict], graduates: list[dict]) -> None:
    assert all(set(job) == JOB_KEYS for job in jobs)
    assert all(set(graduate) == GRADUATE_KEYS for graduate in graduates)


def test_ids_are_sequential_and_unique(jobs: list[dict], graduates: list[dict]) -> None:
    assert [job["external_id"] for job in jobs[:2]] == ["demo-job-000001", "demo-job-000002"]
    assert graduates[-1]["external_id"] == "demo-grad-002000"
    assert len({g["national_id"] for g in graduates}) == len(graduates)
    assert len({g["phone"] for g in graduates}) == len(graduates)


def test_jobs_cover_every_industry_city_and_job_type(jobs: list[dict]) -> None:
    assert {job["industry"] for job in jobs} == {industry.value for industry in Industry}
    assert {job["city"] for job in jobs} == set(SHANDONG_CITIES)
    assert {job["job_type"] for job in jobs} == {job_type.value for job_type in JobType}


def test_job_type_mix_follows_the_brief() -> None:
    shares = Counter(job["job_type"] for job in generate_jobs(seed=5, count=3000))
    assert shares.most_common(1)[0][0] == JobType.FULL_TIME
    assert 0.07 < shares[JobType.INTERNSHIP] / 3000 < 0.13
    assert 0.01 < shares[JobType.PUBLIC_WELFARE] / 3000 < 0.05


def test_job_values_are_valid(jobs: list[dict]) -> None:
    for job in jobs:
        Industry(job["industry"])
        Education(job["education_min"])
        JobType(job["job_type"])
        assert job["status"] == JobStatus.OPEN
        assert 1 <= job["headcount"] <= 50
        assert 150 <= len(job["description"]) <= 600, job["description"]
        assert all(major in MAJOR_DISCIPLINES for major in job["majors"])
        assert job["skills"] and all(isinstance(skill, str) for skill in job["skills"])
        expires = datetime.fromisoformat(job["expires_at"])
        assert expires.utcoffset() == timedelta(hours=8)
        assert date(2026, 12, 1) <= expires.date() <= date(2027, 6, 30)


def test_salaries_are_ordered_and_believable(jobs: list[dict]) -> None:
    for job in jobs:
        low, high = job["salary_min"], job["salary_max"]
        if low is None or high is None:
            assert low is None and high is None and job["job_type"] == JobType.FLEXIBLE
            continue
        assert 1500 <= low <= high <= 25000
        if job["job_type"] == JobType.PUBLIC_WELFARE:
            assert high <= 3000


def test_postings_carry_no_discriminatory_or_fee_wording(jobs: list[dict]) -> None:
    for job in jobs:
        text = job["title"] + job["description"]
        assert not [word for word in DISCRIMINATORY_OR_FEE_WORDS if word in text], text


def test_national_ids_are_valid_and_consistent(graduates: list[dict]) -> None:
    for graduate in graduates:
        national_id = validate_national_id(graduate["national_id"])
        assert birth_date_of(national_id).isoformat() == graduate["birth_date"]
        male = int(national_id[16]) % 2 == 1
        assert male == (graduate["gender"] == Gender.MALE)
        assert national_id.startswith("37") == (graduate["hukou_province"] == "山东")


def test_graduate_values_are_valid(graduates: list[dict]) -> None:
    today = date(2026, 11, 26)
    for graduate in graduates:
        education = Education(graduate["education"])
        Gender(graduate["gender"])
        EmploymentStatus(graduate["employment_status"])
        RegistrationChannel(graduate["registration_channel"])
        assert all(Hardship(h) for h in graduate["hardship"])
        assert re.fullmatch(r"1[35789]\d{9}", graduate["phone"])
        assert 2020 <= graduate["graduation_year"] <= 2026
        profile = MAJORS_BY_NAME[graduate["major"]]
        pool = VOCATIONAL_MAJORS if education is Education.ASSOCIATE else UNDERGRADUATE_MAJORS
        assert profile.name in {p.name for p in pool}
        assert len(graduate["preferred_cities"]) <= 3
        assert set(graduate["preferred_cities"]) <= set(SHANDONG_CITIES)
        assert len(graduate["preferred_industries"]) <= 2
        assert all(Industry(i) for i in graduate["preferred_industries"])
        assert len(graduate["preferred_job_types"]) <= 2
        assert all(JobType(t) for t in graduate["preferred_job_types"])
        assert graduate["skills"] and graduate["intro"]
        registered = datetime.fromisoformat(graduate["registered_at"])
        assert registered.utcoffset() == timedelta(hours=8)
        assert today - timedelta(days=60) <= registered.date() < today


def test_education_mix_and_mini_program_share(graduates: list[dict]) -> None:
    education = Counter(g["education"] for g in graduates)
    assert 0.33 < education[Education.ASSOCIATE] / 2000 < 0.47
    assert 0.38 < education[Education.BACHELOR] / 2000 < 0.52
    channels = Counter(g["registration_channel"] for g in graduates)
    assert 0.33 < channels[RegistrationChannel.MINI_PROGRAM] / 2000 < 0.47
    local = sum(g["hukou_province"] == "山东" for g in graduates) / 2000
    assert 0.74 < local < 0.86


def test_hardship_share_is_small(graduates: list[dict]) -> None:
    share = sum(bool(g["hardship"]) for g in graduates) / len(graduates)
    assert 0.02 <= share <= 0.09


def test_anchor_majors_lead_any_dataset_of_thirty_or_more() -> None:
    majors = [g["major"] for g in generate_graduates(seed=99, count=30)]
    assert majors[:3] == ["护理学", "计算机科学与技术", "农学"]


def test_today_moves_registration_window() -> None:
    today = date(2027, 3, 1)
    for graduate in generate_graduates(seed=3, count=40, today=today):
        registered = datetime.fromisoformat(graduate["registered_at"]).date()
        assert today - timedelta(days=60) <= registered < today


def test_major_disciplines_are_exported() -> None:
    assert MAJOR_DISCIPLINES["护理学"] == "医学"
    assert MAJOR_DISCIPLINES["计算机科学与技术"] == "工学"
    assert MAJOR_DISCIPLINES["农学"] == "农学"
    assert MAJOR_DISCIPLINES["护理"] == "医药卫生大类"
    assert len(UNDERGRADUATE_MAJORS) >= 120


def test_graduate_skills_share_vocabulary_with_jobs() -> None:
    job_skills = {skill for occupation in ALL_OCCUPATIONS for skill in occupation.skills}
    for profile in UNDERGRADUATE_MAJORS + VOCATIONAL_MAJORS:
        assert set(profile.skills) <= job_skills, profile.name
        assert any(profile.name in occupation.majors for occupation in ALL_OCCUPATIONS), profile.name


def test_key_majors_map_onto_their_industries() -> None:
    wanted_by = {
        name: {o.industry for o in ALL_OCCUPATIONS if name in o.majors}
        for name in ("护理学", "计算机科学与技术", "农学")
    }
    assert wanted_by["护理学"] == {Industry.MEDICAL_HEALTH}
    assert Industry.NEW_GEN_IT in wanted_by["计算机科学与技术"]
    assert Industry.MODERN_AGRICULTURE in wanted_by["农学"]


@pytest.mark.skipif(not CATALOGUE.exists(), reason="shared undergraduate catalogue not present")
def test_undergraduate_majors_match_the_national_catalogue() -> None:
    with CATALOGUE.open(encoding="utf-8") as handle:
        catalogue = {row["专业名称"]: row["学科门类"] for row in csv.DictReader(handle)}
    for profile in UNDERGRADUATE_MAJORS:
        assert catalogue.get(profile.name) == profile.discipline, profile.name
