"""The editorial side of a library: versions, drafts, effective dates, receipts, sync.

``Editorial`` ties the per-library services together and resolves document ids to paths. It
reads the working documents through a :class:`LibrarySource` (the ``KnowledgeBase`` gives it
one) and never refers to the facade itself. Every method may run on a worker thread.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, Unpack

from kbdesk.core.clock import SYSTEM_CLOCK, Clock
from kbdesk.core.errors import DocumentNotFound, KbError, PublishError
from kbdesk.core.library.frontmatter import document_id, front_fields
from kbdesk.core.library.model import Document, Status
from kbdesk.core.search.asof import AsOfIndexes
from kbdesk.core.versions.diff import TextDiff, diff_texts
from kbdesk.core.versions.drafts import EDITOR, DraftStore
from kbdesk.core.versions.effective import EffectiveResolver
from kbdesk.core.versions.history import VersionInfo
from kbdesk.core.versions.receipts import ReceiptBook
from kbdesk.core.versions.versioning import PublishResult, Versioning, set_field
from kbdesk.core.workstation.liblock import library_lock

if TYPE_CHECKING:  # the team's records sit above versions; only their type is named here
    from kbdesk.core.search.engine import SearchOptions, SearchResult
    from kbdesk.core.search.thesaurus import SynonymTable
    from kbdesk.core.team.records import Flag
    from kbdesk.core.versions.sync import SyncResult

log = logging.getLogger(__name__)


#: drafts a publish of their document resolves (the editor published over them)
SETTLED_BY_PUBLISH = frozenset({"sync-conflict", "import"})


def _without_version(text: str) -> str:
    """A document's text with its ``version:`` field left out (publishing sets it)."""
    try:
        return set_field(text, "version", None).strip()
    except KbError:
        return text.strip()


class LibrarySource(Protocol):
    """What the editorial services read of the library they belong to."""

    @property
    def root(self) -> Path:
        """The library folder."""
        ...

    def working_documents(self) -> Mapping[str, Document]:
        """The documents as the working files hold them (loaded on first use), by id."""
        ...

    def document(self, doc_id: str) -> Document:
        """One working document by id or path (DocumentNotFound when there is none)."""
        ...

    def synonyms(self) -> SynonymTable:
        """The library's synonym table (for searches at another date)."""
        ...

    def reindex(self) -> object:
        """Re-read the library and bring the search index up to date."""
        ...

    def open_flags(self) -> Sequence[Flag]:
        """The sections agents flagged that no editor has cleared yet (team records)."""
        ...

    def unpublished(self) -> dict[str, str]:
        """Library files edited outside kbdesk and not published, by path (modified/new)."""
        ...


