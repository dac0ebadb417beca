"""Which view of a graduate each role gets. The one place that decides it."""
from __future__ import annotations

from app.db.models import Graduate, GraduateDuplicate
from app.domain.caller import Caller
from app.domain.national_id import mask_national_id, mask_phone
from app.schemas.graduates import DuplicateRead, GraduatePublicRead, GraduateStaffRead

# Fields whose unmasked value is only shown on an explicit, audited request.
MASKED_FIELDS = ("national_id", "phone")


def graduate_view(graduate: Graduate, caller: Caller, *, unmasked: bool = False) -> GraduatePublicRead:
    if not caller.is_staff:
        return GraduatePublicRead.model_validate(graduate)
    view = GraduateStaffRead.model_validate(graduate)
    if unmasked:
        return view.model_copy(update={"masked": False})
    return view.model_copy(update={
        "national_id": mask_national_id(graduate.national_id),
        "phone": mask_phone(graduate.phone),
    })


def duplicate_view(flag: GraduateDuplicate) -> DuplicateRead:
    """Staff only (the route is staff-only); the clashing national_id masked like every other."""
    return DuplicateRead(
        id=flag.id, graduate_id=flag.graduate_id, duplicate_of_id=flag.duplicate_of_id, field=flag.field,
        national_id=mask_national_id(flag.submitted_value), reported_by_key_id=flag.reported_by_key_id,
        detected_at=flag.detected_at, resolved_at=flag.resolved_at, resolution=flag.resolution)
