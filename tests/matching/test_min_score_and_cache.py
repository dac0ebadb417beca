"""``min_score`` on /v1/match, /v1/match/batch and the candidates route (issue 10, item 7), and the
query vector cache seen from /v1/match (item 8)."""
from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.matching.documents import JobDoc, ProfileDoc
from app.matching.encoder import Encoder, HashingEncoder
from app.matching.engine import MatchEngine, RankingSettings
from app.matching.scorer import DEFAULT_WEIGHTS
from app.services.runtime import get_query_cache
from tests.conftest import Keys
from tests.factories import graduate_body, job_body, national_id
from tests.unit.test_query_cache import CountingEncoder

NURSE_PROFILE = {"major": "护理学", "education": "bachelor", "graduation_year": 2025,
                 "skills": ["护士执业资格"], "intro": "希望在医院做护理工作"}


@pytest.fixture
def encoder() -> Encoder:
    """Counts query encodings (overrides the suite's plain hashing encoder for this module)."""
    return CountingEncoder(HashingEncoder())


def _seed(client: TestClient, keys: Keys) -> dict[str, int]:
    staff = keys.headers("staff")
    ids = {}
    for external_id, extra in (
        ("nurse", {}),
        ("java", {"title": "Java开发工程师", "industry": "new_gen_it", "majors": ["计算机科学与技术"],
                  "skills": ["Java", "Spring"], "description": "负责后端服务开发，熟悉Java、Spring与MySQL。"}),
        ("accounting", {"title": "会计专员", "industry": "modern_finance", "majors": ["会计学"], "skills": ["财务报表"],
                        "description": "负责凭证录入、账务处理和纳税申报。"}),
    ):
        response = client.post("/v1/jobs", json=job_body(external_id, **extra), headers=staff)
        assert response.status_code == 201, response.text
        ids[external_id] = response.json()["id"]
    return ids


def _match(client: TestClient, keys: Keys, **body: Any) -> list[dict[str, Any]]:
    response = client.post("/v1/match", json={"profile": NURSE_PROFILE, **body}, headers=keys.headers("platform"))
    assert response.status_code == 200, response.text
    return list(response.json()["results"])


def test_min_score_leaves_out_poor_matches(client: TestClient, keys: Keys) -> None:
    _seed(client, keys)
    everything = _match(client, keys)
    assert [row["external_id"] for row in everything][0] == "nurse" and len(everything) == 3
    # Distinct scores: per-query scaling can give the two unrelated postings the same one.
    scores = sorted({row["score"] for row in everything})
    assert len(scores) >= 2
    floor = (scores[0] + scores[1]) / 2  # between the worst score and the next
    above = [row["external_id"] for row in everything if row["score"] >= floor]
    kept = _match(client, keys, min_score=floor)
    assert [row["external_id"] for row in kept] == above and 0 < len(kept) < len(everything)
    # top_k is not filled from below the floor, and a floor above every score leaves nothing.
    assert len(_match(client, keys, min_score=floor, top_k=3)) == len(above)
    assert scores[-1] < 0.999 and _match(client, keys, min_score=scores[-1] + 0.001) == []
    assert _match(client, keys, min_score=0.0) == everything


@pytest.mark.parametrize("value", [-0.1, 1.01, "high"])
def test_min_score_is_validated(client: TestClient, keys: Keys, value: Any) -> None:
    response = client.post("/v1/match", json={"profile": NURSE_PROFILE, "min_score": value},
                           headers=keys.headers("platform"))
    assert response.status_code == 422
    assert any(d["field"].endswith("min_score") for d in response.json()["error"]["details"])
    candidates = client.get("/v1/jobs/1/candidates", params={"min_score": value}, headers=keys.headers("staff"))
    assert candidates.status_code == 422


