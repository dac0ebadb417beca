"""A ``jobmatch serve`` subprocess on loopback, and bounded request loops against it.

Every loop is bounded both in requests and in seconds. The load generator is an async httpx
driver in the benchmark's own process: on these 2 shared cores it competes with the server for
CPU, so its own CPU time is measured and reported beside each result.
"""
from __future__ import annotations

import asyncio
import itertools
import os
import resource
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from benchlib.dataset import ROOT, child_env
from benchlib.stats import Latency, children_of, cpu_seconds, proc_status_mb

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    """One ``jobmatch serve --workers N`` process tree, started and stopped by the benchmark."""

    url: str
    workers: int
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    loaded_seconds: float = float("nan")  # start → every worker has loaded its index
    first_match_seconds: float = float("nan")  # start → first /v1/match answered
    index_status: dict[str, Any] = field(default_factory=dict)
    base_url: str = ""
    extra_env: dict[str, str] = field(default_factory=dict)  # more JOBMATCH_* settings for the server

    def start(self, *, port: int) -> None:
        env = child_env(JOBMATCH_DATABASE_URL=self.url, JOBMATCH_ENVIRONMENT="development", **self.extra_env)
        self.base_url = f"http://{HOST}:{port}"
        self._log = self.log_path.open("wb")
        self.started_at = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--host", HOST, "--port", str(port),
             "--workers", str(self.workers)],
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)

    def pids(self) -> list[int]:
        """The serving processes: the process itself with one worker, its children with several."""
        assert self.process is not None
        if self.workers == 1:
            return [self.process.pid]
        # uvicorn's supervisor also starts multiprocessing's resource tracker; it holds no app.
        return [pid for pid in children_of(self.process.pid) if _is_app_worker(pid)]

    def worker_rss_mb(self) -> list[float]:
        return [proc_status_mb(pid) for pid in self.pids()]

    def _check_alive(self) -> None:
        assert self.process is not None
        if self.process.poll() is not None:
            raise RuntimeError(f"server exited with {self.process.returncode}; see {self.log_path}:\n"
                               + self.log_path.read_text(errors="replace")[-3000:])

    def wait_ready(self, client: httpx.Client, *, deadline: float) -> None:
        """Until /readyz answers 200 (the process is up and its database reachable)."""
        while True:
            self._check_alive()
            if time.perf_counter() > deadline:
                raise TimeoutError("server did not become ready")
            try:
                if client.get("/readyz").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.5)

    def wait_loaded(self, *, key: str, graduate_id: int, timeout: float) -> None:
        """Ready, indexed and idle: /readyz answers, a first /v1/match returns (it waits behind the
        full load of the process that takes it), then the whole tree stays idle, which it only does
        once every worker has finished loading (a loading worker keeps a core busy)."""
        deadline = time.perf_counter() + timeout
        with httpx.Client(base_url=self.base_url, timeout=10.0) as client:
            self.wait_ready(client, deadline=deadline)
            headers = {"X-API-Key": key}
            status = client.get("/v1/index/status", headers=headers)
            status.raise_for_status()
            self.index_status = status.json()
            response = client.post("/v1/match", json={"graduate_id": graduate_id}, headers=headers,
                                   timeout=max(deadline - time.perf_counter(), 1.0))
            response.raise_for_status()
            self.first_match_seconds = time.perf_counter() - self.started_at
        quiet, quiet_since = 0, 0.0
        while quiet < 2:  # two consecutive quiet windows, so a gap between load phases is not taken for the end
            self._check_alive()
            if time.perf_counter() > deadline:
                raise TimeoutError("server workers kept busy: index load did not finish")
            pids = [self.process.pid, *self.pids()] if self.process else []
            before, window_start = sum(cpu_seconds(pid) for pid in pids), time.perf_counter()
            time.sleep(2.0)
            used = sum(cpu_seconds(pid) for pid in pids) - before
            if used < 0.2:  # < 10% of one core over 2 s
                quiet, quiet_since = quiet + 1, quiet_since if quiet else window_start
            else:
                quiet = 0
        self.loaded_seconds = quiet_since - self.started_at  # to within the 2 s window

    def stop(self) -> None:
        """SIGTERM (uvicorn shuts down gracefully), then SIGKILL by pid for whatever remains."""
        if self.process is None:
            return
        workers = self.pids() if self.process.poll() is None else []
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        for pid in workers:
            if Path(f"/proc/{pid}").exists():
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        self._log.close()


