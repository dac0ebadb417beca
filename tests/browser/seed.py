"""The world the browser tests start from, written through the API of the running server (no
back door): graduates in two cities for the queue and the figures, nurse postings for a fair, and
one posting that screening blocks."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx

from tests.factories import graduate_body, job_body, national_id

CHINA = timezone(timedelta(hours=8))
QUEUE_CITY = "淄博"
SERVICE_CITY = "威海"
FAIR_CITY = "临沂"
HOSPITALS = ["临沂市人民医院", "临沂市中医医院", "兰山区人民医院"]
# 淄博: two counties, two cohorts, hardship groups and some already placed, so that every chart
# of the figures page has more than one bar and rates that differ.
QUEUE_GRADUATES: list[dict[str, Any]] = [
    {"county": "张店区", "graduation_year": 2025, "hardship": ["minimum_living"], "employment_status": "unemployed",
     "days_ago": 30},
    {"county": "张店区", "graduation_year": 2025, "hardship": [], "employment_status": "employed", "days_ago": 40},
    {"county": "张店区", "graduation_year": 2024, "hardship": ["disabled"], "employment_status": "unemployed",
     "days_ago": 20},
    {"county": "张店区", "graduation_year": 2024, "hardship": [], "employment_status": "further_study",
     "days_ago": 50},
    {"county": "淄川区", "graduation_year": 2025, "hardship": [], "employment_status": "unemployed", "days_ago": 25},
    {"county": "淄川区", "graduation_year": 2025, "hardship": ["minimum_living"], "employment_status": "employed",
     "days_ago": 60},
    {"county": "淄川区", "graduation_year": 2024, "hardship": [], "employment_status": "unemployed", "days_ago": 2},
    {"county": "淄川区", "graduation_year": 2024, "hardship": [], "employment_status": "unemployed", "days_ago": 1},
]
BLOCKED_DESCRIPTION = "招聘前台文员，限男性，入职需先交押金500元，负责接待来访客户。"


@dataclass
class World:
    url: str
    keys: dict[str, str]
    queue_graduates: list[int] = field(default_factory=list)
    service_graduate: int = 0
    fair_jobs: list[int] = field(default_factory=list)
    fair_graduates: list[str] = field(default_factory=list)  # external ids, for the registration sheet
    blocked_job: int = 0

    def headers(self, role: str) -> dict[str, str]:
        return {"X-API-Key": self.keys[role]}

    def get(self, path: str, role: str = "staff", **params: Any) -> Any:
        response = httpx.get(f"{self.url}{path}", params=params, headers=self.headers(role), timeout=30)
        assert response.status_code == 200, response.text
        return response.json()


def _post(world: World, path: str, body: dict[str, Any], role: str = "staff") -> dict[str, Any]:
    response = httpx.post(f"{world.url}{path}", json=body, headers=world.headers(role), timeout=30)
    assert response.status_code in (200, 201), response.text
    return dict(response.json())


def seed(url: str, keys: dict[str, str]) -> World:
    world = World(url=url, keys=keys)
    now = datetime.now(CHINA)
    for index, spec in enumerate(QUEUE_GRADUATES):
        body = graduate_body(f"zb-{index}", name=f"淄博学员{index}", national_id=national_id(sequence=f"{index:03d}"),
                             current_city=QUEUE_CITY, county=spec["county"], graduation_year=spec["graduation_year"],
                             hardship=spec["hardship"], employment_status=spec["employment_status"],
                             registered_at=(now - timedelta(days=spec["days_ago"])).isoformat())
        world.queue_graduates.append(_post(world, "/v1/graduates", body)["id"])
    world.service_graduate = _post(world, "/v1/graduates", graduate_body(
        "wh-0", name="威海学员", national_id=national_id(sequence="100"), current_city=SERVICE_CITY, county="环翠区",
        registered_at=now.isoformat()))["id"]
    for index, hospital in enumerate(HOSPITALS):
        world.fair_jobs.append(_post(world, "/v1/jobs", job_body(f"fair-job-{index}", employer_name=hospital))["id"])
    for index in range(5):
        _post(world, "/v1/graduates", graduate_body(f"ly-{index}", name=f"临沂学员{index}", current_city=FAIR_CITY,
                                                    national_id=national_id(sequence=f"{200 + index:03d}"),
                                                    registration_channel="walk_in"))
        world.fair_graduates.append(f"ly-{index}")
    blocked = _post(world, "/v1/jobs", job_body("blocked-1", title="前台文员", employer_name="某某商贸公司",
                                                description=BLOCKED_DESCRIPTION, majors=[], skills=[]))
    assert blocked["held_back"], blocked["findings"]
    world.blocked_job = blocked["id"]
    return world
