"""The team's side of the main window: the start screen, flagging a section from the reader's
context menu, the supervisor's read receipts, joining a shared library, the collapsible
contents pane, and broken library files as a quiet note for agents.

``TeamUi(window)`` connects itself to a ``MainWindow``; the window keeps a reference.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction

from kbdesk.gui.suggestionsview import SuggestionsDialog
from kbdesk.gui.teamviews import ReceiptsDialog, flag_section, start_html

log = logging.getLogger(__name__)

#: below this window width the contents pane starts hidden, so the reader gets the width
NARROW_WIDTH = 1400


class TeamUi(QObject):
    """Team features of one main window.

    Signals:
        startReady(): the start screen was built again (and shown if no document is open).
        flagged(object flag): a flag raised from the reader was recorded (off the UI thread).
    """

    startReady = Signal()
    flagged = Signal(object)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self._start_html = ""
        self.windows: list[Any] = []
        reader = window.reader
        reader.start_page = self.start_page_html
        reader.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        reader.browser.customContextMenuRequested.connect(self._reader_menu)
        actions = window.actions_
        actions.connect("reader.flag", self.flag_current_section)
        actions.connect("team.receipts", self.show_receipts)
        actions.connect("team.suggestions", self.show_suggestions)
        actions.connect("go.start", self.show_start)
        actions.connect("library.join", self.join_library)
        contents = actions["view.contents"]
        contents.setChecked(window.width() >= NARROW_WIDTH)
        reader.toc.setVisible(contents.isChecked())
        contents.toggled.connect(reader.toc.setVisible)
        reader.splitter.setCollapsible(0, True)
        window.indexReady.connect(self._refresh_start)
        window.reader.documentShown.connect(lambda *_a: self._update_flag_action())
        window.opened.connect(lambda *_a: self._phrasing_layout())
        window.opened.connect(lambda *_a: QTimer.singleShot(0, self, self.fit_columns))
        window.installEventFilter(self)
        self._reader_width = 0
        self._update_flag_action()

    # -- start screen -------------------------------------------------------------------------

    def start_page_html(self) -> str:
        """The start screen last built (built off the UI thread once the index is ready)."""
        return self._start_html

    def _refresh_start(self) -> None:
        """Build the start screen for the agent named in Settings, on the task runner."""
        kb = self.window.kb
        if kb is None:
            return
        agent = str(self.window.settings.get("agent_name") or "")
        favourites = self.window.state.favourites()
        script = self.window.script
        task = self.window.runner.submit(
            lambda _p, _c: start_html(kb.reading.start_page(agent, favourites), script),
            name="start", owner=self.window)
        task.succeeded.connect(self._start_ready)
        task.failed.connect(lambda error: log.warning("start screen not available: %s", error))

    def _start_ready(self, html: str) -> None:
        self._start_html = html
        if self.window.reader.document is None:
            self.window.reader._show_empty()
        self.startReady.emit()

    def show_start(self) -> None:
        """Go to the start screen (built anew: acknowledgements and favourites change)."""
        self.window.reader.show_start()
        self._refresh_start()

    # -- phrasings: shown once, in the panel with its copy buttons ----------------------------

    def _phrasing_layout(self) -> None:
        """A phrasing document is read in the phrasing panel (texts, copy buttons, notes): the
        reader column folds away so the same text is never shown twice side by side."""
        window = self.window
        doc = window.reader.document
        sizes = window.splitter.sizes()
        if doc is not None and doc.kind.value == "phrasing":
            if sizes[1] > 0:
                self._reader_width = sizes[1]
                window.splitter.setSizes([sizes[0], 0, sizes[1] + sizes[2]])
        elif self._reader_width and sizes[1] == 0:
            rest = max(sizes[2] - self._reader_width, 0)
            window.splitter.setSizes([sizes[0], self._reader_width, rest])
            self._reader_width = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self.fit_columns)  # once the splitter has its new width
        return False

    def fit_columns(self) -> None:
        """Keep the reader readable beside a checklist: at narrow widths (1024×640) the side
        pane keeps what its search box needs and the reader gets more than the panel."""
        window = self.window
        sizes = window.splitter.sizes()
        if len(sizes) < 3 or not window.panels.isVisible() or sizes[1] == 0:
            return
        reading = sizes[1] + sizes[2]
        if reading <= 0 or sizes[1] >= 0.5 * reading:
            return
        side = max(min(sizes[0], 300), window.side.minimumSizeHint().width())
        rest = sum(sizes) - side
        panel = int(rest * 0.48)
        window.splitter.setSizes([side, rest - panel, panel])

    # -- flags --------------------------------------------------------------------------------

    def _update_flag_action(self) -> None:
        self.window.actions_["reader.flag"].setEnabled(self.window.reader.document is not None)

    def flag_current_section(self, ask: Any = None) -> Any:
        """Flag the section shown in the reader as outdated or unclear; the flag is recorded
        on the runner (``flagged`` then; returns the task, None when nothing was asked)."""
        window = self.window
        doc = window.reader.document
        if doc is None or window.kb is None:
            return None
        agent = str(window.settings.get("agent_name") or "")
        task = flag_section(window, window.kb, doc, window.reader.current_section, agent, ask,
                            runner=window.runner)
        if task is not None:
            task.succeeded.connect(self._flagged)
        return task

    def _flagged(self, flag: Any) -> None:
        self.window._status(self.tr("Flagged for the editors: it goes with the next sync."))
        self.flagged.emit(flag)

    def _reader_menu(self, pos: QPoint) -> None:
        browser = self.window.reader.browser
        menu = browser.createStandardContextMenu(pos)
        menu.addSeparator()
        action: QAction = self.window.actions_["reader.flag"]
        menu.addAction(action)
        menu.exec(browser.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- supervisor ---------------------------------------------------------------------------

    def show_receipts(self) -> ReceiptsDialog | None:
        """Open the read receipts of the team (non-modal)."""
        if self.window.kb is None:
            return None
        dialog = ReceiptsDialog(self.window.kb, self.window.runner, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_suggestions(self) -> SuggestionsDialog | None:
        """Open the team's search suggestions (non-modal; Accept for editors)."""
        window = self.window
        if window.kb is None:
            return None
        dialog = SuggestionsDialog(window.kb, window.runner, window.settings, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- joining ------------------------------------------------------------------------------

    def join_library(self) -> None:
        """Ask for a shared library to join; it becomes the library from the next start."""
        from kbdesk.gui.joining import JoinDialog

        dialog = JoinDialog(self.window, first_run=False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.joined.connect(lambda folder: self.window._status(
            self.tr("Joined: %1 is your library from the next start.").replace("%1", folder)))
        dialog.show()

    # -- broken files -------------------------------------------------------------------------

    def library_problems(self) -> None:
        """Broken library files: the list for editors, a quiet status-bar note for agents."""
        window = self.window
        if not window.problems:
            return
        if window.editorial.is_editor:
            window.show_problems()
            return
        window._status(self.tr("%n library file(s) could not be read; the editors can see "
                               "which in File → Library problems.", "", len(window.problems)))

