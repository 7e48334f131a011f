"""A read-only table model over a list of rows with fixed, translated column titles.

Subclasses name their translation ``CONTEXT`` and their ``COLUMNS`` (marked with
``QT_TRANSLATE_NOOP`` in that context) and say what a row shows: ``cell()`` (the text of a
column), and where they have them ``tooltip()``, ``font()`` and ``key()`` (the row's key under
``KEY_ROLE``, what a view opens). Rows are replaced whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
Row = TypeVar("Row")


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of one type under fixed column titles."""

    CONTEXT = "RowsTableModel"
    COLUMNS: tuple[str, ...] = ()
    #: the role under which ``data()`` gives ``key(row)``
    KEY_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_rows(self, rows: Iterable[Row]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Row | None:
        """The row at ``number``, or None when there is none."""
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() and not index.parent().isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == Qt.ItemDataRole.FontRole:
            return self.font(row)
        if role == self.KEY_ROLE:
            return self.key(row)
        return None

    def cell(self, row: Row, column: int) -> str | None:
        """The text of ``row`` in ``column``."""
        raise NotImplementedError

    def tooltip(self, row: Row, column: int) -> str | None:
        """The tooltip of ``row`` in ``column`` (none by default)."""
        return None

    def font(self, row: Row) -> QFont | None:
        """A font of its own for ``row`` (none by default)."""
        return None

    def key(self, row: Row) -> Any:
        """What identifies ``row`` to a view (given under ``KEY_ROLE``)."""
        return None
