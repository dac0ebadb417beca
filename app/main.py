"""The ASGI application: ``app.main:app``."""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from app.api import audit, graduates, jobs, matching, me, ops, screening
from app.api import triage, triage_figures, triage_ledger
from app.api import fair_schedule, fair_upload, fairs
from app.api.deps import refuse_unstorable_query
from app.api.errors import ERROR_RESPONSES, install_error_handlers
from app.console.router import install_console
from app.api.middleware import BodyLimitMiddleware, RequestContextMiddleware
from app.config import get_settings
from app.core.logging import configure_logging
from app.db.migrate import is_current, upgrade_to_head
from app.db.session import get_engine
from app.services.runtime import IndexWorker, get_match_engine

log = logging.getLogger("jobmatch")

DESCRIPTION = """Job matching for Shandong's public employment service: postings tagged by the
ten strong industries, the real-name registry of unemployed college graduates, and matching
between them. Send an API key in the `X-API-Key` header."""


def _prepare_database() -> None:
    engine = get_engine()
    if get_settings().should_migrate_on_start:
        upgrade_to_head(engine)
    elif not is_current(engine):
        # Refuse loudly rather than serve on an old schema; /readyz says the same.
        log.error("database schema is not at the latest migration: run `jobmatch migrate`")


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    try:
        _prepare_database()
    except Exception:  # the database may be down at start; /readyz reports it and requests get 503
        log.exception("could not prepare the database at start")
    worker = _start_worker()
    yield
    if worker is not None:
        worker.stop()


def _start_worker() -> IndexWorker | None:
    settings = get_settings()
    if not settings.background_worker:
        return None
    # Loads the encoder and the index now, not on the first request.
    worker = IndexWorker(get_match_engine(), poll_seconds=settings.worker_poll_seconds,
                         batch_size=settings.embed_batch_size, embed=settings.embed_in_api)
    worker.start()
    return worker


def create_app() -> FastAPI:
    settings = get_settings()
    configure_logging(level=settings.log_level, json_format=settings.log_json)
    app = FastAPI(title="Qilu JobMatch", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  dependencies=[Depends(refuse_unstorable_query)])
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestContextMiddleware)
    app.include_router(ops.router)
    for router in (jobs.router, graduates.router, matching.router, screening.router, audit.router,
                   triage.router, triage_ledger.router, triage_figures.router, me.router):
        app.include_router(router, responses=ERROR_RESPONSES)
    for router in (fair_upload.router, fairs.router, fair_schedule.router):  # job fairs (P4)
        app.include_router(router, responses=ERROR_RESPONSES)
    install_console(app)  # /console: the staff and organiser web console (static files over this API)
    return app


app = create_app()
