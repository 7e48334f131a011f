"""``KnowledgeBase``: the one facade the desktop app, the CLI and the tests call.

It owns a library folder and the search index derived from it. Every method is safe to call
from a worker thread; long ones take a progress callback and a cancel token.

Locks guard only what they must, so a reader never waits for a build:

* ``_index_lock`` serialises the index writer (``ensure_index``: one build at a time);
* ``_load_lock`` serialises re-reads of the folder; each ends by swapping in an immutable
  snapshot of the library (:class:`~kbdesk.core.library.catalog.Loaded`) with one assignment;
* ``_services_lock`` is held only while a service (``editorial``, ``reading``, ``team``) is
  created, never while it works.

Reads (``documents``, ``document``, ``today``, the services' reading rules) take none of them:
they read the snapshot in place while a build runs on another thread.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

from kbdesk.core.clock import Clock, as_clock, parse_iso_date
from kbdesk.core.errors import IndexDamaged, KbError, LibraryError, Problem, SyncError
from kbdesk.core.library.catalog import Library, load_config
from kbdesk.core.library.frontmatter import front_fields
from kbdesk.core.library.model import Document, Kind
from kbdesk.core.library.parsecache import ParseCache
from kbdesk.core.library.parts import AvoidEntry
from kbdesk.core.library.phrasing import nothing_to_copy
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

# Imported where they are used (cold start, issue 20): a command imports only what it needs,
# so `history` or `check` never loads Whoosh, the segmenter, the team's git exchange or the
# importers, and `search` none of the versioning rules it does not call.
if TYPE_CHECKING:
    from kbdesk.core.exporters.base import ExportResult
    from kbdesk.core.importers.apply import ImportedDocument
    from kbdesk.core.importers.plan import ImportPlan
    from kbdesk.core.library.authoring import NewDocument, PathProblem
    from kbdesk.core.library.workdays import WorkingCalendar
    from kbdesk.core.search.engine import SearchOptions, SearchResult
    from kbdesk.core.team.board import AckStatus, Team
    from kbdesk.core.team.records import Flag
    from kbdesk.core.versions.diff import TextDiff
    from kbdesk.core.versions.drafts import Draft, DraftStore
    from kbdesk.core.versions.editorial import Editorial
    from kbdesk.core.versions.effective import Pending
    from kbdesk.core.versions.history import VersionInfo
    from kbdesk.core.versions.reading import Reading
    from kbdesk.core.versions.receipts import ReceiptBook
    from kbdesk.core.versions.sync import Conflict, SyncResult
    from kbdesk.core.versions.versioning import PublishResult
    from kbdesk.core.workstation.startpage import StartPage

log = logging.getLogger(__name__)

class _Source:
    """The library as the editorial services read it (a weak reference to the facade, so no
    cycle keeps a dropped ``KnowledgeBase`` and its open index files alive)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = weakref.ref(kb)
        self.root = kb.root

    def _get(self) -> KnowledgeBase:
        kb = self._kb()
        if kb is None:  # pragma: no cover - only after the facade was dropped
            raise KbError("the library was closed")
        return kb

    def working_documents(self) -> Mapping[str, Document]:
        kb = self._get()
        kb._ensure_loaded()
        return kb.library.documents

    def document(self, doc_id: str) -> Document:
        return self._get().document(doc_id)

    def synonyms(self) -> SynonymTable:
        return self._get().synonyms

    def reindex(self) -> object:
        return self._get().ensure_index(reload=True)

    def open_flags(self) -> Sequence[Flag]:
        return self._get().team.open_flags()

    def unpublished(self) -> dict[str, str]:
        return self._get().unpublished()


