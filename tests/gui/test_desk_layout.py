"""The desk fits every screen: the first window inside the available area, panes that never
collapse, View → Reset layout, and a reply check that leaves five results in view."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QSplitter, QWidget
from pytestqt.qtbot import QtBot

from kbdesk.core import Settings
from kbdesk.gui.desklayout import (
    DEFAULT_SIZE,
    FRAME_ALLOWANCE,
    MAIN_MINIMUM_WIDTHS,
    RESULT_ROWS_VISIBLE,
    first_geometry,
)
from kbdesk.gui.mainwindow import MainWindow
from tests.gui.conftest import search

SMALL = QRect(0, 0, 1024, 640)
LAPTOP = QRect(0, 0, 1366, 768)


@pytest.fixture
def desk(qtbot: QtBot, demo_library: Path) -> Iterator[Callable[[QRect], MainWindow]]:
    """Open a window as on first run on a screen whose available area is given."""
    windows: list[MainWindow] = []

    def make(available: QRect) -> MainWindow:
        window = MainWindow(Settings.load(), library=demo_library)
        qtbot.addWidget(window)
        windows.append(window)
        window.desk.fit(available)
        window.show()
        with qtbot.waitSignal(window.indexReady, timeout=30000):
            window.start()
        return window

    yield make
    for window in windows:
        window.shutdown()


@pytest.mark.parametrize("screen", [QRect(0, 0, 800, 600), SMALL, LAPTOP,
                                    QRect(1920, 0, 1920, 1040)])
def test_the_first_geometry_fits_the_available_area(screen: QRect) -> None:
    geometry = first_geometry(screen)
    framed = geometry.adjusted(-FRAME_ALLOWANCE.width() // 2, -(FRAME_ALLOWANCE.height()
                               - FRAME_ALLOWANCE.width() // 2),
                               FRAME_ALLOWANCE.width() // 2, FRAME_ALLOWANCE.width() // 2)
    assert screen.contains(framed), (screen, framed)
    if screen.width() >= 1400 and screen.height() >= 900:
        assert geometry.size() == DEFAULT_SIZE


def test_at_1024x640_the_whole_window_and_its_status_bar_are_on_screen(desk) -> None:
    window = desk(SMALL)
    assert window.width() <= SMALL.width() and window.height() <= SMALL.height()
    assert SMALL.contains(window.frameGeometry())
    bar = window.statusBar()
    assert bar.isVisible()
    corner = bar.mapToGlobal(QPoint(bar.width() - 1, bar.height() - 1))
    assert SMALL.contains(bar.mapToGlobal(QPoint(0, 0))) and SMALL.contains(corner)


def _pane_widths(window: MainWindow) -> list[int]:
    return window.splitter.sizes()


def _open_procedure(qtbot: QtBot, window: MainWindow) -> None:
    """Open a procedure and wait until its checklist pane has a usable width."""
    window.open_document("sop-refund")
    assert window.panels.currentWidget() is window.panels.checklist_panel
    qtbot.waitUntil(lambda: _pane_widths(window)[2] >= MAIN_MINIMUM_WIDTHS[2], timeout=30_000)


def test_the_checklist_pane_never_collapses(desk, qtbot: QtBot) -> None:
    window = desk(SMALL)
    window.open_document("phrasing-callback")
    assert window.panels.currentWidget() is window.panels.phrasing_panel
    _open_procedure(qtbot, window)
    assert min(_pane_widths(window)) >= min(MAIN_MINIMUM_WIDTHS)
    width = window.splitter.width()
    window.splitter.setSizes([width // 2, width // 2, 0])  # as a drag to the edge would
    assert _pane_widths(window)[2] >= MAIN_MINIMUM_WIDTHS[2]
    assert window.panels.checklist_panel.width() >= MAIN_MINIMUM_WIDTHS[2]


def test_a_reader_dragged_shut_comes_back_with_the_next_document(desk, qtbot: QtBot) -> None:
    window = desk(SMALL)
    _open_procedure(qtbot, window)
    width = window.splitter.width()
    window.splitter.setSizes([width // 2, 0, width // 2])
    assert _pane_widths(window)[1] == 0  # the reader may fold (it does for phrasings)
    window.open_document("complaint-handbook")
    qtbot.waitUntil(lambda: _pane_widths(window)[1] >= MAIN_MINIMUM_WIDTHS[1], timeout=30_000)


def test_a_saved_collapsed_pane_comes_back_usable(qtbot: QtBot, desk) -> None:
    old = QSplitter()  # a layout saved by a version whose panes could collapse
    qtbot.addWidget(old)
    for _ in range(3):
        old.addWidget(QWidget())
    old.resize(1000, 400)
    old.setSizes([500, 500, 0])
    assert old.sizes()[2] == 0
    store = MainWindow.window_settings()
    store.setValue("splitter/main", old.saveState())
    store.sync()
    window = desk(SMALL)
    _open_procedure(qtbot, window)


def test_reset_layout_restores_the_default(desk, qtbot: QtBot) -> None:
    window = desk(LAPTOP)
    _open_procedure(qtbot, window)
    default = _pane_widths(window)
    window.actions_["view.reply_check"].trigger()
    width = window.splitter.width()
    window.splitter.setSizes([width - 2 * 250, 250, 250])
    assert _pane_widths(window) != default
    window.actions_["view.reset_layout"].trigger()
    assert not window.reply_dock.isVisible()
    assert _pane_widths(window) == default
    assert window.side.splitter.sizes()[1] > 0  # categories, favourites, recents


@pytest.mark.parametrize("screen", [SMALL, LAPTOP], ids=["1024x640", "1366x768"])
def test_the_reply_check_leaves_five_results_in_view(desk, qtbot: QtBot, screen: QRect
                                                     ) -> None:
    window = desk(screen)
    rows = search(qtbot, window, "退款")
    assert len(rows) > RESULT_ROWS_VISIBLE
    tabs_before = window.side.splitter.sizes()
    window.actions_["view.reply_check"].trigger()
    assert window.reply_dock.isVisible()
    results = window.side.results
    fifth = results.visualRect(window.side.model.index(RESULT_ROWS_VISIBLE - 1))
    assert fifth.isValid() and fifth.bottom() < results.viewport().height()
    assert window.reply_dock.height() >= window.reply_dock.minimumSizeHint().height()
    window.actions_["view.reply_check"].trigger()
    assert not window.reply_dock.isVisible()
    assert window.side.splitter.sizes() == tabs_before


def test_size_constants_are_sane() -> None:
    assert DEFAULT_SIZE == QSize(1280, 800)
