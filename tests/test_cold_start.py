"""Cold start: the command line imports only what a command needs.

``kbdesk --version`` and ``--help`` load neither Qt nor the search engine, git or OpenCC; no
command of the command line ever loads Qt. Each case runs in a fresh interpreter and lists
the modules it ended with.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kbdesk.core
from tests.conftest import REPO_ROOT, doc

#: runs ``kbdesk ARGS`` in-process, then prints the top-level packages loaded on stderr
PROBE = """
import json, sys
from kbdesk.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("MODULES " + json.dumps(sorted({name.split(".")[0] for name in sys.modules})),
      file=sys.stderr)
"""
HEAVY = {"PySide6", "whoosh", "dulwich", "opencc", "rjieba", "jinja2", "ruamel"}


def loaded(*args: str) -> set[str]:
    run = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                         timeout=120, cwd=REPO_ROOT, env={**os.environ})
    line = next(line for line in run.stderr.splitlines() if line.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES ")))


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("search", "--help")])
def test_version_and_help_load_nothing_heavy(args: tuple[str, ...]) -> None:
    assert loaded(*args) & HEAVY == set()


def test_no_command_loads_qt(make_library) -> None:
    root: Path = make_library({"a.md": doc("退款須知", id="refund", body="退款在五日內到帳。")})
    modules = loaded("search", "退款", "--json", "--library", str(root))
    assert {"whoosh", "rjieba"} <= modules  # the search did run
    assert "PySide6" not in modules
    history = loaded("history", "refund", "--library", str(root))
    assert "PySide6" not in history
    assert "rjieba" not in history  # the segmenter loads for searching and indexing only


def test_every_name_of_the_core_face_resolves() -> None:
    for name in kbdesk.core.__all__:
        assert getattr(kbdesk.core, name) is not None, name
    assert set(kbdesk.core.__all__) <= set(dir(kbdesk.core))
