"""Example tests for ``tests/test_clockreaders.py``, which runs them in a pytest session of
their own: the file name does not match ``test_*.py``, so the suite never collects them.

Which of them the calendar pass must run again is in each name.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import zipfile

from kbdesk.core.clock import SYSTEM_CLOCK, FixedClock


def test_reader_asks_the_library_clock() -> None:
    assert SYSTEM_CLOCK.today().year > 2000


def test_reader_reads_the_date_itself() -> None:
    assert dt.datetime.now().year > 2000  # tests should not; one that does is found


def test_not_a_reader_builds_a_fixed_clock() -> None:
    clock = FixedClock(dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC))
    assert clock.today() == dt.date(2026, 3, 1)  # a stopped clock never reads the calendar


def test_not_a_reader_libraries_keep_their_own_time() -> None:
    logging.getLogger("tests.clockreaders_examples").warning("a record has a time")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("a.txt", "zipfile dates its entries")  # reads time.localtime()
    assert archive.getvalue()
