"""Which database errors mean "try again shortly", and why: for the 503 body and the log line."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.db.pg_guard import DatabaseSilent

_LOCK_WORDS = ("database is locked", "database table is locked", "deadlock detected", "could not obtain lock",
               "could not serialize access")


@dataclass(frozen=True)
class DatabaseTrouble:
    reason: str  # for operators: locked, pool_exhausted, statement_timeout, no_answer, unreachable
    message: str  # for callers


def classify(error: BaseException) -> DatabaseTrouble | None:
    """The transient trouble behind ``error``, or None when it is not transient (a bug, bad data)."""
    if isinstance(error, PoolTimeout):
        return DatabaseTrouble("pool_exhausted", "all database connections are busy; please retry shortly")
    if not isinstance(error, DBAPIError):
        return None
    text = str(error.orig).lower()
    if isinstance(error.orig, DatabaseSilent):
        return DatabaseTrouble("no_answer", "the database did not answer in time; please retry shortly")
    if error.connection_invalidated or isinstance(error, InterfaceError):
        return DatabaseTrouble("unreachable", "the database is not reachable right now; please retry shortly")
    if not isinstance(error, OperationalError):
        return None
    if any(words in text for words in _LOCK_WORDS):
        return DatabaseTrouble("locked", "the database is busy with other writes; please retry shortly")
    if "statement timeout" in text:
        return DatabaseTrouble("statement_timeout", "the database did not answer in time; please retry shortly")
    return DatabaseTrouble("unreachable", "the database is not reachable right now; please retry shortly")


def summary(error: BaseException) -> str:
    """The driver's own first line, without the SQL and parameters SQLAlchemy appends (they may hold
    personal data)."""
    orig = error.orig if isinstance(error, DBAPIError) else error
    lines = str(orig).strip().splitlines()
    return f"{type(orig).__name__}: {lines[0] if lines else ''}"
