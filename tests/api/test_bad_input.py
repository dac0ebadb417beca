"""Bad input gets a clear 4xx naming the field, never a 500, and leaves nothing half-written
(issue 9, items 9-12). Every test runs on SQLite and on PostgreSQL: the 500s came from the
database drivers (OverflowError on SQLite, NUL and int4 range on PostgreSQL)."""
from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

from fastapi.testclient import TestClient

from app.config import get_settings
from tests.conftest import Keys
from tests.factories import graduate_body, job_body

BEYOND_INT4 = 2**31
BEYOND_INT8 = 2**63


def _fields(response: Any) -> set[str]:
    return {detail["field"] for detail in response.json()["error"]["details"]}


def _job_count(client: TestClient, keys: Keys) -> int:
    return len(client.get("/v1/jobs", params={"limit": 200}, headers=keys.headers("staff")).json()["items"])


# --- item 9: integers beyond the column range -------------------------------------------------

def test_path_ids_beyond_the_column_range_are_not_found(client: TestClient, keys: Keys) -> None:
    staff, organiser = keys.headers("staff"), keys.headers("organiser")
    for big in (BEYOND_INT4, BEYOND_INT8, 10**30):
        for path, headers in ((f"/v1/jobs/{big}", staff), (f"/v1/graduates/{big}", staff),
                              (f"/v1/fairs/{big}", organiser), (f"/v1/triage/graduates/{big}/plan", staff),
                              (f"/v1/jobs/{big}/candidates", staff)):
            response = client.get(path, headers=headers)
            assert response.status_code == 404, (path, response.text)
            assert response.json()["error"]["code"] == "not_found"
    # The largest id that fits is an ordinary missing record on both databases.
    assert client.get(f"/v1/jobs/{BEYOND_INT4 - 1}", headers=staff).status_code == 404
    patched = client.patch(f"/v1/jobs/{BEYOND_INT8}", json={"title": "x"}, headers=staff)
    assert patched.status_code == 404


def test_ids_beyond_the_column_range_in_queries_and_bodies_are_refused_naming_the_field(
        client: TestClient, keys: Keys) -> None:
    staff, admin, organiser = keys.headers("staff"), keys.headers("admin"), keys.headers("organiser")
    created = client.post("/v1/jobs", json=job_body(), headers=staff)
    assert created.status_code == 201
    cases: list[tuple[str, str, dict[str, Any], dict[str, str], str]] = [
        ("GET", "/v1/jobs", {"params": {"after": BEYOND_INT4}}, staff, "after"),
        ("GET", "/v1/graduates", {"params": {"after": BEYOND_INT8}}, staff, "after"),
        ("GET", "/v1/graduates", {"params": {"graduation_year": BEYOND_INT4}}, staff, "graduation_year"),
        ("GET", "/v1/audit", {"params": {"record_id": BEYOND_INT8}}, admin, "record_id"),
        ("POST", "/v1/match", {"json": {"graduate_id": BEYOND_INT4}}, staff, "graduate_id"),
        ("POST", "/v1/match/batch", {"json": {"graduate_ids": [1, BEYOND_INT8]}}, staff, "graduate_ids.1"),
        ("POST", "/v1/feedback", {"json": {"match_id": "abcdefgh", "job_id": BEYOND_INT4, "event": "click"}},
         staff, "job_id"),
        ("POST", "/v1/graduates", {"json": graduate_body(graduation_year=BEYOND_INT8)}, staff, "graduation_year"),
    ]
    for method, path, kwargs, headers, field in cases:
        response = client.request(method, path, headers=headers, **kwargs)
        assert response.status_code == 422, (path, response.text)
        assert field in _fields(response), (path, response.json())
    fair = client.post("/v1/fairs", json={"name": "专场", "kind": "special", "city": "临沂", "date": "2026-12-05",
                                          "slots": [{"start": "09:00", "end": "09:30"}]}, headers=organiser).json()
    booth = client.post(f"/v1/fairs/{fair['id']}/booths", headers=organiser,
                        json={"job_ids": [BEYOND_INT4], "per_slot_capacity": 1, "total_capacity": 1})
    assert booth.status_code == 422 and "job_ids.0" in _fields(booth)
    notified = client.post(f"/v1/fairs/{fair['id']}/schedule/notified", headers=organiser,
                           json={"interview_ids": [BEYOND_INT8]})
    assert notified.status_code == 422 and "interview_ids.0" in _fields(notified)


