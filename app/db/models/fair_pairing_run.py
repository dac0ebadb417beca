"""Background pairing runs (issue 11 part 6): a large fair is paired by a thread of an API
process, not inside the request. The row is the only state: a process that dies mid-run leaves
its run behind with a stale heartbeat, and any process re-queues it (or fails it, after too many
attempts), so nothing is lost on a restart."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UTCDateTime, utcnow

ACTIVE_STATES = ("queued", "scoring", "solving")
# One unfinished run per fair, enforced by the database so two concurrent POSTs cannot both queue.
_ACTIVE = text("state IN ('queued', 'scoring', 'solving')")


class FairPairingRun(Base):
    __tablename__ = "fair_pairing_runs"
    __table_args__ = (
        Index("uq_fair_pairing_runs_active_fair", "fair_id", unique=True,
              sqlite_where=_ACTIVE, postgresql_where=_ACTIVE),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    mode: Mapped[str] = mapped_column(String(10))  # optimal | stable, as in PairingRequest
    state: Mapped[str] = mapped_column(String(10), default="queued")  # queued|scoring|solving|done|failed
    phase: Mapped[str | None] = mapped_column(String(20))  # finer than state: loading, scoring, solving, saving
    # Scoring progress in (graduate, booth) pairs: graduates scored so far × booths, of registered × booths.
    pairs_scored: Mapped[int] = mapped_column(Integer, default=0)
    pairs_total: Mapped[int] = mapped_column(Integer, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(80))  # host:pid:token of the process running it
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    error: Mapped[str | None] = mapped_column(Text)  # plain words, shown to the organiser
    fair_run_id: Mapped[int | None] = mapped_column(ForeignKey("fair_runs.id"))  # the schedule it produced
    created_by_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
