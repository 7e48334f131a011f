"""Editor window: drafts autosaved and restored, preview, metadata form, publish with a note."""
# ruff: noqa: F811 - the fixtures imported from editorial_fixtures are used as arguments

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from kbdesk.core import new_document_path
from kbdesk.core.errors import KbError
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.library.model import Kind, Status
from kbdesk.core.library.parse import build_document
from kbdesk.gui.changenote import ChangeNoteDialog
from kbdesk.gui.editor import EditorWindow
from kbdesk.gui.editordialogs import NewDocumentDialog
from kbdesk.gui.tasks import TaskRunner
from tests.gui.editorial_fixtures import (  # noqa: F401 - fixtures
    kb,
    runner,
    type_chinese,
    versioned_library,
)


def open_editor(qtbot: QtBot, kb: KnowledgeBase, runner: TaskRunner, **kw) -> EditorWindow:
    window = EditorWindow.open_document(kb, runner, "complaint", autosave_ms=kw.pop("autosave_ms", 50), **kw)
    qtbot.addWidget(window)
    return window


def errors_to(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr("kbdesk.gui.editor.show_error", lambda parent, error: shown.append(str(error)))
    return shown


def test_typing_autosaves_a_draft_restored_by_a_new_window(qtbot, kb, runner) -> None:
    first = open_editor(qtbot, kb, runner)
    edit = first.text_edit
    cursor = edit.textCursor()
    cursor.setPosition(edit.toPlainText().index("交給主管"))
    edit.setTextCursor(cursor)
    with qtbot.waitSignal(first.draftSaved, timeout=30_000) as blocker:
        type_chinese(edit, "立即")
    draft = blocker.args[0]
    assert "立即交給主管" in draft.text
    assert draft.base_version == 1
    assert not (kb.root / "handbooks/complaint.md").read_text("utf-8").count("立即")
    # the first window is never closed (as if the app were killed): the autosave is all there is
    second = open_editor(qtbot, kb, runner)
    assert "立即交給主管" in second.text_edit.toPlainText()
    body = second.text_edit.toPlainText()
    assert second.text_edit.textCursor().position() == body.index("立即交給主管") + 2
    assert second.info.isVisibleTo(second) and "draft" in second.info.text()
    assert not second.dirty


def test_untouched_document_is_not_saved_and_text_is_byte_identical(qtbot, kb, runner) -> None:
    window = open_editor(qtbot, kb, runner)
    assert window.text() == (kb.root / "handbooks/complaint.md").read_text("utf-8")
    window.save_draft()
    assert kb.drafts.load("complaint") is not None


def test_preview_follows_the_text_debounced(qtbot, kb, runner) -> None:
    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    with qtbot.waitSignal(window.previewUpdated, timeout=30_000):
        type_chinese(window.text_edit, "\n## 新章節\n")
    assert "新章節" in window.preview.toPlainText()
    assert "---" not in window.preview.toPlainText()  # front matter is not previewed


def test_metadata_form_writes_only_changed_fields(qtbot, kb, runner) -> None:
    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    form = window.form
    assert form.title.text() == "客訴處理手冊"
    assert form.category.text() == "投訴處理"
    type_chinese(form.tags, "投訴, 時限")
    form.effective.enabled.setChecked(True)
    form.effective.edit.setDate(QDate(2030, 1, 2))
    form.title.clear()
    type_chinese(form.title, "客訴處理: 新版")
    text = window.text()
    parsed = build_document("handbooks/complaint.md", text)
    assert parsed.title == "客訴處理: 新版"
    assert parsed.tags == ("投訴", "時限")
    assert parsed.effective == dt.date(2030, 1, 2)
    assert parsed.owner == "品質組" and parsed.id == "complaint"
    assert window.dirty
    form.effective.enabled.setChecked(False)
    assert build_document("x.md", window.text()).effective is None


def test_the_editor_fills_in_search_keywords(qtbot, kb, runner) -> None:
    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    type_chinese(window.form.keywords, "销户，退租")
    parsed = build_document("handbooks/complaint.md", window.text())
    assert parsed.keywords == ("销户", "退租")
    window.form.load(window.text())
    assert window.form.keywords.text() == "销户, 退租"



def test_cancelling_the_note_publishes_nothing(qtbot, kb, runner) -> None:
    # a blank note: tests/gui/test_change_note_flows.py
    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    type_chinese(window.text_edit, "補充")
    window.ask_note = lambda parent, prompt, note="": None
    window.publish()
    assert not runner.writing
    assert [v.version for v in kb.versions.history("complaint")] == [1]


def test_note_dialog_refuses_empty_note_and_stays_open(qtbot) -> None:
    dialog = ChangeNoteDialog("Publish")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.error.isVisibleTo(dialog) and "required" in dialog.error.text()
    type_chinese(dialog.editor, "修正時限")
    dialog.buttons.accepted.emit()
    assert dialog.result() == ChangeNoteDialog.DialogCode.Accepted
    assert dialog.note() == "修正時限"


def test_publish_with_note_adds_a_version_and_clears_the_draft(qtbot, kb, runner) -> None:
    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    body = window.text_edit.toPlainText()
    window.text_edit.setPlainText(body.replace("24小時", "48小時"))
    window.ask_note = lambda parent, prompt, note="": "時限改為48小時"
    with qtbot.waitSignal(window.published, timeout=30_000) as blocker:
        window.actions_by_id["editor.publish"].trigger()
    assert blocker.args[0].version == 2
    history = kb.versions.history("complaint")
    assert (history[0].version, history[0].note) == (2, "時限改為48小時")
    assert kb.drafts.load("complaint") is None
    assert kb.document("complaint").version == 2
    assert "48小時" in window.text_edit.toPlainText() and not window.dirty
    assert window.base_version == 2
    assert kb.search("48小時").hits[0].doc_id == "complaint"


def test_failed_publish_keeps_the_draft(qtbot, kb, runner, monkeypatch) -> None:
    shown = errors_to(monkeypatch)
    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    window.form.kind.setCurrentIndex(0)
    window.text_edit.setPlainText("## 只有內文\n")
    window._front = "---\nkind: handbook\n---\n"  # no title: the core refuses it
    window.publish_with_note("試試")
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "title" in shown[0]
    assert kb.drafts.load("complaint").text.endswith("## 只有內文\n")
    assert [v.version for v in kb.versions.history("complaint")] == [1]


def test_discard_draft_asks_first(qtbot, kb, runner) -> None:
    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    type_chinese(window.text_edit, "草稿")
    window.save_draft()
    window.confirm = lambda parent, question: False
    assert window.discard_draft() is False
    assert kb.drafts.load("complaint") is not None
    window.confirm = lambda parent, question: True
    with qtbot.waitSignal(window.draftDiscarded, timeout=30_000):
        assert window.discard_draft() is True
    assert kb.drafts.load("complaint") is None
    assert "草稿" not in window.text_edit.toPlainText()


@pytest.mark.parametrize("kind", list(Kind))
def test_new_document_from_template_publishes(qtbot, kb, runner, kind) -> None:
    path = new_document_path(kind, f"new-{kind.value}")
    window = EditorWindow.new_document(kb, runner, kind, path, title="新文件", autosave_ms=60000)
    qtbot.addWidget(window)
    assert window.form.kind.currentData() == kind.value
    assert window.form.title.text() == "新文件"
    assert window.text_edit.toPlainText().strip()
    window.ask_note = lambda parent, prompt, note="": "新增"
    with qtbot.waitSignal(window.published, timeout=30_000) as blocker:
        window.publish()
    result = blocker.args[0]
    assert result.path == path and result.version == 1
    doc = kb.document(result.doc_id)
    assert doc.kind is kind and doc.title == "新文件" and doc.status is Status.PUBLISHED


def test_new_document_paths_are_checked(qtbot, kb, runner) -> None:
    with pytest.raises(KbError, match="already exists"):
        EditorWindow.new_document(kb, runner, Kind.HANDBOOK, "handbooks/complaint.md")
    with pytest.raises(KbError):
        EditorWindow.new_document(kb, runner, Kind.HANDBOOK, "../outside.md")
    dialog = NewDocumentDialog(kb.publishing.new_path_problem, Kind.PHRASING)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "opening")
    assert dialog.path() == "phrasings/opening.md"
    dialog.accept()
    assert "already exists" in dialog.error.text()
    dialog.name_edit.setText("a:b")
    dialog.accept()
    assert dialog.error.text()
    dialog.name_edit.setText("closing")
    dialog.accept()
    assert dialog.result() == NewDocumentDialog.DialogCode.Accepted


