"""Benchmark a background pairing run end to end through a real server (issue 11, part 6).

Why: a large fair's pairing used to hold one request (and its transaction) for minutes. This script
shows what the organiser gets instead — the 409 of the request route above its size, a 202 at once,
progress while the run works — and that the API keeps answering while a run computes: it times
GETs of the run and of an ordinary read (a posting) during the run, against the same GETs idle.

    .venv/bin/python scripts/bench_pairing_runs.py [--graduates 1000] [--booths 60]
        [--database postgresql+psycopg://postgres@127.0.0.1:5432/jobmatch_bench_pairing]

The server is `jobmatch serve` on a scratch database (a SQLite file in a temporary folder unless
--database names one; a PostgreSQL database named there is dropped and created afresh), with the
hashing encoder (scoring cost is the per-pair features, not the encoder) and its pairing executor
on. Every graduate is eligible for every booth (nurse postings, nursing graduates): the most pairs
to score for the size. Seeding goes through the API's batch routes.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.factories import graduate_body, job_body, national_id  # noqa: E402
from tests.servers import free_port, wait_ready  # noqa: E402

MAKE_KEYS = """
import sys
from app.db.migrate import upgrade_to_head
from app.db.session import get_engine, session_scope
from app.domain.enums import Role
from app.services.keys import create_key
upgrade_to_head(get_engine())
with session_scope() as session:
    for role in sys.argv[1:]:
        print(f"{role}={create_key(session, role=Role(role), name=role + ' bench')[1]}")
