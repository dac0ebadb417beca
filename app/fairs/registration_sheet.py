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
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.core.validation import problems_from_errors
from app.db.models import Graduate
from app.importing.messages import chinese_error, chinese_reason, error_field, field_name
from app.fairs.schemas import RegistrationIn
from app.fairs.service import fair_slots, get_fair, register_graduates

HEADERS = {
    "external_id": {"external_id", "毕业生编号", "人员编号", "编号"},
    "slots": {"slots", "slot_ids", "场次", "可参加场次", "时段"},
    "wanted_interviews": {"wanted_interviews", "面试数", "期望面试数", "面试场数"},
}
ALL_SLOTS = {"", "全部", "全天", "all", "不限"}


@dataclass(frozen=True)
class RowFault:
    """One problem of one row: English for the HTTP upload's error body, Chinese for the command
    and the console's staff (app/importing/messages.py)."""

    row: int | None  # as Excel numbers it; None for the file as a whole
    reason: str
    reason_zh: str

    @property
    def where(self) -> str:
        return f"row {self.row}" if self.row is not None else "file"


class FairImportError(ValueError):
    """The file cannot be read, or rows are wrong; nothing was stored. ``faults`` lists every
    problem of every row; ``rejected`` the same as (Excel row, English reason) for the upload route."""

    def __init__(self, message: str, *, faults: list[RowFault] | None = None, message_zh: str | None = None) -> None:
        super().__init__(message)
        # Row by row as staff work through the sheet; within a row, in the order the checks ran.
        self.faults = sorted(faults or [], key=lambda fault: fault.row or 0)
        self.message_zh = message_zh or chinese_reason(message)

    @property
    def rejected(self) -> list[tuple[str, str]]:
        return [(fault.where, fault.reason) for fault in self.faults]

    def report_zh(self) -> list[str]:
        """What the command prints: the headline, then one line per problem, row by row."""
        return [f"未登记任何毕业生：{self.message_zh}"] + [
            f"第{fault.row}行：{fault.reason_zh}" if fault.row is not None else fault.reason_zh
            for fault in self.faults]


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
    raise FairImportError("the file is neither UTF-8 nor GBK text", message_zh="文件既不是 UTF-8 也不是 GBK 编码的文本")