def test_retire_with_note(qtbot, kb, runner) -> None:
    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    window.ask_note = lambda parent, prompt, note="": "不再適用"
    with qtbot.waitSignal(window.published, timeout=30_000):
        window.retire()
    assert kb.document("complaint").status is Status.RETIRED
    assert kb.versions.history("complaint")[0].note == "不再適用"


def test_close_saves_pending_edits(qtbot, kb, runner) -> None:
    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    qtbot.keyClick(window.text_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_chinese(window.text_edit, "結尾")
    window.close()
    assert kb.drafts.load("complaint").text.endswith("結尾")


def test_move_publishes_at_the_new_path_and_keeps_edits(qtbot, kb, runner) -> None:
    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    type_chinese(window.text_edit, "未發布的修改")
    with qtbot.waitSignal(window.published, timeout=30_000) as blocker:
        window.move_to("handbooks/complaints/main.md", "整理資料夾")
    result = blocker.args[0]
    assert result.path == "handbooks/complaints/main.md" and result.version == 2
    assert not (kb.root / "handbooks/complaint.md").exists()
    assert window.path == result.path and window.doc_id == "complaint"  # explicit id kept
    assert "未發布的修改" in window.text_edit.toPlainText()  # the edit is still there
    assert "未發布的修改" in kb.drafts.load("complaint").text
    assert [v.version for v in kb.versions.history("complaint")][:2] == [2, 1]


def test_rename_dialog_checks_the_new_path(qtbot, kb) -> None:
    from kbdesk.gui.editordialogs import RenameDialog

    dialog = RenameDialog("客訴", "投訴處理", "handbooks/complaint.md",
                          kb.publishing.new_path_problem)
    qtbot.addWidget(dialog)
    assert not dialog.moved()
    dialog.path_edit.setText("phrasings/opening")
    assert dialog.path() == "phrasings/opening.md" and dialog.moved()
    dialog.accept()
    assert "already exists" in dialog.error.text()
    dialog.title_edit.clear()
    dialog.accept()
    assert "title is required" in dialog.error.text()
    dialog.title_edit.setText("客訴")
    dialog.path_edit.setText("handbooks/new-place")
    dialog.accept()
    assert dialog.result() == RenameDialog.DialogCode.Accepted


def test_unpublished_document_changes_path_and_draft_follows(qtbot, kb, runner) -> None:
    window = EditorWindow.new_document(kb, runner, Kind.HANDBOOK, "handbooks/draft-one.md",
                                       title="草稿", autosave_ms=60000)
    qtbot.addWidget(window)
    window.save_draft()
    assert kb.drafts.load("handbooks/draft-one") is not None
    window.ask_move("handbooks/draft-two.md")
    assert window.path == "handbooks/draft-two.md" and window.doc_id == "handbooks/draft-two"
    assert kb.drafts.load("handbooks/draft-one") is None
    assert kb.drafts.load("handbooks/draft-two").path == "handbooks/draft-two.md"


KILLED_EDITOR = """
import os, signal, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from kbdesk.core.kb import KnowledgeBase
from kbdesk.gui.editor import EditorWindow
from kbdesk.gui.tasks import TaskRunner

app = QApplication([])
kb = KnowledgeBase(sys.argv[1], index_dir=Path(sys.argv[2]))
window = EditorWindow.open_document(kb, TaskRunner(), "complaint", autosave_ms=20)
window.draftSaved.connect(lambda draft: os.kill(os.getpid(), signal.SIGKILL))
window.text_edit.moveCursor(window.text_edit.textCursor().MoveOperation.End)
window.text_edit.insertPlainText("被殺之前打的字")
QTimer.singleShot(20000, lambda: sys.exit(3))
app.exec()
"""


def test_draft_survives_a_killed_app(qtbot, kb, runner, tmp_path) -> None:
    import os
    import signal
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-c", KILLED_EDITOR, str(kb.root), str(tmp_path / "child-index")],
        env=env, capture_output=True, timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    assert window.text_edit.toPlainText().endswith("被殺之前打的字")
    assert window.text_edit.textCursor().position() == len(window.text_edit.toPlainText())
    assert "draft" in window.info.text()


def test_autosave_writes_nothing_while_untouched(qtbot, kb, runner) -> None:
    window = open_editor(qtbot, kb, runner, autosave_ms=20)
    for _ in range(2):
        with qtbot.waitSignal(window.autosave.timeout, timeout=30_000):
            pass
    assert kb.drafts.load("complaint") is None
    assert not window.discard_button.isVisibleTo(window)


def test_publish_shows_the_effective_date_and_lets_the_editor_change_it(
        qtbot, kb, runner) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    body = window.text_edit.toPlainText()
    window.text_edit.setPlainText(body.replace("24小時", "48小時"))
    later = dt.date.today() + dt.timedelta(days=14)
    shown: list[dt.date | None] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ChangeNoteDialog):
            QTimer.singleShot(10, answer)
            return
        shown.append(dialog.effective_date())
        assert dialog.effective is not None
        dialog.effective.setDate(QDate(later.year, later.month, later.day))
        dialog.editor.setPlainText("兩週後改為48小時")
        dialog.accept()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(window.published, timeout=30_000) as blocker:
        window.actions_by_id["editor.publish"].trigger()
    assert shown == [dt.date.today()]
    assert blocker.args[0].version == 2
    assert [(p.version, p.effective) for p in kb.versions.pending_versions()] == [(2, later)]
    assert f"effective: {later.isoformat()}" in window.text_edit.toPlainText() + \
        (kb.root / kb.document("complaint").path).read_text("utf-8")


