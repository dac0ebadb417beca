"""A pairing run survives the death of the server computing it (real processes, SQLite file).

One server takes the run and is killed (SIGKILL: no shutdown code runs) while it scores; a second
server started on the same database finds the run claimed by a process of this host that is gone,
queues it again and computes it to the end. This is the executor thread, its heartbeat and the
recovery rule as deployed, which tests/fairs/test_pairing_runs.py checks step by step."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.factories import graduate_body, job_body, national_id
from tests.servers import free_port, wait_ready

ROOT = Path(__file__).resolve().parents[2]
GRADUATES, BOOTHS = 600, 30  # several seconds of scoring even on an idle machine: time to kill it mid-run

pytestmark = pytest.mark.slow


def _key(env: dict[str, str], role: str) -> str:
    created = subprocess.run([sys.executable, "-m", "app.cli", "keys", "create", "--role", role, "--name", role],
                             cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120)
    return created.stdout.strip().splitlines()[-1]


@contextmanager
def _server(env: dict[str, str], log: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    with log.open("ab") as log_file:
        process = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port)], cwd=ROOT,
                                   env=env, stdout=log_file, stderr=subprocess.STDOUT)
        try:
            wait_ready(f"http://127.0.0.1:{port}")
            yield f"http://127.0.0.1:{port}", process
        finally:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


def _ok(response: httpx.Response) -> Any:
    assert response.status_code < 300, response.text[:500]
    return response.json()


def _seed(url: str, staff: dict[str, str], organiser: dict[str, str]) -> int:
    with httpx.Client(base_url=url, timeout=120) as client:
        jobs = [job_body(f"restart-job-{i}", employer_name=f"重启测试医院{i}") for i in range(BOOTHS)]
        job_ids = [r["id"] for r in _ok(client.post("/v1/jobs/batch?atomic=true", json={"items": jobs},
                                                    headers=staff))["results"]]
        born = [date(2000, 1, 1) + timedelta(days=i // 900) for i in range(GRADUATES)]
        people = [graduate_body(f"restart-grad-{i}", name=f"学员{i}", phone=f"138{i:08d}", birth_date=born[i].isoformat(),
                                national_id=national_id(birth=born[i].strftime("%Y%m%d"), sequence=f"{100 + i % 900:03d}"))
                  for i in range(GRADUATES)]
        graduate_ids = [r["id"] for r in _ok(client.post("/v1/graduates/batch?atomic=true", json={"items": people},
                                                         headers=staff))["results"]]
        fair = _ok(client.post("/v1/fairs", json={"name": "重启测试招聘会", "kind": "comprehensive", "city": "临沂",
                                                  "date": "2026-12-05", "slots": [{"start": "09:00", "end": "09:30"},
                                                                                  {"start": "09:30", "end": "10:00"}]},
                               headers=organiser))
        for job_id in job_ids:
            _ok(client.post(f"/v1/fairs/{fair['id']}/booths", json={"job_ids": [job_id], "per_slot_capacity": 10,
                                                                    "total_capacity": 20}, headers=organiser))
        _ok(client.post(f"/v1/fairs/{fair['id']}/registrations",
                        json={"items": [{"graduate_id": g} for g in graduate_ids]}, headers=organiser))
        deadline = time.monotonic() + 300
        while _ok(client.get("/v1/index/status", headers=staff))["pending"]:  # the index worker embeds them
            assert time.monotonic() < deadline, "graduates and postings were not embedded"
            time.sleep(0.3)
        return int(fair["id"])


def _poll(url: str, path: str, headers: dict[str, str], until: Any, deadline_seconds: float) -> dict[str, Any]:
    deadline = time.monotonic() + deadline_seconds
    while True:
        run = _ok(httpx.get(f"{url}{path}", headers=headers, timeout=30))
        if until(run) or time.monotonic() > deadline:
            return dict(run)
        time.sleep(0.05)


def test_a_run_interrupted_by_a_killed_server_is_finished_by_the_next(tmp_path: Path) -> None:
    env = {**os.environ, "JOBMATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'restart.db'}",
           "JOBMATCH_ENCODER": "hashing", "JOBMATCH_BACKGROUND_WORKER": "true", "JOBMATCH_PAIRING_EXECUTOR": "true",
           "JOBMATCH_LOG_LEVEL": "WARNING", "JOBMATCH_ENVIRONMENT": "development"}
    staff, organiser = {"X-API-Key": _key(env, "staff")}, {"X-API-Key": _key(env, "organiser")}
    log = tmp_path / "servers.log"
    with _server(env, log) as (url, first):
        fair_id = _seed(url, staff, organiser)
        accepted = httpx.post(f"{url}/v1/fairs/{fair_id}/pairing-runs", headers=organiser, timeout=30)
        assert accepted.status_code == 202, accepted.text
        location = accepted.headers["location"]
        running = _poll(url, location, organiser, lambda run: run["progress"]["pairs_scored"] > 0
                        or run["state"] in ("solving", "done", "failed"), 120)
        first.kill()  # mid-run, no shutdown code
        first.wait(timeout=30)
    if running["state"] != "scoring":
        pytest.skip(f"the run was {running['state']} before the server could be killed mid-scoring")
    assert running["progress"]["pairs_scored"] < running["progress"]["pairs_total"]

    with _server(env, log) as (url, _):
        done = _poll(url, location, organiser, lambda run: run["state"] in ("done", "failed"), 300)
    assert done["state"] == "done", done
    assert done["attempts"] == 2 and done["error"] == "the server process computing this run stopped; queued again"
    assert done["progress"]["pairs_scored"] == done["progress"]["pairs_total"] == GRADUATES * BOOTHS
    assert done["schedule"]["registered"] == GRADUATES and done["schedule"]["coverage"] == GRADUATES