def test_min_score_on_candidates_and_batch(client: TestClient, keys: Keys) -> None:
    ids = _seed(client, keys)
    staff = keys.headers("staff")
    graduates = []
    for index, (major, skills) in enumerate([("护理学", ["护士执业资格", "静脉输液"]), ("会计学", ["财务报表"]),
                                             ("汉语言文学", ["写作"])]):
        body = graduate_body(f"ms-{index}", national_id=national_id(sequence=f"{400 + index}"), major=major,
                             skills=skills, intro="", preferred_job_types=[])
        graduates.append(client.post("/v1/graduates", json=body, headers=staff).json()["id"])
    url = f"/v1/jobs/{ids['nurse']}/candidates"
    everyone = client.get(url, headers=staff).json()["results"]
    assert len(everyone) == 3
    relevances = sorted({row["relevance"] for row in everyone})
    assert len(relevances) >= 2
    floor = (relevances[0] + relevances[1]) / 2
    above = sum(row["relevance"] >= floor for row in everyone)
    kept = client.get(url, params={"min_score": floor}, headers=staff).json()["results"]
    assert len(kept) == above and 0 < above < len(everyone) and all(row["relevance"] >= floor for row in kept)
    platform_view = client.get(url, params={"min_score": floor}, headers=keys.headers("platform")).json()["results"]
    assert len(platform_view) == above and all(row["score"] >= floor for row in platform_view)

    batch = client.post("/v1/match/batch", json={"graduate_ids": graduates}, headers=staff).json()["items"]
    scores = sorted({r["score"] for item in batch for r in item["results"]})
    middle = (scores[len(scores) // 2 - 1] + scores[len(scores) // 2]) / 2
    cut = client.post("/v1/match/batch", json={"graduate_ids": graduates, "min_score": middle},
                      headers=staff).json()["items"]
    # No hardship here, so score = relevance and the floor keeps exactly the results above it, in order.
    for full, floored in zip(batch, cut, strict=True):
        assert [(r["external_id"], r["score"]) for r in floored["results"]] == \
            [(r["external_id"], r["score"]) for r in full["results"] if r["score"] >= middle]
    kept = sum(len(item["results"]) for item in cut)
    assert 0 < kept < sum(len(item["results"]) for item in batch)
    bad = client.post("/v1/match/batch", json={"graduate_ids": graduates, "min_score": 2}, headers=staff)
    assert bad.status_code == 422


def test_the_p9_lift_does_not_carry_a_job_over_the_floor(encoder: Encoder) -> None:
    engine = MatchEngine(encoder=encoder, settings=RankingSettings(weights=DEFAULT_WEIGHTS, priority_band=0.05))
    job = JobDoc(id=1, external_id="w", title="社区公益性岗位", employer_name="街道", description="", industry="other",
                 city="临沂", education_min="none", job_type="public_welfare", priority_friendly=True)
    engine.put_jobs([(job, job.title, encoder.encode_passages([job.title])[0])])
    profile = ProfileDoc(major="汉语言文学", education="bachelor", graduation_year=2024, priority=True)
    vector = encoder.encode_queries(["汉语言文学"])[0]
    [lifted] = engine.match_profile(profile, vector=vector, text="汉语言文学", top_k=5)
    assert lifted.score > lifted.relevance  # the lift is applied to this staff-side ranking
    between = (lifted.relevance + lifted.score) / 2
    assert engine.match_profile(profile, vector=vector, text="汉语言文学", top_k=5, min_relevance=between) == []


def test_a_repeated_unsaved_profile_is_embedded_once(client: TestClient, keys: Keys, encoder: CountingEncoder) -> None:
    get_query_cache().clear()
    _seed(client, keys)
    before = len(encoder.queries)
    first = _match(client, keys)
    second = _match(client, keys, top_k=2)
    assert len(encoder.queries) == before + 1  # the second call was served from the cache
    assert [r["score"] for r in second] == [r["score"] for r in first][:2]
    _match(client, keys, min_score=0.1)
    assert len(encoder.queries) == before + 1
    changed = {**NURSE_PROFILE, "intro": "希望在社区医院做护理工作"}
    client.post("/v1/match", json={"profile": changed}, headers=keys.headers("platform"))
    assert len(encoder.queries) == before + 2  # another text is embedded, never served a stale vector
