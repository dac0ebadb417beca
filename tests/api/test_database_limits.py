"""A database that goes quiet, runs out of connections or is locked gives 503, never a hang or a 500.

Issue 9, item 8: a silent network cut to PostgreSQL (packets held, not refused) hung every request
for the whole cut, and a pool time-out surfaced as 500. L8: the 503 log line must say why, and the
body must not call a lock conflict "not reachable". The time limits are set low here so the tests
are quick; each request is awaited with a generous limit so that a hang fails the test instead of
stalling the suite. Nothing here asserts how long anything took.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from app.config import get_settings
from app.db.errors import classify, summary
from app.db.models import ApiKey
from app.db.session import make_engine, set_engine
from app.domain.enums import Role
from app.main import app
from app.services.keys import create_key
from tests.factories import job_body
from tests.tcp_proxy import TcpProxy

HANG = 120.0  # seconds after which a request counts as hung: the test fails instead of waiting on
QUICK = {"pg_connect_timeout_seconds": 1, "pg_statement_timeout_seconds": 1.0, "pg_io_timeout_seconds": 2.0,
         "pg_pool_timeout_seconds": 0.5, "sqlite_busy_timeout_seconds": 0.2}


def _engine(url: str, **overrides: Any) -> Engine:
    return make_engine(url, settings=get_settings().model_copy(update={**QUICK, **overrides}))


def _postgres_only(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("an embedded SQLite file has no network and no server to lose")


@pytest.fixture
def platform_key(engine: Engine) -> Iterator[dict[str, str]]:
    """A committed key (these tests use their own engines, outside the per-test transaction)."""
    with Session(engine) as session:
        key, plaintext = create_key(session, role=Role.PLATFORM, name="limits test")
        key_id = key.id
        session.commit()
    yield {"X-API-Key": plaintext}
    with Session(engine) as session:
        session.execute(delete(ApiKey).where(ApiKey.id == key_id))
        session.commit()


@pytest.fixture
def held_proxy(engine: Engine) -> Iterator[tuple[TcpProxy, Engine]]:
    _postgres_only(engine)
    url = make_url(engine.url)
    proxy = TcpProxy(target_host=url.host or "127.0.0.1", target_port=url.port or 5432)
    proxy.start()
    proxied = _engine(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
    set_engine(proxied)
    try:
        yield proxy, proxied
    finally:
        proxy.release()  # lets anything still waiting finish before the connections close
        proxy.stop()
        proxied.dispose()
        set_engine(engine)


def _concurrently(call: Any, count: int) -> list[Any]:
    """Results of ``count`` concurrent calls; fails (never waits on) a call still running after HANG s."""
    results: list[Any] = [None] * count

    def run(slot: int) -> None:
        results[slot] = call()

    # Daemon threads: a hung call must neither stall this test nor the interpreter's exit.
    threads = [threading.Thread(target=run, args=(slot,), daemon=True) for slot in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=HANG)
        assert not thread.is_alive(), f"a call was still waiting after {HANG:g} s: it hung"
    return results


def test_a_silent_network_cut_gives_503_not_a_hang(held_proxy: tuple[TcpProxy, Engine],
                                                    platform_key: dict[str, str],
                                                    caplog: pytest.LogCaptureFixture) -> None:
    proxy, _ = held_proxy
    # No lifespan (the schema is in place): a request that hangs must not hold up the client's exit.
    client = TestClient(app)
    assert client.get("/v1/jobs", headers=platform_key).status_code == 200  # a pooled connection exists
    proxy.hold()
    try:
        # One request finds the pooled connection (now silent), the others have to connect.
        responses = _concurrently(lambda: client.get("/v1/jobs", headers=platform_key), 4)
        ready = _concurrently(lambda: client.get("/readyz"), 1)[0]
    finally:
        proxy.release()
    assert [r.status_code for r in responses] == [503] * 4
    assert {r.json()["error"]["code"] for r in responses} == {"database_unavailable"}
    assert ready.status_code == 503
    assert client.get("/v1/jobs", headers=platform_key).status_code == 200  # and it recovers
    assert "database unavailable (unreachable)" in caplog.text or "database unavailable (no_answer)" in caplog.text


def test_a_statement_on_a_connection_that_goes_silent_is_abandoned(held_proxy: tuple[TcpProxy, Engine]) -> None:
    proxy, proxied = held_proxy
    with proxied.connect() as connection:
        connection.execute(text("SELECT 1"))
        proxy.hold()

        def query() -> BaseException | None:
            try:
                connection.execute(text("SELECT 2"))
            except OperationalError as error:
                return error
            return None

        try:
            error = _concurrently(query, 1)[0]
        finally:
            proxy.release()  # before the connection is closed: a hung statement must first end
    assert error is not None, "the statement got an answer through a silent network"
    trouble = classify(error)
    assert trouble is not None and trouble.reason == "no_answer"
    assert error.connection_invalidated  # the pool will not hand this connection out again


def test_an_exhausted_pool_gives_503_with_the_reason(engine: Engine, platform_key: dict[str, str],
                                                     caplog: pytest.LogCaptureFixture) -> None:
    _postgres_only(engine)
    small = _engine(engine.url.render_as_string(hide_password=False), pg_pool_size=1, pg_max_overflow=0)
    set_engine(small)
    try:
        with TestClient(app) as client, small.connect() as held:
            held.execute(text("SELECT 1"))  # the only connection, kept busy
            response = client.get("/v1/jobs", headers=platform_key)
        assert response.status_code == 503
        body = response.json()["error"]
        assert body["code"] == "database_unavailable"
        assert "connections are busy" in body["message"]
        assert response.headers["Retry-After"] == "1"
        assert "database unavailable (pool_exhausted)" in caplog.text
    finally:
        small.dispose()
        set_engine(engine)


def test_a_lock_held_too_long_is_503_busy_not_unreachable(engine: Engine, platform_key: dict[str, str],
                                                          caplog: pytest.LogCaptureFixture) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL writers wait on row locks, not on one database lock")
    quick = _engine(engine.url.render_as_string(hide_password=False))
    set_engine(quick)
    other = sqlite3.connect(make_url(engine.url).database or "", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process writing, for longer than the busy timeout
        with TestClient(app) as client:
            response = client.post("/v1/jobs", headers=platform_key, json=job_body("locked-out"))
            other.execute("ROLLBACK")
            assert response.status_code == 503
            message = response.json()["error"]["message"]
            assert "busy" in message and "not reachable" not in message
            assert "database unavailable (locked)" in caplog.text
            # Nothing was half-written, and reads go on.
            assert client.get("/v1/jobs", headers=platform_key).json()["items"] == []
    finally:
        other.close()
        quick.dispose()
        set_engine(engine)


def test_the_log_summary_leaves_out_sql_parameters() -> None:
    error = OperationalError("SELECT * FROM graduates WHERE national_id = ?", ("370102200103151230",),
                             sqlite3.OperationalError("database is locked"))
    assert summary(error) == "OperationalError: database is locked"
    trouble = classify(error)
    assert trouble is not None and trouble.reason == "locked"


def test_bad_data_is_not_mistaken_for_an_outage() -> None:
    error = IntegrityError("INSERT INTO jobs ...", (), sqlite3.IntegrityError("UNIQUE constraint failed"))
    assert classify(error) is None
