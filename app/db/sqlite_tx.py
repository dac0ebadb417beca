"""SQLite transactions that wait for the write lock instead of failing on a read-to-write upgrade.

In WAL mode a deferred transaction that has read and then writes must turn its read snapshot into
the write lock. If another connection committed in between, SQLite refuses at once with "database is
locked" (SQLITE_BUSY_SNAPSHOT): the busy timeout cannot help, since waiting never makes the old
snapshot current. Under load that failed most requests that read and then wrote (a match and its
impressions, a staff read and its audit entry, the embedder). Two rules avoid it:

1. A unit of work known to write (an HTTP write request, the CLI) begins with BEGIN IMMEDIATE: it
   takes the write lock before it reads, and a competing writer waits (busy timeout) for its turn.
2. A transaction that began as a read and has written nothing yet is restarted at its first write:
   COMMIT (it wrote nothing) and BEGIN IMMEDIATE, so it waits for the lock instead of upgrading.
   What it read before is then as of a moment earlier, the guarantee PostgreSQL's default READ
   COMMITTED gives too. That suits appends (match impressions, audit entries); code that must only
   write over a row it read unchanged says so in its UPDATE's WHERE (see the embedder).
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, event

# Execution option marking a connection whose transactions begin with the write lock.
WRITE_INTENT = "jobmatch_sqlite_write"
_STATE = "jobmatch_sqlite_tx"  # in Connection.info: "read", "write" or "starting"
_READS = ("SELECT", "PRAGMA", "EXPLAIN", "VALUES")


def install(engine: Engine) -> None:
    event.listen(engine, "connect", _pragmas)
    event.listen(engine, "begin", _begin)
    event.listen(engine, "before_cursor_execute", _before_execute)


def _pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling breaks SAVEPOINT; SQLAlchemy's documented
    # recipe is to switch it off and emit BEGIN ourselves (see _begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets readers run while one connection writes; foreign keys are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin(connection: Connection) -> None:
    immediate = bool(connection.get_execution_options().get(WRITE_INTENT))
    connection.info[_STATE] = "starting"
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
    connection.info[_STATE] = "write" if immediate else "read"


def _writes(statement: str, context: Any) -> bool:
    head = statement.lstrip()[:8].upper()
    if head.startswith(_READS):
        return False
    if head.startswith("WITH"):
        return bool(context is not None and (context.isinsert or context.isupdate or context.isdelete))
    # INSERT, UPDATE, DELETE, DDL, and SAVEPOINT: a savepoint is opened to write inside it, and a
    # restart once it exists would end it.
    return True


def _before_execute(connection: Connection, cursor: Any, statement: str, _parameters: Any, context: Any,
                    _executemany: bool) -> None:
    if connection.info.get(_STATE) != "read" or not _writes(statement, context):
        return
    connection.info[_STATE] = "starting"
    cursor.execute("COMMIT")  # ends a transaction that has only read: nothing is lost
    cursor.execute("BEGIN IMMEDIATE")  # waits up to the busy timeout for the write lock
    connection.info[_STATE] = "write"
