"""``kb.versions``: the published versions of a library's documents.

History, the text of a version, diffs, the day a version comes into force, the version agents
see on a day, versions pending, what changed since a document was last opened here, and the
documents past review. It resolves ids to library paths (also of documents no longer on disk).
It reads the working documents through a :class:`DocumentSource` and the versions last opened
here through :class:`SeenVersions`; every method may run on a worker thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Protocol

from kbdesk.core.errors import DocumentNotFound, KbError
from kbdesk.core.library.model import Document, Status
from kbdesk.core.library.source import DocumentSource
from kbdesk.core.storage.diff import TextDiff, diff_texts
from kbdesk.core.storage.history import VersionInfo
from kbdesk.core.workflow import rules
from kbdesk.core.workflow.effective import EffectiveResolver, Pending, starts
from kbdesk.core.workflow.versioning import Versioning


class SeenVersions(Protocol):
    """The version of each document last opened on this workstation (the read receipts)."""

    def last_seen(self, doc_id: str) -> int | None:
        """The version last opened here (None: never)."""
        ...


class Versions:
    """The versions of one library (see the module docstring).

    Args:
        source: the working documents.
        versioning: the git-backed versions (``versioning.repo()`` is the repository).
        resolver: which version is in force on a day (reads the library's clock).
        seen: the versions last opened here (``what_changed``).

    The versioning and the resolver stay private: clients read versions through this
    service's own methods, never around them.
    """

    def __init__(self, source: DocumentSource, versioning: Versioning,
                 resolver: EffectiveResolver, seen: SeenVersions) -> None:
        self._source = source
        self.root = source.root
        self._versioning = versioning
        self._resolver = resolver
        self._seen = seen

    # -- ids and paths ------------------------------------------------------------------------

    def path_of(self, doc_id: str) -> str:
        """The library path of a document, by id or path (also for one no longer on disk)."""
        try:
            return self._source.document(doc_id).path
        except DocumentNotFound:
            history = self._versioning.history()
            found = history.find_path(doc_id) if history is not None else None
            if found:
                return found
            for candidate in (doc_id, doc_id + ".md"):
                if history is not None and candidate in history.paths():
                    return candidate
            raise

    # -- history ------------------------------------------------------------------------------

    def history(self, doc_id: str) -> list[VersionInfo]:
        """The versions of a document (version, date, author, note, commit), newest first."""
        return self._versioning.versions(self.path_of(doc_id))

    def text_at(self, doc_id: str, version: int) -> str:
        """The text of one version of a document."""
        return self._versioning.text_at(self.path_of(doc_id), version)

    def text_of(self, doc_id: str, version: int) -> str:
        """The text of one version: the working file when it holds that version as published
        (not edited since), else the version read from history."""
        try:
            working = self._source.document(doc_id)
            if working.version == version and not self._versioning.unpublished(
                {working.path: (working.mtime_ns, working.size)}
            ):
                return (self.root / working.path).read_text("utf-8")
        except DocumentNotFound:
            pass
        return self._versioning.text_at(self.path_of(doc_id), version)

    def diff(self, doc_id: str, old: int, new: int) -> TextDiff:
        """Compare two versions (inline, side-by-side, unified text)."""
        return self._versioning.diff(self.path_of(doc_id), old, new)

    @staticmethod
    def versions_to_compare(versions: Sequence[VersionInfo], selected: Sequence[int]
                            ) -> tuple[int, int] | None:
        """The two versions "compare" shows for the ``selected`` ones (one selected: it and
        the version before it); None when there is nothing to compare."""
        return rules.versions_to_compare(versions, selected)

    def what_changed(self, doc_id: str) -> TextDiff | None:
        """Diff from the version last opened here to the one in force (None if unchanged)."""
        doc = self.document_in_force(doc_id)
        seen = self._seen.last_seen(doc.id) if doc is not None else None
        if doc is None or seen is None or seen >= doc.version:
            return None
        path = self.path_of(doc_id)
        try:
            current = self.text_of(doc_id, doc.version)
            old = self._versioning.text_at(path, seen)
        except DocumentNotFound:  # the version seen is not in this library's history
            return None
        return diff_texts(old, current, old_label=f"v{seen}", new_label=f"v{doc.version}")

    # -- effective dates and in force ---------------------------------------------------------

    def effective_date(self, doc_id: str, version: int) -> dt.date:
        """The day a published version comes into force (its date, else its publish day)."""
        return starts(self._versioning.find(self.path_of(doc_id), version))

    def updated_on(self, doc: Document) -> dt.date | None:
        """The date a document shows as "updated": the day its version came into force, from
        the version history (effective date, else publish day). None when the version has no
        history (a plain folder in a checkout, an unpublished edit): a file's modification
        time is never a document's date (copying a library changes it)."""
        try:
            return self.effective_date(doc.id, doc.version)
        except KbError:
            return None

    def document_in_force(self, doc_id: str, as_of: dt.date | None = None) -> Document | None:
        """The version of a document agents see on ``as_of`` (default today; None if none
        was in force)."""
        path = self.path_of(doc_id)
        history = self._versioning.history()
        if history is not None:
            history.refresh()
        try:
            working: Document | None = self._source.document(doc_id)
        except DocumentNotFound:
            working = None
        if history is None:
            return working
        doc, _ = self._resolver.choose(path, working, as_of or self._resolver.today())
        return doc

    def in_force_on(self, as_of: dt.date | None = None) -> dict[str, Document]:
        """The documents agents see on ``as_of`` (default today), by id (a cached snapshot):
        pending versions are replaced by the older version in force, read from git history."""
        return self._resolver.resolve(self._source.working_documents(), as_of)

    def in_force_now(self) -> Mapping[str, Document] | None:
        """The documents agents see today, by id, from the last resolution while it still
        holds (same day, same working files, no newer history); None when it does not. Takes
        no lock and reads no disk: the UI thread's route (see
        :meth:`EffectiveResolver.today_snapshot`)."""
        return self._resolver.today_snapshot(self._source.working_documents())

    def document_in_force_now(self, doc_id: str) -> Document | None:
        """The version of a document agents see today from the last resolution, while that
        holds for this document (its working file unchanged, same day, no newer history); None
        when it does not (then ask :meth:`document_in_force`). No lock, no disk."""
        return self._resolver.today_document(doc_id, self._source.working_documents())

    def pending_versions(self) -> list[Pending]:
        """Published versions waiting for their effective date."""
        return self._resolver.pending(self._source.working_documents())

    def stale_documents(self, today: dt.date | None = None) -> list[Document]:
        """Published documents past their ``review_by`` date."""
        day = today or self._resolver.today()
        return [
            doc
            for doc in self._source.working_documents().values()
            if doc.review_by is not None
            and doc.review_by < day
            and doc.status is not Status.RETIRED
        ]


__all__ = ["SeenVersions", "Versions"]
