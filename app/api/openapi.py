"""The OpenAPI document as a contract, and the two pages that show it (/docs, /redoc).

The document says, on every operation, who may call it: the roles are read from the route's own
role dependency (``require_roles``), so the text cannot drift from what the code enforces. Every
422 is the service's real error body: FastAPI would declare its own ``{"detail": [...]}`` on a
route that does not declare 422, but the handler in app.api.errors never sends that shape.

Swagger UI and ReDoc are vendored under ``static/docs/`` (versions and licences in the README
there) and served by this process, so /docs and /redoc work on an office network without internet.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute, iter_route_contexts

from app.api.deps import get_caller
from app.api.errors import ERROR_RESPONSES
from app.domain.enums import Role

STATIC = Path(__file__).resolve().parent / "static" / "docs"
# Real request and response bodies, recorded by scripts/openapi_examples.py.
EXAMPLES_FILE = Path(__file__).resolve().parent / "openapi_examples.json"
ASSETS = "/docs/assets"
_DEFAULT_422_SCHEMAS = ("HTTPValidationError", "ValidationError")
# Nothing on the pages may reach another host: ReDoc would fetch its logo from cdn.redoc.ly. The
# inline script is FastAPI's page set-up (no user content on these pages); ReDoc searches in a
# blob: worker.
PAGE_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
PAGE_HEADERS = {"Content-Security-Policy": PAGE_CSP, "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer"}

TAGS: list[dict[str, str]] = [
    {"name": "jobs", "description": "Job postings, each tagged with one of Shandong's ten strong industries (P5): "
                                    "create or update by `external_id`, batches, lists, close. Platforms, staff and "
                                    "admin write; every role reads."},
    {"name": "graduates", "description": "The real-name registry of unemployed college graduates (P1). Staff see "
                                         "national id and phone masked (full only on request, audited) and hardship "
                                         "(every read audited); platforms see only the graduates they registered and "
                                         "never a sensitive field; organisers see the public view."},
    {"name": "matching", "description": "Ranked matches both ways (a graduate's jobs, a job's candidates) with "
                                        "component scores and plain-language reasons, plus feedback on what happened "
                                        "after a match. Nothing a platform or organiser receives reveals hardship."},
    {"name": "screening", "description": "Postings held back by screening for fake offers, discrimination or fees "
                                         "(P10), for staff to clear or confirm."},
    {"name": "audit", "description": "Who read which sensitive personal data, and when (staff and admin)."},
    {"name": "triage", "description": "Staff work on priority graduates: the queue (P2 contact deadline, P3 service "
                                      "count, P9 hardship), a graduate's card, the service ledger, outcomes, the named "
                                      "staff member and the one-to-one plan, and the P11 figures. Staff and admin "
                                      "only."},
    {"name": "fairs", "description": "Job fairs (P4): fairs with interview slots, employer booths, registered "
                                     "graduates, pinned or forbidden pairs, pre-pairing into a schedule, locking, "
                                     "notification and exports. Organisers and admin change them; staff read."},
    {"name": "keys", "description": "Which key is calling (its role and name)."},
    {"name": "operations", "description": "Liveness, readiness and Prometheus metrics for operators and load "
                                          "balancers. No key needed; no personal data."},
]


def install_docs(app: FastAPI) -> None:
    """Publish the finished document at /openapi.json and serve /docs and /redoc from local assets.
    The app must be created with docs_url=None and redoc_url=None (FastAPI's own pages use a CDN)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            finish_document(generate(), app.routes)
        assert app.openapi_schema is not None
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented way to customise it
    app.add_api_route("/docs", _swagger_page(app), include_in_schema=False, response_class=HTMLResponse)
    app.add_api_route("/redoc", _redoc_page(app), include_in_schema=False, response_class=HTMLResponse)


def _swagger_page(app: FastAPI) -> Callable[[Request], HTMLResponse]:
    def page(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        html = get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}", title=f"{app.title} — Swagger UI",
            swagger_js_url=f"{root}{ASSETS}/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS}/swagger-ui/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS}/swagger-ui/favicon-32x32.png",
            oauth2_redirect_url=None,
            # validatorUrl: Swagger UI would otherwise send the document to validator.swagger.io. The key
            # typed under Authorize is not persisted (persistAuthorization off): office PCs are shared.
            swagger_ui_parameters={"validatorUrl": None})
        html.headers.update(PAGE_HEADERS)
        return html
    return page


