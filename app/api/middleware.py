"""Pure ASGI middleware: request id, access log and metrics; request body limit."""
from __future__ import annotations

import json
import logging
import re
import time
import uuid
from typing import Any

from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import error_payload
from app.core.errors import FieldProblem
from app.core.logging import request_id_var
from app.core.metrics import LATENCY, REQUESTS

log = logging.getLogger("jobmatch.access")
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
REQUEST_ID_HEADER = "X-Request-ID"


class RequestContextMiddleware:
    """Gives every request an id (echoed in X-Request-ID), logs it and counts it by route template.

    It is the outermost layer of the application proper, so it also renders unexpected errors:
    inside it the request id is still set for the log line and the X-Request-ID header, and the
    server sees a finished response instead of an exception (no second traceback, and the
    keep-alive connection stays usable).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _header(scope, b"x-request-id")
        request_id = incoming if incoming and _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        token = request_id_var.set(request_id)
        status = 500
        started = False
        began = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = message["status"], True
                message.setdefault("headers", []).append((REQUEST_ID_HEADER.lower().encode(), request_id.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception("unhandled error", extra={"method": scope["method"], "route": _route_template(scope)})
            if started:
                raise  # half a response is out; only closing the connection can tell the client
            await _send_json(send_with_id, 500, error_payload(
                code="internal_error", request_id=request_id,
                message="an unexpected error occurred; it has been logged with this request id"))
        finally:
            elapsed = time.perf_counter() - began
            route = _route_template(scope)
            REQUESTS.labels(route, scope["method"], str(status)).inc()
            LATENCY.labels(route, scope["method"]).observe(elapsed)
            log.info("request", extra={"method": scope["method"], "route": route, "status": status,
                                       "duration_ms": round(elapsed * 1000, 2)})
            request_id_var.reset(token)


class BodyLimitMiddleware:
    """Refuses bodies over the limit with 413, whether or not Content-Length is sent."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLarge(self.max_bytes)
            return message

        try:
            await self.app(scope, counting_receive, send)
        except _BodyTooLarge:
            # Reached only when the body was read outside FastAPI's routing; a route turns the
            # HTTPException into the same 413 through the error handlers.
            await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        message = f"request body is larger than the limit of {self.max_bytes} bytes"
        await _send_json(send, 413, error_payload(
            code="payload_too_large", message=message, request_id=scope.get("state", {}).get("request_id"),
            problems=[FieldProblem("body", f"larger than {self.max_bytes} bytes")]))


class _BodyTooLarge(StarletteHTTPException):
    """An HTTPException, so FastAPI's body parsing lets it through (it turns any other error
    raised while reading a chunked body into a 400)."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"request body is larger than the limit of {max_bytes} bytes")


async def _send_json(send: Send, status: int, payload: dict[str, Any]) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def _route_template(scope: Scope) -> str:
    # The template (/v1/jobs/{job_id}), not the path, keeps metric cardinality bounded.
    route: Any = scope.get("route")
    return getattr(route, "path", None) or "unmatched"
