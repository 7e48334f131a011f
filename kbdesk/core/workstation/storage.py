"""The one way kbdesk writes a file, and where per-library data lives on this workstation.

Every write of app data or library files goes through :func:`atomic_write_bytes` (or its text and
JSON forms): a temporary file with a unique name in the same folder, flushed and fsync'ed, then
``os.replace``d over the target, so a crash or ``kill -9`` leaves either the old file or the new
one, never half of one, and two processes never share a temporary name. The workstation's own
logs (searches without results, documents opened after one) only grow, a line at a time:
:func:`append_json_line`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

log = logging.getLogger(__name__)

TEMP_SUFFIX = ".kbdesk-tmp"


@contextlib.contextmanager
def atomic_writer(path: Path, mode: int | None = None) -> Iterator[BinaryIO]:
    """Open a binary handle whose content replaces ``path`` atomically when the block ends.

    For writers that stream (pickle, archives). When the block raises, the target is untouched
    and the temporary file removed.

    Args:
        path: the file to replace.
        mode: permission bits for the new file (``mkstemp`` makes it 0600 otherwise).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically (unique temp file, fsync, ``os.replace``)."""
    with atomic_writer(path, mode) as handle:
        handle.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_json(path: Path, data: Any) -> None:
    """Write ``data`` as indented UTF-8 JSON (keys sorted) to ``path`` atomically."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    atomic_write_text(path, text)


def append_json_line(path: Path, item: Mapping[str, Any], what: str,
                     logger: logging.Logger = log) -> bool:
    """Add ``item`` as one JSON line (UTF-8, Chinese as is) at the end of ``path``, making its
    folder when missing.

    A file that cannot be written is logged to ``logger`` (the caller's) as ``cannot {what}
    {path}: reason`` and False is returned: a log of what the agent did must never get in the
    agent's way.
    """
    line = json.dumps(item, ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")
    except OSError as exc:
        logger.warning("cannot %s %s: %s", what, path, exc)
        return False
    return True


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def library_key(root: Path) -> str:
    """The name under which per-library data (index, drafts, receipts, sync state) is kept."""
    resolved = str(Path(root).expanduser().resolve())
    digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:16]
    return f"{Path(resolved).name[:32]}-{digest}"


def file_key(name: str) -> str:
    """A short file-system-safe name for ``name`` (an id, a path): its digest, never the name."""
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:24]
