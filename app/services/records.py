"""Shared mechanics of the registry resources: apply changes, keep history, guard ownership."""
from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any, Literal

from sqlalchemy.orm import Session

from app.core.errors import Conflict, FieldProblem, InvalidInput
from app.db.base import Base, utcnow
from app.db.models import RecordChange
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


def clear_to_empty(values: dict[str, Any], empties: Mapping[str, Any]) -> None:
    """PATCH with null on a field whose "nothing" is "" or [] sets it to that, as documented on
    the field; the column itself never holds NULL."""
    for field, empty in empties.items():
        if field in values and values[field] is None:
            values[field] = copy.copy(empty)


def check_owner(record_owner: int | None, caller: Caller, *, external_id: str) -> None:
    """A platform may only change records it created; staff and admin may change any."""
    if caller.role == Role.PLATFORM and record_owner is not None and record_owner != caller.key_id:
        raise Conflict(
            f"external_id {external_id!r} belongs to a record stored by another source",
            problems=[FieldProblem("external_id", "already used by another source")],
        )


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
