"""The second calendar pass runs only the tests that read the calendar: how they are found."""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import clock
from tests.clockreaders import EVERYTHING, REPO_ROOT, ClockReaders, reads_clock


@pytest.fixture
def readers(tmp_path: Path):
    plugin = ClockReaders(tmp_path / "readers.txt", None)
    plugin._recording = True
    plugin._owner = "tests/test_x.py::test_y"
    # this test's reads are the example's alone (a recording session's plugin is set aside)
    session_hooks = list(clock.READ_HOOKS)
    clock.READ_HOOKS[:] = [plugin._read]
    sys.addaudithook(plugin._audit)  # stays, but notes nothing once _recording is off
    try:
        yield plugin
    finally:
        clock.READ_HOOKS[:] = session_hooks
        plugin._recording = False


def test_every_calendar_function_reaches_the_hook(readers: ClockReaders) -> None:
    frames: list[str] = []
    clock.READ_HOOKS.append(lambda frame: frames.append(frame.f_code.co_name))
    try:
        dt.date.today()
        dt.datetime.now()
        dt.datetime.now(dt.UTC)
        time.time()
        time.localtime()
        time.strftime("%Y")
        time.monotonic()  # not the calendar
    finally:
        clock.READ_HOOKS.pop()
    assert frames == ["test_every_calendar_function_reaches_the_hook"] * 6
    assert readers.found == {"tests/test_x.py::test_y"}


def test_nothing_is_noted_without_a_read_and_logging_does_not_count(readers) -> None:
    logging.getLogger("tests.clockreaders").warning("a record has a time")
    assert readers.found == set()


def test_module_level_reads_mark_the_module_or_everything(readers: ClockReaders) -> None:
    code = "import datetime\ndatetime.date.today()\n"
    exec(compile(code, str(REPO_ROOT / "tests" / "site" / "test_fake.py"), "exec"), {})
    assert readers.found == {"tests/site/test_fake.py"}
    exec(compile(code, str(REPO_ROOT / "tests" / "helpers_fake.py"), "exec"), {})
    assert EVERYTHING in readers.found


def test_reads_a_library_makes_for_itself_do_not_count(readers: ClockReaders) -> None:
    # a third-party module that stamps its import time (Hypothesis does), and one that times
    # something: neither is the calendar under test
    stamp = "import time\nSTAMP = time.time()\n"
    exec(compile(stamp, "/usr/lib/python3/dist-packages/somelib/__init__.py", "exec"), {})
    timer = "import time\ndef waited(start):\n    return time.time() - start\n"
    space: dict[str, object] = {}
    exec(compile(timer, "/usr/lib/python3/dist-packages/somelib/timing.py", "exec"), space)
    space["waited"](0.0)  # type: ignore[operator]
    assert readers.found == set()
    dt.date.today()  # the test's own read counts
    assert readers.found == {"tests/test_x.py::test_y"}


@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["one process", "two workers"])
def test_a_session_finds_the_tests_that_read_the_date_and_only_them(
    tmp_path: Path, workers: list[str]
) -> None:
    """End to end: record the example tests, then list what the second pass would run; on two
    pytest-xdist workers (`make test`) too, whose start must not mark every test."""
    examples = "tests/clockreaders_examples.py"
    record = tmp_path / "readers.txt"
    pytest_cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly",
                  "-p", "no:cacheprovider", examples]
    first = subprocess.run([*pytest_cmd, *workers, f"--clock-record={record}"], cwd=REPO_ROOT,
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "4 passed" in first.stdout
    assert set(record.read_text("utf-8").split()) == {
        f"{examples}::test_reader_asks_the_library_clock",
        f"{examples}::test_reader_reads_the_date_itself",
    }
    second = subprocess.run([*pytest_cmd, "--collect-only", f"--clock-readers={record}"],
                            cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stdout + second.stderr
    selected = {line.split("::")[-1] for line in second.stdout.splitlines() if "::" in line}
    assert selected == {"test_reader_asks_the_library_clock", "test_reader_reads_the_date_itself"}


def test_starting_a_process_counts_as_reading(readers: ClockReaders) -> None:
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    assert readers.found == {"tests/test_x.py::test_y"}


def test_the_second_pass_keeps_listed_tests_modules_and_classes() -> None:
    listed = {"tests/a.py::test_one", "tests/b.py", "tests/c.py::TestK", "tests/d.py::t[ x ]"}
    assert reads_clock("tests/a.py::test_one", listed)
    assert not reads_clock("tests/a.py::test_two", listed)
    assert reads_clock("tests/b.py::test_any[1]", listed)
    assert reads_clock("tests/c.py::TestK::test_m", listed)
    assert not reads_clock("tests/c.py::TestL::test_m", listed)
    assert reads_clock("tests/d.py::t[ x ]", listed)
    assert not reads_clock("tests/bb.py::test_one", listed)