@dataclass(frozen=True)
class Sent:
    """What sending new versions to the shared library did.

    Attributes:
        remote: the shared library's URL (None: this library has none; nothing was sent).
        result: the sync's result when it ran.
        error: why it could not run (the versions go with the next sync).
    """

    remote: str | None
    result: SyncResult | None = None
    error: SyncError | None = None


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
        root = resolve_library_dir(library)
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
        self._services_lock = threading.Lock()  # held only while a service is created
        self._loaded = False
        self._indexed = False
        self._damaged = False  # a search found the index unreadable: rebuild on next sync
        take_baseline(self.library.root, publishing)

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

    def check(self) -> list[Problem]:
        """Re-read the library and return every problem: files that cannot be loaded,
        procedure steps whose time limit cannot be read, and phrasings with nothing to copy."""
        problems = self.load()
        for doc in self.documents():
            for step in doc.steps:
                if step.limit_text and step.limit_seconds is None:
                    problems.append(
                        Problem(
                            doc.path,
                            f"step '{step.title}': time limit {step.limit_text!r} cannot be "
                            "read (write e.g. 30秒內, 24小時內)",
                        )
                    )
            if doc.kind is Kind.PHRASING:
                problems.extend(Problem(doc.path, message) for message in nothing_to_copy(doc))
        return problems

    def categories(self) -> list[tuple[str, int]]:
        """Return (category, number of documents), sorted by category; spellings in either
        script are one category, named as most of the library's documents write it."""
        from kbdesk.core.library.categories import count_categories

        return count_categories(doc.category for doc in self.documents())

    def working_calendar(self) -> WorkingCalendar:
        """Working days of this library (weekends and ``library.yaml`` holidays skipped)."""
        from kbdesk.core.library.workdays import WorkingCalendar

        self._ensure_loaded()
        config = self.library.config
        return WorkingCalendar.of(config.holidays, config.workdays)

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
        return self.editorial.in_force_on(as_of)

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
            rebuild = rebuild or self._damaged
            documents = self.indexed_documents()
            rebuild = rebuild or self._damaged  # a search found the index unreadable
            try:
                stats = self._sync_index(documents, progress, cancel, rebuild, stamp)
            except OSError as exc:  # a read-only index or data folder
                stats = self._index_elsewhere(documents, exc, progress, cancel)
            self._indexed, self._damaged = True, False
            return stats

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
        from kbdesk.core.search.engine import check_options, run_search
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
        if self._editorial is not None:
            self._editorial.close()

    # -- writing documents (kbdesk/core/library/authoring.py) ---------------------------------

    def new_document(self, kind: Kind | str, path: str, title: str = "") -> NewDocument:
        """A new document of ``kind`` at library path ``path`` from its template (not saved).

        Raises:
            KbError: the path leaves the library or a document already lives there.
        """
        from kbdesk.core.library import authoring

        return authoring.new_document(self.root, kind, path, title)

    def new_path_problem(self, path: str) -> PathProblem | None:
        """Why ``path`` cannot hold a new document in this library (None when it can)."""
        from kbdesk.core.library import authoring

        return authoring.path_problem(self.root, path)

    @staticmethod
    def template_text(kind: Kind | str) -> str:
        """The bundled template of a new document of ``kind``."""
        from kbdesk.core.library import authoring

        return authoring.template_text(kind)

    @staticmethod
    def text_to_publish(text: str) -> str:
        """The text an editor publishes: a document still marked draft becomes published."""
        from kbdesk.core.library import authoring

        return authoring.text_to_publish(text)

    # -- versions, drafts, effective dates, read receipts, sync (kbdesk/core/editorial.py) ----

    _editorial: Editorial | None = None

    @property
    def editorial(self) -> Editorial:
        """The editorial services of this library (created on first use)."""
        editorial = self._editorial
        if editorial is not None:  # no lock once it exists: readers never wait
            return editorial
        from kbdesk.core.versions.editorial import Editorial  # before the lock: no one waits

        with self._services_lock:
            if self._editorial is None:
                self._editorial = Editorial(_Source(self))
            return self._editorial

    _reading: Reading | None = None

    @property
    def reading(self) -> Reading:
        """The reading rules: the version each role sees, 已更新 marks, receipts due, the
        review list, browsing."""
        reading = self._reading
        if reading is not None:
            return reading
        editorial = self.editorial
        from kbdesk.core.versions.reading import Reading

        with self._services_lock:
            if self._reading is None:
                self._reading = Reading(editorial)
            return self._reading

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

    def publish(self, doc: str, text: str, note: str, author: str | None = None,
                effective: dt.date | None = None, *, from_editor: bool = False
                ) -> PublishResult:
        """Publish ``text`` as the next version of a document (id or library path); with
        ``effective``, the version comes into force that day.

        Args:
            from_editor: the text is the editor's own (autosaved) text of the document: its
                autosave is settled by this publish too (the other drafts follow the rule of
                ``Editorial.publish``).
        """
        return self.editorial.publish(doc, text, note, author, effective,
                                      from_editor=from_editor)

    # -- the rules clients ask about before an operation (versions/rules.py, search/gaps.py) --

    @staticmethod
    def note_missing(note: str | None) -> bool:
        """True when ``note`` is no change note (blank): publish, rollback, retire and move
        refuse it (``PublishError``)."""
        from kbdesk.core.versions import rules

        return rules.note_missing(note)

    @staticmethod
    def search_gap(result: SearchResult) -> str | None:
        """``none`` or ``partial`` when a search is a gap worth logging for editors (found
        nothing, or only partial matches), None when it is not."""
        from kbdesk.core.search import gaps

        return gaps.search_gap(result)

    def default_effective(self, text: str) -> dt.date:
        """The day a new version of ``text`` comes into force unless the editor picks another
        (its ``effective:`` date when later than today, else today by this library's clock)."""
        from kbdesk.core.versions import rules

        return rules.default_effective(self.effective_in_text(text), self.today())

    def effective_to_set(self, text: str, chosen: dt.date | None) -> dt.date | None:
        """The ``effective`` to publish ``text`` with when the editor chose the day ``chosen``
        (None: no field is written, the version is in force at once)."""
        from kbdesk.core.versions import rules

        return rules.effective_to_set(chosen, self.effective_in_text(text), self.today())

    @staticmethod
    def versions_to_compare(versions: Sequence[VersionInfo], selected: Sequence[int]
                            ) -> tuple[int, int] | None:
        """The two versions "compare" shows for the ``selected`` ones (one selected: it and
        the version before it); None when there is nothing to compare."""
        from kbdesk.core.versions import rules

        return rules.versions_to_compare(versions, selected)

    def conflict_from_draft(self, doc_id: str) -> Conflict:
        """The sync conflict a document's drafts hold, to resolve again after a restart.

        Raises:
            DocumentNotFound: the document has no draft.
        """
        from kbdesk.core.versions import rules

        return rules.conflict_from_drafts(self.root, doc_id, self.drafts.drafts_of(doc_id))

    def publish_file(self, file: Path | str, note: str, author: str | None = None,
                     effective: dt.date | None = None) -> PublishResult:
        """Publish the content of a file (in the library, or outside it matched by id)."""
        return self.editorial.publish_file(file, note, author, effective)

    @staticmethod
    def effective_in_text(text: str) -> dt.date | None:
        """The ``effective:`` date a document's text carries (None without a valid one)."""
        return parse_iso_date(front_fields(text).get("effective"))

    def effective_date(self, doc_id: str, version: int) -> dt.date:
        """The day a published version of a document comes into force."""
        return self.editorial.effective_of(doc_id, version)

    def updated_on(self, doc: Document) -> dt.date | None:
        """The date a document shows as "updated": the day its version came into force, from
        the version history (effective date, else publish day). None when the version has no
        history (a plain folder in a checkout, an unpublished edit): a file's modification
        time is never a document's date (copying a library changes it)."""
        try:
            return self.editorial.effective_of(doc.id, doc.version)
        except KbError:
            return None

    def history(self, doc_id: str) -> list[VersionInfo]:
        """The versions of a document (version, date, author, note, commit), newest first."""
        return self.editorial.history(doc_id)

    def text_at(self, doc_id: str, version: int) -> str:
        """The text of one version of a document."""
        return self.editorial.text_at(doc_id, version)

    def text_of(self, doc_id: str, version: int) -> str:
        """The text of one version (the working file when it holds that version)."""
        return self.editorial.text_of(doc_id, version)

    def diff(self, doc_id: str, old: int, new: int) -> TextDiff:
        """Compare two versions (inline, side-by-side, unified text)."""
        return self.editorial.diff(doc_id, old, new)

    def rollback(
        self, doc_id: str, version: int, note: str | None = None, author: str | None = None
    ) -> PublishResult:
        """Restore an old version as a new version (history is never rewritten).

        Raises:
            PublishError: no change note (a rollback needs one, as every publish does).
        """
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
        self._ensure_loaded()
        return self.editorial.resolver.pending(self.library.documents)

    def search_as_of(
        self, query: str, as_of: dt.date, **options: Unpack[SearchOptions]
    ) -> SearchResult:
        """Search what was in force on ``as_of`` (a cached index of that set of versions)."""
        return self.editorial.search_as_of(query, as_of, **options)

    def stale_documents(self, today: dt.date | None = None) -> list[Document]:
        """Documents past their ``review_by`` date."""
        return self.editorial.stale(today)

    def what_changed(self, doc_id: str) -> TextDiff | None:
        """Diff from the version last opened on this workstation to the one in force."""
        return self.editorial.what_changed(doc_id)

    def sync(self, remote_url: str | None = None, author: str | None = None) -> SyncResult:
        """Pull from and push to the library's remote (raises RemoteUnreachable offline); then
        re-index what changed and exchange the team's records."""
        from kbdesk.core.team.remote import check_remote

        repo = self.editorial.versioning.repo()
        url = remote_url or (repo.remote_url() if repo is not None else None)
        if url:
            check_remote(url)
        result = self.editorial.sync(remote_url, author)
        self.sync_team(url or "")
        return result

    def send_published(self, author: str | None = None) -> Sent:
        """Send newly published versions to the shared library at once, when there is one.

        Publishing is done once committed here: a shared library that cannot be reached is
        reported in ``Sent.error`` and the versions go with the next sync.
        """
        url = self.remote_url()
        if not url:
            return Sent(None)
        try:
            return Sent(url, self.sync(author=author))
        except SyncError as exc:
            return Sent(url, error=exc)
    def unpublished(self) -> dict[str, str]:
        """Library files whose text is not their last published version, by path.

        Values: ``modified`` (edited since it was last published; agents see the published
        version) or ``new`` (never published).
        """
        files: dict[str, tuple[int, int]] = {}
        for rel_path, full in self.library.iter_files():  # what is on disk now
            if rel_path.endswith(".md"):
                try:
                    info = full.stat()
                except OSError:
                    continue
                files[rel_path] = (info.st_mtime_ns, info.st_size)
        changes = self.editorial.versioning.unpublished(files)
        return {path: change.value for path, change in changes.items()}

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
            outdir: the folder to write; replaced only if empty or a previous export holding
                only the files its manifest lists (``ExportError`` otherwise).
        """
        from kbdesk.core.exporters.collect import export_library

        self.load()  # only files changed since the last load are parsed again
        return export_library(self, name, Path(outdir), as_of, progress, cancel)

    # -- importing handbooks and SOPs (kbdesk/core/importers) ---------------------------------

    def plan_import(
        self,
        files: Sequence[Path | str],
        *,
        kind: str = "",
        category: str = "",
        split: str = "none",
        keep: set[str] | None = None,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> ImportPlan:
        """What importing ``files`` would create (nothing is written).

        Args:
            kind: handbook, phrasing or procedure for every document ("" guesses).
            split: ``none`` or ``chapters`` (one document per chapter).
            keep: keys of removals the editor restored.
        """
        from kbdesk.core.importers.planner import ImportOptions, plan_files

        existing = {}
        for doc in self.documents():
            try:
                existing[doc.path] = (self.root / doc.path).read_text("utf-8")
            except OSError:
                continue
        drafts = {draft.path for draft in self.drafts.list()}
        options = ImportOptions(kind=kind, category=category, split=split, keep=set(keep or ()),
                                taken_paths={d.path for d in self.documents()} | drafts,
                                existing=existing)
        return plan_files(files, options, progress)

    def import_files(
        self,
        plan: ImportPlan,
        *,
        publish: bool = False,
        note: str = "",
        author: str | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        force: bool = False,
    ) -> list[ImportedDocument]:
        """Write a plan: drafts for the editor to review, or published with ``note`` (a plan
        with no structure found only with ``force``)."""
        from kbdesk.core.importers.apply import write_plan

        return write_plan(self, plan, publish=publish, note=note, author=author,
                          progress=progress, force=force)

    def new_document_drafts(self) -> list[Draft]:
        """Drafts of documents never published (imports, new documents), newest first."""
        from kbdesk.core.importers.apply import new_document_drafts

        return new_document_drafts(self)

    def publish_drafts(
        self, doc_ids: Sequence[str], note: str, author: str | None = None
    ) -> list[ImportedDocument]:
        """Publish drafts of new documents (by id) as version 1; none if one is bad."""
        from kbdesk.core.importers.apply import publish_drafts

        return publish_drafts(self, list(doc_ids), note, author)


    # -- the team on one shared library (kbdesk/core/team) ------------------------------------

    _team: Team | None = None

    @property
    def team(self) -> Team:
        """Every workstation's receipts, flags and failed searches known after the last sync."""
        team = self._team
        if team is not None:
            return team
        from kbdesk.core.team.board import Team

        receipts = self.editorial.receipts
        with self._services_lock:
            if self._team is None:
                self._team = Team(self.root, receipts)
            return self._team

    def sync_team(self, url: str) -> int:
        """Exchange the team's records with the shared library; a failure is only logged (the
        records stay queued for the next sync)."""
        from dulwich.errors import SendPackError

        from kbdesk.core.versions.sync import _TRANSPORT_ERRORS as TRANSPORT_ERRORS

        repo = self.editorial.versioning.repo()
        url = url or (repo.remote_url() if repo is not None else "") or ""
        if not url:
            return 0
        try:
            return self.team.sync(url)
        except (*TRANSPORT_ERRORS, SendPackError, KbError) as exc:  # the records wait
            log.warning("team records not exchanged with %s: %s", url, exc)
            return 0

    def init_remote(self, path: Path | str, author: str | None = None) -> Path:
        """Make ``path`` a new bare shared library holding this library; sync with it."""
        from kbdesk.core.team.remote import init_remote

        with self.editorial.versioning.lock:
            folder = init_remote(self.root, path, author=author)
        self.editorial.versioning.close()  # reopen: the repository's config changed
        self.sync_team(str(folder.resolve()))
        return folder

    def start_page(self, agent: str, favourites: Sequence[str]) -> StartPage:
        """The agent's start screen: to acknowledge, recently updated, favourites."""
        from kbdesk.core.workstation import startpage

        return startpage.start_page(self, agent, favourites)

    def ack_status(self) -> list[AckStatus]:
        """Who has and has not read each ``ack_required`` document's version in force."""
        docs = list(self.indexed_documents().values())
        return self.team.ack_table(sorted(docs, key=lambda d: d.path))
