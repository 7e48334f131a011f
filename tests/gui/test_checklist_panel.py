"""The checklist panel: ticks, the running timer against each limit, the overdue warning."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from PySide6.QtCore import Qt

from kbdesk.core.clock import FixedClock
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.library.model import Document
from kbdesk.core.library.workdays import WorkingCalendar
from kbdesk.gui.checklist import OVERDUE_COLOR, ChecklistModel, ChecklistPanel
from tests.conftest import doc

PROCEDURE = doc("投訴處理流程", "procedure", id="complaint", body=(
    "所有投訴依本流程處理。\n\n"
    "## 接收與記錄\n\n- 角色：一線客服\n- 時限：30秒內\n\n建立投訴單。\n\n"
    "## 分類與定級\n\n- 角色：值班主管\n- 時限：2分鐘內\n\n"
    "## 回饋與結案\n\n- 角色：一線客服\n\n沒有時限。\n"
))


#: the library's clock (limits in seconds and minutes do not read it)
LIBRARY_CLOCK = FixedClock(dt.datetime(2031, 3, 7, 10, 0, tzinfo=dt.UTC))


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def procedure(make_library) -> Document:
    return KnowledgeBase(make_library({"procedures/p.md": PROCEDURE})).document("complaint")


@pytest.fixture
def panel(qtbot, procedure: Document) -> tuple[ChecklistPanel, FakeClock]:
    clock = FakeClock()
    widget = ChecklistPanel(clock, interval_ms=20)
    qtbot.addWidget(widget)
    widget.set_library(WorkingCalendar(), LIBRARY_CLOCK.now)
    widget.set_document(procedure)
    widget.show()
    return widget, clock


def cell(panel: ChecklistPanel, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return panel.model.data(panel.model.index(row, column), role)


def test_steps_are_listed_with_role_and_limit(panel) -> None:
    widget, _ = panel
    assert widget.model.rowCount() == 3
    assert [cell(widget, r, 0) for r in range(3)] == ["1. 接收與記錄", "2. 分類與定級",
                                                     "3. 回饋與結案"]
    assert [cell(widget, r, 1) for r in range(3)] == ["一線客服", "值班主管", "一線客服"]
    assert [cell(widget, r, 2) for r in range(3)] == ["30秒內", "2分鐘內", "—"]
    assert cell(widget, 0, 0, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert widget.start_button.isEnabled()
    assert widget.elapsed_label.text() == "0:00"


def test_timer_passes_a_limit_and_warns(qtbot, panel) -> None:
    widget, clock = panel
    qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
    assert widget.timer.isActive() and not widget.start_button.isEnabled()
    clock.now += 20
    qtbot.waitUntil(lambda: widget.elapsed_label.text() == "0:20", timeout=30_000)
    assert cell(widget, 0, 3) == "0:10 left"
    assert widget.banner.isHidden()
    clock.now += 15  # 35 s: step 1 (30 s) has passed its limit, unticked
    with qtbot.waitSignal(widget.limit_passed, timeout=30_000) as blocker:
        pass  # the panel's own QTimer notices
    assert blocker.args == [1]
    assert widget.banner.isVisible()
    assert "1. 接收與記錄" in widget.overdue_text()
    assert cell(widget, 0, 3) == "Overdue by 0:05"
    assert cell(widget, 0, 0, Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOR
    assert "color: #c62828" in widget.elapsed_label.styleSheet()
    assert cell(widget, 1, 3) == "1:25 left"
    assert cell(widget, 2, 3) == ""  # no limit, no countdown


def test_ticking_an_overdue_step_clears_the_warning(qtbot, panel) -> None:
    widget, clock = panel
    widget.start()
    clock.now += 40
    qtbot.waitUntil(widget.banner.isVisible, timeout=30_000)
    model = widget.model
    with qtbot.waitSignal(widget.step_toggled, timeout=30_000) as blocker:
        assert model.setData(model.index(0, 0), Qt.CheckState.Checked.value,
                             Qt.ItemDataRole.CheckStateRole)
    assert blocker.args == [1, True]
    assert widget.banner.isHidden()
    assert cell(widget, 0, 3) == "Done at 0:40 (late)"
    assert cell(widget, 0, 0, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked,
                         Qt.ItemDataRole.CheckStateRole)
    assert widget.banner.isVisible()


def test_ticking_in_time_and_finishing_stops_the_clock(qtbot, panel) -> None:
    widget, clock = panel
    widget.start()
    model = widget.model
    for row, seconds in ((0, 10), (1, 50), (2, 5)):
        clock.now += seconds
        model.setData(model.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert cell(widget, 0, 3) == "Done at 0:10"
    assert not widget.timer.isActive()
    clock.now += 600
    widget.refresh()
    assert widget.elapsed_label.text() == "1:05"
    assert widget.banner.isHidden()


def test_reset_for_the_next_case(qtbot, panel) -> None:
    widget, clock = panel
    widget.start()
    widget.model.setData(widget.model.index(1, 0), Qt.CheckState.Checked,
                         Qt.ItemDataRole.CheckStateRole)
    clock.now += 100
    qtbot.waitUntil(widget.banner.isVisible, timeout=30_000)
    qtbot.mouseClick(widget.reset_button, Qt.MouseButton.LeftButton)
    assert widget.banner.isHidden()
    assert not widget.timer.isActive()
    assert widget.elapsed_label.text() == "0:00"
    assert cell(widget, 1, 0, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert widget.start_button.isEnabled()
    widget.start()
    clock.now += 31
    with qtbot.waitSignal(widget.limit_passed, timeout=30_000):  # warns again in the new run
        pass


def test_space_ticks_the_selected_step(qtbot, panel) -> None:
    widget, _ = panel
    widget.view.setFocus()
    widget.view.setCurrentIndex(widget.model.index(2, 0))
    with qtbot.waitSignal(widget.step_toggled, timeout=30_000) as blocker:
        qtbot.keyClick(widget.view, Qt.Key.Key_Space)
    assert blocker.args == [3, True]


def test_document_without_steps(qtbot, make_library) -> None:
    kb = KnowledgeBase(make_library({"h.md": doc("手冊", body="## 一\n\n內容\n")}))
    widget = ChecklistPanel(FakeClock())
    qtbot.addWidget(widget)
    with pytest.raises(RuntimeError, match="clock"):  # no library's clock yet: no run
        widget.set_document(kb.document("h"))
    widget.set_library(kb.library_rules.working_calendar(), kb.clock.now)
    widget.set_document(kb.document("h"))
    assert widget.model.rowCount() == 0
    assert not widget.start_button.isEnabled()
    widget.start()
    assert not widget.timer.isActive()
    assert "no steps" in widget.title.text()
    widget.set_document(None)
    assert widget.model.rowCount() == 0


def test_model_passes_the_model_tester(qtmodeltester, panel) -> None:
    widget, clock = panel
    widget.start()
    clock.now += 45
    qtmodeltester.check(widget.model)
    empty = ChecklistModel()
    qtmodeltester.check(empty)
    assert empty.setData(empty.index(0, 0), Qt.CheckState.Checked,
                         Qt.ItemDataRole.CheckStateRole) is False


def test_switching_script_keeps_the_run(qtbot, panel) -> None:
    widget, clock = panel
    widget.start()
    widget.model.setData(widget.model.index(0, 0), Qt.CheckState.Checked,
                         Qt.ItemDataRole.CheckStateRole)
    clock.now += 200
    widget.set_script("cn")
    assert cell(widget, 0, 0) == "1. 接收与记录"
    assert cell(widget, 0, 0, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert "投诉处理流程" in widget.title.text()
    assert "2. 分类与定级" in widget.overdue_text()


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12 on")
def test_a_running_timer_does_not_drain_references(qtbot, panel) -> None:
    """The timer refreshes the view all day long; that must not leak or steal references.

    PySide6 6.12.0 on Python 3.11 drops one reference to ``True`` on every ``emit()`` made
    from Python (the value it returns); the interpreter aborts once the count reaches zero,
    which a running checklist does within about an hour. 6.11.3 does not.
    """
    widget, clock = panel
    widget.start()
    before = sys.getrefcount(True)
    for _ in range(200):
        clock.now += 1
        widget.refresh()
    assert sys.getrefcount(True) > before - 50, (
        "each timer refresh drops a reference to True: PySide6 6.12.0 emit() bug")


def test_working_day_limits_count_from_the_library_clock(qtbot, make_library) -> None:
    """The library's clock is a Friday about 90 days after the process's day, and the Monday
    after it a holiday: a one-working-day limit started then runs to Tuesday (four calendar
    days). Counted from the process's day it could be three days at most."""
    ahead = dt.date.today() + dt.timedelta(days=90)
    friday = ahead + dt.timedelta(days=(4 - ahead.weekday()) % 7)
    monday = friday + dt.timedelta(days=3)
    body = "\n## 受理\n\n- 角色：一線客服\n- 時限：1個工作日內\n"
    kb = KnowledgeBase(make_library({
        "sop.md": doc("流程", "procedure", id="sop", body=body),
        "library.yaml": f"name: 測試\nholidays:\n  - {monday.isoformat()}\n",
    }))
    try:
        kb.set_clock(FixedClock(dt.datetime.combine(friday, dt.time(10, 0), tzinfo=dt.UTC)))
        clock = FakeClock()
        widget = ChecklistPanel(clock, interval_ms=20)
        qtbot.addWidget(widget)
        widget.set_library(kb.library_rules.working_calendar(), kb.clock.now)
        widget.set_document(kb.document("sop"))
        widget.start()
        assert widget.run is not None
        assert widget.run.status(1).remaining == pytest.approx(4 * 86400)
    finally:
        kb.close()
