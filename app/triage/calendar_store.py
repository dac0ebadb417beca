"""Holiday data for years the chinesecalendar package does not cover yet.

When the State Council announces next year's holidays (usually in November) and the package has
not caught up, an operator loads them from a small file — no code change:

    jobmatch calendar load 2027.csv

CSV (UTF-8, with or without BOM), header ``date,type,name``, one row per holiday or make-up
workday; ``type`` is ``holiday``/``休`` or ``workday``/``班``::

    date,type,name
    2027-01-01,holiday,元旦
    2027-02-20,workday,春节调休

JSON: a list of the same objects, ``[{"date": "2027-01-01", "type": "holiday", "name": "元旦"}]``.
Loading replaces everything stored for the years in the file, so a corrected file is simply
loaded again. Every other day of a loaded year is a working day from Monday to Friday.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.errors import InvalidInput
from app.db.models import CalendarDay
from app.triage.workdays import OFFICIAL_YEARS, WorkdayCalendar

_TYPES = {"holiday": False, "休": False, "假": False, "workday": True, "班": True}


@dataclass(frozen=True)
class CalendarLoad:
    years: list[int]
    holidays: int
    workdays: int


def workday_calendar(session: Session) -> WorkdayCalendar:
    """The calendar with whatever holiday data was loaded (a few dozen rows at most)."""
    rows = session.execute(select(CalendarDay.day, CalendarDay.is_workday)).all()
    return WorkdayCalendar(loaded_days={day: worked for day, worked in rows},
                           loaded_years=frozenset(day.year for day, _ in rows))


def load_calendar_file(session: Session, *, path: Path) -> CalendarLoad:
    try:
        raw = path.read_bytes().decode("utf-8-sig")
        records = json.loads(raw) if path.suffix.lower() == ".json" else list(csv.DictReader(io.StringIO(raw)))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInput(f"cannot read {path.name}: {error}") from None
    if not isinstance(records, list):
        raise InvalidInput("a JSON calendar file holds a list of {date, type, name} objects")
    return store_days(session, days=_parse(records))


def _parse(records: Iterable[Any]) -> dict[date, tuple[bool, str]]:
    days: dict[date, tuple[bool, str]] = {}
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise InvalidInput(f"entry {number}: expected an object with date, type and name")
        try:
            day = date.fromisoformat(str(record.get("date", "")).strip())
        except ValueError:
            raise InvalidInput(f"entry {number}: date must be YYYY-MM-DD") from None
        kind = str(record.get("type", "")).strip().lower()
        if kind not in _TYPES:
            raise InvalidInput(f"entry {number}: type must be holiday (休) or workday (班)")
        if day in days:
            raise InvalidInput(f"entry {number}: {day} appears twice")
        days[day] = (_TYPES[kind], str(record.get("name") or "").strip()[:50])
    if not days:
        raise InvalidInput("the file lists no days")
    return days


def store_days(session: Session, *, days: dict[date, tuple[bool, str]]) -> CalendarLoad:
    years = sorted({day.year for day in days})
    covered = [year for year in years if year in OFFICIAL_YEARS]
    if covered:
        # The official data always wins for these years, so a load would silently do nothing.
        raise InvalidInput(f"{', '.join(map(str, covered))} is covered by the official calendar "
                           "(chinesecalendar); load only years it does not know yet")
    for year in years:
        session.execute(delete(CalendarDay).where(CalendarDay.day >= date(year, 1, 1),
                                                  CalendarDay.day <= date(year, 12, 31)))
    session.add_all(CalendarDay(day=day, is_workday=worked, name=name) for day, (worked, name) in days.items())
    session.flush()
    workdays = sum(worked for worked, _ in days.values())
    return CalendarLoad(years=years, holidays=len(days) - workdays, workdays=workdays)