def _redoc_page(app: FastAPI) -> Callable[[Request], HTMLResponse]:
    def page(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        html = get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}", title=f"{app.title} — ReDoc",
            redoc_js_url=f"{root}{ASSETS}/redoc/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS}/swagger-ui/favicon-32x32.png",
            with_google_fonts=False)
        html.headers.update(PAGE_HEADERS)
        return html
    return page


def finish_document(document: dict[str, Any], routes: list[Any]) -> dict[str, Any]:
    """Add who may call each operation and the recorded examples, and put the real 422 where FastAPI
    declared its own."""
    for route in api_routes(routes):
        for method in route.methods:
            operation = document["paths"].get(route.path_format, {}).get(method.lower())
            if operation is not None:
                _say_who_may_call(operation, route)
    for operation in _operations(document):
        _replace_default_422(operation)
    _add_examples(document, json.loads(EXAMPLES_FILE.read_text(encoding="utf-8")) if EXAMPLES_FILE.exists() else {})
    schemas = document.get("components", {}).get("schemas", {})
    for name in _DEFAULT_422_SCHEMAS:
        schemas.pop(name, None)
    return document


def api_routes(routes: list[Any]) -> Iterator[Any]:
    """The documented API routes, as seen through included routers (their path is the full path)."""
    for context in iter_route_contexts(routes):
        if isinstance(context.original_route, APIRoute) and context.include_in_schema:
            yield context


def _operations(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in document["paths"].values():
        yield from (operation for method, operation in item.items() if isinstance(operation, dict)
                    and method in {"get", "put", "post", "patch", "delete", "head", "options"})


def route_roles(route: Any) -> frozenset[Role] | None:
    """The roles a route admits; None when it needs no key at all."""
    roles: frozenset[Role] | None = None
    for call in _dependency_calls(route.dependant):
        allowed = getattr(call, "roles", None)
        if allowed is not None:
            roles = frozenset(allowed) if roles is None else roles & frozenset(allowed)
        elif call is get_caller and roles is None:
            roles = frozenset(Role)
    return roles


def _dependency_calls(dependant: Dependant) -> Iterator[Any]:
    for dependency in dependant.dependencies:
        yield dependency.call
        yield from _dependency_calls(dependency)


def _say_who_may_call(operation: dict[str, Any], route: Any) -> None:
    roles = route_roles(route)
    if roles is None:
        who = "anyone; no API key needed."
        operation["x-roles"] = []
    else:
        names = [role.value for role in Role if role in roles]  # the enum's order: admin first
        quoted = [f"`{name}`" for name in names]
        listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
        who = (f"any key ({', '.join(names)})." if roles == frozenset(Role) else f"keys with the role {listed}.")
        operation["x-roles"] = names
    text = operation.get("description", "").rstrip()
    operation["description"] = f"{text}\n\n**Who may call:** {who}".lstrip()


def _add_examples(document: dict[str, Any], examples: dict[str, dict[str, Any]]) -> None:
    """Recorded bodies go where a body is declared and has no example of its own."""
    for key, recorded in examples.items():
        method, path = key.split(" ", 1)
        operation = document["paths"].get(path, {}).get(method.lower())
        if operation is None:  # an operation renamed or removed since the recording
            continue
        request = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if request is not None and "request" in recorded:
            request.setdefault("example", recorded["request"])
        response = recorded.get("response")
        if response is None:
            continue
        declared = operation["responses"].get(response["status"], {}).get("content", {}).get("application/json")
        if declared is None:
            continue
        # The other success status of an upsert (200 updated vs 201 created) has the same body.
        for status, other in operation["responses"].items():
            body = other.get("content", {}).get("application/json")
            if status.startswith("2") and body is not None and _same(body.get("schema"), declared.get("schema")):
                body.setdefault("example", response["body"])


def _same(one: Any, other: Any) -> bool:
    """The same schema, titles aside (FastAPI titles a union response after its status)."""
    def untitled(schema: Any) -> Any:
        return {key: value for key, value in schema.items() if key != "title"} if isinstance(schema, dict) else schema
    return bool(untitled(one) == untitled(other))


def _replace_default_422(operation: dict[str, Any]) -> None:
    response = operation.get("responses", {}).get("422")
    if response is None:
        return
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    if schema.get("$ref", "").endswith("/HTTPValidationError"):
        real = ERROR_RESPONSES[422]
        response["description"] = real["description"]
        response["content"] = {"application/json": {**real["content"]["application/json"],
                                                    "schema": {"$ref": "#/components/schemas/ErrorResponse"}}}
