"""A document's history: its versions in a table, any old version read-only, diffs and rollback.

Everything is read through the ``KnowledgeBase`` facade on the task runner (history, texts and
diffs off the UI thread; rollback on the single writer). An old version opens with a banner
saying it has been superseded and which version is current.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import (
    DocumentError,
    KbError,
    KnowledgeBase,
    PublishResult,
    Status,
    TextDiff,
    VersionInfo,
    render,
    split_front_matter,
)
from kbdesk.gui.changenote import ask_change_note
from kbdesk.gui.diffview import DiffView
from kbdesk.gui.i18n import QT_TRANSLATE_NOOP
from kbdesk.gui.notices import show_error
from kbdesk.gui.tablemodel import RowsTableModel
from kbdesk.gui.tasks import TaskRunner

log = logging.getLogger(__name__)



def author_name(author: str) -> str:
    """The name part of a git author line ("林編輯 <>" → "林編輯")."""
    return author.split(" <", 1)[0].strip() or author


class HistoryModel(RowsTableModel[VersionInfo]):
    """The versions of one document, newest first: version, date, author, change note."""

    VersionRole = RowsTableModel.KEY_ROLE
    CONTEXT = "HistoryModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("HistoryModel", "Version"),
        QT_TRANSLATE_NOOP("HistoryModel", "Date"),
        QT_TRANSLATE_NOOP("HistoryModel", "Author"),
        QT_TRANSLATE_NOOP("HistoryModel", "Change note"),
    )

    @property
    def versions(self) -> list[VersionInfo]:
        """The listed versions, newest first."""
        return self.rows

    def info(self, row: int) -> VersionInfo:
        """The version listed on ``row``."""
        return self.rows[row]

    def cell(self, info: VersionInfo, column: int) -> str | None:
        if column == 0:
            return "—" if info.version is None else f"v{info.version}"
        if column == 1:
            return info.date.replace("T", " ")[:16]
        if column == 2:
            return author_name(info.author)
        if column == 3:
            note = info.note.splitlines()[0] if info.note else ""
            if info.superseded:
                return QCoreApplication.translate(
                    "HistoryModel", "(not in force: replaced when syncing) "
                ) + note
            if info.status == Status.RETIRED:
                return QCoreApplication.translate("HistoryModel", "(retired) ") + note
            return note
        return None

    def tooltip(self, info: VersionInfo, column: int) -> str | None:
        return info.note if column == 3 else None

    def font(self, info: VersionInfo) -> QFont | None:
        if not info.superseded:
            return None
        font = QFont()
        font.setItalic(True)
        return font

    def key(self, info: VersionInfo) -> int | None:
        return info.version


class VersionViewer(QWidget):
    """One version of a document, read-only, with a banner when it is not the current one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = QLabel(self)
        self.banner.setObjectName("supersededBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background:#fff3cd; color:#5c4400; padding:6px; border:1px solid #e0c36a;"
        )
        self.banner.hide()
        self.header = QLabel(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("versionText")
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.header)
        layout.addWidget(self.browser, 1)
        self.version: int | None = None

    def show_version(self, info: VersionInfo, text: str, current: int | None) -> None:
        """Show the text of version ``info``; ``current`` is the version now published."""
        self.version = info.version
        if current is not None and info.version != current:
            self.banner.setText(
                self.tr("This version has been superseded. The current version is v%1.")
                .replace("%1", str(current))
            )
            self.banner.show()
        else:
            self.banner.hide()
        self.header.setText(
            self.tr("Version %1 · %2 · %3")
            .replace("%1", "—" if info.version is None else f"v{info.version}")
            .replace("%2", info.date.replace("T", " ")[:16])
            .replace("%3", author_name(info.author))
        )
        try:
            _front, body, _line = split_front_matter(text, info.path)
            self.browser.setHtml(render(body))
        except DocumentError:
            self.browser.setPlainText(text)


