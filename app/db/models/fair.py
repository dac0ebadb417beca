"""Job fairs (P4): the fair, its interview slots, employer booths, registered graduates, and the
organiser's pin/forbid rules."""
from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Integer, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UTCDateTime, utcnow
from app.fairs.solver.floor import DEFAULT_MIN_RELEVANCE


class Fair(Base):
    __tablename__ = "fairs"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # comprehensive | special | campus | livestream
    city: Mapped[str] = mapped_column(String(50), index=True)
    county: Mapped[str | None] = mapped_column(String(50))
    fair_date: Mapped[date] = mapped_column(Date, index=True)
    industry_focus: Mapped[str | None] = mapped_column(String(30))
    default_interviews: Mapped[int] = mapped_column(Integer, default=3)
    interview_cap: Mapped[int] = mapped_column(Integer, default=5)
    # P9: interviews a priority graduate is guaranteed where the fair allows it.
    priority_interviews: Mapped[int] = mapped_column(Integer, default=2)
    # Pairs scoring below this relevance are never proposed by the solver (pins still stand).
    min_relevance: Mapped[float] = mapped_column(Float, default=DEFAULT_MIN_RELEVANCE,
                                                 server_default=str(DEFAULT_MIN_RELEVANCE))
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    current_run_id: Mapped[int | None] = mapped_column(Integer)  # the schedule in force (fair_runs.id)
    created_by_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FairSlot(Base):
    __tablename__ = "fair_slots"
    __table_args__ = (UniqueConstraint("fair_id", "number", name="uq_fair_slots_fair_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1-based, in time order
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)


class FairBooth(Base):
    """One employer at one fair (one booth per employer, so no graduate meets it twice)."""

    __tablename__ = "fair_booths"
    __table_args__ = (UniqueConstraint("fair_id", "employer_name", name="uq_fair_booths_fair_employer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    employer_name: Mapped[str] = mapped_column(String(200))
    label: Mapped[str | None] = mapped_column(String(20))  # 展位号 as printed on the floor plan
    job_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    slot_ids: Mapped[list[int] | None] = mapped_column(JSON)  # None: every slot of the fair
    per_slot_capacity: Mapped[int] = mapped_column(Integer)
    total_capacity: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FairRegistration(Base):
    __tablename__ = "fair_registrations"
    __table_args__ = (UniqueConstraint("fair_id", "graduate_id", name="uq_fair_registrations_fair_graduate"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    graduate_id: Mapped[int] = mapped_column(ForeignKey("graduates.id"), index=True)
    slot_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    wanted_interviews: Mapped[int] = mapped_column(Integer)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FairPairRule(Base):
    """An organiser's decision about one pair: ``pin`` (must meet, at ``slot_id``) or ``forbid``."""

    __tablename__ = "fair_pair_rules"
    __table_args__ = (UniqueConstraint("fair_id", "graduate_id", "booth_id", name="uq_fair_pair_rules_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    graduate_id: Mapped[int] = mapped_column(ForeignKey("graduates.id"))
    booth_id: Mapped[int] = mapped_column(ForeignKey("fair_booths.id"))
    kind: Mapped[str] = mapped_column(String(10))
    slot_id: Mapped[int | None] = mapped_column(ForeignKey("fair_slots.id"))
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id"))
    score: Mapped[float | None] = mapped_column(Float)
    created_by_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
