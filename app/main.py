"""The ASGI application: ``app.main:app``."""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from app.api.deps import refuse_unstorable_query
from app.api.errors import install_error_handlers
from app.api.openapi import TAGS, install_docs
from app.api.middleware import BodyLimitMiddleware, RequestContextMiddleware
from app.api.routes import include_routes
from app.config import get_settings
from app.core.logging import configure_logging
from app.db.migrate import is_current, upgrade_to_head
from app.db.session import get_engine
from app.fairs.pairing_executor import start_pairing_executor
from app.services.runtime import IndexRefresher, IndexWorker, get_impression_writer, get_match_engine

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
    refresher = _start_refresher()
    worker = _start_worker()
    pairing = start_pairing_executor(get_settings())
    yield
    if pairing is not None:
        pairing.stop()
    if worker is not None:
        worker.stop()
    if refresher is not None:
        refresher.stop()
    # Every impression a response promised is written before the process ends.
    if get_impression_writer.cache_info().currsize:
        get_impression_writer().stop()


def _start_refresher() -> IndexRefresher | None:
    settings = get_settings()
    if not settings.background_refresher:
        return None
    # Loads the encoder now and the index in the background; requests wait for that first load.
    refresher = IndexRefresher(get_match_engine(), period_seconds=settings.refresh_seconds,
                               snapshot_dir=settings.snapshot_path, snapshot_after_changes=settings.snapshot_after_changes,
                               snapshot_min_seconds=settings.snapshot_min_seconds)
    refresher.start()
    return refresher


def _start_worker() -> IndexWorker | None:
    settings = get_settings()
    if not settings.background_worker:
        return None
    if not settings.embed_in_api and settings.background_refresher:
        return None  # nothing left for it: `jobmatch worker` embeds and the refresher applies the feed
    # Loads the encoder and the index now, not on the first request.
    worker = IndexWorker(get_match_engine(), poll_seconds=settings.worker_poll_seconds,
                         batch_size=settings.embed_batch_size, embed=settings.embed_in_api)
    worker.start()
    return worker


def create_app() -> FastAPI:
    settings = get_settings()
    configure_logging(level=settings.log_level, json_format=settings.log_json)
    # docs_url/redoc_url None: FastAPI's pages load their assets from a CDN; install_docs serves local ones.
    app = FastAPI(title="Qilu JobMatch", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  dependencies=[Depends(refuse_unstorable_query)], openapi_tags=TAGS, docs_url=None, redoc_url=None)
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestContextMiddleware)
    include_routes(app)  # app/api/routes.py lists every router
    install_docs(app)  # /docs, /redoc and the finished /openapi.json
    return app


app = create_app()
