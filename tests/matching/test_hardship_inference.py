"""Issue 9 items 2 and 3 (H2, M5): from everything a platform or organiser receives about candidates
(order, scores, reasons, membership, pseudonyms) nobody can tell hardship graduates apart, and the
pseudonyms cannot be mapped back to registry ids without the server secret (both backends)."""
from __future__ import annotations

import hashlib
import hmac
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy.orm import Session

from app.config import Settings
from app.db.models import ServerSecret
from app.services import pseudonyms
from app.services.keys import authenticate
from app.services.pseudonyms import candidate_pseudonym, pseudonym_secret
from tests.conftest import Keys
from tests.factories import graduate_body, job_body, national_id

# Three pairs of graduates identical apart from hardship (and name, ids, phone, which never enter a
# score). Pair "a" is registered hardship-first, pair "b" plain-first, so an order that followed
# hardship would differ between them; pair "c" states a job-type wish that a public-welfare post
# does not meet, which the P8 floor waives for hardship graduates only.
PAIRS = {"a": ("山东第一医科大学", True, []), "b": ("青岛大学", False, []),
         "c": ("潍坊学院", True, ["full_time"])}
VISIBLE = ("major", "education", "school", "city", "skills", "score", "matched_skills", "missing_skills", "reasons",
           "components", "relevance", "priority_applied")


def _world(client: TestClient, keys: Keys) -> tuple[dict[str, int], dict[int, tuple[str, bool]]]:
    staff = keys.headers("staff")
    jobs = {
        "nurse": client.post("/v1/jobs", json=job_body("nurse"), headers=staff).json()["id"],
        "welfare": client.post("/v1/jobs", json=job_body(
            "welfare", title="社区卫生公益性岗位", job_type="public_welfare", priority_friendly=True,
            salary_min=2000, salary_max=2500), headers=staff).json()["id"],
    }
    graduates: dict[int, tuple[str, bool]] = {}
    sequence = 400
    for pair, (school, hardship_first, wanted_types) in PAIRS.items():
        for hardship in ((True, False) if hardship_first else (False, True)):
            sequence += 1
            body = graduate_body(f"{pair}-{int(hardship)}", name=f"同学{sequence}", school=school,
                                 national_id=national_id(sequence=str(sequence)), phone=f"13900{sequence:06d}",
                                 hardship=["minimum_living"] if hardship else [], preferred_job_types=wanted_types)
            response = client.post("/v1/graduates", json=body, headers=staff)
            assert response.status_code == 201, response.text
            graduates[response.json()["id"]] = (pair, hardship)
    return jobs, graduates


def _who(session: Session, keys: Keys, role: str, job_id: int, graduates: dict[int, tuple[str, bool]],
         rows: list[dict[str, Any]]) -> list[tuple[str, bool]]:
    """The test, holding the secret, maps candidate ids back; the caller cannot (see below)."""
    key = authenticate(session, plaintext=getattr(keys, role))
    assert key is not None
    secret = pseudonym_secret(session)
    by_pseudonym = {candidate_pseudonym(secret, key_id=key.id, job_id=job_id, graduate_id=graduate_id): who
                    for graduate_id, who in graduates.items()}
    return [by_pseudonym[row["candidate_id"]] for row in rows]


@pytest.mark.parametrize("role", ["platform", "organiser"])
def test_candidates_identical_but_for_hardship_look_identical(client: TestClient, keys: Keys, session: Session,
                                                               role: str) -> None:
    jobs, graduates = _world(client, keys)
    for job_name, job_id in jobs.items():
        url = f"/v1/jobs/{job_id}/candidates?top_k=20"
        rows = client.get(url, headers=keys.headers(role)).json()["results"]
        assert client.get(url, headers=keys.headers(role)).json()["results"] == rows  # repeated calls agree
        who = _who(session, keys, role, job_id, graduates, rows)
        for pair, (_, hardship_first, wanted_types) in PAIRS.items():
            positions = {hardship: index for index, (name, hardship) in enumerate(who) if name == pair}
            if job_name == "welfare" and wanted_types:
                assert positions == {}, "the P8 floor let only the hardship graduate in"
                continue
            assert set(positions) == {True, False}, (job_name, pair)
            lifted, plain = rows[positions[True]], rows[positions[False]]
            assert {f: lifted.get(f) for f in VISIBLE} == {f: plain.get(f) for f in VISIBLE}, (job_name, pair)
            # Equal scores tie-break on registration order, never on hardship.
            assert (positions[True] < positions[False]) == hardship_first, (job_name, pair)


