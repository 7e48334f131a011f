"""A blank change note in every publishing flow (publish, retire, move, rollback, resolve).

The change-note dialog is the one place the GUI checks a note: it refuses a blank one with a
message and stays open. A blank note that reaches the core anyway (a replaced ``ask_note``) is
refused there with ``PublishError``, and the window shows the core's message: nothing is
published and the flow can be tried again.
"""
# ruff: noqa: F811 - the fixtures imported from editorial_fixtures are used as arguments

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from kbdesk.core.errors import PublishError
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.library.model import Status
from kbdesk.gui.changenote import ChangeNoteDialog
from kbdesk.gui.conflict import ConflictDialog
from kbdesk.gui.editor import EditorWindow
from kbdesk.gui.history import HistoryWindow
from kbdesk.gui.tasks import TaskRunner
from tests.gui.editorial_fixtures import (  # noqa: F401 - fixtures
    kb,
    publish_change,
    runner,
    type_chinese,
    versioned_library,
    workstations,
)

BLANK = " \n\u3000 "  # spaces, a newline and an ideographic space: no note


def open_editor(qtbot: QtBot, kb: KnowledgeBase, runner: TaskRunner) -> EditorWindow:
    window = EditorWindow.open_document(kb, runner, "complaint", autosave_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    return window


def open_history(qtbot: QtBot, kb: KnowledgeBase, runner: TaskRunner) -> HistoryWindow:
    window = HistoryWindow(kb, runner, "complaint", author="Editor")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.show()
    window.select_versions(1)
    return window


def open_conflict(qtbot: QtBot, runner: TaskRunner,
                  workstations: tuple[KnowledgeBase, KnowledgeBase]) -> ConflictDialog:
    here, elsewhere = workstations
    publish_change(elsewhere, "24小時", "48小時", "對方改時限")
    elsewhere.sync.sync()
    publish_change(here, "24小時", "12小時", "我方改時限")
    conflicts = here.sync.sync().conflicts
    assert len(conflicts) == 1
    dialog = ConflictDialog(here, runner, conflicts[0], author="Editor")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def versions(kb: KnowledgeBase) -> list[int | None]:
    return [v.version for v in kb.versions.history("complaint")]


def shown_messages(window: QWidget) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def refused_by_the_core(qtbot: QtBot, runner: TaskRunner, window: QWidget,
                        trigger: Callable[[], None], task: str) -> str:
    """Run ``trigger`` (a blank note already answered), wait for its write task to end and
    return the one message the window shows; the task must have failed with PublishError."""
    with qtbot.waitSignal(runner.taskFinished, timeout=30_000,
                          check_params_cb=lambda t: t.name == task) as blocker:
        trigger()
    error = blocker.args[0].error
    assert isinstance(error, PublishError)
    assert shown_messages(window) == [str(error)]
    assert "change note" in str(error)
    return str(error)


def answer_the_dialog_blank(qtbot: QtBot, runner: TaskRunner,
                            seen: list[tuple[bool, bool, str]]) -> None:
    """Once the change-note dialog is up: press its OK with a blank note, note what it does
    (still open? error shown? which text?), then cancel it.

    First the window's own reads (the conflict's three texts, the history) are let finish, so
    that a task still active afterwards can only be one the refused note started."""
    qtbot.waitUntil(lambda: not runner.active_tasks(), timeout=30_000)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ChangeNoteDialog), dialog
        dialog.editor.setPlainText(BLANK)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        seen.append((dialog.isVisible(), dialog.error.isVisible(), dialog.error.text()))
        dialog.reject()

    QTimer.singleShot(0, answer)


def assert_the_dialog_refused(seen: list[tuple[bool, bool, str]], runner: TaskRunner) -> None:
    assert len(seen) == 1
    still_open, error_shown, text = seen[0]
    assert still_open and error_shown and "change note is required" in text
    assert not runner.writing and not runner.active_tasks()  # nothing was submitted


# -- the core's refusal, shown by each flow -----------------------------------------------------


