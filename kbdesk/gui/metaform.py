"""The editor's metadata form (title, kind, category, tags, owner, dates...) and front-matter edits.

The form is filled from a document's front matter and writes back only the fields the editor
changed, through the core's round-trip front-matter editor, so an untouched document keeps its
front matter byte for byte (and its diff shows only what the editor meant to change). Fields the
form does not show (id, version, status, unknown ones) are always kept as written.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable

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

from kbdesk.core import FieldValue, KbError, Kind, parse_iso_date, read_meta, set_fields

log = logging.getLogger(__name__)

FORM_FIELDS = (
    "title", "kind", "category", "tags", "keywords", "owner", "summary", "effective", "review_by",
    "ack_required",
)


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


class OptionalDate(QWidget):
    """A date that may be left unset: a check box ("set") and a calendar date editor.

    Args:
        today: the library's today (``kb.today``): what an unset date shows once "Set" is
            ticked.
    """

    changed = Signal()

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.enabled = QCheckBox(self.tr("Set"), self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(_qdate(today()))
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
        """Set the date (None: unset, showing the library's today for when it is set)."""
        self.enabled.setChecked(value is not None)
        self.edit.setDate(_qdate(value if value is not None else self._today()))


class MetadataForm(QWidget):
    """The front-matter fields an editor fills in.

    Args:
        today: the library's today (``kb.today``): where an unset date field starts.

    Signals:
        changed(): any field was edited by the user.
    """

    changed = Signal()

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
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
        self.keywords = QLineEdit(self)
        self.keywords.setPlaceholderText(
            self.tr("words agents search for that the text does not use; not shown to agents"))
        self.owner = QLineEdit(self)
        self.summary = QLineEdit(self)
        self.effective = OptionalDate(today, self)
        self.review_by = OptionalDate(today, self)
        self.ack_required = QCheckBox(self.tr("Agents must confirm they have read it"), self)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Title"), self.title)
        layout.addRow(self.tr("Kind"), self.kind)
        layout.addRow(self.tr("Category"), self.category)
        layout.addRow(self.tr("Tags"), self.tags)
        layout.addRow(self.tr("Search keywords"), self.keywords)
        layout.addRow(self.tr("Owner"), self.owner)
        layout.addRow(self.tr("Summary"), self.summary)
        layout.addRow(self.tr("Effective from"), self.effective)
        layout.addRow(self.tr("Review by"), self.review_by)
        layout.addRow("", self.ack_required)
        for edit in (self.title, self.category, self.tags, self.keywords, self.owner,
                     self.summary):
            edit.textEdited.connect(lambda _t: self.changed.emit())
        self.kind.activated.connect(lambda _i: self.changed.emit())
        self.effective.changed.connect(self.changed)
        self.review_by.changed.connect(self.changed)
        self.ack_required.toggled.connect(lambda _on: self.changed.emit())
        self._loaded: dict[str, FieldValue] = {}

    #: ``ack_required`` as loaded when it names groups or roles of team.yaml (else None)
    _ack_named: FieldValue = None

    def load(self, text: str) -> None:
        """Fill the form from a document's front matter (without emitting ``changed``)."""
        try:
            meta = read_meta(text)
        except KbError as exc:
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
            keywords = meta.get("keywords") or []
            self.keywords.setText(", ".join(str(w) for w in keywords)
                                  if isinstance(keywords, list) else str(keywords))
            self.owner.setText(str(meta.get("owner") or ""))
            self.summary.setText(str(meta.get("summary") or ""))
            for edit in (self.effective, self.review_by):
                edit.blockSignals(True)
            self.effective.set_value(parse_iso_date(meta.get("effective")))
            self.review_by.set_value(parse_iso_date(meta.get("review_by")))
            for edit in (self.effective, self.review_by):
                edit.blockSignals(False)
            ack = meta.get("ack_required")
            # groups or roles of team.yaml (a list or text) are kept as written while checked
            self._ack_named = ack if isinstance(ack, list) or (
                isinstance(ack, str) and ack.strip() not in ("", "true", "false")) else None
            self.ack_required.setChecked(ack in (True, "true") or self._ack_named is not None)
        finally:
            self.blockSignals(False)
        self._loaded = self.values()

    def tag_list(self) -> list[str]:
        """The tags typed, split at commas (either width) and trimmed."""
        return [t.strip() for t in re.split(r"[,，、]", self.tags.text()) if t.strip()]

    def values(self) -> dict[str, FieldValue]:
        """Every form field as the value it would be written as (None: no line)."""
        text = {
            "title": self.title.text().strip(),
            "category": self.category.text().strip(),
            "owner": self.owner.text().strip(),
            "summary": self.summary.text().strip(),
        }
        values: dict[str, FieldValue] = {key: value or None for key, value in text.items()}
        values["kind"] = str(self.kind.currentData())
        values["tags"] = self.tag_list() or None
        values["keywords"] = [w.strip() for w in re.split(r"[,，、]", self.keywords.text())
                              if w.strip()] or None
        values["effective"] = self.effective.value()
        values["review_by"] = self.review_by.value()
        named = self._ack_named
        values["ack_required"] = ((named if named is not None else True)
                                  if self.ack_required.isChecked() else None)
        return values

    def changed_fields(self) -> dict[str, FieldValue]:
        """The fields whose value differs from what was loaded."""
        now = self.values()
        return {key: value for key, value in now.items() if self._loaded.get(key) != value}

    def apply(self, text: str) -> str:
        """Write the changed fields into ``text``'s front matter; untouched text stays as is."""
        changes = self.changed_fields()
        if "ack_required" in changes and changes["ack_required"] is None:
            changes["ack_required"] = False
        return set_fields(text, changes) if changes else text
