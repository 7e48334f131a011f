"""File → Export ▸ HTML site…: the export runs off the UI thread with progress, and its outcome
reaches the status bar (or an error message). The Export submenu is built from the registry of
exporters (a plugin's format: tests/test_plugins.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from kbdesk.gui.mainwindow import MainWindow
from tests.gui.conftest import WindowFactory


def formats_read(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """``window`` once its Export submenu holds the registered formats."""
    qtbot.waitUntil(lambda: window.exporting.formats is not None, timeout=30000)
    return window


def test_export_from_the_menu_writes_the_site(qtbot: QtBot, make_window: WindowFactory,
                                              demo_library: Path, tmp_path: Path) -> None:
    window = formats_read(qtbot, make_window(demo_library))
    assert [a.objectName() for a in window.exporting.menu.actions()] == ["export.html"]
    out = tmp_path / "site"
    window.exporting.choose_folder = lambda _title: str(out)
    progress: list[tuple[int, int]] = []
    window.actions_["export.html"].trigger()
    options = window.exporting.options_dialog  # the html format's one option: the site title
    assert options is not None and list(options.fields) == ["title"]
    with qtbot.waitSignal(window.exporting.exported, timeout=60000) as blocker:
        options.accept()
        task = window.exporting.task
        assert task is not None
        task.progress.connect(lambda done, total, _m: progress.append((done, total)))
        assert window.exporting.dialog is not None and window.exporting.dialog.isVisible()
    result = blocker.args[0]
    assert result.documents == len(window.kb.documents())
    assert (out / "index.html").is_file() and (out / "search.html").is_file()
    assert progress and progress[-1][0] == progress[-1][1]
    assert window.exporting.dialog is None
    assert str(out) in window.statusBar().currentMessage()


def test_export_into_a_foreign_folder_shows_the_error(qtbot: QtBot, make_window: WindowFactory,
                                                      demo_library: Path,
                                                      tmp_path: Path) -> None:
    window = make_window(demo_library)
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with qtbot.waitSignal(window.exporting.failed, timeout=30000) as blocker:
        window.exporting.start(foreign, "html")
    assert "not a kbdesk export" in blocker.args[0]
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert any("not a kbdesk export" in box.text() for box in boxes)
    for box in boxes:
        box.close()
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]


def test_export_over_a_site_holding_a_users_file_shows_the_file_and_keeps_it(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path, tmp_path: Path) -> None:
    window = make_window(demo_library)
    out = tmp_path / "site"
    with qtbot.waitSignal(window.exporting.exported, timeout=60000):
        window.exporting.start(out, "html")
    (out / "team-notes.html").write_text("<p>our notes</p>", "utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("keep")
    expected = ["team-notes.html is not a file the previous export wrote",
                f"{notes} is a file, not a folder"]
    for folder, message in zip((out, notes / "site"), expected, strict=True):
        with qtbot.waitSignal(window.exporting.failed, timeout=30000) as blocker:
            window.exporting.start(folder, "html")
        assert message in blocker.args[0]
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        assert any(message in box.text() for box in boxes)
        for box in boxes:
            box.close()
        assert window.exporting.dialog is None
    assert (out / "team-notes.html").read_text("utf-8") == "<p>our notes</p>"
    assert (out / "index.html").is_file() and notes.read_text() == "keep"


def test_cancelling_the_choice_starts_nothing(qtbot: QtBot, make_window: WindowFactory,
                                             demo_library: Path) -> None:
    window = formats_read(qtbot, make_window(demo_library))
    window.exporting.choose_folder = lambda _title: ""
    window.actions_["export.html"].trigger()
    assert window.exporting.task is None and window.exporting.dialog is None
    assert window.exporting.options_dialog is None
    window.exporting.choose_folder = lambda _title: "/nowhere"
    window.actions_["export.html"].trigger()
    options = window.exporting.options_dialog
    assert options is not None
    options.reject()
    qtbot.waitUntil(lambda: window.exporting.options_dialog is None, timeout=30_000)
    assert window.exporting.task is None and window.exporting.dialog is None


def test_cancelling_the_progress_dialog_stops_the_export(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path, tmp_path: Path) -> None:
    import threading

    window = make_window(demo_library)
    kb = window.kb
    real = kb.exports.export
    gate = threading.Event()
    started = threading.Event()

    def gated(*args, **kwargs):
        started.set()
        gate.wait(20)
        return real(*args, **kwargs)

    kb.exports.export = gated
    out = tmp_path / "site"
    try:
        task = window.exporting.start(out, "html")
        assert task is not None
        qtbot.waitUntil(started.is_set, timeout=30_000)
        assert window.exporting.start(out, "html") is None  # one export at a time
        button = window.exporting.dialog.findChild(QPushButton)
        assert button is not None and button.isVisible()
        with qtbot.waitSignal(task.cancelled, timeout=30000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            gate.set()
    finally:
        gate.set()
    assert not out.exists()
    assert "cancelled" in window.statusBar().currentMessage().lower()
    assert window.exporting.dialog is None
