"""One place that renders every error as {"error": {...}, "request_id": ...}.

Bodies never carry the submitted values (they may be personal data) nor a traceback.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.errors import DomainError, FieldProblem
from app.core.validation import problems_from_errors
from app.db.errors import classify, summary

log = logging.getLogger("jobmatch.errors")


def error_response(request: Request, *, status: int, code: str, message: str,
                   problems: list[FieldProblem] | None = None) -> JSONResponse:
    body = {
        "error": {
            "code": code,
            "message": message,
            "details": [{"field": p.field, "reason": p.reason} for p in problems or []],
        },
        "request_id": getattr(request.state, "request_id", None),
    }
    headers = {"WWW-Authenticate": "APIKey"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    return error_response(request, status=exc.status_code, code=exc.code, message=exc.message, problems=exc.problems)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # Drop the "body"/"query" prefix: callers think in field names.
    problems = problems_from_errors(exc.errors(), skip_loc_prefix=1)
    fields = ", ".join(sorted({p.field for p in problems}))
    return error_response(request, status=422, code="validation_error",
                          message=f"invalid input: {fields}", problems=problems)


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
    codes = {404: "not_found", 405: "method_not_allowed"}
    return error_response(request, status=exc.status_code, code=codes.get(exc.status_code, "http_error"),
                          message=str(exc.detail))


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error")
    return error_response(request, status=500, code="internal_error",
                          message="an unexpected error occurred; it has been logged with this request id")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(DBAPIError, _database_error)
    app.add_exception_handler(PoolTimeout, _database_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