class Editorial:
    """Versions, drafts, effective dates, read receipts and sync of one knowledge base."""

    def __init__(self, source: LibrarySource) -> None:
        self.source = source
        self.root = source.root
        self.clock: Clock = SYSTEM_CLOCK
        self.drafts = DraftStore(self.root, self.clock)
        self.versioning = Versioning(self.root, reindex=source.reindex, drafts=self.drafts)
        self.versioning.clock = self.clock
        self.resolver = EffectiveResolver(self.versioning, self.clock)
        self.receipts = ReceiptBook(self.root, self.clock)
        self.as_of_indexes = AsOfIndexes(self.root)

    def close(self) -> None:
        """Release the repository and the indexes of other days."""
        self.versioning.close()
        self.as_of_indexes.close()

    def set_clock(self, clock: Clock) -> None:
        """Replace the clock of every date rule (in force, receipts, drafts)."""
        self.clock = clock
        self.resolver.clock = self.drafts.clock = self.receipts.clock = clock
        self.versioning.clock = clock

    # -- ids and paths ------------------------------------------------------------------------

    def path_of(self, doc_id: str) -> str:
        """The library path of a document, by id or path (also for one no longer on disk)."""
        try:
            return self.source.document(doc_id).path
        except DocumentNotFound:
            history = self.versioning.history()
            found = history.find_path(doc_id) if history is not None else None
            if found:
                return found
            for candidate in (doc_id, doc_id + ".md"):
                if history is not None and candidate in history.paths():
                    return candidate
            raise

    def _target_path(self, doc_id_or_path: str, text: str) -> str:
        """The path to publish to: a document's (by id or path), or a new ``.md`` path."""
        try:
            return self.path_of(doc_id_or_path)
        except DocumentNotFound:
            pass
        if doc_id_or_path.endswith(".md") and not Path(doc_id_or_path).is_absolute():
            return doc_id_or_path.replace("\\", "/")
        doc_id = front_fields(text).get("id")
        if doc_id:
            try:
                return self.path_of(doc_id)
            except DocumentNotFound:
                pass
        raise DocumentNotFound(f"no document '{doc_id_or_path}': give a library path ending .md")

    # -- publishing ---------------------------------------------------------------------------

    def publish(
        self, doc_id_or_path: str, text: str, note: str | None, author: str | None = None,
        effective: dt.date | None = None, *, from_editor: bool = False,
    ) -> PublishResult:
        """Publish ``text`` as the next version of a document (new when the path is new).

        Args:
            effective: the day the version comes into force (its ``effective:`` field); never
                before today. An ``effective:`` the text carries that is already past is
                dropped: the version is in force from the day it is published.

        Raises:
            PublishError: ``effective`` is before today.
            from_editor: the text is the editor's own: its autosave is settled too.
        """
        if effective is not None and effective < self.clock.today():
            raise PublishError(
                f"field 'effective': {effective.isoformat()} is past; a new version comes into "
                f"force on the day it is published ({self.clock.today().isoformat()}) or later"
            )
        if effective is not None:
            text = set_field(text, "effective", effective)
        with library_lock(self.root, "publish"):
            path = self._target_path(doc_id_or_path, text)
            new_id = document_id(path, text)
            other = self.source.working_documents().get(new_id)
            if other is not None and other.path != path:
                raise PublishError(
                    f"{path}: field 'id': '{new_id}' is already used by {other.path}"
                )
            result = self.versioning.publish(path, text, note, author=author)
        self._discard_published_drafts(result, text, from_editor)
        return result

    def _discard_published_drafts(self, result: PublishResult, text: str,
                                  from_editor: bool = False) -> None:
        """Remove the document's drafts that this publish settles: conflict copies and imports
        (the published text resolves them) and an editor's autosave of this very text, or the
        editor's own autosave when the editor published from it (``from_editor``). Otherwise
        an editor's autosave of another text and a kept hand edit stay, whoever published:
        they are work nobody has reviewed yet."""
        published = _without_version(text)
        own = self.drafts.editor_draft_name(result.doc_id) if from_editor else None
        for draft in self.drafts.drafts_of(result.doc_id):
            if draft.name in result.kept_drafts:
                continue
            editors = draft.origin == EDITOR and (
                draft.name == own or _without_version(draft.text) == published)
            if editors or draft.origin in SETTLED_BY_PUBLISH:
                self.drafts.discard(result.doc_id, draft.name)

    def publish_file(
        self, file: Path | str, note: str | None, author: str | None = None,
        effective: dt.date | None = None,
    ) -> PublishResult:
        """Publish the content of a file: one in the library, or outside it (matched by id)."""
        path = Path(file).expanduser()
        candidates = [path] if path.is_absolute() else [Path.cwd() / path, self.root / path]
        for candidate in candidates:
            if candidate.is_file():
                link = self._link_on_the_way(candidate)
                if link is not None:
                    raise KbError(
                        f"{file}: {link} is a symbolic link; kbdesk never publishes through a "
                        "link (it could lead anywhere): put the file itself in the library"
                    )
                text = candidate.read_text("utf-8")
                full = candidate.resolve()
                if full.is_relative_to(self.root):
                    return self.publish(
                        full.relative_to(self.root).as_posix(), text, note, author, effective
                    )
                doc_id = front_fields(text).get("id")
                if not doc_id:
                    raise KbError(
                        f"{file}: outside the library and without an 'id' field; "
                        "copy it into the library folder first"
                    )
                return self.publish(doc_id, text, note, author, effective)
        raise DocumentNotFound(f"{file}: no such file")

    def _link_on_the_way(self, candidate: Path) -> Path | None:
        """The symbolic link ``candidate`` is, or goes through inside the library (None)."""
        full = Path(os.path.abspath(candidate))
        if full.is_symlink():
            return full
        if full.is_relative_to(self.root):
            for parent in full.parents:
                if parent == self.root or not parent.is_relative_to(self.root):
                    break
                if parent.is_symlink():
                    return parent
        return None

    def effective_of(self, doc_id: str, version: int) -> dt.date:
        """The day a published version comes into force (its date, else its publish day)."""
        from kbdesk.core.versions.effective import starts

        return starts(self.versioning.find(self.path_of(doc_id), version))

    def move(
        self, doc_id: str, new_path: str, note: str | None, author: str | None = None
    ) -> PublishResult:
        """Rename or move a document to ``new_path`` (a new version; history follows it)."""
        with library_lock(self.root, "publish"):
            old = self.path_of(doc_id)
            return self.versioning.move(old, new_path, note, author=author)

    def rollback(
        self, doc_id: str, version: int, note: str | None = None, author: str | None = None
    ) -> PublishResult:
        """Restore an old version's text as a new version."""
        with library_lock(self.root, "publish"):
            return self.versioning.rollback(self.path_of(doc_id), version, note, author=author)

    def retire(self, doc_id: str, note: str | None, author: str | None = None) -> PublishResult:
        """Publish a document as retired."""
        with library_lock(self.root, "publish"):
            return self.versioning.retire(self.path_of(doc_id), note, author=author)

    # -- history ------------------------------------------------------------------------------

    def history(self, doc_id: str) -> list[VersionInfo]:
        """The versions of a document, newest first."""
        return self.versioning.versions(self.path_of(doc_id))

    def text_at(self, doc_id: str, version: int) -> str:
        """The text of one version of a document."""
        return self.versioning.text_at(self.path_of(doc_id), version)

    def text_of(self, doc_id: str, version: int) -> str:
        """The text of one version: the working file when it holds that version as published
        (not edited since), else the version read from history."""
        try:
            working = self.source.document(doc_id)
            if working.version == version and not self.versioning.unpublished(
                {working.path: (working.mtime_ns, working.size)}
            ):
                return (self.root / working.path).read_text("utf-8")
        except DocumentNotFound:
            pass
        return self.versioning.text_at(self.path_of(doc_id), version)

    def diff(self, doc_id: str, old: int, new: int) -> TextDiff:
        """Compare two versions of a document."""
        return self.versioning.diff(self.path_of(doc_id), old, new)

    def what_changed(self, doc_id: str) -> TextDiff | None:
        """Diff from the version last opened here to the one in force (None if unchanged)."""
        doc = self.in_force(doc_id)
        seen = self.receipts.last_seen(doc.id) if doc is not None else None
        if doc is None or seen is None or seen >= doc.version:
            return None
        path = self.path_of(doc_id)
        try:
            current = self.text_of(doc_id, doc.version)
            old = self.versioning.text_at(path, seen)
        except DocumentNotFound:  # the version seen is not in this library's history
            return None
        return diff_texts(old, current, old_label=f"v{seen}", new_label=f"v{doc.version}")

    # -- in force -----------------------------------------------------------------------------

    def in_force(self, doc_id: str, as_of: dt.date | None = None) -> Document | None:
        """The version of a document agents see on ``as_of`` (None if none was in force)."""
        path = self.path_of(doc_id)
        history = self.versioning.history()
        if history is not None:
            history.refresh()
        try:
            working: Document | None = self.source.document(doc_id)
        except DocumentNotFound:
            working = None
        if history is None:
            return working
        doc, _ = self.resolver.choose(path, working, as_of or self.resolver.today())
        return doc

    def in_force_on(self, as_of: dt.date | None = None) -> dict[str, Document]:
        """The documents agents see on ``as_of`` (default today), by id (a cached snapshot)."""
        return self.resolver.resolve(self.source.working_documents(), as_of)

    def search_as_of(
        self, query: str, as_of: dt.date, **options: Unpack[SearchOptions]
    ) -> SearchResult:
        """Search the documents that were in force on ``as_of``.

        The index of that set of versions is built once and kept (see ``AsOfIndexes``): a
        second search of the same day, or of another day with the same versions, reuses it.
        """
        from kbdesk.core.search.query import parse_query  # the engine: only when searching

        docs = self.in_force_on(as_of)
        return self.as_of_indexes.search(
            docs,
            parse_query(query),
            synonyms=self.source.synonyms(),
            **options,
        )

    def stale(self, today: dt.date | None = None) -> list[Document]:
        """Published documents past their ``review_by`` date."""
        day = today or self.resolver.today()
        return [
            doc
            for doc in self.source.working_documents().values()
            if doc.review_by is not None
            and doc.review_by < day
            and doc.status is not Status.RETIRED
        ]

    # -- sync ---------------------------------------------------------------------------------

    def sync(self, remote_url: str | None = None, author: str | None = None) -> SyncResult:
        """Pull and push; then re-index what changed."""
        from kbdesk.core.versions.sync import Syncer  # git's transports: only when syncing

        result = Syncer(self.versioning, self.drafts, author).sync(remote_url)
        if result.pulled_paths:
            self.source.reindex()
        return result

    def sync_state(self) -> dict[str, str]:
        """``last_synced``, ``last_status`` and ``last_error`` of this library."""
        from kbdesk.core.versions.sync import sync_state

        return sync_state(self.root)
