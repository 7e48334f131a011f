"""How the app tells the user about trouble: ``show_error`` and the library problems notice."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import KbError, Problem

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, error: KbError | str, title: str = "") -> QMessageBox:
    """Show an error to the user without blocking the app (the one place errors are shown)."""
    log.warning("%s", error)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Notices", "kbdesk"))
    box.setText(str(error))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box


class ProblemsNotice(QDialog):
    """A non-modal window listing each broken library file and the reason it was skipped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Library problems"))
        self.setModal(False)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Line"),
                                              self.tr("Problem")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.hide)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 320)
        self.problems: list[Problem] = []

    def set_problems(self, problems: Sequence[Problem]) -> None:
        """List the problems (replacing any shown before)."""
        self.problems = list(problems)
        self.intro.setText(self.tr(
            "%n file(s) in the library could not be read and were skipped. The rest of the "
            "library works. Fix the files (or run 'kbdesk check') and reload.", "",
            len(self.problems)))
        self.table.setRowCount(len(self.problems))
        for row, problem in enumerate(self.problems):
            self.table.setItem(row, 0, QTableWidgetItem(problem.path))
            self.table.setItem(row, 1, QTableWidgetItem("" if problem.line is None
                                                        else str(problem.line)))
            self.table.setItem(row, 2, QTableWidgetItem(problem.message))
        self.table.resizeRowsToContents()
