"""The task runner: jobs run off the UI thread and report back on it."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from kbdesk.core import CancelToken
from kbdesk.core.errors import Cancelled, KbError
from kbdesk.gui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot: QtBot):
    r = TaskRunner()
    yield r
    assert r.shutdown()


def test_result_comes_back_on_the_ui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    main = threading.get_ident()
    seen: dict[str, int] = {}

    def job(progress, cancel: CancelToken) -> int:
        seen["worker"] = threading.get_ident()
        progress(1, 2, "half")
        return 42

    task = runner.submit(job)
    got: list[object] = []
    task.succeeded.connect(lambda value: (got.append(value), seen.update(slot=threading.get_ident())))
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert got == [42]
    assert seen["worker"] != main
    assert seen["slot"] == main
    assert task.result == 42


def test_kb_error_is_reported(qtbot: QtBot, runner: TaskRunner) -> None:
    def job(progress, cancel):
        raise KbError("library folder is gone")

    task = runner.submit(job)
    with qtbot.waitSignal(task.failed, timeout=30_000) as blocker:
        pass
    assert "library folder is gone" in str(blocker.args[0])


def test_unexpected_error_is_wrapped(qtbot: QtBot, runner: TaskRunner) -> None:
    def job(progress, cancel):
        raise ValueError("boom")

    task = runner.submit(job, name="broken")
    with qtbot.waitSignal(task.failed, timeout=30_000) as blocker:
        pass
    assert isinstance(blocker.args[0], KbError)
    assert "broken" in str(blocker.args[0])


def test_cancel_stops_a_running_job(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()

    def job(progress, cancel: CancelToken):
        started.set()
        while True:
            cancel.check()
            cancel._event.wait(0.01)

    task = runner.submit(job, write=True)
    qtbot.waitUntil(started.is_set, timeout=30_000)
    with qtbot.waitSignal(task.cancelled, timeout=30_000):
        task.cancel()


def test_writes_run_one_at_a_time_in_order(qtbot: QtBot, runner: TaskRunner) -> None:
    order: list[int] = []
    active = [0]
    overlap = [False]
    lock = threading.Lock()

    def make(n: int):
        def job(progress, cancel):
            with lock:
                active[0] += 1
                overlap[0] |= active[0] > 1
            for _ in range(20000):
                pass
            with lock:
                active[0] -= 1
                order.append(n)
        return job

    busy: list[bool] = []
    runner.busyChanged.connect(busy.append)
    tasks = [runner.submit(make(n), write=True) for n in range(5)]
    assert runner.writing
    with qtbot.waitSignal(tasks[-1].finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: not runner.writing, timeout=30_000)
    assert order == [0, 1, 2, 3, 4]
    assert not overlap[0]
    assert busy == [True, False]


def test_submit_after_shutdown_does_nothing(qtbot: QtBot) -> None:
    r = TaskRunner()
    assert r.shutdown()
    ran = []
    task = r.submit(lambda p, c: ran.append(1))
    assert task.done and ran == []
    assert not isinstance(task.error, Cancelled)



def test_an_outcome_whose_owner_is_gone_is_dropped(qtbot: QtBot, runner: TaskRunner) -> None:
    from PySide6.QtWidgets import QLabel

    owner, kept = QLabel(), QLabel()
    release = threading.Event()
    gone = runner.submit(lambda _p, _c: release.wait(10), name="for a gone label", owner=owner)
    alive = runner.submit(lambda _p, _c: release.wait(10), name="for a label", owner=kept)
    got: list[object] = []
    gone.succeeded.connect(lambda value: owner.setText(str(value)))  # would raise if delivered
    alive.succeeded.connect(got.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner), timeout=30_000)
    finished: list[object] = []
    runner.taskFinished.connect(finished.append)
    with qtbot.waitSignals([gone.finished, alive.finished], timeout=30_000):
        release.set()
    assert gone.dropped and gone.result is None
    assert not alive.dropped and got == [True]
    assert set(finished) == {gone, alive}
    kept.deleteLater()


def test_shutdown_finishes_the_state_writes_already_queued(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Closing the window must not lose the recents or the marks of what was read: the small
    state writes queued on the ordered worker still run; other jobs are cancelled."""
    runner = TaskRunner()
    written: list[int] = []
    for number in range(50):
        runner.submit(lambda _p, _c, n=number: written.append(n), name="state", ordered=True)
    assert runner.shutdown()
    assert written == list(range(50))
