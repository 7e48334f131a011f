"""The import wizard (editors): files editors already have become drafts or published documents.

A thin client of ``KnowledgeBase.plan_import`` and ``import_files``. The plan is made off the
UI thread (the task runner's read pool) with progress; the wizard shows each planned document's
detected structure, every removal struck through (untick one to restore it: the plan is made
again with that text kept) and what the editor should check (mojibake, duplicates, guessed
headings). The editor may fix each document's title, kind and category, then save drafts or
publish with a change note (on the runner's writer). Nothing is written before that.
:class:`ImportUi` wires File → Import and files dropped on the main window to the wizard.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import (
    ImportPlan,
    KbError,
    PlannedDocument,
    Removal,
    broken_importers,
    import_formats,
)
from kbdesk.gui.changenote import ask_change_note
from kbdesk.gui.notices import show_error
from kbdesk.gui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from kbdesk.core import ImportFormat, KnowledgeBase
    from kbdesk.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

KINDS = ("handbook", "phrasing", "procedure")
MAX_EDITORS = 5  # drafts opened in editors after an import; the rest wait in the draft store


def _ask_yes(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, parent.windowTitle(), question)
    return answer == QMessageBox.StandardButton.Yes


class ImportWizard(QDialog):
    """Plan, review and write an import of some files.

    Signals:
        planned(object): a plan is ready (the ``ImportPlan``).
        written(object): the documents were saved or published (list of ``ImportedDocument``).
        failed(str): planning or writing failed; the error shown to the editor.
    """

    planned = Signal(object)
    written = Signal(object)
    failed = Signal(str)

    def __init__(self, kb: KnowledgeBase, runner: TaskRunner, files: list[Path], *,
                 author: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.runner, self.files, self.author = kb, runner, list(files), author
        self.plan: ImportPlan | None = None
        self.task: Task | None = None
        self.keep: set[str] = set()
        self.restored: dict[str, tuple[str, Removal]] = {}  # key -> (source, removal)
        self.revisions: dict[int, dict[str, str]] = {}
        self.ask_note = ask_change_note
        self.ask_force = _ask_yes
        self._filling = False
        self._plan_again = False
        self.setWindowTitle(self.tr("Import handbooks"))
        self.setModal(False)
        self._build()
        self.resize(1100, 720)

    # -- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.files_label = QLabel(", ".join(f.name for f in self.files), self)
        self.files_label.setWordWrap(True)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Guess from the text"), "")
        for kind, label in self._kind_labels():
            self.kind_combo.addItem(label, kind)
        self.category_edit = QLineEdit(self)
        self.category_edit.setPlaceholderText(self.tr("Default category"))
        self.split_combo = QComboBox(self)
        self.split_combo.addItem(self.tr("One document per file"), "none")
        self.split_combo.addItem(self.tr("One document per chapter"), "chapters")
        options = QHBoxLayout()
        for label, widget in ((self.tr("Kind:"), self.kind_combo),
                              (self.tr("Category:"), self.category_edit),
                              (self.tr("Split:"), self.split_combo)):
            options.addWidget(QLabel(label, self))
            options.addWidget(widget)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.start_plan())
        self.category_edit.editingFinished.connect(self.start_plan)
        self.split_combo.currentIndexChanged.connect(lambda _i: self.start_plan())

        self.docs_list = QListWidget(self)
        self.docs_list.currentRowChanged.connect(self._show_document)
        self.title_edit = QLineEdit(self)
        self.doc_kind = QComboBox(self)
        for kind, label in self._kind_labels():
            self.doc_kind.addItem(label, kind)
        self.doc_category = QLineEdit(self)
        self.path_label = QLabel(self)
        self.confidence_label = QLabel(self)
        self.confidence_label.setWordWrap(True)
        self.title_edit.editingFinished.connect(self._revise)
        self.doc_category.editingFinished.connect(self._revise)
        self.doc_kind.currentIndexChanged.connect(lambda _i: self._revise())
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Kind:"), self.doc_kind)
        form.addRow(self.tr("Category:"), self.doc_category)
        form.addRow(self.tr("Saved as:"), self.path_label)
        form.addRow(self.tr("Confidence:"), self.confidence_label)
        self.structure = QTreeWidget(self)
        self.structure.setHeaderLabels([self.tr("Detected structure"), self.tr("Characters")])
        self.removed_list = QListWidget(self)
        self.removed_list.itemChanged.connect(self._removal_toggled)
        self.flags_list = QListWidget(self)
        details = QWidget(self)
        column = QVBoxLayout(details)
        column.addLayout(form)
        column.addWidget(self.structure, 3)
        column.addWidget(QLabel(self.tr("Removed (untick to keep the text):"), self))
        column.addWidget(self.removed_list, 2)
        column.addWidget(QLabel(self.tr("To check:"), self))
        column.addWidget(self.flags_list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.docs_list)
        splitter.addWidget(details)
        splitter.setStretchFactor(1, 1)

        self.progress = QProgressBar(self)
        self.status = QLabel(self)
        self.drafts_button = QPushButton(self.tr("Save as drafts"), self)
        self.publish_button = QPushButton(self.tr("Publish…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.drafts_button.clicked.connect(self.save_drafts)
        self.publish_button.clicked.connect(self.publish)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.status, 2)
        buttons.addWidget(self.drafts_button)
        buttons.addWidget(self.publish_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.files_label)
        layout.addLayout(options)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._set_busy(False)

    def _kind_labels(self) -> list[tuple[str, str]]:
        return [("handbook", self.tr("Handbook")), ("phrasing", self.tr("Phrasing")),
                ("procedure", self.tr("Procedure"))]

    def _set_busy(self, busy: bool) -> None:
        ready = not busy and self.plan is not None and bool(self.plan.documents)
        self.drafts_button.setEnabled(ready)
        self.publish_button.setEnabled(ready)
        self.progress.setVisible(busy)

    # -- planning -----------------------------------------------------------------------------

    def start_plan(self) -> Task | None:
        """Plan the import (again) off the UI thread; while another job runs, plan after it."""
        if self.task is not None and not self.task.done:
            self._plan_again = True
            return None
        self._plan_again = False
        files, keep = list(self.files), set(self.keep)
        kind, category = self.kind_combo.currentData(), self.category_edit.text().strip()
        split = self.split_combo.currentData()

        def plan(progress: Any, _cancel: Any) -> ImportPlan:
            return self.kb.imports.plan_import(files, kind=kind, category=category, split=split,
                                       keep=keep, progress=progress)

        self.status.setText(self.tr("Reading the files…"))
        return self._submit(plan, write=False, done=self._planned)

    def _submit(self, job: Any, *, write: bool, done: Any) -> Task:
        self._set_busy(True)
        self.progress.setRange(0, 0)  # busy until the job reports
        task = self.runner.submit(job, name="import", write=write, owner=self)
        task.progress.connect(self._progress)
        task.succeeded.connect(done)
        task.failed.connect(self._failed)
        task.finished.connect(self._job_finished)
        self.task = task
        return task

    def _job_finished(self) -> None:
        self._set_busy(False)
        if self._plan_again and self.plan is not None:
            self.start_plan()

    def _progress(self, done: int, total: int, _message: str) -> None:
        self.progress.setMaximum(max(total, 0))
        self.progress.setValue(min(done, total))

    def _planned(self, plan: ImportPlan) -> None:
        self.plan = plan
        for index, fields in self.revisions.items():
            if index < len(plan.documents):
                plan.documents[index].revise(**fields)
        current = max(self.docs_list.currentRow(), 0)
        self._filling = True
        self.docs_list.clear()
        for doc in plan.documents:
            self.docs_list.addItem(QListWidgetItem(doc.title))
        self._filling = False
        self.docs_list.setCurrentRow(min(current, len(plan.documents) - 1))
        removed = sum(len(d.removed) for d in plan.documents)
        self.status.setText(self.tr("%1 document(s) found; %2 piece(s) of text removed. "
                                    "Nothing is written until you save or publish.")
                            .replace("%1", str(len(plan.documents))).replace("%2", str(removed)))
        self._set_busy(False)
        self.planned.emit(plan)

    def _failed(self, error: KbError) -> None:
        self.status.setText(self.tr("Nothing was imported."))
        show_error(self, error, self.tr("Import"))
        self.failed.emit(str(error))

    # -- one document -------------------------------------------------------------------------

    def current_document(self) -> PlannedDocument | None:
        """The planned document shown on the right."""
        row = self.docs_list.currentRow()
        if self.plan is None or not 0 <= row < len(self.plan.documents):
            return None
        return self.plan.documents[row]

    def _show_document(self, _row: int) -> None:
        doc = self.current_document()
        if doc is None or self._filling:
            return
        self._filling = True
        self.title_edit.setText(doc.title)
        self.doc_kind.setCurrentIndex(max(self.doc_kind.findData(doc.kind), 0))
        self.doc_category.setText(doc.category)
        self.path_label.setText(doc.path)
        self.confidence_label.setText(self._confidence_text(doc.confidence))
        self.structure.clear()
        parents: list[QTreeWidgetItem] = []
        if doc.intro:
            self.structure.addTopLevelItem(QTreeWidgetItem(
                [self.tr("(introduction)"), str(len(doc.intro))]))
        for section in doc.sections:
            item = QTreeWidgetItem([section.heading, str(len(section.text))])
            del parents[section.level - 1:]
            if parents:
                parents[-1].addChild(item)
            else:
                self.structure.addTopLevelItem(item)
            parents.append(item)
        self.structure.expandAll()
        self.removed_list.clear()
        restored = [r for source, r in self.restored.values() if source == doc.source]
        for removal, removed in [(r, True) for r in doc.removed] + [(r, False) for r in restored]:
            self.removed_list.addItem(self._removal_item(removal, removed))
        self.flags_list.clear()
        for flag in doc.flags:
            where = (self.tr("whole document") if flag.section < 0 else
                     doc.sections[flag.section].heading if flag.section < len(doc.sections)
                     else "")
            if flag.kind == "mojibake":
                where += " " + self.tr("(character %1)").replace("%1", str(flag.offset + 1))
            self.flags_list.addItem(f"{flag.kind}: {flag.text} — {where} {flag.detail}".strip())
        self._filling = False

    def _removal_item(self, removal: Removal, removed: bool) -> QListWidgetItem:
        text = removal.text.replace("\n", " ")
        text = text if len(text) <= 120 else text[:117] + "…"
        item = QListWidgetItem(self.tr("line %1, %2: %3").replace("%1", str(removal.line))
                               .replace("%2", removal.reason).replace("%3", text))
        item.setData(Qt.ItemDataRole.UserRole, removal.key)
        item.setData(Qt.ItemDataRole.UserRole + 1, removal)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if removed else Qt.CheckState.Unchecked)
        font = item.font()
        font.setStrikeOut(removed)
        item.setFont(font)
        return item

    def _removal_toggled(self, item: QListWidgetItem) -> None:
        doc = self.current_document()
        if self._filling or doc is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.keep.discard(key)
            self.restored.pop(key, None)
        else:
            self.keep.add(key)
            self.restored[key] = (doc.source, item.data(Qt.ItemDataRole.UserRole + 1))
        self.start_plan()

    def _revise(self) -> None:
        doc = self.current_document()
        if self._filling or doc is None:
            return
        fields = {"title": self.title_edit.text(), "kind": self.doc_kind.currentData(),
                  "category": self.doc_category.text()}
        try:
            doc.revise(**fields)
        except KbError as exc:
            show_error(self, exc, self.tr("Import"))
            return
        self.revisions[self.docs_list.currentRow()] = fields
        self.docs_list.currentItem().setText(doc.title)
        self.path_label.setText(doc.path)

    # -- writing ------------------------------------------------------------------------------

    def save_drafts(self) -> Task | None:
        """Save every planned document as a draft for the editor to review."""
        return self._write(publish=False, note="")

    def _confidence_text(self, confidence: str) -> str:
        if confidence == "low":
            return self.tr("Low: no structure found (no chapters or sections)")
        if confidence == "medium":
            return self.tr("Medium: something was guessed; see “To check”")
        return self.tr("High")

    def publish(self) -> Task | None:
        """Ask for a change note and publish every planned document; a document in which no
        structure was found is published only when the editor says so."""
        prompt = self.tr("Publish %1 imported document(s).").replace(
            "%1", str(len(self.plan.documents) if self.plan else 0))
        unsure = [d.title for d in self.plan.documents if d.confidence == "low"] \
            if self.plan else []
        if unsure and not self.ask_force(self, self.tr(
                "No structure was found in %1. Publish anyway?").replace("%1", "、".join(unsure))):
            return None
        note = self.ask_note(self, prompt, "")
        if note is None:
            return None
        return self._write(publish=True, note=note, force=bool(unsure))

    def _write(self, *, publish: bool, note: str, force: bool = False) -> Task | None:
        if self.plan is None or (self.task is not None and not self.task.done):
            return None
        self._revise()
        plan, author = self.plan, self.author

        def write(progress: Any, _cancel: Any) -> Any:
            return self.kb.imports.import_files(plan, publish=publish, note=note, author=author,
                                        progress=progress, force=force)

        self.status.setText(self.tr("Publishing…") if publish else self.tr("Saving drafts…"))
        return self._submit(write, write=True, done=self._written)

    def _written(self, written: list[Any]) -> None:
        published = sum(1 for item in written if item.published)
        skipped = sum(1 for item in written if getattr(item, "skipped", ""))
        if published or skipped:
            message = self.tr("%1 document(s) published.").replace("%1", str(published))
            if skipped:
                message += " " + self.tr("%1 duplicate(s) of library documents not published "
                                         "again.").replace("%1", str(skipped))
        else:
            message = self.tr("%1 draft(s) saved; review and publish them in the editor.") \
                .replace("%1", str(len(written)))
        self.status.setText(message)
        self.plan = None
        self._set_busy(False)
        self.written.emit(written)


class ImportUi(QObject):
    """File → Import and files dropped on the main window (editors only).

    The file chooser's filter lists the suffixes of every registered importer (built-in and
    plugins), read off the UI thread once when the window opens.

    Signals:
        formatsReady(): ``formats`` holds the registered import formats.
    """

    formatsReady = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.wizards: list[ImportWizard] = []
        self.editors: list[QWidget] = []
        self.choose_files = self._ask_files
        self.draft_list: QWidget | None = None
        self.formats: list[ImportFormat] | None = None
        window.actions_.connect("import.files", self.start)
        window.actions_.connect("import.drafts", self.show_drafts)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        task = window.runner.submit(lambda _p, _c: (import_formats(), broken_importers()),
                                    name="import formats", owner=self)
        task.succeeded.connect(self._formats_read)
        task.failed.connect(lambda error: log.warning("no import formats: %s", error))

    def _formats_read(self, found: tuple[list[ImportFormat], dict[str, str]]) -> None:
        self.formats, broken = found
        for name, problem in sorted(broken.items()):
            log.warning("import plugin %s cannot be used: %s", name, problem)
            self.window._status(self.tr("The import plugin %1 cannot be used: %2")
                                .replace("%1", name).replace("%2", problem))
        self.formatsReady.emit()

    def file_filter(self) -> str:
        """The file chooser's filter: every importable suffix, each format, all files (before
        the formats are read, all files: a file no importer reads is refused by name)."""
        every = self.tr("All files (*)")
        if not self.formats:
            return every
        patterns = [f"*{suffix}" for fmt in self.formats for suffix in fmt.suffixes]
        entries = [self.tr("Documents (%1)").replace("%1", " ".join(dict.fromkeys(patterns)))]
        entries += [f"{fmt.name} ({' '.join('*' + s for s in fmt.suffixes)})"
                    for fmt in self.formats]
        return ";;".join([*entries, every])

    @property
    def allowed(self) -> bool:
        """Importing is for editors, on an open library."""
        return self.window.kb is not None and self.window.editorial.is_editor

    def _ask_files(self) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import handbooks"), str(Path.home()), self.file_filter())
        return [Path(name) for name in names]

    def start(self, files: list[Path] | None = None) -> ImportWizard | None:
        """Open the wizard on ``files`` (asked for when not given)."""
        kb = self.window.kb
        if kb is None or not self.allowed:
            self.window._status(self.tr("Importing is for editors (Settings → role)."))
            return None
        files = list(files) if files else self.choose_files()
        if not files:
            return None
        author = str(self.window.settings.get("agent_name") or "").strip() or None
        wizard = ImportWizard(kb, self.window.runner, files, author=author, parent=self.window)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.written.connect(self._written)
        wizard.destroyed.connect(lambda _o=None, w=wizard: self._forget(w))
        self.wizards.append(wizard)
        wizard.show()
        wizard.start_plan()
        return wizard

    def _written(self, written: list[Any]) -> None:
        """Refresh the lists; open each new draft in an editor for review (the first few; the
        drafts are read on a worker thread)."""
        self.window.refresh_lists()
        kb = self.window.kb
        if kb is None:
            return
        doc_ids = [w.doc_id for w in written if not w.published][:MAX_EDITORS]

        def read(_progress: Any, _cancel: Any) -> list[tuple[Any, tuple[Any, ...]]]:
            found = []
            for doc_id in doc_ids:
                draft = kb.drafts.load(doc_id)
                if draft is not None:
                    found.append((draft, tuple(kb.drafts.drafts_of(doc_id))))
            return found

        task = self.window.runner.submit(read, name="open drafts", owner=self.window)
        task.succeeded.connect(
            lambda found: [self._show_draft(draft, kept) for draft, kept in found])
        task.failed.connect(lambda exc: show_error(self.window, exc))

    def open_draft(self, draft: Any) -> None:
        """Open the draft of a new document in an editor (the document's other drafts are
        read on a worker thread first)."""
        kb = self.window.kb
        assert kb is not None  # drafts are opened from an open library
        task = self.window.runner.submit(
            lambda _p, _c: tuple(kb.drafts.drafts_of(draft.doc_id)), name="open draft",
            owner=self.window)
        task.succeeded.connect(lambda kept: self._show_draft(draft, kept))
        task.failed.connect(lambda exc: show_error(self.window, exc))

    def _show_draft(self, draft: Any, kept: tuple[Any, ...]) -> QWidget | None:
        from kbdesk.gui.editor import EditorWindow

        kb = self.window.kb
        if kb is None:
            return None
        editor = EditorWindow(kb, self.window.runner, doc_id=draft.doc_id,
                              path=draft.path, published_text=None, start_text=draft.text,
                              base_version=None, settings=self.window.settings,
                              drafts=(draft, kept))
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.published.connect(lambda _r=None: self.window.refresh_lists())
        editor.destroyed.connect(lambda _o=None, e=editor: self.editors.remove(e)
                                 if e in self.editors else None)
        self.editors.append(editor)
        editor.show()
        return editor

    def show_drafts(self) -> QWidget | None:
        """File → Drafts of new documents…: the list of drafts never published."""
        if not self.allowed:
            self.window._status(self.tr("Importing is for editors (Settings → role)."))
            return None
        from kbdesk.gui.draftlist import DraftList

        dialog = DraftList(self.window.kb, self.open_draft, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.draft_list = dialog
        return dialog

    def _forget(self, wizard: ImportWizard) -> None:
        if wizard in self.wizards:
            self.wizards.remove(wizard)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.DragEnter,
                                                       QEvent.Type.DragMove):
            files = dropped_files(event)  # type: ignore[arg-type]
            if files and self.allowed:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        if watched is self.window and event.type() == QEvent.Type.Drop:
            files = dropped_files(event)  # type: ignore[arg-type]
            if files:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                self.start(files)
                return True
        return super().eventFilter(watched, event)


def dropped_files(event: QDropEvent) -> list[Path]:
    """The local files of a drag or drop (one kbdesk cannot read gets a clear error later)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