"""
SLOTS = [{"start": f"{9 + i // 2:02d}:{30 * (i % 2):02d}", "end": f"{9 + (i + 1) // 2:02d}:{30 * ((i + 1) % 2):02d}"}
         for i in range(12)]


def _fresh_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    target = make_url(url)
    assert target.database and "pairing" in target.database, "the scratch database's name must contain 'pairing'"
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {target.database} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {target.database}"))
    admin.dispose()


def _check(response: httpx.Response, *status: int) -> Any:
    assert response.status_code in status, (response.status_code, response.text[:500])
    return response.json()


def _seed(client: httpx.Client, keys: dict[str, str], graduates: int, booths: int) -> tuple[int, int]:
    staff, organiser = {"X-API-Key": keys["staff"]}, {"X-API-Key": keys["organiser"]}
    jobs = [job_body(f"bench-job-{i}", employer_name=f"临沂市第{i + 1}医院") for i in range(booths)]
    job_ids: list[int] = []
    for start in range(0, len(jobs), 1000):
        result = _check(client.post("/v1/jobs/batch?atomic=true", json={"items": jobs[start:start + 1000]},
                                    headers=staff), 200, 201, 207)
        assert not result["failed"], result["errors"][:3]
        job_ids += [item["id"] for item in result["results"]]
    born = date(2000, 1, 1)
    births = [born + timedelta(days=i // 900) for i in range(graduates)]
    people = [graduate_body(f"bench-grad-{i}", name=f"毕业生{i}", phone=f"139{i:08d}", birth_date=births[i].isoformat(),
                            national_id=national_id(birth=births[i].strftime("%Y%m%d"), sequence=f"{100 + i % 900:03d}"))
              for i in range(graduates)]
    graduate_ids: list[int] = []
    for start in range(0, len(people), 1000):
        result = _check(client.post("/v1/graduates/batch?atomic=true", json={"items": people[start:start + 1000]},
                                    headers=staff), 200, 201, 207)
        assert not result["failed"], result["errors"][:3]
        graduate_ids += [item["id"] for item in result["results"]]
    fair = _check(client.post("/v1/fairs", json={"name": "基准招聘会", "kind": "comprehensive", "city": "临沂",
                                                 "date": "2026-12-05", "slots": SLOTS}, headers=organiser), 201)
    for job_id in job_ids:
        _check(client.post(f"/v1/fairs/{fair['id']}/booths", json={
            "job_ids": [job_id], "per_slot_capacity": 2, "total_capacity": 24}, headers=organiser), 201)
    for start in range(0, len(graduate_ids), 5000):
        _check(client.post(f"/v1/fairs/{fair['id']}/registrations", json={
            "items": [{"graduate_id": g} for g in graduate_ids[start:start + 5000]]}, headers=organiser), 201)
    deadline = time.monotonic() + 600
    while _check(client.get("/v1/index/status", headers=staff), 200)["pending"] and time.monotonic() < deadline:
        time.sleep(0.5)
    return int(fair["id"]), job_ids[0]


def _ms(values: list[float]) -> str:
    if not values:
        return "—"
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    return f"p50 {statistics.median(ordered) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, max {ordered[-1] * 1000:.1f} ms (n={len(ordered)})"


def _timed(client: httpx.Client, path: str, headers: dict[str, str]) -> tuple[float, Any]:
    started = time.perf_counter()
    response = client.get(path, headers=headers)
    elapsed = time.perf_counter() - started
    return elapsed, _check(response, 200)


def bench(url: str, keys: dict[str, str], graduates: int, booths: int) -> None:
    organiser, staff = {"X-API-Key": keys["organiser"]}, {"X-API-Key": keys["staff"]}
    with httpx.Client(base_url=url, timeout=120) as client:
        began = time.perf_counter()
        fair_id, job_id = _seed(client, keys, graduates, booths)
        print(f"seeded {graduates} graduates × {booths} booths = {graduates * booths:,} pairs "
              f"in {time.perf_counter() - began:.0f} s")
        idle_job = [_timed(client, f"/v1/jobs/{job_id}", staff)[0] for _ in range(40)]

        refused = client.post(f"/v1/fairs/{fair_id}/pairing", headers=organiser)
        print(f"POST /pairing: {refused.status_code} {refused.json()['error']['details'] if refused.status_code == 409 else ''}")

        started = time.perf_counter()
        accepted = client.post(f"/v1/fairs/{fair_id}/pairing-runs", headers=organiser)
        answered = time.perf_counter() - started
        run = _check(accepted, 202)
        print(f"POST /pairing-runs: {accepted.status_code} in {answered * 1000:.0f} ms, "
              f"Location {accepted.headers['location']}, state {run['state']}")
        location = accepted.headers["location"]
        polls: list[float] = []
        busy_job: list[float] = []
        seen: list[tuple[float, str, str | None, float]] = []
        while run["state"] not in ("done", "failed"):
            elapsed, run = _timed(client, location, organiser)
            polls.append(elapsed)
            busy_job.append(_timed(client, f"/v1/jobs/{job_id}", staff)[0])
            seen.append((time.perf_counter() - started, run["state"], run["progress"]["phase"],
                         run["progress"]["scored_fraction"]))
            time.sleep(0.25)
        total = time.perf_counter() - started
        print(f"run {run['id']}: {run['state']} after {total:.1f} s{'' if run['state'] == 'done' else ': ' + str(run['error'])}")
        for at, state, phase, fraction in _thin(seen):
            print(f"  {at:6.1f} s  {state:8s} {phase or '':8s} scored {fraction:6.1%}")
        if run["state"] == "done":
            schedule = run["schedule"]
            print(f"schedule: {schedule['interviews']} interviews, coverage {schedule['coverage']}/"
                  f"{schedule['registered']}, solve {schedule['solve_seconds']} s")
        print(f"GET run while it computes:        {_ms(polls)}")
        print(f"GET /v1/jobs/{{id}} idle:           {_ms(idle_job)}")
        print(f"GET /v1/jobs/{{id}} during the run: {_ms(busy_job)}")


def _thin(seen: list[tuple[float, str, str | None, float]]) -> list[tuple[float, str, str | None, float]]:
    """At most ~12 lines: every change of state or phase, and a sample of the scoring in between."""
    step = max(1, len(seen) // 10)
    return [row for i, row in enumerate(seen)
            if i == 0 or i == len(seen) - 1 or i % step == 0 or row[1:3] != seen[i - 1][1:3]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graduates", type=int, default=1000)
    parser.add_argument("--booths", type=int, default=60)
    parser.add_argument("--database", default="", help="SQLAlchemy URL (default: a SQLite file in a temp folder)")
    parser.add_argument("--sync-max-pairs", type=int, default=20_000,
                        help="JOBMATCH_PAIRING_SYNC_MAX_PAIRS for the server (low, to show the 409)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-pairing-"))
    database = args.database or f"sqlite:///{folder / 'bench.db'}"
    if database.startswith("postgresql"):
        _fresh_postgres(database)
    env = {**os.environ, "JOBMATCH_DATABASE_URL": database, "JOBMATCH_ENCODER": "hashing",
           "JOBMATCH_BACKGROUND_WORKER": "true", "JOBMATCH_PAIRING_EXECUTOR": "true",
           "JOBMATCH_PAIRING_SYNC_MAX_PAIRS": str(args.sync_max_pairs), "JOBMATCH_BATCH_MAX_RECORDS": "1000",
           "JOBMATCH_LOG_LEVEL": "WARNING", "JOBMATCH_ENVIRONMENT": "development"}
    made = subprocess.run([sys.executable, "-c", MAKE_KEYS, "staff", "organiser"], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True, timeout=300)
    keys = dict(line.split("=", 1) for line in made.stdout.split())
    port = free_port()
    log = (folder / "server.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url)
        print(f"database: {database.split('://')[0]}; load average: {os.getloadavg()[0]:.2f} "
              f"(a shared machine: other work runs beside this)")
        bench(url, keys, args.graduates, args.booths)
        print(f"load average at the end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        print(f"server log: {folder / 'server.log'}")


if __name__ == "__main__":
    main()
