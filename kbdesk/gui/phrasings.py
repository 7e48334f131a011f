"""The phrasings of a document with a copy button each, and the placeholder fill-in form.

Copying fills ``{{placeholders}}`` (the agent's own name, team and staff number come from the
settings), converts the text to the chosen display script and puts it on the clipboard.

Signals of :class:`PhrasingPanel`:
    copied(str): the text put on the clipboard.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import (
    AGENT_PLACEHOLDERS,
    Document,
    KbError,
    Phrasing,
    avoid_pairs_in,
    convert_script,
    fill,
    missing_placeholders,
    placeholders,
)

log = logging.getLogger(__name__)


class SettingsLike(Protocol):
    """What the phrasing widgets need of the settings (``workstation.settings.Settings``)."""

    def get(self, key: str) -> Any: ...


def agent_values(settings: SettingsLike | None) -> dict[str, str]:
    """Return the placeholder values the agent's settings fill in, by placeholder name."""
    values: dict[str, str] = {}
    if settings is None:
        return values
    for name, key in AGENT_PLACEHOLDERS.items():
        try:
            value = settings.get(key)
        except KbError:
            continue
        if isinstance(value, str) and value.strip():
            values[name] = value.strip()
    return values


def _remember(settings: SettingsLike | None, values: Mapping[str, str]) -> None:
    """Keep the agent's own name, team and number typed into the form, if settings can."""
    setter, saver = getattr(settings, "set", None), getattr(settings, "save", None)
    if settings is None or setter is None:
        return
    changed = False
    for name, value in values.items():
        key = AGENT_PLACEHOLDERS.get(name)
        if key and value.strip() and settings.get(key) != value.strip():
            try:
                setter(key, value.strip())
                changed = True
            except KbError as exc:
                log.warning("cannot remember %s: %s", key, exc)
    if changed and saver is not None:
        try:
            saver()
        except (KbError, OSError) as exc:
            log.warning("cannot save the settings: %s", exc)


