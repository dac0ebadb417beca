"""Serves the console's page at /console; app.api.routes mounts its assets at /console/static/*.

The assets ship inside the package (pyproject package-data) and every library is vendored under
static/vendor/ with its licence, so the console works on an office network without internet."""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, RedirectResponse

STATIC = Path(__file__).resolve().parent / "static"
# Scripts only from this server (no inline script, no CDN); ECharts sets inline styles; the API key
# is sent only to this origin. frame-ancestors: no other site may frame the page (clickjacking).
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; "
                           "base-uri 'none'; form-action 'self'")
PAGE_HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache"}

router = APIRouter(include_in_schema=False)


@router.get("/console")
def console_page() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)


@router.get("/console/")
def console_slash() -> RedirectResponse:
    return RedirectResponse("/console", status_code=308)

