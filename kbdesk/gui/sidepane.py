"""The side pane: search box, kind filter, result list, category tree, favourites and recents.

Keyboard: Down in the box moves into the results, Up on the first result goes back to the box,
Enter opens, Esc returns to the box (and clears it when already there).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabBar,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import Kind, SearchHit, convert_script
from kbdesk.gui.i18n import QT_TRANSLATE_NOOP
from kbdesk.gui.results import ResultDelegate, ResultsModel

KIND_TABS: tuple[tuple[Kind | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("SidePane", "All")),
    (Kind.HANDBOOK, QT_TRANSLATE_NOOP("SidePane", "Handbooks")),
    (Kind.PHRASING, QT_TRANSLATE_NOOP("SidePane", "Phrasings")),
    (Kind.PROCEDURE, QT_TRANSLATE_NOOP("SidePane", "Procedures")),
)
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1
DOC_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchBox(QLineEdit):
    """The search box. Signals: down(), submitted(), escaped() (Esc on an empty box)."""

    down = Signal()
    submitted = Signal()
    escaped = Signal()

    def minimumSizeHint(self) -> QSize:
        """Wide enough for the whole hint (the side pane never cuts it)."""
        hint = super().minimumSizeHint()
        needed = self.fontMetrics().horizontalAdvance(self.placeholderText()) + 56
        return QSize(max(hint.width(), needed), hint.height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Down:
            self.down.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
        elif key == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.escaped.emit()
        else:
            super().keyPressEvent(event)


class ResultsView(QListView):
    """The result list. Signals: opened(int row), backToBox()."""

    opened = Signal(int)
    backToBox = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        row = self.currentIndex().row()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if row >= 0:
                self.opened.emit(row)
        elif key == Qt.Key.Key_Escape or (key == Qt.Key.Key_Up and row <= 0):
            self.backToBox.emit()
        else:
            super().keyPressEvent(event)


def category_model_rows(model: QStandardItemModel, categories: Sequence[tuple[str, int]],
                        all_label: str, script: str = "original") -> None:
    """Fill a model with "all" and the categories; "a/b" categories nest under "a".

    Labels are shown in the display ``script``; the category role keeps the name as written.
    """
    model.clear()
    total = sum(count for _, count in categories)
    everything = QStandardItem(f"{all_label} ({total})")
    everything.setData("", CATEGORY_ROLE)
    everything.setEditable(False)
    model.appendRow(everything)
    nodes: dict[str, QStandardItem] = {}
    for category, count in categories:
        parent = model.invisibleRootItem()
        path = ""
        parts = [p for p in category.split("/") if p] or [category]
        for depth, part in enumerate(parts):
            path = f"{path}/{part}" if path else part
            node = nodes.get(path)
            if node is None:
                node = QStandardItem(convert_script(part, script))
                node.setData(path, CATEGORY_ROLE)
                node.setEditable(False)
                parent.appendRow(node)
                nodes[path] = node
            if depth == len(parts) - 1:
                node.setText(f"{convert_script(part, script)} ({count})")
            parent = node


class SidePane(QWidget):
    """Search, filters and lists of documents.

    Signals:
        queryChanged(str): the search box text changed.
        kindChanged(object): the kind filter changed (a ``Kind`` or None for all).
        categoryChanged(str): the chosen category ("" for all).
        openRow(int): a result row should be opened.
        openDocument(str): a document (from favourites or recents) should be opened.
    """

    queryChanged = Signal(str)
    kindChanged = Signal(object)
    categoryChanged = Signal(str)
    openRow = Signal(int)
    openDocument = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_box = SearchBox(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(self.tr("Search: words, a question, pinyin…  (Ctrl+K)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.queryChanged)
        self.search_box.down.connect(self.focus_results)
        self.search_box.submitted.connect(self._submit)

        self.kind_bar = QTabBar(self)
        self.kind_bar.setObjectName("kindFilter")
        self.kind_bar.setDrawBase(False)
        self.kind_bar.setExpanding(True)
        for _kind, label in KIND_TABS:
            self.kind_bar.addTab(QCoreApplication.translate("SidePane", label))
        self.kind_bar.currentChanged.connect(lambda i: self.kindChanged.emit(KIND_TABS[i][0]))

        self.info = QLabel(self)
        self.info.setObjectName("resultsInfo")
        self.info.setWordWrap(True)

        self.model = ResultsModel(self)
        self.results = ResultsView(self)
        self.results.setObjectName("results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setUniformItemSizes(True)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # rows elide their text to the width of the list: never scroll sideways
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.opened.connect(self.openRow)
        self.results.activated.connect(lambda index: self.openRow.emit(index.row()))
        self.results.backToBox.connect(self.focus_search)

        self.category_model = QStandardItemModel(self)
        self.categories = QTreeView(self)
        self.categories.setObjectName("categories")
        self.categories.setModel(self.category_model)
        self.categories.setHeaderHidden(True)
        self.categories.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.categories.clicked.connect(self._category_chosen)
        self.categories.activated.connect(self._category_chosen)
        self.favourites = self._doc_list("favourites")
        self.recents = self._doc_list("recents")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("sideTabs")
        self.tabs.addTab(self.categories, self.tr("Categories"))
        self.tabs.addTab(self.favourites, self.tr("Favourites"))
        self.tabs.addTab(self.recents, self.tr("Recent"))

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.info)
        top_layout.addWidget(self.results, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("sideSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 200])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.search_box)
        layout.addWidget(self.kind_bar)
        layout.addWidget(self.splitter, 1)
        self.all_categories_label = self.tr("All categories")

    def _doc_list(self, name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setObjectName(name)
        widget.itemActivated.connect(lambda item: self.openDocument.emit(item.data(DOC_ROLE)))
        return widget

    # -- keyboard -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the focus in the search box with its text selected."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def focus_results(self) -> None:
        """Move into the result list (selecting the first row if none is)."""
        if self.model.rowCount() == 0:
            return
        if not self.results.currentIndex().isValid():
            self.results.setCurrentIndex(self.model.index(0))
        self.results.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _submit(self) -> None:
        if self.model.rowCount() == 0:
            return
        row = self.results.currentIndex().row()
        if row < 0:
            row = 0
            self.results.setCurrentIndex(self.model.index(0))
        self.openRow.emit(row)

    def current_row(self) -> SearchHit | None:
        """The selected result, if any."""
        return self.model.row_at(self.results.currentIndex().row())

    # -- filters and lists --------------------------------------------------------------------

    @property
    def kind(self) -> Kind | None:
        """The chosen kind (None for all)."""
        return KIND_TABS[self.kind_bar.currentIndex()][0]

    def set_kind(self, kind: Kind | None) -> None:
        """Choose a kind filter."""
        for i, (value, _label) in enumerate(KIND_TABS):
            if value == kind:
                self.kind_bar.setCurrentIndex(i)

    def _category_chosen(self, index: QModelIndex) -> None:
        self.categoryChanged.emit(str(index.data(CATEGORY_ROLE) or ""))

    def set_categories(self, categories: Sequence[tuple[str, int]], script: str = "original"
                       ) -> None:
        """Fill the category tree (keeping the chosen category selected)."""
        current = self.categories.currentIndex()
        chosen = str(current.data(CATEGORY_ROLE) or "") if current.isValid() else ""
        category_model_rows(self.category_model, categories, self.all_categories_label, script)
        self.categories.expandAll()
        if chosen:
            found = self.category_model.match(
                self.category_model.index(0, 0), CATEGORY_ROLE, chosen, 1,
                Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
            if found:
                self.categories.setCurrentIndex(found[0])

    @staticmethod
    def fill_documents(widget: QListWidget, docs: Sequence[tuple[str, str]], script: str) -> None:
        """Fill a favourites or recents list with (doc_id, title) pairs."""
        widget.clear()
        for doc_id, title in docs:
            item = QListWidgetItem(convert_script(title, script))
            item.setData(DOC_ROLE, doc_id)
            item.setToolTip(doc_id)
            widget.addItem(item)
