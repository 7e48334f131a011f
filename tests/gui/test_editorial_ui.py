"""The Editor menu, background sync and update banners wired into the main window."""
# ruff: noqa: F811 - the fixtures imported from editorial_fixtures are used as arguments

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMenu

from kbdesk.core import set_field
from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.workstation.settings import Settings
from kbdesk.gui.editor import EditorWindow
from kbdesk.gui.editorial_ui import EDITOR_ACTIONS
from kbdesk.gui.history import HistoryWindow
from kbdesk.gui.review import ReviewPanel
from tests.gui.editorial_fixtures import versioned_library  # noqa: F401 - fixture

# the offscreen platform cannot raise windows; bringing an editor to the front is harmless there
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def settings_for(role: str, name: str = "林編輯") -> Settings:
    settings = Settings()
    settings.set("role", role)
    settings.set("agent_name", name)
    return settings


def editor_menu(window) -> QMenu:
    menu = window.menuBar().findChild(QMenu, "menu.editor")
    assert menu is not None
    return menu


def edit_current(qtbot, window):
    """Open the document in the reader in an editor and wait for it (read on a worker)."""
    with qtbot.waitSignal(window.editorial.editorOpened, timeout=30_000) as opened:
        assert window.editorial.edit_current() is None  # nothing is read on the UI thread
    editor = opened.args[0]
    qtbot.addWidget(editor)
    return editor


def test_opening_the_editor_reads_the_document_and_its_draft_on_a_worker(
        qtbot, make_window, versioned_library, monkeypatch) -> None:
    import threading

    from kbdesk.core import Draft
    from kbdesk.gui import editorial_ui

    window = make_window(versioned_library, settings=settings_for("editor"))
    window.open_document("complaint")
    window.kb.drafts.save(Draft("complaint", "handbooks/complaint.md", "草稿正文", origin="editor"))
    real = editorial_ui.read_for_editing
    readers: list[threading.Thread] = []

    def reading(kb, doc_id):
        readers.append(threading.current_thread())
        return real(kb, doc_id)

    monkeypatch.setattr(editorial_ui, "read_for_editing", reading)
    editor = edit_current(qtbot, window)
    assert readers and threading.main_thread() not in readers
    assert "草稿正文" in editor.text()  # the draft read on the worker is restored
    assert not editor.discard_button.isHidden()
    editor.close()


def test_agents_do_not_see_the_editor_menu(qtbot, make_window, versioned_library) -> None:
    window = make_window(versioned_library, settings=settings_for("agent"))
    assert not editor_menu(window).menuAction().isVisible()
    assert not any(window.actions_[a].isEnabled() for a in EDITOR_ACTIONS)
    # switching the role in the settings shows it
    window.settings.set("role", "editor")
    window._settings_changed({"role"})
    assert editor_menu(window).menuAction().isVisible()
    assert all(window.actions_[a].isEnabled() for a in EDITOR_ACTIONS)


def test_editor_menu_opens_editor_history_and_review(qtbot, make_window, versioned_library) -> None:
    window = make_window(versioned_library, settings=settings_for("editor"))
    names = [a.objectName() for a in editor_menu(window).actions() if a.objectName()]
    assert names == list(EDITOR_ACTIONS)
    window.open_document("complaint")
    with qtbot.waitSignal(window.editorial.editorOpened, timeout=30_000) as opened:
        window.actions_["editor.edit"].trigger()  # read on a worker, then shown
    editor = window.editorial.editors["complaint"]
    assert opened.args[0] is editor
    qtbot.addWidget(editor)
    assert isinstance(editor, EditorWindow) and editor.isVisible()
    assert "24小時" in editor.text_edit.toPlainText()
    window.actions_["editor.edit"].trigger()  # the same editor comes to the front
    assert window.editorial.editors["complaint"] is editor
    window.actions_["editor.history"].trigger()
    history = window.editorial.windows[-1]
    assert isinstance(history, HistoryWindow)
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=30_000)
    window.actions_["editor.review"].trigger()
    review = window.editorial.windows[-1]
    assert isinstance(review, ReviewPanel)
    with qtbot.waitSignal(window.opened, timeout=30_000) as blocker:
        review.openRequested.emit("opening")
    assert blocker.args[0] == "opening"
    editor.close()
    history.close()
    review.close()


