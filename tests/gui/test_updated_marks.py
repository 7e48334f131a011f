"""已更新 marks: results and lists mark documents changed since they were last opened here."""

from __future__ import annotations

from kbdesk.gui.results import META_ROLE, updated_label
from tests.gui.conftest import search
from tests.gui.editorial_fixtures import versioned_library  # noqa: F401 - fixture


def test_changed_document_is_marked_until_opened(qtbot, make_window, versioned_library):  # noqa: F811
    window = make_window(versioned_library)
    [first] = [r for r in search(qtbot, window, "回覆時限") if r.doc_id == "complaint"][:1]
    assert not window.side.model.is_updated(first.doc_id)
    with qtbot.waitSignal(window.editorial.seenRecorded, timeout=30_000):
        window.open_document("complaint", first.anchor)  # written off the UI thread
    assert window.kb.receipts.last_seen("complaint") == 1

    text = (versioned_library / "handbooks/complaint.md").read_text("utf-8")
    window.kb.publishing.publish("complaint", text.replace("24小時", "48小時"), "改為48小時", author="編輯")

    rows = search(qtbot, window, "回覆時限")
    row_number = next(i for i, r in enumerate(rows) if r.doc_id == "complaint")
    assert window.side.model.is_updated("complaint") and rows[row_number].version == 2
    meta = window.side.model.index(row_number).data(META_ROLE)
    assert meta.startswith(updated_label())
    window.refresh_lists()
    recent = window.side.recents.item(0)
    assert recent.text().endswith(updated_label())

    with qtbot.waitSignal(window.editorial.seenRecorded, timeout=30_000):
        window.open_row(row_number)
        assert not window.side.model.is_updated("complaint")  # at once, before the write
    assert not window.side.model.index(row_number).data(META_ROLE).startswith(updated_label())
    assert window.kb.receipts.last_seen("complaint") == 2
    assert not window.side.recents.item(0).text().endswith(updated_label())
