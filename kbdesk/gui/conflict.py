"""The three-way view of a sync conflict: base, theirs and mine, and the editor's resolution.

Shown when a sync finds the same document changed here and on another workstation. The core has
already put their version in the library and kept mine as a draft, so nothing is lost whatever
happens here. The editor edits the result (prefilled with mine) and publishes it with a change
note; closing without publishing keeps the edited result as the draft.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import Conflict, Draft, KbError, KnowledgeBase, PublishResult, diff_texts
from kbdesk.gui.changenote import ask_change_note
from kbdesk.gui.diffview import DiffView
from kbdesk.gui.notices import show_error
from kbdesk.gui.tasks import TaskRunner

log = logging.getLogger(__name__)


def _pane(parent: QWidget, text: str | None, placeholder: str) -> QPlainTextEdit:
    pane = QPlainTextEdit(parent)
    pane.setReadOnly(True)
    pane.setPlainText(text if text is not None else "")
    pane.setPlaceholderText(placeholder)
    return pane


class ConflictDialog(QDialog):
    """Resolve one conflict: see base / theirs / mine, edit the result, publish it.

    Signals:
        resolved(object): the resolution was published (its ``PublishResult``).
    """

    resolved = Signal(object)

    def __init__(
        self,
        kb: KnowledgeBase,
        runner: TaskRunner,
        conflict: Conflict,
        *,
        author: str | None = None,
        parent: QWidget | None = None,
        from_editor: bool = False,
    ) -> None:
        super().__init__(parent)
        self.kb, self.runner, self.conflict, self.author = kb, runner, conflict, author
        #: opened from the document's editor: its autosave is settled by the publish too
        self.from_editor = from_editor
        self.ask_note: Callable[[QWidget | None, str, str], str | None] = ask_change_note
        self.published: PublishResult | None = None
        self.setWindowTitle(self.tr("Resolve a conflict: %1").replace("%1", conflict.path))
        self.setModal(False)
        intro = QLabel(
            self.tr("%1 was changed here and on another workstation. Their version is in "
                    "the library now; yours is kept as a draft. Edit the result below and "
                    "publish it.").replace("%1", conflict.path),
            self,
        )
        intro.setWordWrap(True)
        none = self.tr("(no text: the document did not exist or was deleted)")
        self.base = _pane(self, conflict.base, none)
        self.base.setObjectName("conflictBase")
        self.theirs = _pane(self, conflict.theirs, none)
        self.theirs.setObjectName("conflictTheirs")
        self.mine = _pane(self, conflict.mine, none)
        self.mine.setObjectName("conflictMine")
        texts = QWidget(self)
        grid = QGridLayout(texts)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (label, pane) in enumerate((
            (self.tr("Base (before both changes)"), self.base),
            (self.tr("Theirs (published elsewhere)"), self.theirs),
            (self.tr("Mine (kept as a draft)"), self.mine),
        )):
            grid.addWidget(QLabel(label, texts), 0, column)
            grid.addWidget(pane, 1, column)
        #: the document's other drafts (the editor's autosave, a kept hand edit): shown too,
        #: since a conflict never replaces them
        self.other_drafts = [
            d for d in kb.drafts.drafts_of(conflict.doc_id)
            if d.name != conflict.draft and d.text != conflict.mine
        ]
        self.diff_view = DiffView(self)
        theirs_label, mine_label = self.tr("theirs"), self.tr("mine")
        task = runner.submit(
            lambda _p, _c: diff_texts(conflict.theirs or "", conflict.mine or "",
                                      old_label=theirs_label, new_label=mine_label),
            name="conflict diff", owner=self,
        )
        task.succeeded.connect(self.diff_view.set_diff)
        views = QTabWidget(self)
        views.addTab(texts, self.tr("Three texts"))
        views.addTab(self.diff_view, self.tr("Theirs ↔ mine"))
        self.draft_panes: list[QPlainTextEdit] = []
        for other in self.other_drafts:
            pane = _pane(self, other.text, none)
            self.draft_panes.append(pane)
            views.addTab(pane, self.tr("Your other draft (%1, %2)").replace(
                "%1", other.origin).replace("%2", other.saved_at.replace("T", " ")[:16]))
        self.result_edit = QPlainTextEdit(self)
        self.result_edit.setObjectName("conflictResult")
        self.result_edit.setPlainText(
            conflict.mine if conflict.mine is not None else (conflict.theirs or "")
        )
        result_box = QWidget(self)
        result_layout = QVBoxLayout(result_box)
        result_layout.setContentsMargins(0, 0, 0, 0)
        result_layout.addWidget(QLabel(self.tr("Result (what will be published)"), result_box))
        result_layout.addWidget(self.result_edit, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(views)
        splitter.addWidget(result_box)
        self.use_theirs = QPushButton(self.tr("Start from theirs"), self)
        self.use_mine = QPushButton(self.tr("Start from mine"), self)
        self.publish_button = QPushButton(self.tr("Publish result…"), self)
        self.publish_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close (keep as draft)"), self)
        result = self.result_edit
        self.use_theirs.clicked.connect(lambda: result.setPlainText(conflict.theirs or ""))
        self.use_mine.clicked.connect(lambda: result.setPlainText(conflict.mine or ""))
        self.publish_button.clicked.connect(self.publish)
        self.close_button.clicked.connect(self.close)
        self.status = QLabel(self)
        buttons = QHBoxLayout()
        for button in (self.use_theirs, self.use_mine):
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.publish_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1100, 760)

    @classmethod
    def from_draft(
        cls, kb: KnowledgeBase, runner: TaskRunner, doc_id: str, **kwargs: object
    ) -> ConflictDialog:
        """Reopen a conflict kept as a draft (after a restart): mine is the draft's text."""
        return cls(kb, runner, kb.sync.conflict_from_draft(doc_id), **kwargs)  # type: ignore[arg-type]

    def result_text(self) -> str:
        """The resolution as edited."""
        return self.result_edit.toPlainText()

    def keep_draft(self) -> None:
        """Keep the edited result as the document's draft (nothing is lost on close)."""
        if self.published is not None:
            return
        text = self.result_text()
        if text in [d.text for d in self.kb.drafts.drafts_of(self.conflict.doc_id)]:
            return
        try:  # the conflict's own draft is replaced; the document's other drafts stay
            saved = self.kb.drafts.save(Draft(self.conflict.doc_id, self.conflict.path, text,
                                              origin="sync-conflict", name=self.conflict.draft))
        except KbError as exc:
            show_error(self, exc)
            return
        self.conflict = replace(self.conflict, draft=saved.name)

    def publish(self) -> None:
        """Ask for a change note and publish the result."""
        note = self.ask_note(self, self.tr("Publish the resolved text of %1.")
                             .replace("%1", self.conflict.path), "")
        if note is not None:
            self.publish_with_note(note)

    def publish_with_note(self, note: str) -> None:
        """Publish the result with ``note`` on the writer worker (the core refuses a blank
        note: its message is shown, the result kept as a draft)."""
        self.keep_draft()
        text, path, own = self.result_text(), self.conflict.path, self.from_editor
        self.status.setText(self.tr("Publishing…"))
        self.publish_button.setEnabled(False)
        task = self.runner.submit(
            lambda _p, _c: self.kb.publishing.publish(path, text, note, self.author,
                                                      from_editor=own),
            name="resolve", write=True, owner=self,
        )
        task.succeeded.connect(self._published)
        task.failed.connect(self._failed)

    def _published(self, result: PublishResult) -> None:
        self.published = result
        self.status.setText(self.tr("Published version %1.").replace("%1", str(result.version)))
        self.resolved.emit(result)
        self.accept()

    def _failed(self, error: KbError) -> None:
        self.publish_button.setEnabled(True)
        self.status.setText(self.tr("Not published; your text is kept as a draft."))
        show_error(self, error)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.keep_draft()
        super().closeEvent(event)

    def reject(self) -> None:
        """Esc or Close: keep the result as a draft, then close."""
        self.keep_draft()
        super().reject()
