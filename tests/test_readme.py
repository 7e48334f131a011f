"""Every ``kbdesk`` command in the README works verbatim on (a copy of) the demo library.

The README's ``sh`` blocks are read in order and each ``kbdesk …`` line is run through the
command line's ``main`` against a fresh copy of the demo library. Only what a reader would do
between the lines is added: a file is edited before it is published, and the file share
``/srv/share`` is a temporary folder.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.core.kb import install_demo_library
from tests.conftest import REPO_ROOT

SHARE = "/srv/share"
#: commands whose exit status 1 means "found some" (documented in the README)
FINDS_EXIT_1 = {("check", "--stale")}


def readme_commands() -> list[str]:
    """The ``kbdesk`` lines of the README's sh blocks, in order."""
    text = (REPO_ROOT / "README.md").read_text("utf-8")
    lines: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        lines += [line for line in block.splitlines() if line.startswith("kbdesk")]
    return lines


def test_the_readme_has_the_commands_this_test_runs() -> None:
    commands = [shlex.split(line, comments=True) for line in readme_commands()]
    verbs = {args[1] for args in commands if len(args) > 1}
    assert {"search", "history", "show", "publish", "diff", "rollback", "init-remote", "clone",
            "ack", "acks", "report"} <= verbs


def test_every_readme_command_works_on_the_demo_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    library = install_demo_library(tmp_path / "demo")
    monkeypatch.setenv("KBDESK_LIBRARY", str(library))
    share = tmp_path / "share"
    share.mkdir()
    ran = 0
    for line in readme_commands():
        args = shlex.split(line.replace(SHARE, str(share)), comments=True)[1:]
        if not args:
            continue  # `kbdesk` alone opens the desktop app
        if args[0] == "publish":  # the README says: after editing the file
            path = library / args[1]
            path.write_text(path.read_text("utf-8") + f"\n補充說明第 {ran} 條。\n", "utf-8")
        capsys.readouterr()
        try:
            code = main(args)
        except SystemExit as exc:  # --version and --help exit through argparse
            code = int(exc.code or 0)
        out = capsys.readouterr()
        allowed = {0, 1} if tuple(args[:2]) in FINDS_EXIT_1 else {0}
        assert code in allowed, f"{line}\n{out.out}\n{out.err}"
        if args[0] in ("search", "history", "show", "diff", "acks", "flags"):
            assert (out.out + out.err).strip() and "沒有找到結果" not in out.out, line
        ran += 1
    assert ran >= 25
