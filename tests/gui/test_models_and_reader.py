"""Item models (checked with qtmodeltester) and the reader's own features."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QStandardItemModel
from pytestqt.qtbot import QtBot

from kbdesk.core import SearchHit
from kbdesk.core.library.parse import build_document
from kbdesk.gui.reader import ReaderView, parse_link, section_link
from kbdesk.gui.results import SNIPPET_ROLE, SPANS_ROLE, ResultsModel
from kbdesk.gui.sidepane import CATEGORY_ROLE, category_model_rows
from tests.conftest import doc
from tests.gui.conftest import WindowFactory, search

ROWS = [
    SearchHit("a", "客訴處理手冊", "投訴分級", "投訴分級", "handbook", 3, 1.0, "重複投訴屬重要等級",
              "重複投訴屬重要等級", [], "a.md", "投訴", "published", 2),
    SearchHit.of_document(build_document("b.md", doc("道歉話術", kind="phrasing", id="b",
                                                      summary="向客户致歉"))),
]


def test_results_model(qtmodeltester, qtbot: QtBot) -> None:
    model = ResultsModel()
    qtmodeltester.check(model)
    model.set_rows(ROWS, ["投诉"])
    qtmodeltester.check(model)
    index = model.index(0)
    assert index.data() == "客訴處理手冊 › 投訴分級"
    assert model.index(1).data() == "道歉話術"
    assert index.data(SPANS_ROLE) == [(2, 4)]
    model.set_script("cn")
    assert index.data() == "客诉处理手册 › 投诉分级"
    assert index.data(SNIPPET_ROLE) == "重复投诉属重要等级"
    assert index.data(SPANS_ROLE) == [(2, 4)]
    model.clear()
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_category_model(qtmodeltester, qtbot: QtBot) -> None:
    model = QStandardItemModel()
    category_model_rows(model, [("投訴處理", 3), ("話術/開場", 2), ("話術/結束", 1)], "全部")
    qtmodeltester.check(model)
    assert model.rowCount() == 3  # all, 投訴處理, 話術
    assert model.index(0, 0).data() == "全部 (6)"
    talk = model.index(2, 0)
    assert model.rowCount(talk) == 2
    assert model.index(0, 0, talk).data(CATEGORY_ROLE) == "話術/開場"
    category_model_rows(model, [("投訴處理", 3)], "全部", "cn")
    assert model.index(1, 0).data() == "投诉处理 (3)"
    assert model.index(1, 0).data(CATEGORY_ROLE) == "投訴處理"  # filters use the name as written
    qtmodeltester.check(model)


def test_window_models(qtmodeltester, qtbot: QtBot, make_window: WindowFactory,
                       demo_library: Path) -> None:
    window = make_window(demo_library)
    search(qtbot, window, "投诉")
    window.open_row(0)
    qtmodeltester.check(window.side.model)
    qtmodeltester.check(window.side.category_model)
    qtmodeltester.check(window.reader.toc_model)
    qtmodeltester.check(window.problems_notice.table.model())
    qtmodeltester.check(window.side.favourites.model())
    procedure = next(d for d in window.kb.documents() if d.kind.value == "procedure")
    window.open_document(procedure.id)
    qtmodeltester.check(window.panels.checklist_panel.model)
    assert window.panels.reply_check is not None
    qtmodeltester.check(window.panels.reply_check.model)


LONG = "\n\n".join(f"說明文字第{i}行。" for i in range(60))
BODY = f"## 第一節\n\n{LONG}\n\n## 退款規則\n\n退款七天內完成。\n\n## 第三節\n\n{LONG}\n\n[看另一份](kbdesk://doc/other#結尾)\n"


def make_reader(qtbot: QtBot) -> ReaderView:
    docs = {
        "main": build_document("main.md", doc("主文件", id="main", owner="品質組", version=4,
                                              effective="2026-01-01", body=BODY)),
        "other": build_document("other.md", doc("另一份", id="other", body="## 結尾\n\n完。\n")),
    }
    reader = ReaderView(lambda doc_id: docs[doc_id])
    qtbot.addWidget(reader)
    reader.resize(900, 600)
    reader.show()
    reader.activateWindow()
    qtbot.waitUntil(reader.isActiveWindow, timeout=30_000)
    return reader


def test_reader_header_toc_and_section(qtbot: QtBot) -> None:
    reader = make_reader(qtbot)
    reader.show_document("main", "退款規則", ["退款"])
    assert reader.title_label.text() == "主文件"
    meta = reader.meta_label.text()
    assert "4" in meta and "2026-01-01" in meta and "品質組" in meta
    assert reader.current_section == "退款規則"
    assert reader.browser.verticalScrollBar().value() > 0
    assert '<span class="hl">退款</span>' in reader.html
    assert reader.toc_model.rowCount() == 4  # the title and three sections
    reader.scroll_to("第三節")
    assert reader.current_section == "第三節"
    assert reader.toc.currentIndex().data() == "第三節"


def test_reader_history(qtbot: QtBot) -> None:
    reader = make_reader(qtbot)
    reader.show_document("main", "退款規則")
    assert not reader.can_go_back()
    with qtbot.waitSignal(reader.openRequested, timeout=30_000) as blocker:
        reader.browser.anchorClicked.emit(QUrl(
            section_link("other", "結尾")))
    assert blocker.args == ["other", "結尾"]
    reader.show_document("other", "結尾")
    assert reader.can_go_back()
    reader.back()
    assert reader.document.id == "main" and reader.current_section == "退款規則"
    assert reader.can_go_forward()
    reader.forward()
    assert reader.document.id == "other"
    assert not reader.can_go_forward()


def test_reader_find_zoom_link_and_script(qtbot: QtBot) -> None:
    reader = make_reader(qtbot)
    reader.show_document("main", "退款規則")
    reader.open_find()
    assert reader.find_bar.isVisible()
    reader.find_edit.setText("七天")
    assert reader.browser.textCursor().selectedText() == "七天"
    at = reader.browser.verticalScrollBar().value()
    reader.find_edit.setText("不存在的字")
    assert reader.find_status.text()
    assert reader.browser.verticalScrollBar().value() == at  # a miss does not move the page
    qtbot.keyClick(reader.find_edit, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible()
    size = reader.browser.font().pointSizeF()
    reader.zoom_in()
    assert reader.browser.font().pointSizeF() > size
    reader.zoom_reset()
    assert reader.browser.font().pointSizeF() == size
    reader.zoom_out()
    assert reader.browser.font().pointSizeF() < size
    reader.scroll_to("退款規則")
    link = reader.copy_section_link()
    assert QGuiApplication.clipboard().text() == link
    assert parse_link(QUrl(link)) == ("main", "退款規則")
    reader.set_script("cn")
    assert "退款规则" in reader.browser.toPlainText()
    assert reader.current_section == "退款規則"  # anchors stay as written
    assert reader.toc_model.index(2, 0).data() == "退款规则"


def test_ctrl_f_finds_in_page_when_reading(qtbot: QtBot, make_window: WindowFactory,
                                          make_library) -> None:
    window = make_window(make_library({"a.md": doc("甲", id="a", body="## 節\n\n退款說明\n")}))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=30_000)
    window.open_document("a")
    window.reader.browser.setFocus()
    qtbot.waitUntil(window.reader.browser.hasFocus, timeout=30_000)
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.find_bar.isVisible()
    assert window.reader.find_edit.hasFocus()
    window.reader.close_find()
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Escape)
    assert window.side.search_box.hasFocus()
    qtbot.keyClick(window.side.search_box, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.side.search_box.hasFocus()


def test_a_long_page_renders_off_the_ui_thread_and_a_newer_page_wins(qtbot: QtBot) -> None:
    from kbdesk.gui.reader import RENDER_INLINE_CHARS
    from kbdesk.gui.tasks import TaskRunner

    filler = "\n\n".join(f"長篇說明第{i}段，內容與退款無關。" for i in range(3000))
    assert len(filler) > RENDER_INLINE_CHARS
    docs = {
        "long": build_document("long.md", doc("長文件", id="long",
                                              body=f"## 開頭\n\n{filler}\n\n## 退款規則\n\n退款七天內完成。\n")),
        "short": build_document("short.md", doc("短文件", id="short", body="## 結尾\n\n完。\n")),
    }
    reader = ReaderView(lambda doc_id: docs[doc_id])
    qtbot.addWidget(reader)
    runner = TaskRunner()
    reader.runner = runner
    try:
        with qtbot.waitSignal(reader.pageRendered, timeout=30000) as shown:
            reader.show_document("long", "退款規則", ["退款"])
            assert reader.html == ""  # not rendered on the UI thread: a placeholder is up
            assert reader.title_label.text() == "長文件"
        assert shown.args == ["long"]
        assert '<span class="hl">退款</span>' in reader.html
        assert reader.toc_model.rowCount() == 3
        # a short page shown while a long one is still rendering is not replaced by it
        reader.show_document("long")
        reader.show_document("short")  # small: rendered at once
        assert "完。" in reader.html
        qtbot.waitUntil(lambda: not runner.active_tasks(), timeout=30000)
        assert reader.document is not None and reader.document.id == "short"
        assert "完。" in reader.html and "長篇說明" not in reader.html
    finally:
        runner.shutdown()


def _section_hit(doc_id: str, title: str, section: str, anchor: str, kind: str,
                 snippet: str, *, folded: bool = False) -> SearchHit:
    return SearchHit(doc_id, title, section, anchor, kind, 1, 1.0, snippet, snippet, [],
                     f"{doc_id}.md", "", "published", 2 if anchor else 0, folded=folded)


def test_a_documents_folded_hits_sit_under_it_until_expanded(qtmodeltester, qtbot: QtBot) -> None:
    from kbdesk.gui.results import MoreRow, visible_rows

    rows = [
        _section_hit("a", "應變流程", "一", "1", "procedure", "s1"),
        _section_hit("a", "應變流程", "二", "2", "procedure", "s2"),
        _section_hit("b", "公告話術", "", "", "phrasing", "p"),
        _section_hit("a", "應變流程", "三", "3", "procedure", "s3", folded=True),
        _section_hit("a", "應變流程", "四", "4", "procedure", "s4", folded=True),
    ]
    assert [(r.doc_id, r.anchor, r.more if isinstance(r, MoreRow) else 0)
            for r in visible_rows(rows, set())] == [
        ("a", "1", 0), ("a", "2", 0), ("a", "", 2), ("b", "", 0)]
    model = ResultsModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 4 and model.index(3).data() == "公告話術"
    assert "2" in model.index(2).data()  # the "more" row says how many
    model.expand("a")
    qtmodeltester.check(model)
    assert [(r.doc_id, r.anchor) for r in model.rows] == [
        ("a", "1"), ("a", "2"), ("a", "3"), ("a", "4"), ("b", "")]
    model.expand("a")  # nothing left to expand
    assert model.rowCount() == 5
