"""The Settings dialog: one editor per declared setting, built from ``core.settings.SPECS``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import SPECS, Settings, SettingsError, SettingSpec, new_workstation_name
from kbdesk.gui.i18n import QT_TRANSLATE_NOOP
from kbdesk.gui.notices import show_error

CONTEXT = "SettingsDialog"

LABELS: dict[str, str] = {
    "library_dir": QT_TRANSLATE_NOOP("SettingsDialog", "Library folder"),
    "display_script": QT_TRANSLATE_NOOP("SettingsDialog", "Display script"),
    "ui_language": QT_TRANSLATE_NOOP("SettingsDialog", "Language of the app"),
    "agent_name": QT_TRANSLATE_NOOP("SettingsDialog", "Your name"),
    "agent_team": QT_TRANSLATE_NOOP("SettingsDialog", "Your team"),
    "agent_id": QT_TRANSLATE_NOOP("SettingsDialog", "Your staff number"),
    "log_no_results": QT_TRANSLATE_NOOP("SettingsDialog",
                                        "Log searches that find nothing (helps editors)"),
    "role": QT_TRANSLATE_NOOP("SettingsDialog", "I use kbdesk as"),
    "sync_interval_minutes": QT_TRANSLATE_NOOP("SettingsDialog", "Sync every (minutes)"),
    "workstation_name": QT_TRANSLATE_NOOP("SettingsDialog", "This workstation's name"),
    "share_search_log": QT_TRANSLATE_NOOP("SettingsDialog",
                                          "Share searches that find nothing with the editors"),
}

CHOICES: dict[str, str] = {
    "original": QT_TRANSLATE_NOOP("SettingsDialog", "As written"),
    "tw": QT_TRANSLATE_NOOP("SettingsDialog", "Traditional (Taiwan)"),
    "hk": QT_TRANSLATE_NOOP("SettingsDialog", "Traditional (Hong Kong)"),
    "cn": QT_TRANSLATE_NOOP("SettingsDialog", "Simplified"),
    "system": QT_TRANSLATE_NOOP("SettingsDialog", "Same as the system"),
    "zh_TW": "繁體中文",
    "zh_CN": "简体中文",
    "en": "English",
    "agent": QT_TRANSLATE_NOOP("SettingsDialog", "Agent"),
    "supervisor": QT_TRANSLATE_NOOP("SettingsDialog", "Supervisor"),
    "editor": QT_TRANSLATE_NOOP("SettingsDialog", "Editor"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class SettingsDialog(QDialog):
    """Edits a ``Settings`` object; OK validates every value and saves the file.

    Attributes:
        editors: the editor widget of each setting, by key.
        changed_keys: the keys whose value changed at the last ``apply()``.
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.editors: dict[str, QWidget] = {}
        self.changed_keys: set[str] = set()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for spec in SPECS:
            editor = self._editor(spec)
            self.editors[spec.key] = editor
            if spec.type is bool:
                form.addRow("", editor)
            else:
                label = QLabel(_t(LABELS.get(spec.key, spec.key)), self)
                label.setToolTip(spec.description)
                label.setBuddy(editor)
                form.addRow(label, self._with_browse(spec, editor))
            editor.setToolTip(spec.description)
            if settings.locked(spec.key):  # the organisation's site settings fix it
                editor.setEnabled(False)
                editor.setToolTip(self.tr("Set by your organisation"))
                label_text = self.tr("Set by your organisation")
                form.addRow("", QLabel(f"<i>{label_text}</i>", self))
        note = QLabel(self.tr("A new language is used from the next start."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _editor(self, spec: SettingSpec) -> QWidget:
        value = self.settings.get(spec.key)
        if spec.type is bool:
            box = QCheckBox(_t(LABELS.get(spec.key, spec.key)), self)
            box.setChecked(bool(value))
            return box
        if spec.type is int:
            spin = QSpinBox(self)
            spin.setRange(spec.minimum if spec.minimum is not None else -(2**31),
                          spec.maximum if spec.maximum is not None else 2**31 - 1)
            spin.setValue(int(value))
            return spin
        if spec.choices:
            combo = QComboBox(self)
            for choice in spec.choices:
                label = CHOICES.get(choice, choice)
                combo.addItem(_t(label) if label.isascii() else label, choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        edit = QLineEdit(str(value), self)
        if spec.key == "library_dir":
            edit.setPlaceholderText(self.tr("Default: your own copy of the demo library"))
        if spec.key == "workstation_name":
            edit.setPlaceholderText(self.tr("Empty: a new name from the computer's name"))
        return edit

    def _with_browse(self, spec: SettingSpec, editor: QWidget) -> QWidget:
        if spec.key != "library_dir":
            return editor
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor, 1)
        button = QPushButton(self.tr("Browse…"), row)
        button.clicked.connect(lambda: self._browse(editor))  # type: ignore[arg-type]
        layout.addWidget(button)
        return row

    def _browse(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the library folder"),
                                                  edit.text())
        if folder:
            edit.setText(folder)

    def value(self, key: str) -> Any:
        """Return the value the dialog shows for a setting."""
        editor = self.editors[key]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def apply(self) -> bool:
        """Validate and store every value, then save; show the error and return False if any."""
        changed = set()
        try:
            for spec in SPECS:
                new = self.value(spec.key)
                if self.settings.locked(spec.key):
                    continue  # shown greyed; the organisation's value stands
                if spec.key == "workstation_name" and not new:
                    # a new identity, never the bare host name
                    new = new_workstation_name(rule=self.settings.site.naming)
                if new != self.settings.get(spec.key):
                    self.settings.set(spec.key, new)
                    changed.add(spec.key)
            self.settings.save()
        except (SettingsError, OSError) as exc:
            show_error(self, str(exc))
            return False
        self.changed_keys = changed
        return True

    def accept(self) -> None:
        """OK: apply and close if every value was accepted."""
        if self.apply():
            super().accept()
