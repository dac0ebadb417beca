"""Engine and session factory.

One engine per process, created lazily from settings so that the CLI, the
server and the tests can each point at their own database.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings, get_settings
from app.db import pg_guard, sqlite_tx


def make_engine(url: str, *, settings: Settings | None = None) -> Engine:
    settings = settings or get_settings()
    if url.startswith("sqlite"):
        # A connection to a file costs a file handle: enough of them that a request never waits for
        # one behind requests that are encoding or queued for the write lock (40 = the server's threads).
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=30, connect_args={
            "check_same_thread": False, "timeout": settings.sqlite_busy_timeout_seconds})
        sqlite_tx.install(engine, busy_timeout=settings.sqlite_busy_timeout_seconds)
        return engine
    engine = create_engine(
        url, pool_pre_ping=True, pool_size=settings.pg_pool_size, max_overflow=settings.pg_max_overflow,
        pool_timeout=settings.pg_pool_timeout_seconds,
        connect_args=pg_guard.connect_args(
            make_url(url), connect_timeout=settings.pg_connect_timeout_seconds,
            statement_timeout=settings.pg_statement_timeout_seconds,
            tcp_user_timeout=settings.pg_tcp_user_timeout_seconds,
            keepalives_idle=settings.pg_keepalives_idle_seconds))
    if engine.dialect.driver == "psycopg":
        pg_guard.install(engine, io_timeout=settings.pg_io_timeout_seconds)
    return engine


_engine: Engine | None = None
_factories: dict[bool, sessionmaker[Session]] = {}


def get_engine() -> Engine:
    if _engine is None:
        set_engine(make_engine(get_settings().database_url))
    assert _engine is not None
    return _engine


def get_session_factory(*, write: bool = False) -> sessionmaker[Session]:
    """Sessions for a unit of work that reads, or (``write=True``) one known to write: on SQLite the
    latter begins with the write lock (see app/db/sqlite_tx.py); elsewhere the two are the same."""
    get_engine()
    return _factories[write]


def set_engine(engine: Engine) -> None:
    """Point the process at another engine (tests, CLI --database)."""
    global _engine
    _engine = engine
    writer = engine.execution_options(**{sqlite_tx.WRITE_INTENT: True})
    _factories[False] = sessionmaker(bind=engine, expire_on_commit=False)
    _factories[True] = sessionmaker(bind=writer, expire_on_commit=False)


@contextmanager
def session_scope(*, write: bool = False) -> Iterator[Session]:
    """Unit of work for requests, scripts and the CLI: commit on success, roll back on error."""
    session = get_session_factory(write=write)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
