"""The result list: a model of search hits (or browsed documents) and the delegate drawing them.

Each row shows "title › section", the kind and version, and a snippet with the matched words
highlighted. Text is shown in the chosen display script; highlights are found again in the
converted text by folding, so they stay right whichever script is chosen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kbdesk.core import SearchHit, convert_script, highlight_spans

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3
SPANS_ROLE = Qt.ItemDataRole.UserRole + 4
META_ROLE = Qt.ItemDataRole.UserRole + 5

_Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    """Return the translated short name of a document kind."""
    labels = {
        "handbook": QCoreApplication.translate("Kinds", "Handbook"),
        "phrasing": QCoreApplication.translate("Kinds", "Phrasing"),
        "procedure": QCoreApplication.translate("Kinds", "Procedure"),
    }
    return labels.get(kind, kind)


def updated_label() -> str:
    """The mark of a document changed since it was last opened here."""
    return QCoreApplication.translate("Results", "Updated")


def found_as_label(found_as: str) -> str:
    """The mark of a hit found through other words than typed (a synonym, parts, pinyin)."""
    return QCoreApplication.translate("Results", "Found as %1").replace("%1", found_as)


def partial_label() -> str:
    """The mark of a hit that holds only some of the query's words."""
    return QCoreApplication.translate("Results", "Some words")


def more_label(count: int) -> str:
    """The row standing for a document's folded hits (opening it shows them)."""
    return QCoreApplication.translate("Results", "More from this document: %1").replace(
        "%1", str(count))


@dataclass
class MoreRow(SearchHit):
    """A row standing for ``more`` folded hits of its document (opening it expands them)."""

    more: int = 0

    @property
    def heading(self) -> str:
        return f"▸ {more_label(self.more)}"


def visible_rows(rows: Sequence[SearchHit], expanded: set[str]) -> list[SearchHit]:
    """The rows a list shows: a document's folded hits (the core's ``SearchHit.folded``) under
    its last shown row when the document is ``expanded``, else one :class:`MoreRow` for them."""
    shown = [row for row in rows if not row.folded]
    folded: dict[str, list[SearchHit]] = {}
    for row in rows:
        if row.folded:
            folded.setdefault(row.doc_id, []).append(row)
    last = {row.doc_id: number for number, row in enumerate(shown)}
    out: list[SearchHit] = []
    for number, row in enumerate(shown):
        out.append(row)
        hidden = folded.pop(row.doc_id, []) if last.get(row.doc_id) == number else []
        if hidden and row.doc_id in expanded:
            out.extend(hidden)
        elif hidden:
            first = replace(hidden[0], anchor="", section="", snippet="", snippet_text="",
                            folded=False, expansions={})
            out.append(MoreRow(**{**vars(first), "more": len(hidden)}))
    out.extend(row for rows_left in folded.values() for row in rows_left)  # no shown row
    return out


class ResultsModel(QAbstractListModel):
    """A flat list of the core's ``SearchHit`` (a browsed document is one too, see
    ``SearchHit.of_document``) with the terms to highlight, the display script and the
    documents marked 已更新. A document's folded hits sit under one :class:`MoreRow` until it
    is expanded."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SearchHit] = []
        self._all: list[SearchHit] = []
        self._expanded: set[str] = set()
        self._terms: list[str] = []
        self._updated: set[str] = set()
        self._script = "original"

    @property
    def rows(self) -> list[SearchHit]:
        """The rows, in order."""
        return list(self._rows)

    def is_updated(self, doc_id: str) -> bool:
        """Whether the document's rows carry the 已更新 mark."""
        return doc_id in self._updated

    @property
    def terms(self) -> list[str]:
        """The folded search terms highlighted in the snippets."""
        return list(self._terms)

    def set_rows(self, rows: Iterable[SearchHit], terms: Sequence[str] = (),
                 updated: Iterable[str] = ()) -> None:
        """Replace the whole list; ``updated``: the documents to mark 已更新 (the core's
        ``reading.updated_among``). A document's folded hits start collapsed."""
        self.beginResetModel()
        self._all = list(rows)
        self._expanded = set()
        self._rows = visible_rows(self._all, self._expanded)
        self._terms = list(terms)
        self._updated = set(updated)
        self.endResetModel()

    def expand(self, doc_id: str) -> None:
        """Show a document's folded hits in place of its "more" row."""
        at = next((n for n, row in enumerate(self._rows)
                   if isinstance(row, MoreRow) and row.doc_id == doc_id), None)
        if at is None:
            return
        self._expanded.add(doc_id)
        rows = visible_rows(self._all, self._expanded)
        added = len(rows) - len(self._rows)
        self.beginRemoveRows(QModelIndex(), at, at)
        del self._rows[at]
        self.endRemoveRows()
        self.beginInsertRows(QModelIndex(), at, at + added)
        self._rows = rows
        self.endInsertRows()

    def clear(self) -> None:
        """Empty the list."""
        self.set_rows([])

    def set_script(self, script: str) -> None:
        """Show the text in another display script."""
        self._script = script
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def mark_seen(self, doc_id: str) -> None:
        """Drop the 已更新 mark of a document's rows once it has been opened."""
        if doc_id not in self._updated:
            return
        self._updated.discard(doc_id)
        for number, row in enumerate(self._rows):
            if row.doc_id == doc_id:
                self.dataChanged.emit(self.index(number), self.index(number), [META_ROLE])

    def row_at(self, row: int) -> SearchHit | None:
        """Return the row at a position, or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return convert_script(row.heading, self._script)
        if role == Qt.ItemDataRole.ToolTipRole:
            return convert_script(row.snippet_text, self._script)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return convert_script(f"{row.heading}. {row.snippet_text}", self._script)
        if role == ROW_ROLE:
            return row
        if role == KIND_ROLE:
            return row.kind
        if role == SNIPPET_ROLE:
            return convert_script(row.snippet_text, self._script)
        if role == SPANS_ROLE:
            return highlight_spans(convert_script(row.snippet_text, self._script), self._terms)
        if role == META_ROLE:
            if isinstance(row, MoreRow):
                return ""
            parts = [kind_label(row.kind), f"v{row.version}"]
            if row.found_as:
                parts.insert(0, found_as_label(convert_script(row.found_as, self._script)))
            if row.match == "partial":
                parts.insert(0, partial_label())
            if row.doc_id in self._updated:
                parts.insert(0, updated_label())
            return " · ".join(parts)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({ROW_ROLE: QByteArray(b"row"), KIND_ROLE: QByteArray(b"kind"),
                      SNIPPET_ROLE: QByteArray(b"snippet")})
        return names


def mark_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """Return (background, text) for highlighted words that read well on light and dark."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    if dark:
        return QColor("#8a6d00"), QColor("#ffffff")
    return QColor("#ffe066"), QColor("#000000")


