"""/v1/audit: who read which sensitive data (staff and admin)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import SessionDep, StaffOnly
from app.schemas.common import Cursor, IsoDatetime, RecordId
from app.schemas.audit import AuditEntryRead, AuditPage
from app.services.audit import list_audit

router = APIRouter(prefix="/v1/audit", tags=["audit"])


@router.get("", response_model=AuditPage, summary="Read the audit log")
def read_audit_log(
    session: SessionDep,
    caller: StaffOnly,
    resource: str | None = None,
    record_id: RecordId | None = None,
    since: IsoDatetime | None = None,
    after: Annotated[Cursor | None, Query(description="newest first: id of the last entry of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> AuditPage:
    """Who read which sensitive data and when, newest first: reads of hardship graduates, unmasked
    national ids and phones (with the reason given), screening decisions. Filter by `resource` and
    `record_id` (e.g. `graduate`, 7) or `since`; pass `next_after` back as `after`."""
    rows = list_audit(session, resource=resource, record_id=record_id, since=since, after=after, limit=limit)
    next_after = rows[-1].id if len(rows) == limit else None
    return AuditPage(items=[AuditEntryRead.model_validate(row) for row in rows], next_after=next_after)
