"""Graduate registry (P1): upsert by external_id, read with the right view, withdraw."""
from __future__ import annotations

from typing import Any, cast

from sqlalchemy import ColumnElement, Text, and_, select
from sqlalchemy.orm import Session

from app.core.errors import Forbidden, FieldProblem, InvalidInput, NotFound
from app.db.base import utcnow
from app.db.models import Graduate
from app.domain.caller import Caller
from app.domain.enums import Education, EmploymentStatus, Hardship, Role
from app.domain.national_id import birth_date_of
from app.schemas.graduates import (
    GraduateCreate,
    GraduatePublicPage,
    GraduatePublicRead,
    GraduateStaffPage,
    GraduateStaffRead,
    GraduateUpdate,
)
from app.services.duplicates import flag_duplicate, submitted_national_id
from app.services.embedding import invalidate_if_text_changed
from app.services.paging import keyset_page
from app.services.records import (
    Outcome,
    apply_changes,
    check_owner,
    clear_to_empty,
    owner_of_new_record,
    record_history,
    refuse_staff_held,
    reject_cleared,
    staff_held_fields,
    touch,
)
from app.services.sensitive_reads import show_graduate, show_graduates

RESOURCE = "graduate"
SENSITIVE_FIELDS = frozenset({"national_id", "phone", "birth_date", "gender", "hardship", "has_hardship",
                              "ethnicity", "marital_status"})
_CLEARABLE = {"preferred_cities": [], "preferred_industries": [], "preferred_job_types": [], "skills": [],
              "intro": "", "hardship": []}
_REQUIRED = ("name", "major", "education", "graduation_year", "employment_status", "wants_job",
             "registration_channel")


def _guard_hardship(values: dict[str, Any], caller: Caller) -> None:
    # Hardship status is established by the employment office, never asserted by a platform.
    if values.get("hardship") and not caller.is_staff:
        raise Forbidden("only employment-office staff may set hardship",
                        problems=[FieldProblem("hardship", "only staff or admin keys may set this field")])


def _derive(values: dict[str, Any]) -> None:
    if "hardship" in values:
        values["has_hardship"] = bool(values["hardship"])


def upsert_graduate(session: Session, *, data: GraduateCreate, caller: Caller) -> tuple[Graduate, Outcome]:
    values = data.model_dump(exclude={"external_id"})
    _guard_hardship(values, caller)
    if values["registered_at"] is None:
        values.pop("registered_at")
    _derive(values)
    graduate = session.scalar(select(Graduate).where(Graduate.external_id == data.external_id))
    if graduate is None:
        clash = _national_id_clash(session, values, caller=caller, own_id=None)
        graduate = Graduate(external_id=data.external_id, owner_key_id=owner_of_new_record(caller))
        apply_changes(graduate, values)
        session.add(graduate)
        session.flush()
        record_history(session, resource=RESOURCE, record_id=graduate.id, action="create", caller=caller,
                       changed={}, sensitive=SENSITIVE_FIELDS)
        _flag(session, graduate, clash, caller=caller)
        return graduate, "created"
    check_owner(graduate.owner_key_id, caller, external_id=data.external_id)
    values.setdefault("registered_at", graduate.registered_at)
    values["record_status"] = "active"
    values["withdrawn_at"] = None
    if not caller.is_staff:
        # A platform's re-send never wipes what staff recorded: hardship (staff only) and any field
        # staff changed on this record (a withdrawal included) keep the staff value.
        for field in {"hardship", "has_hardship"} | staff_held_fields(session, caller=caller, resource=RESOURCE,
                                                                       record_id=graduate.id):
            values.pop(field, None)
    clash = _national_id_clash(session, values, caller=caller, own_id=graduate.id)
    changed = apply_changes(graduate, values)
    _flag(session, graduate, clash, caller=caller)
    if not changed:
        return graduate, "unchanged"
    invalidate_if_text_changed(graduate, changed)
    touch(graduate)
    record_history(session, resource=RESOURCE, record_id=graduate.id, action="update", caller=caller,
                   changed=changed, sensitive=SENSITIVE_FIELDS)
    session.flush()
    return graduate, "updated"


def _national_id_clash(session: Session, values: dict[str, Any], *, caller: Caller,
                       own_id: int | None) -> tuple[int, str] | None:
    """A national_id held by another record. If the caller can see that record (staff; a platform's
    own records) it is told plainly. If not, telling it would reveal that the id is registered
    (M4): the write goes ahead without the id, and (other record, id) is returned to be flagged."""
    national_id = values.get("national_id")
    if not national_id:
        return None
    other = session.scalar(select(Graduate).where(Graduate.national_id == national_id))
    if other is None or other.id == own_id:
        return None
    if _visible_to(other, caller):
        # Say which field, never echo the id itself.
        raise InvalidInput("another graduate is registered with this national_id",
                           problems=[FieldProblem("national_id", "already registered under another external_id")])
    values["national_id"] = None
    return other.id, national_id


def _flag(session: Session, graduate: Graduate, clash: tuple[int, str] | None, *, caller: Caller) -> None:
    if clash is not None:
        flag_duplicate(session, graduate_id=graduate.id, duplicate_of_id=clash[0], national_id=clash[1],
                       caller=caller)


def get_graduate(session: Session, *, graduate_id: int, caller: Caller) -> Graduate:
    graduate = session.get(Graduate, graduate_id)
    if graduate is None or not _visible_to(graduate, caller):
        raise NotFound(f"no graduate with id {graduate_id}")
    return graduate


