from __future__ import annotations

from datetime import datetime

import numpy as np
from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UTCDateTime, utcnow
from app.db.models.embedding import EmbeddedMixin
from app.db.models.screening import ScreenedMixin


class Job(EmbeddedMixin, ScreenedMixin, Base):
    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(100), unique=True)
    # The key that first stored the record; other platforms cannot overwrite it.
    owner_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))

    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    employer_name: Mapped[str] = mapped_column(String(200))
    industry: Mapped[str] = mapped_column(String(30), index=True)
    industry_suggested: Mapped[bool] = mapped_column(Boolean, default=False)
    industry_confidence: Mapped[float | None] = mapped_column(Float)
    city: Mapped[str] = mapped_column(String(50), index=True)
    education_min: Mapped[str] = mapped_column(String(20))
    majors: Mapped[list[str]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    salary_min: Mapped[int | None] = mapped_column(Integer)
    salary_max: Mapped[int | None] = mapped_column(Integer)
    job_type: Mapped[str] = mapped_column(String(30), index=True)
    headcount: Mapped[int] = mapped_column(Integer, default=1)
    priority_friendly: Mapped[bool] = mapped_column(Boolean, default=False)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Years of work experience the posting asks for, as the caller sent it; None: not stated, so
    # matching reads it from the title, description and tags (app.matching.experience).
    experience_min_years: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)

    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The title embedded on its own (issue 10: the title is what the job is), by the same model as
    # ``embedding``; a job with a body vector but none here is re-embedded by the worker.
    title_embedding: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)

    def set_title_embedding(self, vector: np.ndarray) -> None:
        self.title_embedding = np.asarray(vector, dtype=np.float32).tobytes()

    def clear_embedding(self) -> None:
        super().clear_embedding()
        self.title_embedding = None
