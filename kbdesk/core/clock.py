"""The one clock of the core: what "now" and "today" are for effective dates, receipts and state.

Every rule that depends on the date (which version is in force, when a receipt or a draft was
written, which documents are past review) reads a :class:`Clock` instead of the system time, so
tests and the app's day-change logic can move it. ``KnowledgeBase.set_clock`` injects one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable


class Clock:
    """The system clock; subclasses move it (tests, a fixed day)."""

    def now(self) -> dt.datetime:
        """The current moment, timezone-aware, in local time."""
        # the one reading of the system time in kbdesk: everything else asks a Clock
        return dt.datetime.now().astimezone()  # noqa: TID251 - the Clock implementation

    def today(self) -> dt.date:
        """The current local day."""
        return self.now().date()


class DayClock(Clock):
    """A clock whose day comes from a function (the time of day stays the system's).

    Args:
        day: returns the day to use; called on every ``today()`` and ``now()``.
    """

    def __init__(self, day: Callable[[], dt.date]) -> None:
        self._day = day

    def today(self) -> dt.date:
        return self._day()

    def now(self) -> dt.datetime:
        return dt.datetime.combine(self._day(), super().now().timetz())


class FixedClock(Clock):
    """A clock stopped at one moment (naive moments are read as local time)."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment if moment.tzinfo else moment.astimezone()

    def now(self) -> dt.datetime:
        return self.moment


SYSTEM_CLOCK = Clock()


class LibraryClock(Clock):
    """The clock of one library: every service holds this one object, and ``set`` replaces
    the clock it reads (``KnowledgeBase.set_clock``), so no service keeps an old one."""

    def __init__(self, clock: Clock) -> None:
        self.current: Clock = clock

    def set(self, clock: Clock) -> None:
        """Read ``clock`` from now on."""
        self.current = clock

    def now(self) -> dt.datetime:
        return self.current.now()

    def today(self) -> dt.date:
        return self.current.today()


def as_clock(value: Clock | Callable[[], dt.date]) -> Clock:
    """Return ``value`` as a :class:`Clock` (a function returning the day: a DayClock)."""
    if isinstance(value, Clock):
        return value
    return DayClock(value)


def parse_iso_date(value: object) -> dt.date | None:
    """A ``YYYY-MM-DD`` day from a string, date or datetime; None when missing or malformed."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def parse_iso_time(value: object) -> dt.datetime | None:
    """A timezone-aware moment from an ISO string (naive ones are local time); None if bad."""
    if isinstance(value, dt.datetime):
        when = value
    elif isinstance(value, str) and value.strip():
        try:
            when = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    return when if when.tzinfo else when.astimezone()
