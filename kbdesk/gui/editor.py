"""The editor's window: Markdown with a live preview, the metadata form, drafts and publishing.

The window holds one document. Its text is the front matter (edited through the form) plus the
Markdown body (edited as text). Every few seconds an edited text is saved as a draft through the
core (outside the library, so agents never see it); opening the document again restores the
draft where the editor left off. Publishing asks for a change note and runs on the task runner's
writer; a failed publish leaves the draft in place, so no word is lost.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import (
    Draft,
    KbError,
    Kind,
    KnowledgeBase,
    PublishResult,
    Settings,
    document_id,
    front_block,
    render,
)
from kbdesk.gui.changenote import ask_change_note, ask_publish
from kbdesk.gui.conflict import ConflictDialog
from kbdesk.gui.editordialogs import RenameDialog
from kbdesk.gui.history import HistoryWindow
from kbdesk.gui.metaform import MetadataForm
from kbdesk.gui.notices import show_error
from kbdesk.gui.reader import show_html
from kbdesk.gui.tasks import TaskRunner

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 300
AUTOSAVE_MS = 3000



def _confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, parent.windowTitle(), question)
    return answer == QMessageBox.StandardButton.Yes


@dataclass(frozen=True)
class EditorStart:
    """What an editor opens with: read on a worker thread (``read_for_editing``,
    ``read_new_document``), so the window is built without touching the disk.

    Attributes:
        published_text: the document's published text (None for a new document).
        start_text: the text the editor starts from (before its draft is restored).
        draft: the editor's draft of the document left from before (None: none).
        kept: every draft of the document (a sync conflict's shows the resolve button).
    """

    doc_id: str
    path: str
    published_text: str | None
    start_text: str
    base_version: int | None
    draft: Draft | None = None
    kept: Sequence[Draft] = field(default_factory=tuple)


def read_for_editing(kb: KnowledgeBase, doc_id: str) -> EditorStart:
    """Read a published document and its drafts for an editor (call it on a worker thread)."""
    doc = kb.document(doc_id)
    text = (kb.root / doc.path).read_text("utf-8")
    return EditorStart(doc.id, doc.path, text, text, doc.version, kb.drafts.load(doc.id),
                       tuple(kb.drafts.drafts_of(doc.id)))


def read_new_document(kb: KnowledgeBase, kind: Kind | str, path: str, title: str = ""
                      ) -> EditorStart:
    """A new document from its template, and any draft left of it (call it on a worker
    thread). Raises ``KbError`` when the path cannot hold a new document."""
    new = kb.publishing.new_document(kind, path, title)
    return EditorStart(new.doc_id, new.path, None, new.text, None, kb.drafts.load(new.doc_id),
                       tuple(kb.drafts.drafts_of(new.doc_id)))


class _SaveOrder:
    """The order of one editor's draft saves: an autosave written on a worker is skipped when
    a later save (``save_draft``) came first; the lock keeps the two writes apart."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.serial = 0


class EditorWindow(QMainWindow):
    """Edit one document (new or published), with drafts and publishing.

    Build one from an :class:`EditorStart` read on a worker thread (``from_start``); the
    ``open_document`` and ``new_document`` shortcuts read it on the calling thread.

    Signals:
        draftSaved(object): a ``Draft`` was autosaved.
        draftDiscarded(): the draft was thrown away on request.
        previewUpdated(): the preview shows the current text.
        published(object): a ``PublishResult`` after a publish, retirement or rename.
    """

    draftSaved = Signal(object)
    draftDiscarded = Signal()
    previewUpdated = Signal()
    published = Signal(object)

    def __init__(
        self,
        kb: KnowledgeBase,
        runner: TaskRunner,
        *,
        doc_id: str,
        path: str,
        published_text: str | None,
        start_text: str,
        base_version: int | None,
        settings: Settings | None = None,
        autosave_ms: int = AUTOSAVE_MS,
        parent: QWidget | None = None,
        drafts: tuple[Draft | None, Sequence[Draft]] | None = None,
    ) -> None:
        """``drafts``: the draft to restore and every draft of the document, read before (on
        a worker thread); None reads them here."""
        super().__init__(parent)
        self.kb, self.runner = kb, runner
        self.settings = settings or Settings.load()
        self.doc_id, self.path = doc_id, path
        self.published_text = published_text
        self.base_version = base_version
        self.ask_note: Callable[[QWidget | None, str, str], str | None] = ask_change_note
        self.confirm: Callable[[QWidget, str], bool] = _confirm
        self.history_window: HistoryWindow | None = None
        self._front = ""
        self._dirty = False
        self._publishing = False
        self._saves = _SaveOrder()
        self._build()
        self.autosave = QTimer(self)
        self.autosave.setInterval(autosave_ms)
        self.autosave.timeout.connect(self._autosave)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.update_preview)
        self._set_text(start_text)
        self._restore_draft(drafts)
        self.autosave.start()
        self._update_title()

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def from_start(
        cls, kb: KnowledgeBase, runner: TaskRunner, start: EditorStart, **kwargs: object
    ) -> EditorWindow:
        """An editor of what ``start`` holds (its draft, if one was left, is restored)."""
        return cls(kb, runner, doc_id=start.doc_id, path=start.path,
                   published_text=start.published_text, start_text=start.start_text,
                   base_version=start.base_version, drafts=(start.draft, start.kept),
                   **kwargs)  # type: ignore[arg-type]

    @classmethod
    def open_document(
        cls, kb: KnowledgeBase, runner: TaskRunner, doc_id: str, **kwargs: object
    ) -> EditorWindow:
        """Edit a published document, read on this thread (the app reads it on a worker:
        ``read_for_editing`` then ``from_start``)."""
        return cls.from_start(kb, runner, read_for_editing(kb, doc_id), **kwargs)

    @classmethod
    def new_document(
        cls, kb: KnowledgeBase, runner: TaskRunner, kind: Kind | str, path: str,
        title: str = "", **kwargs: object,
    ) -> EditorWindow:
        """Start a new document of ``kind`` at library path ``path`` from its template, read
        on this thread (the app reads it on a worker: ``read_new_document``)."""
        return cls.from_start(kb, runner, read_new_document(kb, kind, path, title), **kwargs)

    def _build(self) -> None:
        self.form = MetadataForm(self.kb.today, self)
        self.form.changed.connect(self._edited)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("markdownEditor")
        self.text_edit.textChanged.connect(self._edited)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("preview")
        self.preview.setOpenLinks(False)
        self.info = QLabel(self)
        self.info.setObjectName("draftInfo")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("background:#e8f1fb; color:#123; padding:4px;")
        self.discard_button = QPushButton(self.tr("Discard draft…"), self)
        self.discard_button.clicked.connect(self.discard_draft)
        self.resolve_button = QPushButton(self.tr("Compare with the library's version…"), self)
        self.resolve_button.clicked.connect(self.resolve_conflict)
        self.resolve_button.hide()
        self.conflict_dialog: ConflictDialog | None = None
        left = QSplitter(Qt.Orientation.Vertical, self)  # the form can be made small
        left.setObjectName("editorFormSplitter")
        left.addWidget(self.form)
        left.addWidget(self.text_edit)
        left.setStretchFactor(1, 1)
        left.setCollapsible(1, False)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.info)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.resolve_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._show_info("")
        toolbar = QToolBar(self.tr("Editor"), self)
        toolbar.setObjectName("editorToolbar")
        self.addToolBar(toolbar)
        self.actions_by_id: dict[str, QAction] = {}
        for action_id, text, shortcut, slot in (
            ("editor.save_draft", self.tr("Save draft"), "Ctrl+S", self.save_draft),
            ("editor.publish", self.tr("Publish…"), "Ctrl+Return", self.publish),
            ("editor.rename", self.tr("Rename / move…"), "F2", self.rename),
            ("editor.history", self.tr("History"), "Ctrl+H", self.show_history),
            ("editor.retire", self.tr("Retire…"), "", self.retire),
            ("editor.discard", self.tr("Discard draft…"), "", self.discard_draft),
        ):
            action = QAction(text, self)
            action.setObjectName(action_id)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _c=False, s=slot: s())
            toolbar.addAction(action)
            self.actions_by_id[action_id] = action
        self.resize(1100, 760)

    # -- text ---------------------------------------------------------------------------------

    def _set_text(self, text: str, cursor: int | None = None) -> None:
        self._front, body = front_block(text)
        self.form.load(text)
        self.text_edit.blockSignals(True)
        self.text_edit.setPlainText(body)
        self.text_edit.blockSignals(False)
        if cursor is not None:
            position = max(0, min(cursor - len(self._front), len(body)))
            text_cursor = self.text_edit.textCursor()
            text_cursor.setPosition(position)
            self.text_edit.setTextCursor(text_cursor)
        self._dirty = False
        self.update_preview()

    def text(self) -> str:
        """The whole document as it would be published: front matter from the form, then body."""
        return self.form.apply(self._front + self.text_edit.toPlainText())

    def cursor_position(self) -> int:
        """The cursor position in ``text()`` (what a draft remembers)."""
        front, _body = front_block(self.text())
        return len(front) + self.text_edit.textCursor().position()

    @property
    def dirty(self) -> bool:
        """True when there are edits not yet saved as a draft."""
        return self._dirty

    def _edited(self) -> None:
        self._dirty = True
        self.preview_timer.start()
        self._update_title()

    def update_preview(self) -> None:
        """Render the body into the preview (debounced while typing)."""
        show_html(self.preview, render(self.text_edit.toPlainText()))
        self.previewUpdated.emit()

    def _update_title(self) -> None:
        title = self.form.title.text() or self.path
        mark = "* " if self._dirty else ""
        self.setWindowTitle(self.tr("%1%2 — Editor").replace("%1", mark).replace("%2", title))

    def _show_info(self, message: str, *, discard: bool = False) -> None:
        self.info.setText(message)
        self.info.setVisible(bool(message))
        self.discard_button.setVisible(discard)
        if not discard:
            self.resolve_button.hide()

    # -- drafts -------------------------------------------------------------------------------

    def _restore_draft(self, drafts: tuple[Draft | None, Sequence[Draft]] | None = None
                       ) -> None:
        if drafts is None:
            drafts = self.kb.drafts.load(self.doc_id), self.kb.drafts.drafts_of(self.doc_id)
        draft, kept = drafts
        if draft is None:
            return
        self._set_text(draft.text, draft.cursor)
        self.text_edit.setFocus()
        when = draft.saved_at.replace("T", " ")[:19]
        message = self.tr("Your unpublished draft from %1 was restored.").replace("%1", when)
        if draft.origin == "sync-conflict" or any(d.origin == "sync-conflict" for d in kept):
            self.resolve_button.show()
            message = self.tr(
                "This is your text from a sync conflict (the same document was changed on "
                "another workstation). Compare and publish, or discard it."
            )
        current = self.base_version
        if draft.base_version is not None and current is not None and draft.base_version < current:
            message += " " + self.tr(
                "Version %1 was published since this draft was started from version %2."
            ).replace("%1", str(current)).replace("%2", str(draft.base_version))
        self._show_info(message, discard=True)

    def _draft_now(self) -> Draft:
        return Draft(self.doc_id, self.path, self.text(), base_version=self.base_version,
                     cursor=self.cursor_position(), origin="editor")

    def save_draft(self) -> Draft | None:
        """Save the text as a draft now (Ctrl+S; the autosave does it every few seconds while
        edited, off the UI thread)."""
        draft = self._draft_now()
        try:
            with self._saves.lock:  # an autosave being written finishes first, never after
                self._saves.serial += 1
                saved = self.kb.drafts.save(draft)
        except KbError as exc:
            show_error(self, exc)
            return None
        self._dirty = False
        return self._draft_saved(saved)

    def _autosave_in_background(self) -> None:
        """Write the draft on the runner's ordered lane (its file is synced to disk, which
        may take a while); a save made meanwhile by ``save_draft`` wins."""
        draft, saves, drafts = self._draft_now(), self._saves, self.kb.drafts
        serial = saves.serial
        self._dirty = False

        def save(_progress: object, _cancel: object) -> Draft | None:
            with saves.lock:
                return drafts.save(draft) if saves.serial == serial else None

        task = self.runner.submit(save, name="autosave draft", ordered=True, owner=self)
        task.succeeded.connect(self._autosaved)
        task.failed.connect(self._autosave_failed)

    def _autosaved(self, saved: Draft | None) -> None:
        if saved is not None:  # else a later save, a discard or a publish came first
            self._draft_saved(saved)

    def _supersede_autosaves(self) -> None:
        """Drop any autosave still queued: a discard or a publish decides the draft now (an
        autosave being written finishes first)."""
        with self._saves.lock:
            self._saves.serial += 1

    def _autosave_failed(self, error: KbError) -> None:
        self._dirty = True  # tried again at the next tick
        self._update_title()
        show_error(self, error)

    def _draft_saved(self, saved: Draft) -> Draft:
        self._update_title()
        self.statusBar().showMessage(
            self.tr("Draft saved at %1").replace("%1", self.kb.clock.now().strftime("%H:%M:%S"))
        )
        self.discard_button.setVisible(True)
        self.draftSaved.emit(saved)
        return saved

    def _autosave(self) -> None:
        if self._dirty and not self._publishing:
            self._autosave_in_background()

    def discard_draft(self) -> bool:
        """Throw the draft away (after confirmation) and show the published text again."""
        if not self.confirm(self, self.tr("Discard your draft? The changes in it cannot be "
                                          "recovered.")):
            return False
        self._supersede_autosaves()
        try:
            self.kb.drafts.discard(self.doc_id)
        except KbError as exc:
            show_error(self, exc)
            return False
        template = self.kb.publishing.template_text(self.form.kind.currentData())
        self._set_text(self.published_text or template)
        self._show_info(self.tr("The draft was discarded."))
        self._update_title()
        self.draftDiscarded.emit()
        return True

    def resolve_conflict(self) -> ConflictDialog:
        """Open the three-way view of a draft kept from a sync conflict."""
        self.save_draft()
        dialog = ConflictDialog.from_draft(self.kb, self.runner, self.doc_id,
                                           author=self.author, parent=self, from_editor=True)
        dialog.resolved.connect(self._published)
        self.conflict_dialog = dialog
        dialog.show()
        return dialog

    # -- publishing ---------------------------------------------------------------------------

    @property
    def author(self) -> str | None:
        """The name recorded on what this editor publishes."""
        name = str(self.settings.get("agent_name") or "").strip()
        return name or None

    def publish(self) -> None:
        """Ask for a change note and the day it comes into force (shown, changeable), then
        publish."""
        prompt = self.tr("Publish “%1” as a new version.").replace("%1", self.form.title.text())
        if self.ask_note is not ask_change_note:  # replaced (tests): the note only
            note = self.ask_note(self, prompt, "")
            if note is not None:
                self.publish_with_note(note)
            return
        answer = ask_publish(self, prompt, "", self.effective_default(), self.kb.today())
        if answer is not None:
            self.publish_with_note(answer[0], effective=answer[1])

    def effective_default(self) -> dt.date:
        """The day the new version would come into force: its ``effective:`` date when that
        is later than today, else today (the core's rule)."""
        return self.kb.publishing.default_effective(self.text())

    def publish_with_note(self, note: str, effective: dt.date | None = None) -> None:
        """Publish the text with ``note`` on the writer worker (the core refuses a blank note:
        its message is shown, the draft kept)."""
        self.save_draft()  # nothing is lost if publishing fails
        text = self.kb.publishing.text_to_publish(self.text())
        when = self.kb.publishing.effective_to_set(text, effective)
        # the core settles this editor's autosave with the other drafts a publish resolves
        self._run_publish(lambda: self.kb.publishing.publish(self.path, text, note, self.author,
                                                             when, from_editor=True),
                          self.tr("Publishing…"))

    def _run_publish(self, job: Callable[[], PublishResult], message: str) -> None:
        self._publishing = True
        self._supersede_autosaves()
        self.statusBar().showMessage(message)
        task = self.runner.submit(lambda _p, _c: job(), name="publish", write=True,
                                  owner=self)
        task.succeeded.connect(self._published)
        task.failed.connect(self._publish_failed)

    def _published(self, result: PublishResult) -> None:
        self._publishing = False
        self.doc_id, self.path, self.base_version = result.doc_id, result.path, result.version
        self.published_text = (self.kb.root / result.path).read_text("utf-8")
        self._set_text(self.published_text)
        self._show_info("")
        self._update_title()
        self.statusBar().showMessage(self.tr("Published version %1.").replace(
            "%1", str(result.version)))
        self.published.emit(result)

    def _publish_failed(self, error: KbError) -> None:
        self._publishing = False
        self.statusBar().showMessage(self.tr("Not published; your draft is kept."))
        show_error(self, error)

    def retire(self) -> None:
        """Retire the published document (agents no longer find it), with a note."""
        if self.published_text is None:
            show_error(self, self.tr("This document was never published: discard the draft "
                                     "instead."))
            return
        note = self.ask_note(self, self.tr("Retire “%1”: agents will no longer find it in "
                                           "search.").replace("%1", self.form.title.text()), "")
        if note is not None:  # a blank one: the core refuses it and its message is shown
            self._run_publish(lambda: self.kb.publishing.retire(self.doc_id, note, self.author),
                              self.tr("Retiring…"))

    def rename(self) -> None:
        """Change the title and category, and move the file when a new path is given."""
        dialog = RenameDialog(self.form.title.text(), self.form.category.text(), self.path,
                              self.kb.publishing.new_path_problem, self)
        try:
            if not dialog.exec():
                return
            if (dialog.title(), dialog.category()) != (self.form.title.text(),
                                                       self.form.category.text()):
                self.form.title.setText(dialog.title())
                self.form.category.setText(dialog.category())
                self._edited()
            if dialog.moved():
                self.ask_move(dialog.path())
        finally:
            dialog.deleteLater()

    def ask_move(self, new_path: str) -> None:
        """Move the document to ``new_path`` (asking for a change note when published)."""
        if self.published_text is None:  # never published: only where it will be created
            old_id = self.doc_id
            self.path = new_path
            self.doc_id = document_id(new_path, self.text())
            self._rekey_draft(old_id)
            self._update_title()
            return
        note = self.ask_note(self, self.tr("Move “%1” to %2.").replace(
            "%1", self.form.title.text()).replace("%2", new_path), "")
        if note is not None:
            self.move_to(new_path, note)

    def move_to(self, new_path: str, note: str) -> None:
        """Move the published document to ``new_path`` on the writer worker (the core refuses
        a blank note: its message is shown)."""
        if self._dirty:
            self.save_draft()
        doc_id = self.doc_id
        self._publishing = True
        self._supersede_autosaves()
        self.statusBar().showMessage(self.tr("Moving…"))
        task = self.runner.submit(
            lambda _p, _c: self.kb.publishing.move(doc_id, new_path, note, self.author),
            name="move", write=True, owner=self)
        task.succeeded.connect(self._moved)
        task.failed.connect(self._publish_failed)

    def _moved(self, result: PublishResult) -> None:
        self._publishing = False
        old_id, had_draft = self.doc_id, self.kb.drafts.load(self.doc_id) is not None
        self.doc_id, self.path, self.base_version = result.doc_id, result.path, result.version
        self.published_text = (self.kb.root / result.path).read_text("utf-8")
        if had_draft:
            self._rekey_draft(old_id)  # unpublished edits follow the document
        else:
            self._set_text(self.published_text)
        self._update_title()
        self.statusBar().showMessage(self.tr("Moved to %1 (version %2).").replace(
            "%1", result.path).replace("%2", str(result.version)))
        self.published.emit(result)

    def _rekey_draft(self, old_id: str) -> None:
        if old_id == self.doc_id and self.kb.drafts.load(old_id) is None:
            return
        self.save_draft()
        if old_id != self.doc_id:
            self.kb.drafts.discard(old_id)

    def show_history(self) -> None:
        """Open the document's history."""
        if self.published_text is None:
            self.statusBar().showMessage(self.tr("Not published yet: no history."))
            return
        self.history_window = HistoryWindow(self.kb, self.runner, self.doc_id,
                                            author=self.author)
        self.history_window.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._dirty:
            self.save_draft()
        self.autosave.stop()
        self.preview_timer.stop()
        super().closeEvent(event)

