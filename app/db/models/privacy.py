from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UTCDateTime, utcnow


class ServerSecret(Base):
    """Secrets every process of one deployment must share (e.g. the candidate pseudonym key).

    Kept in the database because that is the one thing all API processes share; production sets
    the secrets in its environment instead and this table is then only a fallback for development.
    """

    __tablename__ = "server_secrets"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class GraduateDuplicate(Base):
    """A suspected duplicate for staff to merge: a source sent a graduate whose national_id another
    source had registered. The write was accepted (refusing it would tell a platform that the id is
    registered) and the clashing value kept here, not on the new record."""

    __tablename__ = "graduate_duplicates"

    id: Mapped[int] = mapped_column(primary_key=True)
    graduate_id: Mapped[int] = mapped_column(ForeignKey("graduates.id"), index=True)
    duplicate_of_id: Mapped[int] = mapped_column(ForeignKey("graduates.id"))
    field: Mapped[str] = mapped_column(String(30))
    submitted_value: Mapped[str | None] = mapped_column(String(100))
    reported_by_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    resolved_by_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))
    resolution: Mapped[str | None] = mapped_column(String(20))
