"""Role boundaries: 401 without a key, 403 for the wrong role, and no sensitive field
ever reaching a platform or organiser key on any route."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.main import app
from app.matching.engine import MatchEngine
from tests.conftest import Keys
from tests.fairs.runner import test_runner
from tests.factories import graduate_body, job_body, national_id

SENSITIVE_KEYS = {"national_id", "phone", "birth_date", "gender", "hardship", "has_hardship", "ethnicity",
                  "marital_status"}


def _keys_in(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for child in value.values() for key in _keys_in(child)}
    if isinstance(value, list):
        return {key for child in value for key in _keys_in(child)}
    return set()


def test_no_key_and_unknown_key_are_401(client: TestClient) -> None:
    assert client.get("/v1/jobs").status_code == 401
    response = client.get("/v1/jobs", headers={"X-API-Key": "jm_not-a-real-key"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthenticated"


def test_revoked_key_is_401(client: TestClient, keys: Keys, session) -> None:  # type: ignore[no-untyped-def]
    from app.services.keys import authenticate, revoke_key

    key = authenticate(session, plaintext=keys.platform)
    assert key is not None
    revoke_key(session, key_id=key.id)
    session.commit()
    assert client.get("/v1/jobs", headers=keys.headers("platform")).status_code == 401


@pytest.mark.parametrize(("role", "method", "path"), [
    ("organiser", "post", "/v1/jobs"),
    ("organiser", "post", "/v1/graduates"),
    ("platform", "get", "/v1/audit"),
    ("organiser", "get", "/v1/audit"),
])
def test_wrong_role_is_403(client: TestClient, keys: Keys, role: str, method: str, path: str) -> None:
    body = job_body() if path == "/v1/jobs" else graduate_body()
    response = client.request(method, path, json=body if method == "post" else None, headers=keys.headers(role))
    assert response.status_code == 403
    assert "role" in response.json()["error"]["message"]


def _example_body(path: str, index: int) -> Any:
    if path.startswith("/v1/jobs"):
        body: Any = job_body(f"walk-job-{index}")
    elif path.startswith("/v1/graduates"):
        body = graduate_body(f"walk-grad-{index}", national_id=national_id(sequence=f"{700 + index}"),
                             phone=f"1390000{index:04d}")
    else:
        return None
    return {"items": [body, {**body, "graduation_year": 1900}]} if path.endswith("/batch") else body


def _seed_fair(client: TestClient, keys: Keys, graduate_id: int, job_id: int,
               run_pairing: Callable[[], object]) -> dict[str, int]:
    """A fair with the hardship graduate registered, a schedule, a finished pairing run and a pin, so
    fair routes are walked with real content (their P9 handling included)."""
    organiser = keys.headers("organiser")
    fair = client.post("/v1/fairs", json={"name": "walk fair", "kind": "comprehensive", "city": "临沂",
                                          "date": "2026-12-01", "slots": [{"start": "09:00", "end": "09:30"}]},
                       headers=organiser).json()
    booth = client.post(f"/v1/fairs/{fair['id']}/booths", json={"job_ids": [job_id], "per_slot_capacity": 1,
                                                                "total_capacity": 1}, headers=organiser).json()
    client.post(f"/v1/fairs/{fair['id']}/registrations", json={"items": [{"graduate_id": graduate_id}]},
                headers=organiser)
    rule = client.post(f"/v1/fairs/{fair['id']}/pair-rules", json={"kind": "pin", "graduate_id": graduate_id,
                                                                  "booth_id": booth["id"]}, headers=organiser).json()
    client.post(f"/v1/fairs/{fair['id']}/pairing", headers=organiser)
    run = client.post(f"/v1/fairs/{fair['id']}/pairing-runs", headers=organiser).json()
    run_pairing()
    done = client.get(f"/v1/fairs/{fair['id']}/pairing-runs/{run['id']}", headers=organiser).json()
    assert done["state"] == "done" and done["schedule"]["interviews"] == 1
    return {"fair_id": fair["id"], "rule_id": rule["id"], "run_id": run["id"]}


@pytest.mark.parametrize("role", ["platform", "organiser"])
def test_every_route_is_free_of_sensitive_fields_for(client: TestClient, keys: Keys, role: str, session: Session,
                                                     session_factory: Callable[[], Session],
                                                     match_engine: MatchEngine) -> None:
    staff = keys.headers("staff")
    sensitive_id = national_id(sequence="999")
    grad = client.post("/v1/graduates", json=graduate_body("seed-grad", national_id=sensitive_id,
                                                           hardship=["poverty_registered"]), headers=staff).json()
    job = client.post("/v1/jobs", json=job_body("seed-job"), headers=staff).json()
    sensitive_values = [sensitive_id, "13805311234", "2001-03-15", "poverty_registered", "female"]
    ids = {"job_id": job["id"], "graduate_id": grad["id"], **_seed_fair(client, keys, grad["id"], job["id"], lambda: (
        test_runner(session_factory, match_engine).run_next(), session.expire_all()))}
    # Another source sends the same national_id: a suspected duplicate for staff, walked too.
    client.post("/v1/graduates", json=graduate_body("dup-grad", national_id=sensitive_id),
                headers=keys.headers("other_platform"))
    ids["duplicate_id"] = client.get("/v1/graduates/duplicates", headers=staff).json()["items"][0]["id"]
    walked = 0
    # Walk the OpenAPI document, so a route added later is covered without editing this test.
    for index, (template, operations) in enumerate(sorted(app.openapi()["paths"].items())):
        for method in sorted(operations):
            path = template.format(**ids)
            for params in ({}, {"unmasked": "true"}):
                response = client.request(method, path, params=params, json=_example_body(template, index),
                                          headers=keys.headers(role))
                walked += 1
                text = response.text
                try:
                    leaked = _keys_in(json.loads(text)) & SENSITIVE_KEYS
                except ValueError:
                    leaked = set()
                assert not leaked, (method, path, leaked)
                for value in sensitive_values:
                    assert value not in text, (method, path, value)
    assert walked >= 20
