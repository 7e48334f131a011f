"""The editor's metadata form (title, kind, category, tags, owner, dates...) and front-matter edits.

The form is filled from a document's front matter and writes back only the fields the editor
changed, each on its own line, so an untouched document keeps its front matter byte for byte
(and its diff shows only what the editor meant to change). Fields the form does not show (id,
version, status, unknown ones) are always kept as written.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from kbdesk.core.errors import DocumentError
from kbdesk.core.library.model import Kind
from kbdesk.core.library.parse import parse_meta, split_front_matter

log = logging.getLogger(__name__)

FORM_FIELDS = (
    "title", "kind", "category", "tags", "owner", "summary", "effective", "review_by",
    "ack_required",
)


def yaml_scalar(value: str) -> str:
    """Write ``value`` as a YAML scalar that reads back as the same text (quoted when needed)."""
    if value and value == value.strip() and "\n" not in value:
        try:
            if parse_meta(f"k: {value}", "-").get("k") == value:
                return value
        except DocumentError:
            pass
    return json.dumps(value, ensure_ascii=False)


def set_front_field(text: str, name: str, value: str | None) -> str:
    """Set (or, with None, remove) one top-level front-matter field of a document's text.

    A field written over several lines (a block list) is replaced whole; a missing field is
    added just before the closing ``---``.
    """
    front, body, _line = split_front_matter(text, "-")
    lines = front.split("\n") if front else []
    pattern = re.compile(rf"^{re.escape(name)}[ \t]*:")
    out: list[str] = []
    index, found = 0, False
    while index < len(lines):
        line = lines[index]
        if not found and pattern.match(line):
            found = True
            index += 1
            while index < len(lines) and (lines[index][:1] in (" ", "\t") or
                                          lines[index].startswith("- ")):
                index += 1  # continuation lines of a block value
            if value is not None:
                out.append(f"{name}: {value}")
            continue
        out.append(line)
        index += 1
    if not found and value is not None:
        out.append(f"{name}: {value}")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    return bom + "---\n" + "\n".join(out) + "\n---\n" + body


class OptionalDate(QWidget):
    """A date that may be left unset: a check box ("set") and a calendar date editor."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self.tr("Set"), self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.enabled.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)

    def value(self) -> dt.date | None:
        """The date, or None when unset."""
        if not self.enabled.isChecked():
            return None
        qdate = self.edit.date()
        return dt.date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, value: dt.date | None) -> None:
        """Set the date (None: unset)."""
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


class MetadataForm(QWidget):
    """The front-matter fields an editor fills in.

    Signals:
        changed(): any field was edited by the user.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(self)
        self.kind = QComboBox(self)
        for kind, label in (
            (Kind.HANDBOOK, self.tr("Handbook")),
            (Kind.PHRASING, self.tr("Phrasing")),
            (Kind.PROCEDURE, self.tr("Procedure")),
        ):
            self.kind.addItem(label, kind.value)
        self.category = QLineEdit(self)
        self.category.setPlaceholderText(self.tr("default: the folder's name"))
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("comma-separated"))
        self.owner = QLineEdit(self)
        self.summary = QLineEdit(self)
        self.effective = OptionalDate(self)
        self.review_by = OptionalDate(self)
        self.ack_required = QCheckBox(self.tr("Agents must confirm they have read it"), self)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Title"), self.title)
        layout.addRow(self.tr("Kind"), self.kind)
        layout.addRow(self.tr("Category"), self.category)
        layout.addRow(self.tr("Tags"), self.tags)
        layout.addRow(self.tr("Owner"), self.owner)
        layout.addRow(self.tr("Summary"), self.summary)
        layout.addRow(self.tr("Effective from"), self.effective)
        layout.addRow(self.tr("Review by"), self.review_by)
        layout.addRow("", self.ack_required)
        for edit in (self.title, self.category, self.tags, self.owner, self.summary):
            edit.textEdited.connect(lambda _t: self.changed.emit())
        self.kind.activated.connect(lambda _i: self.changed.emit())
        self.effective.changed.connect(self.changed)
        self.review_by.changed.connect(self.changed)
        self.ack_required.toggled.connect(lambda _on: self.changed.emit())
        self._loaded: dict[str, str | None] = {}

    def load(self, text: str) -> None:
        """Fill the form from a document's front matter (without emitting ``changed``)."""
        try:
            front, _body, _line = split_front_matter(text, "-")
            meta = parse_meta(front, "-")
        except DocumentError as exc:
            log.info("front matter not readable for the form: %s", exc)
            meta = {}
        self.blockSignals(True)
        try:
            self.title.setText(str(meta.get("title") or ""))
            index = self.kind.findData(str(meta.get("kind") or Kind.HANDBOOK.value))
            self.kind.setCurrentIndex(max(index, 0))
            self.category.setText(str(meta.get("category") or ""))
            tags = meta.get("tags") or []
            self.tags.setText(", ".join(str(t) for t in tags) if isinstance(tags, list)
                              else str(tags))
            self.owner.setText(str(meta.get("owner") or ""))
            self.summary.setText(str(meta.get("summary") or ""))
            for edit in (self.effective, self.review_by):
                edit.blockSignals(True)
            self.effective.set_value(_as_date(meta.get("effective")))
            self.review_by.set_value(_as_date(meta.get("review_by")))
            for edit in (self.effective, self.review_by):
                edit.blockSignals(False)
            self.ack_required.setChecked(meta.get("ack_required") in (True, "true"))
        finally:
            self.blockSignals(False)
        self._loaded = self.values()

    def tag_list(self) -> list[str]:
        """The tags typed, split at commas (either width) and trimmed."""
        return [t.strip() for t in re.split(r"[,，、]", self.tags.text()) if t.strip()]

    def values(self) -> dict[str, str | None]:
        """Every form field as the YAML text it would be written as (None: no line)."""
        effective, review_by = self.effective.value(), self.review_by.value()
        text = {
            "title": self.title.text().strip(),
            "category": self.category.text().strip(),
            "owner": self.owner.text().strip(),
            "summary": self.summary.text().strip(),
        }
        values: dict[str, str | None] = {
            key: (yaml_scalar(value) if value else None) for key, value in text.items()
        }
        values["kind"] = str(self.kind.currentData())
        values["tags"] = (
            "[" + ", ".join(yaml_scalar(t) for t in self.tag_list()) + "]"
            if self.tag_list() else None
        )
        values["effective"] = effective.isoformat() if effective else None
        values["review_by"] = review_by.isoformat() if review_by else None
        values["ack_required"] = "true" if self.ack_required.isChecked() else None
        return values

    def changed_fields(self) -> dict[str, str | None]:
        """The fields whose value differs from what was loaded."""
        now = self.values()
        return {key: value for key, value in now.items() if self._loaded.get(key) != value}

    def apply(self, text: str) -> str:
        """Write the changed fields into ``text``'s front matter; untouched text stays as is."""
        for name, value in self.changed_fields().items():
            if name == "ack_required" and value is None:
                value = "false"
            text = set_front_field(text, name, value)
        return text
