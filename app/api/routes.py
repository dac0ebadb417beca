"""The routing table: every router of the service, listed once. app.main calls include_routes; no
router includes another, so this file is the whole HTTP surface (the console's static files too).

Order matters where paths could overlap: FastAPI tries routes in the order they are included."""
from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles

from app.api import audit, graduates, jobs, matching, me, openapi, ops, screening
from app.api.errors import ERROR_RESPONSES
from app.console import router as console
from app.fairs import pairing_runs_routes as fair_pairing_runs
from app.fairs import routes as fairs
from app.fairs import schedule_routes as fair_schedule
from app.fairs import upload_routes as fair_upload
from app.triage import figures_routes as triage_figures
from app.triage import graduate_routes as triage_graduates
from app.triage import routes as triage

# Health, readiness and metrics: no key needed, so no error body to declare.
OPERATIONS_ROUTERS: tuple[APIRouter, ...] = (ops.router,)

# Every /v1 router; each operation declares the one error body (app.api.errors) for its 4xx answers.
API_ROUTERS: tuple[APIRouter, ...] = (
    jobs.router,
    graduates.router,
    matching.router,
    screening.router,
    audit.router,
    triage.router,  # staff triage (P2, P3, P9, P11): /v1/triage/…
    triage_graduates.router,  # /v1/triage/graduates/{id}/…: services, outcomes, staff member, plan
    triage_figures.router,  # /v1/triage/figures/…
    me.router,
    fair_upload.router,  # job fairs (P4): /v1/fairs/…
    fairs.router,
    fair_schedule.router,
    fair_pairing_runs.router,  # /v1/fairs/{id}/pairing-runs: large pairings in the background
)

# /console: the staff and organiser web console, static files over this API; not in the OpenAPI document.
CONSOLE_ROUTERS: tuple[APIRouter, ...] = (console.router,)


def include_routes(app: FastAPI) -> None:
    for router in OPERATIONS_ROUTERS:
        app.include_router(router)
    for router in API_ROUTERS:
        app.include_router(router, responses=ERROR_RESPONSES)
    for router in CONSOLE_ROUTERS:
        app.include_router(router)
    app.mount("/console/static", StaticFiles(directory=console.STATIC), name="console-static")
    # /docs and /redoc load Swagger UI and ReDoc from here, not from a CDN (app.api.openapi).
    app.mount(openapi.ASSETS, StaticFiles(directory=openapi.STATIC), name="docs-assets")
