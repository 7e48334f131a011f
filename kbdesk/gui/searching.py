"""Search as the agent types: debounced, run off the UI thread, stale answers dropped.

The controller never touches the index itself: it calls a search function (a one-line wrapper
of ``KnowledgeBase.search``) on the task runner's read pool. Until the index is ready it keeps
the latest query and runs it the moment ``set_ready(True)`` is called.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from kbdesk.core import KbError, Kind, SearchResult
from kbdesk.gui.tasks import TaskRunner

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150
SearchFn = Callable[[str, Sequence[Kind], Sequence[str]], SearchResult]


class SearchController(QObject):
    """Turns what is typed into search results.

    Signals:
        resultsReady(str query, object result): the answer to the latest query; ``result`` is
            a ``SearchResult``, or None for an empty query (browse mode).
        searchFailed(str query, object error): the latest query raised a ``KbError``.
        waitingChanged(bool): a query is waiting for the index.
    """

    resultsReady = Signal(str, object)
    searchFailed = Signal(str, object)
    waitingChanged = Signal(bool)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None, *,
                 debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._runner = runner
        self._search: SearchFn | None = None
        self._ready = False
        self._waiting = False
        self._generation = 0
        self.query = ""
        self.kinds: tuple[Kind, ...] = ()
        self.categories: tuple[str, ...] = ()
        self.submitted: list[str] = []  # queries sent to a worker, for tests and diagnostics
        self.dropped = 0  # answers that came back after a newer query was asked
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.run_now)

    @property
    def ready(self) -> bool:
        """True when searches can run (the index is open)."""
        return self._ready

    @property
    def waiting(self) -> bool:
        """True while a query waits for the index."""
        return self._waiting

    def set_backend(self, search: SearchFn | None) -> None:
        """Set the function that searches (called on a worker thread)."""
        self._search = search

    def set_ready(self, ready: bool) -> None:
        """Tell whether the index can be searched; a waiting query runs as soon as it can."""
        self._ready = ready
        if ready and self._waiting:
            self.run_now()

    def set_query(self, text: str) -> None:
        """Take the text of the search box; the search runs after a short pause in typing."""
        self.query = text
        self._generation += 1  # anything still in flight is now stale
        self._timer.start()

    def set_filters(self, kinds: Sequence[Kind], categories: Sequence[str]) -> None:
        """Change the kind and category filters and search again at once."""
        self.kinds = tuple(kinds)
        self.categories = tuple(categories)
        self.run_now()

    def _set_waiting(self, waiting: bool) -> None:
        if waiting != self._waiting:
            self._waiting = waiting
            self.waitingChanged.emit(waiting)

    def run_now(self) -> None:
        """Search for the current query now (skipping the debounce)."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        query = self.query.strip()
        if not query:
            self._set_waiting(False)
            self.resultsReady.emit("", None)
            return
        if not self._ready or self._search is None:
            self._set_waiting(True)
            return
        self._set_waiting(False)
        search, kinds, categories = self._search, self.kinds, self.categories
        self.submitted.append(query)
        task = self._runner.submit(lambda _p, _c: search(query, kinds, categories),
                                   name="search", owner=self)
        task.succeeded.connect(lambda result: self._deliver(generation, query, result))
        task.failed.connect(lambda error: self._fail(generation, query, error))

    def _deliver(self, generation: int, query: str, result: SearchResult) -> None:
        if generation != self._generation:
            self.dropped += 1
            return
        self.resultsReady.emit(query, result)

    def _fail(self, generation: int, query: str, error: KbError) -> None:
        if generation != self._generation:
            return
        log.warning("search for %r failed: %s", query, error)
        self.searchFailed.emit(query, error)
