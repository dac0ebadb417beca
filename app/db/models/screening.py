"""Screening columns of a job posting (P10)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, String, false
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from app.db.base import UTCDateTime


class ScreenedMixin:
    """``held_back`` is what matching reads: true while a blocking finding awaits staff, or after
    staff confirmed it. ``screening_status`` says why: clean | review | blocked | cleared | confirmed."""

    @declared_attr
    def screening_status(cls) -> Mapped[str]:  # noqa: N805 - SQLAlchemy declared_attr
        return mapped_column(String(20), default="clean", server_default="clean", index=True)

    @declared_attr
    def screening_findings(cls) -> Mapped[list[dict[str, Any]]]:  # noqa: N805
        return mapped_column(JSON, default=list, server_default="[]")

    @declared_attr
    def screening_rule_version(cls) -> Mapped[str | None]:  # noqa: N805
        return mapped_column(String(40))

    @declared_attr
    def screened_at(cls) -> Mapped[datetime | None]:  # noqa: N805
        return mapped_column(UTCDateTime())

    @declared_attr
    def held_back(cls) -> Mapped[bool]:  # noqa: N805
        return mapped_column(Boolean, default=False, server_default=false(), index=True)
