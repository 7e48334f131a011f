"""History window: versions model, old versions read-only, character diffs, rollback."""
# ruff: noqa: F811 - the fixtures imported from editorial_fixtures are used as arguments

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kbdesk.core.kb import KnowledgeBase
from kbdesk.gui.diffview import DiffView, marked_runs
from kbdesk.gui.history import HistoryModel, HistoryWindow
from kbdesk.gui.tasks import TaskRunner
from tests.gui.editorial_fixtures import (  # noqa: F401 - fixtures
    kb,
    publish_change,
    runner,
    versioned_library,
)


def open_history(qtbot: QtBot, kb: KnowledgeBase, runner: TaskRunner) -> HistoryWindow:
    window = HistoryWindow(kb, runner, "complaint", author="Editor")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        pass
    return window


def test_model_lists_versions_and_passes_modeltester(qtbot, qtmodeltester, kb, runner) -> None:
    publish_change(kb, "24小時", "48小時", "時限放寬")
    window = open_history(qtbot, kb, runner)
    model = window.model
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
    assert [model.index(r, 0).data() for r in range(2)] == ["v2", "v1"]
    assert model.index(0, 2).data() == "Editor"
    assert model.index(0, 3).data() == "時限放寬"
    assert model.index(0, 0).data(HistoryModel.VersionRole) == 2
    assert model.headerData(3, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == (
        "Change note"
    )
    # an empty model is valid too
    qtmodeltester.check(HistoryModel(), force_py=True)


def test_diff_marks_one_character_change_precisely(qtbot, kb, runner) -> None:
    publish_change(kb, "24小時", "48小時", "時限放寬")
    window = open_history(qtbot, kb, runner)
    window.select_versions(1, 2)
    with qtbot.waitSignal(window.diffShown, timeout=30_000) as blocker:
        window.compare_button.click()
    diff = blocker.args[0]
    view: DiffView = window.diff_view
    assert view.diff is diff
    inline = marked_runs(view.inline.document())
    side = marked_runs(view.side.document())
    # the version line changes too (v1 had none); the body change is exactly 24 → 48
    assert ("delete", "24") in inline and ("insert", "48") in inline
    assert ("delete", "24") in side and ("insert", "48") in side
    body_marks = [run for run in inline if "version" not in run[1]]
    assert body_marks == [("delete", "24"), ("insert", "48")]
    assert "小時" not in "".join(text for _kind, text in inline)


def test_compare_one_selected_version_with_the_one_before(qtbot, kb, runner) -> None:
    publish_change(kb, "24小時", "48小時")
    publish_change(kb, "交給主管", "交給值班主管")
    window = open_history(qtbot, kb, runner)
    window.select_versions(3)
    with qtbot.waitSignal(window.diffShown, timeout=30_000) as blocker:
        window.compare_selected()
    assert blocker.args[0].old_label.endswith("v2") and blocker.args[0].new_label.endswith("v3")
    assert ("insert", "值班") in marked_runs(window.diff_view.inline.document())


def test_compare_first_version_alone_says_nothing_to_compare(qtbot, kb, runner) -> None:
    window = open_history(qtbot, kb, runner)
    window.select_versions(1)
    window.compare_selected()
    assert "first version" in window.status.text()
    assert window.diff_view.diff is None


def test_old_version_opens_read_only_with_superseded_banner(qtbot, kb, runner) -> None:
    publish_change(kb, "24小時", "48小時")
    window = open_history(qtbot, kb, runner)
    window.select_versions(1)
    with qtbot.waitSignal(window.versionShown, timeout=30_000):
        window.open_button.click()
    viewer = window.viewer
    assert viewer.banner.isVisibleTo(window)
    assert "current version is v2" in viewer.banner.text()
    assert "24小時" in viewer.browser.toPlainText()
    assert viewer.browser.isReadOnly()
    window.select_versions(2)
    with qtbot.waitSignal(window.versionShown, timeout=30_000):
        window.open_selected()
    assert not viewer.banner.isVisibleTo(window)
    assert "48小時" in viewer.browser.toPlainText()


def test_rollback_adds_a_version_and_keeps_history(qtbot, kb, runner) -> None:
    publish_change(kb, "24小時", "48小時")
    window = open_history(qtbot, kb, runner)
    window.ask_note = lambda parent, prompt, note="": "恢復舊時限"
    window.select_versions(1)
    with qtbot.waitSignal(window.rolledBack, timeout=30_000) as blocker:
        window.rollback_button.click()
    assert blocker.args[0].version == 3
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=30_000)
    assert [window.model.index(r, 0).data() for r in range(3)] == ["v3", "v2", "v1"]
    assert "恢復舊時限" in window.model.index(0, 3).data()
    assert "24小時" in (kb.root / "handbooks/complaint.md").read_text("utf-8")


