"""Spreadsheet import of jobs and graduates (P1: staff keep the registry in Excel).

Rows are validated with the same schemas as the API and stored in chunks,
each record under its own savepoint, so one bad row never costs the others
and rerunning the same file changes nothing (upsert by external_id).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from app.domain.caller import Caller
from app.domain.enums import RegistrationChannel
from app.importing.messages import chinese_error, chinese_reason, error_field, field_name
from app.importing.reader import Resource, RowProblem, SourceRow, read_rows
from app.importing.report import write_rejections
from app.schemas.graduates import GraduateCreate
from app.schemas.jobs import JobCreate
from app.services import graduates as graduate_service
from app.services import jobs as job_service
from app.services.batch import BatchRunner
from app.services.keys import caller_for, find_owner_key

CHUNK_ROWS = 500


@dataclass
class ImportSummary:
    total_rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    held_back: int = 0  # postings stored but held back by screening (P10)
    rejected_rows: set[int] = field(default_factory=set)
    problems: list[RowProblem] = field(default_factory=list)
    report_path: Path | None = None


def _schema(resource: Resource) -> type[BaseModel]:
    return JobCreate if resource == Resource.JOBS else GraduateCreate


def _runner(resource: Resource, caller: Caller) -> BatchRunner[Any]:
    if resource == Resource.JOBS:
        return BatchRunner(JobCreate, lambda s, data: job_service.upsert_job(s, data=data, caller=caller))
    return BatchRunner(GraduateCreate,
                       lambda s, data: graduate_service.upsert_graduate(s, data=data, caller=caller))


def _with_defaults(resource: Resource, values: dict[str, Any]) -> dict[str, Any]:
    if resource == Resource.GRADUATES:
        values.setdefault("registration_channel", RegistrationChannel.IMPORT.value)
    return values


def import_file(
    *,
    path: Path,
    resource: Resource,
    session_factory: Callable[[], Session],
    owner: str | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Store the file's rows as the source ``owner`` names (a key id or name; the office key when
    None): the rows belong to that key and are checked as that key's writes (a platform owner may
    not set hardship, nor touch another source's records)."""
    caller = _owner_caller(session_factory, owner)
    total, rows = read_rows(path, resource=resource)
    if on_total:
        on_total(total)
    summary = ImportSummary(total_rows=total)
    runner = _runner(resource, caller)
    for chunk in _chunks(rows, CHUNK_ROWS):
        _import_chunk(chunk, resource=resource, runner=runner, session_factory=session_factory, summary=summary)
        if on_progress:
            on_progress(len(chunk))
    summary.report_path = write_rejections(path, summary.problems)
    return summary


def _owner_caller(session_factory: Callable[[], Session], owner: str | None) -> Caller:
    session = session_factory()
    try:
        caller = caller_for(find_owner_key(session, reference=owner))
        session.commit()  # the office key, if it had to be recreated
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    return caller


def _import_chunk(chunk: list[SourceRow], *, resource: Resource, runner: BatchRunner[Any],
                  session_factory: Callable[[], Session], summary: ImportSummary) -> None:
    readable: list[SourceRow] = []
    items: list[dict[str, Any]] = []
    for row in chunk:
        values = _with_defaults(resource, dict(row.values))
        problems = row.problems + _validation_problems(row, values, _schema(resource))
        if problems:
            summary.problems.extend(problems)
            summary.rejected_rows.add(row.row_number)
        else:
            readable.append(row)
            items.append(values)
    session = session_factory()
    try:
        result = runner.run(session, items, atomic=False)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    summary.created += result.count("created")
    summary.updated += result.count("updated")
    summary.unchanged += result.count("unchanged")
    summary.held_back += sum(1 for item in result.results
                             if any(f.get("severity") == "block" for f in item.findings))
    for error in result.errors:
        row = readable[error.index]
        summary.rejected_rows.add(row.row_number)
        for problem in error.problems:
            column = _column_of(problem.field, row)
            summary.problems.append(RowProblem(row_number=row.row_number, column=column,
                                               reason=chinese_reason(problem.reason)))


def _validation_problems(row: SourceRow, values: dict[str, Any], schema: type[BaseModel]) -> list[RowProblem]:
    """Every problem the schema finds in the row, in Chinese, beside the cells the reader could not
    read: staff fix a row once, not once per problem. A field whose cell was unreadable is left out
    of the values, so its "required" error would only repeat the reader's reason."""
    try:
        schema.model_validate(values)
    except ValidationError as error:
        unreadable = {problem.column for problem in row.problems}
        problems = []
        for item in error.errors():
            column = _column_of(error_field(item), row)
            if column not in unreadable:
                problems.append(RowProblem(row_number=row.row_number, column=column, reason=chinese_error(item)))
        return problems
    return []


def _column_of(field_path: str, row: SourceRow) -> str:
    """Report the header the person typed (身份证号), not our field name (national_id); a field the
    sheet has no column for by the name staff know it by."""
    name = field_path.split(".", 1)[0]
    return row.columns.get(name) or field_name(name)


def _chunks(rows: Iterator[SourceRow], size: int) -> Iterator[list[SourceRow]]:
    while chunk := list(islice(rows, size)):
        yield chunk


