"""``KnowledgeBase``: the one facade the desktop app, the CLI and the tests call.

It owns a library folder and the search index derived from it. Every method is safe to call
from a worker thread; long ones take a progress callback and a cancel token.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kbdesk.core import paths
from kbdesk.core.errors import KbError, LibraryError, Problem
from kbdesk.core.index import CancelToken, IndexStats, ProgressFn, SearchIndex
from kbdesk.core.library import Library
from kbdesk.core.model import AvoidPair, Document, Kind
from kbdesk.core.query import parse_query
from kbdesk.core.search import SearchResult, SynonymTable, run_search

log = logging.getLogger(__name__)

LIBRARY_ENV = "KBDESK_LIBRARY"


def index_dir_for(root: Path) -> Path:
    """Return the cache folder of the index of the library at ``root``."""
    key = hashlib.sha1(str(root.resolve()).encode("utf-8")).hexdigest()[:16]
    return paths.cache_dir() / "indexes" / f"{root.name[:32]}-{key}"


def install_demo_library(target: Path) -> Path:
    """Copy the bundled demo library to ``target`` (which must not exist yet)."""
    source = paths.bundled_content_dir()
    if not source.is_dir():
        raise LibraryError(f"the bundled library is missing from this installation ({source})")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".installing")
    if tmp.exists():
        shutil.rmtree(tmp)
    shutil.copytree(source, tmp)
    os.replace(tmp, target)
    log.info("installed the demo library at %s", target)
    return target


def resolve_library_dir(library: Path | str | None) -> Path:
    """Return the library folder to use: the argument, ``KBDESK_LIBRARY``, or the user's own.

    The user's own library is created from the bundled demo library on first use.
    """
    if library:
        return Path(library).expanduser()
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    default = paths.default_library_dir()
    if not default.exists():
        install_demo_library(default)
    return default


@dataclass(frozen=True)
class AvoidEntry:
    """An avoid → say-instead pair with the document and section it comes from."""

    doc_id: str
    anchor: str
    pair: AvoidPair


class KnowledgeBase:
    """A library and its search index.

    Args:
        library: the library folder; None means ``KBDESK_LIBRARY`` or the user's own library.
        index_dir: where to keep the index; default: the per-user cache.
    """

    def __init__(self, library: Path | str | None = None, *, index_dir: Path | None = None) -> None:
        root = resolve_library_dir(library)
        if not root.is_dir():
            raise LibraryError(f"{root}: library folder does not exist or is not a folder")
        self.library = Library(root)
        self.index = SearchIndex(index_dir or index_dir_for(self.library.root))
        self.synonyms = SynonymTable()
        self._load_lock = threading.RLock()
        self._loaded = False
        self._indexed = False

    # -- library ------------------------------------------------------------------------------

    @property
    def root(self) -> Path:
        """The library folder."""
        return self.library.root

    @property
    def name(self) -> str:
        """The library's display name."""
        return self.library.name

    def load(self, progress: Callable[[int, int], None] | None = None) -> list[Problem]:
        """(Re)read the library folder; only changed files are parsed again."""
        with self._load_lock:
            self.library.load(progress)
            self.synonyms = SynonymTable(self.library.config.synonyms)
            self._loaded = True
            return list(self.library.problems)

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self.load()

    @property
    def problems(self) -> list[Problem]:
        """Problems found by the last load."""
        self._ensure_loaded()
        return list(self.library.problems)

    def documents(self) -> list[Document]:
        """All loaded documents, by path."""
        self._ensure_loaded()
        return list(self.library)

    def document(self, doc_id: str) -> Document:
        """Return one document by id or path (DocumentNotFound if there is none)."""
        self._ensure_loaded()
        return self.library.get(doc_id)

    def categories(self) -> list[tuple[str, int]]:
        """Return (category, number of documents), sorted by category."""
        counts: dict[str, int] = {}
        for doc in self.documents():
            counts[doc.category] = counts.get(doc.category, 0) + 1
        return sorted(counts.items())

    def avoid_entries(self) -> list[AvoidEntry]:
        """Every avoid → say-instead pair of the library's phrasing documents."""
        entries: list[AvoidEntry] = []
        for doc in self.documents():
            if doc.kind is not Kind.PHRASING:
                continue
            for phrasing in doc.phrasings:
                for pair in phrasing.avoid:
                    entries.append(AvoidEntry(doc.id, phrasing.anchor, pair))
        return entries

    # -- index --------------------------------------------------------------------------------

    def indexed_documents(self) -> dict[str, Document]:
        """The documents the search index should hold, by id."""
        self._ensure_loaded()
        return dict(self.library.documents)

    def ensure_index(
        self,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
        *,
        rebuild: bool = False,
        reload: bool = True,
    ) -> IndexStats:
        """Re-read the library and bring the index up to date (incrementally).

        Args:
            reload: re-scan the library folder first (only changed files are parsed).
            rebuild: throw the index away and build it anew.
        """
        with self._load_lock:
            if reload or not self._loaded:
                self.load()
            stats = self.index.sync(self.indexed_documents(), progress, cancel, rebuild=rebuild)
            self._indexed = True
            return stats

    def search(
        self,
        query: str,
        *,
        kinds: Sequence[Kind] = (),
        categories: Sequence[str] = (),
        limit: int = 20,
        include_retired: bool = False,
    ) -> SearchResult:
        """Search the library. A malformed query never raises; it is read as plain text."""
        if not self._indexed:
            self.ensure_index()
        parsed = parse_query(query)
        try:
            return run_search(
                self.index,
                parsed,
                synonyms=self.synonyms,
                limit=limit,
                kinds=kinds,
                categories=categories,
                include_retired=include_retired,
            )
        except KbError:
            raise
        except Exception as exc:
            log.warning("search failed (%s); rebuilding the index", f"{type(exc).__name__}: {exc}")
            self.index.close()
            self.ensure_index(rebuild=True, reload=False)
            return run_search(
                self.index,
                parsed,
                synonyms=self.synonyms,
                limit=limit,
                kinds=kinds,
                categories=categories,
                include_retired=include_retired,
            )

    def close(self) -> None:
        """Release the index files."""
        self.index.close()
