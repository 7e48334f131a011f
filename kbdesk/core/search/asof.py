"""Search indexes of other days: one per set of versions, built once, kept in the cache.

A search "as of" a past (or future) day runs against the documents in force that day. Most
days share their versions with many other days, so an index is keyed by the set of versions it
holds (document id, version and text digest), not by the day: building happens the first time
that set is searched, later searches reuse it, in this process (kept open) and in the next (kept
on disk, beside the library's main index). Only the few most recent sets are kept.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Unpack

from kbdesk.core.library.model import Document
from kbdesk.core.search.index import SearchIndex
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.storage import library_key

if TYPE_CHECKING:  # the engine (and Whoosh) is imported by a search, not by opening a library
    from kbdesk.core.search.engine import SearchOptions, SearchResult
    from kbdesk.core.search.query import ParsedQuery
    from kbdesk.core.search.thesaurus import SynonymTable

log = logging.getLogger(__name__)

#: How many indexes of other days stay open in one process, and how many stay on disk.
KEEP_OPEN = 2
KEEP_ON_DISK = 4


def versions_key(docs: Mapping[str, Document]) -> str:
    """The name of the index holding exactly ``docs`` (their ids, versions and texts)."""
    digest = hashlib.sha1()
    for doc_id in sorted(docs):
        doc = docs[doc_id]
        digest.update(f"{doc_id}\0{doc.version}\0{doc.digest}\0{doc.path}\n".encode())
    return digest.hexdigest()[:20]


class AsOfIndexes:
    """The cached indexes of other days of one library.

    Args:
        library_root: the library (its indexes live in the cache, keyed by it).
        directory: where to keep them (default: the per-user cache).
    """

    def __init__(self, library_root: Path, directory: Path | None = None) -> None:
        self.directory = directory or (
            paths.cache_dir() / "indexes" / f"{library_key(library_root)}.as-of"
        )
        self._open: OrderedDict[str, SearchIndex] = OrderedDict()
        self._lock = threading.Lock()
        self.builds = 0  # how many indexes this object built (for tests and logs)

    def index_for(self, docs: Mapping[str, Document]) -> SearchIndex:
        """The index holding exactly ``docs``: open, on disk, or built now."""
        key = versions_key(docs)
        with self._lock:
            index = self._open.get(key)
            if index is not None:
                self._open.move_to_end(key)
                return index
            index = SearchIndex(self.directory / key)
            stats = index.sync(docs)
            if stats.added or stats.rebuilt:
                self.builds += 1
                log.info("built the index of %d documents as of another day (%s)", len(docs), key)
            self._open[key] = index
            while len(self._open) > KEEP_OPEN:
                _old_key, old = self._open.popitem(last=False)
                old.close()
            self._prune_disk(keep=key)
            return index

    def search(
        self,
        docs: Mapping[str, Document],
        parsed: ParsedQuery,
        *,
        synonyms: SynonymTable | None = None,
        **options: Unpack[SearchOptions],
    ) -> SearchResult:
        """Search the index of ``docs`` (built first when no index holds that set)."""
        from kbdesk.core.search.engine import run_search

        return run_search(self.index_for(docs), parsed, synonyms=synonyms, **options)

    def _prune_disk(self, keep: str) -> None:
        """Remove the least recently used folders past ``KEEP_ON_DISK`` (never an open one)."""
        try:
            folders = [entry for entry in os.scandir(self.directory) if entry.is_dir()]
        except OSError:
            return
        os.utime(self.directory / keep)
        folders.sort(key=lambda entry: entry.stat().st_mtime, reverse=True)
        for entry in folders[KEEP_ON_DISK:]:
            if entry.name not in self._open and entry.name != keep:
                shutil.rmtree(entry.path, ignore_errors=True)

    def close(self) -> None:
        """Close the open indexes (their files stay for the next process)."""
        with self._lock:
            for index in self._open.values():
                index.close()
            self._open.clear()
