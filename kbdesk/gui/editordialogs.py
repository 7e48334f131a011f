"""Small dialogs of the editor: a new document (kind, title, file name) and rename / move.

``NewDocumentDialog`` proposes the library path of a new document from its kind and a file
name and refuses names that would leave the library or overwrite a document (the core's rule:
``kb.publishing.new_path_problem``, handed to the dialogs; they only word its answer).
``RenameDialog`` changes what agents see and filter by (title and category); the file keeps its
path, so links and history stay intact.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import Kind, PathProblem, new_document_path

#: why a library path cannot hold a new document (None when it can): the core's rule,
#: ``kb.publishing.new_path_problem``
PathCheck = Callable[[str], PathProblem | None]


def path_problem(check: PathCheck, path: str) -> str:
    """Why ``path`` cannot hold a new document, in the user's language ("" when it can)."""
    problem = check(path)
    if problem is PathProblem.BAD_NAME:
        return QCoreApplication.translate(
            "NewDocumentDialog", "Use letters, digits, - or _ in the file name."
        )
    if problem is PathProblem.EXISTS:
        return QCoreApplication.translate(
            "NewDocumentDialog", "%1 already exists: choose another name."
        ).replace("%1", path)
    return ""


class NewDocumentDialog(QDialog):
    """Asks for the kind, title and file name of a new document.

    Args:
        check: the library's rule for a new document's path (``kb.publishing.new_path_problem``).
    """

    def __init__(self, check: PathCheck, kind: Kind | str = Kind.HANDBOOK,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.setWindowTitle(self.tr("New document"))
        self.kind = QComboBox(self)
        for value, label in ((Kind.HANDBOOK, self.tr("Handbook")),
                             (Kind.PHRASING, self.tr("Phrasing")),
                             (Kind.PROCEDURE, self.tr("Procedure"))):
            self.kind.addItem(label, value.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(Kind(kind).value)))
        self.title_edit = QLineEdit(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("refund-policy")
        self.path_label = QLabel(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("File name"), self.name_edit)
        form.addRow(self.tr("Path"), self.path_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._update())
        self.name_edit.textChanged.connect(lambda _t: self._update())
        self._update()

    def chosen_kind(self) -> Kind:
        """The kind chosen."""
        return Kind(self.kind.currentData())

    def path(self) -> str:
        """The library path the new document will have."""
        return new_document_path(self.chosen_kind(), self.name_edit.text())

    def _update(self) -> None:
        self.path_label.setText(self.path() if self.name_edit.text().strip() else "")
        self.error.setText("")

    def accept(self) -> None:
        """Close only with a usable, new path."""
        problem = path_problem(self.check, self.path())
        if problem:
            self.error.setText(problem)
            return
        super().accept()


class RenameDialog(QDialog):
    """Changes a document's title and category, and optionally moves its file.

    Title and category go into the form (published with the next publish); a new path is a
    move, published at once as a version of its own (history follows the file). ``check`` is
    the library's rule for a new path (``kb.publishing.new_path_problem``; None: not checked).
    """

    def __init__(self, title: str, category: str, path: str, check: PathCheck | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check, self.old_path = check, path
        self.setWindowTitle(self.tr("Rename / move"))
        self.title_edit = QLineEdit(title, self)
        self.category_edit = QLineEdit(category, self)
        self.path_edit = QLineEdit(path, self)
        self.path_edit.setObjectName("movePath")
        note = QLabel(self.tr("Title and category change with your next publish. Changing "
                              "the path moves the file now, as a new version; its history "
                              "follows it."), self)
        note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Category"), self.category_edit)
        form.addRow(self.tr("Path"), self.path_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def title(self) -> str:
        """The new title."""
        return self.title_edit.text().strip()

    def category(self) -> str:
        """The new category ("" for the folder's name)."""
        return self.category_edit.text().strip()

    def path(self) -> str:
        """The library path asked for (``.md`` added when missing)."""
        path = self.path_edit.text().strip().replace("\\", "/").strip("/")
        return path if path.endswith(".md") else path + ".md"

    def moved(self) -> bool:
        """True when a new path was given."""
        return self.path() != self.old_path

    def accept(self) -> None:
        """A title is required, and a new path must be free."""
        if not self.title():
            self.error.setText(self.tr("A title is required."))
            return
        if self.moved() and self.check is not None:
            problem = path_problem(self.check, self.path())
            if problem:
                self.error.setText(problem)
                return
        super().accept()
