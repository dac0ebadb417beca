"""Staff triage tables (P2, P3, P9, P11): the service ledger, named staff members, one-to-one
plans, employment outcomes, and the holiday data of years the calendar package does not cover.
Ledger rows are appended, never edited: the ledger is the history."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UTCDateTime, utcnow
from app.db.models.graduate import Graduate


class ServiceRecord(Base):
    """One service given to a graduate (台账): a contact, a recommendation, guidance, a referral…"""

    __tablename__ = "service_records"
    # The queue aggregates per graduate; the figures filter by time.
    __table_args__ = (Index("ix_service_records_graduate_provided", "graduate_id", "provided_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    graduate_id: Mapped[int] = mapped_column(ForeignKey("graduates.id"))
    kind: Mapped[str] = mapped_column(String(30))
    channel: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(20))
    provided_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    staff_name: Mapped[str] = mapped_column(String(50))
    job_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    # Set when the service sent the postings saved in a one-to-one plan.
    plan_version_id: Mapped[int | None] = mapped_column(ForeignKey("support_plan_versions.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class GraduateTriage(Base):
    """One narrow row per graduate with what the queue needs from the triage tables: the P2 first
    contact, P3 services of tally_year, the named staff member and the current plan version.

    The ledger tables stay the record; this is their summary, rewritten from them by
    app.triage.state.refresh_triage in the same transaction as every service, assignment and plan
    write (and in bulk after a bulk load), so the queue joins one row per graduate instead of
    aggregating the whole ledger on every page.
    """

    __tablename__ = "graduate_triage"

    graduate_id: Mapped[int] = mapped_column(ForeignKey("graduates.id"), primary_key=True)
    first_contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # P3 services given in tally_year; in a later year they count as none until the next refresh.
    tally_year: Mapped[int] = mapped_column(Integer)
    services_in_year: Mapped[int] = mapped_column(Integer)
    last_service_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    staff_name: Mapped[str | None] = mapped_column(String(50), index=True)
    plan_version: Mapped[int | None] = mapped_column(Integer)


# The queue reads these graduate columns for every active graduate of a status; on PostgreSQL the
# index covers them all, so the scan reads the index (~9 MB at 100,000) instead of the wide rows.
Index("ix_graduates_triage", Graduate.employment_status, Graduate.record_status,
      postgresql_include=["id", "registration_channel", "registered_at", "has_hardship", "wants_job",
                          "graduation_year", "current_city", "county"])


class StaffAssignment(Base):
    """The named staff member responsible for a graduate (专人). Ending an assignment keeps its row,
    so who was responsible when stays answerable; at most one is open per graduate."""

    __tablename__ = "staff_assignments"
    __table_args__ = (
        Index("uq_staff_assignments_open_graduate", "graduate_id", unique=True,
              sqlite_where=text("ended_at IS NULL"), postgresql_where=text("ended_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    graduate_id: Mapped[int] = mapped_column(ForeignKey("graduates.id"))
    staff_name: Mapped[str] = mapped_column(String(50), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))


class SupportPlanVersion(Base):
    """One version of a hardship graduate's one-to-one plan (一人一策, P9); the highest is current."""

    __tablename__ = "support_plan_versions"
    __table_args__ = (UniqueConstraint("graduate_id", "version", name="uq_support_plan_versions_graduate_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    graduate_id: Mapped[int] = mapped_column(ForeignKey("graduates.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    goals: Mapped[list[str]] = mapped_column(JSON, default=list)
    # [{"action": str, "due_on": "YYYY-MM-DD", "done": bool}]
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    recommended_job_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    staff_name: Mapped[str] = mapped_column(String(50))
    review_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class EmploymentOutcome(Base):
    """A change of a graduate's employment status, with what staff learnt about it.
    The latest row of a graduate describes the current status (its employer and industry)."""

    __tablename__ = "employment_outcomes"

    id: Mapped[int] = mapped_column(primary_key=True)
    graduate_id: Mapped[int] = mapped_column(ForeignKey("graduates.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    previous_status: Mapped[str] = mapped_column(String(20))
    started_on: Mapped[date | None] = mapped_column(Date)
    employer_name: Mapped[str | None] = mapped_column(String(200))
    industry: Mapped[str | None] = mapped_column(String(30))
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id"))
    found_via: Mapped[str | None] = mapped_column(String(30))
    school: Mapped[str | None] = mapped_column(String(200))
    staff_name: Mapped[str] = mapped_column(String(50))
    note: Mapped[str] = mapped_column(Text, default="")
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CalendarDay(Base):
    """Holidays (is_workday false) and make-up workdays (true) of a year the chinesecalendar package
    does not cover yet, loaded by ``jobmatch calendar load``. Other days of a loaded year are Mon–Fri."""

    __tablename__ = "calendar_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str] = mapped_column(String(50), default="")
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
