"""The two response-schema violations the OpenAPI fuzzing found, pinned down on both databases
(issue 9, "Done when"). Kept apart from test_openapi_fuzz.py, whose module-wide transaction would
hold SQLite's write lock while these run."""
from __future__ import annotations

import re

from fastapi.testclient import TestClient

from app.main import app
from tests.conftest import Keys
from tests.factories import graduate_body, job_body
from tests.fairs.conftest import FAIR_BODY


def test_staff_candidate_view_keeps_the_null_fields_its_schema_requires(client: TestClient, keys: Keys) -> None:
    staff = keys.headers("staff")
    job = client.post("/v1/jobs", json=job_body(), headers=staff).json()
    body = graduate_body(county=None, expected_salary=None, national_id=None, phone=None, birth_date=None)
    assert client.post("/v1/graduates", json=body, headers=staff).status_code == 201
    results = client.get(f"/v1/jobs/{job['id']}/candidates", headers=staff).json()["results"]
    assert results, "the graduate should be a candidate"
    nested = results[0]["graduate"]
    required = app.openapi()["components"]["schemas"]["GraduateStaffRead"]["required"]
    assert set(required) <= set(nested)
    assert nested["county"] is None and nested["expected_salary"] is None
    # Platforms still get no staff-only keys at all.
    platform_view = client.get(f"/v1/jobs/{job['id']}/candidates", headers=keys.headers("platform")).json()
    assert not {"graduate", "components", "relevance", "priority_applied"} & set(platform_view["results"][0])


def test_fair_slot_times_match_what_the_document_declares(client: TestClient, keys: Keys) -> None:
    fair = client.post("/v1/fairs", json=FAIR_BODY, headers=keys.headers("organiser")).json()
    declared = app.openapi()["components"]["schemas"]["SlotRead"]["properties"]["start"]
    assert declared.get("format") != "time"  # RFC 3339 full-time needs an offset the API does not send
    assert re.fullmatch(declared["pattern"], fair["slots"][0]["start"])
    assert fair["slots"][0]["start"] == "09:00:00"
