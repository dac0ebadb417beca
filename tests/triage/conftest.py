"""Triage test helpers: a fixed "today" (Thursday 2026-11-26, China time) and short calls for
registering graduates and recording services as staff do."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from app.api.deps import get_today
from app.main import app
from tests.conftest import Keys
from tests.factories import graduate_body, job_body

TODAY = date(2026, 11, 26)


@dataclass
class Desk:
    """One staff member's desk: the API with a staff key, on a fixed day."""

    client: TestClient
    keys: Keys

    @property
    def headers(self) -> dict[str, str]:
        return self.keys.headers("staff")

    def get(self, path: str, **params: Any) -> Response:
        return self.client.get(path, params=params, headers=self.headers)

    def send(self, method: str, path: str, body: dict[str, Any] | None = None) -> Response:
        return self.client.request(method, path, json=body, headers=self.headers)

    def graduate(self, external_id: str, **overrides: Any) -> int:
        body = graduate_body(external_id, national_id=None, phone=None, birth_date=None, **overrides)
        response = self.client.post("/v1/graduates", json=body, headers=self.headers)
        assert response.status_code == 201, response.text
        return int(response.json()["id"])

    def job(self, external_id: str, **overrides: Any) -> int:
        response = self.client.post("/v1/jobs", json=job_body(external_id, **overrides), headers=self.headers)
        assert response.status_code == 201, response.text
        return int(response.json()["id"])

    def service(self, graduate_id: int, kind: str, outcome: str, at: str, **extra: Any) -> Response:
        body = {"kind": kind, "channel": "phone", "outcome": outcome, "provided_at": at, "staff_name": "王芳", **extra}
        return self.send("POST", f"/v1/triage/graduates/{graduate_id}/services", body)

    def ok_service(self, graduate_id: int, kind: str, outcome: str, at: str, **extra: Any) -> dict[str, Any]:
        response = self.service(graduate_id, kind, outcome, at, **extra)
        assert response.status_code == 201, response.text
        return dict(response.json())

    def queue(self, **params: Any) -> dict[str, Any]:
        response = self.get("/v1/triage/queue", **params)
        assert response.status_code == 200, response.text
        return dict(response.json())


@pytest.fixture
def desk(client: TestClient, keys: Keys) -> Iterator[Desk]:
    app.dependency_overrides[get_today] = lambda: TODAY
    yield Desk(client=client, keys=keys)
    app.dependency_overrides.pop(get_today, None)
