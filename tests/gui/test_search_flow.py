"""Searching from the main window: both scripts, filters, keyboard-only use, debouncing."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kbdesk.core.workstation.settings import Settings
from kbdesk.gui.results import MoreRow
from tests.conftest import doc
from tests.gui.conftest import WindowFactory, search, type_text


def test_simplified_query_finds_traditional_document(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    rows = search(qtbot, window, "投诉")
    assert rows
    handbook = [r for r in rows if r.doc_id == "complaint-handbook"]
    assert handbook and handbook[0].title == "客訴處理手冊"
    assert "投诉" in window.side.model.terms
    assert window.index_state == "ready"


def test_enter_opens_the_reader_at_the_section_with_highlights(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    rows = search(qtbot, window, "投诉分级")
    first = rows[0]
    assert first.anchor, "a section hit is expected first"
    with qtbot.waitSignal(window.opened, timeout=30_000) as blocker:
        qtbot.keyClick(window.side.search_box, Qt.Key.Key_Return)
    assert blocker.args == [first.doc_id, first.anchor]
    reader = window.reader
    assert reader.document is not None and reader.document.id == first.doc_id
    assert reader.current_section == first.anchor
    assert '<span class="hl">投訴</span>' in reader.html
    current = reader.toc.currentIndex()
    assert current.isValid() and current.data() == first.section


def test_opening_a_late_section_scrolls_to_it(
        qtbot: QtBot, make_window: WindowFactory, make_library) -> None:
    filler = "\n\n".join(f"第{i}段：一般說明文字。" for i in range(80))
    library = make_library({
        "handbooks/long.md": doc("長手冊", id="long",
                                 body=f"## 開頭\n\n{filler}\n\n## 退款時限\n\n退款在七天內完成。\n"),
    })
    window = make_window(library)
    rows = search(qtbot, window, "退款时限")
    target = next(r for r in rows if r.anchor == "退款時限")
    window.open_row(rows.index(target))
    assert window.reader.browser.verticalScrollBar().value() > 0
    assert window.reader.current_section == "退款時限"


def test_kind_filter(qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    rows = search(qtbot, window, "投诉")
    assert {r.kind for r in rows} >= {"handbook", "procedure"}
    with qtbot.waitSignal(window.resultsShown, timeout=30_000):
        window.actions_["filter.phrasing"].trigger()
    rows = window.side.model.rows
    assert rows and {r.kind for r in rows} == {"phrasing"}
    assert window.side.kind_bar.currentIndex() == 2
    with qtbot.waitSignal(window.resultsShown, timeout=30_000):
        window.side.kind_bar.setCurrentIndex(3)
    assert {r.kind for r in window.side.model.rows} == {"procedure"}
    assert window.actions_["filter.procedure"].isChecked()
    with qtbot.waitSignal(window.resultsShown, timeout=30_000):
        window.side.kind_bar.setCurrentIndex(0)
    assert {r.kind for r in window.side.model.rows} >= {"handbook", "procedure"}


def test_category_tree_filters(qtbot: QtBot, make_window: WindowFactory,
                               demo_library: Path) -> None:
    window = make_window(demo_library)
    model = window.side.category_model
    assert model.rowCount() > 2
    rows = search(qtbot, window, "投诉")
    categories = {r.category for r in rows}
    assert len(categories) > 1
    target = rows[0].category
    match = model.match(model.index(0, 0), Qt.ItemDataRole.UserRole + 1, target, 1,
                        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert match
    with qtbot.waitSignal(window.resultsShown, timeout=30_000):
        window.side.categories.setCurrentIndex(match[0])
        window.side.categories.clicked.emit(match[0])
    assert {r.category for r in window.side.model.rows} == {target}


PHRASING = doc("開場話術", "phrasing", id="opening", body="""
## 來電開場

> 您好，我是{{坐席姓名}}，很高興為您服務。

## 結束語

