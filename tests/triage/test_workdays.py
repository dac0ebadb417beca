"""P2 deadline on the official calendar: the 5th working day after the registration day (that day
not counted), across the 2026 Spring Festival and National Day, with make-up weekend workdays;
the Monday–Friday fallback for 2027; holidays loaded for a year the package does not cover.
Every expected date below was counted by hand on the State Council's 2026 schedule."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from app.triage.workdays import WorkdayCalendar
from app.triage.calendar_store import store_days, workday_calendar
from tests.triage.conftest import Desk

OFFICIAL = WorkdayCalendar()


@pytest.mark.parametrize(("registered_on", "due_on"), [
    # Spring Festival 2026: holiday Sun 15 – Mon 23 Feb; Sat 14 and Sat 28 Feb are make-up workdays.
    (date(2026, 2, 13), date(2026, 2, 27)),  # Fri: Sat 14 (1), Tue 24 (2) … Fri 27 (5)
    (date(2026, 2, 11), date(2026, 2, 25)),  # Wed: Thu 12, Fri 13, Sat 14, Tue 24, Wed 25
    (date(2026, 2, 16), date(2026, 2, 28)),  # registered on a holiday: 24, 25, 26, 27, make-up Sat 28
    # National Day 2026: holiday Thu 1 – Wed 7 Oct; Sat 10 Oct is a make-up workday.
    (date(2026, 9, 30), date(2026, 10, 13)),  # Thu 8, Fri 9, Sat 10, Mon 12, Tue 13
    (date(2026, 9, 24), date(2026, 10, 9)),  # Mid-Autumn Fri 25 – Sun 27 off: 28, 29, 30, Oct 8, Oct 9
    (date(2026, 9, 18), date(2026, 9, 24)),  # Sun 20 Sep is a make-up workday: 20, 21, 22, 23, 24
    (date(2026, 11, 20), date(2026, 11, 27)),  # an ordinary week: Mon 23 … Fri 27
])
def test_official_deadlines(registered_on: date, due_on: date) -> None:
    deadline = OFFICIAL.contact_deadline(registered_on)
    assert (deadline.due_on, deadline.calendar) == (due_on, "official")


def test_2027_falls_back_to_monday_to_friday_and_says_so() -> None:
    deadline = OFFICIAL.contact_deadline(date(2027, 1, 4))  # Mon: Tue 5 … Fri 8, Mon 11
    assert (deadline.due_on, deadline.calendar) == (date(2027, 1, 11), "weekday_fallback")
    # A deadline reaching over New Year counts Fri 1 Jan 2027 as worked, and says so.
    crossing = OFFICIAL.contact_deadline(date(2026, 12, 29))  # Wed 30, Thu 31, Fri 1, Mon 4, Tue 5
    assert (crossing.due_on, crossing.calendar) == (date(2027, 1, 5), "weekday_fallback")


def test_loaded_holidays_are_used_for_a_year_the_package_does_not_cover() -> None:
    calendar = WorkdayCalendar(loaded_days={date(2027, 1, 1): False, date(2027, 1, 9): True},
                               loaded_years=frozenset({2027}))
    crossing = calendar.contact_deadline(date(2026, 12, 29))  # Wed 30, Thu 31, Mon 4, Tue 5, Wed 6
    assert (crossing.due_on, crossing.calendar) == (date(2027, 1, 6), "loaded")
    make_up = calendar.contact_deadline(date(2027, 1, 6))  # Thu 7, Fri 8, Sat 9 (make-up), Mon 11, Tue 12
    assert make_up.due_on == date(2027, 1, 12)


def test_last_overdue_registration_day() -> None:
    # On Wed 25 Feb 2026: registered Tue 10 Feb → due Tue 24 (past); registered Wed 11 → due today.
    assert OFFICIAL.last_overdue_registration_day(date(2026, 2, 25)) == date(2026, 2, 10)
    # Every earlier day is overdue too, every later one is not: the queue's SQL relies on it.
    for offset in range(1, 40):
        day = date.fromordinal(date(2026, 2, 10).toordinal() - offset)
        assert OFFICIAL.contact_deadline(day).due_on < date(2026, 2, 25)


def test_deadline_endpoint_and_loaded_calendar_on_the_database(desk: Desk, session: Session) -> None:
    answer = desk.get("/v1/triage/calendar/deadline", registered_on="2026-02-13").json()
    assert answer == {"registered_on": "2026-02-13", "due_on": "2026-02-27", "calendar": "official",
                      "working_days": 5}
    fallback = desk.get("/v1/triage/calendar/deadline", registered_on="2027-01-04").json()
    assert (fallback["due_on"], fallback["calendar"]) == ("2027-01-11", "weekday_fallback")
    store_days(session, days={date(2027, 1, 1): (False, "元旦"), date(2027, 1, 8): (False, "测试假日")})
    session.commit()
    assert workday_calendar(session).is_workday(date(2027, 1, 8)) == (False, "loaded")
    loaded = desk.get("/v1/triage/calendar/deadline", registered_on="2027-01-04").json()
    assert (loaded["due_on"], loaded["calendar"]) == ("2027-01-12", "loaded")  # Fri 8 off: 5, 6, 7, 11, 12
    assert desk.client.get("/v1/triage/calendar/deadline", params={"registered_on": "2026-02-13"},
                           headers=desk.keys.headers("platform")).status_code == 403
