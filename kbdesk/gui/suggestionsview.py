"""Search suggestions for editors and supervisors: words the team searched before opening a
document found with other words (``kbdesk.core.suggestions``), each with its evidence, and two
ways to accept one (editors only), each a normal publish with a change note: as a keyword of
the document, or as a synonym group of ``library.yaml`` (the first words' meaningful words with
the words that worked; the group is shown in the button's tooltip, and in an editable field of
:class:`SynonymGroupDialog` before it is published).

Everything that reads the team's log or publishes runs on the task runner, never on the UI
thread. The window records opens after a reformulated search through :func:`record_open`.

Signals of :class:`SuggestionsDialog`:
    loaded(): the list shows the suggestions known after the last sync.
    accepted(str): a suggestion was published (as a keyword or a synonym group); the id of
        the document its words now find.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import KbError, suggestions
from kbdesk.gui.notices import show_error
from kbdesk.gui.tasks import TaskRunner
from kbdesk.gui.teamviews import lay_out_list

log = logging.getLogger(__name__)


def record_open(window: Any, doc_id: str) -> None:
    """Note that ``doc_id`` was opened from the results of the current search, off the UI
    thread (the core decides whether it follows a reformulated gap search)."""
    query = str(window.search.query or "").strip()
    if not query or not window.settings.get("log_no_results"):
        return
    kb = window.kb
    if kb is None:
        return
    settings, clock = window.settings, kb.clock  # the library's clock stamps the open
    task = window.runner.submit(
        lambda _p, _c: suggestions.note_opened(doc_id, query, clock=clock, settings=settings),
        name="note opened", ordered=True, owner=window)
    task.failed.connect(lambda error: log.warning("open not noted: %s", error))


class SynonymGroupDialog(QDialog):
    """The synonym group about to be published, in a field the editor may change: its words
    separated by commas or 、 (the core splits and checks them again when publishing).

    Signals:
        chosen(str): the editor confirmed; the group as written in the field.
    """

    chosen = Signal(str)

    def __init__(self, group: list[str], searched: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept as synonym group"))
        intro = QLabel(self.tr(
            "Agents searched %1, then opened %2. This group will be added to library.yaml and "
            "published: each of its words will find what the others find. Leave out words "
            "other documents use, or add the words agents say. Separate the words with , or 、."
        ).replace("%1", f"「{searched}」").replace("%2", f"「{title}」"), self)
        intro.setWordWrap(True)
        self.words = QLineEdit("、".join(group), self)
        self.words.setObjectName("synonymGroupWords")
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.publish_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.publish_button.setText(self.tr("Publish group"))
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.words)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.words.textChanged.connect(self._check)
        self._check()
        self.resize(520, self.sizeHint().height())

    def entries(self) -> list[str]:
        """The words of the field, as the core splits them."""
        return suggestions.split_group(self.words.text())

    def _check(self) -> None:
        entries = self.entries()
        problem = ""
        if any(not entry for entry in entries):
            problem = self.tr("A word of the group is empty.")
        elif len(entries) < 2:
            problem = self.tr("A group needs at least two words.")
        self.problem.setText(problem)
        self.publish_button.setEnabled(not problem)

    def _confirm(self) -> None:
        if not self.publish_button.isEnabled():
            return
        text = self.words.text()
        self.accept()
        self.chosen.emit(text)


class SuggestionsDialog(QDialog):
    """The team's search suggestions, most workstations first, with Accept for editors."""

    loaded = Signal()
    accepted = Signal(str)

    def __init__(self, kb: Any, runner: TaskRunner, settings: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.runner, self.settings = kb, runner, settings
        self.rows: list[Any] = []
        self.setWindowTitle(self.tr("Search suggestions"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("suggestionsTree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Agents searched → then opened"), self.tr("Times"),
                                   self.tr("Workstations"), self.tr("Found with")])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.accept_button = QPushButton(self.tr("Accept as keyword"), self)
        self.accept_button.clicked.connect(self.accept_current)
        self.synonym_button = QPushButton(self.tr("Accept as synonym group"), self)
        self.synonym_button.clicked.connect(self.accept_current_as_synonym)
        accept = QWidget(self)
        row = QHBoxLayout(accept)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.accept_button)
        row.addWidget(self.synonym_button)
        lay_out_list(self, self.summary, self.tree, accept, self.reload)
        self.resize(720, 480)
        self._busy = False
        self.is_editor = False  # until the role is read with the suggestions
        #: why this user may not accept (None: they may), asked of the core when loading
        self.refusal: str | None = None
        #: the synonym group each suggestion would add (read off the UI thread with the list)
        self.groups: list[list[str]] = []
        #: the confirmation of the last synonym group asked for (None before)
        self.group_dialog: SynonymGroupDialog | None = None
        self.reload()

    def _may_accept(self) -> str | None:
        """Why this user may not accept, None when they may (read off the UI thread: the
        roster is a git read; the core's rule decides again on accept)."""
        try:
            suggestions.require_editor(self.kb.team, self.settings)
        except KbError as exc:
            return str(exc)
        return None

    def reload(self) -> None:
        """Read the suggestions again (off the UI thread)."""
        self.summary.setText(self.tr("Loading…"))
        kb = self.kb
        def read(_p: object, _c: object) -> tuple[list[Any], list[list[str]], str | None]:
            rows = suggestions.of_team(kb.team, kb.documents())
            return rows, [suggestions.synonym_words(r) for r in rows], self._may_accept()

        task = self.runner.submit(read, name="suggestions", owner=self)
        task.succeeded.connect(self._loaded)
        task.failed.connect(lambda error: show_error(self, error))

    def _loaded(self, loaded: tuple[list[Any], list[list[str]], str | None]) -> None:
        rows, self.groups, self.refusal = loaded
        self.is_editor = self.refusal is None
        self.rows = rows
        self.tree.clear()
        for number, row in enumerate(rows):
            top = QTreeWidgetItem([f"{row.keyword} → {row.title}", str(row.count),
                                   str(len(row.workstations)), "、".join(row.found_with[:3])])
            top.setData(0, Qt.ItemDataRole.UserRole, number)
            for evidence in row.evidence:
                when = evidence.when.strftime("%Y-%m-%d %H:%M")
                top.addChild(QTreeWidgetItem([
                    f"{evidence.searched} → {evidence.found_with}", "", evidence.workstation,
                    when]))
            self.tree.addTopLevelItem(top)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
            self.summary.setText(self.tr(
                "%1 suggestion(s): words agents on several workstations searched, then opened "
                "the document found with other words.").replace("%1", str(len(rows))))
        else:
            self.summary.setText(self.tr(
                "No suggestions. A suggestion needs the same words and document from two or "
                "more workstations; only shared search logs count."))
        if not self.is_editor:
            self.summary.setText(self.summary.text() + " " + self.tr(
                "Only an editor can accept a suggestion."))
        self._update_buttons()
        self.loaded.emit()

    def current(self) -> Any | None:
        """The suggestion of the selected row (or of the row its evidence belongs to)."""
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None:
            return None
        number = item.data(0, Qt.ItemDataRole.UserRole)
        return self.rows[number] if isinstance(number, int) else None

    def _current_group(self) -> list[str]:
        row = self.current()
        if row is None:
            return []
        number = self.rows.index(row)
        return self.groups[number] if number < len(self.groups) else []

    def _update_buttons(self) -> None:
        enabled = not self._busy and self.is_editor and self.current() is not None
        self.accept_button.setEnabled(enabled)
        self.synonym_button.setEnabled(enabled and len(self._current_group()) >= 2)
        if self.refusal is not None:  # the core's words: which role is needed, and why
            self.accept_button.setToolTip(self.refusal)
            self.synonym_button.setToolTip(self.refusal)
            return
        self.accept_button.setToolTip(self.tr(
            "Add the words agents searched to the document's keywords and publish it"))
        self.synonym_button.setToolTip(self.tr(
            "Add a synonym group to library.yaml and publish it (a group holding one of "
            "the words is extended): %1").replace("%1", "、".join(self._current_group())))

    def accept_current(self) -> None:
        """Publish the selected suggestion as a keyword of its document (off the UI thread)."""
        self._accept(suggestions.accept)

    def accept_current_as_synonym(self) -> None:
        """Show the selected suggestion's synonym group in :attr:`group_dialog`, where the
        editor may change it; confirmed, it is published to ``library.yaml`` (off the UI
        thread)."""
        row = self.current()
        if row is None or self._busy:
            return
        dialog = SynonymGroupDialog(self._current_group(), row.keyword, row.title, self)
        dialog.chosen.connect(lambda words: self._accept(
            lambda kb, suggestion, settings, author: suggestions.accept_as_synonym(
                kb, suggestion, settings, author, words=words), row))
        if self.group_dialog is not None:
            self.group_dialog.deleteLater()  # the last one asked, answered by now
        self.group_dialog = dialog
        dialog.open()

    def _accept(self, how: Any, row: Any | None = None) -> None:
        row = row if row is not None else self.current()
        if row is None or self._busy:
            return
        self._busy = True
        self._update_buttons()
        self.summary.setText(self.tr("Publishing…"))
        kb, settings = self.kb, self.settings
        author = str(settings.get("agent_name") or "").strip() or None
        task = self.runner.submit(
            lambda _p, _c: how(kb, row, settings, author),
            name="accept suggestion", write=True, owner=self)
        task.succeeded.connect(lambda _result: self._accepted(row.doc_id))
        task.failed.connect(self._failed)

    def _accepted(self, doc_id: str) -> None:
        self._busy = False
        self.accepted.emit(doc_id)
        self.reload()

    def _failed(self, error: Any) -> None:
        self._busy = False
        self._update_buttons()
        self.summary.setText("")
        show_error(self, error)
