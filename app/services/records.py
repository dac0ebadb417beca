"""Shared mechanics of the registry resources: apply changes, keep history, guard ownership."""
from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import Conflict, FieldProblem, InvalidInput
from app.db.base import Base, utcnow
from app.db.models import ApiKey, RecordChange
from app.domain.caller import Caller
from app.domain.enums import Role

Outcome = Literal["created", "updated", "unchanged"]


def plain(value: Any) -> Any:
    """Enum members and lists of them become the stored codes."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def apply_changes(record: Base, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Set every differing attribute; return {field: (old, new)} of what changed."""
    changed: dict[str, tuple[Any, Any]] = {}
    for field, raw in values.items():
        new = plain(raw)
        old = getattr(record, field)
        if old != new:
            setattr(record, field, new)
            changed[field] = (old, new)
    return changed


def reject_cleared(values: Mapping[str, Any], required: Iterable[str]) -> None:
    """PATCH with null on a field every record must have is a bad request, not a silent wipe."""
    problems = [FieldProblem(field, "this field is required and cannot be set to null")
                for field in required if field in values and values[field] is None]
    if problems:
        raise InvalidInput("required fields cannot be cleared", problems=problems)


def owner_of_new_record(caller: Caller) -> int:
    """Every record has an owner: the key that created it (imports: the key they name, or the office)."""
    if caller.key_id is None:
        raise RuntimeError("records are created on behalf of an API key; operator commands use the office key")
    return caller.key_id


def clear_to_empty(values: dict[str, Any], empties: Mapping[str, Any]) -> None:
    """PATCH with null on a field whose "nothing" is "" or [] sets it to that, as documented on
    the field; the column itself never holds NULL."""
    for field, empty in empties.items():
        if field in values and values[field] is None:
            values[field] = copy.copy(empty)


def check_owner(record_owner: int | None, caller: Caller, *, external_id: str) -> None:
    """Only the owner, staff or admin change a record. A record without an owner (none should be
    left after the ownership migration) belongs to nobody a platform could be: it is refused too."""
    if caller.role == Role.PLATFORM and record_owner != caller.key_id:
        raise Conflict(
            f"external_id {external_id!r} belongs to a record stored by another source",
            problems=[FieldProblem("external_id", "already used by another source")],
        )


def staff_held_fields(session: Session, *, caller: Caller, resource: str, record_id: int) -> set[str]:
    """Fields of a record that a platform's write may not change: nothing a platform sends erases
    what staff recorded. Those are the fields staff or admin changed on it (seen in its history);
    empty for staff callers."""
    if caller.is_staff:
        return set()
    return staff_changed_fields(session, resource=resource, record_id=record_id)


def refuse_staff_held(values: Mapping[str, Any], record: Base, held: set[str]) -> None:
    """PATCH: a platform asking to change a staff-held field is told so, not silently ignored."""
    problems = [FieldProblem(field, "recorded by employment-office staff; ask them to change it")
                for field in sorted(held & set(values)) if plain(values[field]) != getattr(record, field)]
    if problems:
        raise Conflict("these fields were recorded by employment-office staff", problems=problems)


def staff_changed_fields(session: Session, *, resource: str, record_id: int) -> set[str]:
    rows = session.scalars(
        select(RecordChange.changes).join(ApiKey, ApiKey.id == RecordChange.api_key_id)
        .where(RecordChange.resource == resource, RecordChange.record_id == record_id,
               ApiKey.role.in_([Role.STAFF.value, Role.ADMIN.value])))
    return {field for changes in rows for field in changes}


def record_history(
    session: Session,
    *,
    resource: str,
    record_id: int,
    action: str,
    caller: Caller,
    changed: Mapping[str, tuple[Any, Any]],
    sensitive: frozenset[str],
) -> None:
    # Sensitive values are never copied into history: only the fact that they changed.
    changes = {
        field: ({"changed": True} if field in sensitive else {"from": _jsonable(old), "to": _jsonable(new)})
        for field, (old, new) in changed.items()
    }
    session.add(RecordChange(resource=resource, record_id=record_id, action=action,
                             api_key_id=caller.key_id, changes=changes))


def _jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def touch(record: Any) -> None:
    record.updated_at = utcnow()
