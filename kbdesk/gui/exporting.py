"""File → Export ▸ one entry per export format, built from the core's registry of exporters.

A thin client of ``export_formats`` and ``KnowledgeBase.export``. The formats are read off the
UI thread once, when the window opens (loading a plugin imports its code), and fill the Export
submenu; a plugin that cannot be loaded is named in the status bar and left out. Choosing a
format asks for a folder; the export runs on the task runner's writer (so it never overlaps an
index update) with a progress dialog that can cancel it, and the outcome is shown in the status
bar or through ``show_error``. A format that declares options asks for them after the folder,
in a form built from the declarations (:class:`ExportOptionsDialog`), checked by the core.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import KbError, broken_exporters, export_formats, resolve_options
from kbdesk.gui.i18n import QT_TRANSLATE_NOOP
from kbdesk.gui.notices import show_error
from kbdesk.gui.tasks import Task

if TYPE_CHECKING:
    from kbdesk.core import ExportFormat, Option
    from kbdesk.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

#: the translation context of the built-in exporters' titles (a plugin's title is shown as is)
TITLES = "Exporters"
_BUILTIN_TITLES = (QT_TRANSLATE_NOOP("Exporters", "HTML site"),)


def format_title(fmt: ExportFormat) -> str:
    """A format's title in the UI language (a plugin's own title when there is no translation)."""
    return QCoreApplication.translate(TITLES, fmt.title)


class ExportOptionsDialog(QDialog):
    """The options a format declares, as a form: a check box for a true/false option, a list
    for one with choices, a line for the others (empty: the default). OK checks the values with
    the core's rules (``resolve_options``) and stays open, saying what is wrong, until they
    pass."""

    def __init__(self, fmt: ExportFormat, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fmt = fmt
        self.setWindowTitle(self.tr("Export %1: options").replace("%1", format_title(fmt)))
        self.fields: dict[str, QLineEdit | QCheckBox | QComboBox] = {}
        form = QFormLayout()
        for option in fmt.options:
            field = self._field(option)
            field.setObjectName(f"option.{option.name}")
            field.setToolTip(option.help)
            self.fields[option.name] = field
            form.addRow(option.name + ("*" if option.required else ""), field)
        self.error = QLabel(self)
        self.error.setObjectName("optionError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _field(self, option: Option) -> QLineEdit | QCheckBox | QComboBox:
        if option.type is bool and not option.choices:
            box = QCheckBox(self)
            box.setChecked(bool(option.default))
            return box
        if option.choices:
            combo = QComboBox(self)
            for choice in option.choices:
                combo.addItem(str(choice), choice)
            if option.default in option.choices:
                combo.setCurrentIndex(list(option.choices).index(option.default))
            return combo
        line = QLineEdit(self)
        if option.default is not None:
            line.setText(str(option.default))
        line.setPlaceholderText(option.help)
        return line

    def values(self) -> dict[str, Any]:
        """The options as given (an empty line left out: its default applies)."""
        values: dict[str, Any] = {}
        for name, field in self.fields.items():
            if isinstance(field, QCheckBox):
                values[name] = field.isChecked()
            elif isinstance(field, QComboBox):
                values[name] = field.currentData()
            elif field.text().strip():
                values[name] = field.text().strip()
        return values

    def accept(self) -> None:
        try:
            resolve_options(self.fmt.name, self.fmt.options, self.values())
        except KbError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


class ExportUi(QObject):
    """The Export submenu of one main window and the exports it starts.

    Signals:
        formatsReady(): the submenu holds the registered formats (``formats``).
        exported(object): the export finished; its ``ExportResult``.
        failed(str): the export failed; the error shown to the user.
    """

    formatsReady = Signal()
    exported = Signal(object)
    failed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.dialog: QProgressDialog | None = None
        self.formats: list[ExportFormat] | None = None
        self.options_dialog: ExportOptionsDialog | None = None
        self.menu = QMenu(self.tr("Export"), window)
        self.menu.setObjectName("menu.export")
        waiting = self.menu.addAction(self.tr("Looking for export formats…"))
        waiting.setEnabled(False)
        file_menu = window.menuBar().findChild(QMenu, "menu.file")
        if file_menu is not None:
            file_menu.insertMenu(window.actions_["library.join"], self.menu)
        task = window.runner.submit(lambda _p, _c: (export_formats(), broken_exporters()),
                                    name="export formats", owner=self)
        task.succeeded.connect(self._fill_menu)
        task.failed.connect(self._formats_failed)

    def _fill_menu(self, found: tuple[list[ExportFormat], dict[str, str]]) -> None:
        formats, broken = found
        self.formats = formats
        self.menu.clear()
        for fmt in formats:
            action = QAction(format_title(fmt) + "…", self.window)
            action.setObjectName(f"export.{fmt.name}")
            action.triggered.connect(lambda _c=False, name=fmt.name: self.start(None, name))
            self.window.actions_.actions[f"export.{fmt.name}"] = action
            self.menu.addAction(action)
        if not formats:
            self.menu.addAction(self.tr("No export formats")).setEnabled(False)
        for name, problem in sorted(broken.items()):
            log.warning("export plugin %s cannot be used: %s", name, problem)
            self.window._status(self.tr("The export plugin %1 cannot be used: %2")
                                .replace("%1", name).replace("%2", problem))
        self.formatsReady.emit()

    def _formats_failed(self, error: KbError) -> None:
        log.warning("the export formats cannot be listed: %s", error)
        self._fill_menu(([], {}))

    def format_named(self, name: str) -> ExportFormat | None:
        """The registered format called ``name`` (None before the formats are read, or when
        there is none)."""
        return next((f for f in self.formats or () if f.name == name), None)

    def choose_folder(self, title: str = "") -> str:
        """Ask for the folder to export into ("" when the user cancels)."""
        return QFileDialog.getExistingDirectory(
            self.window, self.tr("Export %1 to folder").replace("%1", title), str(Path.home()))

    def start(self, outdir: str | Path | None, name: str,
              options: dict[str, Any] | None = None) -> Task | None:
        """Export with the format ``name`` to ``outdir`` with ``options``; None if nothing was
        started. From the menu (no ``outdir``) the folder is asked for and then, for a format
        with options, the options (``options_dialog``: the export starts once it is accepted,
        and None is returned meanwhile)."""
        kb = self.window.kb
        if kb is None or self.busy():
            return None
        fmt = self.format_named(name)
        title = format_title(fmt) if fmt is not None else name
        asked = not outdir
        folder = str(outdir) if outdir else self.choose_folder(title)
        if not folder:
            return None
        if asked and options is None and fmt is not None and fmt.options:
            dialog = ExportOptionsDialog(fmt, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(
                lambda: self._run(folder, name, title, dialog.values()))
            dialog.destroyed.connect(lambda _o=None: setattr(self, "options_dialog", None))
            self.options_dialog = dialog
            dialog.open()
            return None
        return self._run(folder, name, title, options or {})

    def busy(self) -> bool:
        """An export runs, or its options are being asked for."""
        return self.options_dialog is not None or (
            self.task is not None and not self.task.done)

    def _run(self, folder: str, name: str, title: str, options: dict[str, Any]) -> Task | None:
        kb = self.window.kb
        if kb is None:
            return None

        def export(progress: Any, cancel: Any) -> Any:
            return kb.exports.export(name, folder, progress=progress, cancel=cancel,
                                     options=options)

        dialog = QProgressDialog(self.tr("Exporting: %1…").replace("%1", title),
                                 self.tr("Cancel"), 0, 0, self.window)
        dialog.setWindowTitle(self.tr("Export %1").replace("%1", title))
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.dialog = dialog
        task = self.window.runner.submit(export, name=f"export {name}", write=True,
                                         owner=self.window)
        dialog.canceled.connect(task.cancel)
        task.progress.connect(self._progress)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(lambda error, t=title: self._failed(error, t))
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

    def _failed(self, error: KbError, title: str) -> None:
        show_error(self.window, error, self.tr("%1 cannot be exported").replace("%1", title))
        self.failed.emit(str(error))

    def _cancelled(self) -> None:
        self.window._status(self.tr("Export cancelled; the folder was left as it was"))
