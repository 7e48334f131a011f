"""The test suite's calendar: every test runs on a fixed, injectable date, never the real one.

``KBDESK_TEST_NOW`` (an ISO date-time with offset) sets the moment the suite starts at; time then
ticks on from there, so timeouts and ordering behave as usual. Child processes that tests start
(``python -m tests.clock MODULE ARGS``) run on the same calendar.

Every read of the travelled clock (``date.today``, ``datetime.now``, ``time.time``,
``localtime``…: time-machine asks its traveller for the time) is offered to the functions in
``READ_HOOKS`` with the caller's frame; ``tests/clockreaders.py`` uses that to find the tests
that read the calendar.
"""

from __future__ import annotations

import datetime as dt
import os
import runpy
import sys
from collections.abc import Callable
from types import FrameType

import time_machine

DEFAULT_NOW = "2026-06-15T10:00:00+08:00"
_traveller: time_machine.travel | None = None
#: called with the caller's frame at every read of the travelled clock
READ_HOOKS: list[Callable[[FrameType], None]] = []


def test_now() -> dt.datetime:
    """The moment the suite's calendar starts at."""
    return dt.datetime.fromisoformat(os.environ.get("KBDESK_TEST_NOW", DEFAULT_NOW))


def now_stamp() -> int:
    """Now on the suite's calendar as a commit time (what the library's clock says, unless a
    test moved it): for commits a test makes itself."""
    return int(dt.datetime.now().timestamp())


def start_test_clock() -> None:
    """Move this process's clock to :func:`test_now` (once); children inherit the variable."""
    global _traveller
    if _traveller is not None:
        return
    now = test_now()
    os.environ["KBDESK_TEST_NOW"] = now.isoformat()
    _traveller = time_machine.travel(now, tick=True)
    traveller = _traveller.start()
    clock = traveller.time_ns

    def time_ns() -> int:  # every patched clock function asks the traveller for the time
        for hook in READ_HOOKS:
            hook(sys._getframe(1))
        return clock()

    traveller.time_ns = time_ns  # type: ignore[method-assign]


def child_command(module: str, *args: str) -> list[str]:
    """The command line that runs ``python -m module args`` on the suite's calendar."""
    return [sys.executable, "-m", "tests.clock", module, *args]


if __name__ == "__main__":
    start_test_clock()
    target = sys.argv[1]
    sys.argv = [target, *sys.argv[2:]]
    runpy.run_module(target, run_name="__main__", alter_sys=True)
