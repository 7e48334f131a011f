"""The reader's header dates a document from its version history, never the file's mtime."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.conftest import WindowFactory

LONG_AGO = dt.datetime(2001, 2, 3, 12, 0).timestamp()


def test_the_header_shows_the_day_the_version_came_into_force(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    for path in demo_library.rglob("*.md"):
        os.utime(path, (LONG_AGO, LONG_AGO))
    window = make_window(demo_library)
    window.open_document("complaint-handbook")
    doc = window.reader.document
    assert doc is not None
    day = window.kb.versions.updated_on(doc)
    assert day is not None and day == window.kb.versions.effective_date(doc.id, doc.version)
    # read from history off the UI thread: the header gains the date when it comes
    qtbot.waitUntil(lambda: day.isoformat() in window.reader.meta_label.text(), timeout=30_000)
    header = window.reader.meta_label.text()
    assert "2001-02-03" not in header
