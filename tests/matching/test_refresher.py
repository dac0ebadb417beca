"""Issue 11: requests never read the change feed; the background refresher does, a process's own
writes are applied at once (read-your-writes), and impressions are written in bulk without loss."""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.config import get_settings
from app.db.models import Feedback, MatchImpression
from app.domain.caller import Caller
from app.domain.enums import Role
from app.main import app
from app.matching.engine import MatchEngine
from app.schemas.jobs import JobCreate
from app.services import jobs as job_service
from app.services.embedding import embed_batch
from app.services.index_sync import _INFO_KEY, refresh
from app.services.keys import create_key
from app.services.runtime import IndexRefresher, get_impression_writer, get_match_engine
from tests.conftest import Keys
from tests.live_db import live_database
from tests.factories import graduate_body, job_body

NURSE = {"major": "护理学", "education": "bachelor", "graduation_year": 2025, "skills": ["护士执业资格"],
         "intro": "希望在医院做护理工作"}


@pytest.fixture
def live_engine(engine: Engine, tmp_path: Path) -> Iterator[Engine]:
    """A database committed to for real (a refresher and a bulk writer use connections of their own)."""
    with live_database(engine, tmp_path, suffix="index_live") as live:
        yield live


def _create_job_elsewhere(live_engine: Engine, match_engine: MatchEngine, external_id: str) -> int:
    """A posting written and embedded as another process would: committed, with its change-feed rows,
    but not noted in this process's own writes (the note is what read-your-writes applies)."""
    with Session(live_engine) as session:
        key, _ = create_key(session, role=Role.STAFF, name=f"other process {external_id}")
        caller = Caller(key_id=key.id, key_name=key.name, role=Role.STAFF)
        job, _ = job_service.upsert_job(session, data=JobCreate(**job_body(external_id)), caller=caller)
        session.flush()
        embed_batch(session, encoder=match_engine.encoder, pass_name="title", limit=10)
        session.flush()
        session.info.pop(_INFO_KEY, None)
        session.commit()
        return job.id


def test_refresher_applies_another_processes_write(live_engine: Engine, match_engine: MatchEngine) -> None:
    refresher = IndexRefresher(match_engine, period_seconds=0.2)
    refresher.start()
    try:
        assert match_engine.state.loaded.wait(30)
        job_id = _create_job_elsewhere(live_engine, match_engine, "elsewhere")
        deadline = time.monotonic() + 30  # a generous bound on a shared machine; the period is 0.2 s
        while match_engine.jobs.get(job_id) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert match_engine.jobs.get(job_id) is not None
    finally:
        refresher.stop()


def test_a_request_does_not_read_the_change_feed(live_engine: Engine, match_engine: MatchEngine) -> None:
    with Session(live_engine) as session:
        made = {role: create_key(session, role=role, name=f"k {role.value}")[1] for role in (Role.PLATFORM,)}
        session.commit()
    headers = {"X-API-Key": made[Role.PLATFORM]}
    app.dependency_overrides[get_match_engine] = lambda: match_engine
    try:
        with TestClient(app) as client:
            assert client.post("/v1/match", json={"profile": NURSE}, headers=headers).json()["results"] == []
            _create_job_elsewhere(live_engine, match_engine, "unseen")
            # Another process's write reaches this one through its refresher, never through a request.
            assert client.post("/v1/match", json={"profile": NURSE}, headers=headers).json()["results"] == []
            with Session(live_engine) as session:
                assert refresh(match_engine, session) > 0
            found = client.post("/v1/match", json={"profile": NURSE}, headers=headers).json()["results"]
            assert [row["external_id"] for row in found] == ["unseen"]
    finally:
        app.dependency_overrides.clear()


def test_read_your_writes_through_the_same_app(client: TestClient, keys: Keys, match_engine: MatchEngine) -> None:
    staff, platform = keys.headers("staff"), keys.headers("platform")
    # Loaded first (an empty index), so what follows is seen only through the process's own writes.
    assert client.post("/v1/match", json={"profile": NURSE}, headers=platform).json()["results"] == []
    assert match_engine.state.watermark is not None
    job = client.post("/v1/jobs", json=job_body("ryw"), headers=staff).json()
    found = client.post("/v1/match", json={"profile": NURSE}, headers=platform).json()["results"]
    assert [row["job_id"] for row in found] == [job["id"]]
    client.patch(f"/v1/jobs/{job['id']}", json={"title": "护师"}, headers=staff)
    found = client.post("/v1/match", json={"profile": NURSE}, headers=platform).json()["results"]
    assert [row["title"] for row in found] == ["护师"]
    graduate = client.post("/v1/graduates", json=graduate_body("ryw-grad"), headers=staff).json()
    candidates = client.get(f"/v1/jobs/{job['id']}/candidates", headers=staff).json()["results"]
    assert graduate["id"] in [row["graduate"]["id"] for row in candidates]
    client.delete(f"/v1/jobs/{job['id']}", headers=staff)
    assert client.post("/v1/match", json={"profile": NURSE}, headers=platform).json()["results"] == []


def test_impressions_are_written_in_bulk_and_none_is_lost_on_shutdown(
        live_engine: Engine, match_engine: MatchEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = get_settings()
    monkeypatch.setattr(settings, "impression_writes", "background")
    monkeypatch.setattr(settings, "impression_flush_seconds", 60.0)  # nothing written before shutdown
    monkeypatch.setattr(settings, "impression_flush_rows", 100_000)
    get_impression_writer.cache_clear()
    with Session(live_engine) as session:
        made = {role: create_key(session, role=role, name=f"k {role.value}")[1] for role in (Role.PLATFORM, Role.STAFF)}
        session.commit()
    platform, staff = {"X-API-Key": made[Role.PLATFORM]}, {"X-API-Key": made[Role.STAFF]}
    app.dependency_overrides[get_match_engine] = lambda: match_engine
    shown: list[dict[str, Any]] = []
    try:
        with TestClient(app) as client:
            for i in range(3):
                assert client.post("/v1/jobs", json=job_body(f"bulk{i}"), headers=staff).status_code == 201
            for _ in range(7):
                shown.append(client.post("/v1/match", json={"profile": NURSE}, headers=platform).json())
            assert all(len(body["results"]) == 3 for body in shown)
            first = shown[0]
            # Feedback on a match whose impressions are still queued is accepted...
            job_id = first["results"][0]["job_id"]
            ok = client.post("/v1/feedback", json={"match_id": first["match_id"], "job_id": job_id, "event": "click"},
                             headers=platform)
            assert ok.status_code == 201, ok.text
            # ...and only by the key that was shown it.
            other = client.post("/v1/feedback", json={"match_id": first["match_id"], "job_id": job_id,
                                                       "event": "click"}, headers=staff)
            assert other.status_code == 404
            with Session(live_engine) as session:  # queued, not written by the requests
                assert session.scalar(select(func.count()).select_from(MatchImpression)) == 0
        # The app has stopped: its lifespan flushed the queue.
        with Session(live_engine) as session:
            rows = session.execute(select(MatchImpression.match_id, MatchImpression.rank)).all()
            assert sorted(rows) == sorted((body["match_id"], rank) for body in shown
                                          for rank in range(1, len(body["results"]) + 1))
            assert session.scalar(select(func.count()).select_from(Feedback)) == 1
    finally:
        app.dependency_overrides.clear()
        get_impression_writer.cache_clear()
