"""Which tests read the calendar, found automatically, so the second calendar pass runs only them.

`make test` runs the suite on a fixed calendar (``tests/clock.py``), then a year and a half
later. The second pass needs only the tests whose outcome can depend on the date. The first pass
records them (``--clock-record=FILE``) and the second runs only those (``--clock-readers=FILE``;
the ``=`` form: pytest reads a separate value as a test path before conftest adds the option).
Nobody marks a test by hand: every read of the travelled clock (``date.today``,
``datetime.now``, ``time.time``, ``time.localtime``, ``strftime``…) reaches
:data:`tests.clock.READ_HOOKS`, and :class:`ClockReaders` notes which test was running.

A read counts when the repository's own code makes it: kbdesk (which reads the date only
through its ``Clock``: ruff bans the rest) or a test. That is how the date can reach a test's
outcome. Reads that third-party code makes for itself are not the calendar under test and are
left out: pytest's durations, logging's record times, pytest-qt's ``waitUntil`` timeout and
captured Qt messages, Whoosh's lock timeouts and file names, Hypothesis's statistics, the
dates zipfile writes into an archive, and reads while such a library is imported (Hypothesis
stamps its import time; that read used to fall outside every test and so marked everything,
and the reads of the timers marked nearly every test: the second pass ran the whole suite).

Within that, it errs towards running a test again:

- reads during a test's setup, call and teardown count for it; a background thread's read after
  its test ended counts for that test too (the owner stays until the next test starts);
- a read while a test module is imported (module-level dates) marks the whole module; while any
  other repository module is imported (a shared helper, kbdesk itself), everything;
- a read while a module- or class-scoped fixture is set up marks the module (or class); a
  session- or package-scoped one, everything; a read outside all of these, everything;
- a test that starts another process (``subprocess``, ``os.fork``, ``os.exec*``,
  ``os.posix_spawn``, ``os.system``; audit events) reads the calendar: its children's reads are
  not seen here (every kbdesk command reads the date); a process a plugin starts outside every
  test, with none of the repository's code on the stack (pytest-xdist's worker asks ``uname``
  for its platform line), does not mark everything; under pytest-xdist each worker records its
  own part and the controller, which runs no test, joins them;
- a read counts when its immediate caller (the code that called ``date.today``, ``time.time``…)
  is a module of ``kbdesk/`` or ``tests/``.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from tests import clock

REPO_ROOT = Path(__file__).resolve().parents[1]
#: the line of a readers file that stands for every test
EVERYTHING = "*"
#: audit events of starting another program or process
PROCESS_EVENTS = frozenset({
    "subprocess.Popen", "os.fork", "os.forkpty", "os.exec", "os.posix_spawn", "os.spawn",
    "os.system",
})
_REPO_PARTS = (str(REPO_ROOT / "kbdesk") + os.sep, str(REPO_ROOT / "tests") + os.sep)


def add_options(parser: pytest.Parser) -> None:
    """The two options (added by ``tests/conftest.py``)."""
    group = parser.getgroup("kbdesk calendar")
    group.addoption("--clock-record", type=Path, default=None, metavar="FILE",
                    help="write the node ids of the tests that read the calendar to FILE")
    group.addoption("--clock-readers", type=Path, default=None, metavar="FILE",
                    help="run only the tests a --clock-record FILE lists")


class ClockReaders:
    """The pytest plugin: records the readers (``record``) or keeps only them (``readers``)."""

    def __init__(self, record: Path | None, readers: Path | None) -> None:
        self.record = record
        self.readers = readers
        self.found: set[str] = set()
        self._owner = EVERYTHING  # the test, module or class being run, imported or set up
        self._recording = False
        self._lock = threading.Lock()

    # -- recording (the first pass) -----------------------------------------------------------

    def _read(self, frame: FrameType) -> None:
        if not frame.f_code.co_filename.startswith(_REPO_PARTS):
            return  # a library's own timer, log record or import-time stamp (see above)
        self._note(self._import_owner(frame) or self._owner)

    def _import_owner(self, frame: FrameType | None) -> str | None:
        """While repository modules are being imported: the test module, or everything."""
        owner = None
        while frame is not None:
            name = frame.f_code.co_filename
            if frame.f_code.co_name == "<module>" and name.startswith(_REPO_PARTS):
                if not Path(name).name.startswith("test_"):
                    return EVERYTHING
                owner = Path(name).relative_to(REPO_ROOT).as_posix()
            frame = frame.f_back
        return owner

    def _note(self, owner: str) -> None:
        with self._lock:
            self.found.add(owner)

    def _audit(self, event: str, _args: tuple[Any, ...]) -> None:
        if self._recording and event in PROCESS_EVENTS:
            if self._owner == EVERYTHING and not _started_by_the_repository(sys._getframe(1)):
                return  # a plugin's own process outside every test (pytest-xdist's worker
                # asks `uname -p` for its platform line at session start)
            self._note(self._owner)

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        if self.record is not None:
            self._recording = True
            if _distributing(session.config):
                return  # pytest-xdist's controller runs no test; it starts the workers (a
                # process start outside every test would mark everything) and joins their parts
            clock.READ_HOOKS.append(self._read)
            sys.addaudithook(self._audit)  # cannot be removed: _audit checks _recording

    @pytest.hookimpl(wrapper=True)
    def pytest_make_collect_report(self, collector: pytest.Collector) -> Iterator[Any]:
        owner = self._owner
        if isinstance(collector, pytest.Module):
            self._owner = collector.nodeid  # reads while importing it: the whole module
        try:
            return (yield)
        finally:
            self._owner = owner

    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(self, fixturedef: Any, request: pytest.FixtureRequest
                             ) -> Iterator[Any]:
        owner = self._owner
        if fixturedef.scope in ("module", "class"):
            self._owner = request.node.nodeid  # every test of the module (class) uses it
        elif fixturedef.scope != "function":
            self._owner = EVERYTHING
        try:
            return (yield)
        finally:
            self._owner = owner

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> Iterator[Any]:
        self._owner = item.nodeid  # and it stays the owner until the next test starts
        return (yield)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if not self._recording:
            return
        self._recording = False
        if self._read in clock.READ_HOOKS:
            clock.READ_HOOKS.remove(self._read)
        assert self.record is not None
        # each process writes its own part (pytest-xdist's workers run the tests; the
        # controller finishes last and joins the parts into the record)
        worker = getattr(session.config, "workerinput", {}).get("workerid")
        part = self.record.with_name(f"{self.record.name}.part-{worker or 'main'}")
        part.write_text("".join(f"{node}\n" for node in sorted(self.found)), "utf-8")
        if worker is None:
            found: set[str] = set()
            for each in sorted(self.record.parent.glob(f"{self.record.name}.part-*")):
                found.update(filter(None, each.read_text("utf-8").split("\n")))
                each.unlink()
            self.record.write_text("".join(f"{node}\n" for node in sorted(found)), "utf-8")

    # -- running only the readers (the second pass) -------------------------------------------

    def pytest_collection_modifyitems(self, config: pytest.Config,
                                      items: list[pytest.Item]) -> None:
        if self.readers is None:
            return
        listed = set(filter(None, self.readers.read_text("utf-8").split("\n")))
        if EVERYTHING in listed:
            return
        keep = [item for item in items if reads_clock(item.nodeid, listed)]
        if len(keep) < len(items):
            config.hook.pytest_deselected(items=[i for i in items if i not in keep])
            items[:] = keep


def _started_by_the_repository(frame: FrameType | None) -> bool:
    """Whether kbdesk's or the suite's own code (not this module) is on the stack."""
    here = str(Path(__file__).resolve())
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith(_REPO_PARTS) and name != here:
            return True
        frame = frame.f_back
    return False


def _distributing(config: pytest.Config) -> bool:
    """Whether this process is pytest-xdist's controller (it hands the tests to workers)."""
    return not hasattr(config, "workerinput") and bool(getattr(config.option, "numprocesses",
                                                               None))


def reads_clock(nodeid: str, listed: set[str]) -> bool:
    """Whether a test is listed, itself or through its module or class (a listed node id that
    is a prefix of its own at a ``::`` boundary)."""
    parts = nodeid.split("::")
    return any("::".join(parts[:end]) in listed for end in range(1, len(parts) + 1))
