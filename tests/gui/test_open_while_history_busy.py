"""Opening a document never waits for the version history.

A publish, a sync or a history refresh on a worker holds the history's locks; an agent opening
a document meanwhile must see it at once (the version in force comes from today's snapshot)
and the window must keep handling events. Here another thread holds those locks until the test
lets go: had the window waited for them, the holder would have had to give up on its own
(``gave_up``), so the test fails, instead of hanging, if opening waits.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.gui.conftest import WindowFactory
from tests.history_busy import history_held


def test_a_document_opens_and_the_window_answers_while_history_is_held(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    kb = window.kb
    assert kb is not None
    in_force = kb.versions.document_in_force("complaint-handbook")
    assert in_force is not None
    day = kb.versions.updated_on(in_force)
    assert day is not None
    updated = window.reader.tr("Updated %1").replace("%1", day.isoformat())
    with history_held(kb) as held:
        # opened from the event loop, as a click does: the loop must run for the signal to come
        with qtbot.waitSignal(window.opened, timeout=30_000,
                              check_params_cb=lambda doc_id, _a: doc_id == "complaint-handbook"):
            QTimer.singleShot(0, lambda: window.open_document("complaint-handbook"))
        assert not held.gave_up, "opening the document waited for the history"
        doc = window.reader.document
        assert doc is not None and doc.id == "complaint-handbook"
        assert doc.version == in_force.version
        assert window.reader.title_label.text()
        # the lists and the browse list answer too, and the window still takes events
        window.refresh_lists()
        with qtbot.waitSignal(window.resultsShown, timeout=30_000):
            QTimer.singleShot(0, lambda: window._show_results("", None))
        # the day the version came into force is read from history: not yet
        assert updated not in window.reader.meta_label.text()
    assert not held.gave_up, "the UI thread waited for the history"
    # once the history is free the header gains the date, read on a worker
    qtbot.waitUntil(lambda: updated in window.reader.meta_label.text(), timeout=30_000)
