"""The editing and versions side of the main window: the Editor menu, sync, update banners.

``EditorialUi`` attaches to a ``MainWindow`` without the window knowing its details: it wires
the ``editor.*`` and ``sync.now`` actions of the registry, shows the Editor menu only when the
settings' ``role`` is ``editor`` (its shortcuts are disabled otherwise), puts the status line
of the sync (run by the window's ``AppController``) in the status bar, and adds the "updated"
and "I have read this version" banners above the reader.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QMenu, QWidget

from kbdesk.core import (
    Conflict,
    Document,
    KbError,
    Kind,
    KnowledgeBase,
    NotInForce,
    RoleDecision,
    decide_role,
    refusal,
)
from kbdesk.gui.conflict import ConflictDialog
from kbdesk.gui.doc_changes import (
    AckBanner,
    DocumentStatusBanner,
    UpdatedBanner,
    WhatChangedDialog,
)
from kbdesk.gui.editor import EditorStart, EditorWindow, read_for_editing, read_new_document
from kbdesk.gui.editordialogs import NewDocumentDialog
from kbdesk.gui.history import HistoryWindow
from kbdesk.gui.notices import show_error
from kbdesk.gui.review import ReviewPanel
from kbdesk.gui.signin import SignInDialog
from kbdesk.gui.syncing import SyncController

if TYPE_CHECKING:
    from kbdesk.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

EDITOR_ACTIONS = (
    "editor.new.handbook", "editor.new.phrasing", "editor.new.procedure", "editor.edit",
    "editor.history", "editor.review", "sync.now",
)


class EditorialUi(QObject):
    """Editor menu, background sync and update banners of one main window.

    Signals:
        seenRecorded(str doc_id): the version of a document opened was written as seen here
            (off the UI thread); the lists' 已更新 marks are refreshed then.
        roleKnown(RoleDecision): the core decided this user's role.
        editorOpened(EditorWindow): an editor was opened (its document and drafts were read
            on a worker thread first).
    """

    seenRecorded = Signal(str)
    #: roleKnown(RoleDecision): the core decided this user's role (the editor UI follows it)
    roleKnown = Signal(object)
    editorOpened = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.editors: dict[str, EditorWindow] = {}
        self._opening: set[str] = set()  # documents whose editor is being read
        self.windows: list[QWidget] = []  # history, review, dialogs kept alive while open
        self.sync_label = QLabel(window)
        self.sync_label.setObjectName("syncState")
        window.statusBar().addPermanentWidget(self.sync_label)
        self.status_banner = DocumentStatusBanner(window.reader)
        self.updated_banner = UpdatedBanner(None, window.reader)
        self.ack_banner = AckBanner(None, window.settings, window.reader, window.runner)
        layout = window.reader.layout()
        if isinstance(layout, QBoxLayout):  # just under the reader's title and header
            for offset, banner in enumerate(
                    (self.status_banner, self.updated_banner, self.ack_banner)):
                layout.insertWidget(min(2 + offset, layout.count()), banner)
        actions = window.actions_
        for kind in Kind:
            actions.connect(f"editor.new.{kind.value}", partial(self.new_document, kind))
        actions.connect("editor.edit", self.edit_current)
        actions.connect("editor.history", self.history_of_current)
        actions.connect("editor.review", self.review_list)
        actions.connect("sync.now", self.sync_now)
        self.updated_banner.whatChangedRequested.connect(self.what_changed)
        window.libraryOpened.connect(self._library_opened)
        window.app.syncStarted.connect(self._sync_started)
        window.app.newDay.connect(self._show_versions_in_force)
        window.opened.connect(self._document_opened)
        self.apply_role()

    # -- role and settings --------------------------------------------------------------------

    #: this user's role as the core decides it (roster, site settings, local setting); None
    #: until asked, off the UI thread, when a library opens or the settings change
    role_decision: RoleDecision | None = None
    _tooltips: dict[str, str] | None = None

    @property
    def is_editor(self) -> bool:
        """True when this user is an editor: the core's decision once known (the roster and the
        site settings first), the local setting until then. The core refuses editors' actions
        to anyone else in any case."""
        decision = self.role_decision
        if decision is not None and decision.enforced:
            return decision.role == "editor"
        settings = self.window.settings  # no roster: the local setting, as the core reads it
        local = decide_role(decision.account if decision else "", None, settings.site,
                            settings.get("role"))
        return local.role == "editor"

    def ask_role(self) -> None:
        """Ask the core for this user's role (off the UI thread); ``roleKnown`` tells."""
        kb, settings = self.kb, self.window.settings
        if kb is None:
            return
        task = self.window.runner.submit(lambda _p, _c: kb.team.role(settings), name="role",
                                         owner=self)
        task.succeeded.connect(self._role_known)

    def _role_known(self, decision: RoleDecision) -> None:
        self.role_decision = decision
        self.apply_role()
        self.roleKnown.emit(decision)

    @property
    def sync(self) -> SyncController | None:
        """The background sync (the window's ``AppController`` runs it)."""
        return self.window.app.sync

    @property
    def kb(self) -> KnowledgeBase | None:
        """The window's knowledge base (None until the library is open)."""
        return self.window.kb

    @property
    def author(self) -> str | None:
        """The name recorded on what is published here."""
        return str(self.window.settings.get("agent_name") or "").strip() or None

    def apply_role(self) -> None:
        """Show the Editor menu (and enable its shortcuts) only for editors; a disabled action
        says in its tooltip which role it needs."""
        editor = self.is_editor
        menu = self.window.menuBar().findChild(QMenu, "menu.editor")
        if menu is not None:
            menu.menuAction().setVisible(editor)
        if self._tooltips is None:
            self._tooltips = {a: self.window.actions_[a].toolTip() for a in EDITOR_ACTIONS}
        decision = self.role_decision
        role = decision.role if decision is not None else str(self.window.settings.get("role"))
        why = self.tr("Editors only: this needs the role editor; your role is %1.").replace(
            "%1", role)
        if decision is not None:
            why = refusal(decision, "publish") or why
        for action_id in EDITOR_ACTIONS:
            action = self.window.actions_[action_id]
            action.setEnabled(editor)
            action.setToolTip(self._tooltips[action_id] if editor else why)

    def settings_changed(self, keys: set[str]) -> None:
        """Apply changed settings (role, sync interval, name)."""
        if "role" in keys:  # the local setting until the core has decided again
            self.role_decision = None
            self.apply_role()
            self.ask_role()
        if self.sync is not None:
            self.sync.apply_settings(self.window.settings)
        self.ack_banner.settings = self.window.settings

    # -- library and sync ---------------------------------------------------------------------

    def _library_opened(self) -> None:
        self.updated_banner.kb = self.kb
        self.ack_banner.kb = self.kb
        self.ask_role()

    def _sync_started(self, sync: SyncController) -> None:
        sync.stateChanged.connect(self.sync_label.setText)
        sync.conflict.connect(self.resolve_conflict)
        sync.failed.connect(lambda message: self.window.statusBar().showMessage(message, 10000))
        sync.signInNeeded.connect(self.ask_sign_in)
        self.sync_label.setText(sync.status_text())

    def ask_sign_in(self, url: str) -> SignInDialog | None:
        """Open the sign-in dialog for the Git server at ``url`` (once; not modal to the app's
        work); signing in keeps the sign-in and syncs again."""
        sync = self.sync
        if sync is None:
            return None
        open_dialog = self.window.findChild(SignInDialog, "signInDialog")
        if open_dialog is not None and open_dialog.isVisible():
            return open_dialog
        dialog = SignInDialog(url, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def signed_in() -> None:
            form = dialog.form
            sync.sign_in(url, form.username.text().strip(), form.password.text(),
                         form.remember.isChecked())

        dialog.accepted.connect(signed_in)
        dialog.open()
        return dialog
        sync.pulled.connect(self._pulled)
        self.sync_label.setText(sync.status_text())

    def _pulled(self, paths: list[str]) -> None:
        if "team.yaml" in paths:  # a new roster: roles may have changed
            self.ask_role()

    def check_day(self) -> bool:
        """Re-index when the day changed (the ``AppController`` does it); True when it did."""
        return self.window.app.check_day()

    def _show_versions_in_force(self) -> None:
        """After a new day's re-index: search again and reopen the document being read."""
        window = self.window
        window.search.run_now()
        doc = window.reader.document
        if doc is not None:
            try:
                window.reader.show_document(doc.id, window.reader.current_section,
                                            window.reader.terms, record=False)
            except KbError as exc:  # a document withdrawn overnight
                log.info("cannot reopen %s after a new day: %s", doc.id, exc)

    def sync_now(self) -> None:
        """Sync with the shared library now."""
        self.window.app.sync_now()

    def resolve_conflict(self, conflict: Conflict) -> ConflictDialog | None:
        """Open the three-way view of a conflict (editors; agents' text stays a draft)."""
        if not self.is_editor or self.kb is None:
            return None
        dialog = ConflictDialog(self.kb, self.window.runner, conflict, author=self.author,
                                parent=self.window)
        dialog.resolved.connect(lambda _r: self.window.start_indexing(reload=True))
        self._keep(dialog)
        dialog.show()
        return dialog

    # -- reader banners -----------------------------------------------------------------------

    def _document_opened(self, doc_id: str, _anchor: str) -> None:
        doc = self.window.reader.document
        if self.kb is None or doc is None or doc.id != doc_id:
            return
        self.updated_banner.show_since(None, None)  # until the version last seen is read
        self.ack_banner.set_document(doc)  # read on the runner; shown when due
        self.status_banner.set_state(doc)
        if self.is_editor:  # editors also see the versions waiting for their date
            kb = self.kb
            task = self.window.runner.submit(
                lambda _p, _c: [p for p in kb.versions.pending_versions() if p.doc_id == doc.id],
                name="pending of document", owner=self.window)
            task.succeeded.connect(lambda pending, d=doc: self._show_pending(d, pending))
        reading = self.kb.reading

        def mark_seen(_progress: Any, _cancel: Any) -> int | None:
            seen = None
            try:
                seen = reading.receipts.last_seen(doc.id)  # for the banner: before marking
                reading.mark_seen(doc)
            except (KbError, OSError) as exc:
                log.warning("cannot remember that %s was read: %s", doc.id, exc)
            return seen

        # the version last seen is read, and the one shown written, off the UI thread, in
        # order with the other such writes
        task = self.window.runner.submit(mark_seen, name="mark seen", ordered=True,
                                         owner=self.window)
        task.succeeded.connect(lambda seen, d=doc: self._seen_recorded(d, seen))

    def _seen_recorded(self, doc: Document, seen: int | None) -> None:
        if self.window.reader.document is doc:
            self.updated_banner.show_since(doc, seen)
        self.window.refresh_lists()
        self.seenRecorded.emit(doc.id)

    def _show_pending(self, doc: Any, pending: list[Any]) -> None:
        if self.window.reader.document is doc:
            self.status_banner.set_state(doc, pending)

    def document_for_reader(self, doc_id: str) -> Document:
        """The version of a document the reader should show: in force for agents (a version
        waiting for its effective date stays hidden from them), the newest for editors."""
        kb = self.window.require_kb()
        try:
            return kb.reading.document_for(doc_id, editor=self.is_editor)
        except NotInForce:
            raise NotInForce(doc_id, self.tr("%1 is not in force yet.").replace("%1", doc_id)
                             ) from None

    def what_changed(self, doc_id: str, since: int) -> WhatChangedDialog | None:
        """Show what changed in a document since version ``since``."""
        if self.kb is None:
            return None
        dialog = WhatChangedDialog(self.kb, self.window.runner, doc_id, since, self.window)
        dialog.accepted.connect(self.updated_banner.hide)
        self._keep(dialog)
        dialog.show()
        return dialog

    # -- editor actions -----------------------------------------------------------------------

    def _keep(self, widget: QWidget) -> None:
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.windows.append(widget)
        widget.destroyed.connect(lambda _o=None, w=widget: self._forget(w))

    def _forget(self, widget: QWidget) -> None:
        if widget in self.windows:
            self.windows.remove(widget)

    def _published(self, result: object = None) -> None:
        """A new version was committed here: index it, and send it to the shared library."""
        self.window.app.published(result)

    def _show_editor(self, editor: EditorWindow) -> EditorWindow:
        editor.published.connect(self._published)
        self.editors[editor.doc_id] = editor
        editor.show()
        editor.raise_()
        return editor

    def new_document(self, kind: Kind) -> None:
        """Ask for the title and file name of a new document, then open it in an editor (the
        template and any draft left are read on a worker; ``editorOpened`` then)."""
        kb = self.kb
        if kb is None:
            return
        dialog = NewDocumentDialog(kb.publishing.new_path_problem, kind, self.window)
        try:
            if not dialog.exec():
                return
            chosen, path, title = dialog.chosen_kind(), dialog.path(), dialog.title_edit.text()
        finally:
            dialog.deleteLater()
        self._open_editor(lambda: read_new_document(kb, chosen, path, title), path)

    def edit_current(self) -> None:
        """Open the document shown in the reader in an editor (its draft, if any, restored).

        The document and its drafts are read on a worker thread; ``editorOpened`` gives the
        editor. An editor already open on the document comes to the front.
        """
        doc = self.window.reader.document
        kb = self.kb
        if kb is None or doc is None:
            self.window.statusBar().showMessage(self.tr("Open a document first."), 5000)
            return
        existing = self.editors.get(doc.id)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return
        self._open_editor(lambda: read_for_editing(kb, doc.id), doc.id)

    def _open_editor(self, read: Any, key: str) -> None:
        """Read what an editor opens with on a worker, then show the editor."""
        if key in self._opening:
            return  # already being read
        self._opening.add(key)
        task = self.window.runner.submit(lambda _p, _c: read(), name="open editor",
                                         owner=self.window)
        task.succeeded.connect(self._editor_read)
        task.failed.connect(lambda exc: show_error(self.window, exc))
        task.finished.connect(lambda k=key: self._opening.discard(k))

    def _editor_read(self, start: EditorStart) -> None:
        kb = self.kb
        if kb is None:
            return
        existing = self.editors.get(start.doc_id)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return
        editor = EditorWindow.from_start(kb, self.window.runner, start,
                                         settings=self.window.settings)
        self._show_editor(editor)
        self.editorOpened.emit(editor)

    def history_of_current(self) -> HistoryWindow | None:
        """Open the history of the document shown in the reader."""
        doc = self.window.reader.document
        if self.kb is None or doc is None:
            self.window.statusBar().showMessage(self.tr("Open a document first."), 5000)
            return None
        history = HistoryWindow(self.kb, self.window.runner, doc.id, editor=self.is_editor,
                                author=self.author)
        history.rolledBack.connect(self._published)
        self._keep(history)
        history.show()
        return history

    def review_list(self) -> ReviewPanel | None:
        """Open the list of documents to review and versions pending."""
        if self.kb is None:
            return None
        panel = ReviewPanel(self.kb, self.window.runner, settings=self.window.settings)
        panel.openRequested.connect(self.window.open_document)
        self._keep(panel)
        panel.show()
        return panel
