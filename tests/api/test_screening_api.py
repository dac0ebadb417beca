"""P10 through the API: findings on create, held back from matching, staff decisions audited."""
from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import AuditEntry
from tests.conftest import Keys
from tests.factories import graduate_body, job_body

DISCRIMINATORY = "负责病房护理工作。限男性，已婚已育优先。要求护理专业，持护士执业资格证。"
NURSE = {"profile": {"major": "护理学", "education": "bachelor", "graduation_year": 2025, "skills": ["护士执业资格"]}}


def _match_ids(client: TestClient, keys: Keys) -> list[str]:
    body = client.post("/v1/match", json=NURSE, headers=keys.headers("platform")).json()
    return [row["external_id"] for row in body["results"]]


def test_blocked_posting_is_reported_and_never_matched_until_cleared(
        client: TestClient, keys: Keys, session: Session) -> None:
    poster = keys.headers("platform")
    created = client.post("/v1/jobs", json=job_body("bad", description=DISCRIMINATORY), headers=poster)
    assert created.status_code == 201
    body = created.json()
    assert body["screening_status"] == "blocked" and body["held_back"] is True
    categories = {finding["category"] for finding in body["findings"]}
    assert "discrimination" in categories
    gender = next(f for f in body["findings"] if f["severity"] == "block")
    assert gender["span"] in DISCRIMINATORY and gender["explanation"]
    client.post("/v1/jobs", json=job_body("good"), headers=poster)
    assert _match_ids(client, keys) == ["good"]

    client.post("/v1/graduates", json=graduate_body(preferred_job_types=[]), headers=keys.headers("staff"))
    held = client.get(f"/v1/jobs/{body['id']}/candidates", headers=poster)
    assert held.status_code == 409 and "screening" in held.json()["error"]["message"]
    assert client.get(f"/v1/jobs/{body['id']}/candidates", headers=keys.headers("staff")).status_code == 200
    assert "bad" not in _match_ids(client, keys)
    others_view = client.get("/v1/jobs", headers=keys.headers("other_platform")).json()["items"]
    assert [item["external_id"] for item in others_view] == ["good"]
    own_view = client.get("/v1/jobs", headers=poster).json()["items"]
    assert {item["external_id"] for item in own_view} == {"bad", "good"}

    staff = keys.headers("staff")
    flagged = client.get("/v1/screening/flagged", headers=staff).json()["items"]
    assert [item["external_id"] for item in flagged] == ["bad"]
    assert client.get("/v1/screening/flagged", headers=poster).status_code == 403
    cleared = client.post(f"/v1/jobs/{body['id']}/screening", json={"decision": "clear", "note": "核实为医院男护士病区"},
                          headers=staff)
    assert cleared.status_code == 200 and cleared.json()["held_back"] is False
    assert set(_match_ids(client, keys)) == {"bad", "good"}
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "screening_clear")).one()
    assert entry.record_id == body["id"] and entry.note == "核实为医院男护士病区" and entry.api_key_name == "test staff"


def test_confirm_keeps_it_held_and_an_edit_rescreens(client: TestClient, keys: Keys) -> None:
    staff = keys.headers("staff")
    job = client.post("/v1/jobs", json=job_body("bad", description=DISCRIMINATORY), headers=staff).json()
    confirmed = client.post(f"/v1/jobs/{job['id']}/screening", json={"decision": "confirm", "note": "性别歧视"},
                            headers=staff).json()
    assert confirmed["screening_status"] == "confirmed" and confirmed["held_back"] is True
    assert _match_ids(client, keys) == []
    fixed = client.patch(f"/v1/jobs/{job['id']}", json={"description": "负责病房护理工作，男女不限。要求护理专业，持护士执业资格证。"}, headers=staff)
    assert fixed.json()["screening_status"] == "clean" and fixed.json()["held_back"] is False
    assert _match_ids(client, keys) == ["bad"]


def test_negations_are_clean(client: TestClient, keys: Keys) -> None:
    text = "负责病房护理工作，不限性别，无需押金，公司承担体检费。要求护理专业，持护士执业资格证。"
    body = client.post("/v1/jobs", json=job_body("fine", description=text), headers=keys.headers("platform")).json()
    assert body["screening_status"] == "clean" and body["findings"] == []


def test_decision_needs_findings_and_a_note(client: TestClient, keys: Keys) -> None:
    staff = keys.headers("staff")
    job = client.post("/v1/jobs", json=job_body("clean"), headers=staff).json()
    assert client.post(f"/v1/jobs/{job['id']}/screening", json={"decision": "clear", "note": "好的"},
                       headers=staff).status_code == 409
    assert client.post(f"/v1/jobs/{job['id']}/screening", json={"decision": "clear"},
                       headers=staff).status_code == 422


def test_batch_items_carry_their_findings(client: TestClient, keys: Keys) -> None:
    items = [job_body("ok"), job_body("fee", description="入职需缴纳押金500元，负责病房护理工作。")]
    body = client.post("/v1/jobs/batch", json={"items": items}, headers=keys.headers("platform")).json()
    by_id = {item["external_id"]: item for item in body["results"]}
    assert by_id["ok"]["findings"] == []
    assert any(finding["category"] == "fraud" for finding in by_id["fee"]["findings"])