def test_default_effective_date_follows_the_library_clock(qtbot, kb, runner) -> None:
    """Only the library's clock moves (not the process's): the editor's default day follows."""
    from kbdesk.core.clock import DayClock

    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    today = kb.today()
    assert window.effective_default() == today
    later = today + dt.timedelta(days=90)
    kb.set_clock(DayClock(lambda: later))
    assert window.effective_default() == later


def test_date_fields_start_at_the_library_clock(qtbot, kb, runner) -> None:
    """With the library's clock 90 days ahead of the process's, ticking "Set" on an unset
    "Effective from" or "Review by" starts at the library's today, not the process's."""
    from kbdesk.core.clock import DayClock

    later = dt.date.today() + dt.timedelta(days=90)
    kb.set_clock(DayClock(lambda: later))
    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    form = window.form
    assert form.effective.value() is None and form.review_by.value() is None
    form.review_by.enabled.setChecked(True)
    assert form.review_by.value() == later
    assert build_document("x.md", window.text()).review_by == later
    form.effective.enabled.setChecked(True)
    assert form.effective.value() == later
    # the library's day moves on while the editor is open: a reloaded unset field follows it
    kb.set_clock(DayClock(lambda: later + dt.timedelta(days=1)))
    form.load(window.text().replace(f"review_by: {later.isoformat()}\n", ""))
    form.review_by.enabled.setChecked(True)
    assert form.review_by.value() == later + dt.timedelta(days=1)


