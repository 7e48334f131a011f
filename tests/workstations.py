"""Workstations for the team tests: each with its own data folder and settings, running
``kbdesk`` commands there (the shared library's tests over a file share and over HTTP)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kbdesk.cli import main
from tests.conftest import doc

#: A small library the team tests share: a rule that asks for a receipt, and a greeting.
RULE = doc("退款新規", id="refund-rule", version=1, ack_required="true",
           body="\n## 時限\n\n退款須在24小時內處理。\n")
FILES = {"refund-rule.md": RULE, "greeting.md": doc("開場白", id="greeting", version=1,
                                                    body="\n您好，很高興為您服務。\n")}


class Workstation:
    """One workstation: its own data folder and settings; runs ``kbdesk`` commands there.

    Args:
        role: the role in its settings.
        account: the OS account its commands run as ("" : the test's own).
        printed: a list that keeps everything its commands printed (None: not kept).
    """

    def __init__(self, tmp: Path, name: str, agent: str, monkeypatch: pytest.MonkeyPatch,
                 capsys: pytest.CaptureFixture[str], *, role: str = "agent",
                 account: str = "", printed: list[str] | None = None) -> None:
        self.data = tmp / f"data-{name}"
        self.data.mkdir()
        (self.data / "settings.json").write_text(
            json.dumps({"workstation_name": name, "agent_name": agent, "role": role}), "utf-8")
        self.account = account
        self.name, self.agent = name, agent
        self.monkeypatch, self.capsys, self.printed = monkeypatch, capsys, printed

    def enter(self) -> None:
        """Make this workstation's data folder (and account) the one in use."""
        self.monkeypatch.setenv("KBDESK_DATA_DIR", str(self.data))
        if self.account:  # getpass.getuser() reads LOGNAME first
            self.monkeypatch.setenv("LOGNAME", self.account)

    def run(self, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
        """Run ``kbdesk ARGS`` here; return the exit code, stdout and stderr."""
        self.enter()
        if stdin is not None:
            self.monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        self.capsys.readouterr()
        code = main(list(args))
        out = self.capsys.readouterr()
        if self.printed is not None:
            self.printed += [out.out, out.err]
        return code, out.out, out.err

    def ok(self, *args: str, stdin: str | None = None) -> str:
        """Run ``kbdesk ARGS`` here, fail the test unless it succeeded; return stdout."""
        code, out, err = self.run(*args, stdin=stdin)
        assert code == 0, (args, out, err)
        return out

    def library(self) -> Path:
        """The library folder this workstation's settings name."""
        return Path(json.loads((self.data / "settings.json").read_text("utf-8"))["library_dir"])
