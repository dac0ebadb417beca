from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UTCDateTime, utcnow


class MatchImpression(Base):
    """One result row of a match response, kept so that feedback can be tied to what was shown
    and a ranker can learn from the component scores."""

    __tablename__ = "match_impressions"
    __table_args__ = (Index("ix_match_impressions_match_job", "match_id", "job_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))
    graduate_id: Mapped[int | None] = mapped_column(ForeignKey("graduates.id"))
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"))
    rank: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    components: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Feedback(Base):
    """What happened after a match: impression, click, apply, interview, hire or dismiss."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))
    match_id: Mapped[str] = mapped_column(String(32), index=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"))
    graduate_id: Mapped[int | None] = mapped_column(ForeignKey("graduates.id"))
    event: Mapped[str] = mapped_column(String(20))
