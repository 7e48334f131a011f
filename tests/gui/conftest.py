"""Fixtures for the desktop app tests: a copy of the demo library and ready windows."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kbdesk.core.workstation.settings import Settings
from kbdesk.gui.mainwindow import MainWindow
from tests.conftest import CONTENT_DIR

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def demo_library(tmp_path: Path) -> Path:
    """A private copy of the demo library."""
    target = tmp_path / "demo"
    shutil.copytree(CONTENT_DIR, target, ignore=shutil.ignore_patterns(".git"))
    return target


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[WindowFactory]:
    """Return a function opening a window on a library and waiting until it can search."""
    windows: list[MainWindow] = []

    def make(library: Path, *, settings: Settings | None = None, wait: bool = True
             ) -> MainWindow:
        window = MainWindow(settings or Settings.load(), library=library)
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1280, 800)
        window.show()
        if wait:
            with qtbot.waitSignal(window.indexReady, timeout=30000):
                window.start()
        else:
            window.start()
        return window

    yield make
    for window in windows:
        window.shutdown()
    # a window freezes the heap once ready, as it does once per process in the app; in the suite
    # the next test's objects must stay collectable
    gc.unfreeze()


def type_text(widget: QWidget, text: str) -> None:
    """Type text key by key, as a keyboard or an input method would (QTest.keyClicks cannot
    send characters outside Latin-1)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def search(qtbot: QtBot, window: MainWindow, text: str) -> list:
    """Type a query into the search box and wait for its results; return the rows."""
    window.side.search_box.clear()
    with qtbot.waitSignal(window.resultsShown, timeout=30_000,
                          check_params_cb=lambda query, _n: query == text):
        type_text(window.side.search_box, text)
    return window.side.model.rows
