"""Every operation, every role, fuzzed from the OpenAPI document (schemathesis, bounded).

Protects two promises at once: no request a caller can send gets a 5xx, and every response is one
the document declares — its status, content type, headers and body schema, error bodies (4xx)
included. The run is seeded and derandomised,
so a failure reproduces; a few examples per operation keep it to about a minute on SQLite.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.config import get_settings
from app.main import app
from app.matching.encoder import HashingEncoder
from app.matching.engine import MatchEngine
from app.services.runtime import ranking_settings
from tests.conftest import Keys, make_keys, serving
from tests.factories import graduate_body, job_body
from tests.fairs.conftest import FAIR_BODY

ROLES = ["admin", "staff", "organiser", "platform"]
CONFIG = {
    "seed": 20261130,
    "generation": {"max-examples": 4, "deterministic": True, "mode": "all"},
    # Coverage enumerates every boundary of every field: thousands of cases; the examples and the
    # fuzzing phases reach the same code with a bounded count.
    "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
}


def _seed(client: TestClient, keys: Keys) -> None:
    """Postings, graduates (one with hardship), a fair with slots, a booth, registrations, a pairing
    run and a service record, so that ids 1..3 resolve and the routes return real bodies."""
    staff = keys.headers("staff")
    jobs = []
    for index in range(3):
        # One posting without an industry: the suggestion path loads its classifier here, once,
        # rather than inside a fuzzed request's time limit.
        body = job_body(f"fuzz-job-{index}", industry=None) if index == 2 else job_body(f"fuzz-job-{index}")
        response = client.post("/v1/jobs", json=body, headers=staff)
        assert response.status_code == 201, response.text
        jobs.append(response.json()["id"])
    graduates = []
    for index in range(3):
        body = graduate_body(f"fuzz-grad-{index}", national_id=None, phone=None, birth_date=None,
                             hardship=["minimum_living"] if index == 0 else [], county=None,
                             expected_salary=None)
        response = client.post("/v1/graduates", json=body, headers=staff)
        assert response.status_code == 201, response.text
        graduates.append(response.json()["id"])
    organiser = keys.headers("organiser")
    fair = client.post("/v1/fairs", json=FAIR_BODY, headers=organiser).json()
    booth = {"job_ids": jobs[:1], "per_slot_capacity": 1, "total_capacity": 2}
    assert client.post(f"/v1/fairs/{fair['id']}/booths", json=booth, headers=organiser).status_code == 201
    items = [{"graduate_id": graduate} for graduate in graduates]
    response = client.post(f"/v1/fairs/{fair['id']}/registrations", json={"items": items}, headers=organiser)
    assert response.status_code == 201, response.text
    assert client.post(f"/v1/fairs/{fair['id']}/pairing", json={"mode": "stable"},
                       headers=organiser).status_code == 201
    service = {"kind": "job_recommendation", "channel": "phone", "outcome": "pending",
               "staff_name": "王芳", "job_ids": jobs[:1]}
    response = client.post(f"/v1/triage/graduates/{graduates[0]}/services", json=service, headers=staff)
    assert response.status_code == 201, response.text


# The document is static (no database behind /openapi.json), so it is loaded at import.
schema = schemathesis.openapi.from_dict(app.openapi(), config=schemathesis.Config.from_dict(CONFIG))
schema.app = app


@pytest.fixture(scope="module")
def seeded(engine: Engine) -> Iterator[Keys]:
    """One seeded database for the whole module, in a transaction rolled back at its end: seeding
    per operation and role would cost more than the fuzzing itself. Fuzzed writes pile up in it,
    as they would on a real server."""
    with engine.connect() as connection:
        transaction = connection.begin()
        session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
        match_engine = MatchEngine(encoder=HashingEncoder(), settings=ranking_settings(get_settings()))
        try:
            with serving(session, match_engine) as client:
                keys = make_keys(session)
                _seed(client, keys)
                yield keys
        finally:
            session.close()
            transaction.rollback()


@pytest.fixture(params=ROLES)
def role(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
@schema.parametrize()
@settings(max_examples=4, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_and_every_response_matches_the_published_schema(case: Any, role: str, seeded: Keys) -> None:
    case.call_and_validate(headers=seeded.headers(role),
                           checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                                   response_headers_conformance, response_schema_conformance])

