"""Telling, without reading the library, whether the index on disk still matches it.

A new process (the command line, the app starting) should show the first result fast. Reading
and parsing every document only to learn that nothing changed is most of a cold start on a large
library, so each sync of the index records a *stamp*: the day it was built for (documents come
into force by date) and the size and modification time of every file of the library, of
``library.yaml`` and of the git branch head. When the stamp of the folder equals the index's,
the index can be searched as it is; the library is read when something needs its documents.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

ASSETS_DIR = "assets"


def _files(root: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Every file the library reads (the same walk as the catalog), with its stat."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        if rel_dir == ASSETS_DIR or rel_dir.startswith(ASSETS_DIR + "/"):
            dirnames[:] = []
            continue
        for name in filenames:
            if name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            try:
                yield (name if rel_dir == "." else f"{rel_dir}/{name}"), os.stat(path)
            except OSError:
                continue


def _git_head(root: Path) -> list[Any]:
    """The stats of the git HEAD file and of the branch it names (publishing moves them)."""
    out: list[Any] = []
    head = root / ".git" / "HEAD"
    try:
        text = head.read_text("utf-8").strip()
        out.append(text)
        if text.startswith("ref:"):
            ref = root / ".git" / text[4:].strip()
            stat = ref.stat()
            out.append([stat.st_mtime_ns, stat.st_size])
        packed = (root / ".git" / "packed-refs").stat()
        out.append([packed.st_mtime_ns, packed.st_size])
    except OSError:
        pass
    return out


def library_stamp(root: Path, day: dt.date) -> dict[str, Any]:
    """Return the stamp of the library folder ``root`` for ``day`` (JSON-ready)."""
    files = {rel: [st.st_mtime_ns, st.st_size] for rel, st in _files(root)}
    return {"day": day.isoformat(), "files": files, "git": _git_head(root)}
