"""The search index: derived data in the cache, rebuilt when missing, corrupt or out of date.

One index entry per document title and one per section. The index keeps a manifest beside the
Whoosh files: the analyzer and schema versions it was built with, the digest of every document
it holds (for incremental updates), and the size of every index file after the last commit (a
truncated or missing file means the index is corrupt and is rebuilt).
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import os
import shutil
import threading
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kbdesk.core.errors import IndexBusy
from kbdesk.core.library.model import Document
from kbdesk.core.library.plaintext import plain_text
from kbdesk.core.progress import CancelToken, Progress
from kbdesk.core.search.lexicon import WordTable
from kbdesk.core.search.pinyin import PinyinMap
from kbdesk.core.text.folding import fold
from kbdesk.core.workstation.storage import TEMP_SUFFIX, atomic_write_text

# Whoosh and the analyzer are imported where an index is opened, written or searched: a
# ``KnowledgeBase`` makes its ``SearchIndex`` when it opens, and commands that never search
# (history, show, check…) should not pay for loading the search engine (issue 20).
if TYPE_CHECKING:
    from whoosh import index as whoosh_index
    from whoosh.fields import Schema
    from whoosh.searching import Searcher

    from kbdesk.core.search.pool import MemorySegmentWriter

log = logging.getLogger(__name__)

#: 7: two-letter initials of two-syllable words; the pinyin map file (issue 9)
#: 8: the text field's format counts words in one pass (same postings, a new class name)
#: 9: the word table beside the index (homophones, words by character), keywords (issue 18)
SCHEMA_VERSION = 9
MANIFEST = "kbdesk-manifest.json"
PINYIN_MAP = "kbdesk-pinyin.json"
#: the library's words by homophone key and by character (see kbdesk.core.search.lexicon)
WORD_TABLE = "kbdesk-words.json"
INDEX_NAME = "sections"
WRITER_TIMEOUT = 10.0
FILTER_CACHE_SIZE = 64
#: Postings a writer keeps in memory before it writes them to a run file (MB, estimated).
POOL_LIMIT_MB = 64
#: A write of at least this many documents keeps its segment's files apart (not compound).
LARGE_WRITE_DOCS = 500


def make_schema() -> Schema:
    """Return the index schema (bump SCHEMA_VERSION when it changes)."""
    from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

    from kbdesk.core.search.analyzer import chinese_analyzer
    from kbdesk.core.search.pool import TermCounts

    analyzer = chinese_analyzer()
    text = TEXT(analyzer=analyzer, phrase=False)
    text.format = TermCounts(field_boost=1.0)  # TEXT's default boost, as before
    return Schema(
        entry=ID(stored=True, unique=True),
        doc_id=ID(stored=True),
        path=STORED,
        kind=ID(stored=True),
        status=ID(stored=True),
        category=ID(stored=True),
        category_text=STORED,
        tagset=KEYWORD(commas=True, stored=True),
        tags_text=STORED,
        version=NUMERIC(stored=True),
        effective=STORED,
        level=STORED,
        anchor=STORED,
        title=STORED,
        heading=STORED,
        keywords=STORED,
        body=STORED,
        # Everything an entry says, in one field: a query word is one posting list to walk
        # (four fields made each word a union of four, and Whoosh walks them in Python).
        text=text,

        pinyin=KEYWORD(scorable=True, field_boost=2.0),
        initials=KEYWORD(scorable=True, field_boost=2.0),
    )


def _pinyin_fields(heading: str, rows: set[tuple[str, str, str]] | None) -> dict[str, str]:
    # imported here: pypinyin's dictionaries are only needed to write entries, and loading
    # them is a tenth of a second and tens of MB a search-only process does without
    from kbdesk.core.search.pinyin import pinyin_entries

    entries = pinyin_entries(heading)
    if rows is not None:
        rows.update(entries)
    full = [key for key, kind, _ in entries if kind == "full"]
    initials = [key for key, kind, _ in entries if kind == "initials"]
    return {"pinyin": " ".join(full), "initials": " ".join(initials)}


def writer_options(documents: int) -> dict[str, Any]:
    """Return the writer options for writing ``documents`` documents."""
    options: dict[str, Any] = {"limitmb": POOL_LIMIT_MB}
    if documents >= LARGE_WRITE_DOCS:
        # Whoosh copies a compound segment file into memory when it opens it: keep the
        # files of a large segment apart so a searcher only maps them.
        options["compound"] = False
    return options


def open_writer(ix: whoosh_index.Index, options: dict[str, Any]) -> MemorySegmentWriter:
    """Open a writer with ``options`` (see :func:`writer_options`), waiting for the lock.

    Every write goes through :class:`MemorySegmentWriter` in this process. (Until 2026-11 a
    large build ran two Whoosh writer processes; with the pooled writer one process is faster,
    takes less memory and writes one segment, see ``docs/benchmarks.md``.)
    """
    from kbdesk.core.search.pool import MemorySegmentWriter

    return MemorySegmentWriter(ix, timeout=WRITER_TIMEOUT, **options)


#: How many times an entry's own heading counts in its text: a word in the heading weighs more
#: than the same word in the body (one field instead of boosted fields; see ``text`` above).
HEADING_WEIGHT = 3


#: How many times a document's ``keywords:`` count in its title entry's text: an editor's
#: search term weighs like a heading word, above a word of the body.
KEYWORD_WEIGHT = 2


def _entry_text(heading: str, body: str, context: str, keywords: tuple[str, ...] = ()) -> str:
    return "\n".join([*([heading] * HEADING_WEIGHT), body, context,
                      *([" ".join(keywords)] * KEYWORD_WEIGHT if keywords else [])])


def entries_for(
    doc: Document, pinyin_rows: set[tuple[str, str, str]] | None = None
) -> list[dict[str, Any]]:
    """Return the index entries (field dicts) of one document: its title, then each section.

    The (key, kind, Chinese) pinyin rows of its title and headings are added to ``pinyin_rows``.
    """
    common: dict[str, Any] = {
        "doc_id": doc.id,
        "path": doc.path,
        "kind": doc.kind.value,
        "status": doc.status.value,
        "category": fold(doc.category),
        "category_text": doc.category,
        "tagset": ",".join(fold(tag) for tag in doc.tags),
        "tags_text": list(doc.tags),
        "version": doc.version,
        "effective": doc.effective.isoformat() if doc.effective else "",
        "title": doc.title,
    }
    intro = "\n".join(plain_text(s.body) for s in doc.sections if s.level == 1)
    entries = [
        dict(
            common,
            entry=f"{doc.id}#",
            level=0,
            anchor="",
            heading="",
            body=(body := "\n".join(part for part in (doc.summary, intro) if part)),
            keywords=" ".join(doc.keywords),
            text=_entry_text(doc.title, body, " ".join(doc.tags), doc.keywords),
            **_pinyin_fields(doc.title, pinyin_rows),
        )
    ]
    for section in doc.sections:
        if section.level == 1:
            continue  # the introduction is part of the title entry
        entries.append(
            dict(
                common,
                entry=f"{doc.id}#{section.anchor}",
                level=section.level,
                anchor=section.anchor,
                heading=section.heading,
                body=(body := plain_text(section.body)),
                text=_entry_text(section.heading, body, doc.title),
                **_pinyin_fields(section.heading, pinyin_rows),
            )
        )
    return entries


def analyzer_version() -> int:
    """The version of the analyzer that builds the index (the manifest records it)."""
    from kbdesk.core.search.analyzer import ANALYZER_VERSION

    return ANALYZER_VERSION


@dataclass
class IndexStats:
    """What one sync of the index did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    rebuilt: bool = False
    reason: str = ""

    @property
    def changed(self) -> bool:
        """True when the index content changed."""
        return bool(self.added or self.updated or self.removed or self.rebuilt)


