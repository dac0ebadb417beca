"""Request ids on every response and log line, metrics labels by full route (issue 9, item 14),
and the request-line rewriting behind raw UTF-8 URLs (item 13; the real-server half is in
test_server_process.py)."""
from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.api.http_protocol import percent_encode_request_line
from app.core.logging import JsonFormatter
from app.main import app
from app.services.runtime import get_match_engine
from tests.conftest import Keys


@pytest.fixture
def access_log() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("jobmatch.access")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(level)


def _broken_engine() -> None:
    raise RuntimeError("a bug the handlers do not know")


def test_an_unexpected_500_carries_the_request_id_of_its_own_request(
        client: TestClient, keys: Keys, access_log: io.StringIO) -> None:
    app.dependency_overrides[get_match_engine] = _broken_engine
    before = client.get("/healthz", headers={"X-Request-ID": "the-request-before"})
    failed = client.get("/v1/index/status", headers=keys.headers("staff"))
    assert before.status_code == 200
    assert failed.status_code == 500
    request_id = failed.headers["X-Request-ID"]
    assert failed.json() == {"error": {"code": "internal_error", "details": [], "message":
                                       "an unexpected error occurred; it has been logged with this request id"},
                             "request_id": request_id}
    entries = [json.loads(line) for line in access_log.getvalue().splitlines()]
    unhandled = [entry for entry in entries if entry["message"] == "unhandled error"]
    assert [entry["request_id"] for entry in unhandled] == [request_id]
    assert "RuntimeError" in unhandled[0]["exception"]
    served = [entry for entry in entries if entry["message"] == "request" and entry["status"] == 500]
    assert [(entry["request_id"], entry["route"]) for entry in served] == [(request_id, "/v1/index/status")]


def test_metrics_label_triage_routes_with_their_full_path(client: TestClient, keys: Keys) -> None:
    staff = keys.headers("staff")
    assert client.get("/v1/triage/figures/services", headers=staff).status_code == 200
    assert client.get("/v1/triage/graduates/1/outcomes", headers=staff).status_code in (200, 404)
    metrics = client.get("/metrics").text
    assert 'route="/v1/triage/figures/services"' in metrics
    assert 'route="/v1/triage/graduates/{graduate_id}/outcomes"' in metrics
    assert 'route="/figures/services"' not in metrics


def test_a_method_not_allowed_names_the_allowed_ones(client: TestClient, keys: Keys) -> None:
    response = client.request("TRACE", "/v1/jobs", headers=keys.headers("staff"))
    assert response.status_code == 405
    # Starlette names the methods of the first matching route (here POST); GET is served too.
    allowed = set(response.headers["Allow"].replace(" ", "").split(","))
    assert allowed and allowed <= {"GET", "POST"}
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_raw_utf8_in_the_request_line_is_percent_encoded_and_nothing_else() -> None:
    request = "GET /v1/jobs?city=临沂 HTTP/1.1\r\nHost: x\r\nX-Note: 临沂\r\n\r\n".encode()
    assert percent_encode_request_line(request) == (
        b"GET /v1/jobs?city=%E4%B8%B4%E6%B2%82 HTTP/1.1\r\nHost: x\r\nX-Note: " + "临沂".encode() + b"\r\n\r\n")
    # A request line split across two reads: the second read continues it up to its line end.
    assert percent_encode_request_line("沂 HTTP/1.1\r\nX: 临\r\n".encode(), continuing=True) == (
        b"%E6%B2%82 HTTP/1.1\r\nX: " + "临".encode() + b"\r\n")
    # Blank lines before a request line are skipped, as h11 skips them.
    assert percent_encode_request_line("\r\nGET /临 HTTP/1.1\r\n".encode()) == b"\r\nGET /%E4%B8%B4 HTTP/1.1\r\n"
    ascii_only = b"GET /v1/jobs?city=%E4%B8%B4 HTTP/1.1\r\n\r\n"
    assert percent_encode_request_line(ascii_only) is ascii_only
