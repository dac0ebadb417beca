"""Keyset pagination by primary key, shared by every list endpoint."""
from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import InstrumentedAttribute, Session

Row = TypeVar("Row")


def keyset_page(session: Session, query: Select[tuple[Row]], *, id_column: InstrumentedAttribute[Any],
                after: int | None, limit: int) -> tuple[list[Row], int | None]:
    """One page in id order, and the id to pass as ``after`` for the next (None on the last page).

    Keyset rather than offset: a page costs the same at row 100,000 as at row 1, and rows added
    meanwhile do not shift the pages a caller is walking through.
    """
    if after is not None:
        query = query.where(id_column > after)
    rows = list(session.scalars(query.order_by(id_column).limit(limit + 1)))
    next_after = getattr(rows[limit - 1], "id") if len(rows) > limit else None
    return rows[:limit], next_after