> 感謝您的來電，祝您愉快。
""")


def test_keyboard_only_from_search_to_copy(qtbot: QtBot, make_window: WindowFactory,
                                           make_library) -> None:
    library = make_library({
        "phrasings/opening.md": PHRASING,
        "handbooks/a.md": doc("服務手冊", body="## 開場\n\n開場時先問候。\n"),
    })
    settings = Settings.load()
    settings.set("agent_name", "王小明")
    settings.set("display_script", "cn")
    window = make_window(library, settings=settings)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=30_000)
    window.reader.browser.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    box = window.side.search_box
    assert box.hasFocus()
    with qtbot.waitSignal(window.resultsShown, timeout=30_000,
                          check_params_cb=lambda q, _n: q == "来电开场"):
        type_text(box, "来电开场")
    view = window.side.results
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert view.hasFocus() and view.currentIndex().row() == 0
    assert window.side.model.rows[0].doc_id == "opening"
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.opened, timeout=30_000):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.reader.document.id == "opening"
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.clipboard().text() == "您好，我是王小明，很高兴为您服务。"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""


def test_copy_follows_the_section_under_the_cursor_in_the_reader(
        qtbot: QtBot, make_window: WindowFactory, make_library) -> None:
    library = make_library({"phrasings/opening.md": PHRASING})
    window = make_window(library)
    window.open_document("opening", "結束語")
    window.reader.browser.setFocus()
    qtbot.waitUntil(window.reader.browser.hasFocus, timeout=30_000)
    assert window.copy_phrasing() == "感謝您的來電，祝您愉快。"


def test_copy_with_nothing_selected_says_so(qtbot: QtBot, make_window: WindowFactory,
                                            make_library) -> None:
    library = make_library({"handbooks/a.md": doc("手冊", body="## 甲\n\n內容\n")})
    window = make_window(library)
    window.side.results.setCurrentIndex(window.side.model.index(0))
    with qtbot.waitSignal(window.statusMessage, timeout=30_000):
        assert window.copy_phrasing() is None


def test_search_is_debounced_and_runs_off_the_ui_thread(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    threads: list[int] = []
    backend = window.search._search

    def recording(query, kinds, categories):
        threads.append(threading.get_ident())
        return backend(query, kinds, categories)

    window.search.set_backend(recording)
    window.search.submitted.clear()
    search(qtbot, window, "退款流程")
    assert window.search.submitted == ["退款流程"]  # one search for four keystrokes
    assert threads and threading.get_ident() not in threads


def test_stale_answers_are_dropped(qtbot: QtBot, make_window: WindowFactory,
                                   demo_library: Path) -> None:
    window = make_window(demo_library)
    gate = threading.Event()
    backend = window.search._search

    def slow_first(query, kinds, categories):
        if query == "投诉":
            gate.wait(10)
        return backend(query, kinds, categories)

    window.search.set_backend(slow_first)
    shown: list[str] = []
    window.resultsShown.connect(lambda q, _n: shown.append(q))
    window.search.set_query("投诉")
    window.search.run_now()
    window.search.set_query("退款")
    with qtbot.waitSignal(window.resultsShown, timeout=30_000):
        window.search.run_now()
    gate.set()
    qtbot.waitUntil(lambda: window.search.dropped == 1, timeout=30_000)
    assert shown == ["退款"]
    assert all(r.doc_id for r in window.side.model.rows)


def test_empty_query_browses_documents(qtbot: QtBot, make_window: WindowFactory,
                                       demo_library: Path) -> None:
    window = make_window(demo_library)
    search(qtbot, window, "投诉")
    with qtbot.waitSignal(window.resultsShown, timeout=30_000,
                          check_params_cb=lambda q, _n: q == ""):
        qtbot.keyClick(window.side.search_box, Qt.Key.Key_Escape)
    assert window.side.model.rowCount() == len(window.kb.documents())


def test_one_document_does_not_crowd_the_list(
        qtbot: QtBot, make_window: WindowFactory, make_library) -> None:  # type: ignore[no-untyped-def]
    sections = "".join(f"## 宕機處理第{n}步\n宕機時第{n}步的做法。\n\n" for n in range(1, 7))
    library = make_library({
        "a.md": doc("宕機應變", "procedure", id="outage", body=sections.replace(
            "的做法。", "的做法。\n- 角色：坐席\n- 時限：1小時內")),
        "b.md": doc("公告話術", "phrasing", id="notice", body="## 宕機時\n> 系統宕機，請稍候。\n"),
    })
    window = make_window(library)
    rows = search(qtbot, window, "宕机")
    outage = [row for row in rows if row.doc_id == "outage" and not isinstance(row, MoreRow)]
    assert len(outage) <= 3  # the document as a whole and two sections at most
    assert any(row.doc_id == "notice" for row in rows)
    more = next(n for n, row in enumerate(rows) if isinstance(row, MoreRow))
    window.side.results.setCurrentIndex(window.side.model.index(more))
    qtbot.keyClick(window.side.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not any(isinstance(row, MoreRow) for row in window.side.model.rows), timeout=30_000)
    assert sum(1 for row in window.side.model.rows if row.doc_id == "outage") > len(outage)