class ResultDelegate(QStyledItemDelegate):
    """Draws a result: bold "title › section" with kind · version at the right, then the snippet."""

    PADDING = 6

    def row_height(self, font: QFont) -> int:
        """The height of one result row in ``font``."""
        metrics = QFontMetrics(font)
        return metrics.height() * 2 + metrics.leading() + self.PADDING * 2 + 4

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # the width is the list's: rows elide their text
        return QSize(200, self.row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = QPalette(opt.palette)
        # the same colour group the style used for the selection background
        if not opt.state & QStyle.StateFlag.State_Enabled:
            palette.setCurrentColorGroup(QPalette.ColorGroup.Disabled)
        elif not opt.state & QStyle.StateFlag.State_Active:
            palette.setCurrentColorGroup(QPalette.ColorGroup.Inactive)
        else:
            palette.setCurrentColorGroup(QPalette.ColorGroup.Active)
        text_role = (QPalette.ColorRole.HighlightedText if selected
                     else QPalette.ColorRole.Text)
        rect = opt.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        painter.save()
        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight())
        bold = QFont(opt.font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        metrics = QFontMetrics(opt.font)
        meta = str(index.data(META_ROLE) or "")
        meta_width = metrics.horizontalAdvance(meta) + self.PADDING
        line_h = max(bold_metrics.height(), metrics.height())
        # first line: title › section, elided, then kind · version right-aligned
        painter.setPen(palette.color(text_role))
        painter.setFont(bold)
        heading = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        head_rect = QRect(rect.left(), rect.top(), rect.width() - meta_width, line_h)
        painter.drawText(head_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         bold_metrics.elidedText(heading, Qt.TextElideMode.ElideRight,
                                                 head_rect.width()))
        painter.setFont(opt.font)
        meta_colour = palette.color(text_role if selected else QPalette.ColorRole.PlaceholderText)
        painter.setPen(meta_colour)
        painter.drawText(QRect(rect.right() - meta_width, rect.top(), meta_width, line_h),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, meta)
        # second line: the snippet, marks on a coloured background
        snippet = str(index.data(SNIPPET_ROLE) or "")
        spans: list[tuple[int, int]] = index.data(SPANS_ROLE) or []
        self._draw_snippet(painter, metrics, palette.color(text_role), mark_colours(palette),
                           QRect(rect.left(), rect.top() + line_h + 4, rect.width(),
                                 metrics.height()), snippet, spans)
        painter.restore()

    @staticmethod
    def _draw_snippet(painter: QPainter, metrics: QFontMetrics, colour: QColor,
                      marks: tuple[QColor, QColor], rect: QRect, text: str,
                      spans: list[tuple[int, int]]) -> None:
        pieces: list[tuple[str, bool]] = []
        cursor = 0
        for start, end in spans:
            if start > cursor:
                pieces.append((text[cursor:start], False))
            pieces.append((text[start:end], True))
            cursor = end
        if cursor < len(text):
            pieces.append((text[cursor:], False))
        x = rect.left()
        ellipsis = "…"
        limit = rect.right() - metrics.horizontalAdvance(ellipsis)
        for piece, marked in pieces:
            width = metrics.horizontalAdvance(piece)
            clipped = x + width > limit
            if clipped:
                piece = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, rect.right() - x)
                piece = piece.removesuffix(ellipsis)
                width = metrics.horizontalAdvance(piece)
            if marked:
                painter.fillRect(QRect(x, rect.top(), width, rect.height()), marks[0])
                painter.setPen(marks[1])
            else:
                painter.setPen(colour)
            painter.drawText(QRect(x, rect.top(), width + 1, rect.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, piece)
            x += width
            if clipped:
                painter.setPen(colour)
                painter.drawText(QRect(x, rect.top(), rect.right() - x + 1, rect.height()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 ellipsis)
                break
