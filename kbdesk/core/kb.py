"""``KnowledgeBase``: the root the desktop app, the CLI and the tests open a library with.

It owns the library folder and the search index derived from it: open, load, index, search,
the clock and close. Everything else is a service attribute, built once on first use (a
search of a current index builds none, so it never loads git), with its own narrow interface
(``docs/architecture.md`` draws the map):

* ``kb.versions``: history, the text of a version, diffs, effective dates, in force, pending,
  what changed, documents past review (``workflow/versions.py``);
* ``kb.publishing``: publish, roll back, retire, move, new documents, the publish rules
  (``workflow/publishing.py``);
* ``kb.reading``: the version each role reads, 已更新 marks, receipts due, the review list,
  the agent's start screen and the supervisor's acknowledgement table (``reading/reading.py``);
* ``kb.drafts``, ``kb.receipts``: the editors' drafts and this workstation's read receipts;
* ``kb.team``: the team's records on the shared library (``team/board.py``);
* ``kb.sync``: sync with the shared library (``sync/service.py``);
* ``kb.library_rules``: what ``kbdesk check`` reports, the categories, the working days, the
  avoid list (``library/rules.py``);
* ``kb.imports``, ``kb.exports``: importing files, exporting what is in force (built on first
  use, so that a search never loads the importers or the exporters).

Services receive what they need as narrow protocols or functions (a documents source, the
clock, the versions), never this class: no service module imports ``kbdesk.core.kb``, not even
for type checking (``tests/test_service_boundaries.py``). Every method is safe to call from a
worker thread; long ones take a progress callback and a cancel token.

Locks guard only what they must, so a reader never waits for a build:

* ``_index_lock`` serialises the index writer (``ensure_index``: one build at a time);
* ``_load_lock`` serialises re-reads of the folder; each ends by swapping in an immutable
  snapshot of the library (:class:`~kbdesk.core.library.catalog.Loaded`) with one assignment.

Reads (``documents``, ``document``, ``today``, the services' reading rules) take none of them:
they read the snapshot in place while a build runs on another thread.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, Unpack, cast, overload

from kbdesk.core.clock import SYSTEM_CLOCK, Clock, LibraryClock, as_clock
from kbdesk.core.errors import IndexDamaged, KbError, LibraryError, Problem
from kbdesk.core.library.catalog import Library, LibraryConfig, load_config
from kbdesk.core.library.model import Document
from kbdesk.core.library.parsecache import ParseCache
from kbdesk.core.opening import (  # where a library is found and first opened
    index_dir_for,
    resolve_library_dir,
    take_baseline,
)
from kbdesk.core.opening import install_demo_library as install_demo_library
from kbdesk.core.progress import CancelToken, Progress
from kbdesk.core.search.freshness import library_stamp
from kbdesk.core.search.index import IndexStats, SearchIndex
from kbdesk.core.search.thesaurus import SynonymTable, table_for
from kbdesk.core.workstation.liblock import library_lock

if TYPE_CHECKING:
    # the services: each is imported when first used (a search of a current index needs none
    # of them, nor git: issue 20's cold start)
    from kbdesk.core.exporters.collect import ExportSource
    from kbdesk.core.exporters.service import Exports
    from kbdesk.core.importers.apply import ImportedDocument
    from kbdesk.core.importers.service import Imports
    from kbdesk.core.library.rules import LibraryRules
    from kbdesk.core.reading.reading import Reading
    from kbdesk.core.reading.receipts import ReceiptBook
    from kbdesk.core.search.asof import AsOfIndexes
    from kbdesk.core.search.engine import SearchOptions, SearchResult
    from kbdesk.core.storage.drafts import DraftStore
    from kbdesk.core.sync.service import SyncService
    from kbdesk.core.team.board import Team
    from kbdesk.core.workflow.publishing import Publishing
    from kbdesk.core.workflow.versioning import Versioning
    from kbdesk.core.workflow.versions import Versions

log = logging.getLogger(__name__)

#: the service attributes, in the order ``open_services`` builds them
_SERVICES = ("drafts", "receipts", "_versioning", "versions", "team", "publishing", "sync",
             "reading", "library_rules", "as_of_indexes")


T = TypeVar("T")


class _Service(Generic[T]):
    """A service attribute of :class:`KnowledgeBase`, built by ``build(kb)`` on first use.

    The build runs under the library's services lock, so two threads asking at once get the
    same service; afterwards the attribute is a plain one (no lock on reads).
    """

    def __init__(self, build: Callable[[Any], T]) -> None:
        self._build = build
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, kb: None, owner: type | None = None) -> _Service[T]: ...

    @overload
    def __get__(self, kb: object, owner: type | None = None) -> T: ...

    def __get__(self, kb: object, owner: type | None = None) -> T | _Service[T]:
        if kb is None:
            return self
        state = kb.__dict__
        with state["_services_lock"]:
            if self._name not in state:
                state[self._name] = self._build(kb)
            return cast(T, state[self._name])


class KnowledgeBase:
    """A library and its search index. Usable as a context manager (closed on exit).

    Args:
        library: the library folder; None means ``KBDESK_LIBRARY`` or the user's own library.
        index_dir: where to keep the index; default: the per-user cache.
        publishing: a file about to be published (``kbdesk publish FILE``): when this is the
            first kbdesk command in a plain folder, the baseline version taken of the folder
            leaves that file out, so the publish records its edit and note as a version.
    """

    def __init__(
        self, library: Path | str | None = None, *, index_dir: Path | None = None,
        publishing: Path | str | None = None,
    ) -> None:
        # a library joined on first use is stamped by the system clock (it has none yet)
        root = resolve_library_dir(library, clock=SYSTEM_CLOCK)
        if not root.is_dir():
            raise LibraryError(f"{root}: library folder does not exist or is not a folder")
        index_dir = index_dir or index_dir_for(root.resolve())
        # parsed documents are kept beside the index, so a new process need not parse them all
        parsed = ParseCache(index_dir.with_name(index_dir.name + ".documents.pickle"))
        self.library = Library(root, cache=parsed)
        self.index = SearchIndex(index_dir)
        self.synonyms = SynonymTable()
        self._index_lock = threading.RLock()  # the index writer: one build at a time
        self._load_lock = threading.RLock()  # one re-read of the folder at a time
        self._loaded = False
        self._indexed = False
        self._damaged = False  # a search found the index unreadable: rebuild on next sync
        # the one place the library's clock is chosen: the system's, until set_clock
        self._clock = LibraryClock(SYSTEM_CLOCK)
        self._services_lock = threading.RLock()  # builds a service on its first use
        take_baseline(self.library.root, publishing, clock=self._clock)

    # -- the services: each built once, on first use, with the narrow parts it needs ----------
    # A search of a current index uses none of them: a new process that only searches never
    # imports git, the versioning rules or the team's records (issue 20's cold start).

    def open_services(self) -> None:
        """Build every service now (the app does this on its worker thread, so the UI thread
        never builds one)."""
        for name in _SERVICES:
            getattr(self, name)

    def _build_drafts(self) -> DraftStore:
        from kbdesk.core.storage.drafts import DraftStore

        return DraftStore(self.library.root, self._clock)

    def _build_receipts(self) -> ReceiptBook:
        from kbdesk.core.reading.receipts import ReceiptBook

        return ReceiptBook(self.library.root, self._clock)

    def _build_versioning(self) -> Versioning:
        from kbdesk.core.workflow.versioning import Versioning

        return Versioning(self.library.root, reindex=self.reindex, drafts=self.drafts,
                          clock=self._clock)

    def _build_versions(self) -> Versions:
        from kbdesk.core.workflow.effective import EffectiveResolver
        from kbdesk.core.workflow.versions import Versions

        versioning = self._versioning
        return Versions(self, versioning, EffectiveResolver(versioning, self._clock),
                        self.receipts)

    def _build_team(self) -> Team:
        from kbdesk.core.team.board import Team

        return Team(self.library.root, self.receipts, clock=self._clock,
                    effective_of=self.versions.updated_on)

    def _build_publishing(self) -> Publishing:
        from kbdesk.core.workflow.publishing import Publishing

        return Publishing(self, self.versions, self._versioning, self.drafts, self._clock,
                          self._publish_drafts, self.team)

    def _build_sync(self) -> SyncService:
        from kbdesk.core.sync.service import SyncService
        from kbdesk.core.team import remote as team_remote

        return SyncService(self, self._versioning, self.drafts, self.team, team_remote)

    def _build_reading(self) -> Reading:
        from kbdesk.core.reading.reading import Reading

        return Reading(self, self.versions, self.receipts, self._clock,
                       self.sync.unpublished, self.team.open_flags, self.team)

    def _build_library_rules(self) -> LibraryRules:
        from kbdesk.core.library.rules import LibraryRules
        from kbdesk.core.team.board import check_team

        return LibraryRules(
            reload=self.load, documents=self.documents, config=self._config,
            checks=(functools.partial(check_team, self.library.root),),
        )

    def _build_as_of_indexes(self) -> AsOfIndexes:
        from kbdesk.core.search.asof import AsOfIndexes

        return AsOfIndexes(self.library.root)

    drafts: _Service[DraftStore] = _Service(_build_drafts)
    receipts: _Service[ReceiptBook] = _Service(_build_receipts)
    _versioning: _Service[Versioning] = _Service(_build_versioning)
    versions: _Service[Versions] = _Service(_build_versions)
    team: _Service[Team] = _Service(_build_team)
    publishing: _Service[Publishing] = _Service(_build_publishing)
    sync: _Service[SyncService] = _Service(_build_sync)
    reading: _Service[Reading] = _Service(_build_reading)
    library_rules: _Service[LibraryRules] = _Service(_build_library_rules)
    as_of_indexes: _Service[AsOfIndexes] = _Service(_build_as_of_indexes)

    def _publish_drafts(self, doc_ids: Sequence[str], note: str, author: str | None
                        ) -> list[ImportedDocument]:
        from kbdesk.core.importers.apply import publish_drafts

        return publish_drafts(self.imports.target, list(doc_ids), note, author)

    @functools.cached_property
    def imports(self) -> Imports:
        """Importing files into this library (built on first use: the importers load then),
        with the narrow parts it needs (``importers/service.py``)."""
        from kbdesk.core.importers.service import Imports, LibraryTarget

        target = LibraryTarget(self.root, self.drafts, documents=self.documents,
                               unpublished=self.sync.unpublished,
                               publish=self.publishing.publish)
        return Imports(target, self.team)

    @functools.cached_property
    def exports(self) -> Exports:
        """Exporting what is in force (built on first use: the exporters load then), with the
        narrow parts it needs (``exporters/service.py``)."""
        from kbdesk.core.exporters.service import Exports

        return Exports(self._export_source)

    def _export_source(self) -> ExportSource:
        """What an export reads of this library, after re-reading what changed in it."""
        from kbdesk.core.exporters.collect import ExportSource

        self.load()  # only files changed since the last load are parsed again
        return ExportSource(self.name, self.root, self.clock, self.versions.in_force_on,
                            self._versioning, self.library.config.synonyms)

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

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

    def _config(self) -> LibraryConfig:
        """The library's settings (``library.yaml``), loaded on first use."""
        self._ensure_loaded()
        return self.library.config

    def working_documents(self) -> Mapping[str, Document]:
        """The documents as the working files hold them (loaded on first use), by id."""
        self._ensure_loaded()
        return self.library.documents

    def library_files(self) -> Iterator[tuple[str, Path]]:
        """Every file of the library: ``(library path, full path)``, sorted."""
        return self.library.iter_files()

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

    def document_count(self) -> int:
        """How many documents the library holds (working files)."""
        self._ensure_loaded()
        return len(self.library)

    # -- index --------------------------------------------------------------------------------

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
        with library_lock(self.root, "index"), self._index_lock:
            stamp = library_stamp(self.root, self.today()) if reload or not self._loaded else None
            if reload or not self._loaded:
                self.load()
            documents = self.versions.in_force_on()  # what agents see, by id
            rebuild = rebuild or self._damaged  # a search found the index unreadable
            try:
                stats = self._sync_index(documents, progress, cancel, rebuild, stamp)
            except OSError as exc:  # a read-only index or data folder
                stats = self._index_elsewhere(documents, exc, progress, cancel)
            self._indexed, self._damaged = True, False
            return stats

    def reindex(self) -> IndexStats:
        """Re-read the library and bring the index up to date (after a publish or a pull)."""
        return self.ensure_index(reload=True)

    #: with a number, a sync that writes at least that many documents runs in a process of
    #: its own (see ``search/building.py``); None: always in the calling thread. The desktop
    #: app sets it, so that its UI thread never competes with a build for the interpreter.
    process_builds_from: int | None = None

    def build_in_process(self, min_documents: int = 100) -> None:
        """Run every index sync that writes ``min_documents`` or more in a child process (a
        window's UI thread then never competes with a build for the interpreter lock)."""
        self.process_builds_from = min_documents

    def _sync_index(
        self,
        documents: dict[str, Document],
        progress: Progress | None,
        cancel: CancelToken | None,
        rebuild: bool,
        stamp: dict[str, Any] | None,
    ) -> IndexStats:
        threshold = self.process_builds_from
        if threshold is not None and (
            (rebuild and len(documents) >= threshold)
            or (not rebuild and self.index.outdated(documents) >= threshold)
        ):
            from kbdesk.core.search.building import sync_in_process

            return sync_in_process(self.index, documents, progress, cancel, rebuild=rebuild,
                                   stamp=stamp)
        return self.index.sync(documents, progress, cancel, rebuild=rebuild, stamp=stamp)

    #: why the index in use is not the one in the cache folder ("" when it is)
    index_warning = ""
    _temp_index: Path | None = None

    def _index_elsewhere(
        self,
        documents: dict[str, Document],
        exc: OSError,
        progress: Progress | None,
        cancel: CancelToken | None,
    ) -> IndexStats:
        """The index folder cannot be written: search what it holds, or a temporary index."""
        reason = f"{exc.strerror or exc} ({exc.filename or self.index.directory})"
        if self.index.doc_count:
            self.index_warning = (
                f"the search index cannot be updated: {reason}; searching it as it is "
                "(recent changes may be missing)"
            )
            log.warning("%s", self.index_warning)
            return IndexStats()
        folder = Path(tempfile.mkdtemp(prefix="kbdesk-index-"))
        self.index.close()
        self.index = SearchIndex(folder / "index")
        self._temp_index = folder
        weakref.finalize(self, shutil.rmtree, folder, True)  # at close or exit
        self.index_warning = (
            f"the search index cannot be written: {reason}; using a temporary index "
            f"in {folder} for this session"
        )
        log.warning("%s", self.index_warning)
        return self.index.sync(documents, progress, cancel)

    def search(self, query: str, **options: Unpack[SearchOptions]) -> SearchResult:
        """Search the library. A malformed query never raises; it is read as plain text.

        ``options`` narrow it (``kinds``, ``categories``, ``limit``, ``include_retired``: see
        ``SearchOptions``).

        A search never rebuilds the index (it may run on a reader thread): when reading fails,
        the index files are reopened once if they are intact; otherwise ``IndexDamaged`` is
        raised and the next ``ensure_index`` rebuilds them. A new process searches an index
        that is current with the library as it is, without reading the library first.
        """
        from kbdesk.core.search.engine import check_options, run_search  # Whoosh: only now
        from kbdesk.core.search.query import parse_query

        check_options(options)
        if not self._indexed and not self._search_current_index():
            self.ensure_index()
        parsed = parse_query(query)

        def run() -> SearchResult:
            return run_search(self.index, parsed, synonyms=self.synonyms, **options)

        try:
            return run()
        except KbError:
            raise
        except Exception as exc:  # whoosh reports a vanished or damaged file in many ways
            log.warning("search failed (%s); reopening the index", exc)
            self.index.close()
            failure: Exception = exc
            if self.index.intact():
                try:
                    return run()
                except KbError:
                    raise
                except Exception as again:  # the files read as intact but are not
                    failure = again
            self._damaged = True
            raise IndexDamaged(
                f"the search index cannot be read ({type(failure).__name__}: {failure}); "
                "it is rebuilt on the next update"
            ) from failure

    def use_current_index(self) -> bool:
        """Search the index on disk as it is, without reading the library, when the library
        has not changed since the index was last synced with it (True); False when the index
        must be brought up to date first (``ensure_index``)."""
        return self._indexed or self._search_current_index()

    def _search_current_index(self) -> bool:
        """Use the index on disk as it is when the library has not changed since it was synced.

        A new process then shows its first result without reading every document; the library
        is read when something needs its documents.
        """
        with self._index_lock:
            if self._loaded or self._damaged:
                return False
            if not self.index.is_current(library_stamp(self.root, self.today())):
                return False
            config, _problems = load_config(self.root)
            self.synonyms = table_for(config.synonyms)
            self._indexed = True
            return True

    def close(self) -> None:
        """Release the index files (and the library's git repository)."""
        self.index.close()
        if self._temp_index is not None:
            shutil.rmtree(self._temp_index, ignore_errors=True)
        for name in ("_versioning", "as_of_indexes"):  # only those that were built
            service = self.__dict__.get(name)
            if service is not None:
                service.close()

    def search_as_of(
        self, query: str, as_of: dt.date, **options: Unpack[SearchOptions]
    ) -> SearchResult:
        """Search the documents that were in force on ``as_of``.

        The index of that set of versions is built once and kept (see ``AsOfIndexes``): a
        second search of the same day, or of another day with the same versions, reuses it.
        """
        from kbdesk.core.search.query import parse_query  # the engine: only when searching

        docs = self.versions.in_force_on(as_of)
        return self.as_of_indexes.search(docs, parse_query(query), synonyms=self.synonyms,
                                         **options)

    # -- the clock ----------------------------------------------------------------------------

    def set_clock(self, clock: Clock | Callable[[], dt.date]) -> None:
        """Replace the clock of every date rule: a ``Clock``, or a function returning the day."""
        self._clock.set(as_clock(clock))

    @property
    def clock(self) -> Clock:
        """The clock every date rule of this library reads (it follows ``set_clock``, also
        when kept: ``kb.clock.now`` read later is the new clock's)."""
        return self._clock

    def today(self) -> dt.date:
        """Today, by this library's clock."""
        return self._clock.today()
