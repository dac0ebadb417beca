"""Register graduates for a fair from the spreadsheet organisers already keep (`jobmatch fairs
register FAIR_ID FILE`).

Columns (Chinese or English header, any order): 毕业生编号 / external_id (required), 场次 / slots
(slot numbers such as "1,2,5" or start times such as "09:00、09:30"; empty or 全部 means every
slot), 面试数 / wanted_interviews (optional). All rows register or none: a file with one bad row
changes nothing and the message names the row as Excel numbers it.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from pydantic import ValidationError
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.core.validation import problems_from_errors
from app.fairs.schemas import RegistrationIn
from app.fairs.service import fair_slots, get_fair, register_graduates

HEADERS = {
    "external_id": {"external_id", "毕业生编号", "人员编号", "编号"},
    "slots": {"slots", "slot_ids", "场次", "可参加场次", "时段"},
    "wanted_interviews": {"wanted_interviews", "面试数", "期望面试数", "面试场数"},
}
ALL_SLOTS = {"", "全部", "全天", "all", "不限"}


class FairImportError(ValueError):
    """The file cannot be read, or a row is wrong; nothing was stored. `rejected` lists the rows at
    fault as (Excel row, reason) for callers that show them one per line (the upload route)."""

    def __init__(self, message: str, *, rejected: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        self.rejected = rejected or []


@dataclass(frozen=True)
class FairImportSummary:
    registered: int


def _read_table(path: Path) -> list[list[Any]]:
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return [list(row) for row in workbook.active.iter_rows(values_only=True)]  # type: ignore[union-attr]
        finally:
            workbook.close()
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Excel on Chinese Windows saves CSV as GBK
        try:
            return list(csv.reader(raw.decode(encoding).splitlines()))
        except UnicodeDecodeError:
            continue
    raise FairImportError("the file is neither UTF-8 nor GBK text")


def _columns(header: list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = str(cell or "").strip()
        for field, aliases in HEADERS.items():
            if name in aliases:
                found[field] = index
    if "external_id" not in found:
        raise FairImportError("no 毕业生编号 / external_id column in the first row")
    return found


def _slot_ids(value: Any, *, by_number: dict[int, int], by_start: dict[str, int], row: int) -> list[int] | None:
    text = str(value if value is not None else "").strip()
    if text.lower() in ALL_SLOTS:
        return None
    ids: list[int] = []
    for token in re.split(r"[,，、;；\s]+", text):
        if not token:
            continue
        slot = by_start.get(token.zfill(5)) if ":" in token else by_number.get(int(token)) if token.isdigit() else None
        if slot is None:
            reason = f"{token!r} is not a slot of this fair"
            raise FairImportError(f"row {row}: {reason}", rejected=[(f"row {row}", reason)])
        ids.append(slot)
    return ids


def register_from_file(session: Session, *, fair_id: int, path: Path) -> FairImportSummary:
    fair = get_fair(session, fair_id=fair_id)
    slots = fair_slots(session, fair_id=fair.id)
    by_number = {slot.number: slot.id for slot in slots}
    by_start = {f"{slot.starts_at:%H:%M}": slot.id for slot in slots}
    # Row numbers as Excel shows them, blank rows skipped but counted.
    table = [(number, row) for number, row in enumerate(_read_table(path), start=1)
             if any(str(cell or "").strip() for cell in row)]
    if len(table) < 2:
        raise FairImportError("the file has no data rows")
    columns = _columns(table[0][1])
    items: list[RegistrationIn] = []
    rows = [number for number, _ in table[1:]]
    for row_number, row in table[1:]:
        def cell(field: str, row: list[Any] = row) -> Any:
            index = columns.get(field)
            return row[index] if index is not None and index < len(row) else None

        wanted = cell("wanted_interviews")
        try:
            items.append(RegistrationIn(
                external_id=str(cell("external_id") or "").strip(),
                slot_ids=_slot_ids(cell("slots"), by_number=by_number, by_start=by_start, row=row_number),
                wanted_interviews=int(wanted) if str(wanted or "").strip() else None))
        except (ValidationError, ValueError) as error:
            if isinstance(error, FairImportError):
                raise
            # The reasons without the submitted values: the upload route returns them to the browser.
            reasons = ([f"{p.field}: {p.reason}" for p in problems_from_errors(error.errors())]
                       if isinstance(error, ValidationError) else [str(error)])
            raise FairImportError(f"row {row_number}: {error}",
                                  rejected=[(f"row {row_number}", reason) for reason in reasons]) from None
    try:
        registered = register_graduates(session, fair_id=fair.id, items=items)
    except DomainError as error:
        rejected = [(_excel_row(p.field, rows), p.reason) for p in error.problems]
        details = "; ".join(f"{where}: {reason}" for where, reason in rejected)
        raise FairImportError(f"{error.message} ({details})" if details else error.message,
                              rejected=rejected) from None
    return FairImportSummary(registered=len(registered))


def _excel_row(field: str, rows: list[int]) -> str:
    """items[3].slot_ids → the Excel row of the fourth data row."""
    match = re.match(r"items\[(\d+)\]", field)
    return f"row {rows[int(match.group(1))]}" if match else field
