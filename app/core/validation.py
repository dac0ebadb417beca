"""Turn pydantic errors into (field, reason) pairs without echoing the input.

Pydantic's own error objects carry the offending input; for a national id or
phone that would send personal data back in an error body, so only the
location and the message survive.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.core.errors import FieldProblem

_PREFIXES = ("Value error, ", "Assertion failed, ")


def problems_from_errors(errors: Sequence[Any], *, skip_loc_prefix: int = 0) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())][skip_loc_prefix:]
        message = str(error.get("msg", "invalid value"))
        for prefix in _PREFIXES:
            if message.startswith(prefix):
                message = message[len(prefix):]
        if not loc:
            # Whole-record rules name their field first ("salary_min must not exceed salary_max").
            loc = [message.split(" ", 1)[0]]
        if error.get("type") == "extra_forbidden":
            message = "unknown field"
        problems.append(FieldProblem(field=".".join(loc), reason=message))
    return problems