def test_staff_keep_the_p9_lift_and_the_p8_floor(client: TestClient, keys: Keys, session: Session) -> None:
    """The other side of the trade-off: staff still rank hardship graduates first among equals."""
    jobs, graduates = _world(client, keys)
    rows = client.get(f"/v1/jobs/{jobs['welfare']}/candidates?top_k=20", headers=keys.headers("staff")).json()
    who = [(row["graduate"]["school"], row["graduate"]["hardship"] != []) for row in rows["results"]]
    for school, hardship_first, wanted_types in PAIRS.values():
        mine = [hardship for name, hardship in who if name == school]
        assert mine == ([True] if wanted_types else [True, False]), school
    hardship_rows = [row for row in rows["results"] if row["graduate"]["hardship"]]
    assert all(row["score"] > row["relevance"] for row in hardship_rows)
    # priority_applied says the lift changed the order: true for pair "b", registered plain-first.
    moved = next(row for row in hardship_rows if row["graduate"]["school"] == PAIRS["b"][0])
    assert moved["priority_applied"] is True


def test_a_platform_match_for_its_own_graduate_ignores_the_p8_floor(client: TestClient, keys: Keys) -> None:
    """Which postings come back must not change when staff record hardship: the public-welfare
    floor would otherwise add posts the graduate did not ask for, and only for hardship graduates."""
    staff, platform = keys.headers("staff"), keys.headers("platform")
    client.post("/v1/jobs", json=job_body("nurse"), headers=staff)
    client.post("/v1/jobs", json=job_body("welfare", job_type="public_welfare", priority_friendly=True), headers=staff)
    graduate_id = client.post("/v1/graduates", json=graduate_body("own", preferred_job_types=["full_time"]),
                              headers=platform).json()["id"]

    def results(headers: dict[str, str]) -> list[tuple[str, float, list[str]]]:
        body = client.post("/v1/match", json={"graduate_id": graduate_id}, headers=headers).json()
        return [(row["external_id"], row["score"], row["reasons"]) for row in body["results"]]

    before = results(platform)
    assert client.patch(f"/v1/graduates/{graduate_id}", json={"hardship": ["disabled"]},
                        headers=staff).status_code == 200
    assert results(platform) == before and "welfare" not in [row[0] for row in before]
    assert "welfare" in [row[0] for row in results(staff)]


def test_candidate_ids_need_the_server_secret(client: TestClient, keys: Keys, session: Session,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """M5: the HMAC key was f"{key_id}:{key_name}", so 20 of 20 candidate ids were reversed."""
    jobs, graduates = _world(client, keys)
    stored = session.get(ServerSecret, "pseudonym")
    assert stored is not None and len(stored.value) == 64  # generated by the migration

    def candidate_ids(role: str, job_id: int) -> list[str]:
        rows = client.get(f"/v1/jobs/{job_id}/candidates?top_k=20", headers=keys.headers(role)).json()["results"]
        return [row["candidate_id"] for row in rows]

    platform = authenticate(session, plaintext=keys.platform)
    assert platform is not None
    mine = set(candidate_ids("platform", jobs["nurse"]))
    assert len(mine) == len(graduates)  # every graduate qualifies for the nurse post
    # Every public value a caller knows, as HMAC key, maps no candidate id back.
    public_keys = [f"{platform.id}:{platform.name}", platform.name, str(platform.id), platform.prefix, keys.platform]
    for public in public_keys:
        for graduate_id in graduates:
            for message in (f"{jobs['nurse']}:{graduate_id}", f"{platform.id}:{jobs['nurse']}:{graduate_id}"):
                guess = hmac.new(public.encode(), message.encode(), hashlib.sha256).hexdigest()[:16]
                assert guess not in mine
    # Not linkable across keys or jobs.
    assert not mine & set(candidate_ids("other_platform", jobs["nurse"]))
    assert not mine & set(candidate_ids("platform", jobs["welfare"]))
    # The configured secret, when set, is the key: another secret, other ids; stable while it holds.
    monkeypatch.setattr(pseudonyms, "get_settings", lambda: Settings(pseudonym_secret="x" * 40))
    configured = set(candidate_ids("platform", jobs["nurse"]))
    assert configured == set(candidate_ids("platform", jobs["nurse"])) and not configured & mine
    expected = {candidate_pseudonym(b"x" * 40, key_id=platform.id, job_id=jobs["nurse"], graduate_id=graduate_id)
                for graduate_id in graduates}
    assert configured <= expected


def test_production_refuses_to_start_without_a_pseudonym_secret() -> None:
    production = {"environment": "production", "database_url": "postgresql+psycopg://db/jobmatch"}
    with pytest.raises(ValidationError, match="JOBMATCH_PSEUDONYM_SECRET"):
        Settings(**production)
    with pytest.raises(ValidationError):
        Settings(**production, pseudonym_secret="too short")
    assert Settings(**production, pseudonym_secret="s" * 32).pseudonym_secret is not None
