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
from app.schemas.ops import Health, Readiness

router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="Liveness", response_model=Health)
def healthz() -> dict[str, str]:
    """The process is alive and answering (says nothing about the database): for a liveness probe."""
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness", response_model=Readiness,
            responses={503: {"model": Readiness, "description": "Not ready: the database is unreachable or its "
                                                                "schema is behind (run `jobmatch migrate`)"}})
def readyz() -> JSONResponse:
    """Ready to serve: the database answers and its schema is at the latest migration (200); otherwise
    503 with the reason, so a load balancer sends no traffic here."""
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


@router.get("/metrics", response_class=PlainTextResponse, summary="Prometheus metrics")
def metrics() -> PlainTextResponse:
    """Request counts and latencies by route template, method and status, in the Prometheus text
    format. Labels carry route templates, never ids or personal data."""
    return PlainTextResponse(generate_latest(REGISTRY).decode(), media_type=CONTENT_TYPE_LATEST)
