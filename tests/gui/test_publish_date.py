"""The Publish dialog offers no day before today for a new version to come into force."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from kbdesk.gui.changenote import ChangeNoteDialog


def test_the_effective_date_cannot_be_set_before_today(qtbot: QtBot) -> None:
    today = dt.date(2031, 5, 6)  # the library's day, given by the editor (not the system's)
    dialog = ChangeNoteDialog("Publish", effective=today + dt.timedelta(days=3), today=today)
    qtbot.addWidget(dialog)
    assert dialog.effective is not None
    yesterday = today - dt.timedelta(days=1)
    dialog.effective.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    assert dialog.effective_date() == today  # the library's today, the earliest day offered
    later = today + dt.timedelta(days=10)
    dialog.effective.setDate(QDate(later.year, later.month, later.day))
    assert dialog.effective_date() == later