def test_the_autosave_is_written_off_the_ui_thread_and_a_later_save_wins(
        qtbot, kb, runner) -> None:
    import threading

    window = open_editor(qtbot, kb, runner, autosave_ms=60000)
    edit = window.text_edit
    # the ordered lane is busy (another small write of the workstation's state is slow)
    gate, busy = threading.Event(), threading.Event()

    def slow_write(_p: object, _c: object) -> None:
        busy.set()
        assert gate.wait(30)

    runner.submit(slow_write, name="slow write", ordered=True)
    try:
        assert busy.wait(10)
        edit.setPlainText(edit.toPlainText().replace("交給主管", "交給值班主管"))
        assert window.dirty
        window.autosave.timeout.emit()  # the tick returns at once: the draft waits its turn
        assert kb.drafts.load("complaint") is None
        assert not window.dirty
        edit.setPlainText(edit.toPlainText().replace("值班主管", "值班經理"))
        newer = window.text()
        saved = window.save_draft()  # Ctrl+S: written now
        assert saved is not None and kb.drafts.load("complaint").text == newer
        with qtbot.waitSignal(runner.taskFinished, timeout=30_000,
                              check_params_cb=lambda task: task.name == "autosave draft"):
            gate.set()
    finally:
        gate.set()
    # the older autosave, written after, did not replace the newer draft
    assert kb.drafts.load("complaint").text == newer
    # an autosave with nothing newer is written, and says so
    edit.setPlainText(edit.toPlainText() + "\n補充。\n")
    with qtbot.waitSignal(window.draftSaved, timeout=30_000) as blocker:
        window.autosave.timeout.emit()
    assert "補充。" in blocker.args[0].text
    assert kb.drafts.load("complaint").text == window.text()
