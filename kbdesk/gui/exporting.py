"""File → Export HTML site…: the library in force as a static site, written off the UI thread.

A thin client of ``KnowledgeBase.export``: the user picks a folder, the export runs on the task
runner's writer (so it never overlaps an index update) with a progress dialog that can cancel
it, and the outcome is shown in the status bar or through ``show_error``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from kbdesk.core import KbError
from kbdesk.gui.notices import show_error
from kbdesk.gui.tasks import Task

if TYPE_CHECKING:
    from kbdesk.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)


class ExportUi(QObject):
    """The export action of one main window.

    Signals:
        exported(object): the export finished; its ``ExportResult``.
        failed(str): the export failed; the error shown to the user.
    """

    exported = Signal(object)
    failed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.dialog: QProgressDialog | None = None
        window.actions_.connect("export.html", self.start)

    def choose_folder(self) -> str:
        """Ask for the folder to write the site into ("" when the user cancels)."""
        return QFileDialog.getExistingDirectory(
            self.window, self.tr("Export HTML site to folder"), str(Path.home()))

    def start(self, outdir: str | Path | None = None) -> Task | None:
        """Export to ``outdir`` (asked for when not given); None if nothing was started."""
        kb = self.window.kb
        if kb is None or (self.task is not None and not self.task.done):
            return None
        folder = str(outdir) if outdir else self.choose_folder()
        if not folder:
            return None

        def export(progress: Any, cancel: Any) -> Any:
            return kb.exports.export("html", folder, progress=progress, cancel=cancel)

        dialog = QProgressDialog(self.tr("Exporting the HTML site…"), self.tr("Cancel"), 0, 0,
                                 self.window)
        dialog.setWindowTitle(self.tr("Export HTML site"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.dialog = dialog
        task = self.window.runner.submit(export, name="export html", write=True,
                                         owner=self.window)
        dialog.canceled.connect(task.cancel)
        task.progress.connect(self._progress)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        task.finished.connect(self._close_dialog)
        dialog.show()
        self.task = task
        return task

    def _progress(self, done: int, total: int, _message: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total))

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _succeeded(self, result: Any) -> None:
        message = self.tr("Exported %1 documents to %2").replace(
            "%1", str(result.documents)).replace("%2", str(result.outdir))
        self.window._status(message)
        self.exported.emit(result)

    def _failed(self, error: KbError) -> None:
        show_error(self.window, error, self.tr("The HTML site cannot be exported"))
        self.failed.emit(str(error))

    def _cancelled(self) -> None:
        self.window._status(self.tr("Export cancelled; the folder was left as it was"))
