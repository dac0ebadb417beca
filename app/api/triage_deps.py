"""Dependencies of the triage routes: today's date in China and the working-day calendar.

"Today" is a dependency so that tests (and a replay of a past morning) can fix it; the
calendar is read per request because an operator may load a new year's holidays at any time.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends

from app.api.deps import SessionDep
from app.domain.workdays import WorkdayCalendar, china_today
from app.services.calendar_store import workday_calendar


def get_today() -> date:
    return china_today()


def get_calendar(session: SessionDep) -> WorkdayCalendar:
    return workday_calendar(session)


Today = Annotated[date, Depends(get_today)]
CalendarDep = Annotated[WorkdayCalendar, Depends(get_calendar)]
