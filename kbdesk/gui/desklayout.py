"""The desk's layout on any screen: the first window's size, panes that never collapse, the
reply-check dock's opening height and View → Reset layout.

The first window fits the screen's available area (``QScreen.availableGeometry``, injectable
for tests): at 1024×640 the whole window, status bar included, is on screen. The panes of the
three splitters cannot be dragged or squeezed below a usable width (children not collapsible,
minimum widths), and a pane shown again after being hidden gets a usable width back. The
reply-check dock opens no taller than leaves :data:`RESULT_ROWS_VISIBLE` search results in
view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QSplitter, QWidget

from kbdesk.core import Kind

if TYPE_CHECKING:
    from kbdesk.gui.mainwindow import MainWindow

#: the first window's size on a screen large enough for it
DEFAULT_SIZE = QSize(1280, 800)
#: default widths of the main splitter's panes: search side, reader, phrasing/checklist panels
MAIN_SIZES = (340, 480, 460)
#: default heights of the side pane's results and its tabs (categories, favourites, recents)
SIDE_SIZES = (520, 200)
#: default widths of the reader's contents and page
READER_SIZES = (170, 630)
#: the narrowest each main pane may become (side, reader, panels)
MAIN_MINIMUM_WIDTHS = (220, 260, 240)
#: the narrowest the reader's contents and page may become
READER_MINIMUM_WIDTHS = (90, 200)
#: search results that stay in view when the reply-check dock opens
RESULT_ROWS_VISIBLE = 5
#: space kept for the window frame a window manager adds around the first window
FRAME_ALLOWANCE = QSize(8, 36)


def first_geometry(available: QRect, frame: QSize = FRAME_ALLOWANCE) -> QRect:
    """The first window's geometry (without frame) inside the screen's ``available`` area."""
    width = min(DEFAULT_SIZE.width(), available.width() - frame.width())
    height = min(DEFAULT_SIZE.height(), available.height() - frame.height())
    left = available.x() + (available.width() - width) // 2
    top = available.y() + max(frame.height() - frame.width() // 2,
                              (available.height() - height) // 2)
    return QRect(left, top, width, height)


def panes(splitter: QSplitter) -> list[QWidget]:
    """The widgets of a splitter, in order."""
    found = (splitter.widget(number) for number in range(splitter.count()))
    return [pane for pane in found if pane is not None]


def _guard(splitter: QSplitter, minimums: Sequence[int]) -> None:
    """A horizontal splitter whose panes keep at least their minimum widths."""
    splitter.setChildrenCollapsible(False)
    for pane, minimum in zip(panes(splitter), minimums, strict=True):
        pane.setMinimumWidth(minimum)


class _ShownWatcher(QObject):
    """Gives a main pane its width back when it is shown again too narrow."""

    def __init__(self, desk: DeskLayout) -> None:
        super().__init__(desk.window)
        self.desk = desk

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:  # after the layout the document asks for
            QTimer.singleShot(0, self, self.desk.widen_narrow_panes)
        return False


class DeskLayout:
    """Sizes and restores the layout of one main window.

    Args:
        window: the main window (its splitters, reply dock and side pane).
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        _guard(window.splitter, MAIN_MINIMUM_WIDTHS)
        # the reader alone may fold: it does while a phrasing is read in its panel (TeamUi),
        # and it gets its width back when another document opens
        window.splitter.setCollapsible(1, True)
        _guard(window.reader.splitter, READER_MINIMUM_WIDTHS)
        # the results never fold; the tabs under them (categories, favourites, recents) fold
        # away while the reply check needs their height on a short screen
        window.side.splitter.setChildrenCollapsible(False)
        window.side.splitter.setCollapsible(1, True)
        self._side_before: list[int] | None = None
        self._watcher = _ShownWatcher(self)
        for pane in panes(window.splitter):
            pane.installEventFilter(self._watcher)
        # after the phrasing layout has folded or unfolded the reader
        window.opened.connect(lambda *_a: QTimer.singleShot(0, window, self.widen_narrow_panes))

    def fit(self, available: QRect | None = None) -> None:
        """Size and place the window for the screen's available area (default: its screen)."""
        if available is None:
            available = self.window.screen().availableGeometry()
        self.window.setGeometry(first_geometry(available))

    def reset(self) -> None:
        """View → Reset layout: the default pane sizes and the reply check closed."""
        window = self.window
        window.reply_dock.hide()
        self._side_before = None
        self._settle()
        window.splitter.setSizes(list(MAIN_SIZES))
        window.side.splitter.setSizes(list(SIDE_SIZES))
        window.reader.splitter.setSizes(list(READER_SIZES))

    def widen_narrow_panes(self) -> None:
        """Give every visible main pane at least its usable width (a saved layout or a hidden
        pane shown again may hold less)."""
        splitter = self.window.splitter
        if not splitter.isVisible():
            return  # not laid out yet: its sizes mean nothing
        sizes = splitter.sizes()
        doc = self.window.reader.document
        reading_phrasing = doc is not None and doc.kind is Kind.PHRASING
        short = [n for n, (pane, size) in enumerate(zip(panes(splitter), sizes, strict=True))
                 if pane.isVisibleTo(self.window) and size < MAIN_MINIMUM_WIDTHS[n]
                 and not (n == 1 and reading_phrasing)]
        if not short:
            return
        for number in short:
            sizes[number] = MAIN_SIZES[number]
        splitter.setSizes(sizes)

    def result_rows_in_view(self) -> float:
        """How many search-result rows the results list has room for."""
        results = self.window.side.results
        return results.viewport().height() / self.row_height()

    def row_height(self) -> int:
        """The height of one search-result row."""
        results = self.window.side.results
        delegate = results.itemDelegate()
        row_height = getattr(delegate, "row_height", None)
        return int(row_height(results.font())) if row_height else results.fontMetrics().height() * 3

    def open_reply_check(self) -> None:
        """Show the reply-check dock no taller than leaves the results their rows."""
        window = self.window
        dock = window.reply_dock
        side = window.side
        self._side_before = side.splitter.sizes()
        dock.show()
        window.resizeDocks([dock], [dock.minimumSizeHint().height()], Qt.Orientation.Vertical)
        self._settle()
        if self.result_rows_in_view() < RESULT_ROWS_VISIBLE:  # the side tabs give way first
            side.splitter.setSizes([sum(side.splitter.sizes()), 0])
            self._settle()
        room = self.result_rows_in_view() - RESULT_ROWS_VISIBLE
        spare = int(room * self.row_height())
        if spare > 0:
            wanted = min(dock.height() + spare, window.height() // 2)
            window.resizeDocks([dock], [wanted], Qt.Orientation.Vertical)
            self._settle()

    def close_reply_check(self) -> None:
        """Hide the reply-check dock; the side pane's tabs get their height back."""
        self.window.reply_dock.hide()
        self._settle()
        if self._side_before is not None:
            self.window.side.splitter.setSizes(self._side_before)
            self._side_before = None

    def _settle(self) -> None:
        """Lay the window out now (sizes are read right after)."""
        for widget in (self.window, self.window.side, *panes(self.window.side.splitter)[:1]):
            layout = widget.layout()
            if layout is not None:
                layout.activate()
