"""The diff view: a core ``TextDiff`` shown side by side and inline, changed characters coloured.

The HTML is built from the core's segments only (nothing is compared here), so a one-character
change such as 24小時 → 48小時 is marked exactly where the core found it. Deleted characters
have a red background and are struck through; inserted ones have a green background.
``marked_runs`` reads the marks back from a rendered document, for tests and accessibility.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import Segment, TextDiff, context_mask

log = logging.getLogger(__name__)

INSERT_BG = "#b7ebbf"
DELETE_BG = "#f6b8b8"
INSERT_LINE_BG = "#e6f7e8"
DELETE_LINE_BG = "#fbe7e7"
TEXT_FG = "#1a1a1a"
NUMBER_FG = "#888888"


def _segments_html(segments: tuple[Segment, ...]) -> str:
    parts: list[str] = []
    for seg in segments:
        text = html.escape(seg.text, quote=False)
        if seg.kind == "insert":
            parts.append(
                f'<span style="background-color:{INSERT_BG}; color:{TEXT_FG};">{text}</span>'
            )
        elif seg.kind == "delete":
            parts.append(
                f'<span style="background-color:{DELETE_BG}; color:{TEXT_FG}; '
                f'text-decoration:line-through;">{text}</span>'
            )
        else:
            parts.append(text)
    return "".join(parts) or "&nbsp;"


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _line_bg(kind: str, side: str) -> str:
    if kind == "insert" or (kind == "replace" and side == "new"):
        return f' bgcolor="{INSERT_LINE_BG}"'
    if kind == "delete" or (kind == "replace" and side == "old"):
        return f' bgcolor="{DELETE_LINE_BG}"'
    return ""


_TABLE = '<table width="100%" cellspacing="0" cellpadding="2" style="white-space:pre-wrap;">'
_NUM = f'<td width="36" align="right" style="color:{NUMBER_FG}; white-space:nowrap;">'


_GAP = '<tr><td colspan="4" align="center" style="color:#888888;">⋯</td></tr>'


def inline_html(diff: TextDiff, context: int | None = None) -> str:
    """Render the inline view: one column, old and new characters interleaved.

    Args:
        context: show only changed lines and this many lines around them (None: every line).
    """
    rows = [_TABLE]
    keep = context_mask([line.kind != "equal" for line in diff.inline], context)
    for line, show in zip(diff.inline, keep, strict=True):
        if not show:
            if rows[-1] != _GAP:
                rows.append(_GAP)
            continue
        marker = {"insert": "+", "delete": "−", "replace": "±"}.get(line.kind, "")
        bg = _line_bg(line.kind, "new" if line.kind == "insert" else "old")
        rows.append(
            f"<tr{bg}>{_NUM}{_number(line.old_no)}</td>{_NUM}{_number(line.new_no)}</td>"
            f'<td width="14">{marker}</td><td>{_segments_html(line.segments)}</td></tr>'
        )
    rows.append("</table>")
    return "".join(rows)


def side_by_side_html(diff: TextDiff, context: int | None = None) -> str:
    """Render the side-by-side view: the old text on the left, the new on the right."""
    rows = [_TABLE]
    rows.append(
        f'<tr><th colspan="2" align="left">{html.escape(diff.old_label)}</th>'
        f'<th colspan="2" align="left">{html.escape(diff.new_label)}</th></tr>'
    )
    keep = context_mask([row.kind != "equal" for row in diff.rows], context)
    for row, show in zip(diff.rows, keep, strict=True):
        if not show:
            if rows[-1] != _GAP:
                rows.append(_GAP)
            continue
        old = _segments_html(row.old) if row.old_no is not None else "&nbsp;"
        new = _segments_html(row.new) if row.new_no is not None else "&nbsp;"
        rows.append(
            f"<tr>{_NUM}{_number(row.old_no)}</td>"
            f'<td width="49%"{_line_bg(row.kind, "old") if row.old_no else ""}>{old}</td>'
            f"{_NUM}{_number(row.new_no)}</td>"
            f'<td width="49%"{_line_bg(row.kind, "new") if row.new_no else ""}>{new}</td></tr>'
        )
    rows.append("</table>")
    return "".join(rows)


def marked_runs(document: QTextDocument) -> list[tuple[str, str]]:
    """Return the (kind, text) of every character run marked inserted or deleted, in order."""
    kinds = {QColor(INSERT_BG).name(): "insert", QColor(DELETE_BG).name(): "delete"}
    runs: list[tuple[str, str]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                brush = fragment.charFormat().background()
                if brush.style() != Qt.BrushStyle.NoBrush:
                    kind = kinds.get(brush.color().name())
                    if kind:
                        runs.append((kind, fragment.text()))
            it += 1
        block = block.next()
    return runs


class DiffView(QWidget):
    """Shows one ``TextDiff`` in two tabs: side by side and inline."""

    CONTEXT_LINES = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setObjectName("diffSummary")
        self.changes_only = QCheckBox(self.tr("Only changes and the lines around them"), self)
        self.changes_only.setChecked(True)
        self.changes_only.toggled.connect(lambda _on: self._render())
        self.tabs = QTabWidget(self)
        self.side = QTextBrowser(self)
        self.side.setObjectName("diffSideBySide")
        self.inline = QTextBrowser(self)
        self.inline.setObjectName("diffInline")
        for browser in (self.side, self.inline):
            browser.setOpenLinks(False)
            browser.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.tabs.addTab(self.side, self.tr("Side by side"))
        self.tabs.addTab(self.inline, self.tr("Inline"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.changes_only)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.diff: TextDiff | None = None

    def set_diff(self, diff: TextDiff) -> None:
        """Show a diff."""
        self.diff = diff
        changed = sum(1 for line in diff.inline if line.kind != "equal")
        if changed:
            self.summary.setText(
                self.tr("%1 → %2: %n line(s) changed", "", changed)
                .replace("%1", diff.old_label)
                .replace("%2", diff.new_label)
            )
        else:
            self.summary.setText(
                self.tr("%1 → %2: no differences")
                .replace("%1", diff.old_label)
                .replace("%2", diff.new_label)
            )
        self._render()

    def _render(self) -> None:
        if self.diff is None:
            return
        context = self.CONTEXT_LINES if self.changes_only.isChecked() else None
        self.side.setHtml(side_by_side_html(self.diff, context))
        self.inline.setHtml(inline_html(self.diff, context))

    def clear(self, message: str = "") -> None:
        """Show nothing (with an optional message)."""
        self.diff = None
        self.summary.setText(message)
        self.side.clear()
        self.inline.clear()
