"""Options shared by the commands mean the same before and after the command.

``kbdesk --library DIR search …`` once searched the default library: the sub-command's default
overwrote the main parser's value. Every command the parser knows is tried both ways.
"""

from __future__ import annotations

import json

import pytest

from kbdesk.cli import build_parser, main
from kbdesk.cli.arguments import GLOBAL_OPTIONS, SHARED_OPTIONS, takes
from tests.conftest import doc

#: the smallest arguments each command parses with; a new command must be added here
SAMPLE_ARGS: dict[str, list[str]] = {
    "search": ["退款"],
    "index": [],
    "check": [],
    "report": ["no-results"],
    "publish": ["a.md", "--note", "n"],
    "history": ["a"],
    "show": ["a"],
    "diff": ["a", "1", "2"],
    "rollback": ["a", "1", "--note", "n"],
    "retire": ["a", "--note", "n"],
    "sync": [],
    "acks": [],
    "export": ["--format", "html", "out"],
    "export-html": ["out"],
    "import": ["a.txt"],
    "drafts": [],
    "init-remote": ["share.git"],
    "clone": ["url"],
    "ack": ["a"],
    "flag": ["a"],
    "flags": [],
    "team": [],
    "doctor": [],
    "credentials": ["show", "https://git.example.com/kb.git"],
    "keys": ["show"],
    "server-hook": [],
    "workstation-key": [],
}
#: commands that take no library: joining makes one; the server hook runs in a bare repository
NO_LIBRARY = ("clone", "server-hook")
VALUES = {"library": "/lib/x", "author": "王小明", "agent": "李四"}


def test_every_command_has_sample_arguments():
    assert set(build_parser().commands) == set(SAMPLE_ARGS)


@pytest.mark.parametrize("command", sorted(SAMPLE_ARGS))
def test_shared_options_are_honoured_before_and_after_every_command(command):
    parser = build_parser()
    sub = parser.commands[command]
    base = [command, *SAMPLE_ARGS[command]]
    for dest, (flags, _kwargs) in SHARED_OPTIONS.items():
        if not takes(sub, dest):
            assert dest not in GLOBAL_OPTIONS or command in NO_LIBRARY, (command, dest)
            continue
        given = [flags[-1]] if dest == "verbose" else [flags[-1], VALUES[dest]]
        expected = True if dest == "verbose" else VALUES[dest]
        before, _ = parser.parse_known_args([*given, *base])
        after, _ = parser.parse_known_args([*base, *given])
        assert getattr(before, dest) == expected, (command, dest, "before")
        assert getattr(after, dest) == expected, (command, dest, "after")
        neither, _ = parser.parse_known_args(base)
        assert getattr(neither, dest) in (None, False)


def test_every_command_but_clone_takes_the_global_options():
    parser = build_parser()
    for name, sub in parser.commands.items():
        assert takes(sub, "verbose"), name
        assert takes(sub, "library") == (name not in NO_LIBRARY), name


def test_an_option_the_command_does_not_take_is_refused_not_ignored(capsys):
    with pytest.raises(SystemExit):
        main(["--author", "王小明", "search", "退款"])
    assert "--author does not apply to search" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--library", "/lib/x", "clone", "url"])
    assert "--library does not apply to clone" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["before", "after"])
def test_real_runs_read_the_library_given_before_or_after(make_library, capsys, where):
    root = make_library({
        "a.md": doc("退款政策", id="refund", body="## 時限\n退款在 5 個工作日內到帳。\n"),
    })
    option = ["--library", str(root)]

    def run(*words: str) -> int:
        return main([*option, *words] if where == "before" else [*words, *option])

    assert run("search", "退款", "--json") == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and {h["doc_id"] for h in hits} == {"refund"}
    assert run("index") == 0
    assert "0 added" in capsys.readouterr().out  # the index of this library, already current
    assert run("check") == 0
    capsys.readouterr()
    assert run("history", "refund", "--json") == 0
    assert [v["version"] for v in json.loads(capsys.readouterr().out)] == [1]
