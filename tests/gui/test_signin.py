"""Signing in from the app: a sync told "sign-in needed" says so (never "offline") and asks once;
signing in keeps the sign-in and syncs again; joining a server that asks shows the sign-in
fields under the URL. The server is dulwich's behind basic auth (``tests/gitserver.py``)."""
# ruff: noqa: F811 - the fixtures imported from editorial_fixtures are used as arguments

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.workstation import credentials
from kbdesk.core.workstation.settings import Settings
from kbdesk.gui.joining import JoinDialog
from kbdesk.gui.signin import SignInDialog
from kbdesk.gui.syncing import SyncController
from tests.gitserver import BasicAuthRemote
from tests.gui.editorial_fixtures import (  # noqa: F401 - fixtures
    close_kb,
    open_kb,
    publish_change,
    runner,
    versioned_library,
)
from tests.remotes import make_bare

NOON = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
USERS = {"chen": "陳的密碼-1", "guest": "guest-2"}


def typed_url(served: BasicAuthRemote, user: str) -> str:
    """The server's URL with ``user:password@`` typed in (quoted as a URL needs)."""
    return served.url.replace("http://", f"http://{user}:{quote(USERS[user], safe='')}@")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[BasicAuthRemote]:
    remote = BasicAuthRemote(make_bare(tmp_path / "served.git"), USERS, readers=["guest"])
    remote.start()
    yield remote
    remote.stop()
    credentials.forget_session()


@pytest.fixture
def signed_out(served: BasicAuthRemote, versioned_library: Path,
               tmp_path: Path) -> Iterator[KnowledgeBase]:
    """A library that synced with the server once (the password typed in the URL), then
    forgot its sign-in."""
    kb = open_kb(versioned_library, tmp_path / "index")
    assert kb.sync.sync(typed_url(served, "chen")).pushed
    assert credentials.clear(served.url)
    yield kb
    close_kb(kb)


def test_sign_in_needed_is_asked_once_then_signing_in_syncs(
        qtbot, runner, signed_out: KnowledgeBase, served: BasicAuthRemote) -> None:
    controller = SyncController(signed_out, runner, settings=Settings(), now=lambda: NOON)
    asked: list[str] = []
    controller.signInNeeded.connect(asked.append)
    with qtbot.waitSignal(controller.failed, timeout=30_000):
        controller.sync_now()
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
    assert controller.state == "signin-needed" and asked == [served.url]
    assert controller.status_text().startswith("Sign-in needed")
    assert "Offline" not in controller.status_text()
    # the timer's next try says the same, and does not ask again
    with qtbot.waitSignal(controller.failed, timeout=30_000):
        controller.sync_now()
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
    assert asked == [served.url]
    # a sync by hand asks again
    with qtbot.waitSignal(controller.signInNeeded, timeout=30_000):
        controller.sync_now(ask=True)
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
    # a wrong password (remember on) is not kept, and is asked about once more
    with qtbot.waitSignal(controller.signInNeeded, timeout=30_000):
        controller.sign_in(served.url, "chen", "wrong", True)
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
    assert json.loads(credentials.credentials_file().read_text("utf-8"))["servers"] == {}
    # signing in (remembered) syncs again, then keeps it
    with qtbot.waitSignal(controller.synced, timeout=30_000):
        controller.sign_in(served.url, "chen", USERS["chen"], True)
    assert controller.state == "synced"

    def kept() -> list[str]:
        servers = json.loads(credentials.credentials_file().read_text("utf-8"))["servers"]
        return [entry["username"] for entry in servers.values()]

    qtbot.waitUntil(lambda: kept() == ["chen"], timeout=30_000)
    # a new controller (the next start) reads the state kept: synced, not "sign-in needed"
    assert SyncController(signed_out, runner, settings=Settings(), now=lambda: NOON
                          ).state == "idle"