def test_a_forged_triage_cursor_with_huge_numbers_is_refused(client: TestClient, keys: Keys) -> None:
    values = [1, "2026-11-26T00:00:00+00:00", BEYOND_INT8, 2025, "2026-11-26T00:00:00+00:00", BEYOND_INT8]
    cursor = base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")
    response = client.get("/v1/triage/queue", params={"cursor": cursor}, headers=keys.headers("staff"))
    assert response.status_code == 422 and _fields(response) == {"cursor"}


# --- item 10: NUL and other text the databases cannot store ----------------------------------

def test_nul_in_a_body_field_is_refused_naming_the_field_and_nothing_is_stored(
        client: TestClient, keys: Keys) -> None:
    staff = keys.headers("staff")
    before = _job_count(client, keys)
    for overrides, field in (({"title": "护\u0000士"}, "title"), ({"external_id": "n\u00001"}, "external_id"),
                             ({"skills": ["静脉输液", "护\u0000理"]}, "skills"),
                             ({"description": "x\ud800y"}, "description")):
        # json.dumps escapes NUL and the lone surrogate as \u0000 / \ud800, as a client would send them.
        response = client.post("/v1/jobs", content=json.dumps({**job_body("nul-job"), **overrides}),
                               headers={**staff, "Content-Type": "application/json"})
        assert response.status_code == 422, (field, response.text)
        assert field in _fields(response)
    graduate = client.post("/v1/graduates", json=graduate_body(name="张\u0000三"), headers=staff)
    assert graduate.status_code == 422 and "name" in _fields(graduate)
    match = client.post("/v1/match", headers=staff, json={"profile": {
        "major": "护理\u0000学", "education": "bachelor", "graduation_year": 2025}})
    assert match.status_code == 422 and "profile.major" in _fields(match)
    assert _job_count(client, keys) == before


def test_nul_in_one_item_of_a_non_atomic_batch_fails_only_that_item(client: TestClient, keys: Keys) -> None:
    items = [job_body("batch-ok-1"), job_body("batch-nul", title="护\u0000士"), job_body("batch-ok-2")]
    response = client.post("/v1/jobs/batch", json={"items": items}, headers=keys.headers("staff"))
    assert response.status_code == 200, response.text
    result = response.json()
    assert (result["created"], result["failed"]) == (2, 1)
    assert result["errors"][0]["index"] == 1
    assert {error["field"] for error in result["errors"][0]["errors"]} == {"title"}


def test_nul_in_a_query_parameter_is_refused_naming_it(client: TestClient, keys: Keys) -> None:
    for path, params in (("/v1/jobs", {"city": "\u0000"}), ("/v1/graduates", {"city": "临\u0000沂"}),
                         ("/v1/triage/queue", {"staff": "\u0000"}), ("/v1/audit", {"resource": "job\u0000"})):
        response = client.get(path, params=params, headers=keys.headers("admin"))
        assert response.status_code == 422, (path, response.text)
        assert _fields(response) == set(params)


# --- item 11: PATCH with null --------------------------------------------------------------------

def test_patch_null_clears_optional_job_fields_to_their_empty_form(client: TestClient, keys: Keys) -> None:
    staff = keys.headers("staff")
    job = client.post("/v1/jobs", json=job_body(priority_friendly=True), headers=staff).json()
    cleared = {"priority_friendly": None, "description": None, "majors": None, "skills": None}
    response = client.patch(f"/v1/jobs/{job['id']}", json=cleared, headers=staff)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["priority_friendly"], body["description"], body["majors"], body["skills"]) == (False, "", [], [])
    assert body["title"] == job["title"]
    for field in ("title", "employer_name", "city", "headcount", "status"):
        refused = client.patch(f"/v1/jobs/{job['id']}", json={field: None}, headers=staff)
        assert refused.status_code == 422 and _fields(refused) == {field}


def test_patch_null_clears_optional_graduate_fields_to_their_empty_form(client: TestClient, keys: Keys) -> None:
    staff = keys.headers("staff")
    graduate = client.post("/v1/graduates", json=graduate_body(hardship=["minimum_living"]), headers=staff).json()
    fields = ("preferred_cities", "preferred_industries", "preferred_job_types", "skills", "intro", "hardship")
    response = client.patch(f"/v1/graduates/{graduate['id']}", json=dict.fromkeys(fields), headers=staff)
    assert response.status_code == 200, response.text
    body = response.json()
    assert {field: body[field] for field in fields} == {
        "preferred_cities": [], "preferred_industries": [], "preferred_job_types": [], "skills": [],
        "intro": "", "hardship": []}
    refused = client.patch(f"/v1/graduates/{graduate['id']}", json={"major": None}, headers=staff)
    assert refused.status_code == 422 and _fields(refused) == {"major"}


