from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UTCDateTime, utcnow
from app.db.models.embedding import EmbeddedMixin


class Graduate(EmbeddedMixin, Base):
    """A graduate of the real-name registry (P1).

    national_id, phone, birth_date, gender and hardship are personal
    information; the API layer decides who may see them.
    """

    __tablename__ = "graduates"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(100), unique=True)
    owner_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))

    name: Mapped[str] = mapped_column(String(100))
    national_id: Mapped[str | None] = mapped_column(String(18), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    birth_date: Mapped[date | None] = mapped_column(Date)
    gender: Mapped[str | None] = mapped_column(String(10))
    ethnicity: Mapped[str | None] = mapped_column(String(30))
    marital_status: Mapped[str | None] = mapped_column(String(20))

    school: Mapped[str | None] = mapped_column(String(200))
    major: Mapped[str] = mapped_column(String(100))
    education: Mapped[str] = mapped_column(String(20), index=True)
    graduation_year: Mapped[int] = mapped_column(Integer, index=True)
    hukou_province: Mapped[str | None] = mapped_column(String(30))
    current_city: Mapped[str | None] = mapped_column(String(50), index=True)
    county: Mapped[str | None] = mapped_column(String(50), index=True)  # 区县: the county office's area
    preferred_cities: Mapped[list[str]] = mapped_column(JSON, default=list)
    preferred_industries: Mapped[list[str]] = mapped_column(JSON, default=list)
    preferred_job_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    expected_salary: Mapped[int | None] = mapped_column(Integer)
    # Whole years of work already done (an earlier cohort may have some; a new graduate has none).
    work_experience_years: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    intro: Mapped[str] = mapped_column(Text, default="")
    hardship: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Derived from hardship so staff can filter without dialect-specific JSON queries.
    has_hardship: Mapped[bool] = mapped_column(Boolean, default=False, index=True)

    employment_status: Mapped[str] = mapped_column(String(20), default="unemployed", index=True)
    wants_job: Mapped[bool] = mapped_column(Boolean, default=True)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    registration_channel: Mapped[str] = mapped_column(String(20), default="walk_in")
    # active | withdrawn: DELETE withdraws a graduate but keeps the record and its history.
    record_status: Mapped[str] = mapped_column(String(20), default="active", index=True)

    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
