"""Hold a library's history busy from another thread, as a publish or a sync does."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from kbdesk.core import KnowledgeBase

#: how long the holder waits to be released before it gives up (a deadlock guard, never a
#: measure: a test fails when the holder had to give up)
GIVE_UP_S = 30


class HistoryHeld:
    """What the holder saw: ``gave_up`` is set when nobody released it in time (something
    waited for the held locks instead of answering)."""

    def __init__(self) -> None:
        self.held = threading.Event()
        self.release = threading.Event()
        self.gave_up = False


@contextlib.contextmanager
def history_held(kb: KnowledgeBase) -> Iterator[HistoryHeld]:
    """Hold the versions' lock, the history's lock and the repository's lock on a thread of
    its own until the block ends (or ``GIVE_UP_S`` passes)."""
    versioning = kb.versions._versioning  # white-box: the test holds the private locks
    history = versioning.history()
    assert history is not None, "the library has no history to hold"
    state = HistoryHeld()

    def hold() -> None:
        with versioning.lock, history._lock, history.repo.lock:
            state.held.set()
            state.gave_up = not state.release.wait(GIVE_UP_S)

    holder = threading.Thread(target=hold, name="history holder", daemon=True)
    holder.start()
    assert state.held.wait(GIVE_UP_S)
    try:
        yield state
    finally:
        state.release.set()
        holder.join(GIVE_UP_S)
