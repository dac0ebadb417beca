"""A small fair built through the API: nurse postings at several hospitals, nursing graduates."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import Keys
from tests.factories import graduate_body, job_body, national_id

HOSPITALS = ["临沂市人民医院", "临沂市中医医院", "兰山区人民医院", "罗庄区中心医院"]
FAIR_BODY: dict[str, Any] = {
    "name": "2026年临沂市医养健康专场招聘会", "kind": "special", "city": "临沂", "county": "兰山区",
    "date": "2026-12-05", "industry_focus": "医养健康",
    "slots": [{"start": "09:00", "end": "09:30"}, {"start": "09:30", "end": "10:00"},
              {"start": "10:00", "end": "10:30"}],
}


@dataclass
class FairWorld:
    client: TestClient
    keys: Keys
    jobs: list[int] = field(default_factory=list)
    graduates: list[int] = field(default_factory=list)
    fair: dict[str, Any] = field(default_factory=dict)

    def organiser(self) -> dict[str, str]:
        return self.keys.headers("organiser")

    @property
    def fair_id(self) -> int:
        return int(self.fair["id"])

    @property
    def slot_ids(self) -> list[int]:
        return [slot["id"] for slot in self.fair["slots"]]

    def add_graduate(self, index: int, **overrides: Any) -> int:
        body = graduate_body(f"fair-grad-{index}", name=f"毕业生{index:02d}",
                             national_id=national_id(sequence=f"{index:03d}"), **overrides)
        response = self.client.post("/v1/graduates", json=body, headers=self.keys.headers("staff"))
        assert response.status_code == 201, response.text
        self.graduates.append(response.json()["id"])
        return int(response.json()["id"])

    def add_booth(self, job_index: int, per_slot: int = 1, total: int = 2, **extra: Any) -> dict[str, Any]:
        body = {"job_ids": [self.jobs[job_index]], "per_slot_capacity": per_slot, "total_capacity": total, **extra}
        response = self.client.post(f"/v1/fairs/{self.fair_id}/booths", json=body, headers=self.organiser())
        assert response.status_code == 201, response.text
        return dict(response.json())

    def register(self, items: list[dict[str, Any]]) -> Any:
        return self.client.post(f"/v1/fairs/{self.fair_id}/registrations", json={"items": items},
                                headers=self.organiser())

    def pair(self, mode: str = "optimal", role: str = "organiser") -> Any:
        return self.client.post(f"/v1/fairs/{self.fair_id}/pairing", json={"mode": mode},
                                headers=self.keys.headers(role))

    def schedule(self, role: str = "organiser") -> dict[str, Any]:
        response = self.client.get(f"/v1/fairs/{self.fair_id}/schedule", headers=self.keys.headers(role))
        assert response.status_code == 200, response.text
        return dict(response.json())


@pytest.fixture
def world(client: TestClient, keys: Keys) -> FairWorld:
    """Four hospitals with a nurse posting each, a fair, and six nursing graduates (one a P9
    priority graduate); booths and registrations are left to each test."""
    state = FairWorld(client=client, keys=keys)
    for index, hospital in enumerate(HOSPITALS):
        response = client.post("/v1/jobs", json=job_body(f"fair-job-{index}", employer_name=hospital),
                               headers=keys.headers("staff"))
        assert response.status_code == 201, response.text
        state.jobs.append(response.json()["id"])
    for index in range(6):
        state.add_graduate(index, hardship=["minimum_living"] if index == 0 else [])
    response = client.post("/v1/fairs", json=FAIR_BODY, headers=keys.headers("organiser"))
    assert response.status_code == 201, response.text
    state.fair = response.json()
    return state
