from __future__ import annotations

from datetime import datetime

from app.schemas.common import ReadModel


class AuditEntryRead(ReadModel):
    id: int
    at: datetime
    api_key_id: int | None
    api_key_name: str
    role: str
    action: str
    resource: str
    record_id: int | None
    fields: list[str]
    request_id: str | None
    note: str | None


class AuditPage(ReadModel):
    items: list[AuditEntryRead]
    next_after: int | None
