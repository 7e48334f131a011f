"""Publishing documents as numbered versions, and reading, comparing and restoring old ones.

Publishing validates the new text, sets ``version`` to the previous version + 1 (editing only
the ``version:`` line of the front matter), writes the file atomically, commits it with the
change note and ``Kbdesk-*`` trailers, and re-indexes. When the commit fails the file is put
back as it was, so the folder, the repository and the index always agree. History is never
rewritten: a rollback and a retirement are new versions.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from kbdesk.core.clock import Clock, parse_iso_date
from kbdesk.core.errors import DocumentError, DocumentNotFound, KbError, PublishError, UnsafePath
from kbdesk.core.library import frontmatter
from kbdesk.core.library.frontmatter import FieldValue, front_fields
from kbdesk.core.library.model import Status
from kbdesk.core.library.parse import build_document
from kbdesk.core.library.safepaths import is_inside
from kbdesk.core.storage.diff import TextDiff, diff_texts
from kbdesk.core.storage.drafts import Draft, DraftStore
from kbdesk.core.storage.history import MOVED_TRAILER, History, VersionInfo
from kbdesk.core.storage.repo import LibraryRepo, RepoError
from kbdesk.core.storage.worktree import Change, WorkingTree

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class PublishResult:
    """What one publish did."""

    doc_id: str
    path: str
    version: int
    commit: str
    reindexed: bool
    #: drafts made of unpublished edits of the working file(s) before they were overwritten
    kept_drafts: tuple[str, ...] = ()
    #: what went wrong after the commit was made (it is published regardless)
    warnings: tuple[str, ...] = ()
    #: an ``effective:`` date already past that the text carried (from an earlier version) and
    #: that was dropped: the new version is in force from the day it was published
    dropped_effective: dt.date | None = None


@dataclass(frozen=True)
class FileResult:
    """What publishing a library file that is not a document (``library.yaml``) did."""

    path: str
    commit: str
    reindexed: bool
    #: the text published
    text: str


def set_field(text: str, name: str, value: FieldValue) -> str:
    """Set a top-level front-matter field, keeping every other line as written.

    Raises:
        PublishError: the text has no readable front matter.
    """
    try:
        return frontmatter.set_field(text, name, value)
    except DocumentError as exc:
        raise PublishError(exc.problem.message) from None


def set_version(text: str, version: int) -> str:
    """Set the ``version:`` line of a document's front matter."""
    return set_field(text, "version", version)


def not_before(text: str, today: dt.date) -> tuple[str, dt.date | None]:
    """The rule: a new version never comes into force before the day it is published.

    An ``effective:`` date earlier than ``today`` (left from the version it was edited from,
    or restored with an old version's text) is dropped, so the new version is in force from
    its publish day. Returns the text and the date dropped (None when nothing was).
    """
    day = parse_iso_date(front_fields(text).get("effective"))
    if day is None or day >= today:
        return text, None
    return set_field(text, "effective", None), day


def _without_version_and_date(text: str) -> str | None:
    """``text`` without its ``version:`` and ``effective:`` (None when it cannot be read)."""
    try:
        return frontmatter.set_fields(text, {"version": None, "effective": None})
    except DocumentError:
        return None


def _same_text(previous: str, version: int, new_text: str) -> bool:
    """Whether ``previous`` with ``version`` is ``new_text`` (False when it cannot be read)."""
    try:
        return set_version(previous, version) == new_text
    except PublishError:
        return False


def library_path(path: str) -> str:
    """Return ``path`` as a clean library path, or raise when it would leave the library."""
    clean = path.replace("\\", "/").strip()
    parts = clean.split("/")
    if (
        not clean.endswith(".md")
        or clean.startswith("/")
        or (len(parts[0]) == 2 and parts[0][1] == ":")
        or any(part in ("", ".", "..") or part.startswith(".") for part in parts)
    ):
        raise PublishError(f"{path!r}: a document path inside the library, ending .md")
    return clean


def change_note(note: str | None) -> str:
    """Return the cleaned change note, or raise naming the missing field."""
    cleaned = (note or "").strip()
    if not cleaned:
        raise PublishError("field 'note' (change note) is required: say what changed and why")
    return cleaned


