"""One inter-process lock per library: publishing, index writes and sync take turns.

The app and any number of ``kbdesk`` commands may work on one library at once. Every operation
that writes the library, its git repository or its search index runs inside
:func:`library_lock`, an OS file lock (``filelock``) kept in the per-user data folder and keyed
by the library. The operating system releases it when its holder dies, even by ``kill -9``, so a
crashed process never leaves the library locked. A second process waits for the first (up to
:data:`LOCK_TIMEOUT` seconds) and then says plainly what is going on.

The lock is re-entrant within one thread (a publish re-indexes under the lock it holds) and
excludes other threads of the same process as well as other processes. It must be taken before
any of the in-process locks (the library's, the index's), never while holding one.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from kbdesk.core.errors import LibraryBusy
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.storage import library_key

if TYPE_CHECKING:
    from filelock import FileLock

log = logging.getLogger(__name__)

#: How long an operation waits for another process working on the same library (seconds);
#: ``KBDESK_LOCK_TIMEOUT`` overrides it.
LOCK_TIMEOUT = 120.0

_locks: dict[str, FileLock] = {}
_guard = threading.Lock()


def lock_file(root: Path) -> Path:
    """Where the lock of the library at ``root`` is kept."""
    return paths.data_dir() / "locks" / f"{library_key(root)}.lock"


def _timeout() -> float:
    try:
        return float(os.environ.get("KBDESK_LOCK_TIMEOUT", LOCK_TIMEOUT))
    except ValueError:
        return LOCK_TIMEOUT


def _lock_for(root: Path) -> FileLock | None:
    target = lock_file(root)
    with _guard:
        lock = _locks.get(str(target))
        if lock is None:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                log.warning("no lock for %s (data folder not writable: %s)", root, exc)
                return None
            from filelock import FileLock  # only when a lock is taken (cold start: issue 20)

            lock = _locks[str(target)] = FileLock(str(target))
        return lock


@contextmanager
def library_lock(root: Path, what: str = "work on") -> Iterator[None]:
    """Hold the library's inter-process lock for the ``with`` block.

    Args:
        root: the library folder.
        what: what the caller is doing, for the message (``publish``, ``index``, ``sync``).

    Raises:
        LibraryBusy: another process held the lock for longer than the timeout.
    """
    lock = _lock_for(Path(root))
    if lock is None:  # a read-only data folder: work on, unlocked, as before
        yield
        return
    timeout = _timeout()
    busy = (f"another kbdesk is publishing/indexing this library ({root}); waited "
            f"{timeout:.0f} s to {what} it: try again when the other one is done")
    with hold_file_lock(lock, timeout, lambda: LibraryBusy(busy), f"no lock for {root}"):
        yield


@contextmanager
def hold_file_lock(
    lock: FileLock, timeout: float, busy: Callable[[], LibraryBusy], unlocked: str,
    logger: logging.Logger = log,
) -> Iterator[None]:
    """Hold an OS file lock for the ``with`` block (``library_lock`` and the library
    repository's own write lock, ``LibraryRepo.writing``).

    Args:
        timeout: how long to wait for another holder (seconds).
        busy: makes the error raised when the lock is still held after ``timeout``.
        unlocked: logged to ``logger`` (the caller's), with the reason, when the lock file
            cannot be created or opened (a read-only folder); the block then runs unlocked.

    Raises:
        LibraryBusy: from ``busy``, when another process held the lock for ``timeout``.
    """
    from filelock import Timeout  # imported when a lock is taken (a search takes none)

    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise busy() from None
    except OSError as exc:  # the lock file cannot be created or opened
        logger.warning("%s: %s", unlocked, exc)
        yield
        return
    try:
        yield
    finally:
        lock.release()
