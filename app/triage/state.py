"""Keeps graduate_triage, the queue's one-row-per-graduate summary, equal to the triage tables.

Every writer (a service, a staff assignment, a plan version) calls refresh_triage for its graduate
in the same transaction; a bulk load calls it once for everyone. The row is rewritten from the
source tables each time rather than adjusted, so it cannot drift from them.
"""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, insert, literal, select
from sqlalchemy.orm import Session

from app.db.models import Graduate, GraduateTriage
from app.triage.sql import current_plans, ledger_tallies, open_assignments


def refresh_triage(session: Session, *, year: int, graduate_ids: Sequence[int] | None = None) -> None:
    """Rewrite the summary of these graduates (or of all), counting P3 services of ``year``."""
    ids = list(graduate_ids) if graduate_ids is not None else None
    if ids is not None:
        # One writer per graduate at a time, so the rewrite sees what the previous writer committed
        # (a row lock on PostgreSQL; SQLite serialises writers anyway).
        session.execute(select(Graduate.id).where(Graduate.id.in_(ids)).order_by(Graduate.id).with_for_update())
    session.flush()
    tallies = ledger_tallies(year=year, graduate_ids=ids).subquery()
    assignments = open_assignments(graduate_ids=ids)
    plans = current_plans(graduate_ids=ids)
    rows = (
        select(Graduate.id, tallies.c.first_contact_at, literal(year), func.coalesce(tallies.c.services_in_year, 0),
               tallies.c.last_service_at, assignments.c.staff_name, plans.c.plan_version)
        .outerjoin(tallies, tallies.c.graduate_id == Graduate.id)
        .outerjoin(assignments, assignments.c.graduate_id == Graduate.id)
        .outerjoin(plans, plans.c.graduate_id == Graduate.id)
        # Graduates with nothing recorded need no row: the queue reads a missing row as "nothing yet".
        .where((tallies.c.graduate_id.is_not(None)) | (assignments.c.graduate_id.is_not(None))
               | (plans.c.graduate_id.is_not(None)))
    )
    stale = delete(GraduateTriage)
    if ids is not None:
        rows = rows.where(Graduate.id.in_(ids))
        stale = stale.where(GraduateTriage.graduate_id.in_(ids))
    session.execute(stale)
    session.execute(insert(GraduateTriage).from_select(
        ["graduate_id", "first_contact_at", "tally_year", "services_in_year", "last_service_at", "staff_name",
         "plan_version"], rows))
