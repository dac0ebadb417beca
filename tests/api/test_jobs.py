"""Job postings: upsert idempotence, validation, batch semantics, close with history."""
from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Job, RecordChange
from tests.conftest import Keys
from tests.factories import job_body


def _count_jobs(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Job)) or 0


def test_create_then_resend_is_an_upsert_without_duplicate(client: TestClient, keys: Keys, session: Session) -> None:
    headers = keys.headers("platform")
    first = client.post("/v1/jobs", json=job_body(), headers=headers)
    assert first.status_code == 201, first.text
    again = client.post("/v1/jobs", json=job_body(), headers=headers)
    assert again.status_code == 200
    assert again.headers["X-Upsert-Outcome"] == "unchanged"
    assert again.json()["id"] == first.json()["id"]
    changed = client.post("/v1/jobs", json=job_body(salary_max=7000), headers=headers)
    assert changed.headers["X-Upsert-Outcome"] == "updated"
    assert changed.json()["salary_max"] == 7000
    assert _count_jobs(session) == 1
    read = client.get(f"/v1/jobs/{first.json()['id']}", headers=headers)
    assert read.status_code == 200 and read.json()["salary_max"] == 7000


def test_another_platform_cannot_overwrite_a_posting(client: TestClient, keys: Keys) -> None:
    assert client.post("/v1/jobs", json=job_body(), headers=keys.headers("platform")).status_code == 201
    clash = client.post("/v1/jobs", json=job_body(title="改过的"), headers=keys.headers("other_platform"))
    assert clash.status_code == 409
    assert clash.json()["error"]["details"][0]["field"] == "external_id"


def test_industry_accepts_chinese_alias_and_is_suggested_when_missing(client: TestClient, keys: Keys) -> None:
    headers = keys.headers("platform")
    alias = client.post("/v1/jobs", json=job_body("a", industry="智慧海洋"), headers=headers).json()
    assert alias["industry"] == "modern_marine" and alias["industry_suggested"] is False
    missing = client.post("/v1/jobs", json=job_body("b", industry=None), headers=headers).json()
    assert missing["industry"] == "medical_health"
    assert missing["industry_suggested"] is True and 0 < missing["industry_confidence"] <= 1


def _problem_fields(response) -> set[str]:  # type: ignore[no-untyped-def]
    return {detail["field"] for detail in response.json()["error"]["details"]}


def test_validation_names_the_field(client: TestClient, keys: Keys, session: Session) -> None:
    headers = keys.headers("platform")
    cases = {
        "industry": job_body(industry="steel"),
        "job_type": job_body(job_type="gig"),
        "education_min": job_body(education_min="phd"),
        "salary_min": job_body(salary_min=9000, salary_max=5000),
        "title": job_body(title="长" * 201),
        "skills": job_body(skills=[f"s{i}" for i in range(51)]),
        "description": job_body(description="字" * 10_001),
        "colour": job_body(colour="red"),
    }
    for field, body in cases.items():
        response = client.post("/v1/jobs", json=body, headers=headers)
        assert response.status_code == 422, field
        assert field in _problem_fields(response), (field, response.json())
    assert _count_jobs(session) == 0


def test_body_over_the_size_limit_is_refused(client: TestClient, keys: Keys) -> None:
    huge = job_body(description="x" * 6_000_000)
    response = client.post("/v1/jobs", json=huge, headers=keys.headers("platform"))
    assert response.status_code == 413
    assert response.json()["error"]["details"][0]["field"] == "body"


def test_patch_validates_the_merged_record(client: TestClient, keys: Keys) -> None:
    headers = keys.headers("staff")
    job_id = client.post("/v1/jobs", json=job_body(), headers=headers).json()["id"]
    response = client.patch(f"/v1/jobs/{job_id}", json={"salary_min": 8000}, headers=headers)
    assert response.status_code == 422 and "salary_min" in _problem_fields(response)
    cleared = client.patch(f"/v1/jobs/{job_id}", json={"title": None}, headers=headers)
    assert cleared.status_code == 422 and "title" in _problem_fields(cleared)
    ok = client.patch(f"/v1/jobs/{job_id}", json={"headcount": 9}, headers=headers)
    assert ok.status_code == 200 and ok.json()["headcount"] == 9


