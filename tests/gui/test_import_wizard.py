"""The import wizard driven through its widgets: plan off the UI thread, structure shown,
removals struck through and restorable, fixes of title/kind/category, drafts and publishing,
bad files; File → Import and files dropped on the window."""
# ruff: noqa: F811 - the fixtures imported from editorial_fixtures are used as arguments

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from kbdesk.core.workstation.settings import Settings
from kbdesk.gui.importwizard import ImportWizard
from kbdesk.gui.tasks import TaskRunner
from tests.gui.editorial_fixtures import close_kb, open_kb, versioned_library  # noqa: F401
from tests.importers import fixtures as F

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def kb(versioned_library: Path, tmp_path: Path):
    base = open_kb(versioned_library, tmp_path / "index")
    yield base
    close_kb(base)


def _file(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def _wizard(qtbot, kb, runner, files) -> ImportWizard:
    wizard = ImportWizard(kb, runner, files, author="林編輯")
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(wizard.planned, timeout=30000):
        wizard.start_plan()
    return wizard


def _tree_headings(wizard: ImportWizard) -> list[str]:
    out = []

    def walk(item, depth):
        out.append("  " * depth + item.text(0))
        for index in range(item.childCount()):
            walk(item.child(index), depth + 1)

    for index in range(wizard.structure.topLevelItemCount()):
        walk(wizard.structure.topLevelItem(index), 0)
    return out


def test_structure_and_struck_through_removals_are_shown(qtbot, kb, runner, tmp_path) -> None:
    wizard = _wizard(qtbot, kb, runner, [_file(tmp_path, "flat.txt", F.FLAT_TRADITIONAL, "big5")])
    assert wizard.docs_list.count() == 1
    assert wizard.title_edit.text() == "門市退換貨作業手冊"
    assert _tree_headings(wizard) == [
        "第一章 退換貨受理", "  1.1 受理前的確認", "  1.2 單據填寫要點",
        "第二章 特殊情況處理", "  2.1 超過期限的申請", "  2.2 商品已拆封"]
    item = wizard.removed_list.item(0)
    assert "table of contents" in item.text()
    assert item.checkState() == Qt.CheckState.Checked and item.font().strikeOut()
    assert wizard.drafts_button.isEnabled() and wizard.publish_button.isEnabled()
    assert kb.drafts.list() == []  # nothing written yet


def test_untick_a_removal_to_restore_it_and_tick_again(qtbot, kb, runner, tmp_path) -> None:
    wizard = _wizard(qtbot, kb, runner, [_file(tmp_path, "b.txt", F.BOILERPLATE)])
    rows = {wizard.removed_list.item(i).text(): i for i in range(wizard.removed_list.count())}
    row = next(i for text, i in rows.items() if "下载本文档" in text)
    before = wizard.removed_list.count()
    with qtbot.waitSignal(wizard.planned, timeout=30000):
        wizard.removed_list.item(row).setCheckState(Qt.CheckState.Unchecked)
    doc = wizard.current_document()
    assert "下载本文档" not in [r.text for r in doc.removed]
    assert "下载本文档" in doc.title + doc.body_text()
    restored = [wizard.removed_list.item(i) for i in range(wizard.removed_list.count())
                if "下载本文档" in wizard.removed_list.item(i).text()]
    assert len(restored) == 1 and restored[0].checkState() == Qt.CheckState.Unchecked
    assert not restored[0].font().strikeOut()
    assert wizard.removed_list.count() == before
    with qtbot.waitSignal(wizard.planned, timeout=30000):
        restored[0].setCheckState(Qt.CheckState.Checked)
    assert "下载本文档" in [r.text for r in wizard.current_document().removed]


def test_fix_title_kind_category_then_save_drafts(qtbot, kb, runner, tmp_path) -> None:
    wizard = _wizard(qtbot, kb, runner, [_file(tmp_path, "toc.txt", F.TOC_LINES)])
    wizard.title_edit.setText("帳戶安全處理手冊")
    wizard.title_edit.editingFinished.emit()
    wizard.doc_category.setText("帳戶")
    wizard.doc_category.editingFinished.emit()
    wizard.doc_kind.setCurrentIndex(wizard.doc_kind.findData("procedure"))
    assert wizard.path_label.text().startswith("procedures/")
    with qtbot.waitSignal(wizard.written, timeout=30000) as blocker:
        qtbot.mouseClick(wizard.drafts_button, Qt.MouseButton.LeftButton)
    [item] = blocker.args[0]
    assert not item.published
    [draft] = kb.drafts.list()
    assert draft.path.startswith("procedures/") and draft.origin == "import"
    for line in ("title: 帳戶安全處理手冊", "kind: procedure", "category: 帳戶", "status: draft"):
        assert line in draft.text
    assert not (kb.root / draft.path).exists()
    assert not wizard.drafts_button.isEnabled()  # written once


def test_publish_with_a_note(qtbot, kb, runner, tmp_path) -> None:
    wizard = _wizard(qtbot, kb, runner, [_file(tmp_path, "flat.txt", F.FLAT_TRADITIONAL)])
    wizard.split_combo.setCurrentIndex(wizard.split_combo.findData("chapters"))
    qtbot.waitUntil(lambda: wizard.docs_list.count() == 2 and wizard.task.done, timeout=30000)
    prompts = []
    wizard.ask_note = lambda _parent, prompt, _note: prompts.append(prompt) or "匯入門市手冊"
    with qtbot.waitSignal(wizard.written, timeout=60000) as blocker:
        qtbot.mouseClick(wizard.publish_button, Qt.MouseButton.LeftButton)
    assert [w.published for w in blocker.args[0]] == [True, True]
    assert "2" in prompts[0]
    kb.load()
    titles = sorted(d.title for d in kb.documents())
    assert "門市退換貨作業手冊：第二章 特殊情況處理" in titles
    assert kb.problems == []
    assert kb.versions.history(blocker.args[0][0].doc_id)[0].note.startswith("匯入門市手冊")


def test_cancelled_note_publishes_nothing(qtbot, kb, runner, tmp_path) -> None:
    wizard = _wizard(qtbot, kb, runner, [_file(tmp_path, "p.txt", F.PINYIN)])
    wizard.ask_note = lambda *_args: None
    assert wizard.publish() is None
    assert len(kb.documents()) == 2


def test_a_bad_file_shows_an_error_and_writes_nothing(qtbot, kb, runner, tmp_path) -> None:
    bad = tmp_path / "in" / "scan.docx"
    bad.parent.mkdir()
    bad.write_bytes(b"not a zip at all")
    wizard = ImportWizard(kb, runner, [bad])
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(wizard.failed, timeout=30000) as blocker:
        wizard.start_plan()
    assert "scan.docx: not a Word document" in blocker.args[0]
    assert not wizard.drafts_button.isEnabled() and not wizard.publish_button.isEnabled()
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert any("scan.docx" in box.text() for box in boxes)
    for box in boxes:
        box.close()
    assert kb.drafts.list() == []


def _editor_settings() -> Settings:
    settings = Settings()
    settings.set("role", "editor")
    settings.set("agent_name", "林編輯")
    return settings


def test_file_menu_import_opens_the_wizard_for_editors_only(qtbot, make_window,
                                                            versioned_library, tmp_path) -> None:
    source = _file(tmp_path, "r.txt", F.REPEATED_LINES)
    agent = make_window(versioned_library)
    agent.importing.choose_files = lambda: [source]
    agent.actions_["import.files"].trigger()
    assert agent.importing.wizards == []
    window = make_window(versioned_library, settings=_editor_settings())
    window.importing.choose_files = lambda: [source]
    window.actions_["import.files"].trigger()
    [wizard] = window.importing.wizards
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    assert wizard.title_edit.text() == "退款時效說明"
    with qtbot.waitSignal(wizard.written, timeout=30000):
        qtbot.mouseClick(wizard.drafts_button, Qt.MouseButton.LeftButton)
    # the draft opens in an editor for review (read on a worker first)
    qtbot.waitUntil(lambda: len(window.importing.editors) == 1, timeout=30_000)
    [editor] = window.importing.editors
    assert "title: 退款時效說明" in editor.text() and "status: draft" in editor.text()
    assert editor.path.startswith("handbooks/")
    editor.close()
    wizard.close()


def test_dropping_files_on_the_window_opens_the_wizard(qtbot, make_window, versioned_library,
                                                       tmp_path) -> None:
    source = _file(tmp_path, "drop.txt", F.FLAT_SIMPLIFIED)
    window = make_window(versioned_library, settings=_editor_settings())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(QPoint(20, 20)), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    [wizard] = window.importing.wizards
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    assert wizard.title_edit.text() == "会员积分手册"
    wizard.close()


def test_agents_cannot_drop_files_to_import(qtbot, make_window, versioned_library,
                                            tmp_path) -> None:
    source = _file(tmp_path, "drop.txt", F.FLAT_SIMPLIFIED)
    window = make_window(versioned_library)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert window.importing.wizards == []


def test_two_quick_restores_are_both_applied(qtbot, kb, runner, tmp_path) -> None:
    wizard = _wizard(qtbot, kb, runner, [_file(tmp_path, "b.txt", F.BOILERPLATE)])
    items = [wizard.removed_list.item(i) for i in range(wizard.removed_list.count())]
    first = next(i for i in items if "全文预览已结束" in i.text())
    second = next(i for i in items if "0/150" in i.text())
    keys = {first.data(Qt.ItemDataRole.UserRole), second.data(Qt.ItemDataRole.UserRole)}
    first.setCheckState(Qt.CheckState.Unchecked)
    second.setCheckState(Qt.CheckState.Unchecked)  # while the first re-plan runs
    qtbot.waitUntil(lambda: wizard.task.done and not keys & {
        r.key for r in wizard.current_document().removed}, timeout=30000)
    body = wizard.current_document().body_text()
    assert "全文预览已结束" in body + wizard.current_document().title and "0/150" in body


def test_a_large_file_shows_progress_while_the_ui_stays_responsive(qtbot, kb, runner,
                                                                   tmp_path) -> None:
    from tests.bench.importing import handbook

    big = _file(tmp_path, "big.txt", handbook(0.3))
    wizard = ImportWizard(kb, runner, [big])
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(wizard.planned, timeout=60000):
        task = wizard.start_plan()
        assert wizard.progress.isVisible() and not wizard.drafts_button.isEnabled()
        with qtbot.waitSignal(task.progress, timeout=60000):
            pass
        wizard.title_edit.setText("typing while it plans")  # the UI thread is free
    assert not wizard.progress.isVisible()
    assert wizard.structure.topLevelItemCount() > 10


def test_mojibake_is_listed_to_check_with_its_place(qtbot, kb, runner, tmp_path) -> None:
    wizard = _wizard(qtbot, kb, runner, [_file(tmp_path, "m.txt", F.MOJIBAKE)])
    texts = [wizard.flags_list.item(i).text() for i in range(wizard.flags_list.count())]
    assert any(t.startswith("mojibake: ??蛻舴?wù) — 第一章 問候") for t in texts)


def test_drafts_of_new_documents_can_be_reopened(qtbot, make_window, versioned_library,
                                                 tmp_path) -> None:
    window = make_window(versioned_library, settings=_editor_settings())
    kb = window.kb
    plan = kb.imports.plan_import([_file(tmp_path, "t.txt", F.TOC_LINES)])
    [written] = kb.imports.import_files(plan)
    window.actions_["import.drafts"].trigger()
    dialog = window.importing.draft_list
    assert dialog is not None and dialog.list.count() == 1
    assert dialog.list.item(0).text().startswith("帳戶安全手冊 — " + written.path)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.importing.editors) == 1, timeout=30_000)
    [editor] = window.importing.editors
    assert editor.doc_id == written.doc_id and "title: 帳戶安全手冊" in editor.text()
    editor.close()
    dialog.close()


