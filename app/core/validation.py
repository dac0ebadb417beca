"""Turn pydantic errors into (field, reason) pairs without echoing the input.

Pydantic's own error objects carry the offending input; for a national id or
phone that would send personal data back in an error body, so only the
location and the message survive.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from app.core.errors import FieldProblem

_PREFIXES = ("Value error, ", "Assertion failed, ")
# Ids are 32-bit on PostgreSQL (INTEGER); one bound for every id, cursor and id list, so a larger
# number is refused by validation instead of overflowing the database driver (a 500).
MAX_ID = 2**31 - 1
# PostgreSQL text cannot hold NUL; neither database can store a lone UTF-16 surrogate (JSON "\ud800").
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable_reason(text: str) -> str | None:
    """Why the databases cannot store this text, or None if they can."""
    match = _UNSTORABLE.search(text)
    if match is None:
        return None
    if match.group() == "\x00":
        return "must not contain NUL characters (\\u0000)"
    return "must not contain unpaired UTF-16 surrogates"


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
