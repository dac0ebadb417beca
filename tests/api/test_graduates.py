"""Graduate registry: validation rules, upsert, withdrawal, masking and audit."""
from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import AuditEntry, Graduate
from tests.conftest import Keys
from tests.factories import graduate_body, national_id


def _fields(response) -> set[str]:  # type: ignore[no-untyped-def]
    return {detail["field"] for detail in response.json()["error"]["details"]}


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Graduate)) or 0


def test_upsert_is_idempotent(client: TestClient, keys: Keys, session: Session) -> None:
    headers = keys.headers("staff")
    first = client.post("/v1/graduates", json=graduate_body(), headers=headers)
    assert first.status_code == 201, first.text
    again = client.post("/v1/graduates", json=graduate_body(), headers=headers)
    assert again.status_code == 200 and again.headers["X-Upsert-Outcome"] == "unchanged"
    assert _count(session) == 1


def test_validation_rules(client: TestClient, keys: Keys, session: Session) -> None:
    headers = keys.headers("staff")
    bad_check_digit = national_id()[:-1] + ("0" if national_id()[-1] != "0" else "1")
    cases = {
        "national_id": graduate_body(national_id=bad_check_digit),
        "graduation_year": graduate_body(graduation_year=1980),
        "birth_date": graduate_body(birth_date="2020-01-01", national_id=None),
        "phone": graduate_body(phone="12345"),
        "education": graduate_body(education="phd"),
        "hardship": graduate_body(hardship=["rich"]),
        "employment_status": graduate_body(employment_status="retired"),
        "preferred_industries": graduate_body(preferred_industries=["steel"]),
        "intro": graduate_body(intro="字" * 2001),
        "registration_channel": graduate_body(registration_channel="fax"),
    }
    for field, body in cases.items():
        response = client.post("/v1/graduates", json=body, headers=headers)
        assert response.status_code == 422, field
        assert any(name.startswith(field) for name in _fields(response)), (field, response.json())
    mismatch = client.post("/v1/graduates", json=graduate_body(birth_date="2001-03-16"), headers=headers)
    assert mismatch.status_code == 422 and "birth_date" in _fields(mismatch)
    assert _count(session) == 0


def test_error_bodies_never_echo_the_submitted_id(client: TestClient, keys: Keys) -> None:
    bad = national_id()[:-1] + ("0" if national_id()[-1] != "0" else "1")
    response = client.post("/v1/graduates", json=graduate_body(national_id=bad), headers=keys.headers("platform"))
    assert response.status_code == 422
    assert bad not in response.text and "13805311234" not in response.text


def test_same_national_id_under_two_external_ids_is_refused(client: TestClient, keys: Keys) -> None:
    headers = keys.headers("staff")
    client.post("/v1/graduates", json=graduate_body("g1"), headers=headers)
    clash = client.post("/v1/graduates", json=graduate_body("g2"), headers=headers)
    assert clash.status_code == 422 and "national_id" in _fields(clash)


def test_staff_see_masked_ids_and_unmasking_is_audited(client: TestClient, keys: Keys, session: Session) -> None:
    headers = keys.headers("staff")
    created = client.post("/v1/graduates", json=graduate_body(), headers=headers).json()
    assert created["national_id"] != national_id() and created["national_id"].endswith(national_id()[-4:])
    assert created["phone"] == "138****1234" and created["masked"] is True
    full = client.get(f"/v1/graduates/{created['id']}", params={"unmasked": "true"}, headers=headers)
    assert full.json()["national_id"] == national_id() and full.json()["masked"] is False
    audit = client.get("/v1/audit", params={"record_id": created["id"]}, headers=headers).json()["items"]
    assert audit[0]["action"] == "read_graduate_unmasked"
    assert set(audit[0]["fields"]) == {"national_id", "phone"}
    assert audit[0]["api_key_name"] == "test staff"


