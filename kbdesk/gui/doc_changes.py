"""What agents need when documents change: 已更新 marks, "what changed", and read receipts.

The rules (is a document updated for this workstation, what changed since, who must still
acknowledge) are the core's ``kb.reading``; these widgets show them. ``UpdatedBanner`` and
``WhatChangedDialog`` show the difference from the version last seen to the one in force.
``AckBanner`` asks for "I have read this version" on documents that require it and records the
receipt through the core.

The reader must compute "what changed" *before* it marks the opened document seen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import Document, KbError, KnowledgeBase, Pending, Settings, Status, TextDiff
from kbdesk.gui.diffview import DiffView
from kbdesk.gui.notices import show_error
from kbdesk.gui.tasks import TaskRunner

log = logging.getLogger(__name__)

_BANNER_STYLE = "background:#e8f1fb; color:#102a43; padding:6px; border:1px solid #9cc3e8;"
_RETIRED_STYLE = "background:#eeeeee; color:#5a1010; padding:6px; border:1px solid #b88;"



class WhatChangedDialog(QDialog):
    """The difference between the version an agent last saw and the one in force.

    Closing it with "Got it" marks the current version as seen.

    Signals:
        loaded(object): the ``TextDiff`` shown, or None when nothing changed.
    """

    loaded = Signal(object)

    def __init__(self, kb: KnowledgeBase, runner: TaskRunner, doc_id: str,
                 since: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.doc_id, self.runner = kb, doc_id, runner
        self.setWindowTitle(self.tr("What changed"))
        self.message = QLabel(self.tr("Comparing…"), self)
        self.message.setWordWrap(True)
        self.view = DiffView(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Got it"))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(900, 600)
        self.diff: TextDiff | None = None
        task = runner.submit(lambda _p, _c: kb.reading.changes_since(doc_id, since),
                             name="what_changed", owner=self)
        task.succeeded.connect(self._show)
        task.failed.connect(self._failed)

    def _show(self, diff: TextDiff | None) -> None:
        self.diff = diff
        if diff is None or not diff.changed:
            self.message.setText(self.tr("Nothing changed since you last read this document."))
            self.view.clear()
        else:
            self.message.setText(
                self.tr("Changes since the version you last read (%1 → %2):")
                .replace("%1", diff.old_label)
                .replace("%2", diff.new_label)
            )
            self.view.set_diff(diff)
        self.loaded.emit(diff)

    def _failed(self, error: KbError) -> None:
        self.message.setText("")
        show_error(self, error)

    def accept(self) -> None:
        """Close and remember the current version as seen (written off the UI thread, in
        order with the other such writes: it looks up the version in force)."""
        reading, doc_id = self.kb.reading, self.doc_id
        task = self.runner.submit(lambda _p, _c: reading.mark_seen(doc_id), name="mark seen",
                                  ordered=True, owner=self)
        task.failed.connect(lambda error: log.warning("cannot mark %s as seen: %s", doc_id,
                                                      error))
        super().accept()


class UpdatedBanner(QWidget):
    """"Updated since you last read it" with a "What changed?" button, for the reader.

    Signals:
        whatChangedRequested(str): the agent asked what changed in this document (its id).
    """

    whatChangedRequested = Signal(str, int)

    def __init__(self, kb: KnowledgeBase | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.doc_id = ""
        self.since = 0
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("What changed?"), self)
        self.button.clicked.connect(
            lambda: self.whatChangedRequested.emit(self.doc_id, self.since)
        )
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.setStyleSheet(_BANNER_STYLE)
        self.hide()

    def set_document(self, doc: Document | None) -> None:
        """Show the banner when ``doc`` (as shown) is newer than the version last seen.

        Call it before the document is marked seen; the banner remembers the version the
        agent had seen, so "What changed?" still works afterwards. The window reads that
        version off the UI thread itself and calls :meth:`show_since`.
        """
        seen = None
        if doc is not None and self.kb is not None:
            seen = self.kb.receipts.last_seen(doc.id)
        self.show_since(doc, seen)

    def show_since(self, doc: Document | None, seen: int | None) -> None:
        """Show the banner when ``doc`` is newer than version ``seen`` (last opened here)."""
        if doc is not None:
            self.doc_id = doc.id
        if (doc is not None and self.kb is not None and seen is not None
                and self.kb.reading.updated(seen, doc.version)):
            self.since = seen
            self.label.setText(
                self.tr("Updated since you last read it (v%1 → v%2).")
                .replace("%1", str(seen)).replace("%2", str(doc.version))
            )
            self.show()
        else:
            self.hide()


class AckBanner(QWidget):
    """Asks an agent to confirm reading a document flagged ``ack_required``.

    Signals:
        acknowledged(object): the ``Receipt`` recorded.
        checked(object): whether a confirmation is due for the document set is known (the
            version to confirm, or None).
    """

    acknowledged = Signal(object)
    checked = Signal(object)
    _asked: Document | None = None

    def __init__(self, kb: KnowledgeBase | None, settings: Settings | None = None,
                 parent: QWidget | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.settings = settings or Settings.load()
        #: records the receipt off the UI thread (it waits for the team's records file)
        self.runner = runner or TaskRunner(self)
        #: the version to acknowledge (the one in force), while one is due
        self.doc: Document | None = None
        self.label = QLabel(self.tr("Please read this version and confirm."), self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("I have read this version"), self)
        self.button.setObjectName("ackButton")
        self.button.clicked.connect(self.acknowledge)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.setStyleSheet(_BANNER_STYLE)
        self.hide()

    @property
    def agent(self) -> str:
        """The agent's name from the settings."""
        return str(self.settings.get("agent_name") or "").strip()

    def set_document(self, doc: Document | None) -> None:
        """Show the banner if the version in force of ``doc`` needs a confirmation this agent
        has not given (an editor may be reading a newer, pending version).

        The receipts are read on the runner (the file grows with every confirmation); the
        banner stays hidden until the answer comes (``checked``)."""
        self._asked = doc
        self.doc = None
        self.hide()
        if doc is None or self.kb is None:
            self.checked.emit(None)
            return
        kb, agent = self.kb, self.agent or None
        task = self.runner.submit(lambda _p, _c: kb.reading.version_to_acknowledge(doc, agent),
                                  name="receipt due", owner=self)
        task.succeeded.connect(lambda due, d=doc: self._due_known(d, due))
        task.failed.connect(lambda error: log.warning("receipts not read: %s", error))

    def _due_known(self, asked: Document, due: Document | None) -> None:
        if asked is not self._asked:
            return  # another document was shown meanwhile
        self.doc = due
        if due is not None:
            self.label.setText(
                self.tr("Please read version %1 of this document and confirm.")
                .replace("%1", str(due.version))
            )
        self.setVisible(due is not None)
        self.checked.emit(due)

    def acknowledge(self) -> None:
        """Record "I have read this version" for the document shown."""
        if self.doc is None or self.kb is None:
            return
        kb, doc, name = self.kb, self.doc, self.agent or None
        self.button.setEnabled(False)
        # the core records the OS account and the roster's name for it, on the ordered lane
        task = self.runner.submit(lambda _p, _c: kb.team.acknowledge(doc, name=name),
                                  name="acknowledge", ordered=True, owner=self)
        task.succeeded.connect(self._acknowledged)
        task.failed.connect(self._not_acknowledged)

    def _acknowledged(self, receipt: object) -> None:
        self.button.setEnabled(True)
        self.hide()
        self.acknowledged.emit(receipt)

    def _not_acknowledged(self, error: KbError) -> None:
        self.button.setEnabled(True)
        show_error(self, error)


class DocumentStatusBanner(QLabel):
    """Says when the document shown is retired (已停用), or, for editors, has a pending version."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentStatusBanner")
        self.setWordWrap(True)
        self.hide()

    def set_state(self, doc: Document | None, pending: list[Pending] | None = None) -> None:
        """Show what applies to ``doc``: retired, or the versions waiting for their date."""
        lines: list[str] = []
        retired = doc is not None and doc.status is Status.RETIRED
        if retired:
            lines.append(self.tr("Retired: this document is no longer in use. It is kept for "
                                 "reference and is not found by search."))
        for item in pending or []:
            waiting = "—" if item.in_force_version is None else f"v{item.in_force_version}"
            lines.append(
                self.tr("Version %1 comes into force on %2; agents see %3 until then.")
                .replace("%1", f"v{item.version}" if item.version else "?")
                .replace("%2", item.effective.isoformat())
                .replace("%3", waiting)
            )
        style = _RETIRED_STYLE if retired else _BANNER_STYLE
        self.setStyleSheet(style)
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
