"""How long jobs report progress and are cancelled: one callback type and one cancel token.

Every long core job (loading a library, building the index, syncing) takes
``progress: Progress | None`` and ``cancel: CancelToken | None``; the desktop app renders the
progress and the CLI ignores it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from kbdesk.core.errors import Cancelled

Progress = Callable[[int, int, str], None]
"""``progress(done, total, message)``: ``total`` 0 means unknown; ``message`` may be empty."""


class CancelToken:
    """Set by the caller to ask a long job to stop at the next safe point."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise Cancelled if cancel() was called."""
        if self._event.is_set():
            raise Cancelled("cancelled")