def test_the_reason_for_unmasking_is_kept_in_the_audit_entry(client: TestClient, keys: Keys) -> None:
    headers = keys.headers("staff")
    created = client.post("/v1/graduates", json=graduate_body(), headers=headers).json()
    client.get(f"/v1/graduates/{created['id']}", params={"unmasked": "true", "reason": "电话联系毕业生"},
               headers=headers)
    client.get(f"/v1/graduates/{created['id']}", params={"reason": "ignored when masked"}, headers=headers)
    audit = client.get("/v1/audit", params={"record_id": created["id"]}, headers=headers).json()["items"]
    assert [(entry["action"], entry["note"]) for entry in audit if entry["action"] == "read_graduate_unmasked"] == \
        [("read_graduate_unmasked", "电话联系毕业生")]


def test_reading_a_hardship_record_is_audited(client: TestClient, keys: Keys, session: Session) -> None:
    headers = keys.headers("staff")
    grad = client.post("/v1/graduates", json=graduate_body(hardship=["disabled"]), headers=headers).json()
    assert grad["hardship"] == ["disabled"]
    client.get(f"/v1/graduates/{grad['id']}", headers=headers)
    client.get("/v1/graduates", params={"hardship": "disabled"}, headers=headers)
    actions = session.scalars(select(AuditEntry.action).where(AuditEntry.record_id == grad["id"])).all()
    # The write's answer shows the hardship field too (a PATCH of nothing would otherwise be an
    # unaudited read), so it is audited like the reads.
    assert sorted(actions) == ["list_graduates", "read_graduate", "write_graduate"]


def test_platform_cannot_set_hardship_or_unmask(client: TestClient, keys: Keys, session: Session) -> None:
    headers = keys.headers("platform")
    refused = client.post("/v1/graduates", json=graduate_body(hardship=["minimum_living"]), headers=headers)
    assert refused.status_code == 403 and "hardship" in _fields(refused)
    grad_id = client.post("/v1/graduates", json=graduate_body(), headers=headers).json()["id"]
    assert client.get(f"/v1/graduates/{grad_id}", params={"unmasked": "true"}, headers=headers).status_code == 403
    assert client.get("/v1/graduates", params={"hardship": "disabled"}, headers=headers).status_code == 403


def test_platform_resend_keeps_staff_recorded_hardship(client: TestClient, keys: Keys, session: Session) -> None:
    grad_id = client.post("/v1/graduates", json=graduate_body(), headers=keys.headers("platform")).json()["id"]
    client.patch(f"/v1/graduates/{grad_id}", json={"hardship": ["disabled"]}, headers=keys.headers("staff"))
    client.post("/v1/graduates", json=graduate_body(skills=["沟通"]), headers=keys.headers("platform"))
    assert session.get(Graduate, grad_id).hardship == ["disabled"]  # type: ignore[union-attr]


def test_platform_sees_only_its_own_graduates(client: TestClient, keys: Keys) -> None:
    mine = client.post("/v1/graduates", json=graduate_body("mine"), headers=keys.headers("platform")).json()
    client.post("/v1/graduates", json=graduate_body("theirs", national_id=national_id(sequence="555")),
                headers=keys.headers("staff"))
    listed = client.get("/v1/graduates", headers=keys.headers("platform")).json()["items"]
    assert [item["id"] for item in listed] == [mine["id"]]


def test_withdraw_keeps_the_record(client: TestClient, keys: Keys) -> None:
    headers = keys.headers("staff")
    grad_id = client.post("/v1/graduates", json=graduate_body(), headers=headers).json()["id"]
    assert client.delete(f"/v1/graduates/{grad_id}", headers=headers).json()["record_status"] == "withdrawn"
    assert client.get("/v1/graduates", headers=headers).json()["items"] == []
    shown = client.get("/v1/graduates", params={"include_withdrawn": "true"}, headers=headers).json()["items"]
    assert [item["id"] for item in shown] == [grad_id]


def test_batch_of_graduates_partial(client: TestClient, keys: Keys, session: Session) -> None:
    items = [graduate_body("a", national_id=None), graduate_body("b", graduation_year=1900, national_id=None)]
    body = client.post("/v1/graduates/batch", json={"items": items}, headers=keys.headers("staff")).json()
    assert body["created"] == 1 and body["errors"][0]["index"] == 1
    assert body["errors"][0]["errors"][0]["field"] == "graduation_year"
