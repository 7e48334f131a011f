"""File → Drafts of new documents…: reopen what an import (or a new document) left as drafts.

A thin client of ``KnowledgeBase.new_document_drafts``: the list shows each draft's title and
path; Open (or a double click) opens it in the editor, where it is reviewed and published.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def draft_title(text: str) -> str:
    """The ``title:`` of a draft's front matter ("" when it has none)."""
    for line in text.split("\n")[1:20]:
        if line.startswith("title:"):
            return line[6:].strip().strip("\"'")
        if line.strip() == "---":
            break
    return ""


class DraftList(QDialog):
    """The drafts of documents never published, to open in the editor.

    Args:
        open_draft: called with a draft to open it in an editor.
    """

    def __init__(self, kb: Any, open_draft: Callable[[Any], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.open_draft = kb, open_draft
        self.setWindowTitle(self.tr("Drafts of new documents"))
        self.setModal(False)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.itemActivated.connect(self._open_item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton(self.tr("Open in the editor"), self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self._open_current)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 380)
        self.refresh()

    def refresh(self) -> None:
        """List the drafts again."""
        self.list.clear()
        drafts = self.kb.imports.new_document_drafts()
        self.intro.setText(self.tr("No drafts of new documents.") if not drafts else
                           self.tr("Drafts of documents not published yet (imports and new "
                                   "documents). Open one to review and publish it."))
        for draft in drafts:
            label = self.tr("%1 — %2, saved %3").replace(
                "%1", draft_title(draft.text) or draft.doc_id).replace(
                "%2", draft.path).replace("%3", draft.saved_at[:16].replace("T", " "))
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, draft)
            self.list.addItem(item)
        if drafts:
            self.list.setCurrentRow(0)
        self.open_button.setEnabled(bool(drafts))

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_draft(item.data(Qt.ItemDataRole.UserRole))

    def _open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._open_item(item)
