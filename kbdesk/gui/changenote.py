"""The change-note dialog every publishing action asks through (publish, rollback, retire, resolve).

A change note is required: the dialog refuses an empty one with a message saying why, and stays
open. ``ask_change_note`` is the one entry point the editor views call; tests replace it.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import KbError, Publishing, load_editor_key

log = logging.getLogger(__name__)


class ChangeNoteDialog(QDialog):
    """Asks for the change note of a new version; an empty note is refused.

    Args:
        prompt: what is about to happen ("Publish 客訴處理手冊 as version 4").
        note: text to start from.
    """

    def __init__(self, prompt: str, note: str = "", parent: QWidget | None = None,
                 effective: dt.date | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change note"))
        self.setModal(True)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.hint = QLabel(
            self.tr("Say what changed and why. Agents and other editors see this note in "
                    "the document's history."),
            self,
        )
        self.hint.setWordWrap(True)
        # which key signs the version (a library that requires signing refuses it unsigned)
        self.signer = QLabel(self._signer_text(), self)
        self.signer.setObjectName("signedBy")
        self.signer.setWordWrap(True)
        self.signer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("changeNote")
        self.editor.setPlainText(note)
        self.editor.setTabChangesFocus(True)
        self.error = QLabel(self)
        self.error.setObjectName("changeNoteError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Publish"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.hint)
        layout.addWidget(self.signer)
        layout.addWidget(self.editor, 1)
        self.effective: QDateEdit | None = None
        if effective is not None:  # publishing: the day the version comes into force
            self.effective = QDateEdit(QDate(effective.year, effective.month, effective.day),
                                       self)
            self.effective.setObjectName("effectiveDate")
            self.effective.setCalendarPopup(True)
            self.effective.setDisplayFormat("yyyy-MM-dd")
            # a new version never comes into force before the day it is published
            # (today: the library's clock, given by the editor)
            first = min(effective, today) if today is not None else effective
            self.effective.setMinimumDate(QDate(first.year, first.month, first.day))
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("Comes into force on:"), self))
            row.addWidget(self.effective)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(480, 260)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _signer_text(self) -> str:
        """Which key signs: a small file of the user's own read once (no library, no lock)."""
        try:
            key = load_editor_key()
        except KbError as exc:
            return self.tr("Your editor key cannot be used: %1").replace("%1", str(exc))
        if key is None:
            return self.tr("Not signed: this workstation has no editor key (a library that "
                           "requires signing refuses the version; make one with "
                           "`kbdesk keys init`).")
        return self.tr("Signed with your editor key %1").replace("%1", key.fingerprint)

    def effective_date(self) -> dt.date | None:
        """The day chosen for the version to come into force (None when not asked)."""
        if self.effective is None:
            return None
        day = self.effective.date()
        return dt.date(day.year(), day.month(), day.day())

    def note(self) -> str:
        """The note as typed, without surrounding blanks."""
        return self.editor.toPlainText().strip()

    def accept(self) -> None:
        """Close only when a note was written; otherwise say why and stay open."""
        if Publishing.note_missing(self.note()):  # the core's rule
            self.error.setText(
                self.tr("A change note is required: write what changed and why before "
                        "publishing.")
            )
            self.error.show()
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()


def ask_publish(parent: QWidget | None, prompt: str, note: str, effective: dt.date,
                today: dt.date | None = None) -> tuple[str, dt.date] | None:
    """Ask for the change note and the day the version comes into force (shown, changeable,
    never before ``today``, the library's day); None when the editor cancelled."""
    dialog = ChangeNoteDialog(prompt, note, parent, effective=effective, today=today)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            day = dialog.effective_date()
            assert day is not None
            return dialog.note(), day
        return None
    finally:
        dialog.deleteLater()


def ask_change_note(parent: QWidget | None, prompt: str, note: str = "") -> str | None:
    """Ask for a change note; return it, or None when the editor cancelled."""
    dialog = ChangeNoteDialog(prompt, note, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.note()
        return None
    finally:
        dialog.deleteLater()
