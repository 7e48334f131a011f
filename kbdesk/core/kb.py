"""``KnowledgeBase``: the one facade the desktop app, the CLI and the tests call.

It owns a library folder and the search index derived from it. Every method is safe to call
from a worker thread; long ones take a progress callback and a cancel token.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kbdesk.core.clock import Clock, as_clock
from kbdesk.core.errors import KbError, LibraryError, Problem
from kbdesk.core.library.catalog import Library, load_config
from kbdesk.core.library.model import AvoidPair, Document, Kind
from kbdesk.core.library.parsecache import ParseCache
from kbdesk.core.progress import CancelToken, Progress
from kbdesk.core.search.engine import SearchResult, run_search
from kbdesk.core.search.freshness import library_stamp
from kbdesk.core.search.index import IndexStats, SearchIndex
from kbdesk.core.search.query import parse_query
from kbdesk.core.search.thesaurus import SynonymTable, table_for
from kbdesk.core.versions.diff import TextDiff
from kbdesk.core.versions.drafts import DraftStore
from kbdesk.core.versions.editorial import Editorial
from kbdesk.core.versions.effective import Pending
from kbdesk.core.versions.history import VersionInfo
from kbdesk.core.versions.receipts import ReceiptBook
from kbdesk.core.versions.sync import SyncResult
from kbdesk.core.versions.versioning import PublishResult
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.storage import library_key

if TYPE_CHECKING:
    from kbdesk.core.exporters.base import ExportResult

log = logging.getLogger(__name__)

LIBRARY_ENV = "KBDESK_LIBRARY"


def index_dir_for(root: Path) -> Path:
    """Return the cache folder of the index of the library at ``root``."""
    return paths.cache_dir() / "indexes" / library_key(root)


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
    from kbdesk.core.versions.repo import (
        LibraryRepo,  # the library is a git repository from day one
    )

    LibraryRepo.init(tmp, message="示範知識庫 / Demo library").close()
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
        index_dir = index_dir or index_dir_for(root.resolve())
        # parsed documents are kept beside the index, so a new process need not parse them all
        parsed = ParseCache(index_dir.with_name(index_dir.name + ".documents.pickle"))
        self.library = Library(root, cache=parsed)
        self.index = SearchIndex(index_dir)
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

    def load(self, progress: Progress | None = None) -> list[Problem]:
        """(Re)read the library folder; only changed files are parsed again."""
        with self._load_lock:
            self.library.load(progress)
            self.synonyms = table_for(self.library.config.synonyms)
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

    def indexed_documents(self, as_of: dt.date | None = None) -> dict[str, Document]:
        """The documents the search index should hold: what agents see (in force), by id.

        Args:
            as_of: the day (default today); pending versions are replaced by the older
                version in force, read from git history.
        """
        self._ensure_loaded()
        return self.editorial.resolver.resolve(self.library.documents, as_of)

    def ensure_index(
        self,
        progress: Progress | None = None,
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
            stamp = library_stamp(self.root, self.today()) if reload or not self._loaded else None
            if reload or not self._loaded:
                self.load()
            stats = self.index.sync(self.indexed_documents(), progress, cancel, rebuild=rebuild,
                                    stamp=stamp)
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
        if not self._indexed and not self._search_current_index():
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

    def _search_current_index(self) -> bool:
        """Use the index on disk as it is when the library has not changed since it was synced.

        A new process then shows its first result without reading every document; the library
        is read when something needs its documents.
        """
        with self._load_lock:
            if self._loaded or not self.index.is_current(library_stamp(self.root, self.today())):
                return False
            config, _problems = load_config(self.root)
            self.synonyms = table_for(config.synonyms)
            self._indexed = True
            return True

    def close(self) -> None:
        """Release the index files (and the library's git repository)."""
        self.index.close()
        if self._editorial is not None:
            self._editorial.versioning.close()

    # -- versions, drafts, effective dates, read receipts, sync (kbdesk/core/editorial.py) ----

    _editorial: Editorial | None = None

    @property
    def editorial(self) -> Editorial:
        """The editorial services of this library (created on first use)."""
        with self._load_lock:
            if self._editorial is None:
                self._editorial = Editorial(self)
            return self._editorial

    @property
    def drafts(self) -> DraftStore:
        """The editors' drafts of this library (kept outside it, in the data dir)."""
        return self.editorial.drafts

    @property
    def receipts(self) -> ReceiptBook:
        """Read receipts and last-seen versions on this workstation."""
        return self.editorial.receipts

    def set_clock(self, clock: Clock | Callable[[], dt.date]) -> None:
        """Replace the clock of every date rule: a ``Clock``, or a function returning the day."""
        self.editorial.set_clock(as_clock(clock))

    @property
    def clock(self) -> Clock:
        """The clock every date rule of this library reads."""
        return self.editorial.clock

    def today(self) -> dt.date:
        """Today, by this library's clock."""
        return self.editorial.clock.today()

    def publish(self, doc: str, text: str, note: str, author: str | None = None) -> PublishResult:
        """Publish ``text`` as the next version of a document (id or library path)."""
        return self.editorial.publish(doc, text, note, author)

    def publish_file(self, file: Path | str, note: str, author: str | None = None) -> PublishResult:
        """Publish the content of a file (in the library, or outside it matched by id)."""
        return self.editorial.publish_file(file, note, author)

    def history(self, doc_id: str) -> list[VersionInfo]:
        """The versions of a document (version, date, author, note, commit), newest first."""
        return self.editorial.history(doc_id)

    def text_at(self, doc_id: str, version: int) -> str:
        """The text of one version of a document."""
        return self.editorial.text_at(doc_id, version)

    def diff(self, doc_id: str, old: int, new: int) -> TextDiff:
        """Compare two versions (inline, side-by-side, unified text)."""
        return self.editorial.diff(doc_id, old, new)

    def rollback(
        self, doc_id: str, version: int, note: str | None = None, author: str | None = None
    ) -> PublishResult:
        """Restore an old version as a new version (history is never rewritten)."""
        return self.editorial.rollback(doc_id, version, note, author)

    def retire(self, doc_id: str, note: str, author: str | None = None) -> PublishResult:
        """Publish a document as retired."""
        return self.editorial.retire(doc_id, note, author)

    def move(
        self, doc_id: str, new_path: str, note: str, author: str | None = None
    ) -> PublishResult:
        """Rename or move a document to a new library path (history follows it)."""
        return self.editorial.move(doc_id, new_path, note, author)

    def document_in_force(self, doc_id: str, as_of: dt.date | None = None) -> Document | None:
        """The version of a document agents see on ``as_of`` (default today)."""
        return self.editorial.in_force(doc_id, as_of)

    def pending_versions(self) -> list[Pending]:
        """Published versions waiting for their effective date."""
        return self.editorial.resolver.pending(self.library.documents)

    def search_as_of(
        self,
        query: str,
        as_of: dt.date,
        *,
        kinds: Sequence[Kind] = (),
        limit: int = 20,
        include_retired: bool = False,
    ) -> SearchResult:
        """Search what was in force on ``as_of``."""
        return self.editorial.search_as_of(
            query, as_of, kinds=kinds, limit=limit, include_retired=include_retired
        )

    def stale_documents(self, today: dt.date | None = None) -> list[Document]:
        """Documents past their ``review_by`` date."""
        return self.editorial.stale(today)

    def what_changed(self, doc_id: str) -> TextDiff | None:
        """Diff from the version last opened on this workstation to the one in force."""
        return self.editorial.what_changed(doc_id)

    def sync(self, remote_url: str | None = None, author: str | None = None) -> SyncResult:
        """Pull from and push to the library's remote (raises RemoteUnreachable offline)."""
        return self.editorial.sync(remote_url, author)

    def remote_url(self) -> str | None:
        """The shared library this one syncs with (None when it has no remote)."""
        repo = self.editorial.versioning.repo()
        return repo.remote_url() if repo is not None else None

    def sync_state(self) -> dict[str, str]:
        """When the library last synced, and how."""
        return self.editorial.sync_state()

    # -- export (kbdesk/core/exporters) ---------------------------------------------------------

    def export(
        self,
        name: str,
        outdir: Path | str,
        as_of: dt.date | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ExportResult:
        """Export the published documents in force on ``as_of`` (default today).

        Args:
            name: the exporter (``html``: a static site with offline search).
            outdir: the folder to write; replaced only if empty or a previous export.
        """
        from kbdesk.core.exporters.collect import export_library

        self.load()  # only files changed since the last load are parsed again
        return export_library(self, name, Path(outdir), as_of, progress, cancel)
