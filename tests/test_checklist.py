"""Procedure checklist runs: ticks, the injected clock, due-soon and overdue states."""

from __future__ import annotations

import datetime as dt

import pytest

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.library.checklist import ChecklistRun, StepState, format_duration
from kbdesk.core.library.model import ProcedureStep
from tests.conftest import doc


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def step(number: int, limit: int | None, title: str = "") -> ProcedureStep:
    return ProcedureStep(number, title or f"step {number}", f"s{number}", "一線客服",
                         "" if limit is None else f"{limit}秒內", limit, "")


STEPS = [step(1, 60), step(2, 300), step(3, None)]


def WALL() -> dt.datetime:  # the library's clock (limits in seconds do not read it)
    return dt.datetime(2030, 3, 4, 10, 0, tzinfo=dt.UTC)


def test_nothing_runs_before_start() -> None:
    clock = FakeClock()
    run = ChecklistRun(STEPS, clock, wall=WALL)
    clock.now += 500
    assert not run.started
    assert run.elapsed() == 0
    assert [s.state for s in run.statuses()] == [StepState.PENDING] * 3
    assert run.overdue() == []


def test_limit_passes_before_tick_is_overdue() -> None:
    clock = FakeClock()
    run = ChecklistRun(STEPS, clock, wall=WALL)
    run.start()
    clock.now += 30
    assert run.elapsed() == 30
    assert run.status(1).remaining == 30
    assert run.state(1) is StepState.PENDING
    clock.now += 20  # 50 s: 10 s left of 60 is within 20 %
    assert run.state(1) is StepState.DUE_SOON
    clock.now += 11  # 61 s
    assert run.state(1) is StepState.OVERDUE
    assert run.status(1).remaining == pytest.approx(-1)
    assert run.overdue() == [STEPS[0]]
    assert run.state(2) is StepState.PENDING
    assert run.state(3) is StepState.PENDING  # no limit, never overdue
    clock.now += 10_000
    assert run.state(3) is StepState.PENDING


def test_ticked_in_time_and_late() -> None:
    clock = FakeClock()
    run = ChecklistRun(STEPS, clock, wall=WALL)
    run.start()
    clock.now += 40
    run.tick(1)
    clock.now += 400
    status = run.status(1)
    assert status.state is StepState.DONE
    assert status.done_at == 40 and not status.late
    assert run.state(2) is StepState.OVERDUE
    run.tick(STEPS[1])
    assert run.status(2).late
    assert run.status(2).remaining == pytest.approx(-140)
    run.tick(2)  # ticking again keeps the first time
    assert run.status(2).done_at == 440


def test_untick_and_elapsed_freezes_when_complete() -> None:
    clock = FakeClock()
    run = ChecklistRun(STEPS, clock, wall=WALL)
    run.start()
    clock.now += 10
    for number in (1, 2, 3):
        run.tick(number)
    assert run.complete
    clock.now += 100
    assert run.elapsed() == 10
    run.untick(3)
    assert not run.is_done(3)
    assert run.elapsed() == 110


def test_start_twice_keeps_time_and_reset_clears() -> None:
    clock = FakeClock()
    run = ChecklistRun(STEPS, clock, wall=WALL)
    run.start()
    clock.now += 70
    run.start()
    assert run.elapsed() == 70
    run.tick(1)
    run.reset()
    assert not run.started and not run.is_done(1)
    assert run.elapsed() == 0
    run.start()
    clock.now += 5
    assert run.elapsed() == 5
    assert run.state(1) is StepState.PENDING


def test_tick_before_start_has_no_time() -> None:
    run = ChecklistRun(STEPS, FakeClock(), wall=WALL)
    run.tick(1)
    assert run.status(1).state is StepState.DONE
    assert run.status(1).done_at is None and not run.status(1).late


def test_unknown_step_is_an_error() -> None:
    run = ChecklistRun(STEPS, FakeClock(), wall=WALL)
    with pytest.raises(ValueError):
        run.tick(9)
    with pytest.raises(ValueError):
        run.state(0)


def test_empty_procedure() -> None:
    clock = FakeClock()
    run = ChecklistRun([], clock, wall=WALL)
    run.start()
    clock.now += 3
    assert run.elapsed() == 3
    assert run.statuses() == []


def test_run_from_a_procedure_document(make_library) -> None:
    root = make_library({"procedures/p.md": doc("流程", "procedure", id="p", body=(
        "## 接收\n\n- 角色：一線客服\n- 時限：30秒內\n\n## 分類\n\n- 角色：值班主管\n- 時限：2分鐘內\n"
    ))})
    document = KnowledgeBase(root).document("p")
    clock = FakeClock()
    run = ChecklistRun.for_document(document, clock, wall=WALL)
    assert [(s.title, s.role, s.limit_seconds) for s in run.steps] == [
        ("接收", "一線客服", 30), ("分類", "值班主管", 120)]
    run.start()
    clock.now += 31
    assert run.overdue() == [run.steps[0]]
    assert "時限" in document.body  # the document itself is untouched
    assert "done" not in document.body


def test_format_duration() -> None:
    assert format_duration(0) == "0:00"
    assert format_duration(65) == "1:05"
    assert format_duration(-5.5) == "-0:05"
    assert format_duration(3725) == "1:02:05"
    assert format_duration(2 * 86400 + 61) == "2d 0:01:01"
