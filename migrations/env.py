"""Alembic environment: the URL comes from the app's settings (or a connection passed in)."""
from __future__ import annotations

from alembic import context

from app.config import get_settings
from app.db import models  # noqa: F401  (registers every table on the metadata)
from app.db.base import Base
from app.db.session import make_engine

target_metadata = Base.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or get_settings().database_url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode makes the same migration run on both.
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
