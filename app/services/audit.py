"""Audit trail of sensitive reads and staff decisions."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import AuditEntry
from app.domain.caller import Caller


def write_audit(
    session: Session,
    *,
    caller: Caller,
    action: str,
    resource: str,
    record_id: int | None,
    fields: Sequence[str],
    note: str | None = None,
    flush: bool = True,
) -> AuditEntry:
    entry = AuditEntry(
        api_key_id=caller.key_id,
        api_key_name=caller.key_name,
        role=caller.role.value,
        action=action,
        resource=resource,
        record_id=record_id,
        fields=sorted(fields),
        request_id=caller.request_id,
        note=note,
    )
    session.add(entry)
    if flush:
        session.flush()
    return entry


def list_audit(
    session: Session,
    *,
    resource: str | None = None,
    record_id: int | None = None,
    since: datetime | None = None,
    after: int | None = None,
    limit: int = 100,
) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if resource:
        query = query.where(AuditEntry.resource == resource)
    if record_id is not None:
        query = query.where(AuditEntry.record_id == record_id)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if after is not None:
        query = query.where(AuditEntry.id < after)
    return list(session.scalars(query))
