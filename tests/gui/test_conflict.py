"""Conflict dialog: a document changed on two workstations, resolved and published."""
# ruff: noqa: F811 - the fixtures imported from editorial_fixtures are used as arguments

from __future__ import annotations

import pytest

from kbdesk.gui.conflict import ConflictDialog
from tests.gui.editorial_fixtures import (  # noqa: F401 - fixtures
    publish_change,
    runner,
    type_chinese,
    versioned_library,
    workstations,
)


@pytest.fixture
def conflict(workstations):
    here, elsewhere = workstations
    publish_change(elsewhere, "24小時", "48小時", "對方改時限")
    elsewhere.sync.sync()
    publish_change(here, "24小時", "12小時", "我方改時限")
    result = here.sync.sync()
    assert len(result.conflicts) == 1
    return here, result.conflicts[0]


def test_shows_three_texts_and_publishes_the_resolution(qtbot, runner, conflict) -> None:
    kb, found = conflict
    dialog = ConflictDialog(kb, runner, found, author="Editor")
    qtbot.addWidget(dialog)
    assert "24小時" in dialog.base.toPlainText()
    assert "48小時" in dialog.theirs.toPlainText()
    assert "12小時" in dialog.mine.toPlainText()
    assert dialog.base.isReadOnly() and dialog.theirs.isReadOnly() and dialog.mine.isReadOnly()
    assert dialog.result_text() == found.mine  # prefilled with mine
    # mine is safe as a draft before anything is done here
    assert "12小時" in kb.drafts.load("complaint").text
    dialog.result_edit.setPlainText(found.mine.replace("12小時", "36小時"))
    dialog.ask_note = lambda parent, prompt, note="": "折衷為36小時"
    with qtbot.waitSignal(dialog.resolved, timeout=30_000) as blocker:
        dialog.publish_button.click()
    result = blocker.args[0]
    assert kb.versions.history("complaint")[0].version == result.version
    assert kb.versions.history("complaint")[0].note == "折衷為36小時"
    assert "36小時" in (kb.root / "handbooks/complaint.md").read_text("utf-8")
    assert kb.drafts.load("complaint") is None
    assert dialog.result() == ConflictDialog.DialogCode.Accepted


def test_closing_keeps_the_edited_result(qtbot, runner, conflict) -> None:
    # a blank note: tests/gui/test_change_note_flows.py
    kb, found = conflict
    dialog = ConflictDialog(kb, runner, found)
    qtbot.addWidget(dialog)
    dialog.use_theirs.click()
    assert "48小時" in dialog.result_text()
    type_chinese(dialog.result_edit, "再補一句。")
    dialog.reject()
    draft = kb.drafts.load("complaint")
    assert draft.origin == "sync-conflict" and "再補一句。" in draft.text and "48小時" in draft.text
    # reopened later from the draft: mine is the kept text, theirs the library's
    again = ConflictDialog.from_draft(kb, runner, "complaint")
    qtbot.addWidget(again)
    assert "再補一句。" in again.mine.toPlainText()
    assert "48小時" in again.theirs.toPlainText()
    assert again.base.toPlainText() == ""


def test_from_draft_without_draft_is_an_error(qtbot, runner, workstations) -> None:
    from kbdesk.core.errors import KbError

    with pytest.raises(KbError, match="no draft"):
        ConflictDialog.from_draft(workstations[0], runner, "complaint")


def test_editor_on_a_conflict_draft_opens_the_three_way_view(qtbot, runner, conflict) -> None:
    from kbdesk.gui.editor import EditorWindow

    kb, _found = conflict
    editor = EditorWindow.open_document(kb, runner, "complaint", autosave_ms=60000)
    qtbot.addWidget(editor)
    assert "12小時" in editor.text_edit.toPlainText()  # mine, restored from the draft
    assert not editor.resolve_button.isHidden()
    assert "sync conflict" in editor.info.text()
    dialog = editor.resolve_conflict()
    qtbot.addWidget(dialog)
    assert "12小時" in dialog.mine.toPlainText() and "48小時" in dialog.theirs.toPlainText()
    dialog.ask_note = lambda parent, prompt, note="": "採用我方時限"
    with qtbot.waitSignal(editor.published, timeout=30_000) as blocker:
        dialog.publish()
    assert blocker.args[0].version == kb.versions.history("complaint")[0].version
    assert "12小時" in editor.text_edit.toPlainText() and editor.resolve_button.isHidden()
    assert kb.drafts.load("complaint") is None
