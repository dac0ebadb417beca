from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UTCDateTime, utcnow


class AuditEntry(Base):
    """Who read which sensitive fields of which record, and when (PIPL accountability)."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))
    api_key_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(50))
    resource: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[int | None]
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    request_id: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(String(500))


class RecordChange(Base):
    """History of every create, update, close and withdrawal.

    Sensitive fields are recorded by name only, so the history never becomes a
    second copy of personal data.
    """

    __tablename__ = "record_changes"
    __table_args__ = (Index("ix_record_changes_resource_record", "resource", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resource: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[int]
    action: Mapped[str] = mapped_column(String(20))
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
