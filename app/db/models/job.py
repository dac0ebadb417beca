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
    # The title embedded on its own (issue 10: the title is what the job is). Issue 11 embeds it in a
    # first pass of its own: a job is matchable once ``title_model`` is the encoder's model id, and
    # its title vector stands in for the body vector until the body pass (``embedding_model``) ran.
    title_embedding: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    title_model: Mapped[str | None] = mapped_column(String(120), index=True)
    title_embedded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @staticmethod
    def title_embedding_values(vector: np.ndarray, *, model_id: str, at: datetime) -> dict[str, object]:
        return {"title_embedding": np.asarray(vector, dtype=np.float32).tobytes(), "title_model": model_id,
                "title_embedded_at": at}

    def set_title_embedding(self, vector: np.ndarray, *, model_id: str, at: datetime) -> None:
        for name, value in self.title_embedding_values(vector, model_id=model_id, at=at).items():
            setattr(self, name, value)

    def clear_embedding(self) -> None:
        super().clear_embedding()
        self.title_embedding = None
        self.title_model = None
        self.title_embedded_at = None
