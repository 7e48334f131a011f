"""Index writer processes end when the process that started them ends, however it ends.

A large build splits its work between Whoosh writer processes (``whoosh.multiproc``). When
their parent is killed (``kill -9``, a crash, the app closed by the task manager) nothing would
tell them: each would wait on its job queue for good, holding ~150 MB. So every writer process
asks the kernel to kill it when its parent dies (Linux ``prctl(PR_SET_PDEATHSIG)``), and, where
that does not exist, watches its parent and exits once it is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from typing import Any

import whoosh.multiproc

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1
_original_subwriter = whoosh.multiproc._run_subwriter


def _die_with_parent() -> None:
    """Make this process end when its parent does (call first thing in the child)."""
    parent = multiprocessing.parent_process()
    expected = parent.pid if parent is not None else None
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if expected is None:
        return
    if os.getppid() != expected:  # the parent died before the line above took effect
        os._exit(1)

    def watch() -> None:  # for systems without PR_SET_PDEATHSIG
        while os.getppid() == expected:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def run_subwriter(*args: Any) -> None:
    """Whoosh's writer process body, bound to the life of its parent."""
    _die_with_parent()
    _original_subwriter(*args)


def install() -> None:
    """Make Whoosh start its writer processes through :func:`run_subwriter`.

    Whoosh looks the target up when it starts a process with an explicit start method (as
    kbdesk always uses), and pickles it by name for ``spawn``: the child imports this module.
    """
    whoosh.multiproc._run_subwriter = run_subwriter
