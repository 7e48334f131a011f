"""Working-day time limits: ``5個工作日內`` counts working days, not 24-hour days.

Weekends are skipped, and so are the holidays a library lists in ``library.yaml``
(``holidays:``); a weekend day listed under ``workdays:`` (a make-up working day) counts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kbdesk.core.library.procedure import chinese_number

_WORKING_DAYS_RE = re.compile(
    r"(?P<num>\d+|[一二兩两三四五六七八九十]+)\s*(?:個|个)?\s*"
    r"(?:工作日|working\s*days?|business\s*days?)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days are working days: Monday to Friday, minus holidays, plus make-up days."""

    holidays: frozenset[dt.date] = field(default_factory=frozenset)
    workdays: frozenset[dt.date] = field(default_factory=frozenset)

    @classmethod
    def of(cls, holidays: Iterable[dt.date] = (), workdays: Iterable[dt.date] = ()
           ) -> WorkingCalendar:
        """A calendar from lists of dates."""
        return cls(frozenset(holidays), frozenset(workdays))

    def is_working_day(self, day: dt.date) -> bool:
        """Whether agents work on ``day``."""
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, start: dt.datetime, days: int) -> dt.datetime:
        """The moment ``days`` working days after ``start`` (same time of day).

        Days that are not working days are skipped: a case opened on Friday with a limit of
        one working day is due on Monday at the same time.
        """
        moment, left = start, days
        while left > 0:
            moment += dt.timedelta(days=1)
            if self.is_working_day(moment.date()):
                left -= 1
        return moment


def working_days(limit_text: str) -> int | None:
    """The number of working days of a limit such as ``5個工作日內`` (None for other limits)."""
    match = _WORKING_DAYS_RE.search(limit_text or "")
    if match is None:
        return None
    raw = match.group("num")
    number = int(raw) if raw.isdigit() else chinese_number(raw)
    return int(number) if number else None


def limit_seconds(limit_text: str, plain_seconds: int | None, start: dt.datetime,
                  calendar: WorkingCalendar) -> int | None:
    """A step's limit in seconds from ``start``: working days counted on ``calendar``."""
    days = working_days(limit_text)
    if days is None:
        return plain_seconds
    return int((calendar.add_working_days(start, days) - start).total_seconds())