def _columns(header: list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = str(cell or "").strip()
        for field, aliases in HEADERS.items():
            if name in aliases:
                found[field] = index
    if "external_id" not in found:
        raise FairImportError("no 毕业生编号 / external_id column in the first row",
                              message_zh="第一行没有“毕业生编号”列")
    return found


def _slot_ids(value: Any, *, by_number: dict[int, int], by_start: dict[str, int], row: int,
              faults: list[RowFault]) -> list[int] | None:
    text = str(value if value is not None else "").strip()
    if text.lower() in ALL_SLOTS:
        return None
    ids: list[int] = []
    for token in re.split(r"[,，、;；\s]+", text):
        if not token:
            continue
        slot = by_start.get(token.zfill(5)) if ":" in token else by_number.get(int(token)) if token.isdigit() else None
        if slot is None:
            faults.append(RowFault(row, f"{token!r} is not a slot of this fair", f"场次“{token}”不是本场招聘会的场次"))
        else:
            ids.append(slot)
    return ids


def _wanted(value: Any, *, cap: int, row: int, faults: list[RowFault]) -> int | None:
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    try:
        wanted = int(float(text)) if re.fullmatch(r"\d+(\.0+)?", text) else int(text)
    except ValueError:
        faults.append(RowFault(row, "wanted_interviews must be a whole number", "面试数应为整数"))
        return None
    if wanted > cap:
        faults.append(RowFault(row, f"above the fair's cap of {cap}", f"面试数超过本场招聘会每人最多{cap}场"))
    return wanted


def _row_item(row_number: int, external_id: str, slot_ids: list[int] | None, wanted: int | None,
              faults: list[RowFault]) -> RegistrationIn | None:
    try:
        return RegistrationIn(external_id=external_id, slot_ids=slot_ids, wanted_interviews=wanted)
    except ValidationError as error:
        # The reasons without the submitted values: the upload route returns them to the browser.
        english = problems_from_errors(error.errors())
        faults.extend(RowFault(row_number, f"{problem.field}: {problem.reason}",
                               f"{field_name(error_field(item))}{chinese_error(item)}")
                      for problem, item in zip(english, error.errors(), strict=True))
        return None


def _check_graduates(session: Session, named: list[tuple[int, str]], faults: list[RowFault]) -> None:
    """Unknown, withdrawn and repeated graduates of every row (even one with other problems), listed
    together with the rest."""
    wanted = [external_id for _, external_id in named]
    found = {g.external_id: g for g in session.scalars(select(Graduate).where(Graduate.external_id.in_(wanted)))}
    first_row: dict[str, int] = {}
    for row_number, external_id in named:
        graduate = found.get(external_id)
        if graduate is None:
            faults.append(RowFault(row_number, "unknown graduate", f"没有编号为“{external_id}”的毕业生"))
        elif graduate.record_status != "active":
            faults.append(RowFault(row_number, "graduate is withdrawn", "该毕业生已退出登记"))
        if external_id in first_row:
            faults.append(RowFault(row_number, f"same graduate as row {first_row[external_id]}",
                                   f"与第{first_row[external_id]}行是同一名毕业生"))
        first_row.setdefault(external_id, row_number)


def register_from_file(session: Session, *, fair_id: int, path: Path) -> FairImportSummary:
    fair = get_fair(session, fair_id=fair_id)
    slots = fair_slots(session, fair_id=fair.id)
    by_number = {slot.number: slot.id for slot in slots}
    by_start = {f"{slot.starts_at:%H:%M}": slot.id for slot in slots}
    # Row numbers as Excel shows them, blank rows skipped but counted.
    table = [(number, row) for number, row in enumerate(_read_table(path), start=1)
             if any(str(cell or "").strip() for cell in row)]
    if len(table) < 2:
        raise FairImportError("the file has no data rows", message_zh="文件中没有数据行")
    columns = _columns(table[0][1])
    faults: list[RowFault] = []
    items: list[tuple[int, RegistrationIn]] = []
    named: list[tuple[int, str]] = []
    for row_number, row in table[1:]:
        def cell(field: str, row: list[Any] = row) -> Any:
            index = columns.get(field)
            return row[index] if index is not None and index < len(row) else None

        # Every check of the row runs, so a rejected row lists all its problems at once.
        known = len(faults)
        slot_ids = _slot_ids(cell("slots"), by_number=by_number, by_start=by_start, row=row_number, faults=faults)
        if len(faults) > known:
            slot_ids = None  # reported above; an empty list would only add "at least one slot"
        wanted = _wanted(cell("wanted_interviews"), cap=fair.interview_cap, row=row_number, faults=faults)
        external_id = str(cell("external_id") or "").strip()
        item = _row_item(row_number, external_id, slot_ids, wanted, faults)
        if item is not None:
            items.append((row_number, item))
        if external_id:
            named.append((row_number, external_id))
    _check_graduates(session, named, faults)
    if faults:
        rows = sorted({fault.row for fault in faults if fault.row is not None})
        details = "; ".join(f"{fault.where}: {fault.reason}" for fault in sorted(faults, key=lambda f: f.row or 0))
        raise FairImportError(f"{len(rows)} rows cannot register ({details})",
                              message_zh=f"{len(rows)} 行有问题，请改正后重新导入", faults=faults)
    rows = [row_number for row_number, _ in items]
    try:
        registered = register_graduates(session, fair_id=fair.id, items=[item for _, item in items])
    except DomainError as error:
        faults = [RowFault(_excel_row(p.field, rows), p.reason, chinese_reason(p.reason)) for p in error.problems]
        details = "; ".join(f"{fault.where}: {fault.reason}" for fault in faults)
        raise FairImportError(f"{error.message} ({details})" if details else error.message,
                              faults=faults) from None
    return FairImportSummary(registered=len(registered))


def _excel_row(field: str, rows: list[int]) -> int | None:
    """items[3].slot_ids → the Excel row of the fourth data row."""
    match = re.match(r"items\[(\d+)\]", field)
    return rows[int(match.group(1))] if match else None