def test_rollback_cancelled_or_without_note_publishes_nothing(qtbot, kb, runner) -> None:
    publish_change(kb, "24小時", "48小時")
    window = open_history(qtbot, kb, runner)
    window.ask_note = lambda parent, prompt, note="": None
    window.select_versions(1)
    window.rollback_selected()
    window.rollback(1, "   ")
    qtbot.waitUntil(lambda: not runner.writing, timeout=30_000)
    assert [v.version for v in kb.versions.history("complaint")] == [2, 1]


def test_history_of_unknown_document_reports_error(qtbot, kb, runner, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("kbdesk.gui.history.show_error", lambda parent, error: shown.append(str(error)))
    window = HistoryWindow(kb, runner, "no-such-doc")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "no-such-doc" in shown[0]


def test_diff_shows_only_changes_with_context_unless_asked(qtbot, kb, runner) -> None:
    publish_change(kb, "24小時", "48小時")
    window = open_history(qtbot, kb, runner)
    with qtbot.waitSignal(window.diffShown, timeout=30_000):
        window.compare(1, 2)
    view = window.diff_view
    assert view.changes_only.isChecked()
    shown = view.inline.toPlainText()
    assert "48" in shown and "title: 客訴處理手冊" not in shown and "交給主管" not in shown
    assert "⋯" in shown
    view.changes_only.setChecked(False)
    shown = view.inline.toPlainText()
    assert "title: 客訴處理手冊" in shown and "交給主管" in shown
    assert "交給主管" in view.side.toPlainText()
    assert ("insert", "48") in marked_runs(view.side.document())


def test_closing_the_window_while_it_reads_a_version_drops_the_result(
        qtbot, kb, runner, monkeypatch) -> None:
    """The owner rule: a task's outcome is never delivered to a window that is gone."""
    import threading

    from PySide6.QtCore import Qt

    publish_change(kb, "24小時", "48小時", "時限放寬")
    window = HistoryWindow(kb, runner, "complaint", author="Editor")  # deleted by the test
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as the app opens it
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.show()
    entered, release = threading.Event(), threading.Event()
    real = kb.versions.text_at

    def held_text_at(doc_id: str, version: int) -> str:
        entered.set()
        assert release.wait(30)
        return real(doc_id, version)

    monkeypatch.setattr(kb.versions, "text_at", held_text_at)
    window.select_versions(1)
    shown: list[int] = []
    window.versionShown.connect(shown.append)
    window.open_selected()
    [task] = [t for t in runner.active_tasks() if t.name == "text_at"]
    qtbot.waitUntil(entered.is_set, timeout=30_000)
    gone: list[bool] = []
    window.destroyed.connect(lambda: gone.append(True))
    window.close()
    qtbot.waitUntil(lambda: bool(gone), timeout=30_000)  # the C++ window is deleted
    with qtbot.waitSignal(runner.taskFinished, timeout=30_000,
                          check_params_cb=lambda finished: finished is task):
        release.set()
    assert task.dropped and task.result is None and task.error is None
    assert shown == []