class HistoryWindow(QWidget):
    """The history of one document: versions, an old version, a diff, and rollback.

    Args:
        kb: the knowledge base.
        runner: the app's task runner.
        doc_id: the document.
        editor: allow rollback (editors only).
        author: the name recorded on a rollback.

    Signals:
        loaded(): the versions are listed.
        versionShown(int): a version's text is shown.
        diffShown(object): a ``TextDiff`` is shown.
        rolledBack(object): a rollback was published (its ``PublishResult``).
    """

    loaded = Signal()
    versionShown = Signal(int)
    diffShown = Signal(object)
    rolledBack = Signal(object)

    def __init__(
        self,
        kb: KnowledgeBase,
        runner: TaskRunner,
        doc_id: str,
        *,
        editor: bool = True,
        author: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kb, self.runner, self.doc_id, self.author = kb, runner, doc_id, author
        self.ask_note: Callable[[QWidget | None, str, str], str | None] = ask_change_note
        self.setWindowTitle(self.tr("History: %1").replace("%1", doc_id))
        self.model = HistoryModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.open_button = QPushButton(self.tr("Open version"), self)
        self.compare_button = QPushButton(self.tr("Compare"), self)
        self.compare_button.setToolTip(
            self.tr("Select two versions to compare them, or one to compare it with the "
                    "version before it.")
        )
        self.rollback_button = QPushButton(self.tr("Restore as new version…"), self)
        self.rollback_button.setVisible(editor)
        self.open_button.clicked.connect(self.open_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.rollback_button.clicked.connect(self.rollback_selected)
        self.status = QLabel(self)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.compare_button, self.rollback_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        self.viewer = VersionViewer(self)
        self.diff_view = DiffView(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.diff_view, self.tr("Compare"))
        self.tabs.addTab(self.viewer, self.tr("Version"))
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(900, 700)
        self.reload()

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the versions again (off the UI thread)."""
        self.status.setText(self.tr("Loading history…"))
        task = self.runner.submit(lambda _p, _c: self.kb.versions.history(self.doc_id),
                                  name="history", owner=self)
        task.succeeded.connect(self._loaded)
        task.failed.connect(self._failed)

    def _loaded(self, versions: list[VersionInfo]) -> None:
        self.model.set_rows(versions)
        self.status.setText(self.tr("%n version(s)", "", len(versions)))
        if versions:
            self.table.selectRow(0)
        self.loaded.emit()

    def _failed(self, error: KbError) -> None:
        self.status.setText("")
        show_error(self, error)

    @property
    def current_version(self) -> int | None:
        """The newest published version (the one not superseded)."""
        for info in self.model.versions:
            if not info.superseded and info.version is not None:
                return info.version
        return None

    def selected_rows(self) -> list[int]:
        """The selected rows, top (newest) first."""
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def select_versions(self, *versions: int) -> None:
        """Select the rows of the given versions (for keyboard users and tests)."""
        self.table.clearSelection()
        flags = (
            self.table.selectionModel().SelectionFlag.Select
            | self.table.selectionModel().SelectionFlag.Rows
        )
        for row, info in enumerate(self.model.versions):
            if info.version in versions and not info.superseded:
                self.table.selectionModel().select(self.model.index(row, 0), flags)

    # -- actions ------------------------------------------------------------------------------

    def open_selected(self) -> None:
        """Show the text of the (first) selected version, read-only."""
        rows = self.selected_rows()
        if not rows:
            return
        info = self.model.info(rows[0])
        if info.version is None or info.superseded:
            self.status.setText(self.tr("This version was replaced when syncing and was never "
                                        "in force; its text was kept as the editor's draft."))
            return
        version, current = info.version, self.current_version
        task = self.runner.submit(
            lambda _p, _c: self.kb.versions.text_at(self.doc_id, version), name="text_at",
            owner=self,
        )
        task.succeeded.connect(lambda text: self._show_text(info, text, current))
        task.failed.connect(self._failed)

    def _show_text(self, info: VersionInfo, text: str, current: int | None) -> None:
        self.viewer.show_version(info, text, current)
        self.tabs.setCurrentWidget(self.viewer)
        self.versionShown.emit(info.version or 0)

    def compare_selected(self) -> None:
        """Diff the two selected versions (or the selected one with the one before it)."""
        selected = [v for v in (self.model.info(r).version for r in self.selected_rows())
                    if v is not None]
        # the core's rule
        pair = self.kb.versions.versions_to_compare(self.model.versions, selected)
        if pair is None:
            single = len({info.version for info in self.model.versions
                          if info.version in selected and not info.superseded}) == 1
            self.status.setText(
                self.tr("This is the first version: nothing to compare.") if single
                else self.tr("Select two versions to compare."))
            return
        self.compare(*pair)

    def compare(self, old: int, new: int) -> None:
        """Show the diff between versions ``old`` and ``new``."""
        task = self.runner.submit(
            lambda _p, _c: self.kb.versions.diff(self.doc_id, old, new), name="diff", owner=self
        )
        task.succeeded.connect(self._show_diff)
        task.failed.connect(self._failed)

    def _show_diff(self, diff: TextDiff) -> None:
        self.diff_view.set_diff(diff)
        self.tabs.setCurrentWidget(self.diff_view)
        self.diffShown.emit(diff)

    def rollback_selected(self) -> None:
        """Restore the selected version as a new version, after asking for a note."""
        rows = self.selected_rows()
        if (len(rows) != 1 or self.model.info(rows[0]).version is None
                or self.model.info(rows[0]).superseded):
            self.status.setText(self.tr("Select the one version to restore."))
            return
        version = self.model.info(rows[0]).version
        assert version is not None
        note = self.ask_note(
            self,
            self.tr("Restore version %1 as a new version. The versions after it stay in "
                    "the history.").replace("%1", str(version)),
            "",
        )
        if note is None:
            return
        self.rollback(version, note)

    def rollback(self, version: int, note: str) -> None:
        """Publish version ``version`` again as a new version (on the writer worker; the core
        refuses a blank note: its message is shown)."""
        self.status.setText(self.tr("Restoring…"))
        task = self.runner.submit(
            lambda _p, _c: self.kb.publishing.rollback(self.doc_id, version, note, self.author),
            name="rollback",
            write=True,
            owner=self,
        )
        task.succeeded.connect(self._rolled_back)
        task.failed.connect(self._failed)

    def _rolled_back(self, result: PublishResult) -> None:
        self.status.setText(self.tr("Published v%1.").replace("%1", str(result.version)))
        self.rolledBack.emit(result)
        self.reload()
