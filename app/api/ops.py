"""Operational endpoints: liveness, readiness, Prometheus metrics. No key needed, no personal data."""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.core.metrics import REGISTRY
from app.db.migrate import current_revision, head_revision
from app.db.session import get_engine

router = APIRouter(tags=["operations"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is alive (says nothing about the database)."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz() -> JSONResponse:
    """Ready to serve: the database answers and its schema is at the latest migration."""
    engine = get_engine()
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        current = current_revision(engine)
    except SQLAlchemyError as error:
        return JSONResponse({"status": "unavailable", "database": "unreachable", "reason": type(error).__name__},
                            status_code=503)
    head = head_revision()
    if current != head:
        return JSONResponse({"status": "unavailable", "database": "reachable",
                             "reason": f"schema at revision {current}, expected {head}: run `jobmatch migrate`"},
                            status_code=503)
    return JSONResponse({"status": "ready", "database": "reachable", "revision": current})


@router.get("/metrics", response_class=PlainTextResponse)
def metrics() -> PlainTextResponse:
    return PlainTextResponse(generate_latest(REGISTRY).decode(), media_type=CONTENT_TYPE_LATEST)
