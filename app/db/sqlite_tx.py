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

Within one process the writers also queue on a lock of their own before BEGIN IMMEDIATE: SQLite's
busy handler polls with growing sleeps (up to 100 ms), so under steady writes a waiter could miss
free moments for seconds, while a thread lock hands over at once. Other processes (the CLI) still
wait through the busy timeout.
"""
from __future__ import annotations

import sqlite3
import threading
from typing import Any

from sqlalchemy import Connection, Engine, event

# Execution option marking a connection whose transactions begin with the write lock.
WRITE_INTENT = "jobmatch_sqlite_write"
_STATE = "jobmatch_sqlite_tx"  # in Connection.info: "read", "write" or "starting"
_HOLDS = "jobmatch_sqlite_holds"  # in Connection.info: this connection holds the writers' lock
_READS = ("SELECT", "PRAGMA", "EXPLAIN", "VALUES")


def install(engine: Engine, *, busy_timeout: float) -> None:
    writers = _Writers(threading.Lock(), busy_timeout)
    event.listen(engine, "connect", _pragmas)
    event.listen(engine, "begin", writers.begin)
    event.listen(engine, "before_cursor_execute", writers.before_execute)
    for name in ("commit", "rollback"):
        event.listen(engine, name, writers.end)
    # A connection given back or dropped in the middle of a transaction gives the lock back too.
    event.listen(engine.pool, "reset", lambda _dbapi, record, _state: writers.dropped(record))
    for name in ("checkin", "close"):
        event.listen(engine.pool, name, lambda _dbapi, record: writers.dropped(record))
    event.listen(engine.pool, "invalidate", lambda _dbapi, record, _error: writers.dropped(record))


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


class _Writers:
    def __init__(self, lock: threading.Lock, busy_timeout: float) -> None:
        self.lock = lock
        self.busy_timeout = busy_timeout

    def _take(self, info: dict[str, Any]) -> None:
        if not self.lock.acquire(timeout=self.busy_timeout):
            raise sqlite3.OperationalError("database is locked (waited for this process's other writers)")
        info[_HOLDS] = True

    def _give(self, info: dict[str, Any]) -> None:
        if info.pop(_HOLDS, False):
            self.lock.release()

    def begin(self, connection: Connection) -> None:
        immediate = bool(connection.get_execution_options().get(WRITE_INTENT))
        connection.info[_STATE] = "starting"
        if immediate:
            self._take(connection.info)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
        connection.info[_STATE] = "write" if immediate else "read"

    def before_execute(self, connection: Connection, cursor: Any, statement: str, _parameters: Any, context: Any,
                       _executemany: bool) -> None:
        if connection.info.get(_STATE) != "read" or not _writes(statement, context):
            return
        connection.info[_STATE] = "starting"
        cursor.execute("COMMIT")  # ends a transaction that has only read: nothing is lost
        self._take(connection.info)
        cursor.execute("BEGIN IMMEDIATE")  # waits up to the busy timeout for other processes' writers
        connection.info[_STATE] = "write"

    def end(self, connection: Connection) -> None:
        # Fired just before COMMIT or ROLLBACK: the next writer's BEGIN IMMEDIATE waits the
        # moment it takes (the busy handler's first sleep is 1 ms).
        connection.info[_STATE] = "ended"
        self._give(connection.info)

    def dropped(self, record: Any) -> None:
        if record is not None:
            self._give(record.info)


def _writes(statement: str, context: Any) -> bool:
    head = statement.lstrip()[:8].upper()
    if head.startswith(_READS):
        return False
    if head.startswith("WITH"):
        return bool(context is not None and (context.isinsert or context.isupdate or context.isdelete))
    # INSERT, UPDATE, DELETE, DDL, and SAVEPOINT: a savepoint is opened to write inside it, and a
    # restart once it exists would end it.
    return True
