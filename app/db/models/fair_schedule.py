"""Computed fair schedules: one row per pairing run with its objective values and proven bound,
and its interviews. A rerun writes a new run and marks the previous one superseded, so what was
published stays on record."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UTCDateTime, utcnow


class FairRun(Base):
    __tablename__ = "fair_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    mode: Mapped[str] = mapped_column(String(10))  # optimal | stable
    status: Mapped[str] = mapped_column(String(12), default="current")  # current | superseded
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    input_digest: Mapped[str] = mapped_column(String(64))  # same input, same digest, same schedule
    registered: Mapped[int] = mapped_column(Integer)
    interviews: Mapped[int] = mapped_column(Integer)
    coverage: Mapped[int] = mapped_column(Integer)
    priority_registered: Mapped[int] = mapped_column(Integer)
    priority_covered: Mapped[int] = mapped_column(Integer)
    priority_reached: Mapped[int] = mapped_column(Integer)
    priority_units: Mapped[int] = mapped_column(Integer)
    total_score: Mapped[float] = mapped_column(Float)
    bound_coverage: Mapped[int | None] = mapped_column(Integer)
    bound_priority_units: Mapped[int | None] = mapped_column(Integer)
    bound_total_score: Mapped[float | None] = mapped_column(Float)
    score_gap: Mapped[float | None] = mapped_column(Float)
    proven_optimal: Mapped[bool] = mapped_column(Boolean, default=False)
    blocking_pairs: Mapped[int] = mapped_column(Integer)
    solve_seconds: Mapped[float] = mapped_column(Float)
    # unassigned graduates with reasons, per-booth fill, solver stage counts
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_by_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FairInterview(Base):
    __tablename__ = "fair_interviews"
    __table_args__ = (
        UniqueConstraint("run_id", "graduate_id", "slot_id", name="uq_fair_interviews_run_graduate_slot"),
        UniqueConstraint("run_id", "graduate_id", "booth_id", name="uq_fair_interviews_run_graduate_booth"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("fair_runs.id"), index=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    graduate_id: Mapped[int] = mapped_column(ForeignKey("graduates.id"), index=True)
    booth_id: Mapped[int] = mapped_column(ForeignKey("fair_booths.id"), index=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"))
    slot_id: Mapped[int] = mapped_column(ForeignKey("fair_slots.id"))
    score: Mapped[float] = mapped_column(Float)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    notified: Mapped[bool] = mapped_column(Boolean, default=False)
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