class Versioning:
    """Versions of the documents of one library folder.

    Safe to call from a worker thread; one lock serialises writes.

    Args:
        root: the library folder (made a git repository on first publish when it is not one).
        reindex: called after each publish to bring the search index up to date.
        clock: the library's clock (what "today" is for the rule that a new version is never
            in force before it; when a version or a sync is committed).
    """

    def __init__(
        self,
        root: Path,
        reindex: Callable[[], object] | None = None,
        drafts: DraftStore | None = None,
        *,
        clock: Clock,
    ) -> None:
        self.root = Path(root).expanduser().resolve()
        self.reindex = reindex
        self.drafts = drafts
        self._lock = threading.RLock()
        self._repo: LibraryRepo | None = None
        self._history: History | None = None
        self._tree: WorkingTree | None = None
        #: what "today" is for the rule that a new version is never in force before it
        self.clock: Clock = clock

    @property
    def lock(self) -> threading.RLock:
        """The lock serialising writes to the library (publish, sync)."""
        return self._lock

    # -- repository ---------------------------------------------------------------------------

    def stamp(self) -> int:
        """Now by the library's clock, as a commit time (seconds since the epoch)."""
        return int(self.clock.now().timestamp())

    def repo(self, *, create: bool = False, author: str | None = None) -> LibraryRepo | None:
        """The library's repository; with ``create``, initialise the folder when needed."""
        with self._lock:
            if self._repo is None:
                if LibraryRepo.is_repo(self.root):
                    self._repo = LibraryRepo(self.root)
                elif create:
                    self._repo = LibraryRepo.init(self.root, author=author,
                                                  when=self.stamp())
            return self._repo

    def history(self) -> History | None:
        """The library's history (None when the folder is not a git repository)."""
        with self._lock:
            repo = self.repo()
            if repo is None:
                return None
            if self._history is None:
                self._history = History(repo)
            return self._history

    def close(self) -> None:
        """Release the repository."""
        with self._lock:
            if self._repo is not None:
                self._repo.close()
            self._repo, self._history, self._tree = None, None, None

    def unpublished(self, files: Mapping[str, tuple[int, int]]) -> dict[str, Change]:
        """The files among ``files`` (path → (mtime in ns, size)) that differ from HEAD."""
        repo = self.repo()
        if repo is None:
            return {}
        with self._lock:
            if self._tree is None or self._tree.repo is not repo:
                self._tree = WorkingTree(repo)
            tree = self._tree
        return tree.changes(files)

    # -- reading ------------------------------------------------------------------------------

    def versions(self, path: str, *, refresh: bool = True) -> list[VersionInfo]:
        """The versions of the document at ``path``, newest first ([] without a repository).

        Args:
            refresh: read new commits first (pass False when the caller just refreshed).
        """
        history = self.history()
        return history.versions(path, refresh=refresh) if history is not None else []

    def find(self, path: str, version: int) -> VersionInfo:
        """Return the (winning) entry of one version of a document."""
        for info in self.versions(path):
            if info.version == version and not info.superseded:
                return info
        for info in self.versions(path):
            if info.version == version:
                return info
        raise DocumentNotFound(f"{path}: there is no version {version}")

    def text_at(self, path: str, version: int) -> str:
        """Return the text of one version of a document."""
        info = self.find(path, version)
        repo = self.repo()
        assert repo is not None
        text = repo.read_text(info.commit, info.path)
        if text is None:  # pragma: no cover - history and repository disagree
            raise DocumentNotFound(f"{path}: version {version} cannot be read")
        return text

    def current_version(self, path: str) -> int | None:
        """The version number of the last published text of a document (None if never)."""
        repo = self.repo()
        if repo is None:
            return None
        text = repo.read_text(repo.head(), path)
        if text is None:
            return None
        try:
            return int(front_fields(text).get("version", "1"))
        except ValueError:
            return None

    def diff(self, path: str, old: int, new: int) -> TextDiff:
        """Compare two versions of a document."""
        return diff_texts(
            self.text_at(path, old),
            self.text_at(path, new),
            old_label=f"{path} v{old}",
            new_label=f"{path} v{new}",
        )

    # -- writing ------------------------------------------------------------------------------

    def publish(
        self,
        path: str,
        text: str,
        note: str | None,
        *,
        author: str | None = None,
        action: str = "publish",
        moved_from: str | None = None,
    ) -> PublishResult:
        """Publish ``text`` as the next version of the document at ``path``.

        Args:
            moved_from: the document's old path, for a rename or move: the old file is removed
                in the same commit and history follows the document to its new path.

        Raises:
            PublishError: no change note, nothing changed, or the commit failed (the file is
                then restored as it was).
            DocumentError: the text is not a valid document (naming file and line).
        """
        note = change_note(note)
        path = library_path(path)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text, dropped = not_before(text, self.clock.today())
        build_document(path, text)  # errors name the user's own lines
        with self._lock:
            created = self._repo is None and not LibraryRepo.is_repo(self.root)
            repo = self.repo(create=True, author=author)
            assert repo is not None
            with repo.writing():  # the library's own lock: one commit at a time, any process
                result = self._publish(repo, created, path, text, note, author, action, moved_from)
        return replace(result, reindexed=self._reindex(), dropped_effective=dropped)

    def _publish(
        self,
        repo: LibraryRepo,
        created: bool,
        path: str,
        text: str,
        note: str,
        author: str | None,
        action: str,
        moved_from: str | None,
    ) -> PublishResult:
        """The publish itself, under the library's own lock (re-indexing comes after)."""
        head = repo.head()
        if moved_from is not None and (self.root / path).exists():
            raise PublishError(f"{path}: a file with this name already exists")
        previous = repo.read_text(head, moved_from or path)
        prev_version = None
        if previous is not None:
            try:
                prev_version = int(front_fields(previous).get("version", "1"))
            except ValueError:
                prev_version = None
        written = front_fields(text).get("version")
        version = (
            (prev_version + 1)
            if prev_version is not None
            else int(written if written and written.isdigit() else 1)
        )
        new_text = set_version(text, version)
        doc = build_document(path, new_text)
        if (
            not created
            and moved_from is None
            and previous is not None
            and _same_text(previous, version, new_text)
        ):
            raise PublishError(f"{path}: nothing changed since version {prev_version}")
        message = (
            f"{note}\n\nKbdesk-Doc: {doc.id}\nKbdesk-Version: {version}\n"
            f"Kbdesk-Action: {action}\n"
        )
        if moved_from is not None:
            message += f"{MOVED_TRAILER}: {moved_from}\n"
        data = new_text.encode("utf-8")
        changes: dict[str, bytes | None] = {path: data}
        if moved_from is not None:
            changes[moved_from] = None
        try:
            old_bytes = self._read_working(path)
            source_bytes = self._read_working(moved_from) if moved_from else None
            kept = [self._keep_unpublished(repo, head, path, new_text, version)]
            if moved_from is not None:
                kept.append(self._keep_unpublished(repo, head, moved_from, None, version))
            repo.write_working_file(path, data)
        except UnsafePath as exc:
            raise PublishError(f"{path}: refused: {exc}") from exc
        try:
            if moved_from is not None:
                repo.write_working_file(moved_from, None)
            commit = repo.commit(changes, message, author=author, when=self.stamp())
        except (RepoError, OSError) as exc:
            if repo.head() != head:  # the commit was made: say so, keep the new text
                commit = repo.head() or ""
                log.warning("published %s as %s, then: %s", path, commit[:10], exc)
            else:
                self._restore(repo, path, old_bytes, moved_from, source_bytes)
                raise PublishError(
                    f"{path}: could not be published, nothing changed: {_os_reason(exc)}"
                ) from exc
        log.info("published %s v%d (%s)", path, version, commit[:10])
        names = tuple(name for name in kept if name)
        return PublishResult(doc.id, path, version, commit, False, kept_drafts=names)

    def _read_working(self, path: str) -> bytes | None:
        full = self.root / path
        if not is_inside(self.root, path) or not full.is_file():
            return None
        return full.read_bytes()

    @staticmethod
    def _restore(
        repo: LibraryRepo,
        path: str,
        old_bytes: bytes | None,
        moved_from: str | None,
        source_bytes: bytes | None,
    ) -> None:
        try:
            repo.write_working_file(path, old_bytes)
            if moved_from is not None:
                repo.write_working_file(moved_from, source_bytes)
        except (OSError, KbError) as exc:  # pragma: no cover - the folder became unwritable
            log.error("%s could not be put back as it was: %s", path, exc)

    def _keep_unpublished(
        self, repo: LibraryRepo, head: str | None, path: str, incoming: str | None, version: int
    ) -> str:
        """Keep an unpublished edit of the working file as a draft before it is overwritten.

        Returns the draft's name ("" when there was nothing to keep).
        """
        current = self._read_working(path)
        if current is None or current == repo.read(head, path):
            return ""
        text = current.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
        if incoming is not None:
            mine = _without_version_and_date(text)
            if mine is not None and mine == _without_version_and_date(incoming):
                # the working file is what is being published (its version and effective date
                # are set by the publish: --effective, or a past date dropped)
                return ""
        if self.drafts is None:
            raise PublishError(
                f"{path} has edits that were never published; publish or undo them first"
            )
        base = self.current_version(path)
        draft = self.drafts.save(
            Draft(
                front_fields(text).get("id") or path[:-3],
                path,
                text,
                base_version=base,
                base_commit=head,
                origin="working-file",
            )
        )
        log.warning("%s had unpublished edits; kept as draft %s", path, draft.name)
        return draft.name

    def _reindex(self) -> bool:
        if self.reindex is None:
            return False
        try:
            self.reindex()
        except KbError as exc:
            log.warning("published, but the search index could not be updated: %s", exc)
            return False
        return True

    def publish_library_file(
        self, path: str, change: Callable[[str | None], str], note: str | None, *,
        author: str | None = None, action: str = "config",
    ) -> FileResult:
        """Publish a change of a library file that is not a document (``library.yaml``).

        ``change`` is given the file's published text (None when it was never published) and
        returns the new text; it runs under the library's write lock, so no other publish or
        sync comes between the read and the commit. The file is written atomically and
        committed with the change note and ``Kbdesk-File``/``Kbdesk-Action`` trailers (signed
        like every commit); when the commit fails the file is put back as it was. Then the
        library is re-indexed (re-read: its settings, such as synonyms, take effect).

        Raises:
            PublishError: no change note, unpublished edits of the file (they would be lost),
                nothing changed, or the commit failed.
            KbError: whatever ``change`` raises (nothing is written).
        """
        note = change_note(note)
        with self._lock:
            repo = self.repo(create=True, author=author)  # a new repository holds every file
            assert repo is not None
            with repo.writing():
                head = repo.head()
                published = repo.read(head, path)
                working = self._read_working(path)
                if working != published:
                    raise PublishError(
                        f"{path} has edits that were never published; publish or undo them "
                        "first (nothing was changed)"
                    )
                old = published.decode("utf-8") if published is not None else None
                new_text = change(old)
                if old is not None and new_text == old:
                    raise PublishError(f"{path}: nothing changed")
                message = f"{note}\n\nKbdesk-File: {path}\nKbdesk-Action: {action}\n"
                try:
                    repo.write_working_file(path, new_text.encode("utf-8"))
                except UnsafePath as exc:
                    raise PublishError(f"{path}: refused: {exc}") from exc
                try:
                    commit = repo.commit({path: new_text.encode("utf-8")}, message,
                                         author=author, when=self.stamp())
                except (RepoError, OSError) as exc:
                    if repo.head() == head:
                        self._restore(repo, path, working, None, None)
                        raise PublishError(
                            f"{path}: could not be published, nothing changed: "
                            f"{_os_reason(exc)}"
                        ) from exc
                    commit = repo.head() or ""
                    log.warning("published %s as %s, then: %s", path, commit[:10], exc)
        log.info("published %s (%s)", path, commit[:10])
        return FileResult(path, commit, self._reindex(), new_text)

    def move(
        self, path: str, new_path: str, note: str | None, *, author: str | None = None
    ) -> PublishResult:
        """Rename or move a document (a new version at ``new_path``; history follows it)."""
        new_path = library_path(new_path)
        return self.publish(
            new_path,
            self.published_text(path),
            note,
            author=author,
            action="move",
            moved_from=path,
        )

    def rollback(
        self, path: str, version: int, note: str | None = None, *, author: str | None = None
    ) -> PublishResult:
        """Publish the text of an old version again, as a new version.

        Raises:
            PublishError: no change note (checked before anything is read or written).
        """
        extra = change_note(note)
        text = self.text_at(path, version)
        message = f"回復至 v{version}：{extra}"
        return self.publish(path, text, message, author=author, action="rollback")

    def retire(self, path: str, note: str | None, *, author: str | None = None) -> PublishResult:
        """Publish the document with ``status: retired``."""
        note = change_note(note)
        text = self.published_text(path)
        retired = set_field(text, "status", Status.RETIRED.value)
        return self.publish(path, retired, note, author=author, action="retire")

    def published_text(self, path: str) -> str:
        """The text of the last published version of a document (never unpublished edits)."""
        repo = self.repo(create=True)
        text = repo.read_text(repo.head(), path) if repo is not None else None
        if text is None:
            if (self.root / path).is_file():
                raise PublishError(
                    f"{path}: never published; publish it first (nothing unreviewed is "
                    "retired, moved or rolled back)"
                )
            raise DocumentNotFound(f"{path}: no such document")
        return text


def _os_reason(exc: Exception) -> str:
    """The reason of a failed write, in words (a read-only repository said so)."""
    if isinstance(exc, PermissionError) or getattr(exc.__cause__, "errno", None) == 13:
        return f"the library's git folder is not writable ({exc})"
    return str(exc)
