"""Valid request bodies to start tests from; each test changes only what it is about."""
from __future__ import annotations

from typing import Any

from app.domain.national_id import check_digit


def national_id(birth: str = "20010315", sequence: str = "123", region: str = "370102") -> str:
    first17 = region + birth + sequence
    return first17 + check_digit(first17)


def job_body(external_id: str = "job-1", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "external_id": external_id,
        "title": "护士",
        "description": "负责病房护理工作，执行医嘱，观察病情。要求护理专业，持护士执业资格证。",
        "employer_name": "临沂市人民医院",
        "industry": "medical_health",
        "city": "临沂",
        "education_min": "associate",
        "majors": ["护理"],
        "skills": ["护士执业资格", "静脉输液"],
        "salary_min": 4000,
        "salary_max": 6000,
        "job_type": "full_time",
        "headcount": 5,
        "priority_friendly": False,
        "expires_at": "2027-03-31T23:59:59+08:00",
    }
    body.update(overrides)
    return body


def graduate_body(external_id: str = "grad-1", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "external_id": external_id,
        "name": "张晓梅",
        "national_id": national_id(),
        "phone": "13805311234",
        "birth_date": "2001-03-15",
        "gender": "female",
        "school": "山东第一医科大学",
        "major": "护理学",
        "education": "bachelor",
        "graduation_year": 2025,
        "hukou_province": "山东",
        "current_city": "临沂",
        "preferred_cities": ["临沂", "济南"],
        "preferred_industries": ["medical_health"],
        "preferred_job_types": ["full_time"],
        "expected_salary": 5000,
        "skills": ["护士执业资格", "静脉输液"],
        "intro": "护理学本科毕业，已取得护士执业资格证，希望在临沂的医院工作。",
        "hardship": [],
        "employment_status": "unemployed",
        "wants_job": True,
        "registration_channel": "mini_program",
    }
    body.update(overrides)
    return body
