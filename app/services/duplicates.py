"""Suspected duplicate graduates: accepted writes that staff merge later.

A platform that sends a national_id already registered by a source it cannot see gets the same
answer as for a fresh id (refusing would tell it the id is registered, M4). The value is kept
here, not on its record (national_id stays unique in the registry), and staff see the pair.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import Conflict, FieldProblem, NotFound
from app.db.base import utcnow
from app.db.models import GraduateDuplicate
from app.domain.caller import Caller
from app.schemas.graduates import DuplicateRead
from app.services.sensitive_reads import show_duplicates

RESOLUTIONS = ("merged", "not_duplicate")


def flag_duplicate(session: Session, *, graduate_id: int, duplicate_of_id: int, national_id: str,
                   caller: Caller) -> None:
    """Record the clash once: a platform re-sending the same record adds nothing."""
    open_flag = session.scalar(select(GraduateDuplicate.id).where(
        GraduateDuplicate.graduate_id == graduate_id, GraduateDuplicate.duplicate_of_id == duplicate_of_id,
        GraduateDuplicate.submitted_value == national_id, GraduateDuplicate.resolved_at.is_(None)))
    if open_flag is None:
        session.add(GraduateDuplicate(graduate_id=graduate_id, duplicate_of_id=duplicate_of_id, field="national_id",
                                      submitted_value=national_id, reported_by_key_id=caller.key_id))
        session.flush()


def submitted_national_id(session: Session, *, graduate_id: int) -> str | None:
    """The national_id a source sent for this graduate but which is held under a duplicate flag."""
    return session.scalar(select(GraduateDuplicate.submitted_value).where(
        GraduateDuplicate.graduate_id == graduate_id, GraduateDuplicate.resolved_at.is_(None))
        .order_by(GraduateDuplicate.id.desc()).limit(1))


def list_duplicates(session: Session, *, caller: Caller, include_resolved: bool = False) -> list[DuplicateRead]:
    query = select(GraduateDuplicate).order_by(GraduateDuplicate.id)
    if not include_resolved:
        query = query.where(GraduateDuplicate.resolved_at.is_(None))
    return show_duplicates(session, caller=caller, flags=list(session.scalars(query)), action="list_duplicates")


def resolve_duplicate(session: Session, *, duplicate_id: int, resolution: str, caller: Caller,
                      at: datetime | None = None) -> DuplicateRead:
    """Staff close a flag after merging the two records by hand (or deciding they differ)."""
    flag = session.get(GraduateDuplicate, duplicate_id)
    if flag is None:
        raise NotFound(f"no suspected duplicate with id {duplicate_id}")
    if flag.resolved_at is not None:
        raise Conflict(f"suspected duplicate {duplicate_id} is already resolved",
                       problems=[FieldProblem("resolution", f"already {flag.resolution}")])
    flag.resolved_at, flag.resolved_by_key_id, flag.resolution = at or utcnow(), caller.key_id, resolution
    session.flush()
    return show_duplicates(session, caller=caller, flags=[flag], action="resolve_duplicate")[0]
