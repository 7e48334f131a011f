"""Child processes released together, round after round, by a barrier over pipes (never a sleep).

Each child runs Python code that calls ``wait()`` (defined for it) before each round's work and
then prints one JSON line about the round: at least ``start`` and ``end`` (``time.monotonic()``,
one clock for every process of the machine). The parent sends ``go`` to every child only once
all of them said ``ready``. :func:`overlapping` tells in how many rounds the work of the
children really overlapped, so a race test can show the race was run, not assume it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from typing import Any

from tests.conftest import REPO_ROOT

PRELUDE = """
import json, sys, time
def wait():
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        raise SystemExit("no go")
"""


def run_together(
    codes: list[str], rounds: int, *, envs: list[dict[str, str]] | None = None,
    timeout: float = 600,
) -> list[list[dict[str, Any]]]:
    """Run each code in its own process, ``rounds`` rounds released together.

    Returns:
        per child, the JSON line it printed after each round.

    Raises:
        AssertionError: a child ended early (its stderr is in the message).
    """
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", PRELUDE + textwrap.dedent(code)], cwd=REPO_ROOT,
            env={**os.environ, **(envs[n] if envs else {})}, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n, code in enumerate(codes)
    ]
    reports: list[list[dict[str, Any]]] = [[] for _ in procs]
    try:
        for _ in range(rounds):
            for proc in procs:
                assert proc.stdout is not None
                line = proc.stdout.readline()
                assert line.strip() == "ready", _failure(proc, line)
            for proc in procs:  # the barrier: every child is waiting; all go
                assert proc.stdin is not None
                proc.stdin.write("go\n")
                proc.stdin.flush()
            for proc, report in zip(procs, reports, strict=True):
                assert proc.stdout is not None
                line = proc.stdout.readline()
                assert line.startswith("{"), _failure(proc, line)
                report.append(json.loads(line))
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.close()
            proc.wait(timeout=timeout)
            assert proc.returncode == 0, _failure(proc, "")
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=timeout)
            for stream in (proc.stdin, proc.stdout, proc.stderr):
                if stream is not None and not stream.closed:
                    stream.close()
    return reports


def _failure(proc: subprocess.Popen[str], line: str) -> str:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=30)
    err = proc.stderr.read() if proc.stderr is not None else ""
    return f"child said {line!r}, then ended with {proc.returncode}: {err}"


def overlapping(reports: list[list[dict[str, Any]]]) -> int:
    """In how many rounds the work of every child overlapped the others' in time."""
    count = 0
    for rounds in zip(*reports, strict=True):
        if max(r["start"] for r in rounds) < min(r["end"] for r in rounds):
            count += 1
    return count
