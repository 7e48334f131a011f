"""Three workstations on git's own smart HTTP server (``git http-backend`` behind lighttpd with
basic auth, see ``tests/gitserver.py``): joining with a password, publishing from the editor's
workstation, syncing to two agents, receipts travelling; a server that asks for a sign-in says
so (never "offline"), one that refuses a push says "not allowed"; and the passwords are in no
URL kept in a library's git config, no message, no log line and no sync state.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from dulwich import porcelain

from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.sync.sync import sync_state
from kbdesk.core.workstation import credentials
from tests.clock import now_stamp
from tests.gitserver import GitHttpServer
from tests.workstations import FILES, Workstation

PASSWORDS = {"editor": "編輯-pw:1@x", "chen": "chen-Secret-2", "wang": "wang-Secret-3",
             "guest": "guest-Secret-4"}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[GitHttpServer]:
    served = GitHttpServer(tmp_path / "server", PASSWORDS, pushers=["editor", "chen", "wang"])
    served.start()
    try:
        yield served
    finally:
        served.stop()


def _no_password_anywhere(texts: list[str], *places: Path) -> None:
    secrets = [*PASSWORDS.values(), *(quote(p, safe="") for p in PASSWORDS.values())]
    for secret in secrets:
        assert all(secret not in text for text in texts)
        for place in places:
            assert secret not in place.read_text("utf-8", "replace"), place


def test_three_workstations_on_git_http_backend_with_basic_auth(
        server: GitHttpServer, tmp_path: Path, make_library, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    printed: list[str] = []
    editor = Workstation(tmp_path, "editor-desk", "林主管", monkeypatch, capsys, printed=printed)
    one = Workstation(tmp_path, "desk-1", "陳小華", monkeypatch, capsys, printed=printed)
    two = Workstation(tmp_path, "desk-2", "王大明", monkeypatch, capsys, printed=printed)
    assert not credentials.keyring_usable()  # tests keep sign-ins in the private file

    # the editor's library goes to the empty server; the URL is typed with the password
    source = make_library(FILES)
    LibraryRepo.init(source, author="編輯 <ed@example.com>", when=now_stamp()).close()
    code, _, err = editor.run("sync", "--library", str(source), "--remote", server.url)
    assert code == 4 and "sign-in needed" in err and "offline" not in err
    editor.enter()
    assert sync_state(source)["last_status"] == "signin-needed"
    typed = server.url_with("editor", PASSWORDS["editor"])  # quoted as a URL needs
    assert "pushed" in editor.ok("sync", "--library", str(source), "--remote", typed)
    assert sync_state(source)["last_status"] == "pushed"
    kept = editor.data / "credentials.json"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert json.loads(kept.read_text("utf-8"))["servers"] == {
        f"http://127.0.0.1:{server.port}": {"username": "editor",
                                            "password": PASSWORDS["editor"]}}
    assert server.git("log", "--format=%s", "main").strip()

    # the first agent stores the sign-in first (a script's way), then joins
    one.ok("credentials", "set", server.url, "--username", "chen", "--password-stdin",
           stdin=PASSWORDS["chen"] + "\n")
    assert "signed in as chen" in one.ok("credentials", "show", server.url)
    one.ok("clone", server.url)
    # the second agent joins with the password typed into the URL; the editor joins too
    two.ok("clone", server.url_with("wang", PASSWORDS["wang"]))
    editor.ok("clone", server.url, str(tmp_path / "editor-library"))
    for ws in (editor, one, two):
        assert (ws.library() / "refund-rule.md").is_file()
        config = (ws.library() / ".git" / "config").read_text("utf-8")
        assert server.url in config and "@127.0.0.1" not in config

    # both agents read v1; the editor publishes v2, which is sent at once
    for ws in (one, two):
        ws.ok("ack", "refund-rule")
        assert "sync: up-to-date" in ws.ok("sync")
    rule = editor.library() / "refund-rule.md"
    rule.write_text(rule.read_text("utf-8").replace("24小時", "48小時"), "utf-8")
    out = editor.ok("publish", str(rule), "--note", "時限改48小時", "--author", "林主管")
    assert "published refund-rule.md v2" in out and "sent to" in out
    for ws in (one, two):
        assert "1 file(s) updated" in ws.ok("sync")
        assert "48小時" in (ws.library() / "refund-rule.md").read_text("utf-8")
    one.ok("ack", "refund-rule")
    one.ok("sync")
    editor.ok("sync")
    assert editor.ok("acks", "--missing", "refund-rule").split() == ["王大明"]
    rows = list(csv.DictReader(io.StringIO(editor.ok("acks", "--csv"))))
    assert {(r["agent"], r["version"], r["workstation"]) for r in rows} == {
        ("陳小華", "1", "desk-1"), ("王大明", "1", "desk-2"), ("陳小華", "2", "desk-1")}
    refs = server.git("for-each-ref", "--format=%(refname)")
    assert "refs/kbdesk/receipts/desk-1" in refs and "refs/kbdesk/receipts/desk-2" in refs

    # the second agent's sign-in is forgotten: sign-in needed, never "offline"
    two.ok("ack", "refund-rule")
    assert "forgot" in two.ok("credentials", "clear")  # the library's remote
    code, _, err = two.run("sync")
    assert code == 4 and "sign-in needed" in err and "credentials set" in err
    assert "offline" not in err and "cannot reach" not in err
    two.enter()
    assert sync_state(two.library())["last_status"] == "signin-needed"
    _, out, _ = two.run("doctor")
    assert "sign-in needed (HTTP 401)" in out and f"kbdesk credentials set {server.url}" in out
    assert "failed (signin-needed)" in out and "offline" not in out
    # a wrong password: the server did not accept it
    two.ok("credentials", "set", server.url, "--username", "wang", "--password-stdin",
           stdin="not-the-password\n")
    code, _, err = two.run("sync")
    assert code == 4 and "did not accept" in err and "'wang'" in err
    two.ok("credentials", "set", server.url, "--username", "wang", "--password-stdin",
           stdin=PASSWORDS["wang"] + "\n")
    two.ok("sync")  # the queued receipt goes now
    editor.ok("sync")
    assert editor.ok("acks", "--missing", "refund-rule").strip() == ""

    # a user who may read but not push: the server says 403, kbdesk says "not allowed"
    guest = Workstation(tmp_path, "guest-desk", "訪客", monkeypatch, capsys, printed=printed)
    guest.ok("credentials", "set", server.url, "--username", "guest", "--password-stdin",
             stdin=PASSWORDS["guest"] + "\n")
    guest.ok("clone", server.url)
    before = server.git("rev-parse", "main")
    changed = guest.library() / "greeting.md"
    changed.write_text(changed.read_text("utf-8") + "\n多一行。\n", "utf-8")
    porcelain.add(str(guest.library()), [str(changed)])
    porcelain.commit(str(guest.library()), message=b"guest change",
                     author=b"guest <g@example.com>", committer=b"guest <g@example.com>")
    code, _, err = guest.run("sync")
    assert code == 4 and "does not allow the user 'guest'" in err and "403" in err
    assert "offline" not in err
    guest.enter()
    assert sync_state(guest.library())["last_status"] == "not-allowed"
    assert server.git("rev-parse", "main") == before

    # no password in any message, log line, sync state or library config
    states = [p for ws in (editor, one, two, guest) for p in (ws.data / "sync").glob("*.json")]
    configs = [ws.library() / ".git" / "config" for ws in (editor, one, two, guest)]
    _no_password_anywhere(printed + [r.getMessage() for r in caplog.records],
                          source / ".git" / "config", *configs, *states)


def test_a_hook_installed_in_the_served_repository_runs_on_push(
        server: GitHttpServer, tmp_path: Path, make_library,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """``install_hook`` (for the server hook's own tests): a pre-receive hook that refuses
    every push keeps the served branch where it was, and kbdesk reports a refused update."""
    hook = tmp_path / "refuse-all"
    runs = tmp_path / "hook-runs"
    hook.write_text(f"#!/bin/sh\necho run >> '{runs}'\necho 'refused by the test hook' >&2\n"
                    "exit 1\n", "utf-8")
    installed = server.install_hook("pre-receive", hook)
    assert installed.stat().st_mode & stat.S_IXUSR
    editor = Workstation(tmp_path, "editor-desk", "林主管", monkeypatch, capsys, printed=[])
    source = make_library(FILES)
    LibraryRepo.init(source, author="編輯 <ed@example.com>", when=now_stamp()).close()
    code, _, err = editor.run("sync", "--library", str(source), "--remote",
                                        server.url_with("editor", PASSWORDS["editor"]))
    assert code == 2 and "refused the update" in err and "pre-receive hook declined" in err
    assert "the server said: refused by the test hook" in err  # the hook's own reason
    assert runs.read_text("utf-8").split() == ["run"]  # a hook's "no" is not tried again
    assert server.git("for-each-ref", "refs/heads").strip() == ""


def test_what_the_server_said_is_one_clean_bounded_line() -> None:
    from kbdesk.core.sync.sync import _server_said

    said = (b"counting objects: 3, done.\nchecking for reusable deltas: 0/4\n"
            b"Writing objects: 100% (3/3)\n\x1b]52;c;ZXZpbA==\x07unsigned commit abc refused\n"
            b"see https://admin:pw@host/help\nPush of ref refs/heads/main failed: declined\n")
    assert _server_said(said) == ("]52;c;ZXZpbA==unsigned commit abc refused / "
                                  "see https://***@host/help")
    assert len(_server_said(b"x" * 5000)) == 500
    assert _server_said(b"Push to http://h/x successful.\n") == ""


def test_a_signed_library_on_the_http_server_with_kbdesk_server_hook(
        tmp_path: Path, make_library, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The team's flow on git's own server with ``kbdesk server-hook`` as its pre-receive hook:
    the editor's signed commits and each workstation's own records go in; an unsigned commit on
    main from an agent who may push, and an agent's write to another workstation's records, are
    refused by the server (the user comes from basic auth, ``REMOTE_USER``)."""
    served = GitHttpServer(tmp_path / "server", PASSWORDS, pushers=["editor", "chen", "wang"])
    hook = tmp_path / "kbdesk-hook"
    hook.write_text(f"#!/bin/sh\nexec '{sys.executable}' -m kbdesk server-hook\n", "utf-8")
    served.install_hook("pre-receive", hook)
    (served.bare / "kbdesk-owners").write_text(
        "# workstation  accounts that may push its records\neditor-desk editor\ndesk-1 chen\n"
        "desk-2 wang\n", "utf-8")
    served.start()
    try:
        printed: list[str] = []
        editor = Workstation(tmp_path, "editor-desk", "林主管", monkeypatch, capsys, printed=printed)
        one = Workstation(tmp_path, "desk-1", "陳小華", monkeypatch, capsys, printed=printed)
        source = make_library(FILES)
        LibraryRepo.init(source, author="編輯 <ed@example.com>", when=now_stamp()).close()
        editor.ok("keys", "init")
        editor.ok("keys", "adopt", "--library", str(source))
        out = editor.ok("sync", "--library", str(source), "--remote",
                        served.url_with("editor", PASSWORDS["editor"]))
        assert "pushed" in out
        fingerprint = editor.ok("keys", "show").splitlines()[0].removeprefix("your key: ")
        assert fingerprint.startswith("SHA256:")

        one.ok("credentials", "set", served.url, "--username", "chen", "--password-stdin",
               stdin=PASSWORDS["chen"] + "\n")
        one.ok("clone", served.url, "--trust", fingerprint)
        one.ok("ack", "refund-rule")
        assert "up-to-date" in one.ok("sync")  # its own receipts: the hook lets them in
        assert "refs/kbdesk/receipts/desk-1" in served.git("for-each-ref", "--format=%(refname)")

        # an agent who may push at the HTTP level commits an unsigned change on main
        before = served.git("rev-parse", "main").strip()
        changed = one.library() / "greeting.md"
        changed.write_text(changed.read_text("utf-8") + "\n多一行。\n", "utf-8")
        porcelain.add(str(one.library()), [str(changed)])
        porcelain.commit(str(one.library()), message=b"unsigned change",
                         author=b"chen <c@example.com>", committer=b"chen <c@example.com>")
        code, out, err = one.run("sync")
        assert code != 0 and "pre-receive hook declined" in err, (out, err)
        assert served.git("rev-parse", "main").strip() == before

        # and writes to another workstation's records, with git itself
        pushed = subprocess.run(
            ["git", "push", served.url_with("chen", PASSWORDS["chen"]),
             "HEAD:refs/kbdesk/receipts/desk-2"],
            cwd=one.library(), capture_output=True, text=True, check=False)
        assert pushed.returncode != 0 and "desk-2" in pushed.stderr, pushed.stderr
        assert "refs/kbdesk/receipts/desk-2" not in served.git(
            "for-each-ref", "--format=%(refname)")
        _no_password_anywhere(printed, one.library() / ".git" / "config")
    finally:
        served.stop()