def test_a_server_that_says_no_is_not_allowed_not_offline(
        qtbot, runner, signed_out: KnowledgeBase, served: BasicAuthRemote) -> None:
    credentials.use_for_session(served.url, "guest", USERS["guest"])
    publish_change(signed_out, "24小時", "12小時", "改時限")
    controller = SyncController(signed_out, runner, settings=Settings(), now=lambda: NOON)
    with qtbot.waitSignal(controller.failed, timeout=30_000) as blocker:
        controller.sync_now()
    qtbot.waitUntil(lambda: not controller.busy, timeout=30_000)
    assert controller.state == "not-allowed" and "403" in blocker.args[0]
    assert "does not allow" in controller.status_text()
    assert SyncController(signed_out, runner, settings=Settings(), now=lambda: NOON
                          ).state == "not-allowed"


def test_the_sign_in_dialog_needs_a_user_name(qtbot) -> None:
    dialog = SignInDialog("https://chen:secret@git.example.com/kb.git")
    qtbot.addWidget(dialog)
    assert dialog.url == "https://git.example.com/kb.git"
    assert all("secret" not in label.text() for label in dialog.findChildren(QLabel))
    assert any("https://git.example.com/kb.git" in label.text()
               for label in dialog.findChildren(QLabel))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.open()
    ok.click()
    assert dialog.isVisible()  # no user name: stays open
    dialog.form.username.setText("chen")
    dialog.form.password.setText("pw")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        ok.click()
    assert dialog.form.remember.isChecked()
    assert dialog.form.password.echoMode() == dialog.form.password.EchoMode.Password


def test_joining_a_server_that_asks_shows_the_sign_in_fields(
        qtbot, served: BasicAuthRemote, versioned_library: Path, tmp_path: Path) -> None:
    kb = open_kb(versioned_library, tmp_path / "index")
    assert kb.sync.sync(typed_url(served, "chen")).pushed
    close_kb(kb)
    credentials.clear(served.url)
    dialog = JoinDialog(first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.url.setText(served.url)
    assert dialog.join() is not None
    qtbot.waitUntil(lambda: dialog.sign_in.isVisible(), timeout=30_000)
    assert "user name and password" in dialog.error.text()
    assert dialog.join() is None  # no user name typed yet: nothing runs
    dialog.sign_in.username.setText("chen")
    dialog.sign_in.password.setText("wrong")
    dialog.join()
    qtbot.waitUntil(lambda: "did not accept" in dialog.error.text(), timeout=30_000)
    dialog.sign_in.password.setText(USERS["chen"])
    dialog.sign_in.remember.setChecked(False)
    with qtbot.waitSignal(dialog.joined, timeout=30_000) as blocker:
        dialog.join()
    assert (Path(blocker.args[0]) / "handbooks").is_dir()
    assert "陳的密碼" not in (Path(blocker.args[0]) / ".git" / "config").read_text("utf-8")
    assert credentials.lookup(served.url).source == "session"  # type: ignore[union-attr]
    # the wrong password was never kept; "remember" was off for the right one
    assert json.loads(credentials.credentials_file().read_text("utf-8"))["servers"] == {}


def test_the_window_asks_once_and_signing_in_syncs(
        qtbot, make_window, signed_out: KnowledgeBase, served: BasicAuthRemote) -> None:
    root = signed_out.root
    close_kb(signed_out)
    settings = Settings()
    settings.set("role", "agent")
    settings.set("agent_name", "陳小華")
    window = make_window(root, settings=settings)
    ui = window.editorial
    qtbot.waitUntil(lambda: window.findChild(SignInDialog, "signInDialog") is not None,
                    timeout=30_000)
    dialog = window.findChild(SignInDialog, "signInDialog")
    assert dialog.isVisible() and served.url in dialog.findChildren(QLabel)[0].text()
    assert ui.sync.state == "signin-needed"
    assert ui.sync_label.text().startswith("Sign-in needed")
    dialog.form.username.setText("chen")
    dialog.form.password.setText(USERS["chen"])
    with qtbot.waitSignal(ui.sync.synced, timeout=30_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert ui.sync_label.text().startswith("Last synced")
    qtbot.waitUntil(lambda: credentials.lookup(served.url) is not None
                    and credentials.lookup(served.url).source == "file", timeout=30_000)