def test_delete_closes_and_keeps_history(client: TestClient, keys: Keys, session: Session) -> None:
    headers = keys.headers("platform")
    job_id = client.post("/v1/jobs", json=job_body(), headers=headers).json()["id"]
    closed = client.delete(f"/v1/jobs/{job_id}", headers=headers)
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert client.get(f"/v1/jobs/{job_id}", headers=headers).json()["status"] == "closed"
    actions = session.scalars(select(RecordChange.action).where(RecordChange.record_id == job_id,
                                                                 RecordChange.resource == "job")).all()
    assert list(actions) == ["create", "embed", "close"]
    reopened = client.post("/v1/jobs", json=job_body(), headers=headers)
    assert reopened.json()["status"] == "open"


def test_list_filters_and_keyset_pages(client: TestClient, keys: Keys) -> None:
    headers = keys.headers("platform")
    for index in range(5):
        city = "济南" if index % 2 else "青岛"
        client.post("/v1/jobs", json=job_body(f"j{index}", city=city), headers=headers)
    page = client.get("/v1/jobs", params={"city": "青岛", "limit": 2}, headers=headers).json()
    assert [item["city"] for item in page["items"]] == ["青岛", "青岛"]
    rest = client.get("/v1/jobs", params={"city": "青岛", "limit": 2, "after": page["next_after"]},
                      headers=headers).json()
    assert len(rest["items"]) == 1 and rest["next_after"] is None
    assert client.get("/v1/jobs", params={"industry": "nope"}, headers=headers).status_code == 422


def test_batch_partial_failure_reports_index_and_reason(client: TestClient, keys: Keys, session: Session) -> None:
    items = [job_body("b0"), job_body("b1", salary_min=9000, salary_max=1), job_body("b2"), {"title": "缺字段"}]
    response = client.post("/v1/jobs/batch", json={"items": items}, headers=keys.headers("platform"))
    assert response.status_code == 200
    body = response.json()
    assert body["created"] == 2 and body["failed"] == 2
    assert [error["index"] for error in body["errors"]] == [1, 3]
    assert body["errors"][0]["errors"][0]["field"] == "salary_min"
    assert _count_jobs(session) == 2


def test_atomic_batch_stores_all_or_nothing(client: TestClient, keys: Keys, session: Session) -> None:
    headers = keys.headers("platform")
    items = [job_body("a0"), job_body("a1", job_type="gig")]
    failed = client.post("/v1/jobs/batch", params={"atomic": "true"}, json={"items": items}, headers=headers)
    assert failed.status_code == 422
    assert failed.json()["error"]["details"][0]["field"] == "items[1].job_type"
    assert _count_jobs(session) == 0
    ok = client.post("/v1/jobs/batch", params={"atomic": "true"}, json={"items": items[:1]}, headers=headers)
    assert ok.status_code == 200 and _count_jobs(session) == 1


def test_atomic_batch_rolls_back_on_an_ownership_conflict(client: TestClient, keys: Keys, session: Session) -> None:
    client.post("/v1/jobs", json=job_body("taken"), headers=keys.headers("other_platform"))
    items = [job_body("new-one"), job_body("taken")]
    response = client.post("/v1/jobs/batch", params={"atomic": "true"}, json={"items": items},
                           headers=keys.headers("platform"))
    assert response.status_code == 422
    assert _count_jobs(session) == 1


def test_batch_size_limit(client: TestClient, keys: Keys) -> None:
    items = [job_body(f"x{i}") for i in range(1001)]
    response = client.post("/v1/jobs/batch", json={"items": items}, headers=keys.headers("platform"))
    assert response.status_code == 422 and response.json()["error"]["details"][0]["field"] == "items"
    empty = client.post("/v1/jobs/batch", json={"items": []}, headers=keys.headers("platform"))
    assert empty.status_code == 422