NO_STRUCTURE = ("客戶來電時先確認身分，再詢問需求。" * 15) + "\n" + ("處理完畢後記錄通話摘要。" * 15) + "\n"


def test_confidence_is_shown_and_no_structure_publishes_only_when_the_editor_says_so(
        qtbot, kb, runner, tmp_path) -> None:
    wizard = _wizard(qtbot, kb, runner, [_file(tmp_path, "notes.txt", NO_STRUCTURE)])
    qtbot.waitUntil(lambda: wizard.docs_list.count() == 1 and wizard.task.done, timeout=30000)
    assert wizard.confidence_label.text().startswith("Low")
    assert any(wizard.flags_list.item(i).text().startswith("no-structure")
               for i in range(wizard.flags_list.count()))
    questions = []
    wizard.ask_force = lambda _parent, question: questions.append(question) or False
    wizard.ask_note = lambda *_args: "不該被問到"
    assert wizard.publish() is None
    assert len(questions) == 1 and len(kb.documents()) == 2
    wizard.ask_force = lambda _parent, _question: True
    wizard.ask_note = lambda *_args: "匯入筆記"
    with qtbot.waitSignal(wizard.written, timeout=60000) as blocker:
        wizard.publish()
    assert [w.published for w in blocker.args[0]] == [True]