def test_publishing_from_the_editor_reaches_the_agents_search(qtbot, make_window, versioned_library) -> None:
    window = make_window(versioned_library, settings=settings_for("editor"))
    window.open_document("complaint")
    editor = edit_current(qtbot, window)
    editor.text_edit.setPlainText(editor.text_edit.toPlainText().replace("24小時", "48小時"))
    editor.ask_note = lambda parent, prompt, note="": "時限改為48小時"
    with qtbot.waitSignal(window.indexReady, timeout=30_000):
        editor.publish()
    assert window.kb.search("48小時").hits[0].version == 2
    assert window.kb.versions.history("complaint")[0].author.startswith("林編輯")
    editor.close()


def test_reader_banners_updated_and_ack(qtbot, make_window, versioned_library) -> None:
    window = make_window(versioned_library, settings=settings_for("agent", "王小明"))
    ui = window.editorial

    def open_and_wait(doc_id: str) -> None:
        """Open a document; the banners are decided off the UI thread: wait for both."""
        with qtbot.waitSignals([ui.seenRecorded, ui.ack_banner.checked], timeout=30_000):
            window.open_document(doc_id)

    open_and_wait("complaint")
    assert ui.updated_banner.isHidden()  # first time: nothing to compare with
    assert ui.ack_banner.isHidden()
    text = (versioned_library / "handbooks/complaint.md").read_text("utf-8")
    window.kb.publishing.publish("complaint", text.replace("24小時", "48小時"), "時限放寬")
    open_and_wait("complaint")
    assert not ui.updated_banner.isHidden()
    assert "v1 → v2" in ui.updated_banner.label.text()
    ui.updated_banner.button.click()
    dialog = ui.windows[-1]
    with qtbot.waitSignal(dialog.loaded, timeout=30_000) as blocker:
        pass
    assert blocker.args[0] is not None and blocker.args[0].changed
    dialog.accept()
    assert ui.updated_banner.isHidden()
    open_and_wait("opening")  # ack_required
    assert not ui.ack_banner.isHidden()
    with qtbot.waitSignal(ui.ack_banner.acknowledged, timeout=30_000):  # written off the UI thread
        ui.ack_banner.button.click()
    assert [(r.doc_id, r.agent) for r in window.kb.receipts.receipts()] == [("opening", "王小明")]
    assert ui.ack_banner.isHidden()


def test_sync_status_in_the_status_bar(qtbot, make_window, versioned_library) -> None:
    window = make_window(versioned_library, settings=settings_for("agent"))
    ui = window.editorial
    qtbot.waitUntil(lambda: ui.sync is not None and ui.sync.state == "local", timeout=30_000)
    assert "no remote" in ui.sync_label.text()


def test_retired_and_pending_banners(qtbot, make_window, versioned_library) -> None:
    window = make_window(versioned_library, settings=settings_for("editor"))
    ui = window.editorial
    kb = window.kb
    text = (versioned_library / "handbooks/complaint.md").read_text("utf-8")
    kb.publishing.publish("complaint", set_field(text.replace("24小時", "48小時"), "effective",
                                            dt.date(2099, 1, 1)), "明年起放寬")
    window.open_document("complaint")
    qtbot.waitUntil(lambda: "comes into force" in ui.status_banner.text(), timeout=30_000)
    assert "v2" in ui.status_banner.text() and "2099-01-01" in ui.status_banner.text()
    assert "agents see v1" in ui.status_banner.text()
    # agents get the version in force; editors the newest
    assert ui.document_for_reader("complaint").version == 2
    window.settings.set("role", "agent")
    assert ui.document_for_reader("complaint").version == 1
    kb.publishing.retire("opening", "停用舊開場白")
    window.open_document("opening")
    assert not ui.status_banner.isHidden()
    assert ui.status_banner.text().startswith("Retired")
    window.open_document("complaint")
    assert ui.status_banner.isHidden()  # agents are not told about pending versions


