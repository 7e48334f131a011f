"""`make test`'s run of the suite: on every core, then the tests that measure pauses alone.

The suite runs twice: on the fixed calendar of ``tests/clock.py``, then, for the tests the first
pass found reading the calendar (``tests/clockreaders.py``), a year and a half later. Each pass
has two parts:

1. every test not marked ``solo``, on one process per core (pytest-xdist, ``--workers``);
2. the ``solo`` tests on one process, after the first part has finished: they measure how long
   the UI thread pauses (``tests/gui/test_stall.py``, ``tests/gui/test_render_stall.py``), and a
   second test of the same session running on the other core would be measured with them.
   (A second copy of the whole suite on the same machine is allowed: those tests subtract the
   time their thread waited for a core.)

The calendar record of a pass is the union of its parts' records. A part with nothing to run
(the second pass may keep no ``solo`` test) is not a failure. Exit status: the first failing
part's, else 0.

    python -m tests.suite [--workers N] [--later ISO-DATE-TIME] [-- PYTEST ARGS]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

#: the second pass's calendar: eighteen months after tests/clock.py's DEFAULT_NOW
LATER = "2028-01-20T16:30:00+08:00"
#: pytest's status when a selection holds no test
NO_TESTS = 5


def _pytest(args: list[str], *, later: str | None) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if later is not None:
        env["KBDESK_TEST_NOW"] = later
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args]
    print("+", " ".join(command[1:]), flush=True)
    status = subprocess.run(command, env=env, check=False).returncode
    return 0 if status == NO_TESTS else status


def run_pass(folder: Path, *, workers: int, later: str | None, extra: list[str]) -> int:
    """One pass (both parts). The first pass (``later`` None) writes ``folder/readers``; the
    second runs only the tests listed there."""
    readers = folder / "readers"
    parts = []
    status = 0
    for name, selection in (("shared", ["-n", str(workers), "--dist", "worksteal",
                                        "-m", "not solo"]),
                            ("solo", ["-m", "solo"])):
        if later is None:
            part = folder / f"readers-{name}"
            parts.append(part)
            clock = [f"--clock-record={part}"]
        else:
            clock = [f"--clock-readers={readers}"]
        if workers <= 1 and name == "shared":
            selection = ["-m", "not solo"]
        status = status or _pytest([*selection, *clock, *extra], later=later)
    if later is None:
        found = set()
        for part in parts:
            if part.exists():
                found.update(filter(None, part.read_text("utf-8").split("\n")))
        readers.write_text("".join(f"{node}\n" for node in sorted(found)), "utf-8")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.suite", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("TEST_WORKERS", 2)),
                        help="processes for the tests not marked solo (default 2: one a core)")
    parser.add_argument("--later", default=LATER,
                        help="the second pass's calendar (an ISO date-time with offset)")
    parser.add_argument("pytest_args", nargs="*", help="passed to every pytest run")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kbdesk-suite-") as folder:
        first = run_pass(Path(folder), workers=options.workers, later=None,
                         extra=options.pytest_args)
        if first:
            return first
        return run_pass(Path(folder), workers=options.workers, later=options.later,
                        extra=options.pytest_args)


if __name__ == "__main__":
    sys.exit(main())
