"""Time limits on PostgreSQL, so a request ends with 503 when the server or the network goes quiet.

A reset connection fails at once, but a silent cut (packets dropped, or a proxy that stops
forwarding) answers nothing: without limits every request in flight waited for the whole cut. Each
layer has its own limit:

- connecting: libpq ``connect_timeout``;
- a statement the server is working on: ``statement_timeout`` (the server cancels it);
- the network: TCP keepalives and ``tcp_user_timeout`` let the kernel give up on a peer that stopped
  acknowledging;
- any single round trip, whatever the cause: a watchdog closes the socket of a connection that has
  waited longer than ``io_timeout`` (more than the statement timeout, so a slow statement is still
  cancelled by the server first). The kernel-level limits cannot see a middlebox that acknowledges
  the bytes and then holds them; this one can;
- waiting for a pooled connection: the pool's ``pool_timeout``.
"""
from __future__ import annotations

import contextlib
import heapq
import logging
import os
import socket
import threading
import time
from typing import Any

import psycopg
from sqlalchemy import Engine, event
from sqlalchemy.engine import URL

log = logging.getLogger("jobmatch.db")


class DatabaseSilent(psycopg.OperationalError):
    """The server sent nothing back within the io timeout; the connection was closed."""


def connect_args(url: URL, *, connect_timeout: int, statement_timeout: float, tcp_user_timeout: int,
                 keepalives_idle: int) -> dict[str, Any]:
    args: dict[str, Any] = {
        "connect_timeout": connect_timeout,
        "keepalives": 1,
        "keepalives_idle": keepalives_idle,
        "keepalives_interval": max(1, keepalives_idle // 3),
        "keepalives_count": 3,
    }
    if tcp_user_timeout:
        args["tcp_user_timeout"] = tcp_user_timeout * 1000  # libpq takes milliseconds
    if statement_timeout:
        option = f"-c statement_timeout={int(statement_timeout * 1000)}"
        given = url.query.get("options")
        args["options"] = f"{given} {option}" if isinstance(given, str) else option
    return args


def install(engine: Engine, *, io_timeout: float) -> None:
    connection_class = type("GuardedConnection", (_GuardedConnection,), {"io_timeout": io_timeout})

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        return connection_class.connect(*cargs, **cparams)


class _GuardedConnection(psycopg.Connection[Any]):
    """Every network wait of psycopg's sync connection goes through ``wait`` (queries, commit,
    rollback, the pool's ping), so one override bounds them all."""

    io_timeout: float = 40.0

    def wait(self, gen: Any, *args: Any, **kwargs: Any) -> Any:
        fired = _WATCHDOG.arm(self.fileno(), self.io_timeout)
        try:
            return super().wait(gen, *args, **kwargs)
        except psycopg.OperationalError as error:
            if fired.is_set():
                raise DatabaseSilent(f"no answer from the database within {self.io_timeout:g} s") from error
            raise
        finally:
            _WATCHDOG.disarm(fired)


class _Watchdog:
    """One thread for the whole process; arming and disarming cost a heap push and a dict update."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._armed: dict[threading.Event, int] = {}
        self._heap: list[tuple[float, int, threading.Event]] = []
        self._counter = 0
        self._thread: threading.Thread | None = None

    def arm(self, fd: int, seconds: float) -> threading.Event:
        fired = threading.Event()
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="db-watchdog", daemon=True)
                self._thread.start()
            self._counter += 1
            self._armed[fired] = fd
            if len(self._heap) > 1000 + 2 * len(self._armed):  # mostly calls that ended in time
                self._heap = [entry for entry in self._heap if entry[2] in self._armed]
                heapq.heapify(self._heap)
            heapq.heappush(self._heap, (time.monotonic() + seconds, self._counter, fired))
            if self._heap[0][2] is fired:  # the watchdog sleeps until the earliest deadline
                self._lock.notify()
        return fired

    def disarm(self, fired: threading.Event) -> None:
        with self._lock:
            self._armed.pop(fired, None)

    def _run(self) -> None:
        with self._lock:
            while True:
                while self._heap and self._heap[0][2] not in self._armed:
                    heapq.heappop(self._heap)  # finished in time
                if not self._heap:
                    self._lock.wait()
                    continue
                deadline, _, fired = self._heap[0]
                if time.monotonic() < deadline:
                    self._lock.wait(deadline - time.monotonic())
                    continue
                heapq.heappop(self._heap)
                fd = self._armed.pop(fired)
                fired.set()
                log.warning("no answer from the database within the io timeout; closing the connection")
                _shut(fd)


def _shut(fd: int) -> None:
    # Shutting the socket down (not closing the descriptor, which psycopg owns) wakes the blocked
    # wait with end-of-file, and libpq reports the connection as lost.
    with contextlib.suppress(OSError), socket.socket(fileno=os.dup(fd)) as sock:
        sock.shutdown(socket.SHUT_RDWR)


_WATCHDOG = _Watchdog()