def test_new_document_from_the_menu(qtbot, make_window, versioned_library, monkeypatch) -> None:
    from kbdesk.gui.editordialogs import NewDocumentDialog

    def fill_and_accept(dialog: NewDocumentDialog) -> int:
        assert dialog.chosen_kind().value == "procedure"
        dialog.title_edit.setText("退款流程")
        dialog.name_edit.setText("refund")
        return 1

    monkeypatch.setattr(NewDocumentDialog, "exec", fill_and_accept)
    window = make_window(versioned_library, settings=settings_for("editor"))
    with qtbot.waitSignal(window.editorial.editorOpened, timeout=30_000):
        window.actions_["editor.new.procedure"].trigger()
    editor = window.editorial.editors["procedures/refund"]
    qtbot.addWidget(editor)
    assert editor.path == "procedures/refund.md"
    assert editor.form.title.text() == "退款流程"
    assert editor.form.kind.currentData() == "procedure"
    editor.close()


def test_sync_conflict_opens_the_three_way_view_for_editors_only(
        qtbot, make_window, versioned_library) -> None:
    from kbdesk.core.sync.sync import Conflict

    window = make_window(versioned_library, settings=settings_for("agent"))
    conflict = Conflict("complaint", "handbooks/complaint.md", "base", "theirs", "mine")
    assert window.editorial.resolve_conflict(conflict) is None
    window.settings.set("role", "editor")
    dialog = window.editorial.resolve_conflict(conflict)  # a child of the window, deleted on close
    assert dialog.isVisible() and dialog.mine.toPlainText() == "mine"
    dialog.close()


def test_agents_read_the_version_in_force_until_its_date(qtbot, make_window, versioned_library) -> None:
    window = make_window(versioned_library, settings=settings_for("agent"))
    kb = window.kb
    text = (versioned_library / "handbooks/complaint.md").read_text("utf-8")
    kb.publishing.publish("complaint", set_field(text.replace("24小時", "48小時"), "effective",
                                            dt.date(2099, 1, 1)), "明年起放寬")
    window.open_document("complaint")
    assert window.reader.document.version == 1
    assert "24小時" in window.reader.browser.toPlainText()
    # the day it comes into force, without restarting
    kb.set_clock(lambda: dt.date(2099, 1, 1))
    window.open_document("complaint")
    assert window.reader.document.version == 2
    window.settings.set("role", "editor")
    kb.set_clock(dt.date.today)
    window.open_document("complaint")
    assert window.reader.document.version == 2  # editors see the newest


def test_a_new_document_before_its_date_is_not_shown_to_agents(
        qtbot, make_window, versioned_library, monkeypatch) -> None:
    from tests.conftest import doc

    shown: list[str] = []
    monkeypatch.setattr("kbdesk.gui.mainwindow.show_error", lambda parent, error, *a: shown.append(str(error)))
    window = make_window(versioned_library, settings=settings_for("agent"))
    window.kb.publishing.publish("handbooks/future.md", doc("新規定", body="\n明年生效。\n",
                                                 effective=dt.date(2099, 1, 1)), "新規定")
    window.open_document("handbooks/future")
    assert shown and "not in force yet" in shown[0]
    assert window.reader.document is None or window.reader.document.id != "handbooks/future"


def test_publishing_sends_the_version_to_the_shared_library(
    qtbot, make_window, versioned_library, tmp_path
) -> None:
    from dulwich import porcelain

    from kbdesk.core.kb import KnowledgeBase
    from kbdesk.core.sync.sync import clone_library

    bare = tmp_path / "shared.git"
    bare.mkdir()
    porcelain.init(str(bare), bare=True).close()
    setup = KnowledgeBase(versioned_library, index_dir=tmp_path / "setup-index")
    setup.sync.sync(str(bare))  # the library is shared from now on
    setup.close()
    window = make_window(versioned_library, settings=settings_for("editor"))
    ui = window.editorial
    qtbot.waitUntil(lambda: ui.sync is not None and ui.sync.state in ("synced", "idle"),
                    timeout=30_000)
    window.open_document("complaint")
    editor = edit_current(qtbot, window)
    editor.text_edit.setPlainText(editor.text_edit.toPlainText().replace("24小時", "12小時"))
    editor.ask_note = lambda parent, prompt, note="": "時限改為12小時"
    with qtbot.waitSignal(ui.sync.synced, timeout=30_000):
        editor.publish()
    clone = clone_library(str(bare), tmp_path / "other-workstation", clock=SYSTEM_CLOCK)
    assert "12小時" in (clone / "handbooks/complaint.md").read_text("utf-8")
    editor.close()
