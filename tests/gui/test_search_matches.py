"""The result list says how a hit matched: through which word (宕機 for 当机) and partially."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kbdesk.core.workstation.userstate import search_gaps
from kbdesk.gui.results import META_ROLE, found_as_label, partial_label
from tests.gui.conftest import WindowFactory, search


def test_rows_say_what_a_hit_was_found_as(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    rows = search(qtbot, window, "当机")
    assert rows and rows[0].doc_id == "sop-emergency"
    meta = window.side.model.index(0).data(META_ROLE)
    assert meta.startswith(found_as_label(rows[0].found_as)) and rows[0].found_as
    window.open_row(0)  # the reader says it too, and forgets it for a page opened otherwise
    assert window.reader.document is not None and window.reader.document.id == "sop-emergency"
    assert found_as_label(rows[0].found_as) in window.reader.meta_label.text()
    window.open_document("sop-refund")
    assert found_as_label(rows[0].found_as) not in window.reader.meta_label.text()


def test_partial_hits_are_marked_counted_and_logged(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    window.no_results_timer.setInterval(10)
    rows = search(qtbot, window, "转接 火星")
    assert rows and all(row.match == "partial" for row in rows)
    assert partial_label() in window.side.model.index(0).data(META_ROLE)
    assert window.side.info.isVisible() and window.side.info.text()
    qtbot.waitUntil(lambda: [(r.query, r.match) for r in search_gaps()]
                    == [("转接 火星", "partial")], timeout=30_000)
