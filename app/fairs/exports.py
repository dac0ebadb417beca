"""Per-employer interview lists and per-graduate timetables, as JSON and as CSV for Excel.

The employer list is what an employer receives: slot, job, and the interviewee's name, school,
major, education and year — nothing that hints at P9 (no column, no count, order by slot then
graduate id). CSV is UTF-8 with a BOM and CRLF lines, which is what Excel on Chinese Windows needs
to show the characters instead of mojibake.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.core.errors import FieldProblem, NotFound
from app.db.models import Fair
from app.domain.caller import Caller
from app.domain.enums import EDUCATION_NAMES, Education
from app.fairs.schedule_schemas import (
    EmployerExport,
    EmployerInterview,
    EmployerList,
    ExportGraduate,
    GraduateExport,
    GraduateTimetable,
    TimetableEntry,
)
from app.fairs.schedule import ScheduleRow, current_run, schedule_rows
from app.fairs.service import list_booths, list_registrations
from app.services.sensitive_reads import audit_graduate_reads

BOM = "\ufeff"
EMPLOYER_COLUMNS = ["展位号", "招聘单位", "场次", "开始", "结束", "岗位", "毕业生编号", "姓名", "学校", "专业", "学历",
                    "毕业年份", "匹配分"]
TIMETABLE_COLUMNS = ["毕业生编号", "姓名", "场次", "开始", "结束", "招聘单位", "展位号", "岗位"]


def _rows(session: Session, fair: Fair) -> list[ScheduleRow]:
    return schedule_rows(session, current_run(session, fair))


def employer_export(session: Session, *, fair: Fair, booth_id: int | None, caller: Caller) -> EmployerExport:
    booths = list_booths(session, fair_id=fair.id)
    if booth_id is not None:
        booths = [booth for booth in booths if booth.id == booth_id]
        if not booths:
            raise NotFound(f"no booth {booth_id} at fair {fair.id}", problems=[FieldProblem("booth_id", "unknown")])
    lists = {booth.id: EmployerList(booth_id=booth.id, employer_name=booth.employer_name, booth_label=booth.label,
                                    interviews=[]) for booth in booths}
    rows = [row for row in _rows(session, fair) if row.booth.id in lists]
    audit_graduate_reads(session, caller=caller, graduates=[row.graduate for row in rows],
                         action="fair_export_employers", shows_hardship=False)
    for row in rows:
        if row.booth.id in lists:
            lists[row.booth.id].interviews.append(EmployerInterview(
                slot_number=row.slot.number, start=row.slot.starts_at, end=row.slot.ends_at, job_id=row.job.id,
                job_title=row.job.title, score=row.interview.score, graduate=ExportGraduate(
                    external_id=row.graduate.external_id, name=row.graduate.name, school=row.graduate.school,
                    major=row.graduate.major, education=row.graduate.education,
                    graduation_year=row.graduate.graduation_year)))
    return EmployerExport(fair_id=fair.id, fair_name=fair.name, date=fair.fair_date, employers=list(lists.values()))


def graduate_export(session: Session, *, fair: Fair, graduate_id: int | None, caller: Caller) -> GraduateExport:
    registered = [graduate for _, graduate in list_registrations(session, fair_id=fair.id, caller=caller,
                                                                 graduate_id=graduate_id)]
    if graduate_id is not None:
        if not registered:
            raise NotFound(f"graduate {graduate_id} is not registered for fair {fair.id}",
                           problems=[FieldProblem("graduate_id", "not registered")])
    tables = {g.id: GraduateTimetable(graduate_id=g.id, external_id=g.external_id, name=g.name, interviews=[])
              for g in sorted(registered, key=lambda g: g.id)}
    for row in _rows(session, fair):
        if row.graduate.id in tables:
            tables[row.graduate.id].interviews.append(TimetableEntry(
                slot_number=row.slot.number, start=row.slot.starts_at, end=row.slot.ends_at,
                employer_name=row.booth.employer_name, booth_label=row.booth.label, job_title=row.job.title))
    for table in tables.values():
        table.interviews.sort(key=lambda entry: entry.slot_number)
    return GraduateExport(fair_id=fair.id, fair_name=fair.name, date=fair.fair_date, graduates=list(tables.values()))


def _education(code: str) -> str:
    try:
        return EDUCATION_NAMES[Education(code)]
    except ValueError:
        return code


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # CRLF line ends by default, as Excel writes them
    writer.writerow(header)
    writer.writerows(rows)
    return BOM + buffer.getvalue()


def employer_csv(export: EmployerExport) -> str:
    rows = [[e.booth_label or "", e.employer_name, i.slot_number, f"{i.start:%H:%M}", f"{i.end:%H:%M}", i.job_title,
             i.graduate.external_id, i.graduate.name, i.graduate.school or "", i.graduate.major,
             _education(i.graduate.education), i.graduate.graduation_year, f"{i.score:.4f}"]
            for e in export.employers for i in e.interviews]
    return _csv(EMPLOYER_COLUMNS, rows)


def graduate_csv(export: GraduateExport) -> str:
    rows: list[list[object]] = []
    for table in export.graduates:
        if not table.interviews:  # listed all the same, so the organiser can tell them
            rows.append([table.external_id, table.name, "", "", "", "（无面试安排）", "", ""])
        rows.extend([table.external_id, table.name, e.slot_number, f"{e.start:%H:%M}", f"{e.end:%H:%M}",
                     e.employer_name, e.booth_label or "", e.job_title] for e in table.interviews)
    return _csv(TIMETABLE_COLUMNS, rows)
