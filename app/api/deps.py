"""Typed FastAPI dependencies shared by every router: database session, caller, role checks, today's
date, the working-day calendar and the match engine."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from sqlalchemy.orm import Session

from app.core.errors import FieldProblem, Forbidden, InvalidInput, Unauthenticated
from app.core.validation import unstorable_reason
from app.db.session import session_scope
from app.domain.caller import Caller
from app.domain.enums import Role
from app.matching.engine import MatchEngine
from app.services.keys import authenticate
from app.services.runtime import get_match_engine
from app.triage.calendar_store import workday_calendar
from app.triage.workdays import WorkdayCalendar, china_today


def refuse_unstorable_query(request: Request) -> None:
    """Every query parameter of every route: text the databases cannot compare (NUL) is a 422
    naming the parameter, not a 500 from the driver."""
    problems = [FieldProblem(name, reason) for name, value in request.query_params.multi_items()
                if (reason := unstorable_reason(value))]
    if problems:
        raise InvalidInput(f"invalid input: {', '.join(sorted({p.field for p in problems}))}", problems=problems)


_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


def reads_and_logs(endpoint: Endpoint) -> Endpoint:
    """Mark a POST route that reads and then only appends (match impressions, audit entries): its
    transaction need not hold SQLite's write lock while it ranks (see app/db/sqlite_tx.py)."""
    endpoint.reads_and_logs = True  # type: ignore[attr-defined]
    return endpoint


def writes(request: Request) -> bool:
    endpoint = getattr(request.scope.get("route"), "endpoint", None)
    return request.method not in _READ_METHODS and not getattr(endpoint, "reads_and_logs", False)


def get_session(request: Request) -> Iterator[Session]:
    """One unit of work per request: commit on success, roll back on any error. A write request
    takes SQLite's write lock from its first statement, so it never fails upgrading a read."""
    with session_scope(write=writes(request)) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]

_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="API key issued by `jobmatch keys create`")


def get_caller(request: Request, session: SessionDep,
               api_key: Annotated[str | None, Security(_api_key_header)]) -> Caller:
    if not api_key:
        raise Unauthenticated("missing API key: send it in the X-API-Key header")
    key = authenticate(session, plaintext=api_key)
    if key is None:
        raise Unauthenticated("unknown or revoked API key")
    return Caller(key_id=key.id, key_name=key.name, role=Role(key.role),
                  request_id=getattr(request.state, "request_id", None))


CurrentKey = Annotated[Caller, Depends(get_caller)]


def require_roles(*roles: Role) -> Callable[[Caller], Caller]:
    allowed = frozenset(roles)

    def check(caller: CurrentKey) -> Caller:
        if caller.role not in allowed:
            names = ", ".join(sorted(role.value for role in allowed))
            raise Forbidden(f"this action needs one of these roles: {names}; your key has {caller.role.value}")
        return caller

    check.roles = allowed  # type: ignore[attr-defined]  # read by app.api.openapi to say who may call
    return check


AnyRole = Annotated[Caller, Depends(require_roles(*Role))]
Writer = Annotated[Caller, Depends(require_roles(Role.ADMIN, Role.STAFF, Role.PLATFORM))]
StaffOnly = Annotated[Caller, Depends(require_roles(Role.ADMIN, Role.STAFF))]
GraduateReader = Annotated[Caller, Depends(require_roles(Role.ADMIN, Role.STAFF, Role.PLATFORM, Role.ORGANISER))]
# Job fairs (P4): organisers run them; staff may read them (P9 figures are for staff and organisers).
OrganiserOrAdmin = Annotated[Caller, Depends(require_roles(Role.ADMIN, Role.ORGANISER))]
FairReader = Annotated[Caller, Depends(require_roles(Role.ADMIN, Role.ORGANISER, Role.STAFF))]


# "Today" is a dependency so that tests (and a replay of a past morning) can fix it; the
# calendar is read per request because an operator may load a new year's holidays at any time.
def get_today() -> date:
    return china_today()


def get_calendar(session: SessionDep) -> WorkdayCalendar:
    return workday_calendar(session)


Today = Annotated[date, Depends(get_today)]
CalendarDep = Annotated[WorkdayCalendar, Depends(get_calendar)]

# The process's one engine (encoder, index, weights); tests swap it with dependency_overrides.
MatcherDep = Annotated[MatchEngine, Depends(get_match_engine)]
