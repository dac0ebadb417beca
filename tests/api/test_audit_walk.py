"""Walk every route of the OpenAPI document and check the privacy rules hold on each (PIPL, P9).

With a staff key: every response that shows a hardship graduate — by id, external id, name or
candidate pseudonym, or because the request named them — wrote an audit entry for that graduate.
With a platform or an organiser key: no response carries a hardship field or a hardship value.

Every operation in the document is either walked or listed in NOT_WALKED with the reason, so a new
route fails here until someone decides how it treats personal data.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import AuditEntry
from app.main import app
from app.matching.engine import MatchEngine
from tests.conftest import Keys
from tests.factories import graduate_body, job_body, national_id
from tests.fairs.runner import test_runner

HARDSHIP_EXTERNAL_ID = "walk-hardship-0001"
HARDSHIP_NAME = "步行测试甲"  # no hardship word in it: the platform check looks for those
HARDSHIP_GROUPS = ["poverty_registered", "minimum_living", "disabled"]

# (method, path) → why the walk does not call it. Writes are not walked: what they return is the record
# the caller has just written, and the reads that show it afterwards are walked.
NOT_WALKED: dict[tuple[str, str], str] = {
    ("POST", "/v1/jobs"): "write; jobs carry no graduate data",
    ("POST", "/v1/jobs/batch"): "write; jobs carry no graduate data",
    ("PATCH", "/v1/jobs/{job_id}"): "write; jobs carry no graduate data",
    ("DELETE", "/v1/jobs/{job_id}"): "write; would withdraw the posting the other routes need",
    ("POST", "/v1/jobs/{job_id}/screening"): "staff decision on a posting; no graduate data",
    ("POST", "/v1/graduates"): "write; returns the record the caller sent (seeding exercises it)",
    ("POST", "/v1/graduates/batch"): "write; returns ids and outcomes of the caller's own records",
    ("POST", "/v1/graduates/duplicates/{duplicate_id}/resolve"): "write; would close the flag the GET shows",
    ("DELETE", "/v1/graduates/{graduate_id}"): "write; would withdraw the graduate the walk is about",
    ("POST", "/v1/feedback"): "write; answers with ids of a match the caller already holds",
    ("POST", "/v1/triage/graduates/{graduate_id}/services"): "write (seeding exercises it)",
    ("POST", "/v1/triage/graduates/{graduate_id}/outcomes"): "write; would change the status the queue filters on",
    ("PUT", "/v1/triage/graduates/{graduate_id}/assignment"): "write (seeding exercises it)",
    ("DELETE", "/v1/triage/graduates/{graduate_id}/assignment"): "write; would end the assignment",
    ("PUT", "/v1/triage/graduates/{graduate_id}/plan"): "write (seeding exercises it)",
    ("POST", "/v1/triage/graduates/{graduate_id}/plan/send"): "write; records a service",
    ("POST", "/v1/fairs/{fair_id}/registrations/import"): "organiser upload; staff keys are refused",
    ("POST", "/v1/fairs"): "organiser write",
    ("PATCH", "/v1/fairs/{fair_id}"): "organiser write",
    ("POST", "/v1/fairs/{fair_id}/booths"): "organiser write",
    ("POST", "/v1/fairs/{fair_id}/registrations"): "organiser write",
    ("POST", "/v1/fairs/{fair_id}/pair-rules"): "organiser write",
    ("DELETE", "/v1/fairs/{fair_id}/pair-rules/{rule_id}"): "organiser write",
    ("POST", "/v1/fairs/{fair_id}/pairing"): "organiser write; returns the schedule GET /schedule shows",
    ("POST", "/v1/fairs/{fair_id}/schedule/lock"): "organiser write; returns the schedule GET /schedule shows",
    ("POST", "/v1/fairs/{fair_id}/schedule/unlock"): "organiser write; returns the schedule GET /schedule shows",
    ("POST", "/v1/fairs/{fair_id}/pairing-runs"): "organiser write; answers with a queued or running run, which "
                                                   "carries no schedule (GET …/pairing-runs/{run_id} is walked)",
    ("POST", "/v1/fairs/{fair_id}/schedule/notified"): "organiser write; returns the schedule GET /schedule shows",
}

# Routes that read but take a body: the body the walk sends, with {graduate_id} filled in.
READ_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/v1/match"): {"graduate_id": "{graduate_id}", "top_k": 10},
    ("POST", "/v1/match/batch"): {"graduate_ids": ["{graduate_id}"], "top_k": 10},
    # An empty update changes nothing and answers with the record: a read with a write's verb.
    ("PATCH", "/v1/graduates/{graduate_id}"): {},
}

# Query parameters a route cannot be called without.
REQUIRED_QUERY: dict[str, dict[str, str]] = {"/v1/triage/calendar/deadline": {"registered_on": "2026-11-02"}}

# The audit log names the graduate as record_id by design; reading it is not a read of the graduate.
AUDIT_LOG = ("GET", "/v1/audit")

# Keys and values that would tell a platform a graduate's hardship status.
HARDSHIP_KEYS = {"hardship", "has_hardship", "priority_applied", "national_id", "phone", "birth_date", "gender"}
HARDSHIP_WORDS = [*HARDSHIP_GROUPS, "困难", "低保", "建档立卡", "残疾", "P9"]


@dataclass
class Seeded:
    graduate_id: int
    ids: dict[str, int]


def _ok(response: Any) -> dict[str, Any]:
    assert response.status_code in (200, 201, 202), response.text
    return dict(response.json())


def _seed(client: TestClient, keys: Keys, run_pairing: Callable[[], object]) -> Seeded:
    staff, platform, organiser = keys.headers("staff"), keys.headers("platform"), keys.headers("organiser")
    job_id = _ok(client.post("/v1/jobs", json=job_body("walk-job-1"), headers=staff))["id"]
    _ok(client.post("/v1/jobs", json=job_body("walk-job-2", employer_name="临沂市中医医院"), headers=platform))
    # Registered by the platform (so its key may read the record), hardship set by staff afterwards.
    graduate_id = _ok(client.post("/v1/graduates", json=graduate_body(
        HARDSHIP_EXTERNAL_ID, name=HARDSHIP_NAME, national_id=national_id(sequence="901")), headers=platform))["id"]
    _ok(client.patch(f"/v1/graduates/{graduate_id}", json={"hardship": HARDSHIP_GROUPS}, headers=staff))
    other_id = _ok(client.post("/v1/graduates", json=graduate_body(
        "walk-other-0002", name="步行测试同学", national_id=national_id(sequence="902")), headers=staff))["id"]
    # Another source sending the same national_id: a duplicate flag pointing at the hardship graduate.
    _ok(client.post("/v1/graduates", json=graduate_body(
        "walk-dup-0003", name="步行重复", national_id=national_id(sequence="901")),
        headers=keys.headers("other_platform")))
    duplicates = _ok(client.get("/v1/graduates/duplicates", headers=staff))["items"]
    assert duplicates, "seeding meant to raise a duplicate flag"

    grad = f"/v1/triage/graduates/{graduate_id}"
    _ok(client.post(f"{grad}/services", headers=staff, json={
        "kind": "contact", "channel": "phone", "outcome": "reached", "staff_name": "王芳"}))
    _ok(client.put(f"{grad}/assignment", headers=staff, json={"staff_name": "王芳"}))
    _ok(client.put(f"{grad}/plan", headers=staff, json={
        "goals": ["三个月内到岗"], "steps": [{"action": "推荐护理岗位"}], "recommended_job_ids": [job_id],
        "staff_name": "王芳"}))

    fair = _ok(client.post("/v1/fairs", headers=organiser, json={
        "name": "步行测试招聘会", "kind": "special", "city": "临沂", "date": "2026-12-05",
        "slots": [{"start": "09:00", "end": "09:30"}, {"start": "09:30", "end": "10:00"}]}))
    fair_id = fair["id"]
    booth = _ok(client.post(f"/v1/fairs/{fair_id}/booths", headers=organiser, json={
        "job_ids": [job_id], "per_slot_capacity": 1, "total_capacity": 2}))
    _ok(client.post(f"/v1/fairs/{fair_id}/registrations", headers=organiser, json={"items": [
        {"graduate_id": graduate_id}, {"graduate_id": other_id}]}))
    rule = _ok(client.post(f"/v1/fairs/{fair_id}/pair-rules", headers=organiser, json={
        "kind": "pin", "graduate_id": graduate_id, "booth_id": booth["id"]}))
    _ok(client.post(f"/v1/fairs/{fair_id}/pairing", headers=organiser, json={"mode": "optimal"}))
    # A finished background run too: its GET shows the schedule, so it is walked like the schedule.
    run = _ok(client.post(f"/v1/fairs/{fair_id}/pairing-runs", headers=organiser, json={"mode": "optimal"}))
    run_pairing()
    return Seeded(graduate_id=graduate_id, ids={
        "graduate_id": graduate_id, "job_id": job_id, "fair_id": fair_id, "rule_id": rule["id"],
        "duplicate_id": duplicates[0]["id"], "run_id": run["id"]})


@pytest.fixture
def seeded(client: TestClient, keys: Keys, session: Session, session_factory: Callable[[], Session],
           match_engine: MatchEngine) -> Seeded:
    return _seed(client, keys, lambda: (test_runner(session_factory, match_engine).run_next(), session.expire_all()))


def _operations() -> Iterator[tuple[str, str]]:
    for path, operations in app.openapi()["paths"].items():
        for method in operations:
            yield method.upper(), path


def _fill(value: Any, ids: dict[str, int]) -> Any:
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return ids[value[1:-1]]
    if isinstance(value, list):
        return [_fill(item, ids) for item in value]
    if isinstance(value, dict):
        return {key: _fill(item, ids) for key, item in value.items()}
    return value


def _call(client: TestClient, method: str, path: str, ids: dict[str, int], headers: dict[str, str]) -> Any:
    url = path.format(**ids)
    body = READ_BODIES.get((method, path))
    return client.request(method, url, params=REQUIRED_QUERY.get(path), headers=headers,
                          json=_fill(body, ids) if body is not None else None)


def _names_graduate(value: Any, graduate_id: int, *, key: str = "") -> bool:
    """True when a JSON value refers to the graduate by id under a key that holds graduate ids."""
    if isinstance(value, dict):
        if value.get("external_id") == HARDSHIP_EXTERNAL_ID:
            return True
        return any(_names_graduate(item, graduate_id, key=name) for name, item in value.items())
    if isinstance(value, list):
        return any(_names_graduate(item, graduate_id, key=key) for item in value)
    return key in {"graduate_id", "duplicate_of_id", "graduate_ids"} and value == graduate_id


def _shows(method: str, path: str, response: Any, graduate_id: int) -> bool:
    if "{graduate_id}" in path or "graduate_id" in json.dumps(READ_BODIES.get((method, path), {})):
        return True  # the request named the graduate: the answer is about them
    text = response.text
    if HARDSHIP_EXTERNAL_ID in text or HARDSHIP_NAME in text:
        return True
    try:
        return _names_graduate(response.json(), graduate_id)
    except ValueError:
        return False  # CSV: the names were checked in the text above


def _audit_count(session: Session, graduate_id: int) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntry).where(
        AuditEntry.resource == "graduate", AuditEntry.record_id == graduate_id)) or 0


def _walked() -> list[tuple[str, str]]:
    return [(method, path) for method, path in _operations()
            if (method, path) not in NOT_WALKED and (method == "GET" or (method, path) in READ_BODIES)]


def test_every_operation_is_walked_or_excused() -> None:
    unaccounted = [op for op in _operations() if op not in NOT_WALKED and op[0] != "GET" and op not in READ_BODIES]
    assert not unaccounted, f"decide whether these routes show graduate data, then walk or excuse them: {unaccounted}"
    stale = [op for op in [*NOT_WALKED, *READ_BODIES] if op not in set(_operations())]
    assert not stale, f"listed but no longer in the OpenAPI document: {stale}"


def test_staff_reads_of_a_hardship_graduate_are_audited(client: TestClient, keys: Keys, session: Session,
                                                        seeded: Seeded) -> None:
    unaudited, shown = [], []
    for method, path in _walked():
        before = _audit_count(session, seeded.graduate_id)
        response = _call(client, method, path, seeded.ids, keys.headers("staff"))
        assert response.status_code < 500, f"{method} {path}: {response.text}"
        if response.status_code >= 400 or (method, path) == AUDIT_LOG:
            continue
        if _shows(method, path, response, seeded.graduate_id):
            shown.append(f"{method} {path}")
            if _audit_count(session, seeded.graduate_id) == before:
                unaudited.append(f"{method} {path}")
    assert not unaudited, f"these staff responses show the hardship graduate without an audit entry: {unaudited}"
    # The walk is only worth something if it reached the routes that show graduates.
    assert {"GET /v1/graduates/{graduate_id}", "GET /v1/triage/queue", "GET /v1/jobs/{job_id}/candidates",
            "GET /v1/fairs/{fair_id}/schedule", "POST /v1/match"} <= set(shown)


def _hardship_in(value: Any) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        found += [key for key in value if key in HARDSHIP_KEYS]
        for item in value.values():
            found += _hardship_in(item)
    elif isinstance(value, list):
        for item in value:
            found += _hardship_in(item)
    elif isinstance(value, str):
        found += [word for word in HARDSHIP_WORDS if word in value]
    return found


# What each role must at least have been answered, so the check is not vacuous.
REACHED = {
    "platform": {"GET /v1/graduates/{graduate_id}", "GET /v1/jobs/{job_id}/candidates", "POST /v1/match"},
    "organiser": {"GET /v1/graduates/{graduate_id}", "GET /v1/jobs/{job_id}/candidates",
                  "GET /v1/fairs/{fair_id}/schedule", "GET /v1/fairs/{fair_id}/registrations",
                  "GET /v1/fairs/{fair_id}/exports/graduates"},
}


@pytest.mark.parametrize("role", sorted(REACHED))
def test_platform_and_organiser_responses_carry_no_hardship(client: TestClient, keys: Keys, seeded: Seeded,
                                                            role: str) -> None:
    answered, leaks = [], {}
    for method, path in _walked():
        response = _call(client, method, path, seeded.ids, keys.headers(role))
        assert response.status_code < 500, f"{method} {path}: {response.text}"
        if response.status_code >= 400:
            continue
        answered.append(f"{method} {path}")
        body = response.json() if "json" in response.headers.get("content-type", "") else response.text
        if found := _hardship_in(body):
            leaks[f"{method} {path}"] = sorted(set(found))
    assert not leaks, f"hardship reached a {role} key: {leaks}"
    assert REACHED[role] <= set(answered)


def test_audit_entries_say_what_was_shown_and_skip_graduates_without_hardship(
        client: TestClient, keys: Keys, session: Session, seeded: Seeded) -> None:
    staff = keys.headers("staff")
    fair = seeded.ids["fair_id"]
    for path in (f"/v1/graduates/{seeded.graduate_id}", f"/v1/fairs/{fair}/schedule",
                 f"/v1/fairs/{fair}/registrations"):
        assert client.get(path, headers=staff).status_code == 200
    entries = session.scalars(select(AuditEntry).where(AuditEntry.resource == "graduate")).all()
    fields = {entry.action: entry.fields for entry in entries if entry.record_id == seeded.graduate_id}
    # The record shows the hardship field; a schedule or a registration list shows only name and id.
    assert (fields["read_graduate"], fields["fair_schedule"], fields["fair_registrations"]) == (["hardship"], [], [])
    # The classmate registered beside them has no hardship: their rows in the same lists are not logged.
    assert {entry.record_id for entry in entries} == {seeded.graduate_id}
