"""A real uvicorn process, reached over real sockets (issue 9, items 13 and 14).

TestClient bypasses the HTTP parser and the server's own error handling, which is where both
defects lived: raw UTF-8 in a request line never reached the app, and an unexpected exception
escaped to uvicorn (second traceback, connection closed, no request id).
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.factories import job_body
from tests.servers import free_port, wait_ready

ROOT = Path(__file__).resolve().parents[2]
# Exactly what `jobmatch serve` runs, with the test app in place of app.main:app.
SERVE = ("import sys, uvicorn; from app.cli import UVICORN_OPTIONS; "
         "uvicorn.run(sys.argv[1], host='127.0.0.1', port=int(sys.argv[2]), **UVICORN_OPTIONS)")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str], Path]]:
    """`jobmatch serve`'s uvicorn settings (the same protocol, our logging) on a scratch SQLite file,
    serving the app plus one route that raises."""
    folder = tmp_path_factory.mktemp("server")
    env = {**os.environ, "JOBMATCH_DATABASE_URL": f"sqlite:///{folder / 'jobmatch.db'}",
           "JOBMATCH_ENCODER": "hashing", "JOBMATCH_BACKGROUND_WORKER": "false", "JOBMATCH_LOG_JSON": "true",
           "JOBMATCH_LOG_LEVEL": "INFO", "JOBMATCH_ENVIRONMENT": "development", "PYTHONPATH": str(ROOT)}
    created = subprocess.run([sys.executable, "-m", "app.cli", "keys", "create", "--role", "staff", "--name", "t"],
                             cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120)
    headers = {"X-API-Key": created.stdout.strip().splitlines()[-1]}
    port = free_port()
    log_path = folder / "server.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen([sys.executable, "-c", SERVE, "tests.api.failing_app:app", str(port)],
                                   cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_ready(url, path="/healthz")
            yield url, headers, log_path
        finally:
            process.terminate()
            process.wait(timeout=20)


def _raw_get(url: str, target: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    host, port = url.removeprefix("http://").split(":")
    lines = [b"GET " + target + b" HTTP/1.1", b"Host: " + host.encode(), b"Connection: close"]
    lines += [f"{name}: {value}".encode() for name, value in headers.items()]
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"\r\n".join(lines) + b"\r\n\r\n")
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), body


@pytest.mark.slow
def test_chinese_typed_straight_into_the_url_is_served(server: tuple[str, dict[str, str], Path]) -> None:
    url, headers, _ = server
    for city in ("临沂", "济南"):
        assert httpx.post(f"{url}/v1/jobs", json=job_body(f"raw-{city}", city=city), headers=headers,
                          timeout=30).status_code == 201
    # The bytes curl sends for `curl "localhost:8000/v1/jobs?city=临沂"`: UTF-8, not percent-encoded.
    status, body = _raw_get(url, "/v1/jobs?city=临沂".encode(), headers)
    assert status == 200, body
    assert [item["city"] for item in json.loads(body)["items"]] == ["临沂"]


def _connection_port(response: httpx.Response) -> int:
    return int(response.extensions["network_stream"].get_extra_info("client_addr")[1])


@pytest.mark.slow
def test_an_unexpected_error_carries_its_request_id_in_response_and_log_and_keeps_the_connection(
        server: tuple[str, dict[str, str], Path]) -> None:
    url, headers, log_path = server
    ports = []
    with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
        first = client.get("/v1/jobs", headers={"X-Request-ID": "the-request-before"})
        ports.append(_connection_port(first))
        failed = client.get("/test/unexpected-error")
        ports.append(_connection_port(failed))
        after = client.get("/v1/jobs")
        ports.append(_connection_port(after))
    assert first.status_code == 200 and after.status_code == 200
    # One keep-alive connection served all three: the 500 did not reset it.
    assert len(set(ports)) == 1, ports
    assert failed.status_code == 500
    request_id = failed.headers["X-Request-ID"]
    assert failed.json()["request_id"] == request_id and failed.json()["error"]["code"] == "internal_error"
    text = log_path.read_text(encoding="utf-8", errors="replace")
    entries = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    unhandled = [entry for entry in entries if entry["message"] == "unhandled error"]
    assert len(unhandled) == 1
    assert unhandled[0]["request_id"] == request_id != "the-request-before"
    assert "OverflowError" in unhandled[0]["exception"]
    # Logged once, by us (before the response was sent): uvicorn saw a finished response, not an exception.
    assert text.count("Traceback") == 1
    assert "Exception in ASGI application" not in text
