"""Two server processes on one PostgreSQL see each other's postings within 2 s (the issue's bound).

Each process keeps its own in-memory index current from the database's change feed; this test
runs two real uvicorn processes, writes through one and reads through the other.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import RUN_SUFFIX
from tests.factories import job_body
from tests.servers import scratch_postgres_database, two_api_servers

DATABASE = f"jobmatch_two_process_{RUN_SUFFIX}"
PROPAGATION_BOUND_S = 2.0
PROFILE = {"profile": {"major": "护理学", "education": "bachelor", "graduation_year": 2025, "skills": ["护士执业资格"]}}


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    yield from scratch_postgres_database(DATABASE)


def _env(database_url: str) -> dict[str, str]:
    return {**os.environ, "JOBMATCH_DATABASE_URL": database_url, "JOBMATCH_ENCODER": "hashing",
            "JOBMATCH_BACKGROUND_WORKER": "true", "JOBMATCH_WORKER_POLL_SECONDS": "0.2",
            "JOBMATCH_LOG_LEVEL": "WARNING", "JOBMATCH_ENVIRONMENT": "development"}


@pytest.fixture(scope="module")
def servers(database_url: str) -> Iterator[tuple[str, str, dict[str, str]]]:
    yield from two_api_servers(_env(database_url))


def _seconds_until(predicate, bound: float) -> float | None:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    while time.monotonic() - started < bound:
        if predicate():
            return time.monotonic() - started
        time.sleep(0.05)
    return None


def _matched_ids(url: str, headers: dict[str, str]) -> set[str]:
    response = httpx.post(f"{url}/v1/match", json=PROFILE, headers=headers, timeout=10)
    assert response.status_code == 200, response.text
    return {row["external_id"] for row in response.json()["results"]}


@pytest.mark.postgres
@pytest.mark.slow
def test_a_posting_created_or_closed_in_one_process_shows_in_the_other(
        servers: tuple[str, str, dict[str, str]]) -> None:
    writer, reader, headers = servers
    assert "cross" not in _matched_ids(reader, headers)
    created = httpx.post(f"{writer}/v1/jobs", json=job_body("cross"), headers=headers, timeout=10)
    assert created.status_code == 201
    assert _seconds_until(lambda: "cross" in _matched_ids(reader, headers), PROPAGATION_BOUND_S) is not None
    closed = httpx.delete(f"{reader}/v1/jobs/{created.json()['id']}", headers=headers, timeout=10)
    assert closed.status_code == 200
    assert _seconds_until(lambda: "cross" not in _matched_ids(writer, headers), PROPAGATION_BOUND_S) is not None
