"""Read the registries staff keep in Excel or CSV into normalised rows.

This layer only reads: it finds the header row, maps Chinese headers to field names, turns
cells into codes, numbers and dates, and says which cells it could not read. Validation
(pydantic schemas) and the database upsert come after it and see plain dicts.

Row numbers are the ones Excel shows, so a staff member can go straight to the row a
rejection report names.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

from app.importing.columns import (
    CellError,
    FieldSpec,
    HeaderMapping,
    Resource,
    describe_fields,
    map_headers,
)
from app.importing.report import RowProblem

__all__ = ["ImportFormatError", "Resource", "SheetRows", "SourceRow", "read_rows"]

# Registries often carry a title ("2025届未就业毕业生实名台账") and a blank line above the header.
HEADER_SEARCH_ROWS = 10
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})

RawRows = Iterator[tuple[int, Sequence[Any]]]  # (row number as Excel shows it, cells)


class ImportFormatError(ValueError):
    """The file as a whole cannot be imported (format, encoding or required columns)."""


@dataclass(slots=True)
class SourceRow:
    row_number: int
    values: dict[str, Any]  # field name → normalised value; empty cells are left out
    columns: dict[str, str]  # field name → header as written, for every mapped column
    problems: list[RowProblem] = field(default_factory=list)  # cells that could not be read


class SheetRows(Iterator[SourceRow]):
    """Data rows after the header; also says which headers were ignored, once for the file."""

    def __init__(self, *, raw_rows: RawRows, mapping: HeaderMapping, header_row_number: int) -> None:
        self.header_row_number = header_row_number
        self.headers: dict[str, str] = mapping.headers
        self.unknown_headers: list[str] = mapping.unknown
        self.duplicate_headers: list[str] = mapping.duplicates
        self._raw_rows = raw_rows
        self._columns: list[tuple[int, FieldSpec, str]] = [
            (position, spec, mapping.headers[spec.name]) for position, spec in mapping.positions.items()
        ]

    def close(self) -> None:
        """Release the workbook early when the caller stops before the last row."""
        close = getattr(self._raw_rows, "close", None)
        if close is not None:
            close()

    def __next__(self) -> SourceRow:
        for row_number, cells in self._raw_rows:
            row = self._read(row_number, cells)
            if row is not None:
                return row
        raise StopIteration

    def _read(self, row_number: int, cells: Sequence[Any]) -> SourceRow | None:
        """None for a row with nothing in any mapped column (a pre-numbered 序号 is not a record)."""
        values: dict[str, Any] = {}
        problems: list[RowProblem] = []
        filled = False
        width = len(cells)
        for position, spec, header in self._columns:
            raw = cells[position] if position < width else None
            if isinstance(raw, str):
                raw = raw.strip()
            if raw is None or raw == "":
                continue
            filled = True
            try:
                value = spec.normalise(raw)
            except CellError as error:
                problems.append(RowProblem(row_number=row_number, column=header, reason=str(error)))
                continue
            if value is not None:
                values[spec.name] = value
        if not filled:
            return None
        return SourceRow(row_number, values, dict(self.headers), problems)


def read_rows(path: Path, *, resource: Resource) -> tuple[int, SheetRows]:
    """Open ``path`` and return (data row count for a progress bar, the rows).

    The header is read at once, so a missing required column raises ImportFormatError here
    rather than halfway through an import. For CSV the count is exact; for Excel it is the
    sheet's recorded extent below the header (blank rows included), because counting exactly
    would mean parsing the workbook twice, and openpyxl is the slow part of an import.
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, resource=resource)
    if suffix in EXCEL_SUFFIXES:
        return _read_workbook(path, resource=resource)
    if suffix == ".xls":
        raise ImportFormatError(f"{path.name}：不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV UTF-8")
    raise ImportFormatError(f"{path.name}：只能导入 .xlsx 或 .csv 文件")


def _read_csv(path: Path, *, resource: Resource) -> tuple[int, SheetRows]:
    text = _decode_csv(path)
    raw_rows = _csv_rows(text)
    mapping, header_row_number = _find_header(raw_rows, path=path, resource=resource)
    # Parsing the decoded text a second time costs milliseconds and gives an exact count.
    total = _count_data_rows(_csv_rows(text), mapping=mapping, after=header_row_number)
    return total, SheetRows(raw_rows=raw_rows, mapping=mapping, header_row_number=header_row_number)


def _read_workbook(path: Path, *, resource: Resource) -> tuple[int, SheetRows]:
    raw_rows, extent = _sheet_rows(path)
    try:
        mapping, header_row_number = _find_header(raw_rows, path=path, resource=resource)
    except ImportFormatError:
        raw_rows.close()
        raise
    if extent is not None and extent > header_row_number:
        total = extent - header_row_number
    else:
        # No usable <dimension> (some generators omit it or write "A1"): pay for a counting pass.
        total = _count_data_rows(_sheet_rows(path)[0], mapping=mapping, after=header_row_number)
    return total, SheetRows(raw_rows=raw_rows, mapping=mapping, header_row_number=header_row_number)


def _csv_rows(text: str) -> RawRows:
    return enumerate(csv.reader(io.StringIO(text)), start=1)


def _decode_csv(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode 文本" export: UTF-16 and tab-separated, not a CSV.
        raise ImportFormatError(f"{path.name}：这是 UTF-16 文本，请在 Excel 中另存为“CSV UTF-8(逗号分隔)”")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Chinese Windows saves "CSV (逗号分隔)" in GBK, which GB18030 contains.
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ImportFormatError(f"{path.name}：无法识别文件编码，请另存为 CSV UTF-8") from None


def _sheet_rows(path: Path) -> tuple[Generator[tuple[int, Sequence[Any]], None, None], int | None]:
    """Rows of the first sheet, and the sheet's recorded last row (None when not recorded)."""
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # zipfile, KeyError, ...: a damaged or mislabelled file
        raise ImportFormatError(f"{path.name}：无法作为 Excel 文件打开（{error}）") from error
    sheet = workbook.worksheets[0]

    def rows() -> Generator[tuple[int, Sequence[Any]], None, None]:
        try:
            yield from enumerate(sheet.iter_rows(values_only=True), start=1)
        finally:
            workbook.close()  # read-only workbooks hold the file open until closed

    return rows(), sheet.max_row


def _find_header(raw_rows: RawRows, *, path: Path, resource: Resource) -> tuple[HeaderMapping, int]:
    best: HeaderMapping | None = None
    for row_number, cells in raw_rows:
        mapping = map_headers(cells, resource=resource)
        if mapping.is_usable:
            return mapping, row_number
        if best is None or len(mapping.positions) > len(best.positions):
            best = mapping
        if row_number >= HEADER_SEARCH_ROWS:
            break
    if best is None:
        raise ImportFormatError(f"{path.name}：文件是空的")
    missing = describe_fields(best.missing_required, resource=resource)
    raise ImportFormatError(
        f"{path.name}：缺少必填列 {'、'.join(missing)}；找到的列：{'、'.join(best.found) or '（无）'}"
    )


def _count_data_rows(raw_rows: RawRows, *, mapping: HeaderMapping, after: int) -> int:
    positions = list(mapping.positions)
    count = 0
    for row_number, cells in raw_rows:
        if row_number <= after:
            continue
        width = len(cells)
        if any(_has_value(cells[position]) for position in positions if position < width):
            count += 1
    return count


def _has_value(cell: Any) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))
