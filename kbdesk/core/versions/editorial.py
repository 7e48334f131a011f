"""The editorial side of a ``KnowledgeBase``: versions, drafts, effective dates, receipts, sync.

``Editorial`` ties the per-library services together and resolves document ids to paths; the
``KnowledgeBase`` facade exposes each operation as a one-line wrapper. Every method may run on
a worker thread.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import shutil
import tempfile
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dulwich.errors import SendPackError

from kbdesk.core.clock import SYSTEM_CLOCK, Clock
from kbdesk.core.errors import DocumentNotFound, KbError, PublishError
from kbdesk.core.library.frontmatter import document_id, front_fields
from kbdesk.core.library.model import Document, Kind, Status
from kbdesk.core.search.engine import SearchResult, run_search
from kbdesk.core.search.index import SearchIndex
from kbdesk.core.search.query import parse_query
from kbdesk.core.team.board import Team
from kbdesk.core.versions.diff import TextDiff, diff_texts
from kbdesk.core.versions.drafts import DraftStore
from kbdesk.core.versions.effective import EffectiveResolver
from kbdesk.core.versions.history import VersionInfo
from kbdesk.core.versions.receipts import ReceiptBook
from kbdesk.core.versions.sync import _TRANSPORT_ERRORS as TRANSPORT_ERRORS
from kbdesk.core.versions.sync import Syncer, SyncResult, sync_state
from kbdesk.core.versions.versioning import PublishResult, Versioning, set_field
from kbdesk.core.workstation.liblock import library_lock

if TYPE_CHECKING:
    from kbdesk.core.kb import KnowledgeBase

log = logging.getLogger(__name__)


def _reindex(kb_ref: weakref.ref[KnowledgeBase]) -> None:
    kb = kb_ref()
    if kb is not None:
        kb.ensure_index(reload=True)


class Editorial:
    """Versions, drafts, effective dates, read receipts and sync of one knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        # weak references only: no cycle keeps a dropped KnowledgeBase (and its index files)
        # alive until the garbage collector happens to run
        self._kb = weakref.ref(kb)
        self.clock: Clock = SYSTEM_CLOCK
        self.drafts = DraftStore(kb.root, self.clock)
        self.versioning = Versioning(
            kb.root, reindex=functools.partial(_reindex, self._kb), drafts=self.drafts
        )
        self.resolver = EffectiveResolver(self.versioning, self.clock)
        self.receipts = ReceiptBook(kb.root, self.clock)

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base these services belong to."""
        kb = self._kb()
        if kb is None:  # pragma: no cover - only after the facade was dropped
            raise KbError("the library was closed")
        return kb

    def set_clock(self, clock: Clock) -> None:
        """Replace the clock of every date rule (in force, receipts, drafts)."""
        self.clock = clock
        self.resolver.clock = self.drafts.clock = self.receipts.clock = clock

    # -- ids and paths ------------------------------------------------------------------------

    def path_of(self, doc_id: str) -> str:
        """The library path of a document, by id or path (also for one no longer on disk)."""
        try:
            return self.kb.document(doc_id).path
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
        effective: dt.date | None = None,
    ) -> PublishResult:
        """Publish ``text`` as the next version of a document (new when the path is new).

        Args:
            effective: the day the version comes into force (its ``effective:`` field).
        """
        if effective is not None:
            text = set_field(text, "effective", effective)
        with library_lock(self.kb.root, "publish"):
            path = self._target_path(doc_id_or_path, text)
            new_id = document_id(path, text)
            other = self.kb.library.documents.get(new_id) if self.kb.documents() else None
            if other is not None and other.path != path:
                raise PublishError(
                    f"{path}: field 'id': '{new_id}' is already used by {other.path}"
                )
            result = self.versioning.publish(path, text, note, author=author)
        self.drafts.discard(result.doc_id, keep=result.kept_drafts)
        return result

    def publish_file(
        self, file: Path | str, note: str | None, author: str | None = None,
        effective: dt.date | None = None,
    ) -> PublishResult:
        """Publish the content of a file: one in the library, or outside it (matched by id)."""
        path = Path(file).expanduser()
        candidates = [path] if path.is_absolute() else [Path.cwd() / path, self.kb.root / path]
        for candidate in candidates:
            if candidate.is_file():
                text = candidate.read_text("utf-8")
                full = candidate.resolve()
                if full.is_relative_to(self.kb.root):
                    return self.publish(
                        full.relative_to(self.kb.root).as_posix(), text, note, author, effective
                    )
                doc_id = front_fields(text).get("id")
                if not doc_id:
                    raise KbError(
                        f"{file}: outside the library and without an 'id' field; "
                        "copy it into the library folder first"
                    )
                return self.publish(doc_id, text, note, author, effective)
        raise DocumentNotFound(f"{file}: no such file")

    def effective_of(self, doc_id: str, version: int) -> dt.date:
        """The day a published version comes into force (its date, else its publish day)."""
        from kbdesk.core.versions.effective import starts

        return starts(self.versioning.find(self.path_of(doc_id), version))

    def move(
        self, doc_id: str, new_path: str, note: str | None, author: str | None = None
    ) -> PublishResult:
        """Rename or move a document to ``new_path`` (a new version; history follows it)."""
        with library_lock(self.kb.root, "publish"):
            old = self.path_of(doc_id)
            return self.versioning.move(old, new_path, note, author=author)

    def rollback(
        self, doc_id: str, version: int, note: str | None = None, author: str | None = None
    ) -> PublishResult:
        """Restore an old version's text as a new version."""
        with library_lock(self.kb.root, "publish"):
            return self.versioning.rollback(self.path_of(doc_id), version, note, author=author)

    def retire(self, doc_id: str, note: str | None, author: str | None = None) -> PublishResult:
        """Publish a document as retired."""
        with library_lock(self.kb.root, "publish"):
            return self.versioning.retire(self.path_of(doc_id), note, author=author)

    # -- history ------------------------------------------------------------------------------

    def history(self, doc_id: str) -> list[VersionInfo]:
        """The versions of a document, newest first."""
        return self.versioning.versions(self.path_of(doc_id))

    def text_at(self, doc_id: str, version: int) -> str:
        """The text of one version of a document."""
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
            current = (
                (self.kb.root / path).read_text("utf-8")
                if doc.version == self.kb.document(doc_id).version
                else self.versioning.text_at(path, doc.version)
            )
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
            working: Document | None = self.kb.document(doc_id)
        except DocumentNotFound:
            working = None
        if history is None:
            return working
        doc, _ = self.resolver.choose(path, working, as_of or self.resolver.today())
        return doc

    def search_as_of(
        self,
        query: str,
        as_of: dt.date,
        *,
        kinds: Sequence[Kind] = (),
        limit: int = 20,
        include_retired: bool = False,
    ) -> SearchResult:
        """Search the documents that were in force on ``as_of`` (a temporary index)."""
        docs = self.resolver.resolve(self.kb.library.documents, as_of)
        folder = Path(tempfile.mkdtemp(prefix="kbdesk-asof-"))
        index = SearchIndex(folder / "index")
        try:
            index.sync(docs)
            return run_search(
                index,
                parse_query(query),
                synonyms=self.kb.synonyms,
                limit=limit,
                kinds=kinds,
                include_retired=include_retired,
            )
        finally:
            index.close()
            shutil.rmtree(folder, ignore_errors=True)

    def stale(self, today: dt.date | None = None) -> list[Document]:
        """Published documents past their ``review_by`` date."""
        day = today or self.resolver.today()
        return [
            doc
            for doc in self.kb.documents()
            if doc.review_by is not None
            and doc.review_by < day
            and doc.status is not Status.RETIRED
        ]

    # -- sync ---------------------------------------------------------------------------------

    def sync(self, remote_url: str | None = None, author: str | None = None) -> SyncResult:
        """Pull and push; then re-index what changed and exchange the team's records."""
        from kbdesk.core.team.remote import check_remote

        repo = self.versioning.repo()
        url = remote_url or (repo.remote_url() if repo is not None else None)
        if url:
            check_remote(url)
        result = Syncer(self.versioning, self.drafts, author).sync(remote_url)
        if result.pulled_paths:
            self.kb.ensure_index(reload=True)
        self.sync_team(url or "")
        return result

    @functools.cached_property
    def team(self) -> Team:
        """Team-wide receipts, flags and searches of this library."""
        return Team(self.kb.root, self.receipts)

    def sync_team(self, url: str) -> int:
        """Exchange the team's records with the shared library; a failure is only logged (the
        records stay queued for the next sync)."""
        repo = self.versioning.repo()
        url = url or (repo.remote_url() if repo is not None else "") or ""
        if not url:
            return 0
        try:
            return self.team.sync(url)
        except (*TRANSPORT_ERRORS, SendPackError, KbError) as exc:  # the records wait
            log.warning("team records not exchanged with %s: %s", url, exc)
            return 0

    def sync_state(self) -> dict[str, str]:
        """``last_synced``, ``last_status`` and ``last_error`` of this library."""
        return sync_state(self.kb.root)