def _is_app_worker(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return b"resource_tracker" not in cmdline


@dataclass(frozen=True)
class LoadResult:
    label: str
    workers: int
    clients: int
    seconds: float
    ok: int
    errors: int
    latency: Latency
    client_cpu_share: float  # the driver's CPU time / wall time (1.0 = one full core)
    server_cpu_ms: float  # server processes' CPU time per answered request: capacity, less noise-prone
    error_sample: str = ""

    @property
    def rps(self) -> float:
        return self.ok / self.seconds if self.seconds > 0 else float("nan")


def _server_cpu(server: Server) -> float:
    assert server.process is not None
    return sum(cpu_seconds(pid) for pid in {server.process.pid, *server.pids()})


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def sequential(server: Server, *, key: str, graduate_ids: Sequence[int], requests: int,
               max_seconds: float) -> LoadResult:
    """One request at a time, keep-alive: the latency one caller sees on an otherwise idle server."""
    ids = itertools.cycle(graduate_ids)
    timings: list[float] = []
    errors = 0
    sample = ""
    with httpx.Client(base_url=server.base_url, headers={"X-API-Key": key}, timeout=30.0) as client:
        for _ in range(20):  # warm the connection and the worker's caches; not counted
            client.post("/v1/match", json={"graduate_id": next(ids)})
        cpu0, server0, started = _self_cpu(), _server_cpu(server), time.perf_counter()
        while len(timings) + errors < requests and time.perf_counter() - started < max_seconds:
            t0 = time.perf_counter()
            try:
                response = client.post("/v1/match", json={"graduate_id": next(ids)})
                good = response.status_code == 200
                sample = sample or ("" if good else f"HTTP {response.status_code}: {response.text[:200]}")
            except httpx.HTTPError as error:
                good, sample = False, sample or repr(error)
            if good:
                timings.append(time.perf_counter() - t0)
            else:
                errors += 1
        elapsed = time.perf_counter() - started
        cpu, server_cpu = _self_cpu() - cpu0, _server_cpu(server) - server0
    return LoadResult("sequential", server.workers, 1, elapsed, len(timings), errors, Latency.of(timings),
                      cpu / elapsed, 1000 * server_cpu / max(len(timings) + errors, 1), sample)


async def _concurrent(base_url: str, *, key: str, graduate_ids: Sequence[int], clients: int, seconds: float,
                      max_requests: int) -> tuple[list[float], int, float, str]:
    ids = itertools.cycle(graduate_ids)
    timings: list[float] = []
    errors = 0
    issued = 0
    sample = ""
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, headers={"X-API-Key": key}, timeout=30.0,
                                 limits=limits) as client:
        started = time.perf_counter()
        stop_at = started + seconds

        async def one_client() -> None:
            nonlocal errors, issued, sample
            # Closed loop: each client sends its next request as soon as the last one returns.
            while issued < max_requests and time.perf_counter() < stop_at:
                issued += 1
                t0 = time.perf_counter()
                try:
                    response = await client.post("/v1/match", json={"graduate_id": next(ids)})
                    good = response.status_code == 200
                    sample = sample or ("" if good else f"HTTP {response.status_code}: {response.text[:200]}")
                except httpx.HTTPError as error:
                    good, sample = False, sample or repr(error)
                if good:
                    timings.append(time.perf_counter() - t0)
                else:
                    errors += 1

        await asyncio.gather(*(one_client() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return timings, errors, elapsed, sample


def concurrent(server: Server, *, key: str, graduate_ids: Sequence[int], clients: int, seconds: float,
               max_requests: int) -> LoadResult:
    """``clients`` closed-loop clients for ``seconds`` or ``max_requests`` requests, whichever ends first."""
    # A short unmeasured burst first, so every worker has served requests before the clock runs.
    asyncio.run(_concurrent(server.base_url, key=key, graduate_ids=graduate_ids, clients=clients, seconds=2.0,
                            max_requests=4 * clients))
    cpu0, server0 = _self_cpu(), _server_cpu(server)
    timings, errors, elapsed, sample = asyncio.run(_concurrent(
        server.base_url, key=key, graduate_ids=graduate_ids, clients=clients, seconds=seconds,
        max_requests=max_requests))
    server_cpu = _server_cpu(server) - server0
    return LoadResult("concurrent", server.workers, clients, elapsed, len(timings), errors, Latency.of(timings),
                      (_self_cpu() - cpu0) / elapsed, 1000 * server_cpu / max(len(timings) + errors, 1), sample)