class SearchIndex:
    """A Whoosh index of documents' titles and sections, kept in one folder.

    Safe to call from any thread: one lock serialises writers and the shared searcher.

    Args:
        directory: the folder for this library's index (created when missing).
    """

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._lock = threading.RLock()
        self._ix: whoosh_index.Index | None = None
        self._searcher: Searcher | None = None
        self._manifest: dict[str, Any] = {}
        #: (mtime, size) of the manifest when this process last read or wrote it
        self._manifest_stamp: tuple[int, int] | None = None
        # filter query -> its documents, for the current searcher (see filter_docs)
        self._filters: dict[Any, Any] = {}
        self._pinyin: PinyinMap | None = None
        self._words: WordTable | None = None

    # -- state --------------------------------------------------------------------------------

    def _manifest_path(self) -> Path:
        return self.directory / MANIFEST

    def _read_manifest(self) -> dict[str, Any] | None:
        stamp = self._stamp()
        try:
            data = json.loads(self._manifest_path().read_text("utf-8"))
        except (OSError, ValueError):
            return None
        self._manifest_stamp = stamp
        if not _manifest_shape_ok(data):
            log.warning("index manifest %s has the wrong shape; the index is rebuilt",
                        self._manifest_path())
            return None
        return data

    def _write_manifest(self) -> None:
        files = {}
        for entry in os.scandir(self.directory):
            if (
                entry.is_file()
                and entry.name != MANIFEST
                and not entry.name.endswith((".lock", TEMP_SUFFIX))
            ):
                files[entry.name] = entry.stat().st_size
        self._manifest["files"] = files
        self._manifest["analyzer"] = analyzer_version()
        self._manifest["schema"] = SCHEMA_VERSION
        atomic_write_text(self._manifest_path(), json.dumps(self._manifest, ensure_ascii=False))
        self._manifest_stamp = self._stamp()

    def _stamp(self) -> tuple[int, int] | None:
        """The manifest file's modification time and size (None when it is missing)."""
        try:
            info = os.stat(self._manifest_path())
        except OSError:
            return None
        return info.st_mtime_ns, info.st_size

    def _problem(self) -> str:
        """Return why the index on disk cannot be used as it is ("" when it can)."""
        manifest = self._read_manifest()
        if manifest is None:
            return "no index yet" if not self.directory.exists() else "index manifest missing"
        if manifest.get("analyzer") != analyzer_version():
            return "built by an older analyzer"
        if manifest.get("schema") != SCHEMA_VERSION:
            return "built with an older schema"
        for name, size in (manifest.get("files") or {}).items():
            try:
                if (self.directory / name).stat().st_size != size:
                    return f"index file {name} is damaged (size changed)"
            except OSError:
                return f"index file {name} is missing"
        self._manifest = manifest
        return ""

    def intact(self) -> bool:
        """Whether the index files on disk match the manifest (no rebuild needed to open)."""
        with self._lock:
            return not self._problem()

    def _close(self) -> None:
        self._filters.clear()
        self._pinyin = None
        self._words = None
        if self._searcher is not None:
            with contextlib.suppress(Exception):
                self._searcher.close()
        self._searcher = None
        if self._ix is not None:
            with contextlib.suppress(Exception):
                self._ix.close()
        self._ix = None

    def close(self) -> None:
        """Close the searcher and the index files."""
        with self._lock:
            self._close()

    def _create(self) -> None:
        from whoosh import index as whoosh_index

        self._close()
        if self.directory.exists():
            shutil.rmtree(self.directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._ix = whoosh_index.create_in(str(self.directory), make_schema(), indexname=INDEX_NAME)
        self._manifest = {"docs": {}}
        self._pinyin = PinyinMap()
        self._words = WordTable()

    def _open(self) -> str:
        """Open the index on disk, or create an empty one; return why it was recreated."""
        if self._ix is not None:
            return ""
        reason = self._problem()
        if not reason:
            # Whoosh leaves a file it failed to read open; it is closed when the exception is
            # dropped, which must not count as a leak warning.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ResourceWarning)
                reason = self._try_open()
                if reason:
                    gc.collect()
            if not reason:
                return ""
            self._close()
        log.info("building search index at %s: %s", self.directory, reason)
        self._create()
        return reason

    def _try_open(self) -> str:
        from whoosh import index as whoosh_index

        try:
            self._ix = whoosh_index.open_dir(str(self.directory), indexname=INDEX_NAME)
            self._searcher = self._ix.searcher()
            self._searcher.doc_count()
            return ""
        except Exception as exc:
            # log the text, not the exception: a kept log record would keep its frames
            log.warning("search index at %s cannot be opened: %s", self.directory, str(exc))
            return f"index damaged ({type(exc).__name__})"

    @property
    def doc_count(self) -> int:
        """Number of documents in the index."""
        return len(self._manifest.get("docs", {}))

    def searcher(self) -> Searcher:
        """Return the shared searcher, refreshed; callers must hold ``lock``."""
        if self._ix is None:
            self._open()
        assert self._ix is not None
        if self._searcher is not None and not self._searcher.up_to_date():
            self._reopen_searcher()
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        return self._searcher

    def is_current(self, stamp: dict[str, Any]) -> bool:
        """True when the index on disk is usable and was last synced with this library stamp."""
        with self._lock:
            if self._ix is None and self._problem():
                return False
            return bool(self._manifest.get("stamp")) and self._manifest.get("stamp") == stamp

    def pinyin_map(self) -> PinyinMap:
        """Return the pinyin keys → Chinese text map of the index (read on first use)."""
        if self._pinyin is None:
            self._pinyin = PinyinMap.load(self.directory / PINYIN_MAP)
        return self._pinyin

    def word_table(self) -> WordTable:
        """Return the library's words by homophone key and by character (read on first use)."""
        if self._words is None:
            self._words = WordTable.load(self.directory / WORD_TABLE)
        return self._words

    def _reopen_searcher(self) -> None:
        """Replace the shared searcher with one on the latest commit.

        Whoosh's ``Searcher.refresh()`` reuses the readers of segments it already had open, and
        those keep the deletion list of the old commit: a document updated twice then shows
        up twice. So the old searcher is closed and a new one opened instead.
        """
        self._filters.clear()
        if self._searcher is not None:
            with contextlib.suppress(Exception):
                self._searcher.close()
            self._searcher = None

    def filter_docs(self, query: Any) -> Any:
        """Return the documents a filter or mask query matches, as a set Whoosh accepts.

        Whoosh turns a filter query into a set of documents on every search (for the
        draft/retired mask that is most of a short search's time on a large library), so the
        sets are kept until the searcher changes. Callers must hold ``lock`` and have called
        ``searcher()``.
        """
        if query is None:
            return None
        try:
            docs = self._filters.get(query)
        except TypeError:  # an unhashable query: let Whoosh evaluate it
            return query
        if docs is None:
            from whoosh.idsets import BitSet

            searcher = self._searcher or self.searcher()
            docs = BitSet(searcher.docs_for_query(query), size=searcher.doc_count_all())
            if len(self._filters) >= FILTER_CACHE_SIZE:
                self._filters.clear()
            self._filters[query] = docs
        # Whoosh skips a filter that is empty (falsy): an allow-filter matching nothing must
        # stay a query, so that it still lets nothing through.
        return docs if docs else query

    @property
    def lock(self) -> threading.RLock:
        """The lock guarding the index and its searcher."""
        return self._lock

    # -- writing ------------------------------------------------------------------------------

    def outdated(self, documents: Mapping[str, Document]) -> int:
        """How many documents a sync with ``documents`` would write or remove (all of them
        when the index on disk cannot be used as it is)."""
        with self._lock:
            if (self._ix is None or self._stamp() != self._manifest_stamp) and self._problem():
                return len(documents)
            known: dict[str, str] = self._manifest.get("docs", {})
            changed = sum(1 for doc_id, doc in documents.items()
                          if known.get(doc_id) != doc.digest)
            return changed + sum(1 for doc_id in known if doc_id not in documents)

    def sync(
        self,
        documents: Mapping[str, Document],
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        *,
        rebuild: bool = False,
        stamp: dict[str, Any] | None = None,
    ) -> IndexStats:
        """Bring the index in line with ``documents`` (id → document), re-reading only changes.

        Args:
            documents: the documents the index should hold, by id.
            progress: called with (done, total, message).
            cancel: checked between documents; a cancelled sync leaves the index as it was.
            rebuild: throw the index away and build it anew.
            stamp: the library's stamp (see :mod:`kbdesk.core.search.freshness`), kept with
                the index so that a new process can tell it is current without reading the
                library.

        Raises:
            Cancelled: when the cancel token was set (nothing is committed).
            IndexBusy: when another process holds the index lock past the timeout.
        """
        with self._lock:
            stats = IndexStats()
            if self._ix is not None and self._stamp() != self._manifest_stamp:
                # another process wrote the index since this one opened it: start from its state
                self._close()
            if rebuild:
                self._create()
                stats.rebuilt, stats.reason = True, "rebuild requested"
            else:
                reason = self._open()
                if reason:
                    stats.rebuilt, stats.reason = True, reason
            known: dict[str, str] = dict(self._manifest.get("docs", {}))
            changed = [doc for doc_id, doc in documents.items() if known.get(doc_id) != doc.digest]
            removed = [doc_id for doc_id in known if doc_id not in documents]
            if not changed and not removed:
                if stats.rebuilt or (stamp is not None and self._manifest.get("stamp") != stamp):
                    self._manifest["stamp"] = stamp
                    self._write_manifest()
                return stats
            assert self._ix is not None
            options = writer_options(len(changed))
            from whoosh import index as whoosh_index

            try:
                writer = open_writer(self._ix, options)
            except whoosh_index.LockError as exc:
                raise IndexBusy(
                    f"the search index at {self.directory} is locked by another program"
                ) from exc
            total = len(changed) + len(removed)
            pinyin = self.pinyin_map()
            rows: set[tuple[str, str, str]] = set()
            try:
                for number, doc_id in enumerate(removed, start=1):
                    writer.delete_by_term("doc_id", doc_id)
                    known.pop(doc_id, None)
                    stats.removed += 1
                    if progress:
                        progress(number, total, doc_id)
                for number, doc in enumerate(changed, start=len(removed) + 1):
                    if cancel is not None:
                        cancel.check()
                    if doc.id in known:
                        writer.delete_by_term("doc_id", doc.id)
                        stats.updated += 1
                    else:
                        stats.added += 1
                    for fields in entries_for(doc, rows):
                        writer.add_document(**fields)
                    known[doc.id] = doc.digest
                    if progress and (number % 25 == 0 or number == total):
                        progress(number, total, doc.title)
            except BaseException:
                writer.cancel()
                raise
            if progress:
                progress(total, total, "saving index")
            writer.commit()
            self._manifest["docs"] = known
            self._manifest["stamp"] = stamp
            if pinyin.add(rows):  # an edit that keeps the headings writes nothing here
                pinyin.save(self.directory / PINYIN_MAP)
            words = self.word_table()
            with self._ix.reader() as reader:
                new_words = words.add(reader.field_terms("text"))
            if new_words:  # words of removed documents stay: a search checks the index first
                words.save(self.directory / WORD_TABLE)
            self._write_manifest()
            self._reopen_searcher()
            return stats

    def delete_files(self) -> None:
        """Close everything and remove the index folder."""
        with self._lock:
            self._close()
            if self.directory.exists():
                shutil.rmtree(self.directory, ignore_errors=True)
            self._manifest = {}


def _manifest_shape_ok(data: Any) -> bool:
    """True when ``data`` looks like a manifest this module wrote (docs and files maps)."""
    if not isinstance(data, dict):
        return False
    docs, files = data.get("docs", {}), data.get("files", {})
    return (
        isinstance(docs, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in docs.items())
        and isinstance(files, dict)
        and all(isinstance(k, str) and type(v) is int for k, v in files.items())
    )