def test_publish_with_a_blank_note_shows_the_core_refusal(qtbot, kb, runner) -> None:
    window = open_editor(qtbot, kb, runner)
    type_chinese(window.text_edit, "補充說明")
    window.ask_note = lambda parent, prompt, note="": BLANK
    refused_by_the_core(qtbot, runner, window,
                        window.actions_by_id["editor.publish"].trigger, "publish")
    assert versions(kb) == [1]
    assert "補充說明" in kb.drafts.load("complaint").text  # the edit is kept as a draft
    assert window.statusBar().currentMessage() == "Not published; your draft is kept."
    # the same flow with a note publishes
    window.ask_note = lambda parent, prompt, note="": "補充說明"
    with qtbot.waitSignal(window.published, timeout=30_000):
        window.actions_by_id["editor.publish"].trigger()
    assert versions(kb) == [2, 1]


def test_retire_with_a_blank_note_shows_the_core_refusal(qtbot, kb, runner) -> None:
    window = open_editor(qtbot, kb, runner)
    window.ask_note = lambda parent, prompt, note="": BLANK
    refused_by_the_core(qtbot, runner, window,
                        window.actions_by_id["editor.retire"].trigger, "publish")
    assert versions(kb) == [1]
    assert kb.document("complaint").status is not Status.RETIRED


def test_move_with_a_blank_note_shows_the_core_refusal(qtbot, kb, runner) -> None:
    window = open_editor(qtbot, kb, runner)
    window.ask_note = lambda parent, prompt, note="": BLANK
    refused_by_the_core(qtbot, runner, window,
                        lambda: window.ask_move("handbooks/complaints/main.md"), "move")
    assert versions(kb) == [1]
    assert (kb.root / "handbooks/complaint.md").is_file()
    assert not (kb.root / "handbooks/complaints/main.md").exists()
    assert window.path == "handbooks/complaint.md"


def test_rollback_with_a_blank_note_shows_the_core_refusal(qtbot, kb, runner) -> None:
    publish_change(kb, "24小時", "48小時")
    window = open_history(qtbot, kb, runner)
    window.ask_note = lambda parent, prompt, note="": BLANK
    refused_by_the_core(qtbot, runner, window, window.rollback_button.click, "rollback")
    assert versions(kb) == [2, 1]
    assert "48小時" in (kb.root / "handbooks/complaint.md").read_text("utf-8")


def test_resolving_with_a_blank_note_shows_the_core_refusal(qtbot, runner, workstations) -> None:
    dialog = open_conflict(qtbot, runner, workstations)
    kb = dialog.kb
    before = versions(kb)
    dialog.result_edit.setPlainText(dialog.result_text().replace("12小時", "36小時"))
    dialog.ask_note = lambda parent, prompt, note="": BLANK
    refused_by_the_core(qtbot, runner, dialog, dialog.publish_button.click, "resolve")
    assert versions(kb) == before
    assert dialog.published is None and dialog.isVisible()
    assert dialog.publish_button.isEnabled()  # it can be tried again
    assert "36小時" in kb.drafts.load("complaint").text  # the edited result is kept


# -- the dialog's own refusal, in each flow ----------------------------------------------------


@pytest.mark.parametrize("action", ["editor.publish", "editor.retire"])
def test_the_editor_note_dialog_refuses_a_blank_note(qtbot, kb, runner, action) -> None:
    window = open_editor(qtbot, kb, runner)
    seen: list[tuple[bool, bool, str]] = []
    answer_the_dialog_blank(qtbot, runner, seen)
    window.actions_by_id[action].trigger()
    assert_the_dialog_refused(seen, runner)
    assert versions(kb) == [1]


def test_the_rollback_note_dialog_refuses_a_blank_note(qtbot, kb, runner) -> None:
    publish_change(kb, "24小時", "48小時")
    window = open_history(qtbot, kb, runner)
    seen: list[tuple[bool, bool, str]] = []
    answer_the_dialog_blank(qtbot, runner, seen)
    window.rollback_button.click()
    assert_the_dialog_refused(seen, runner)
    assert versions(kb) == [2, 1]


def test_the_resolve_note_dialog_refuses_a_blank_note(qtbot, runner, workstations) -> None:
    dialog = open_conflict(qtbot, runner, workstations)
    before = versions(dialog.kb)
    seen: list[tuple[bool, bool, str]] = []
    answer_the_dialog_blank(qtbot, runner, seen)
    dialog.publish_button.click()
    assert_the_dialog_refused(seen, runner)
    assert versions(dialog.kb) == before and dialog.published is None
