"""Working-day limits (``5個工作日內``) skip weekends and the library's holidays."""

from __future__ import annotations

import datetime as dt

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.library.checklist import ChecklistRun, StepState
from kbdesk.core.library.workdays import WorkingCalendar, limit_seconds, working_days
from tests.conftest import doc

TZ = dt.timezone(dt.timedelta(hours=8))


def friday_at_ten() -> dt.datetime:
    """A Friday 10:00 near the test calendar's today (never a fixed "today")."""
    day = dt.date.today()
    day += dt.timedelta(days=(4 - day.weekday()) % 7)
    return dt.datetime.combine(day, dt.time(10), TZ)


def test_working_days_are_read_from_the_limit_text() -> None:
    assert working_days("5個工作日內") == 5
    assert working_days("2个工作日内") == 2
    assert working_days("3 business days") == 3
    assert working_days("24小時內") is None and working_days("") is None


def test_weekends_and_holidays_are_skipped() -> None:
    friday = friday_at_ten()
    monday = friday + dt.timedelta(days=3)
    plain = WorkingCalendar()
    assert plain.add_working_days(friday, 1) == monday
    assert plain.add_working_days(friday, 5) == friday + dt.timedelta(days=7)
    holiday = WorkingCalendar.of(holidays=[monday.date()])
    assert holiday.add_working_days(friday, 1) == monday + dt.timedelta(days=1)
    saturday = friday + dt.timedelta(days=1)
    makeup = WorkingCalendar.of(workdays=[saturday.date()])  # a make-up working Saturday
    assert makeup.add_working_days(friday, 1) == saturday
    seconds = limit_seconds("1個工作日內", 86400, friday, plain)
    assert seconds == 3 * 86400
    assert limit_seconds("30分鐘內", 1800, friday, plain) == 1800


def test_a_checklist_run_counts_working_days(make_library) -> None:
    body = "\n## 受理\n\n- 時限：1個工作日內\n\n## 回覆\n\n- 時限：2小時內\n"
    monday = (friday_at_ten() + dt.timedelta(days=3)).date().isoformat()
    root = make_library({
        "sop.md": doc("流程", kind="procedure", id="sop", body=body),
        "library.yaml": f"name: 測試\nholidays:\n  - {monday}\n",
    })
    kb = KnowledgeBase(root)
    calendar = kb.library_rules.working_calendar()
    assert kb.problems == []
    now = {"t": 0.0}
    run = ChecklistRun(kb.document("sop").steps, lambda: now["t"], calendar=calendar,
                       wall=friday_at_ten)
    run.start()
    now["t"] = 2 * 86400 + 3600  # Sunday: 24-hour days would make step 1 overdue
    assert run.state(1) is StepState.PENDING
    assert run.state(2) is StepState.OVERDUE
    now["t"] = 4 * 86400 + 60  # Tuesday 10:01 (Monday was a holiday)
    assert run.state(1) is StepState.OVERDUE
    kb.close()


def test_a_bad_holiday_is_a_problem_naming_the_field(make_library) -> None:
    root = make_library({"library.yaml": "holidays: [2026-13-01]\n"})
    kb = KnowledgeBase(root)
    assert any("YYYY-MM-DD" in p.message and p.path == "library.yaml" for p in kb.problems)
    root = make_library({"library.yaml": "holidays: [next monday]\n"})
    kb.close()
    kb = KnowledgeBase(root)
    assert any(p.field == "holidays" and "next monday" in p.message for p in kb.problems)
    kb.close()
