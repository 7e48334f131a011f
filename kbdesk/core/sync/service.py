"""``kb.sync.sync``: the library's sync with its shared library, as one service.

It pulls and pushes (``Syncer``), re-indexes what a pull changed, exchanges the team's records
afterwards, sends new versions at once after a publish, and answers what is not published
and when the library last synced. It receives what it needs as narrow protocols (a source of
library files and a re-index, the team's record exchange), never the ``KnowledgeBase``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kbdesk.core.errors import DocumentNotFound, KbError, SyncError
from kbdesk.core.storage.drafts import Draft, DraftStore
from kbdesk.core.workflow.versioning import Versioning
from kbdesk.core.workstation.credentials import redact

if TYPE_CHECKING:  # git's transports (dulwich) load with the first sync, not with the library
    from kbdesk.core.sync.sync import Conflict, SyncResult

log = logging.getLogger(__name__)

#: the origin of a draft that holds the editor's side of a sync conflict
CONFLICT_ORIGIN = "sync-conflict"


class SyncSource(Protocol):
    """What the sync service reads of its library."""

    @property
    def root(self) -> Path:
        """The library folder."""
        ...

    def library_files(self) -> Iterable[tuple[str, Path]]:
        """Every file of the library: ``(library path, full path)``."""
        ...

    def reindex(self) -> object:
        """Re-read the library and bring the search index up to date."""
        ...


class SharedLibraries(Protocol):
    """Creating and checking shared libraries (``kbdesk.core.team.remote`` is one)."""

    def check_remote(self, url: str) -> None:
        """Raise when ``url`` holds no shared library or could be read as an option."""
        ...

    def init_remote(self, library_root: Path, target: Path | str, *, when: int,
                    author: str | None = None) -> Path:
        """Make ``target`` a new bare shared library holding this library's history (the
        library's first version, when it has none yet, is dated ``when``)."""
        ...


class RecordExchange(Protocol):
    """The team's records, exchanged with the shared library after each sync."""

    def sync(self, url: str) -> int:
        """Send and fetch the records; return how many were exchanged."""
        ...


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


def conflict_from_drafts(root: Path, doc_id: str, drafts: Sequence[Draft]) -> Conflict:
    """The conflict a document's drafts hold (reopened after a restart): mine is the sync
    conflict's draft (else the newest draft), theirs the library's file as it is now.

    Raises:
        DocumentNotFound: the document has no draft to resolve.
    """
    draft = next((d for d in drafts if d.origin == CONFLICT_ORIGIN), None)
    draft = draft or (drafts[0] if drafts else None)
    if draft is None:
        raise DocumentNotFound(f"there is no draft of {doc_id} to resolve")
    full = root / draft.path
    theirs = full.read_text("utf-8") if full.is_file() else None
    from kbdesk.core.sync.sync import Conflict

    return Conflict(draft.doc_id, draft.path, None, theirs, draft.text, draft.name)


class SyncService:
    """Sync with the shared library (see the module docstring).

    Args:
        source: the library's files and its re-index.
        versioning: the library's versions (its lock serialises sync with publishing).
        drafts: the editors' drafts (a conflict is kept as one).
        team: the team's records (called after each sync).
        remotes: checks and creates shared libraries.
    """

    def __init__(self, source: SyncSource, versioning: Versioning, drafts: DraftStore,
                 team: RecordExchange, remotes: SharedLibraries) -> None:
        self._source = source
        self.root = source.root
        self._versioning = versioning
        self._drafts = drafts
        self._team = team
        self._remotes = remotes

    def sync(self, remote_url: str | None = None, author: str | None = None) -> SyncResult:
        """Pull from and push to the library's remote (raises RemoteUnreachable offline); then
        re-index what changed and exchange the team's records."""
        url = remote_url or self.remote_url()
        if url:
            self._remotes.check_remote(url)
        from kbdesk.core.sync.sync import Syncer

        result = Syncer(self._versioning, self._drafts, author).sync(remote_url)
        if result.pulled_paths:
            self._source.reindex()
        # the library's remote, now kept without any user:password@ the URL was typed with
        self.sync_team(self.remote_url() or "")
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
        for rel_path, full in self._source.library_files():  # what is on disk now
            if rel_path.endswith(".md"):
                try:
                    info = full.stat()
                except OSError:
                    continue
                files[rel_path] = (info.st_mtime_ns, info.st_size)
        changes = self._versioning.unpublished(files)
        return {path: change.value for path, change in changes.items()}

    def remote_url(self) -> str | None:
        """The shared library this one syncs with (None when it has no remote)."""
        repo = self._versioning.repo()
        return repo.remote_url() if repo is not None else None

    def sync_state(self) -> dict[str, str]:
        """When the library last synced, and how (``last_synced``, ``last_status``,
        ``last_error``, ``refused``)."""
        from kbdesk.core.sync.sync import sync_state

        return sync_state(self.root)

    def sync_team(self, url: str) -> int:
        """Exchange the team's records with the shared library; a failure is only logged (the
        records stay queued for the next sync)."""
        url = url or self.remote_url() or ""
        if not url:
            return 0
        from dulwich.errors import SendPackError

        from kbdesk.core.sync.sync import _TRANSPORT_ERRORS as TRANSPORT_ERRORS

        try:
            return self._team.sync(url)
        except (*TRANSPORT_ERRORS, SendPackError, KbError) as exc:  # the records wait
            log.warning("team records not exchanged with %s: %s", redact(url), redact(str(exc)))
            return 0

    def init_remote(self, path: Path | str, author: str | None = None) -> Path:
        """Make ``path`` a new bare shared library holding this library; sync with it."""
        with self._versioning.lock:
            when = int(self._versioning.clock.now().timestamp())  # the library's clock
            folder = self._remotes.init_remote(self.root, path, when=when, author=author)
        self._versioning.close()  # reopen: the repository's config changed
        self.sync_team(str(folder.resolve()))
        return folder

    def conflict_from_draft(self, doc_id: str) -> Conflict:
        """The sync conflict a document's drafts hold, to resolve again after a restart.

        Raises:
            DocumentNotFound: the document has no draft.
        """
        return conflict_from_drafts(self.root, doc_id, self._drafts.drafts_of(doc_id))
