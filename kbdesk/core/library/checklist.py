"""A procedure checklist run: the agent's ticks and timer for the case in hand.

A run belongs to the agent's session only; it is kept in memory and never written into the
procedure document. Time limits count from the start of the run (see the library format). The
clock is a callable returning monotonic seconds, so tests can drive time by hand.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from kbdesk.core.library.model import ProcedureStep
from kbdesk.core.library.workdays import WorkingCalendar, limit_seconds

if TYPE_CHECKING:
    from kbdesk.core.library.model import Document

log = logging.getLogger(__name__)

Timer = Callable[[], float]
"""Seconds from a monotonic source (time.monotonic); not the calendar clock of core/clock.py."""

#: A step is "due soon" when less than this share of its limit is left.
DUE_SOON_SHARE = 0.2


class StepState(StrEnum):
    """Where a step stands in the run."""

    PENDING = "pending"
    DUE_SOON = "due-soon"
    OVERDUE = "overdue"
    DONE = "done"


@dataclass(frozen=True)
class StepStatus:
    """A step's state at one moment.

    Attributes:
        step: the procedure step.
        state: pending, due-soon, overdue or done.
        done_at: elapsed seconds when the step was ticked (None if not ticked, or ticked
            before the run was started).
        remaining: seconds left to the step's limit (negative once passed; None without a
            limit or before the run starts). For a ticked step: the margin it was ticked with.
        late: the step was ticked after its limit had passed.
    """

    step: ProcedureStep
    state: StepState
    done_at: float | None
    remaining: float | None
    late: bool = False


class ChecklistRun:
    """Ticks and a timer over a procedure's steps.

    Args:
        steps: the procedure's steps (``Document.steps``).
        clock: returns monotonic seconds; default :func:`time.monotonic`.
        calendar: the library's working days and holidays (default: Monday to Friday).
        wall: the library's clock (``kb.clock.now``): the moment a limit in working days is
            counted from.
    """

    def __init__(
        self,
        steps: Sequence[ProcedureStep],
        clock: Timer = time.monotonic,
        *,
        wall: Callable[[], dt.datetime],
        calendar: WorkingCalendar | None = None,
    ) -> None:
        self.steps: tuple[ProcedureStep, ...] = tuple(steps)
        self._clock = clock
        self.calendar = calendar or WorkingCalendar()
        self._wall = wall
        self._limits: dict[int, int | None] = {}
        self._numbers = {step.number for step in self.steps}
        self._started_at: float | None = None
        self._done: dict[int, float | None] = {}

    @classmethod
    def for_document(cls, doc: Document, clock: Timer = time.monotonic, *,
                     wall: Callable[[], dt.datetime],
                     calendar: WorkingCalendar | None = None) -> ChecklistRun:
        """Return a run over a procedure document's steps (none for other kinds)."""
        return cls(doc.steps, clock, wall=wall, calendar=calendar)

    # -- the timer ----------------------------------------------------------------------------

    @property
    def started(self) -> bool:
        """Whether the timer is running."""
        return self._started_at is not None

    def start(self) -> None:
        """Start the timer (a no-op while it runs; ticks made so far are kept)."""
        if self._started_at is None:
            self._started_at = self._clock()
            # working-day limits become seconds from now (weekends and holidays skipped)
            started = self._wall()
            self._limits = {
                s.number: limit_seconds(s.limit_text, s.limit_seconds, started, self.calendar)
                for s in self.steps
            }

    def reset(self) -> None:
        """Clear every tick and stop the timer, ready for the next case."""
        self._started_at = None
        self._done.clear()
        self._limits = {}

    def elapsed(self) -> float:
        """Seconds since start (0 before start); frozen at the last tick once all are done."""
        if self._started_at is None:
            return 0.0
        if self.steps and self.complete:
            marks = [at for at in self._done.values() if at is not None]
            if marks:
                return max(marks)
        return max(0.0, self._clock() - self._started_at)

    # -- ticks --------------------------------------------------------------------------------

    def _number(self, step: int | ProcedureStep) -> int:
        number = step.number if isinstance(step, ProcedureStep) else int(step)
        if number not in self._numbers:
            raise ValueError(f"no step {number} in this procedure")
        return number

    def tick(self, step: int | ProcedureStep) -> None:
        """Mark a step done (by number or step); ticking a done step again keeps its time."""
        number = self._number(step)
        if number not in self._done:
            self._done[number] = self.elapsed() if self.started else None

    def untick(self, step: int | ProcedureStep) -> None:
        """Mark a step not done again."""
        self._done.pop(self._number(step), None)

    def is_done(self, step: int | ProcedureStep) -> bool:
        """Whether a step is ticked."""
        return self._number(step) in self._done

    @property
    def complete(self) -> bool:
        """Whether every step is ticked."""
        return len(self._done) == len(self.steps)

    # -- states -------------------------------------------------------------------------------

    def status(self, step: int | ProcedureStep) -> StepStatus:
        """Return one step's state now."""
        number = self._number(step)
        item = next(s for s in self.steps if s.number == number)
        limit = self._limits.get(number, item.limit_seconds)
        if number in self._done:
            done_at = self._done[number]
            margin = None if limit is None or done_at is None else limit - done_at
            return StepStatus(item, StepState.DONE, done_at, margin,
                              late=margin is not None and margin < 0)
        if limit is None or not self.started:
            return StepStatus(item, StepState.PENDING, None, None)
        remaining = limit - self.elapsed()
        if remaining < 0:
            state = StepState.OVERDUE
        elif remaining <= limit * DUE_SOON_SHARE:
            state = StepState.DUE_SOON
        else:
            state = StepState.PENDING
        return StepStatus(item, state, None, remaining)

    def state(self, step: int | ProcedureStep) -> StepState:
        """Return one step's state now."""
        return self.status(step).state

    def statuses(self) -> list[StepStatus]:
        """Return every step's state now, in order."""
        return [self.status(step) for step in self.steps]

    def overdue(self) -> list[ProcedureStep]:
        """Return the steps whose limit has passed before they were ticked."""
        return [s.step for s in self.statuses() if s.state is StepState.OVERDUE]


def format_duration(seconds: float) -> str:
    """Return seconds as ``m:ss``, ``h:mm:ss`` or ``Nd h:mm:ss`` (a minus sign when negative)."""
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{sign}{days}d {hours}:{minutes:02d}:{secs:02d}"
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"
