"""China's working-day calendar and the P2 contact deadline.

The official calendar (holidays and the make-up workdays, 调休) comes from the ``chinesecalendar``
package, which only knows the years the State Council has already announced. For a later year
the calendar uses holiday data an operator loaded (``jobmatch calendar load``), and without that
falls back to Monday–Friday. Every answer says which of the three it rested on, so a deadline
computed on the fallback is never mistaken for an official one.

Reading of P2 ("在 5 个工作日内取得联系"): the registration day itself is not counted; the
deadline is the end of the 5th working day after the day of registration (China time). A
graduate registered on a holiday or weekend is therefore due on the 5th working day after it.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Literal

import chinese_calendar

from app.domain.timezone import CHINA_TZ

CalendarSource = Literal["official", "loaded", "weekday_fallback"]
CONTACT_DEADLINE_WORKING_DAYS = 5

# Worse sources win when a span of days mixes them: one fallback day makes the whole answer a fallback.
_SOURCE_RANK: dict[CalendarSource, int] = {"official": 0, "loaded": 1, "weekday_fallback": 2}


# The years the package has data for; is_workday raises outside them.
OFFICIAL_YEARS = range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)


@lru_cache(maxsize=8192)
def _official_workday(day: date) -> bool | None:
    """The package's answer, or None for a year it does not cover. Cached: the package scans its
    whole holiday table on every call, and a queue page asks about thousands of days."""
    if day.year not in OFFICIAL_YEARS:
        return None
    return bool(chinese_calendar.is_workday(day))


def worst_source(*sources: CalendarSource) -> CalendarSource:
    return max(sources, key=_SOURCE_RANK.__getitem__, default="official")


def china_today() -> date:
    return datetime.now(CHINA_TZ).date()


def china_date(moment: datetime) -> date:
    return moment.astimezone(CHINA_TZ).date()


def china_day_start(day: date) -> datetime:
    """00:00 China time of ``day``, as an aware UTC datetime (how the database compares times)."""
    return datetime.combine(day, time(0, 0), tzinfo=CHINA_TZ).astimezone(UTC)


@dataclass(frozen=True)
class Deadline:
    registered_on: date
    due_on: date
    calendar: CalendarSource


class WorkdayCalendar:
    """``loaded_days`` maps a day to whether it is worked, for the years in ``loaded_years``:
    holidays map to False and make-up workdays to True; other days of a loaded year are Mon–Fri."""

    def __init__(self, *, loaded_days: Mapping[date, bool] | None = None,
                 loaded_years: frozenset[int] = frozenset()) -> None:
        self._loaded_days = dict(loaded_days or {})
        self._loaded_years = loaded_years
        # Running totals of (worked, loaded, fallback) days from _origin, so that counting the working
        # days between two dates is a subtraction: a queue page asks for hundreds of such spans.
        self._origin: date | None = None
        self._totals: list[tuple[int, int, int]] = []

    def is_workday(self, day: date) -> tuple[bool, CalendarSource]:
        official = _official_workday(day)
        if official is not None:
            return official, "official"
        if day.year in self._loaded_years:
            return self._loaded_days.get(day, day.weekday() < 5), "loaded"
        return day.weekday() < 5, "weekday_fallback"

    def add_working_days(self, start: date, count: int) -> tuple[date, CalendarSource]:
        """The ``count``-th working day after ``start`` (``start`` itself not counted)."""
        day, found, source = start, 0, "official"
        while found < count:
            day += timedelta(days=1)
            worked, day_source = self.is_workday(day)
            source = worst_source(source, day_source)
            found += worked
        return day, source

    def working_days_between(self, start: date, end: date) -> tuple[int, CalendarSource]:
        """Working days after ``start`` up to and including ``end`` (0 when ``end`` <= ``start``)."""
        if end <= start:
            return 0, "official"
        first = start + timedelta(days=1)
        origin = self._cover(first, end)
        (worked_before, loaded_before, fallback_before) = self._totals[(first - origin).days]
        (worked, loaded, fallback) = self._totals[(end - origin).days + 1]
        if fallback > fallback_before:
            return worked - worked_before, "weekday_fallback"
        return worked - worked_before, "loaded" if loaded > loaded_before else "official"

    def _cover(self, first: date, last: date) -> date:
        """Extend the running totals to cover [first, last]; _totals[i] sums the days before origin + i."""
        if self._origin is not None and self._origin <= first and last < self._origin + timedelta(
                days=len(self._totals) - 1):
            return self._origin
        if self._origin is not None:
            first, last = min(first, self._origin), max(last, self._origin + timedelta(days=len(self._totals) - 2))
        totals = [(0, 0, 0)]
        day = first
        while day <= last:
            worked, source = self.is_workday(day)
            before = totals[-1]
            totals.append((before[0] + worked, before[1] + (source == "loaded"),
                           before[2] + (source == "weekday_fallback")))
            day += timedelta(days=1)
        self._origin, self._totals = first, totals
        return first

    def contact_deadline(self, registered_on: date) -> Deadline:
        due_on, source = self.add_working_days(registered_on, CONTACT_DEADLINE_WORKING_DAYS)
        return Deadline(registered_on=registered_on, due_on=due_on, calendar=source)

    def last_overdue_registration_day(self, today: date) -> date:
        """The latest registration day whose contact deadline is already past on ``today``.

        The deadline never decreases as the registration day advances, so "overdue" is simply
        "registered on or before this day": the queue's SQL compares registration times with it
        instead of computing a deadline per row.
        """
        day = today - timedelta(days=CONTACT_DEADLINE_WORKING_DAYS)
        while self.contact_deadline(day).due_on >= today:
            day -= timedelta(days=1)
        return day
