"""Review list: stale documents and pending versions; double-click opens the document."""
# ruff: noqa: F811 - the fixtures imported from editorial_fixtures are used as arguments

from __future__ import annotations

import datetime as dt

from kbdesk.core import set_field
from kbdesk.core.workstation.settings import Settings
from kbdesk.gui.review import ReviewModel, ReviewPanel
from tests.gui.editorial_fixtures import (  # noqa: F401 - fixtures
    kb,
    runner,
    versioned_library,
)

TODAY = dt.date(2026, 11, 25)


def test_lists_stale_and_pending_and_opens_on_double_click(qtbot, qtmodeltester, kb, runner) -> None:
    handbook = (kb.root / "handbooks/complaint.md").read_text("utf-8")
    kb.publishing.publish("complaint", set_field(handbook, "review_by", dt.date(2026, 6, 30)), "定期檢視日")
    phrasing = (kb.root / "phrasings/opening.md").read_text("utf-8")
    pending = set_field(phrasing.replace("您好", "您好您好"), "effective", dt.date(2099, 1, 1))
    kb.publishing.publish("opening", pending, "新開場白，明年生效")
    panel = ReviewPanel(kb, runner, today=lambda: TODAY)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=30_000)
    qtmodeltester.check(panel.model, force_py=True)
    model = panel.model
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(2)]
    assert rows[0][:3] == ["Review due", "客訴處理手冊", "2026-06-30"]
    assert "品質組" in rows[0][3]
    assert rows[1][:3] == ["Pending", "標準開場白", "2099-01-01"]
    assert "v2" in rows[1][3] and "v1" in rows[1][3]
    assert "1 past their review date, 1 pending, 0 flagged by agents" == panel.summary.text()
    index = model.index(1, 1)
    with qtbot.waitSignal(panel.openRequested, timeout=30_000) as blocker:
        panel.table.doubleClicked.emit(index)
    assert blocker.args == ["opening"]


def test_nothing_to_review(qtbot, qtmodeltester, kb, runner) -> None:
    panel = ReviewPanel(kb, runner, today=lambda: TODAY)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=30_000):
        pass
    assert panel.model.rowCount() == 0
    assert panel.summary.text() == "0 past their review date, 0 pending, 0 flagged by agents"
    qtmodeltester.check(ReviewModel(), force_py=True)


def test_review_date_in_the_future_is_not_listed(qtbot, kb, runner) -> None:
    handbook = (kb.root / "handbooks/complaint.md").read_text("utf-8")
    kb.publishing.publish("complaint", set_field(handbook, "review_by", dt.date(2027, 1, 1)), "檢視日")
    panel = ReviewPanel(kb, runner, today=lambda: TODAY)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=30_000):
        pass
    assert panel.model.rowCount() == 0


def test_flags_from_agents_are_listed_with_the_version_seen_and_cleared(qtbot, kb,
                                                                        runner) -> None:
    doc = kb.document("complaint")
    section = doc.sections[1]
    flag = kb.team.flags.flag(doc.id, doc.version, "outdated", "電話號碼已更換", "陳小華",
                              anchor=section.anchor, section=section.heading)
    panel = ReviewPanel(kb, runner, today=lambda: TODAY)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=30_000)
    row = [panel.model.index(0, c).data() for c in range(4)]
    assert row[:2] == ["Flagged", "客訴處理手冊"]
    assert f"on v{doc.version}" in row[3] and "Outdated" in row[3]
    assert section.heading in row[3] and "電話號碼已更換" in row[3] and "陳小華" in row[3]
    assert "1 flagged by agents" in panel.summary.text()
    assert not panel.clear_button.isEnabled()
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    # an agent's workstation: the button stays disabled and says which role it needs
    assert not panel.clear_button.isEnabled()
    assert "clearing flags needs the role editor" in panel.clear_button.toolTip()
    panel.settings = Settings.load()
    panel.settings.set("role", "editor")
    with qtbot.waitSignal(panel.loaded, timeout=30_000):
        panel.reload()
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    assert panel.clear_button.isEnabled()
    # an editor's workstation: its key is listed in the library (docs/team.md)
    (kb.root / ".kbdesk").mkdir(exist_ok=True)
    (kb.root / ".kbdesk" / "editor_workstations").write_text(kb.team.key_line() + "\n", "utf-8")
    with qtbot.waitSignal(panel.loaded, timeout=30_000):
        assert panel.clear_selected_flag()
    assert panel.model.rowCount() == 0
    assert [f.id for f in kb.team.open_flags()] == [] and flag.id


def test_files_edited_outside_kbdesk_are_listed(qtbot, qtmodeltester, kb, runner) -> None:
    path = kb.root / "handbooks/complaint.md"
    path.write_text(path.read_text("utf-8") + "\n未經審核的手改。\n", "utf-8")
    panel = ReviewPanel(kb, runner, today=lambda: TODAY)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=30_000)
    qtmodeltester.check(panel.model, force_py=True)
    row = [panel.model.index(0, c).data() for c in range(4)]
    assert row[:2] == ["Unpublished edit", "客訴處理手冊"]
    assert row[3] == "Edited outside kbdesk, not published; agents see v1"
    assert panel.summary.text() == "0 past their review date, 0 pending, 0 flagged by agents"
