"""Rejection report: the rows staff must fix, written beside the file they imported.

Staff open it in Excel next to their registry, so it is a CSV in UTF-8 *with* BOM (without the
BOM Excel on Chinese Windows reads UTF-8 as GBK and shows mojibake) and its headers are Chinese.
"""
from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPORT_HEADERS: tuple[str, str, str] = ("行号", "列", "原因")


@dataclass(frozen=True, slots=True)
class RowProblem:
    row_number: int  # as Excel shows it: the header is row 1 (0 for a file-wide problem)
    column: str  # the header as written in the sheet, or the field name when there is none
    reason: str  # a plain sentence for the member of staff who fixes the cell


def rejection_path(input_path: Path) -> Path:
    return input_path.with_name(f"{input_path.stem}.rejected.csv")


def write_rejections(input_path: Path, problems: Sequence[RowProblem]) -> Path | None:
    """Write ``<stem>.rejected.csv`` beside ``input_path`` and return its path.

    With no problems nothing is written and None is returned, and a report left by an earlier
    run is deleted: a stale report beside a now-clean file would send staff fixing rows that
    were already imported.
    """
    path = rejection_path(input_path)
    if not problems:
        path.unlink(missing_ok=True)
        return None
    # Stable sort: row order is the order staff work through the sheet; within a row, keep the
    # order the problems were found (reader first, then validation).
    ordered = sorted(problems, key=lambda problem: problem.row_number)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(REPORT_HEADERS)
        writer.writerows((problem.row_number, problem.column, problem.reason) for problem in ordered)
    return path
