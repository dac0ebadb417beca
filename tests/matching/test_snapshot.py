"""Index snapshots (issue 11): a process starts from files, shares their pages, and falls back to the
database, never crashing, when a snapshot is damaged or from another model."""
from __future__ import annotations

import fcntl
import logging
import mmap
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.config import get_settings
from app.matching.encoder import HashingEncoder
from app.matching.engine import MatchEngine
from app.matching.documents import ProfileDoc
from app.matching.snapshot import load_snapshot, write_snapshot
from app.services.index_sync import refresh
from app.services.runtime import IndexRefresher, ranking_settings
from tests.conftest import Keys
from tests.factories import job_body

PROFILE = ProfileDoc(major="护理学", education="bachelor", graduation_year=2025, skills=("护士执业资格",),
                     intro="希望在医院做护理工作")
QUERIES = ["护士 护理", "Java 开发", "会计 财务", "数控 车床"]


def _engine(encoder: HashingEncoder | None = None) -> MatchEngine:
    return MatchEngine(encoder=encoder or HashingEncoder(), settings=ranking_settings(get_settings()))


def _post_jobs(client: TestClient, keys: Keys, count: int, prefix: str = "snap") -> list[int]:
    titles = ["护士", "Java开发工程师", "会计", "数控车床操作工", "护理员"]
    ids = []
    for i in range(count):
        response = client.post("/v1/jobs", json=job_body(f"{prefix}{i}", title=titles[i % len(titles)]),
                               headers=keys.headers("staff"))
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    return ids


def _mapped(array: np.ndarray) -> bool:
    """Whether the array's memory is a file mapping (and so shared through the page cache)."""
    base: object = array
    while base is not None:
        if isinstance(base, (mmap.mmap, np.memmap)):
            return True
        base = getattr(base, "base", None)
    return False


def _ranked(engine: MatchEngine) -> list[tuple[int, float]]:
    vector = engine.encoder.encode_queries(["护理学 护士执业资格 希望在医院做护理工作"])[0]
    return [(m.subject.id, m.score) for m in engine.match_profile(PROFILE, vector=vector, text="护理学 护士执业资格",
                                                                top_k=20)]


def _same_index(a: MatchEngine, b: MatchEngine) -> None:
    assert len(a.jobs) == len(b.jobs) and len(a.job_vectors) == len(b.job_vectors)
    for query in QUERIES:
        assert a.job_lexical.scores(query) == pytest.approx(b.job_lexical.scores(query), rel=1e-6)
        assert a.job_title_lexical.scores(query) == pytest.approx(b.job_title_lexical.scores(query), rel=1e-6)
    assert _ranked(a) == _ranked(b)


def test_a_snapshot_restores_the_index_and_takes_changes(client: TestClient, keys: Keys, session: Session,
                                                         tmp_path: Path) -> None:
    ids = _post_jobs(client, keys, 12)
    built = _engine()
    refresh(built, session)
    assert built.state.loaded_from == "database"
    path = write_snapshot(built, tmp_path, watermark=int(built.state.watermark or 0), spare_rows=8)
    assert path is not None and (tmp_path / "current").resolve() == path

    loaded = _engine()
    info = load_snapshot(loaded, tmp_path)
    assert info is not None and info.jobs == 12 and info.watermark == built.state.watermark
    loaded.state.watermark = info.watermark  # as refresh's first load does after load_snapshot
    _same_index(built, loaded)
    # Vectors are a copy-on-write map of the file, BM25 arrays a read-only one: shared page cache.
    assert _mapped(loaded.job_vectors._vectors) and _mapped(loaded.job_lexical.export_arrays().data)
    # Changes on top of the snapshot: an append lands in the file's spare rows, a removal applies.
    more = _post_jobs(client, keys, 2, prefix="after")
    client.delete(f"/v1/jobs/{ids[0]}", headers=keys.headers("staff"))
    refresh(built, session)
    refresh(loaded, session)  # from the snapshot's watermark; never re-tokenises the snapshot's postings
    assert loaded.jobs.get(ids[0]) is None and all(loaded.jobs.get(i) is not None for i in more)
    assert _mapped(loaded.job_vectors._vectors)
    _same_index(built, loaded)


def test_first_refresh_starts_from_the_snapshot_then_replays_the_feed(client: TestClient, keys: Keys,
                                                                      session: Session, tmp_path: Path) -> None:
    first = _post_jobs(client, keys, 5)
    built = _engine()
    refresh(built, session)
    write_snapshot(built, tmp_path, watermark=int(built.state.watermark or 0))
    later = _post_jobs(client, keys, 3, prefix="later")
    started = _engine()
    refresh(started, session, snapshot_dir=tmp_path)
    assert started.state.loaded_from == "snapshot"
    assert all(started.jobs.get(i) is not None for i in first + later)
    refresh(built, session)
    _same_index(built, started)


def _damage(path: Path) -> None:
    vectors = path / "job_vectors.npy"
    data = bytearray(vectors.read_bytes())
    data[-5] ^= 0xFF
    vectors.write_bytes(bytes(data))


def test_a_damaged_or_foreign_snapshot_is_ignored_with_a_log_line(client: TestClient, keys: Keys, session: Session,
                                                                  tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _post_jobs(client, keys, 4)
    built = _engine()
    refresh(built, session)
    path = write_snapshot(built, tmp_path, watermark=int(built.state.watermark or 0))
    assert path is not None
    foreign = _engine(HashingEncoder(dim=64))
    with caplog.at_level(logging.WARNING, logger="jobmatch.snapshot"):
        assert load_snapshot(foreign, tmp_path) is None
    assert "model" in caplog.text
    _damage(path)
    caplog.clear()
    damaged = _engine()
    with caplog.at_level(logging.WARNING, logger="jobmatch.snapshot"):
        refresh(damaged, session, snapshot_dir=tmp_path)
    assert "ignored" in caplog.text and damaged.state.loaded_from == "database"
    _same_index(built, damaged)


def test_the_refresher_writes_a_snapshot_after_a_load_from_the_database(engine: Engine, tmp_path: Path) -> None:
    # Against the (empty, committed) test database: the refresher's own sessions see it.
    first = IndexRefresher(_engine(), period_seconds=0.1, snapshot_dir=tmp_path)
    first.refresh_once()
    assert first.engine.state.loaded_from == "database" and (tmp_path / "current").exists()
    second = IndexRefresher(_engine(), period_seconds=0.1, snapshot_dir=tmp_path)
    second.refresh_once()
    assert second.engine.state.loaded_from == "snapshot"
    # Another process writing at the same moment: this one skips instead of waiting.
    with (tmp_path / ".write.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        assert write_snapshot(second.engine, tmp_path, watermark=0) is None
