"""Settings shows this workstation's identity; emptying it makes a new one, never the host."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kbdesk.core import Settings, workstation_name
from kbdesk.core.workstation import identity
from kbdesk.gui.settingsdialog import SettingsDialog


def test_settings_show_the_identity_and_an_emptied_name_is_a_new_one(qtbot: QtBot,
                                                                     monkeypatch) -> None:
    monkeypatch.setattr(identity.socket, "gethostname", lambda: "vm")
    first = workstation_name()
    dialog = SettingsDialog(Settings.load())
    qtbot.addWidget(dialog)
    edit = dialog.editors["workstation_name"]
    assert isinstance(edit, QLineEdit) and edit.text() == first
    edit.clear()
    assert dialog.apply()
    second = Settings.load().get("workstation_name")
    assert re.fullmatch(r"vm-[0-9a-f]{6}", second) and second != first
    assert "workstation_name" in dialog.changed_keys
