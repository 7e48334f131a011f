"""The editors' review list: documents past their review date and versions not yet in force.

Both lists come from the core (``stale_documents`` and ``pending_versions``), read on the task
runner. Double-clicking (or Enter on) a row asks to open the document.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import KbError, KnowledgeBase, ReviewItem, Settings, refusal
from kbdesk.gui.i18n import QT_TRANSLATE_NOOP
from kbdesk.gui.notices import show_error
from kbdesk.gui.tablemodel import RowsTableModel
from kbdesk.gui.tasks import TaskRunner

log = logging.getLogger(__name__)

CONTEXT = "ReviewModel"

FLAG_KINDS = {
    "outdated": QT_TRANSLATE_NOOP("ReviewModel", "Outdated"),
    "unclear": QT_TRANSLATE_NOOP("ReviewModel", "Unclear"),
}


class ReviewModel(RowsTableModel[ReviewItem]):
    """Rows of ``ReviewItem``: reason, document, date, details."""

    DocIdRole = RowsTableModel.KEY_ROLE
    CONTEXT = CONTEXT
    COLUMNS = (
        QT_TRANSLATE_NOOP("ReviewModel", "Reason"),
        QT_TRANSLATE_NOOP("ReviewModel", "Document"),
        QT_TRANSLATE_NOOP("ReviewModel", "Date"),
        QT_TRANSLATE_NOOP("ReviewModel", "Details"),
    )

    def key(self, item: ReviewItem) -> str:
        return item.doc_id

    def tooltip(self, item: ReviewItem, column: int) -> str:
        return item.doc_id

    def cell(self, item: ReviewItem, column: int) -> str | None:
        if column == 0:
            if item.reason == "flag":
                return QCoreApplication.translate("ReviewModel", "Flagged")
            if item.reason == "unpublished":
                return QCoreApplication.translate("ReviewModel", "Unpublished edit")
            if item.reason == "stale":
                return QCoreApplication.translate("ReviewModel", "Review due")
            return QCoreApplication.translate("ReviewModel", "Pending")
        if column == 1:
            return item.title
        if column == 2:
            return item.date.isoformat()
        if column == 3:
            if item.reason == "flag":
                seen = QCoreApplication.translate("ReviewModel", "on v%1: %2")
                kind = QCoreApplication.translate(
                    "ReviewModel", FLAG_KINDS.get(item.flag_kind, item.flag_kind))
                return seen.replace("%1", str(item.version)).replace("%2", kind + item.detail)
            if item.reason == "unpublished":
                if item.in_force is None:
                    return QCoreApplication.translate("ReviewModel", "Never published")
                edited = QCoreApplication.translate(
                    "ReviewModel", "Edited outside kbdesk, not published; agents see v%1")
                return edited.replace("%1", str(item.in_force))
            if item.reason == "stale":
                owner = QCoreApplication.translate("ReviewModel", "Owner: %1")
                return owner.replace("%1", item.owner or "—")
            waiting = "—" if item.in_force is None else f"v{item.in_force}"
            return (
                QCoreApplication.translate(
                    "ReviewModel", "v%1 comes into force; agents see %2 until then"
                )
                .replace("%1", str(item.version or "?"))
                .replace("%2", waiting)
            )
        return None


class ReviewPanel(QWidget):
    """The review list of the library.

    Signals:
        openRequested(str): the editor asked to open a document (its id).
        loaded(): the list is up to date.
    """

    openRequested = Signal(str)
    loaded = Signal()

    def __init__(
        self,
        kb: KnowledgeBase,
        runner: TaskRunner,
        *,
        today: Callable[[], dt.date] | None = None,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kb, self.runner = kb, runner
        #: whose role decides whether flags may be cleared (default: the saved settings)
        self.settings = settings
        self.today: Callable[[], dt.date] = today or kb.today
        self.setWindowTitle(self.tr("Review list"))
        self.model = ReviewModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("reviewTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, mode in ((0, QHeaderView.ResizeMode.ResizeToContents),
                             (1, QHeaderView.ResizeMode.Stretch),
                             (2, QHeaderView.ResizeMode.ResizeToContents),
                             (3, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.summary = QLabel(self)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.reload)
        self.clear_button = QPushButton(self.tr("Clear flag"), self)
        self.clear_button.setObjectName("clearFlag")
        self.clear_button.setToolTip(self.tr("The flagged section was handled: clear the flag "
                                             "for the whole team"))
        self.clear_button.clicked.connect(self.clear_selected_flag)
        self.clear_button.setEnabled(False)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_clear())
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.clear_button)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.resize(800, 480)
        self.reload()

    def reload(self) -> None:
        """Read the lists again (off the UI thread)."""
        day = self.today()
        self.summary.setText(self.tr("Loading…"))
        def read(_p: object, _c: object) -> tuple[list[ReviewItem], str | None]:
            return (list(self.kb.reading.review_items(day)),
                    refusal(self.kb.team.role(self.settings), "clear_flags"))

        task = self.runner.submit(read, name="review", owner=self)
        task.succeeded.connect(self._loaded)
        task.failed.connect(self._failed)

    def _loaded(self, result: tuple[list[ReviewItem], str | None]) -> None:
        items, self.clear_refusal = result
        self.model.set_rows(items)
        stale = sum(1 for item in items if item.reason == "stale")
        flags = sum(1 for item in items if item.reason == "flag")
        pending = sum(1 for item in items if item.reason == "pending")
        self.summary.setText(
            self.tr("%1 past their review date, %2 pending, %3 flagged by agents")
            .replace("%1", str(stale))
            .replace("%2", str(pending))
            .replace("%3", str(flags))
        )
        self._update_clear()
        self.loaded.emit()

    def _failed(self, error: KbError) -> None:
        self.summary.setText("")
        show_error(self, error)

    def selected_item(self) -> ReviewItem | None:
        """The row selected, if any."""
        row = self.table.currentIndex().row()
        return self.model.row(row)

    #: why this user may not clear flags (None: they may), asked of the core when loading
    clear_refusal: str | None = None

    def _update_clear(self) -> None:
        item = self.selected_item()
        why = self.clear_refusal
        self.clear_button.setEnabled(why is None and item is not None and item.reason == "flag")
        self.clear_button.setToolTip(why if why is not None else self.tr(
            "The flagged section was handled: clear the flag for the whole team"))

    def clear_selected_flag(self) -> bool:
        """Clear the selected flag (it goes to the team with the next sync); True when asked.

        The core checks the role, this workstation's key and the open flags (the team's
        records) off the UI thread; the list is read again once it is done (``loaded``)."""
        item = self.selected_item()
        if item is None or item.reason != "flag":
            return False
        kb, settings, flag_id = self.kb, self.settings, item.flag_id
        # the core refuses a non-editor (the button is disabled for them too)
        task = self.runner.submit(lambda _p, _c: kb.team.clear_flag(flag_id, settings),
                                  name="clear flag", ordered=True, owner=self)
        task.succeeded.connect(lambda _r: self.reload())
        task.failed.connect(lambda error: show_error(self, error))
        return True

    def _open_index(self, index: QModelIndex) -> None:
        doc_id = index.data(ReviewModel.DocIdRole)
        if doc_id:
            self.openRequested.emit(str(doc_id))
