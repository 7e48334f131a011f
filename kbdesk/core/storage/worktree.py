"""Unpublished changes: library files whose text on disk is not their last published version.

Editors open library files in other editors too. Such an edit is not published: agents keep
seeing the published version, ``kbdesk check`` and the editor's review list name the file, and
before anything overwrites it (a publish, a rollback, a sync) it is saved as a draft.

Finding them is ``git status`` in small: a file whose size and modification time match its git
index entry is unchanged (one ``stat`` per file, which loading the library does anyway); only
the others are read and hashed, then compared with the published blob.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping
from enum import Enum

from dulwich.objects import Blob, ObjectID

from kbdesk.core.storage.repo import LibraryRepo

log = logging.getLogger(__name__)


class Change(Enum):
    """How a working file differs from the published library."""

    MODIFIED = "modified"  #: published, then edited without publishing
    NEW = "new"  #: never published


def _ns(value: object) -> int:
    if isinstance(value, tuple):
        return int(value[0]) * 1_000_000_000 + int(value[1])
    if isinstance(value, float):
        return int(value * 1_000_000_000)
    return int(value) * 1_000_000_000 if isinstance(value, int) else -1


class WorkingTree:
    """Compares a library's working files with its published versions (HEAD).

    Args:
        repo: the library's repository.
    """

    def __init__(self, repo: LibraryRepo) -> None:
        self.repo = repo
        self._lock = threading.Lock()
        self._index_key: tuple[int, int] | None = None
        self._entries: dict[str, tuple[int, int, bytes]] = {}

    def _index(self) -> dict[str, tuple[int, int, bytes]]:
        """path → (mtime in ns, size, blob id) from git's index, re-read when it changed."""
        path = self.repo.root / ".git" / "index"
        try:
            info = os.stat(path)
        except OSError:
            return {}
        key = (info.st_mtime_ns, info.st_size)
        with self._lock:
            if key != self._index_key:
                entries: dict[str, tuple[int, int, bytes]] = {}
                try:
                    with self.repo.lock:
                        index = self.repo.repo.open_index()
                        for name, entry in index.items():
                            sha = getattr(entry, "sha", None)
                            if sha is None:  # a conflicted entry: compare by content
                                continue
                            entries[name.decode("utf-8", "replace")] = (
                                _ns(entry.mtime), int(entry.size), sha  # type: ignore[union-attr]
                            )
                except Exception as exc:  # a damaged index: every file is compared by content
                    log.warning("git index of %s cannot be read: %s", self.repo.root, exc)
                self._entries, self._index_key = entries, key
            return self._entries

    def changes(self, files: Mapping[str, tuple[int, int]]) -> dict[str, Change]:
        """The files among ``files`` (path → (mtime in ns, size)) that differ from HEAD."""
        index = self._index()
        head = self.repo.head()
        out: dict[str, Change] = {}
        published_files: Mapping[str, ObjectID] | None = None
        for path, (mtime_ns, size) in files.items():
            entry = index.get(path)
            if entry is not None and entry[0] == mtime_ns and entry[1] == size:
                continue
            if published_files is None:  # read once, and only when some file needs it
                published_files = self.repo.blob_ids(head)
            published = published_files.get(path)
            if published is None:
                out[path] = Change.NEW
                continue
            try:
                data = (self.repo.root / path).read_bytes()
            except OSError:
                continue
            if Blob.from_string(data).id != published:
                out[path] = Change.MODIFIED
        return out
