"""Health, readiness, metrics, request ids, and behaviour while the database is down."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.db.models import ApiKey
from app.db.session import make_engine, set_engine
from app.domain.enums import Role
from app.main import app
from app.services.keys import create_key
from tests.tcp_proxy import TcpProxy


def test_health_ready_and_request_id(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    echoed = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["X-Request-ID"] == "abc-123"
    generated = client.get("/healthz").headers["X-Request-ID"]
    assert len(generated) == 32


def test_errors_carry_the_request_id(client: TestClient) -> None:
    response = client.get("/v1/jobs", headers={"X-Request-ID": "trace-me"})
    assert response.json()["request_id"] == "trace-me"


def test_metrics_count_requests_by_route_template(client: TestClient, keys) -> None:  # type: ignore[no-untyped-def]
    client.get("/v1/jobs/12345", headers=keys.headers("platform"))
    text = client.get("/metrics").text
    assert 'jobmatch_http_requests_total{method="GET",route="/v1/jobs/{job_id}",status="404"}' in text
    assert "jobmatch_http_request_duration_seconds_bucket" in text


@pytest.fixture
def proxied_postgres(engine: Engine) -> Iterator[tuple[TcpProxy, Engine]]:
    if engine.dialect.name != "postgresql":
        pytest.skip("an embedded SQLite file cannot go down; the outage test needs a server")
    url = make_url(engine.url)
    proxy = TcpProxy(target_host=url.host or "127.0.0.1", target_port=url.port or 5432)
    proxy.start()
    proxied = make_engine(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
    set_engine(proxied)
    yield proxy, proxied
    proxy.stop()
    proxied.dispose()
    set_engine(engine)


def test_database_outage_gives_503_and_recovers(proxied_postgres: tuple[TcpProxy, Engine]) -> None:
    proxy, proxied = proxied_postgres
    with Session(proxied) as session:
        key, plaintext = create_key(session, role=Role.PLATFORM, name="outage test")
        key_id = key.id
        session.commit()
    headers = {"X-API-Key": plaintext}
    try:
        with TestClient(app) as client:
            assert client.get("/v1/jobs", headers=headers).status_code == 200
            proxy.stop()
            down = client.get("/v1/jobs", headers=headers)
            assert down.status_code == 503
            assert down.json()["error"]["code"] == "database_unavailable"
            assert "Traceback" not in down.text
            assert client.get("/readyz").status_code == 503
            assert client.get("/healthz").status_code == 200
            proxy.start()  # same port: the database is back
            assert client.get("/v1/jobs", headers=headers).status_code == 200
            assert client.get("/readyz").status_code == 200
    finally:
        with Session(proxied) as session:
            session.execute(delete(ApiKey).where(ApiKey.id == key_id))
            session.commit()
