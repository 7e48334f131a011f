"""Large index builds in a process of their own, so the app's UI thread never waits for one.

A build is pure Python and C extensions (the segmenter, Whoosh, the pooled writer) holding the
interpreter lock: on a worker *thread* of the app it takes the lock from the UI thread every
few milliseconds, and one window action then waits many times over (measured: opening a
document during a 2,000-document rebuild took 230 ms instead of 50). In another process the
build has an interpreter of its own; the worker thread that started it only waits on a pipe.

:func:`sync_in_process` is a drop-in for ``SearchIndex.sync``: the documents go to the child a
slice at a time (no single long pickling step in this process), progress comes back as it is
made, the cancel token stops the child at its next document, an error the child met is raised
here, and the index is reopened from disk when the child has committed. The child is
``python -m kbdesk.core.search.building`` talking pickled messages over its standard input and
output (no ``multiprocessing``: nothing of the app's main module is imported again). It stops
by itself when its input closes, so a ``kill -9`` of the app stops it before it commits: it
never writes an index nobody holds the library lock for.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kbdesk.core.errors import Cancelled, KbError, SearchIndexError
from kbdesk.core.library.model import Document
from kbdesk.core.progress import CancelToken, Progress
from kbdesk.core.search.index import IndexStats, SearchIndex

log = logging.getLogger(__name__)

#: a sync that (re)writes at least this many documents runs in a process (fewer: in the thread;
#: starting a process costs about a second of another core)
PROCESS_BUILD_MIN = 100
#: documents sent to the child per message
SLICE = 50
#: how often the waiting thread looks at the cancel token (seconds)
POLL_S = 0.05
_STOP = "stop"


def sync_in_process(
    index: SearchIndex,
    documents: Mapping[str, Document],
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    *,
    rebuild: bool = False,
    stamp: dict[str, Any] | None = None,
) -> IndexStats:
    """``index.sync(...)`` run by a child process; see the module docstring.

    Raises:
        Cancelled: the cancel token was set (the child committed nothing).
        OSError: the index folder cannot be written (as ``SearchIndex.sync`` raises it).
        KbError: the child failed (``SearchIndexError`` when it ended without a word).
    """
    if cancel is not None:
        cancel.check()  # cancelled before it started: no child at all
    with index.lock:
        index.close()  # the child writes the files; they are reopened from disk below
        child = subprocess.Popen(
            child_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONUNBUFFERED": "1", CHILD_ENV: "1"},
        )
        assert child.stdin is not None and child.stdout is not None
        messages: queue.Queue[tuple[str, Any]] = queue.Queue()
        reader = threading.Thread(target=_read_messages, args=(child.stdout, messages),
                                  name="index build messages", daemon=True)
        reader.start()
        try:
            _send(child.stdin, (str(index.directory), rebuild, stamp))
            items = list(documents.items())
            for start in range(0, len(items), SLICE):
                _send(child.stdin, items[start:start + SLICE])
            _send(child.stdin, None)  # the end of the documents
            outcome = _wait(messages, progress, cancel, child.stdin)
        finally:
            try:
                child.stdin.close()  # the child stops at its next document if still at work
            except OSError:
                pass
            try:
                child.wait(60)
            except subprocess.TimeoutExpired:  # pragma: no cover - a child that hangs
                child.kill()
                child.wait()
            reader.join(5)
            child.stdout.close()
            index.intact()  # reads the manifest the child wrote (or the one it left)
    kind, value = outcome
    if kind == "done":
        assert isinstance(value, IndexStats)
        return value
    if kind == "failed" and isinstance(value, BaseException):
        raise value
    raise SearchIndexError(
        f"the index build process ended unexpectedly (exit code {child.returncode}); "
        "the next build starts again"
    )


def _send(stream: Any, message: object) -> None:
    try:
        pickle.dump(message, stream, protocol=pickle.HIGHEST_PROTOCOL)
        stream.flush()
    except (BrokenPipeError, OSError) as exc:  # the child ended: its outcome says why
        log.debug("index build process gone: %s", exc)


def _read_messages(stream: Any, messages: queue.Queue[tuple[str, Any]]) -> None:
    """Put each message the child writes on ``messages``; ("ended", None) at its end."""
    try:
        while True:
            messages.put(pickle.load(stream))
    except (EOFError, OSError, pickle.UnpicklingError):
        pass
    messages.put(("ended", None))


def _wait(
    messages: queue.Queue[tuple[str, Any]],
    progress: Progress | None,
    cancel: CancelToken | None,
    stdin: Any,
) -> tuple[str, object]:
    """Relay the child's progress until it reports its outcome (or ends without one)."""
    stopping = False
    while True:
        if cancel is not None and cancel.cancelled and not stopping:
            _send(stdin, _STOP)
            stopping = True
        try:
            kind, *rest = messages.get(timeout=POLL_S)
        except queue.Empty:
            continue
        if kind == "progress":
            if progress is not None:
                progress(*rest)
            continue
        return kind, rest[0] if rest else None


def _child() -> None:
    """The child process: receive the documents, sync the index, report the outcome."""
    if hasattr(os, "nice"):  # the app's own threads come first on a busy machine
        os.nice(10)
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints never reach the pipe
    source = sys.stdin.buffer
    token = CancelToken()
    lock = threading.Lock()

    def send(message: tuple[Any, ...]) -> None:
        with lock:
            try:
                pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
            except OSError:  # the app is gone: stop at the next document, say nothing
                token.cancel()

    directory, rebuild, stamp = pickle.load(source)
    documents: dict[str, Document] = {}
    while (items := pickle.load(source)) is not None:
        documents.update(items)

    def watch() -> None:  # a stop message, or the app gone (its end of the pipe closed)
        try:
            pickle.load(source)
        except (EOFError, OSError, pickle.UnpicklingError):
            pass
        token.cancel()

    threading.Thread(target=watch, name="stop watch", daemon=True).start()
    def report(done: int, total: int, message: str = "") -> None:
        send(("progress", done, total, message))

    index = SearchIndex(Path(directory))
    try:
        stats = index.sync(
            documents,
            report,
            token,
            rebuild=rebuild,
            stamp=stamp,
        )
        send(("done", stats))
    except BaseException as exc:  # every failure goes back to the app, which raises it
        send(("failed", _sendable(exc)))
    finally:
        index.close()
        try:
            out.close()
        except OSError:  # the app is gone
            pass


def _sendable(exc: BaseException) -> BaseException:
    """``exc`` when it survives pickling, else a ``KbError`` with its text."""
    if isinstance(exc, Cancelled | KbError | OSError):
        try:
            pickle.loads(pickle.dumps(exc))
        except Exception:  # any exception that cannot cross the pipe
            pass
        else:
            return exc
    return SearchIndexError(f"index build failed: {type(exc).__name__}: {exc}")


#: set for the child: the self-contained bundle's ``kbdesk`` runs :func:`run_child` when it is
#: (a frozen program has no ``python -m``; see packaging/launcher.py)
CHILD_ENV = "KBDESK_INDEX_BUILD_CHILD"


def child_command() -> list[str]:
    """The command that starts the build child: this module under the same Python, or the
    bundle's own executable (which sees :data:`CHILD_ENV`)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", __name__]


def run_child() -> None:
    """Be the build child: read the job from standard input, build, and exit."""
    _child()
    sys.stderr.flush()
    os._exit(0)  # not waiting for the stop watch, still reading the app's pipe


if __name__ == "__main__":
    run_child()
