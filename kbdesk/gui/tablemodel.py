"""A read-only table model over a list of rows with fixed, translated column titles.

Subclasses name their translation ``CONTEXT`` and their ``COLUMNS`` (marked with
``QT_TRANSLATE_NOOP`` in that context) and implement ``data()``; rows are replaced whole.
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
from PySide6.QtWidgets import QWidget

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
Row = TypeVar("Row")


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of one type under fixed column titles."""

    CONTEXT = "RowsTableModel"
    COLUMNS: tuple[str, ...] = ()

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
