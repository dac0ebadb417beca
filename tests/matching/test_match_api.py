"""/v1/match and candidates through the API, with the fast hashing encoder."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.matching.engine import MatchEngine
from app.services.embedding import embed_batch
from tests.conftest import Keys
from tests.factories import graduate_body, job_body, national_id

NURSE_PROFILE = {"major": "护理学", "education": "bachelor", "graduation_year": 2025,
                 "skills": ["护士执业资格"], "intro": "希望在医院做护理工作"}


def _post_job(client: TestClient, keys: Keys, external_id: str, **overrides: Any) -> int:
    response = client.post("/v1/jobs", json=job_body(external_id, **overrides), headers=keys.headers("staff"))
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def _match(client: TestClient, keys: Keys, role: str = "platform", **body: Any) -> dict[str, Any]:
    response = client.post("/v1/match", json=body, headers=keys.headers(role))
    assert response.status_code == 200, response.text
    return response.json()


def _titles(result: dict[str, Any]) -> list[str]:
    return [row["title"] for row in result["results"]]


def test_profile_match_ranks_the_fitting_job_first_with_reasons(client: TestClient, keys: Keys) -> None:
    _post_job(client, keys, "nurse")
    _post_job(client, keys, "java", title="Java开发工程师", industry="new_gen_it", majors=["计算机科学与技术"],
              skills=["Java", "Spring"], description="负责后端服务开发，熟悉Java、Spring与MySQL。")
    result = _match(client, keys, profile=NURSE_PROFILE)
    assert _titles(result) == ["护士", "Java开发工程师"]
    top = result["results"][0]
    assert top["matched_skills"] == ["护士执业资格"] and top["missing_skills"] == ["静脉输液"]
    assert set(top["components"]) >= {"semantic", "lexical", "major", "skills", "education", "city"}
    assert all(0.0 <= value <= 1.0 for value in top["components"].values())
    assert any("护士执业资格" in reason for reason in top["reasons"])
    assert result["match_id"] and result["model"].startswith("hashing")


def test_hard_filters(client: TestClient, keys: Keys) -> None:
    _post_job(client, keys, "open")
    closed = _post_job(client, keys, "closed")
    client.delete(f"/v1/jobs/{closed}", headers=keys.headers("staff"))
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    _post_job(client, keys, "expired", expires_at=past)
    _post_job(client, keys, "master-only", education_min="master", title="护理研究员")
    result = _match(client, keys, profile=NURSE_PROFILE)
    assert [row["external_id"] for row in result["results"]] == ["open"]


def test_internship_eligibility_p6(client: TestClient, keys: Keys) -> None:
    _post_job(client, keys, "intern", job_type="internship", title="见习护士")
    recent = _match(client, keys, profile={**NURSE_PROFILE, "graduation_year": 2024})
    assert _titles(recent) == ["见习护士"]
    assert _match(client, keys, profile={**NURSE_PROFILE, "graduation_year": 2019})["results"] == []
    staff = keys.headers("staff")
    young = client.post("/v1/graduates", json=graduate_body(
        "young", graduation_year=2019, national_id=national_id(birth="20030315"), birth_date="2003-03-15",
        preferred_job_types=[]),
        headers=staff).json()
    assert _titles(_match(client, keys, "staff", graduate_id=young["id"])) == ["见习护士"]


def test_caller_filters_and_validation(client: TestClient, keys: Keys) -> None:
    _post_job(client, keys, "linyi")
    _post_job(client, keys, "jinan", city="济南")
    only_jinan = _match(client, keys, profile=NURSE_PROFILE, filters={"cities": ["济南"]})
    assert [row["external_id"] for row in only_jinan["results"]] == ["jinan"]
    assert _match(client, keys, profile=NURSE_PROFILE, filters={"salary_min": 9000})["results"] == []
    headers = keys.headers("platform")
    assert client.post("/v1/match", json={}, headers=headers).status_code == 422
    too_many = client.post("/v1/match", json={"profile": NURSE_PROFILE, "top_k": 101}, headers=headers)
    assert too_many.status_code == 422 and too_many.json()["error"]["details"][0]["field"] == "top_k"
    both = client.post("/v1/match", json={"profile": NURSE_PROFILE, "graduate_id": 1}, headers=headers)
    assert both.status_code == 422


def test_batch_created_jobs_are_pending_until_embedded(client: TestClient, keys: Keys, session: Session,
                                                      match_engine: MatchEngine) -> None:
    items = [job_body(f"b{i}") for i in range(3)]
    client.post("/v1/jobs/batch", json={"items": items}, headers=keys.headers("staff"))
    status = client.get("/v1/index/status", headers=keys.headers("platform")).json()
    assert status["pending"] == 3 and status["embedded"] == 0
    assert _match(client, keys, profile=NURSE_PROFILE)["results"] == []
    encoder = match_engine.encoder
    # The body pass waits for titles; the title pass alone makes the postings matchable.
    assert embed_batch(session, encoder=encoder, pass_name="body", limit=2) == 0
    assert embed_batch(session, encoder=encoder, pass_name="title", limit=2) == 2
    assert embed_batch(session, encoder=encoder, pass_name="title", limit=2) == 1
    assert embed_batch(session, encoder=encoder, pass_name="title", limit=2) == 0
    session.commit()
    status = client.get("/v1/index/status", headers=keys.headers("platform")).json()
    assert status["passes"]["title"]["pending"] == 0 and status["passes"]["body"]["pending"] == 3
    assert status["passes"]["title"]["rate_per_s"] > 0 and status["passes"]["title"]["eta_seconds"] == 0
    assert status["pending"] == 3 and status["embedded"] == 0
    assert len(_match(client, keys, profile=NURSE_PROFILE)["results"]) == 3
    assert embed_batch(session, encoder=encoder, pass_name="body", limit=5) == 3
    session.commit()
    status = client.get("/v1/index/status", headers=keys.headers("platform")).json()
    assert status["pending"] == 0 and status["embedded"] == 3 and status["updated_at"]
    assert status["eta_seconds"] == 0 and status["indexed"]["jobs"] == 3
    assert len(_match(client, keys, profile=NURSE_PROFILE)["results"]) == 3


def test_editing_the_text_re_embeds_and_a_closed_job_leaves(client: TestClient, keys: Keys) -> None:
    job_id = _post_job(client, keys, "edit")
    assert _titles(_match(client, keys, profile=NURSE_PROFILE)) == ["护士"]
    client.patch(f"/v1/jobs/{job_id}", json={"title": "护师"}, headers=keys.headers("staff"))
    assert _titles(_match(client, keys, profile=NURSE_PROFILE)) == ["护师"]
    client.delete(f"/v1/jobs/{job_id}", headers=keys.headers("staff"))
    assert _match(client, keys, profile=NURSE_PROFILE)["results"] == []


def test_feedback_is_tied_to_a_match(client: TestClient, keys: Keys) -> None:
    job_id = _post_job(client, keys, "fb")
    result = _match(client, keys, profile=NURSE_PROFILE)
    headers = keys.headers("platform")
    ok = client.post("/v1/feedback", json={"match_id": result["match_id"], "job_id": job_id, "event": "apply"},
                     headers=headers)
    assert ok.status_code == 201 and ok.json()["event"] == "apply"
    unknown = client.post("/v1/feedback", json={"match_id": "0" * 32, "job_id": job_id, "event": "click"},
                          headers=headers)
    assert unknown.status_code == 404
    bad_event = client.post("/v1/feedback", json={"match_id": result["match_id"], "job_id": job_id,
                                                  "event": "like"}, headers=headers)
    assert bad_event.status_code == 422


def test_batch_match_reports_unknown_graduates_per_item(client: TestClient, keys: Keys) -> None:
    _post_job(client, keys, "batch-job")
    grad = client.post("/v1/graduates", json=graduate_body(), headers=keys.headers("staff")).json()
    response = client.post("/v1/match/batch", json={"graduate_ids": [grad["id"], 999999]},
                           headers=keys.headers("organiser"))
    items = response.json()["items"]
    assert items[0]["results"][0]["title"] == "护士" and items[1]["error"]


def test_score_jobs_scores_only_eligible_jobs(client: TestClient, keys: Keys, match_engine: MatchEngine,
                                              session: Session) -> None:
    from app.services.index_sync import refresh

    nurse = _post_job(client, keys, "nurse")
    master = _post_job(client, keys, "master", education_min="master")
    refresh(match_engine, session)
    from app.matching.documents import ProfileDoc

    profile = ProfileDoc(major="护理学", education="bachelor", graduation_year=2025, skills=("护士执业资格",))
    vector = match_engine.encoder.encode_queries(["护理学"])[0]
    scores = match_engine.score_jobs(profile, vector=vector, text="护理学 护士执业资格", job_ids=[nurse, master, 999])
    assert set(scores) == {nurse}
    relevance, components = scores[nurse]
    assert 0 < relevance <= 1 and components["skills"] == 0.5
