"""Reply check panel: the agent's draft, the library's avoid phrases in it, one-click fixes.

The draft is checked again shortly after each change (debounced). Each avoid phrase found is
highlighted in the draft and listed with the wording to say instead, in the draft's script; a
button on its row, a double-click or Enter on the row replaces it. The check itself is
:mod:`kbdesk.core.library.replycheck`.

Signals of :class:`ReplyCheckPanel`:
    checked(int): a check finished with this many findings.
    replaced(str): a finding was replaced with this wording.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import (
    AvoidEntry,
    ReplyFinding,
    StaleFinding,
    check_reply,
    locate,
    reply_script,
    suggestion_in,
)

log = logging.getLogger(__name__)

HIGHLIGHT = QColor(229, 57, 53, 60)
UNDERLINE = QColor("#c62828")
_Index = QModelIndex | QPersistentModelIndex


def _utf16(text: str, index: int) -> int:
    """Return the QTextDocument position of Python offset ``index`` (UTF-16 code units)."""
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


class FindingsModel(QAbstractTableModel):
    """Findings as a table: found words, the wording to say instead, and a button column."""

    COLUMNS = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[ReplyFinding, str]] = []

    def set_findings(self, rows: list[tuple[ReplyFinding, str]]) -> None:
        """Show these (finding, suggested wording in the draft's script) rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def finding(self, row: int) -> tuple[ReplyFinding, str]:
        """The finding on one row and its wording."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Found"), self.tr("Say instead"), "")
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        finding, wording = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (finding.text, wording, "")[column] if column < self.COLUMNS else None
        if role == Qt.ItemDataRole.ToolTipRole and column < 2:
            return self.tr("From {doc}#{anchor}, line {line}").format(
                doc=finding.doc_id, anchor=finding.anchor, line=finding.line)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return UNDERLINE
        return None


class ReplyCheckPanel(QWidget):
    """A draft reply checked against the library's avoid lists.

    Args:
        entries_provider: returns the avoid entries (``kb.library_rules.avoid_entries``); called
            on the first check and again after :meth:`reload_entries`.
        debounce_ms: quiet time after typing before the draft is checked.

    Signals:
        checked(int): a check finished with this many findings.
        replaced(str): a finding was replaced with this wording.
    """

    checked = Signal(int)
    replaced = Signal(str)

    def __init__(self, entries_provider: Callable[[], list[AvoidEntry]],
                 parent: QWidget | None = None, debounce_ms: int = 250) -> None:
        super().__init__(parent)
        self._provider = entries_provider
        self._entries: list[AvoidEntry] | None = None
        self.script: str | None = None
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Paste or type your draft reply here…"))
        self.model = FindingsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(lambda index: self.replace(index.row()))
        self.view.installEventFilter(self)
        self.status = QLabel()
        self.replace_all_button = QPushButton(self.tr("Replace all"))
        self.replace_all_button.clicked.connect(self.replace_all)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.recheck)
        self.editor.textChanged.connect(self._debounce.start)

        # small minimums: the dock fits under the search results on a 640-pixel-high screen
        lines = self.editor.fontMetrics().lineSpacing()
        self.editor.setMinimumHeight(lines * 2 + 12)
        self.view.setMinimumHeight(lines * 2 + 12)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.replace_all_button)
        lower_layout.addLayout(row)
        lower_layout.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.editor)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._show_status(0)

    # -- checking -----------------------------------------------------------------------------

    def set_script(self, script: str | None) -> None:
        """Write suggestions in this script; None follows the script of the draft."""
        self.script = script
        self.recheck()

    def reload_entries(self) -> None:
        """Ask the provider for the avoid entries again (the library changed) and recheck."""
        self._entries = None
        self.recheck()

    def set_text(self, text: str) -> None:
        """Replace the draft and check it at once."""
        self.editor.setPlainText(text)
        self.recheck()

    def text(self) -> str:
        """The draft as it is now."""
        return self.editor.toPlainText()

    def findings(self) -> list[ReplyFinding]:
        """The findings of the last check, in order of position."""
        return [self.model.finding(row)[0] for row in range(self.model.rowCount())]

    def recheck(self) -> None:
        """Check the draft now."""
        self._debounce.stop()
        if self._entries is None:
            self._entries = list(self._provider())
        text = self.text()
        findings = check_reply(text, self._entries)
        rows = [(f, suggestion_in(f.suggestion, self.script or reply_script(text, f)))
                for f in findings]
        self.model.set_findings(rows)
        for row in range(len(rows)):
            button = QPushButton(self.tr("Replace"))
            button.setToolTip(self.tr("Replace with the suggested wording"))
            button.clicked.connect(self._replace_slot(row))
            self.view.setIndexWidget(self.model.index(row, 2), button)
        self._highlight(text, findings)
        self._show_status(len(findings))
        self.checked.emit(len(findings))

    def _replace_slot(self, row: int) -> Callable[[], object]:
        return lambda: self.replace(row)

    def _highlight(self, text: str, findings: list[ReplyFinding]) -> None:
        selections = []
        for finding in findings:
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(HIGHLIGHT)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(UNDERLINE)
            selection.format = fmt
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(_utf16(text, finding.start))
            cursor.setPosition(_utf16(text, finding.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def _show_status(self, count: int) -> None:
        if count:
            self.status.setText(self.tr("%n phrase(s) to avoid", "", count))
        elif self.text().strip():
            self.status.setText(self.tr("No phrases to avoid found."))
        else:
            self.status.setText(self.tr("Paste a draft reply to check it."))
        self.replace_all_button.setEnabled(count > 0)

    # -- replacing ----------------------------------------------------------------------------

    def _replace_in_editor(self, finding: ReplyFinding, wording: str) -> bool:
        text = self.text()
        try:
            start, end = locate(text, finding)
        except StaleFinding as exc:
            log.info("%s", exc)
            return False
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(_utf16(text, start))
        cursor.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(wording)
        return True

    def replace(self, row: int) -> bool:
        """Replace the finding on ``row`` with its wording; False when there is none."""
        if not 0 <= row < self.model.rowCount():
            return False
        finding, wording = self.model.finding(row)
        done = self._replace_in_editor(finding, wording)
        self.recheck()
        if done:
            self.replaced.emit(wording)
        return done

    def replace_all(self) -> int:
        """Replace every finding (one undo step); return how many were replaced."""
        rows = [self.model.finding(row) for row in range(self.model.rowCount())]
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        count = 0
        for finding, wording in sorted(rows, key=lambda r: r[0].start, reverse=True):
            if self._replace_in_editor(finding, wording):
                count += 1
                self.replaced.emit(wording)
        cursor.endEditBlock()
        self.recheck()
        return count

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            current = self.view.currentIndex()
            if current.isValid():
                self.replace(current.row())
                return True
        return super().eventFilter(watched, event)
