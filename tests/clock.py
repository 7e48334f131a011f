"""The test suite's calendar: every test runs on a fixed, injectable date, never the real one.

``KBDESK_TEST_NOW`` (an ISO date-time with offset) sets the moment the suite starts at; time then
ticks on from there, so timeouts and ordering behave as usual. Child processes that tests start
(``python -m tests.clock MODULE ARGS``) run on the same calendar.
"""

from __future__ import annotations

import datetime as dt
import os
import runpy
import sys

import time_machine

DEFAULT_NOW = "2026-06-15T10:00:00+08:00"
_traveller: time_machine.travel | None = None


def test_now() -> dt.datetime:
    """The moment the suite's calendar starts at."""
    return dt.datetime.fromisoformat(os.environ.get("KBDESK_TEST_NOW", DEFAULT_NOW))


def start_test_clock() -> None:
    """Move this process's clock to :func:`test_now` (once); children inherit the variable."""
    global _traveller
    if _traveller is not None:
        return
    now = test_now()
    os.environ["KBDESK_TEST_NOW"] = now.isoformat()
    _traveller = time_machine.travel(now, tick=True)
    _traveller.start()


def child_command(module: str, *args: str) -> list[str]:
    """The command line that runs ``python -m module args`` on the suite's calendar."""
    return [sys.executable, "-m", "tests.clock", module, *args]


if __name__ == "__main__":
    start_test_clock()
    target = sys.argv[1]
    sys.argv = [target, *sys.argv[2:]]
    runpy.run_module(target, run_name="__main__", alter_sys=True)
