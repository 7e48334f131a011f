"""The main window around the search: indexing in the background, broken files, settings,
favourites and recents, the reply-check dock, actions and shortcuts, start-up."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kbdesk.core.clock import SYSTEM_CLOCK, FixedClock
from kbdesk.core.workstation.settings import Settings
from kbdesk.core.workstation.userstate import UserState
from kbdesk.gui.actions import ACTIONS, KEYS, ShortcutsDialog
from tests.conftest import doc
from tests.gui.conftest import WindowFactory, search, type_text


def test_search_during_a_rebuild_waits_and_the_ui_keeps_running(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    kb = window.kb
    real = kb.ensure_index
    gate = threading.Event()
    entered = threading.Event()

    def gated(*args, **kwargs):
        entered.set()
        gate.wait(20)
        return real(*args, **kwargs)

    kb.ensure_index = gated
    ticks: list[str] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(window.index_state))
    timer.start()
    try:
        window.actions_["index.rebuild"].trigger()
        qtbot.waitUntil(entered.is_set, timeout=30_000)
        assert window.index_state == "indexing"
        assert window.progress.isVisible()
        shown: list[str] = []
        window.resultsShown.connect(lambda q, _n: shown.append(q))
        type_text(window.side.search_box, "投诉")
        qtbot.waitUntil(lambda: window.search.waiting, timeout=30_000)
        # the event loop runs while the rebuild is held: the timer keeps ticking
        qtbot.waitUntil(lambda: ticks.count("indexing") >= 10, timeout=30_000)
        assert "投诉" not in shown
        assert window.side.info.text()  # "searching as soon as the index is ready"
        with qtbot.waitSignal(window.resultsShown, timeout=30000,
                              check_params_cb=lambda q, _n: q == "投诉"):
            gate.set()
        assert window.index_state == "ready"
        assert any(r.doc_id == "complaint-handbook" for r in window.side.model.rows)
        assert not window.search.waiting
    finally:
        gate.set()
        timer.stop()


def test_broken_file_is_listed_and_the_rest_works(
        qtbot: QtBot, make_window: WindowFactory, make_library) -> None:
    library = make_library({
        "handbooks/good.md": doc("退款手冊", body="## 退款\n\n七天內退款。\n"),
        "handbooks/broken.md": "沒有前置資料的文件\n",
        "handbooks/badkind.md": doc("壞的", kind="manual"),
    })
    agents = Settings.load()
    agent_window = make_window(library, settings=agents)
    qtbot.waitUntil(agent_window.problems_button.isVisible, timeout=30_000)
    assert not agent_window.problems_notice.isVisible()  # agents: a quiet note, no dialog
    assert "2 library file(s) could not be read" in agent_window.statusBar().currentMessage()
    editors = Settings.load()
    editors.set("role", "editor")
    window = make_window(library, settings=editors)
    notice = window.problems_notice
    qtbot.waitUntil(notice.isVisible, timeout=30_000)
    assert not notice.isModal()
    files = {notice.table.item(r, 0).text() for r in range(notice.table.rowCount())}
    assert files == {"handbooks/broken.md", "handbooks/badkind.md"}
    reasons = " ".join(notice.table.item(r, 2).text() for r in range(notice.table.rowCount()))
    assert "front matter" in reasons and "manual" in reasons
    assert window.problems_button.isVisible()
    rows = search(qtbot, window, "退款")
    assert [r.doc_id for r in rows][:1] == ["handbooks/good"]


def test_missing_library_shows_an_error_and_keeps_running(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    window = make_window(tmp_path / "nowhere", wait=False)
    qtbot.waitUntil(lambda: window.index_state == "failed", timeout=30_000)
    assert window.kb is None
    assert window.copy_phrasing() is None


def test_settings_persist(qtbot: QtBot, make_window: WindowFactory, make_library) -> None:
    library = make_library({"handbooks/a.md": doc("投訴手冊", body="## 投訴處理\n\n內容\n")})
    window = make_window(library)
    dialog = window.open_settings()
    dialog.editors["agent_name"].setText("陳大文")
    dialog.editors["agent_team"].setText("二組")
    combo = dialog.editors["display_script"]
    combo.setCurrentIndex(combo.findData("cn"))
    dialog.editors["log_no_results"].setChecked(False)
    dialog.editors["sync_interval_minutes"].setValue(30)
    dialog.accept()
    saved = Settings.load()
    assert saved.get("agent_name") == "陳大文"
    assert saved.get("agent_team") == "二組"
    assert saved.get("display_script") == "cn"
    assert saved.get("log_no_results") is False
    assert saved.get("sync_interval_minutes") == 30
    assert window.script == "cn"
    assert window.script_combo.currentData() == "cn"
    window.open_document("handbooks/a")
    assert window.reader.title_label.text() == "投诉手册"
    # the toolbar switch is a setting too
    window.script_combo.setCurrentIndex(window.script_combo.findData("tw"))
    assert Settings.load().get("display_script") == "tw"
    assert window.actions_["script.tw"].isChecked()


def test_favourites_and_recents_survive_a_restart(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    window.open_document("complaint-handbook")
    window.actions_["doc.favourite"].trigger()
    window.open_document("sop-complaint")
    assert window.side.recents.count() == 2
    window.close()
    again = make_window(demo_library)
    favourites = [again.side.favourites.item(i).text()
                  for i in range(again.side.favourites.count())]
    recents = [again.side.recents.item(i).text() for i in range(again.side.recents.count())]
    assert favourites == ["客訴處理手冊"]
    assert recents == ["投訴處理流程", "客訴處理手冊"]
    assert UserState.load(clock=SYSTEM_CLOCK).is_favourite("complaint-handbook")
    with qtbot.waitSignal(again.opened, timeout=30_000):
        again.side.favourites.itemActivated.emit(again.side.favourites.item(0))
    assert again.reader.document.id == "complaint-handbook"


def test_no_results_are_logged_unless_turned_off(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    # the library's clock is 90 days ahead of the process's: the log and recents follow it
    later = dt.datetime.now().astimezone().replace(microsecond=0) + dt.timedelta(days=90)
    window.kb.set_clock(FixedClock(later))
    window.no_results_timer.setInterval(10)
    rows = search(qtbot, window, "量子纠缠")
    assert rows == []
    assert "量子纠缠" in window.side.info.text()
    qtbot.waitUntil(lambda: [q for _w, q, _n in UserState.load(clock=SYSTEM_CLOCK).no_results()] == ["量子纠缠"],
                    timeout=30_000)
    assert [w for w, _q, _n in UserState.load(clock=SYSTEM_CLOCK).no_results()] == [later]
    window.open_document("complaint-handbook")
    assert window.state.recents()[0].when == later
    window.settings.set("log_no_results", False)
    search(qtbot, window, "火星基地")
    window.no_results_timer.timeout.emit()
    assert [q for _w, q, _n in UserState.load(clock=SYSTEM_CLOCK).no_results()] == ["量子纠缠"]


def test_phrasing_and_procedure_panels_follow_the_document(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    procedure = next(d for d in window.kb.documents() if d.kind.value == "procedure")
    window.open_document(procedure.id)
    assert window.panels.isVisible()
    assert window.panels.currentWidget() is window.panels.checklist_panel
    assert window.panels.checklist_panel.document.id == procedure.id
    phrasing = next(d for d in window.kb.documents() if d.kind.value == "phrasing")
    window.open_document(phrasing.id)
    assert window.panels.currentWidget() is window.panels.phrasing_panel
    window.open_document("complaint-handbook")
    assert not window.panels.isVisible()


def test_reply_check_dock(qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    assert not window.reply_dock.isVisible()
    window.actions_["view.reply_check"].trigger()
    assert window.reply_dock.isVisible()
    panel = window.panels.reply_check
    assert panel is not None
    entries = window.kb.library_rules.avoid_entries()
    assert entries
    avoid = entries[0].pair.avoid
    with qtbot.waitSignal(panel.checked, timeout=30_000) as blocker:
        panel.editor.setPlainText(f"您好，{avoid}。")
    assert blocker.args[0] >= 1
    window.actions_["view.reply_check"].trigger()
    assert not window.reply_dock.isVisible()


def test_every_action_has_a_menu_entry_and_a_unique_shortcut(
        qtbot: QtBot, make_window: WindowFactory, make_library) -> None:
    window = make_window(make_library({"a.md": doc("甲")}))
    in_menus = set()
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.objectName():
                in_menus.add(action.objectName())
    assert in_menus == {spec.id for spec in ACTIONS}
    seen: dict[str, str] = {}
    for spec in ACTIONS:
        for shortcut in spec.shortcuts:
            key = QKeySequence(shortcut).toString()
            assert key and key not in seen, (spec.id, seen.get(key))
            seen[key] = spec.id
    dialog = window.show_shortcuts()
    assert isinstance(dialog, ShortcutsDialog)
    listed = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
              for r in range(dialog.table.rowCount())}
    assert len(listed) == len([s for s in ACTIONS if s.shortcuts]) + len(KEYS)
    keys = set(listed.values())
    assert {"Down", "Up", "Esc"} <= keys and ("Enter" in keys or "Return" in keys)
    assert window.actions_["phrasing.copy"].shortcut().toString() == "Ctrl+Shift+C"
    assert window.actions_["search.focus"].shortcut().toString() == "Ctrl+K"
    dialog.close()


def test_window_state_is_kept(qtbot: QtBot, make_window: WindowFactory, make_library) -> None:
    library = make_library({"a.md": doc("甲")})
    window = make_window(library)
    window.resize(1000, 700)
    window.splitter.setSizes([300, 500, 200])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window(library)
    assert again.splitter.sizes()[0] == sizes[0]


def test_app_shows_the_window_before_the_library_is_read(qtbot: QtBot, demo_library: Path
                                                          ) -> None:
    """The window is shown at once and the library opens in the background (how long that
    takes is measured in the benchmark, not asserted here: a loaded machine would decide)."""
    from kbdesk.gui.app import create_window

    window = create_window(["--library", str(demo_library)])
    qtbot.addWidget(window)
    try:
        assert window.isVisible()
        assert window.kb is None  # the library opens in the background
        with qtbot.waitSignal(window.indexReady, timeout=30000):
            pass
        assert window.kb is not None and len(window.kb.documents()) > 20
        assert QApplication.font().family()  # a CJK family was picked when one exists
    finally:
        window.shutdown()


def test_kbdesk_without_a_command_runs_the_app(qtbot: QtBot, demo_library: Path) -> None:
    from kbdesk.cli import main as cli_main
    from kbdesk.gui.mainwindow import MainWindow

    seen: list[tuple[str, Path]] = []

    def close_when_ready() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.index_state == "ready":
                seen.append((widget.windowTitle(), widget.kb.root))
                widget.close()
                QApplication.quit()
                return
        QTimer.singleShot(20, close_when_ready)

    QTimer.singleShot(0, close_when_ready)
    assert cli_main(["--library", str(demo_library)]) == 0
    assert seen and seen[0][0].endswith("kbdesk")
    assert seen[0][1] == demo_library
    _end_the_stray_quit()


def _end_the_stray_quit() -> None:
    """The app's run in this process leaves the test session as it found it.

    Closing the last window posts a quit of its own, which arrives after ``app.exec()`` has
    returned: left alone, it would end the next event loop at once (every later wait of the
    session would fail without waiting). One more loop of the application takes it; a timer
    ends that loop where no quit was posted.
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    fallback = QTimer()
    fallback.setSingleShot(True)
    fallback.timeout.connect(app.quit)
    fallback.start(50)
    app.exec()
    fallback.stop()
    loop = QEventLoop()  # later waits of the session wait again
    fired: list[bool] = []
    QTimer.singleShot(10, lambda: (fired.append(True), loop.quit()))
    loop.exec()
    assert fired
