"""A pending version comes into force at midnight without restarting the app."""

from __future__ import annotations

import datetime as dt

from tests.gui.conftest import search
from tests.gui.editorial_fixtures import versioned_library  # noqa: F401 - fixture


def test_pending_version_comes_into_force_on_the_next_day(qtbot, make_window, versioned_library):  # noqa: F811
    # "today" is the day the library was made (the suite's calendar, never the real one)
    first = dt.date.today()
    tomorrow = first + dt.timedelta(days=1)
    today = {"day": first}
    window = make_window(versioned_library)
    window.kb.set_clock(lambda: today["day"])
    window.app.day = today["day"]
    text = (versioned_library / "handbooks/complaint.md").read_text("utf-8")
    pending = text.replace("owner: 品質組", f"owner: 品質組\neffective: {tomorrow.isoformat()}").replace(
        "24小時", "12小時")
    window.kb.publishing.publish("complaint", pending, "明天起改為12小時", author="編輯")
    assert not any(r.doc_id == "complaint" for r in search(qtbot, window, "12小時"))
    window.open_document("complaint", "回覆時限")
    assert "24小時" in window.reader.document.body

    assert window.app.check_day() is False  # same day: nothing to do
    today["day"] = tomorrow
    with qtbot.waitSignal(window.resultsShown, timeout=30000):
        assert window.app.check_day() is True
    assert window.side.model.rows and window.side.model.rows[0].doc_id == "complaint"
    assert "12小時" in window.reader.document.body
    assert window.reader.current_section == "回覆時限"
    assert window.app.day_timer.isActive()
