"""Showing graduates to a caller: the one place that shapes the view per role and audits it (PIPL).

Every service function that returns graduate data goes through here, so a route never picks a view
or remembers an audit entry itself. The rules (docs/privacy.md):

- Platforms and organisers get the public view (no sensitive field exists in it) and are not audited:
  they can never learn hardship status, from any route.
- Staff and admin get the staff view, national id and phone masked unless asked for, audited.
- A staff read that shows a hardship graduate (P9) is audited whatever it shows of them — the full
  record, a name in a fair schedule, an id in a pair rule: a staff key can join any of these with the
  registry, so the log must answer "who looked at this graduate's data, where".
- Unmasked national id and phone are audited for every graduate, hardship or not.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.privacy import MASKED_FIELDS, duplicate_view, graduate_view
from app.db.models import Graduate, GraduateDuplicate
from app.domain.caller import Caller
from app.schemas.graduates import DuplicateRead, GraduatePublicRead
from app.services.audit import write_audit

RESOURCE = "graduate"


def audit_graduate_reads(session: Session, *, caller: Caller, graduates: Iterable[Graduate], action: str,
                         unmasked: bool = False, shows_hardship: bool = True, note: str | None = None) -> None:
    """One entry per graduate shown whose hardship or unmasked contact details make the read sensitive.

    ``shows_hardship`` says whether the response carries the hardship field (the staff view does; a
    fair schedule shows only name and id): the entry lists the fields actually shown, so an auditor
    can tell a glance at a timetable from a read of the record."""
    if not caller.is_staff:
        return  # other roles never receive these fields
    seen: set[int] = set()
    for graduate in graduates:
        if graduate.id in seen or not (graduate.has_hardship or unmasked):
            continue
        seen.add(graduate.id)
        fields = list(MASKED_FIELDS) if unmasked else []
        if graduate.has_hardship and shows_hardship:
            fields.append("hardship")
        # One flush for the page, not one round trip per row: a staff list page may show 200.
        write_audit(session, caller=caller, action=action, resource=RESOURCE, record_id=graduate.id,
                    fields=fields, note=note, flush=False)
    session.flush()


def audit_graduate_ids(session: Session, *, caller: Caller, graduate_ids: Iterable[int], action: str) -> None:
    """The same rule for responses that name graduates by id only (pair rules, duplicate flags, a
    match for a stored graduate): the hardship ones are looked up, nothing else is loaded."""
    if not caller.is_staff:
        return
    ids = sorted(set(graduate_ids))
    if not ids:
        return
    hardship = list(session.scalars(select(Graduate).where(Graduate.id.in_(ids), Graduate.has_hardship.is_(True))))
    audit_graduate_reads(session, caller=caller, graduates=hardship, action=action, shows_hardship=False)


def show_graduates(session: Session, *, caller: Caller, graduates: Sequence[Graduate], action: str,
                   unmasked: bool = False, note: str | None = None) -> list[GraduatePublicRead]:
    """The role's view of each graduate, in order, with the audit entries written."""
    audit_graduate_reads(session, caller=caller, graduates=graduates, action=action, unmasked=unmasked, note=note)
    return [graduate_view(graduate, caller, unmasked=unmasked) for graduate in graduates]


def show_graduate(session: Session, *, caller: Caller, graduate: Graduate, action: str,
                  unmasked: bool = False, note: str | None = None) -> GraduatePublicRead:
    return show_graduates(session, caller=caller, graduates=[graduate], action=action, unmasked=unmasked,
                          note=note)[0]


def show_duplicates(session: Session, *, caller: Caller, flags: Sequence[GraduateDuplicate],
                    action: str) -> list[DuplicateRead]:
    """Duplicate flags (staff only) name two graduates each; the clashing national id stays masked."""
    audit_graduate_ids(session, caller=caller, action=action,
                       graduate_ids=[gid for flag in flags for gid in (flag.graduate_id, flag.duplicate_of_id)])
    return [duplicate_view(flag) for flag in flags]