class PlaceholderDialog(QDialog):
    """A form with one line per placeholder, shown before a phrasing is copied.

    Args:
        names: placeholder names, in order.
        values: values to pre-fill, by placeholder name.
        text: the phrasing, for the live preview.
        script: the display script of the preview and the labels.
    """

    def __init__(self, names: Sequence[str], values: Mapping[str, str], text: str = "",
                 script: str = "original", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fill in the phrasing"))
        self._text = text
        self._script = script
        self.edits: dict[str, QLineEdit] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        for name in names:
            edit = QLineEdit(values.get(name, ""))
            edit.setObjectName(f"placeholder:{name}")
            edit.setPlaceholderText(convert_script(name, script))
            edit.textChanged.connect(self._update_preview)
            form.addRow(convert_script(name, script) + "：", edit)
            self.edits[name] = edit
        layout.addLayout(form)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMinimumWidth(360)
        layout.addWidget(QLabel(self.tr("Preview:")))
        layout.addWidget(self.preview)
        self.error = QLabel()
        self.error.setObjectName("placeholderError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        copy = buttons.button(QDialogButtonBox.StandardButton.Ok)
        copy.setText(self.tr("Copy"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_preview()
        empty = [e for e in self.edits.values() if not e.text()]
        first = empty[0] if empty else next(iter(self.edits.values()), None)
        if first is not None:
            first.setFocus()

    def missing(self) -> list[str]:
        """The placeholders still empty."""
        return [name for name, edit in self.edits.items() if not edit.text().strip()]

    def accept(self) -> None:
        """Copy only when every placeholder is filled; otherwise highlight the empty ones."""
        missing = self.missing()
        for name, edit in self.edits.items():
            empty = name in missing
            edit.setProperty("missing", empty)
            edit.setStyleSheet("border: 2px solid #c62828;" if empty else "")
        if missing:
            self.error.setText(self.tr("Fill in every field before copying: %1").replace(
                "%1", "、".join(convert_script(n, self._script) for n in missing)))
            self.error.show()
            self.edits[missing[0]].setFocus()
            return
        super().accept()

    def values(self) -> dict[str, str]:
        """Return the values typed in, by placeholder name (blank ones left out)."""
        return {name: e.text().strip() for name, e in self.edits.items() if e.text().strip()}

    def filled_text(self) -> str:
        """Return the phrasing filled with the current values, in the display script."""
        return convert_script(fill(self._text, self.values()), self._script)

    def _update_preview(self) -> None:
        self.preview.setText(self.filled_text())
        for edit in self.edits.values():  # a field typed into is no longer flagged
            if edit.property("missing") and edit.text().strip():
                edit.setProperty("missing", False)
                edit.setStyleSheet("")


def copy_phrasing(parent: QWidget | None, phrasing_text: str, settings: SettingsLike | None,
                  script: str) -> str | None:
    """Fill a phrasing's placeholders, convert it to ``script`` and put it on the clipboard.

    The fill-in form opens when a placeholder is not already known from the settings. The
    agent's own name, team and staff number typed into the form are kept in the settings.

    Returns:
        The text copied, or None when the agent cancelled the form (the form refuses to copy
        while a placeholder is empty, and highlights it).
    """
    names = placeholders(phrasing_text)
    known = agent_values(settings)
    values = {name: known[name] for name in names if name in known}
    if any(name not in values for name in names):
        dialog = PlaceholderDialog(names, values, phrasing_text, script, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        values = dialog.values()
        dialog.deleteLater()
        if not accepted or missing_placeholders(phrasing_text, values):
            return None
        _remember(settings, values)
    text = convert_script(fill(phrasing_text, values), script)
    QGuiApplication.clipboard().setText(text)
    return text


def _notes_without_pairs(notes: str) -> str:
    """Return a phrasing's notes without its avoid → say-instead lines (shown apart)."""
    drop = {pair.line for pair in avoid_pairs_in(notes)}
    lines = [line for number, line in enumerate(notes.split("\n"), start=1) if number not in drop]
    return "\n".join(lines).strip()


class PhrasingPanel(QWidget):
    """Every phrasing of one document: name, texts with copy buttons, notes, avoid pairs.

    Signals:
        copied(str): a text was put on the clipboard.
    """

    copied = Signal(str)

    def __init__(self, settings: SettingsLike | None = None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.document: Document | None = None
        self.script = "original"
        self._phrasings: tuple[Phrasing, ...] = ()
        self._frames: dict[str, QFrame] = {}
        self._buttons: dict[tuple[str, int], QPushButton] = {}
        self._current = ""
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll)
        self._empty = QLabel(self.tr("This document has no phrasings."))
        self._scroll.setWidget(self._empty)
        self.setStyleSheet('QFrame[current="true"] { border: 2px solid palette(highlight); }')

    def set_settings(self, settings: SettingsLike | None) -> None:
        """Use these settings for the agent's name, team and staff number."""
        self.settings = settings

    def set_document(self, doc: Document | None, script: str = "original") -> None:
        """Show the phrasings of ``doc`` (none for other kinds) in the display ``script``."""
        self.document = doc
        self.script = script
        self._phrasings = doc.phrasings if doc is not None else ()
        self._frames.clear()
        self._buttons.clear()
        self._current = self._phrasings[0].anchor if self._phrasings else ""
        if not self._phrasings:
            self._empty = QLabel(self.tr("This document has no phrasings."))
            self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._scroll.setWidget(self._empty)
            return
        assert doc is not None  # it has phrasings
        content = QWidget()
        column = QVBoxLayout(content)
        summary = html.escape(convert_script(doc.summary, script)) if doc.summary else ""
        header = QLabel(f"<b>{html.escape(convert_script(doc.title, script))}</b> · "
                        f"v{doc.version}" + (f"<br/>{summary}" if summary else ""))
        header.setObjectName("phrasingHeader")
        header.setWordWrap(True)
        column.addWidget(header)
        for phrasing in self._phrasings:
            frame = self._phrasing_frame(phrasing)
            self._frames[phrasing.anchor] = frame
            column.addWidget(frame)
        column.addStretch(1)
        self._scroll.setWidget(content)

    def set_script(self, script: str) -> None:
        """Show the phrasings in another display script, keeping the current one."""
        current = self._current
        self.set_document(self.document, script)
        if current:
            self.show_phrasing(current)

    def _phrasing_frame(self, phrasing: Phrasing) -> QFrame:
        frame = QFrame()
        frame.setObjectName(f"phrasing:{phrasing.anchor}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(frame)
        title = QLabel(f"<b>{html.escape(convert_script(phrasing.name, self.script))}</b>")
        box.addWidget(title)
        if not phrasing.variants:
            box.addWidget(QLabel(self.tr("Guidance only: nothing to copy.")))
        for number, variant in enumerate(phrasing.variants):
            row = QHBoxLayout()
            text = QLabel(convert_script(variant, self.script))
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row.addWidget(text, 1)
            button = QPushButton(self.tr("Copy"))
            button.setToolTip(self.tr("Copy this text (placeholders are filled in first)"))
            button.clicked.connect(self._copy_slot(phrasing.anchor, number))
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self._buttons[(phrasing.anchor, number)] = button
            box.addLayout(row)
        notes = _notes_without_pairs(phrasing.notes)
        if notes:
            label = QLabel(convert_script(notes, self.script))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setEnabled(False)
            box.addWidget(label)
        for pair in phrasing.avoid:
            label = QLabel(self._pair_html(pair.avoid, pair.instead))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            box.addWidget(label)
        return frame

    def _copy_slot(self, anchor: str, variant: int) -> Callable[[], object]:
        # A closure, not a lambda with default arguments: PySide passes clicked's bool to those.
        return lambda: self.copy_variant(anchor, variant)

    def _pair_html(self, avoid: str, instead: str) -> str:
        avoid_word, instead_word = self.tr("Avoid"), self.tr("Say instead")
        return (f"<span style='color:#c62828'>✗ {html.escape(avoid_word)}「"
                f"{html.escape(convert_script(avoid, self.script))}」</span> → "
                f"<span style='color:#2e7d32'>✓ {html.escape(instead_word)}「"
                f"{html.escape(convert_script(instead, self.script))}」</span>")

    # -- the current phrasing, and copying ----------------------------------------------------

    def phrasings(self) -> tuple[Phrasing, ...]:
        """The phrasings shown."""
        return self._phrasings

    def copy_button(self, anchor: str, variant: int = 0) -> QPushButton:
        """Return the copy button of one text of one phrasing (KeyError if there is none)."""
        return self._buttons[(anchor, variant)]

    def current_anchor(self) -> str:
        """The anchor of the phrasing Ctrl+Shift+C copies ("" when there is none)."""
        return self._current

    def show_phrasing(self, anchor: str) -> bool:
        """Scroll to a phrasing and make it current; False when the document has no such one."""
        frame = self._frames.get(anchor)
        if frame is None:
            return False
        self._current = anchor
        self._scroll_to(frame)
        # the layout of a document just set may not be done yet: scroll again once it is
        QTimer.singleShot(0, self, lambda: self._scroll_to_anchor(anchor))
        for key, other in self._frames.items():  # the current phrasing stands out
            other.setProperty("current", key == anchor)
            other.style().unpolish(other)
            other.style().polish(other)
        return True

    def _scroll_to_anchor(self, anchor: str) -> None:
        frame = self._frames.get(anchor)
        if frame is not None and self._current == anchor:
            self._scroll_to(frame)

    def _scroll_to(self, frame: QFrame) -> None:
        """Put ``frame`` at the top of the panel."""
        content = self._scroll.widget()
        if content is None or frame.parent() is not content:
            return
        layout = content.layout()
        if layout is not None:
            layout.activate()
        self._scroll.verticalScrollBar().setValue(frame.y())

    def scroll_position(self) -> int:
        """How far the panel is scrolled (pixels)."""
        return self._scroll.verticalScrollBar().value()

    def frame_top(self, anchor: str) -> int:
        """Where a phrasing's frame starts in the panel's content (pixels)."""
        return self._frames[anchor].y()

    def copy_current(self) -> str | None:
        """Copy the first text of the current phrasing (None when cancelled or none)."""
        if not self._current:
            return None
        return self.copy_variant(self._current, 0)

    def copy_variant(self, anchor: str, variant: int = 0) -> str | None:
        """Copy one text of one phrasing; return what was copied (None when cancelled)."""
        phrasing = next((p for p in self._phrasings if p.anchor == anchor), None)
        if phrasing is None or not 0 <= variant < len(phrasing.variants):
            return None
        self._current = anchor
        text = copy_phrasing(self, phrasing.variants[variant], self.settings, self.script)
        if text is not None:
            self.copied.emit(text)
        return text

