"""A database of a test's own, on the test's backend, committed to for real: for code that opens
connections of its own (a refresher, a bulk writer, threads), which cannot see the uncommitted
transaction the ordinary fixtures run in."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import Engine

from app.db.migrate import upgrade_to_head
from app.db.session import make_engine, set_engine
from tests.conftest import POSTGRES_ADMIN_URL, POSTGRES_TEST_DB


def _admin(sql: str) -> None:
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(sql))
    finally:
        admin.dispose()


@contextmanager
def live_database(engine: Engine, tmp_path: Path, *, suffix: str) -> Iterator[Engine]:
    """A migrated database set as the app's engine while the block runs, dropped afterwards.
    ``suffix`` keeps the PostgreSQL databases of different test modules apart."""
    name = f"{POSTGRES_TEST_DB}_{suffix}"
    if engine.dialect.name == "sqlite":
        url = f"sqlite:///{tmp_path / f'{suffix}.db'}"
    else:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        _admin(f"CREATE DATABASE {name}")
        url = make_url(engine.url).set(database=name).render_as_string(hide_password=False)
    live = make_engine(url)
    upgrade_to_head(live)
    set_engine(live)
    try:
        yield live
    finally:
        live.dispose()
        set_engine(engine)
        if engine.dialect.name != "sqlite":
            _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
