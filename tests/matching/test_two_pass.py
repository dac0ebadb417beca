"""Two-pass embedding (issue 11): a posting is matchable on its title alone, its body follows.

Through the API with the hashing encoder, on SQLite and PostgreSQL: a single create embeds the title
inline (and nothing when JOBMATCH_EMBED_IN_API=false), the title vector stands in for the body vector
until the body pass ran, and an edit puts both passes back to pending.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from app.config import get_settings
from app.db.models import Job
from app.db.models.embedding import vector_from_bytes
from app.matching.engine import MatchEngine
from app.matching.texts import title_text
from app.services.embedding import embed_batch, invalidate_if_text_changed, job_text
from app.services.index_sync import stored_vector
from tests.conftest import Keys
from tests.factories import job_body

NURSE = {"profile": {"major": "护理学", "education": "bachelor", "graduation_year": 2025, "skills": ["护士执业资格"]}}


def _job(session: Session, job_id: int) -> Job:
    session.expire_all()
    return session.scalars(select(Job).where(Job.id == job_id)
                           .options(undefer(Job.embedding), undefer(Job.title_embedding))).one()


def _matched(client: TestClient, keys: Keys) -> list[str]:
    response = client.post("/v1/match", json=NURSE, headers=keys.headers("platform"))
    assert response.status_code == 200, response.text
    return [row["external_id"] for row in response.json()["results"]]


def test_a_created_posting_is_matchable_on_its_title_and_its_body_follows(
        client: TestClient, keys: Keys, session: Session, match_engine: MatchEngine) -> None:
    encoder = match_engine.encoder
    created = client.post("/v1/jobs", json=job_body("nurse"), headers=keys.headers("staff"))
    assert created.status_code == 201
    job = _job(session, created.json()["id"])
    assert job.title_model == encoder.model_id and job.embedding_model is None  # body pending
    title_vector = encoder.encode_passages([title_text(job.title)])[0]
    assert np.allclose(vector_from_bytes(job.title_embedding), title_vector)  # type: ignore[arg-type]
    assert np.allclose(stored_vector(job, match_engine), title_vector)  # the title stands in for the body
    assert _matched(client, keys) == ["nurse"]

    assert embed_batch(session, encoder=encoder, pass_name="body") == 1
    session.commit()
    job = _job(session, job.id)
    body_vector = encoder.encode_passages([job_text(job)])[0]
    assert np.allclose(stored_vector(job, match_engine), body_vector)
    assert _matched(client, keys) == ["nurse"]

    edited = client.patch(f"/v1/jobs/{job.id}", json={"description": "负责门诊护理。"}, headers=keys.headers("staff"))
    assert edited.status_code == 200
    job = _job(session, job.id)
    # The edit cleared both vectors; the request embedded the title again, the body waits for the worker.
    assert job.title_model == encoder.model_id and job.embedding_model is None


def test_a_title_from_another_model_is_not_a_stand_in(match_engine: MatchEngine) -> None:
    job = Job(title="护士", title_embedding=np.ones(4, dtype=np.float32).tobytes(), title_model="other@1",
              embedding=None, embedding_model=None, title_embedded_at=datetime.now(UTC))
    assert stored_vector(job, match_engine) is None


def test_with_embedding_off_in_the_api_a_created_posting_waits_for_a_worker(
        client: TestClient, keys: Keys, session: Session, match_engine: MatchEngine,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(get_settings(), "embed_in_api", False)
    created = client.post("/v1/jobs", json=job_body("later"), headers=keys.headers("staff"))
    assert created.status_code == 201
    job = _job(session, created.json()["id"])
    assert job.title_model is None and job.embedding_model is None
    assert _matched(client, keys) == []
    status = client.get("/v1/index/status", headers=keys.headers("platform")).json()
    assert status["passes"]["title"]["pending"] == 1 and status["passes"]["title"]["eta_seconds"] is None
    assert embed_batch(session, encoder=match_engine.encoder, pass_name="title") == 1
    session.commit()
    session.expire_all()  # the test's session holds the posting as read before the worker wrote it
    assert _matched(client, keys) == ["later"]


def test_an_edit_read_before_the_worker_stored_still_resets_the_vectors(
        client: TestClient, keys: Keys, session_factory: Callable[[], Session], match_engine: MatchEngine,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The edit's session read the posting as not embedded; a worker embedded it before the edit was
    written. The edit must still leave the posting pending, not keep the old text's vectors."""
    monkeypatch.setattr(get_settings(), "embed_in_api", False)
    job_id = client.post("/v1/jobs", json=job_body("race"), headers=keys.headers("staff")).json()["id"]
    editor = session_factory()
    job = editor.get(Job, job_id)
    assert job is not None and job.title_model is None
    worker = session_factory()
    assert embed_batch(worker, encoder=match_engine.encoder, pass_name="title") == 1
    worker.commit()
    invalidate_if_text_changed(job, {"title": "护师"})
    job.title = "护师"
    editor.commit()
    stored = _job(worker, job_id)
    assert stored.title == "护师" and stored.title_model is None and stored.title_embedding is None
