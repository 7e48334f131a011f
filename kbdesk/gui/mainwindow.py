"""The main window: side pane (search, filters, lists), reader, phrasing/checklist panel.

The window is a thin client of ``KnowledgeBase``: opening the library and (re)building the
index run on the task runner's single writer; searches run on its read pool through the
``SearchController``. The window is shown before any of that starts and never waits for it.

Signals of :class:`MainWindow`:
    libraryOpened(): the library was read (documents, categories and problems are known).
    indexReady(): the search index can be searched.
    resultsShown(str query, int count): the result list shows the answer to a query.
    opened(str doc_id, str anchor): a document was opened in the reader.
    statusMessage(str): a short message was shown in the status bar.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import weakref
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolBar,
    QToolButton,
    QWidget,
)

from kbdesk import __version__
from kbdesk.core import (
    Clock,
    IndexDamaged,
    KbError,
    Kind,
    KnowledgeBase,
    SearchHit,
    Settings,
    UserState,
    paths,
)
from kbdesk.gui.actions import ActionRegistry, ShortcutsDialog
from kbdesk.gui.controller import AppController
from kbdesk.gui.desklayout import MAIN_SIZES, DeskLayout
from kbdesk.gui.docpanels import DocPanels
from kbdesk.gui.editorial_ui import EditorialUi
from kbdesk.gui.exporting import ExportUi
from kbdesk.gui.importwizard import ImportUi
from kbdesk.gui.notices import ProblemsNotice, show_error
from kbdesk.gui.reader import ReaderView
from kbdesk.gui.results import MoreRow, updated_label
from kbdesk.gui.searching import SearchController
from kbdesk.gui.settingsdialog import CHOICES, SettingsDialog
from kbdesk.gui.sidepane import SidePane
from kbdesk.gui.suggestionsview import record_open
from kbdesk.gui.tasks import Task, TaskRunner
from kbdesk.gui.teamui import TeamUi

log = logging.getLogger(__name__)

SCRIPTS = ("original", "tw", "hk", "cn")


class OpenLibraryClock(Clock):
    """The clock of the library open in a window (``kb.clock``, which follows its
    ``set_clock``): it stamps the agent's recents and searches without results. Nothing is
    stamped before a library is open; asked then, it raises KbError. (It keeps the window
    weakly: the window's state holds it.)"""

    def __init__(self, window: MainWindow) -> None:
        self._window = weakref.ref(window)

    def now(self) -> dt.datetime:
        window = self._window()
        if window is None:
            raise KbError("the window is closed: no library's clock to read")
        return window.require_kb().clock.now()
NO_RESULTS_DELAY_MS = 1500


class MainWindow(QMainWindow):
    """The agent's window. See the module docstring for its signals.

    Args:
        settings: the user's settings (saved when changed here).
        library: a library folder that overrides the setting (``--library``).
    """

    libraryOpened = Signal()
    indexReady = Signal()
    resultsShown = Signal(str, int)
    opened = Signal(str, str)
    statusMessage = Signal(str)

    def __init__(self, settings: Settings, library: str | Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.library_arg = library
        self.state = UserState.load(clock=OpenLibraryClock(self))
        self.problems: list[Any] = []
        self._settled = False  # the first index became ready (the heap frozen, see _index_done)
        self.runner = TaskRunner(self)
        self.search = SearchController(self.runner, self)
        # the library, indexing, sync and the day change; the window shows what it reports
        self.app = AppController(settings, library, self.runner, self)
        self.setWindowTitle("kbdesk")
        self.setObjectName("mainWindow")

        self.actions_ = ActionRegistry(self)
        self.side = SidePane(self)
        self.reader = ReaderView(self._load_document, self)
        self.reader.runner = self.runner  # long pages render off the UI thread
        self.reader.updated_on = lambda doc: self.kb.versions.updated_on(doc) if self.kb else None
        self.panels = DocPanels(settings, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(self.panels)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(list(MAIN_SIZES))
        self.setCentralWidget(self.splitter)
        self.reply_dock = QDockWidget(self.tr("Reply check"), self)
        self.reply_dock.setObjectName("replyDock")
        self.reply_dock.setWidget(self.panels.make_reply_check(self._avoid_entries))
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.reply_dock)
        self.reply_dock.hide()
        self.desk = DeskLayout(self)  # fits the screen; panes never collapse; Reset layout
        self.problems_notice = ProblemsNotice(self)
        self._build_toolbar_and_menus()
        self._build_status_bar()
        self._connect()
        self._connect_app()
        self.editorial = EditorialUi(self)  # Editor menu, sync, update banners
        self.exporting = ExportUi(self)  # File → Export ▸ (one entry per format)
        self.importing = ImportUi(self)  # File → Import, files dropped on the window
        self.team_ui = TeamUi(self)  # start screen, flags, read receipts, joining
        self.no_results_timer = QTimer(self)
        self.no_results_timer.setSingleShot(True)
        self.no_results_timer.setInterval(NO_RESULTS_DELAY_MS)
        self.no_results_timer.timeout.connect(self._log_no_results)
        self._no_results_query = ""
        self._no_results_match = "none"
        self.set_script(self.settings.get("display_script"), save=False)
        self.actions_["filter.all"].setChecked(True)
        self._restore_geometry()
        self.refresh_lists()
        self._update_history_actions()
        self.side.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building -----------------------------------------------------------------------------

    def _build_toolbar_and_menus(self) -> None:
        self.actions_.build_menus(self.menuBar())
        self.toolbar = QToolBar(self.tr("Toolbar"), self)
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_.build_toolbar(self.toolbar)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(QLabel(self.tr("Script:") + " ", self.toolbar))
        self.script_combo = QComboBox(self.toolbar)
        self.script_combo.setObjectName("scriptCombo")
        from PySide6.QtCore import QCoreApplication

        for script in SCRIPTS:
            self.script_combo.addItem(QCoreApplication.translate("SettingsDialog",
                                                                 CHOICES[script]), script)
        self.script_combo.setToolTip(self.tr("How Chinese text is shown (Ctrl+Alt+0…3)"))
        self.script_combo.currentIndexChanged.connect(
            lambda i: self.set_script(self.script_combo.itemData(i)))
        self.toolbar.addWidget(self.script_combo)
        self.addToolBar(self.toolbar)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.library_label = QLabel(self)
        self.docs_label = QLabel(self)
        self.index_label = QLabel(self)
        self.index_label.setObjectName("indexState")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QToolButton(self)
        self.cancel_button.setDefaultAction(self.actions_["index.cancel"])
        self.cancel_button.hide()
        self.problems_button = QToolButton(self)
        self.problems_button.setAutoRaise(True)
        self.problems_button.clicked.connect(self.show_problems)
        self.problems_button.hide()
        for widget in (self.library_label, self.docs_label, self.problems_button):
            bar.addWidget(widget)
        permanent: tuple[QWidget, ...] = (self.index_label, self.progress, self.cancel_button)
        for lasting in permanent:
            bar.addPermanentWidget(lasting)
        self._set_index_state("opening")

    def _connect(self) -> None:
        a = self.actions_
        a.connect("app.quit", self.close)
        a.connect("app.settings", self.open_settings)
        a.connect("library.reload", lambda: self.start_indexing(reload=True))
        a.connect("index.rebuild", lambda: self.start_indexing(rebuild=True))
        a.connect("index.cancel", self.cancel_indexing)
        a.connect("library.problems", self.show_problems)
        a.connect("search.focus", self.side.focus_search)
        a.connect("find", self.find)
        a.connect("find.next", lambda: self._find_again(False))
        a.connect("find.previous", lambda: self._find_again(True))
        a.connect("phrasing.copy", self.copy_phrasing)
        a.connect("reader.copy_link", self.copy_link)
        a.connect("reader.zoom_in", self.reader.zoom_in)
        a.connect("reader.zoom_out", self.reader.zoom_out)
        a.connect("reader.zoom_reset", self.reader.zoom_reset)
        a.connect("go.back", self.reader.back)
        a.connect("go.forward", self.reader.forward)
        a.connect("go.results", self.side.focus_results)
        a.connect("doc.favourite", self.toggle_favourite)
        a.connect("help.shortcuts", self.show_shortcuts)
        a.connect("help.about", self.show_about)
        a.connect("view.reset_layout", self.desk.reset)
        a["view.reply_check"].toggled.connect(self._toggle_reply_check)
        self.reply_dock.visibilityChanged.connect(a["view.reply_check"].setChecked)
        for kind_id, kind in (("filter.all", None), ("filter.handbook", Kind.HANDBOOK),
                              ("filter.phrasing", Kind.PHRASING),
                              ("filter.procedure", Kind.PROCEDURE)):
            a.connect(kind_id, lambda k=kind: self.side.set_kind(k))  # type: ignore[misc]
        for script in SCRIPTS:
            a.connect(f"script.{script}", lambda s=script: self.set_script(s))  # type: ignore[misc]
        self.side.queryChanged.connect(self._query_changed)
        self.side.kindChanged.connect(self._filters_changed)
        self.side.categoryChanged.connect(self._filters_changed)
        self.side.openRow.connect(self.open_row)
        self.side.openDocument.connect(lambda doc_id: self.open_document(doc_id))
        self.search.resultsReady.connect(self._show_results)
        self.search.searchFailed.connect(self._search_failed)
        self.search.waitingChanged.connect(lambda _w: self._update_info())
        self.reader.historyChanged.connect(self._update_history_actions)
        self.reader.openRequested.connect(self.open_document)
        self.reader.escapePressed.connect(self.side.focus_search)
        self.reader.sectionChanged.connect(self.panels.follow_section)
        self.runner.busyChanged.connect(lambda busy: self.cancel_button.setVisible(busy))

    # -- start-up and indexing (the work is the AppController's) ------------------------------

    @property
    def kb(self) -> KnowledgeBase | None:
        """The knowledge base, once the library is open."""
        return self.app.kb

    @property
    def index_state(self) -> str:
        """opening, indexing, ready, cancelled or failed."""
        return self.app.index_state

    def start(self) -> None:
        """Open the library and its index in the background (call once the window shows)."""
        self.app.start()

    def start_indexing(self, *, rebuild: bool = False, reload: bool = False) -> Task | None:
        """Bring the index up to date on the writer worker; searches wait until it is done."""
        return self.app.start_indexing(rebuild=rebuild, reload=reload)

    def cancel_indexing(self) -> None:
        """Stop a running index build (the old index stays usable when there is one)."""
        self.app.cancel_indexing()

    def _connect_app(self) -> None:
        app = self.app
        app.libraryOpened.connect(self._library_opened)
        app.libraryFailed.connect(self._library_failed)
        app.indexStateChanged.connect(self._set_index_state)
        app.indexProgress.connect(self._index_progress)
        app.indexStarted.connect(lambda: self.search.set_ready(False))
        app.indexed.connect(self._index_done)
        app.indexFailed.connect(self._index_failed)

    def _library_opened(self, kb: KnowledgeBase) -> None:
        self.panels.checklist_panel.set_library(kb.library_rules.working_calendar(),
                                                kb.clock.now)
        self.problems = list(kb.problems)
        self.search.set_backend(
            lambda query, kinds, categories: kb.search(query, kinds=kinds,
                                                       categories=categories, limit=50))
        self._library_changed()
        self.libraryOpened.emit()
        self.team_ui.library_problems()  # editors get the list, agents a quiet note

    def _library_failed(self, error: KbError) -> None:
        self.library_label.setText(self.tr("No library"))
        show_error(self, error, self.tr("The library cannot be opened"))

    def _library_changed(self) -> None:
        kb = self.kb
        if kb is None:
            return
        self.library_label.setText(kb.name)
        self.setWindowTitle(f"{kb.name} — kbdesk")
        self.library_label.setToolTip(str(kb.root))
        self.docs_label.setText(self.tr("%n document(s)", "", len(kb.documents())))
        self.side.set_categories(kb.library_rules.categories(), self.script)
        self.problems_notice.set_problems(self.problems)
        self.problems_button.setVisible(bool(self.problems))
        self.problems_button.setText(self.tr("%n problem(s)", "", len(self.problems)))
        self.panels.reload_entries()
        self.refresh_lists()
        if not self.search.query.strip():
            self._show_results("", None)

    def _index_progress(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)

    def _index_done(self, reloaded: bool) -> None:
        if reloaded and self.kb is not None:
            self.problems = list(self.kb.problems)
            self._library_changed()
        self.search.set_ready(True)
        if not self._settled:
            # What the window has loaded by now lives as long as the process: moved out of the
            # collector's reach, it is no longer walked by every full collection, a pause of a
            # tenth of a second and more on the UI thread once the heap is large.
            self._settled = True
            gc.freeze()
        self.indexReady.emit()

    def _index_failed(self, error: KbError) -> None:
        show_error(self, error, self.tr("The search index cannot be built"))

    def _set_index_state(self, state: str) -> None:
        texts = {
            "opening": self.tr("Opening the library…"),
            "indexing": self.tr("Indexing…"),
            "ready": self.tr("Index ready"),
            "cancelled": self.tr("Indexing stopped"),
            "failed": self.tr("Index not available"),
        }
        self.index_label.setText(texts[state])
        busy = state in ("opening", "indexing")
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        self._update_info()

    # -- searching ----------------------------------------------------------------------------

    def _query_changed(self, text: str) -> None:
        self.no_results_timer.stop()
        self.search.set_query(text)

    def _filters_changed(self, *_args: object) -> None:
        kind = self.side.kind
        for action_id, value in (("filter.all", None), ("filter.handbook", Kind.HANDBOOK),
                                 ("filter.phrasing", Kind.PHRASING),
                                 ("filter.procedure", Kind.PROCEDURE)):
            if value == kind:
                self.actions_[action_id].setChecked(True)
        index = self.side.categories.currentIndex()
        category = str(index.data(Qt.ItemDataRole.UserRole + 1) or "") if index.isValid() else ""
        self.search.set_filters((kind,) if kind else (), (category,) if category else ())

    def _show_results(self, query: str, result: Any) -> None:
        rows = self._browse_rows() if result is None else result.hits
        terms = () if result is None else result.highlight_terms
        self.side.model.set_rows(rows, terms, self._updated_among(rows))
        if self.side.model.rowCount():
            self.side.results.setCurrentIndex(self.side.model.index(0))
        self._update_info(query, result)
        gap = result.gap if query and result is not None else None
        if gap is not None:  # nothing found, or only partial matches (the core's rule)
            self._no_results_query = query
            self._no_results_match = gap
            self.no_results_timer.start()
        self.resultsShown.emit(query, len(rows))

    def _search_failed(self, _query: str, error: KbError) -> None:
        if isinstance(error, IndexDamaged):  # rebuilt on the writer, never on a reader
            self.start_indexing(rebuild=True)
            self._status(self.tr("The search index was damaged; rebuilding it…"))
            return
        show_error(self, error)

    def _updated_among(self, rows: list[SearchHit]) -> set[str]:
        """The documents of ``rows`` to mark 已更新 (the core's rule)."""
        if self.kb is None:
            return set()
        return self.kb.reading.updated_among({row.doc_id: row.version for row in rows})

    def _browse_rows(self) -> list[SearchHit]:
        if self.kb is None:
            return []
        category = self.search.categories[0] if self.search.categories else ""
        return [SearchHit.of_document(d)
                for d in self.kb.reading.browse(self.side.kind, category)]

    def _update_info(self, query: str | None = None, result: Any = None) -> None:
        if self.search.waiting:
            text = self.tr("Searching as soon as the index is ready…")
        elif query and result is not None and not result.hits:
            text = self.tr("Nothing found for “%1”. Try fewer or other words.").replace(
                "%1", query)
        elif query and result is not None and result.partial and result.exact:
            text = self.tr("%1 results with every word, then partial matches:").replace(
                "%1", str(result.exact))
        elif query and result is not None and result.partial:
            text = self.tr("No result has every word; closest matches:")
        else:
            text = ""
        self.side.info.setText(text)
        self.side.info.setVisible(bool(text))

    def _log_no_results(self) -> None:
        query = self._no_results_query
        if query and query == self.search.query.strip() and self.settings.get("log_no_results"):
            state, match = self.state, self._no_results_match  # appended off the UI thread
            task = self.runner.submit(lambda _p, _c: state.log_no_results(query, match=match),
                                      name="log no results", ordered=True, owner=self)
            task.failed.connect(lambda error: log.warning("search not logged: %s", error))

    # -- opening ------------------------------------------------------------------------------

    def require_kb(self) -> KnowledgeBase:
        """The knowledge base (KbError while the library is still opening)."""
        if self.kb is None:
            raise KbError(self.tr("The library is not open yet."))
        return self.kb

    def _load_document(self, doc_id: str) -> Any:
        if self.kb is None:
            raise KbError(self.tr("The library is not open yet."))
        return self.editorial.document_for_reader(doc_id)  # agents: the version in force

    def open_row(self, row: int) -> None:
        """Open a result row in the reader at its section, with the words highlighted."""
        result = self.side.model.row_at(row)
        if isinstance(result, MoreRow):  # a document's folded hits: show them
            self.side.model.expand(result.doc_id)
            self.side.results.setCurrentIndex(self.side.model.index(row))
        elif result is not None:
            self.open_document(result.doc_id, result.anchor, self.side.model.terms,
                               found_as=result.found_as)
            record_open(self, result.doc_id)  # for the team's search suggestions

    def open_document(self, doc_id: str, anchor: str = "", terms: Any = (), *,
                      found_as: str = "") -> None:
        """Open a document (by id or path) in the reader; ``found_as``: the search expansion
        the hit was found through, shown in the reader's header."""
        try:
            self.reader.show_document(doc_id, anchor, terms, found_as=found_as)
        except KbError as exc:
            show_error(self, exc)
            return
        doc = self.reader.document
        assert doc is not None
        self.panels.set_document(doc, self.script, anchor)
        self.state.add_recent(doc.id, save=False)  # written off the UI thread, in order
        self._save_state("recents")
        self.side.model.mark_seen(doc.id)
        self._update_favourite_action()
        self.opened.emit(doc.id, anchor)  # marks the version seen (EditorialUi)
        self.refresh_lists()

    def _save_state(self, what: str) -> None:
        """Write this workstation's state (recents, favourites) off the UI thread, in order."""
        state = self.state
        task = self.runner.submit(lambda _p, _c: state.save(), name=f"save {what}",
                                  ordered=True, owner=self)
        task.failed.connect(lambda error: log.warning("%s not saved: %s", what, error))

    # -- actions ------------------------------------------------------------------------------

    @property
    def script(self) -> str:
        """The display script in use."""
        return str(self.settings.get("display_script"))

    def set_script(self, script: str, *, save: bool = True) -> None:
        """Show every text in another script (as written, Taiwan, Hong Kong, Simplified)."""
        if script not in SCRIPTS:
            return
        if script != self.settings.get("display_script"):
            self.settings.set("display_script", script)
            if save:
                try:
                    self.settings.save()
                except OSError as exc:
                    show_error(self, str(exc))
        self.actions_[f"script.{script}"].setChecked(True)
        self.script_combo.blockSignals(True)
        self.script_combo.setCurrentIndex(SCRIPTS.index(script))
        self.script_combo.blockSignals(False)
        self.side.model.set_script(script)
        self.reader.set_script(script)
        self.panels.set_script(script)
        if self.kb is not None:
            self.side.set_categories(self.kb.library_rules.categories(), script)
        self.refresh_lists()

    def _focus_in(self, widget: QWidget) -> bool:
        focus = self.focusWidget()
        return focus is not None and (focus is widget or widget.isAncestorOf(focus))

    def find(self) -> None:  # type: ignore[override]  # the window's Find, not QWidget.find
        """Ctrl+F: find in the page when the reader has the focus, else go to the search box."""
        if self.reader.document is not None and self._focus_in(self.reader):
            self.reader.open_find()
        else:
            self.side.focus_search()

    def _find_again(self, backward: bool) -> None:
        if self.reader.find_edit.text():
            self.reader.find_bar.show()
            self.reader.find_next(backward=backward)
        else:
            self.reader.open_find()

    def copy_phrasing(self) -> str | None:
        """Ctrl+Shift+C: copy the phrasing under the cursor in the reader, else the selected
        result's phrasing; returns the text copied."""
        if self.kb is None:
            return None
        if self.reader.document is not None and self._focus_in(self.panels):
            doc, anchor = self.reader.document, self.panels.phrasing_panel.current_anchor()
        elif self.reader.document is not None and self._focus_in(self.reader):
            doc, anchor = self.reader.document, self.reader.current_section
        else:
            row = self.side.current_row()
            if row is None:
                self._status(self.tr("Select a phrasing first."))
                return None
            try:
                doc, anchor = self.kb.document(row.doc_id), row.anchor
            except KbError as exc:
                show_error(self, exc)
                return None
        text = self.panels.copy_phrasing(doc, anchor, self.script)
        if text is None:
            if doc.kind is not Kind.PHRASING:
                self._status(self.tr("This is not a phrasing: nothing to copy."))
            return None
        self._status(self.tr("Copied: %1").replace("%1", text[:60]))
        return text

    def copy_link(self) -> None:
        """Copy the link of the section shown in the reader."""
        link = self.reader.copy_section_link()
        if link:
            self._status(self.tr("Link copied: %1").replace("%1", link))

    def toggle_favourite(self) -> None:
        """Add the open document to the favourites, or remove it."""
        doc = self.reader.document
        if doc is None:
            return
        self.state.toggle_favourite(doc.id, save=False)
        self._save_state("favourites")
        self.refresh_lists()
        self._update_favourite_action()

    def _update_favourite_action(self) -> None:
        doc = self.reader.document
        on = doc is not None and self.state.is_favourite(doc.id)
        self.actions_["doc.favourite"].setText(self.tr("★ Favourite") if on
                                               else self.tr("☆ Favourite"))

    def refresh_lists(self) -> None:
        """Fill the favourites and recents lists (titles in the display script)."""
        titles = {}
        if self.kb is not None:
            titles = {d.id: d.title for d in self.kb.documents()}
        if self.kb is not None:
            mark = f" · {updated_label()}"
            for doc_id in self.kb.reading.updated_documents() & set(titles):
                titles[doc_id] += mark
        favourites = [(i, titles[i]) for i in self.state.favourites() if i in titles]
        recents = [(r.doc_id, titles[r.doc_id]) for r in self.state.recents()
                   if r.doc_id in titles]
        self.side.fill_documents(self.side.favourites, favourites, self.script)
        self.side.fill_documents(self.side.recents, recents, self.script)

    def _toggle_reply_check(self, on: bool) -> None:
        if on and not self.reply_dock.isVisible():
            self.desk.open_reply_check()
        elif not on:  # the menu, the shortcut or the dock's own close button
            self.desk.close_reply_check()
        if on:
            self.panels.focus_reply_check()

    def _avoid_entries(self) -> list[Any]:
        return list(self.kb.library_rules.avoid_entries()) if self.kb is not None else []

    def _update_history_actions(self) -> None:
        self.actions_["go.back"].setEnabled(self.reader.can_go_back())
        self.actions_["go.forward"].setEnabled(self.reader.can_go_forward())

    def _status(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)
        self.statusMessage.emit(message)

    def open_settings(self) -> SettingsDialog:
        """Open the settings dialog (non-modal); changes apply when it is accepted."""
        dialog = SettingsDialog(self.settings, self)
        dialog.accepted.connect(lambda: self._settings_changed(dialog.changed_keys))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _settings_changed(self, keys: set[str]) -> None:
        if "display_script" in keys:
            self.set_script(self.settings.get("display_script"), save=False)
        if "library_dir" in keys and not self.library_arg:
            self._status(self.tr("The new library folder is used from the next start."))
        self.editorial.settings_changed(keys)

    def show_problems(self) -> None:
        """Show the non-modal list of broken library files."""
        self.problems_notice.set_problems(self.problems)
        self.problems_notice.show()

    def show_shortcuts(self) -> ShortcutsDialog:
        """Open Help → Keyboard shortcuts."""
        dialog = ShortcutsDialog(self.actions_, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> None:
        """Show the About box (non-modal)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About kbdesk"),
                          self.tr("kbdesk %1 — an offline knowledge base for customer service "
                                  "teams.").replace("%1", __version__),
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    # -- window state -------------------------------------------------------------------------

    @staticmethod
    def window_settings() -> QSettings:
        """Window geometry and splitter positions (kept apart from the user's settings)."""
        return QSettings(str(paths.data_dir() / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        store = self.window_settings()
        geometry = store.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.desk.fit()
        state = store.value("state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for name, splitter in (("main", self.splitter), ("side", self.side.splitter),
                               ("reader", self.reader.splitter)):
            value = store.value(f"splitter/{name}")
            if isinstance(value, QByteArray):
                splitter.restoreState(value)

    def save_geometry(self) -> None:
        """Remember the window's size, docks and splitters."""
        store = self.window_settings()
        store.setValue("geometry", self.saveGeometry())
        store.setValue("state", self.saveState())
        for name, splitter in (("main", self.splitter), ("side", self.side.splitter),
                               ("reader", self.reader.splitter)):
            store.setValue(f"splitter/{name}", splitter.saveState())
        store.sync()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.reader.refresh()
        super().changeEvent(event)

    def closeEvent(self, event: Any) -> None:
        self.save_geometry()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the workers and release the index (idempotent)."""
        self.no_results_timer.stop()
        self.runner.shutdown()
        self.app.shutdown()