def read_graduate(session: Session, *, graduate_id: int, caller: Caller, unmasked: bool = False,
                  reason: str | None = None) -> GraduatePublicRead:
    """GET /v1/graduates/{id}: the caller's view, audited; unmasked numbers for staff only, with the
    reason kept as the audit entry's note."""
    if unmasked and not caller.is_staff:
        raise Forbidden("only staff and admin keys may request unmasked personal data",
                        problems=[FieldProblem("unmasked", "not allowed for this role")])
    graduate = get_graduate(session, graduate_id=graduate_id, caller=caller)
    return show_graduate(session, caller=caller, graduate=graduate, unmasked=unmasked,
                         action="read_graduate_unmasked" if unmasked else "read_graduate",
                         note=reason if unmasked else None)


def written_graduate(session: Session, *, graduate: Graduate, caller: Caller, action: str) -> GraduatePublicRead:
    """The record a write answers with, in the caller's view (a staff write of a hardship graduate
    shows the hardship field back, so it is audited like a read)."""
    return show_graduate(session, caller=caller, graduate=graduate, action=action)


def _visible_to(graduate: Graduate, caller: Caller) -> bool:
    # A platform sees only the graduates it registered itself, not the provincial registry.
    return caller.role != Role.PLATFORM or graduate.owner_key_id == caller.key_id


def list_graduates(
    session: Session,
    *,
    caller: Caller,
    education: Education | None = None,
    graduation_year: int | None = None,
    employment_status: EmploymentStatus | None = None,
    hardship: Hardship | None = None,
    has_hardship: bool | None = None,
    city: str | None = None,
    include_withdrawn: bool = False,
    after: int | None = None,
    limit: int = 50,
) -> tuple[list[Graduate], int | None]:
    query = select(Graduate)
    if caller.role == Role.PLATFORM:
        query = query.where(Graduate.owner_key_id == caller.key_id)
    if (hardship is not None or has_hardship is not None) and not caller.is_staff:
        raise Forbidden("only staff may filter by hardship",
                        problems=[FieldProblem("hardship", "filter allowed for staff and admin keys only")])
    if education is not None:
        query = query.where(Graduate.education == education.value)
    if graduation_year is not None:
        query = query.where(Graduate.graduation_year == graduation_year)
    if employment_status is not None:
        query = query.where(Graduate.employment_status == employment_status.value)
    if has_hardship is not None:
        query = query.where(Graduate.has_hardship == has_hardship)
    if hardship is not None:
        query = query.where(hardship_condition(hardship))
    if city:
        query = query.where(Graduate.current_city == city)
    if not include_withdrawn:
        query = query.where(Graduate.record_status == "active")
    return keyset_page(session, query, id_column=Graduate.id, after=after, limit=limit)


def graduate_page(session: Session, *, caller: Caller,
                  page: tuple[list[Graduate], int | None]) -> GraduateStaffPage | GraduatePublicPage:
    """A page from list_graduates in the caller's view, audited."""
    rows, next_after = page
    items = show_graduates(session, caller=caller, graduates=rows, action="list_graduates")
    if caller.is_staff:
        return GraduateStaffPage(items=cast(list[GraduateStaffRead], items), next_after=next_after)
    return GraduatePublicPage(items=items, next_after=next_after)


def hardship_condition(hardship: Hardship) -> ColumnElement[bool]:
    """Graduates in one hardship group (staff filters in the registry and the triage queue)."""
    # The JSON text match works the same on both databases; has_hardship (indexed) narrows it first.
    return and_(Graduate.has_hardship.is_(True), Graduate.hardship.cast(Text()).like(f'%"{hardship.value}"%'))


def update_graduate(session: Session, *, graduate_id: int, data: GraduateUpdate, caller: Caller) -> Graduate:
    graduate = get_graduate(session, graduate_id=graduate_id, caller=caller)
    check_owner(graduate.owner_key_id, caller, external_id=graduate.external_id)
    values = data.model_dump(exclude_unset=True)
    reject_cleared(values, _REQUIRED)
    clear_to_empty(values, _CLEARABLE)
    _guard_hardship(values, caller)
    if "hardship" in values and not caller.is_staff:
        values.pop("hardship")
    refuse_staff_held(values, graduate, staff_held_fields(session, caller=caller, resource=RESOURCE,
                                                          record_id=graduate.id))
    _derive(values)
    # A national_id held back under a duplicate flag still counts, or the check itself would tell.
    stored_id = graduate.national_id or submitted_national_id(session, graduate_id=graduate.id)
    national_id = values.get("national_id", stored_id)
    birth_date = values.get("birth_date", graduate.birth_date)
    if national_id and birth_date and birth_date_of(national_id) != birth_date:
        raise InvalidInput("birth_date does not match national_id",
                           problems=[FieldProblem("birth_date", "does not match the birth date in national_id")])
    clash = _national_id_clash(session, values, caller=caller, own_id=graduate.id)
    changed = apply_changes(graduate, values)
    _flag(session, graduate, clash, caller=caller)
    if changed:
        invalidate_if_text_changed(graduate, changed)
        touch(graduate)
        record_history(session, resource=RESOURCE, record_id=graduate.id, action="update", caller=caller,
                       changed=changed, sensitive=SENSITIVE_FIELDS)
        session.flush()
    return graduate


def withdraw_graduate(session: Session, *, graduate_id: int, caller: Caller) -> Graduate:
    """DELETE withdraws a graduate from matching; the record and its history stay."""
    graduate = get_graduate(session, graduate_id=graduate_id, caller=caller)
    check_owner(graduate.owner_key_id, caller, external_id=graduate.external_id)
    if graduate.record_status != "withdrawn":
        changed = apply_changes(graduate, {"record_status": "withdrawn", "withdrawn_at": utcnow()})
        touch(graduate)
        record_history(session, resource=RESOURCE, record_id=graduate.id, action="withdraw", caller=caller,
                       changed=changed, sensitive=SENSITIVE_FIELDS)
        session.flush()
    return graduate
