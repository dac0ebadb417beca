"""One place that renders every error as {"error": {...}, "request_id": ...}.

Bodies never carry the submitted values (they may be personal data) nor a traceback.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.errors import DomainError, FieldProblem
from app.core.validation import problems_from_errors
from app.db.errors import classify, summary
from app.schemas.common import ErrorResponse

log = logging.getLogger("jobmatch.errors")


_RANGE_ERRORS = frozenset({"greater_than", "greater_than_equal", "less_than", "less_than_equal"})


def error_payload(*, code: str, message: str, problems: list[FieldProblem] | None = None,
                  request_id: str | None) -> dict[str, Any]:
    """The one error shape; the middleware uses it too for the responses it writes itself."""
    return {
        "error": {
            "code": code,
            "message": message,
            "details": [{"field": p.field, "reason": p.reason} for p in problems or []],
        },
        "request_id": request_id,
    }


def error_response(request: Request, *, status: int, code: str, message: str,
                   problems: list[FieldProblem] | None = None) -> JSONResponse:
    body = error_payload(code=code, message=message, problems=problems,
                         request_id=getattr(request.state, "request_id", None))
    headers = {"WWW-Authenticate": "APIKey"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    return error_response(request, status=exc.status_code, code=exc.code, message=exc.message, problems=exc.problems)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if errors and all(error["loc"][0] == "path" and error["type"] in _RANGE_ERRORS for error in errors):
        # An id outside 1..2^31-1 names a record that cannot exist, as id 0 does.
        return error_response(request, status=404, code="not_found", message="no record with this id")
    body_level = [error for error in errors if _is_body_level(error)]
    # Drop the "body"/"query" prefix: callers think in field names.
    problems = [_body_problem(error, request, exc.body) for error in body_level]
    problems += problems_from_errors([e for e in errors if e not in body_level], skip_loc_prefix=1)
    return _invalid(request, problems)


def _invalid(request: Request, problems: list[FieldProblem]) -> JSONResponse:
    fields = ", ".join(sorted({p.field for p in problems}))
    return error_response(request, status=422, code="validation_error",
                          message=f"invalid input: {fields}", problems=problems)


_BODY_SHAPE_ERRORS = frozenset({"missing", "model_attributes_type", "model_type", "dict_type"})


def _is_body_level(error: Any) -> bool:
    # Whole-record rules (a model validator) also sit at ("body",); they name their own field.
    loc = tuple(error.get("loc", ()))
    if error.get("type") == "json_invalid":
        return loc[:1] == ("body",)
    return loc == ("body",) and error.get("type") in _BODY_SHAPE_ERRORS


def _body_problem(error: Any, request: Request, document: Any) -> FieldProblem:
    """What is wrong with the body as a whole, instead of pydantic's "Input"/"Field"/offset."""
    if error.get("type") == "json_invalid":
        position = error["loc"][1] if len(error["loc"]) > 1 else 0
        text = document if isinstance(document, str) else ""
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        detail = error.get("ctx", {}).get("error", "malformed")
        return FieldProblem("body", f"not valid JSON: {detail} at line {line}, column {column}")
    if error.get("type") == "missing":
        return FieldProblem("body", "the request body is empty; send a JSON object")
    content_type = request.headers.get("content-type", "")
    if not content_type:
        return FieldProblem("body", "must be JSON sent with Content-Type: application/json (no Content-Type was sent)")
    if "json" not in content_type.lower():
        return FieldProblem("body", f"must be JSON sent with Content-Type: application/json, not {content_type[:60]}")
    return FieldProblem("body", "must be a JSON object")


async def _database_error(request: Request, exc: Exception) -> JSONResponse:
    trouble = classify(exc)
    if trouble is None:
        return await _unexpected_error(request, exc)
    log.error("database unavailable (%s): %s", trouble.reason, summary(exc),
              extra={"db_reason": trouble.reason})
    response = error_response(request, status=503, code="database_unavailable", message=trouble.message)
    response.headers["Retry-After"] = "1"
    return response


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 413:
        return error_response(request, status=413, code="payload_too_large", message=str(exc.detail),
                              problems=[FieldProblem("body", str(exc.detail))])
    if exc.status_code == 400 and exc.__cause__ is not None:
        # FastAPI's "There was an error parsing the body": say what was wrong with it.
        return _invalid(request, [FieldProblem("body", _undecodable_reason(exc.__cause__))])
    codes = {404: "not_found", 405: "method_not_allowed"}
    response = error_response(request, status=exc.status_code, code=codes.get(exc.status_code, "http_error"),
                              message=str(exc.detail))
    response.headers.update(exc.headers or {})  # 405 names the allowed methods in Allow
    return response


def _undecodable_reason(cause: BaseException) -> str:
    if isinstance(cause, UnicodeDecodeError):
        return f"not valid UTF-8 (byte {cause.start}); send JSON encoded as UTF-8"
    if isinstance(cause, RecursionError):
        return "not valid JSON: nested too deeply"
    if isinstance(cause, ValueError) and "digits" in str(cause):
        return "not valid JSON: a number has more than 4300 digits"
    if isinstance(cause, ValueError):
        return f"not valid JSON: {cause}"
    return "could not be read as JSON"


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error")
    return error_response(request, status=500, code="internal_error",
                          message="an unexpected error occurred; it has been logged with this request id")


def _example(code: str, message: str, *details: tuple[str, str]) -> dict[str, Any]:
    body = error_payload(code=code, message=message, problems=[FieldProblem(f, r) for f, r in details],
                         request_id="4f1c2b9a0d3e4f5a8b7c6d5e4f3a2b1c")
    return {"application/json": {"example": body}}


# Declared on every /v1 route (and the real 422 put in place of FastAPI's default by
# app.api.openapi), so the OpenAPI document shows the body callers really get.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description, "content": example}
    for status, description, example in (
        (401, "No API key, or an unknown or revoked one (with `WWW-Authenticate: APIKey`)",
         _example("unauthenticated", "missing API key: send it in the X-API-Key header")),
        (403, "The key's role may not do this",
         _example("forbidden", "this action needs one of these roles: admin, staff; your key has platform")),
        (404, "No such record (or not one this key may see)", _example("not_found", "no graduate with id 7")),
        (409, "Conflicts with a stored record",
         _example("conflict", "external_id 'lyrmyy-2026-001' belongs to a record stored by another source",
                  ("external_id", "already used by another source"))),
        (413, "Request body over the size limit (JOBMATCH_MAX_BODY_BYTES)",
         _example("payload_too_large", "request body is larger than the limit of 5242880 bytes",
                  ("body", "larger than 5242880 bytes"))),
        (422, "Invalid input: each detail names the field (\"body\" for the body as a whole) and the reason",
         _example("validation_error", "invalid input: education_min",
                  ("education_min", "Input should be 'none', 'associate', 'bachelor', 'master' or 'doctor'"))),
        (503, "The database is unavailable or busy; retry after the seconds in `Retry-After`",
         _example("database_unavailable", "the database is busy with other writes; please retry shortly")),
    )
}
ERROR_RESPONSES[401]["headers"] = {"WWW-Authenticate": {"description": "APIKey", "schema": {"type": "string"}}}
ERROR_RESPONSES[503]["headers"] = {"Retry-After": {"description": "seconds to wait before retrying",
                                                   "schema": {"type": "string"}}}


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(DBAPIError, _database_error)
    app.add_exception_handler(PoolTimeout, _database_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    # Anything else is rendered by RequestContextMiddleware, inside the request's context.
