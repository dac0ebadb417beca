"""The service with one extra route that raises, for the real-server test of unexpected errors.

Served by tests/api/test_server_process.py in its own uvicorn process; never imported by the suite.
"""
from __future__ import annotations

from app.main import app


@app.get("/test/unexpected-error", include_in_schema=False)
def unexpected_error() -> None:
    raise OverflowError("a bug the handlers do not know")
