"""Audit of reads that show personal data (PIPL): unmasked ids and hardship status."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.core.privacy import MASKED_FIELDS
from app.db.models import Graduate
from app.domain.caller import Caller
from app.services.audit import write_audit


def audit_graduate_reads(session: Session, *, caller: Caller, graduates: Sequence[Graduate],
                         unmasked: bool, action: str, note: str | None = None) -> None:
    """Write one entry per record whose hardship or unmasked contact details the caller was shown."""
    if not caller.is_staff:
        return  # other roles never receive these fields
    for graduate in graduates:
        fields = list(MASKED_FIELDS) if unmasked else []
        if graduate.has_hardship:
            fields.append("hardship")
        if fields:
            # One flush for the page, not one round trip per row: a staff list page may show 200.
            write_audit(session, caller=caller, action=action, resource="graduate",
                        record_id=graduate.id, fields=fields, note=note, flush=False)
    session.flush()
