"""Helpers for tests that start real server processes."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, *, path: str = "/readyz") -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}{path}", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"server at {url} did not become ready")


def scratch_postgres_database(name: str) -> Iterator[str]:
    """A fresh PostgreSQL database for server-process tests (yields its URL, drops it after);
    skipped when PostgreSQL is unreachable, except under CI."""
    from tests.conftest import IN_CI, POSTGRES_ADMIN_URL

    admin: Engine = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT",
                                  connect_args={"connect_timeout": 3})
    try:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            connection.execute(text(f"CREATE DATABASE {name}"))
    except Exception as error:  # noqa: BLE001
        if IN_CI:
            pytest.fail(f"PostgreSQL is required under CI but unreachable: {error}")
        pytest.skip(f"PostgreSQL not reachable: {type(error).__name__}")
    yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def two_api_servers(env: dict[str, str]) -> Iterator[tuple[str, str, dict[str, str]]]:
    """Two `jobmatch serve` processes on the database ``env`` names, and a staff key's headers."""
    created = subprocess.run([sys.executable, "-m", "app.cli", "keys", "create", "--role", "staff", "--name", "t"],
                             cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120)
    headers = {"X-API-Key": created.stdout.strip().splitlines()[-1]}
    processes, urls = [], []
    for _ in range(2):
        port = free_port()
        processes.append(subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
                                          cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            wait_ready(url)
        yield urls[0], urls[1], headers
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
