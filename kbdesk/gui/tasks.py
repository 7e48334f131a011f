"""The one task runner of the desktop app: long work off the UI thread, results back by signals.

Reads (searches) run on a small thread pool; everything that writes the search index runs on a
single worker, one job after another, matching Whoosh's one-writer rule; small writes of this
workstation's state (the versions seen, recents) run on a single worker of their own, in order,
so they never wait behind an index build and the UI thread never waits for a disk. A job is a
function ``fn(progress, cancel)`` taking the core's progress callback and ``CancelToken``; its
result, its ``KbError`` or its cancellation comes back to the UI thread as a signal of its
``Task``.
Nothing here spins the event loop.

Every job a widget starts names that widget as its *owner* (Anki's ``CollectionOp(parent, …)``
shape): when the owner is gone by the time the outcome arrives (a window closed and deleted
while its job ran), the outcome is dropped: ``succeeded``/``failed``/``cancelled`` are not
emitted, so no callback ever touches a deleted widget; ``finished`` still is, and the task
says ``dropped``.
"""

from __future__ import annotations

import logging
import weakref
from collections import deque
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from kbdesk.core import Cancelled, CancelToken, KbError

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int, str], None]
JobFn = Callable[[ProgressCallback, CancelToken], Any]


class Task(QObject):
    """A handle on one submitted job.

    Signals:
        progress(int done, int total, str message): reported by the job, any number of times.
        succeeded(object result): the job returned.
        failed(object error): the job raised a ``KbError`` (anything else is wrapped in one).
        cancelled(): the job stopped because ``cancel()`` was called.
        finished(): after exactly one of the three above, or after the outcome was dropped
            because the owner was gone.

    Args:
        owner: the object the outcome is for (a widget); None: the outcome is always delivered.
    """

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    # Emitted on the worker thread; delivered to this object's own slots on the UI thread, which
    # re-emit the public signals there. So any callable connected to the public signals runs on
    # the UI thread, lambdas included.
    _outcome = Signal(str, object)
    _progressed = Signal(int, int, str)

    def __init__(self, fn: JobFn, name: str = "", parent: QObject | None = None, *,
                 owner: QObject | None = None) -> None:
        super().__init__(parent)
        self.fn = fn
        self.name = name or getattr(fn, "__name__", "task")
        self.token = CancelToken()
        self.owner = owner
        self.done = False
        self.dropped = False  # the owner was gone when the outcome arrived
        self.result: Any = None
        self.error: KbError | None = None
        self._outcome.connect(self._deliver)
        self._progressed.connect(self._deliver_progress)

    def cancel(self) -> None:
        """Ask the job to stop at its next safe point."""
        self.token.cancel()

    def _report(self, done: int, total: int, message: str = "") -> None:
        self._progressed.emit(int(done), int(total), str(message))

    def run(self) -> None:
        """Run the job in the calling (worker) thread and post the outcome to the UI thread."""
        try:
            if self.token.cancelled:
                raise Cancelled("cancelled before it started")
            result = self.fn(self._report, self.token)
        except Cancelled:
            self._outcome.emit("cancelled", None)
        except KbError as exc:
            self._outcome.emit("failed", exc)
        except Exception as exc:
            log.exception("task %s failed", self.name)
            self._outcome.emit("failed", KbError(f"{self.name}: unexpected error: {exc}"))
        else:
            self._outcome.emit("succeeded", result)

    def owner_gone(self) -> bool:
        """True when the task has an owner and that object was deleted."""
        return self.owner is not None and not shiboken6.isValid(self.owner)

    @Slot(int, int, str)
    def _deliver_progress(self, done: int, total: int, message: str) -> None:
        if not self.owner_gone():
            self.progress.emit(done, total, message)

    @Slot(str, object)
    def _deliver(self, outcome: str, payload: object) -> None:
        if self.owner_gone():
            log.debug("task %s: its owner is gone; %s dropped", self.name, outcome)
            self.dropped, self.owner = True, None
        elif outcome == "succeeded":
            self.result = payload
            self.succeeded.emit(payload)
        elif outcome == "failed":
            self.error = payload  # type: ignore[assignment]
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.done = True
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task.run()


class TaskRunner(QObject):
    """Runs jobs on worker threads: a pool for reads, a single worker for index writes.

    Signals:
        busyChanged(bool): whether any write job is queued or running.
        taskFinished(object task): a task finished (its outcome delivered or dropped).
    """

    busyChanged = Signal(bool)
    taskFinished = Signal(object)

    def __init__(self, parent: QObject | None = None, *, read_threads: int = 2) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(read_threads)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._ordered = QThreadPool(self)
        self._ordered.setMaxThreadCount(1)
        self._tasks: set[Task] = set()
        # Finished tasks stay referenced a while, so none is destroyed inside its own signal.
        self._recent: deque[Task] = deque(maxlen=64)
        self._pending_writes = 0
        self._closed = False
        self._state_writes: weakref.WeakSet[Task] = weakref.WeakSet()

    @property
    def writing(self) -> bool:
        """True while a write job is queued or running."""
        return self._pending_writes > 0

    def submit(self, fn: JobFn, *, name: str = "", write: bool = False, ordered: bool = False,
               owner: QObject | None = None) -> Task:
        """Queue a job; connect to the returned task's signals to get its outcome.

        Args:
            fn: ``fn(progress, cancel) -> result``, run on a worker thread.
            write: run it on the single writer worker (index builds and other writes).
            ordered: a small write of the workstation's state: on a single worker of its own,
                in the order submitted (never behind an index build).
            owner: the widget the outcome is for: dropped when that widget is gone by then.
        """
        task = Task(fn, name, owner=owner)
        if self._closed:
            task.done = True
            return task
        self._tasks.add(task)
        task.finished.connect(lambda t=task, w=write: self._finished(t, w))  # UI thread
        if write:
            self._pending_writes += 1
            if self._pending_writes == 1:
                self.busyChanged.emit(True)
            self._writes.start(_Runnable(task))
        elif ordered:
            self._state_writes.add(task)
            self._ordered.start(_Runnable(task))
        else:
            self._reads.start(_Runnable(task))
        return task

    def _finished(self, task: Task, write: bool) -> None:
        if self._closed:
            return
        self._tasks.discard(task)
        self._recent.append(task)
        if write:
            self._pending_writes -= 1
            if self._pending_writes == 0:
                self.busyChanged.emit(False)
        self.taskFinished.emit(task)

    def active_tasks(self) -> list[Task]:
        """Return the jobs queued or running."""
        return [t for t in self._tasks if not t.done]

    def cancel_all(self) -> None:
        """Ask every queued or running job to stop."""
        for task in list(self._tasks):
            task.cancel()

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Cancel everything but the small state writes (recents, marks of what was read: an
        agent closing the window must not lose them) and wait for the workers; returns False
        on timeout."""
        self._closed = True
        for task in list(self._tasks):
            if task not in self._state_writes:
                task.cancel()
        ok = self._reads.waitForDone(timeout_ms)
        ok = self._writes.waitForDone(timeout_ms) and ok
        ok = self._ordered.waitForDone(timeout_ms) and ok
        # Outcomes already posted to the UI thread must not reach receivers being torn down.
        for task in self._tasks:
            task.blockSignals(True)
        self._tasks.clear()
        return ok
