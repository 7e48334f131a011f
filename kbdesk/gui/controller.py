"""The application controller: the library, its index, sync and the day change of one window.

``MainWindow`` lays widgets out and shows what this controller reports; the controller does
the work, always on the task runner: it opens the library (writer), keeps the index up to date
(writer; searches wait meanwhile), starts background sync once the index is ready and
re-indexes what a sync pulled, sends what is published to the shared library, and looks once a
minute for a new day, when pending versions come into force.

Signals:
    libraryOpened(object kb): the library was read (a ``KnowledgeBase``).
    libraryFailed(object error): it cannot be opened (a ``KbError``).
    indexStateChanged(str state): opening, indexing, ready, cancelled or failed.
    indexProgress(int done, int total, str message): while indexing.
    indexStarted(): an index update began (searches wait).
    indexed(bool reloaded): the index is up to date (``reloaded``: the library was re-read).
    indexFailed(object error): the index cannot be built.
    syncStarted(object sync): the ``SyncController`` exists (once per window).
    newDay(): a new day's re-index finished (show the versions now in force).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kbdesk.core import KbError, KnowledgeBase, Settings
from kbdesk.gui.syncing import SyncController
from kbdesk.gui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

#: How often the controller checks whether a new day has brought pending versions into force.
DAY_CHECK_MS = 60_000


class AppController(QObject):
    """See the module docstring.

    Args:
        settings: the user's settings (library folder, sync interval).
        library: a library folder that overrides the setting (``--library``).
        runner: the window's task runner.
    """

    libraryOpened = Signal(object)
    libraryFailed = Signal(object)
    indexStateChanged = Signal(str)
    indexProgress = Signal(int, int, str)
    indexStarted = Signal()
    indexed = Signal(bool)
    indexFailed = Signal(object)
    syncStarted = Signal(object)
    newDay = Signal()

    def __init__(self, settings: Settings, library: str | Path | None, runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.library_arg = library
        self.runner = runner
        self.kb: KnowledgeBase | None = None
        self.index_state = "opening"
        self.sync: SyncController | None = None
        self._index_task: Task | None = None
        # Pending versions come into force at midnight: look for a new day once a minute and
        # re-index (only the documents whose version in force changed are re-read).
        self.day: dt.date | None = None
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(DAY_CHECK_MS)
        self.day_timer.timeout.connect(self.check_day)

    # -- the library --------------------------------------------------------------------------

    def start(self) -> None:
        """Open the library and its index in the background."""
        library = self.library_arg or self.settings.get("library_dir") or None

        def open_library(_progress: Any, _cancel: Any) -> KnowledgeBase:
            kb = KnowledgeBase(library)
            kb.open_services()  # built here, on the worker: the UI thread never builds one
            kb.build_in_process()  # large builds never compete with the UI thread
            kb.load()
            return kb

        self._set_state("opening")
        task = self.runner.submit(open_library, name="open library", write=True,
                                  owner=self)
        task.succeeded.connect(self._opened)
        task.failed.connect(self._failed)

    def _opened(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        if self.sync is None:
            self.sync = SyncController(kb, self.runner, settings=self.settings, parent=self)
            self.sync.pulled.connect(lambda _paths: self.start_indexing(reload=True))
            self.syncStarted.emit(self.sync)
        self.libraryOpened.emit(kb)
        self.start_indexing()

    def _failed(self, error: KbError) -> None:
        self._set_state("failed")
        self.libraryFailed.emit(error)

    # -- the index ----------------------------------------------------------------------------

    def start_indexing(self, *, rebuild: bool = False, reload: bool = False) -> Task | None:
        """Bring the index up to date on the writer worker; searches wait until it is done."""
        kb = self.kb
        if kb is None:
            return None
        if self._index_task is not None and not self._index_task.done:
            return self._index_task
        self.indexStarted.emit()
        self._set_state("indexing")

        def index(progress: Any, cancel: Any) -> Any:
            return kb.ensure_index(progress, cancel, rebuild=rebuild, reload=reload)

        task = self.runner.submit(index, name="index", write=True, owner=self)
        task.progress.connect(self.indexProgress)
        task.succeeded.connect(lambda _stats: self._index_done(reload))
        task.failed.connect(self._index_failed)
        task.cancelled.connect(lambda: self._index_done(reload, cancelled=True))
        self._index_task = task
        return task

    def cancel_indexing(self) -> None:
        """Stop a running index build (the old index stays usable when there is one)."""
        if self._index_task is not None:
            self._index_task.cancel()

    def _index_done(self, reloaded: bool, cancelled: bool = False) -> None:
        self._set_state("cancelled" if cancelled else "ready")
        self.indexed.emit(reloaded)
        if self.kb is not None and self.day is None:
            self.day = self.kb.today()
            self.day_timer.start()
        if self.sync is not None and not self.sync.timer.isActive() and self.sync.state in (
                "idle", "offline"):
            self.sync.start()

    def _index_failed(self, error: KbError) -> None:
        self._set_state("failed")
        self.indexFailed.emit(error)

    def _set_state(self, state: str) -> None:
        self.index_state = state
        self.indexStateChanged.emit(state)

    # -- publishing, sync and the day change ----------------------------------------------------

    def published(self, _result: object = None) -> None:
        """A new version was committed here: index it, and send it to the shared library."""
        self.start_indexing(reload=True)
        kb = self.kb
        if self.sync is None or kb is None:
            return
        # whether there is a shared library is read off the UI thread (it opens the repository,
        # whose lock a running sync holds)
        task = self.runner.submit(lambda _p, _c: kb.sync.remote_url(), name="remote url",
                                  owner=self)
        task.succeeded.connect(self._send_published)

    def _send_published(self, url: object) -> None:
        if url and self.sync is not None:
            self.sync.sync_now()

    def sync_now(self) -> None:
        """Sync with the shared library now (asked by the user: a sign-in is asked again)."""
        if self.sync is not None:
            self.sync.sync_now(ask=True)

    def check_day(self) -> bool:
        """Re-index when the day changed since the last check; return True when it did."""
        kb = self.kb
        if kb is None:
            return False
        today = kb.today()
        if self.day is None or today == self.day:
            self.day = today
            return False
        self.day = today
        log.info("a new day (%s): re-indexing the versions in force", today)
        task = self.start_indexing()
        if task is not None:
            task.succeeded.connect(lambda _stats: self.newDay.emit())
        return True

    def shutdown(self) -> None:
        """Stop the timers and release the library (the runner is the window's to stop)."""
        self.day_timer.stop()
        if self.sync is not None:
            self.sync.stop()
        if self.kb is not None:
            self.kb.close()