# --- item 12: the body itself, batch envelopes, loose coercions ----------------------------------

def test_a_chunked_body_over_the_limit_is_413(client: TestClient, keys: Keys) -> None:
    limit = get_settings().max_body_bytes

    def chunks() -> Iterator[bytes]:
        yield b'{"items": ['
        for _ in range(limit // 50_000 + 2):
            yield b'"' + b"x" * 50_000 + b'",'
        yield b'"x"]}'

    before = _job_count(client, keys)
    response = client.post("/v1/jobs/batch", content=chunks(), headers={
        **keys.headers("staff"), "Content-Type": "application/json"})
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert response.status_code == 413, response.text
    assert response.json()["error"]["code"] == "payload_too_large" and _fields(response) == {"body"}
    assert _job_count(client, keys) == before


def test_a_body_that_is_not_json_says_what_is_wrong_with_it(client: TestClient, keys: Keys) -> None:
    staff = keys.headers("staff")
    json_type = {**staff, "Content-Type": "application/json"}
    cases: list[tuple[bytes, dict[str, str], str]] = [
        (b'{not json', json_type, "line 1, column 2"),
        (b'{"title": "x"}\n  trailing', json_type, "line 2, column 3"),
        ('{"title": "护士"}'.encode("gbk"), json_type, "UTF-8"),
        (b'{"title": "x"}', staff, "Content-Type: application/json"),
        (b'{"title": "x"}', {**staff, "Content-Type": "text/plain"}, "text/plain"),
        (b'', json_type, "empty"),
        (b'null', json_type, "JSON object"),
        (b'[' * 100_000, json_type, "nested too deeply"),
        (b'{"headcount": ' + b"9" * 5000 + b"}", json_type, "more than 4300 digits"),
    ]
    for content, headers, said in cases:
        response = client.post("/v1/jobs", content=content, headers=headers)
        assert response.status_code == 422, (content[:20], response.text)
        details = response.json()["error"]["details"]
        assert [detail["field"] for detail in details] == ["body"], (content[:20], details)
        assert said in details[0]["reason"], (content[:20], details)


def test_unknown_top_level_fields_of_a_batch_body_are_refused(client: TestClient, keys: Keys) -> None:
    before = _job_count(client, keys)
    for path, item in (("/v1/jobs/batch", job_body()), ("/v1/graduates/batch", graduate_body())):
        response = client.post(path, json={"items": [item], "atomic": True}, headers=keys.headers("staff"))
        assert response.status_code == 422, response.text
        assert _fields(response) == {"atomic"}
    assert _job_count(client, keys) == before


def test_loose_coercions_of_dates_bools_and_integers_are_refused(client: TestClient, keys: Keys) -> None:
    staff, admin = keys.headers("staff"), keys.headers("admin")
    for overrides, field in (({"expires_at": 0}, "expires_at"), ({"expires_at": "1700000000"}, "expires_at"),
                             ({"priority_friendly": 0}, "priority_friendly"),
                             ({"priority_friendly": "yes"}, "priority_friendly"),
                             ({"salary_min": False}, "salary_min"), ({"headcount": 2.5}, "headcount"),
                             ({"headcount": True}, "headcount")):
        response = client.post("/v1/jobs", json=job_body(**overrides), headers=staff)
        assert response.status_code == 422, (overrides, response.text)
        assert field in _fields(response)
    birth = client.post("/v1/graduates", json=graduate_body(birth_date=0, national_id=None), headers=staff)
    assert birth.status_code == 422 and "birth_date" in _fields(birth)
    deadline = client.get("/v1/triage/calendar/deadline", params={"registered_on": "0"}, headers=staff)
    assert deadline.status_code == 422 and _fields(deadline) == {"registered_on"}
    audit = client.get("/v1/audit", params={"since": "0.5"}, headers=admin)
    assert audit.status_code == 422 and _fields(audit) == {"since"}
    # The strictness is per body field: query strings still parse as they always did.
    assert client.get("/v1/jobs", params={"after": "0", "limit": "5"}, headers=staff).status_code == 200
    assert client.get("/v1/audit", params={"since": "2026-11-01T00:00:00+08:00"}, headers=admin).status_code == 200
    assert client.get("/v1/triage/calendar/deadline", params={"registered_on": "2026-11-26"},
                      headers=staff).status_code == 200
