"""Protected attributes never move a score; platforms never learn hardship from matching."""
from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Keys
from tests.factories import graduate_body, job_body, national_id

PROTECTED = st.fixed_dictionaries({
    "gender": st.sampled_from(["male", "female"]),
    "ethnicity": st.sampled_from(["汉族", "回族", "满族", "蒙古族", "维吾尔族"]),
    "marital_status": st.sampled_from(["未婚", "已婚", "离异"]),
    "hukou_province": st.sampled_from(["山东", "河南", "河北", "新疆", "西藏"]),
})


def _seed_jobs(client: TestClient, keys: Keys) -> None:
    staff = keys.headers("staff")
    client.post("/v1/jobs", json=job_body("nurse"), headers=staff)
    client.post("/v1/jobs", json=job_body("welfare", title="社区公益性岗位", job_type="public_welfare",
                                          industry="other", priority_friendly=True, salary_min=2000,
                                          salary_max=2500, majors=[], skills=["沟通"]), headers=staff)
    client.post("/v1/jobs", json=job_body("it", title="Java开发工程师", industry="new_gen_it",
                                          majors=["计算机科学与技术"], skills=["Java"],
                                          description="负责后端开发"), headers=staff)


def _scores(client: TestClient, keys: Keys, graduate_id: int) -> list[tuple[str, float, dict[str, float]]]:
    body = client.post("/v1/match", json={"graduate_id": graduate_id}, headers=keys.headers("staff")).json()
    return [(row["external_id"], row["score"], row["components"]) for row in body["results"]]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(protected=PROTECTED)
def test_protected_attributes_change_no_score(client: TestClient, keys: Keys, protected: dict[str, Any]) -> None:
    staff = keys.headers("staff")
    if not client.get("/v1/jobs", headers=staff).json()["items"]:
        _seed_jobs(client, keys)
    response = client.post("/v1/graduates", json=graduate_body("fair", preferred_job_types=[]), headers=staff)
    graduate_id = response.json()["id"]
    baseline = _scores(client, keys, graduate_id)
    gender_consistent = protected | {"national_id": None, "birth_date": None}
    patched = client.patch(f"/v1/graduates/{graduate_id}", json=gender_consistent, headers=staff)
    assert patched.status_code == 200, patched.text
    assert _scores(client, keys, graduate_id) == baseline
    job_id = client.get("/v1/jobs", headers=staff).json()["items"][0]["id"]
    candidates = client.get(f"/v1/jobs/{job_id}/candidates", headers=staff).json()["results"]
    assert all(row["relevance"] is not None for row in candidates)


def test_platform_candidate_view_is_pseudonymous_and_silent_on_hardship(client: TestClient, keys: Keys) -> None:
    staff = keys.headers("staff")
    _seed_jobs(client, keys)
    # The hardship graduate registers second: on relevance alone (ties by id) they would come second,
    # so it is the P9 step that puts them first, and only then does the staff reason say so.
    for index, hardship in enumerate([[], ["disabled"]]):
        client.post("/v1/graduates", json=graduate_body(
            f"c{index}", national_id=national_id(sequence=f"{300 + index}"), hardship=hardship,
            preferred_job_types=[]), headers=staff)
    job_id = next(j["id"] for j in client.get("/v1/jobs", headers=staff).json()["items"] if j["external_id"] == "nurse")
    platform = client.get(f"/v1/jobs/{job_id}/candidates", headers=keys.headers("platform"))
    assert platform.status_code == 200
    rows = platform.json()["results"]
    assert len(rows) == 2
    allowed = {"candidate_id", "major", "education", "school", "city", "skills", "score", "matched_skills",
               "missing_skills", "reasons"}
    for row in rows:
        assert set(row) <= allowed, set(row) - allowed
        assert not any(word in reason for reason in row["reasons"] for word in ("困难", "P9", "优先", "帮扶"))
    assert "disabled" not in platform.text and "national_id" not in platform.text
    again = client.get(f"/v1/jobs/{job_id}/candidates", headers=keys.headers("platform")).json()["results"]
    assert [r["candidate_id"] for r in again] == [r["candidate_id"] for r in rows]  # stable per caller
    other = client.get(f"/v1/jobs/{job_id}/candidates", headers=keys.headers("organiser")).json()["results"]
    assert not {r["candidate_id"] for r in other} & {r["candidate_id"] for r in rows}  # not linkable across keys

    staff_rows = client.get(f"/v1/jobs/{job_id}/candidates", headers=staff).json()["results"]
    lifted = [row for row in staff_rows if row["graduate"]["hardship"] == ["disabled"]][0]
    plain = [row for row in staff_rows if row["graduate"]["hardship"] == []][0]
    # Same profile apart from hardship: equal relevance, so the P9 step puts the hardship graduate first.
    assert lifted["relevance"] == plain["relevance"]
    assert staff_rows[0] is lifted or staff_rows[0] == lifted
    assert lifted["priority_applied"] is True and any("P9" in reason for reason in lifted["reasons"])
    assert lifted["graduate"]["national_id"].count("*") > 0  # staff see the record, masked


def test_platform_match_scores_do_not_depend_on_hardship(client: TestClient, keys: Keys) -> None:
    """The P9 lift in graduate → jobs is applied for staff only: a platform could otherwise compare
    scores with their components and infer the graduate's hardship status."""
    _seed_jobs(client, keys)
    platform = keys.headers("platform")
    graduate = client.post("/v1/graduates", json=graduate_body("own", preferred_job_types=[]), headers=platform).json()
    before = client.post("/v1/match", json={"graduate_id": graduate["id"]}, headers=platform).json()["results"]
    client.patch(f"/v1/graduates/{graduate['id']}", json={"hardship": ["minimum_living"]},
                 headers=keys.headers("staff"))
    after = client.post("/v1/match", json={"graduate_id": graduate["id"]}, headers=platform).json()["results"]
    assert [(r["external_id"], r["score"]) for r in after] == [(r["external_id"], r["score"]) for r in before]
    staff_view = client.post("/v1/match", json={"graduate_id": graduate["id"]},
                             headers=keys.headers("staff")).json()["results"]
    welfare = [r for r in staff_view if r["external_id"] == "welfare"][0]
    welfare_platform = [r for r in after if r["external_id"] == "welfare"][0]
    assert welfare["score"] > welfare_platform["score"]
