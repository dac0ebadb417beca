"""Scale-out on one PostgreSQL (issue 11): two API processes that do not embed, `jobmatch worker`s that do.

* A posting created through API process A becomes matchable through process B: the worker embeds
  its title, B's refresher reads the change feed.
* A worker killed with SIGKILL while it holds a claimed batch loses nothing: after a restart (two
  workers at once, so SKIP LOCKED is exercised too) every posting has its title and its body
  embedded, each exactly once (one ``embed`` change per record and pass).
* SIGTERM lets a worker finish and exit cleanly.

The hashing encoder keeps this quick; the killed worker's encoder is slowed down by a wrapper script
so that the kill lands inside a batch for certain, not by luck of timing.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, create_engine, text

from tests.conftest import RUN_SUFFIX
from tests.factories import job_body
from tests.servers import scratch_postgres_database, two_api_servers

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
DATABASE = f"jobmatch_scale_out_{RUN_SUFFIX}"
DEADLINE_S = 60.0  # generous (a shared 2-core machine): the bound is 2 s, this only catches "never"
NURSE = {"profile": {"major": "护理学", "education": "bachelor", "graduation_year": 2025, "skills": ["护士执业资格"]}}
# The worker of the kill test: the hashing encoder, but its first call marks a file and then blocks,
# so the worker is certainly inside a claimed, uncommitted batch when it is killed.
SLOW_WORKER = """
import pathlib, sys, time
from app.matching import encoder
original = encoder.HashingEncoder.encode_passages
def blocked(self, texts):
    pathlib.Path(sys.argv[1]).write_text(str(len(texts)))
    time.sleep(600)
    return original(self, texts)
encoder.HashingEncoder.encode_passages = blocked
from app.cli import cli
cli(["worker"])
"""


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    yield from scratch_postgres_database(DATABASE)


@pytest.fixture(scope="module")
def env(database_url: str) -> dict[str, str]:
    return {**os.environ, "JOBMATCH_DATABASE_URL": database_url, "JOBMATCH_ENCODER": "hashing",
            "JOBMATCH_BACKGROUND_WORKER": "true", "JOBMATCH_EMBED_IN_API": "false",
            "JOBMATCH_WORKER_POLL_SECONDS": "0.2", "JOBMATCH_LOG_LEVEL": "WARNING",
            "JOBMATCH_ENVIRONMENT": "development"}


@pytest.fixture(scope="module")
def db(database_url: str) -> Iterator[Engine]:
    engine = create_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def apis(env: dict[str, str]) -> Iterator[tuple[str, str, dict[str, str]]]:
    yield from two_api_servers(env)


def _worker(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "app.cli", "worker", *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _eventually(predicate: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def _matched(url: str, headers: dict[str, str]) -> set[str]:
    response = httpx.post(f"{url}/v1/match", json={**NURSE, "top_k": 100}, headers=headers, timeout=20)
    assert response.status_code == 200, response.text
    return {row["external_id"] for row in response.json()["results"]}


def _scalar(db: Engine, sql: str) -> int:
    with db.connect() as connection:
        return int(connection.execute(text(sql)).scalar_one())


def test_a_posting_created_through_one_api_is_matchable_through_the_other(
        apis: tuple[str, str, dict[str, str]], env: dict[str, str], db: Engine) -> None:
    a, b, headers = apis
    created = httpx.post(f"{a}/v1/jobs", json=job_body("across"), headers=headers, timeout=20)
    assert created.status_code == 201
    time.sleep(1.0)  # both APIs' refreshers have run: the APIs themselves embed nothing
    assert _scalar(db, "SELECT count(*) FROM jobs WHERE title_model IS NOT NULL") == 0
    assert "across" not in _matched(b, headers)
    worker = _worker(env)
    try:
        assert _eventually(lambda: "across" in _matched(b, headers))
        assert _eventually(lambda: _scalar(db, "SELECT count(*) FROM jobs WHERE embedding_model IS NULL") == 0)
        status = httpx.get(f"{b}/v1/index/status", headers=headers, timeout=20).json()
        assert status["pending"] == 0 and status["passes"]["title"]["embedded"] == 1
    finally:
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=DEADLINE_S) == 0  # finished its batch and left cleanly


def test_a_worker_killed_mid_batch_loses_nothing_and_embeds_nothing_twice(
        apis: tuple[str, str, dict[str, str]], env: dict[str, str], db: Engine, tmp_path: Path) -> None:
    a, b, headers = apis
    before = _scalar(db, "SELECT count(*) FROM jobs")
    items = [job_body(f"kill-{i}", title=f"护士{i}") for i in range(300)]
    assert httpx.post(f"{a}/v1/jobs/batch", json={"items": items}, headers=headers, timeout=60).status_code == 200
    marker = tmp_path / "claimed"
    doomed = subprocess.Popen([sys.executable, "-c", SLOW_WORKER, str(marker)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _eventually(marker.exists), "the worker never started a batch"
        claimed = int(marker.read_text())
        # Its batch is claimed and locked: another claimant skips exactly those rows.
        free = _scalar(db, "SELECT count(*) FROM (SELECT id FROM jobs WHERE title_model IS NULL "
                           "FOR UPDATE SKIP LOCKED) AS claimable")
        assert claimed > 0 and free == 300 - claimed
    finally:
        doomed.kill()
        doomed.wait(timeout=DEADLINE_S)
    assert _scalar(db, "SELECT count(*) FROM jobs WHERE title_model IS NULL") == 300  # nothing half-written

    restarted = [_worker(env, "--until-idle", "--batch-size", "8") for _ in range(2)]
    for worker in restarted:
        assert worker.wait(timeout=120) == 0
    total = before + 300
    with db.connect() as connection:
        pending = connection.execute(text(
            "SELECT count(*) FROM jobs WHERE title_model IS NULL OR embedding_model IS NULL")).scalar_one()
        embeds = connection.execute(text(
            "SELECT record_id, changes FROM record_changes WHERE resource = 'job' AND action = 'embed'")).all()
    assert pending == 0
    per_pass = Counter((record_id, changes["pass"]) for record_id, changes in embeds)
    assert len(per_pass) == 2 * total and set(per_pass.values()) == {1}
    assert _eventually(lambda: httpx.get(f"{b}/v1/index/status", headers=headers, timeout=20)
                       .json()["indexed"]["jobs"] == total)
