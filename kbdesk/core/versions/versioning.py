"""Publishing documents as numbered versions, and reading, comparing and restoring old ones.

Publishing validates the new text, sets ``version`` to the previous version + 1 (editing only
the ``version:`` line of the front matter), writes the file atomically, commits it with the
change note and ``Kbdesk-*`` trailers, and re-indexes. When the commit fails the file is put
back as it was, so the folder, the repository and the index always agree. History is never
rewritten: a rollback and a retirement are new versions.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kbdesk.core.errors import DocumentNotFound, KbError, PublishError
from kbdesk.core.library.model import Status
from kbdesk.core.library.parse import build_document
from kbdesk.core.versions.diff import TextDiff, diff_texts
from kbdesk.core.versions.history import MOVED_TRAILER, History, VersionInfo, front_fields
from kbdesk.core.versions.repo import LibraryRepo, RepoError

log = logging.getLogger(__name__)

_FIELD_LINE = r"^{name}[ \t]*:[^\n#]*?([ \t]+#[^\n]*)?$"


@dataclass(frozen=True)
class PublishResult:
    """What one publish did."""

    doc_id: str
    path: str
    version: int
    commit: str
    reindexed: bool


def _front_bounds(lines: list[str]) -> int:
    """Return the index of the closing ``---`` line of the front matter."""
    if not lines or lines[0].lstrip("\ufeff").rstrip() != "---":
        raise PublishError("the document has no front matter: it must start with a '---' line")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return index
    raise PublishError("the front matter is not closed: add a '---' line after the fields")


def set_field(text: str, name: str, value: str) -> str:
    """Set a top-level front-matter field, keeping every other line as written.

    The field's line is replaced (a trailing ``# comment`` is kept) or, when missing, inserted
    just before the closing ``---``.
    """
    lines = text.split("\n")
    end = _front_bounds(lines)
    pattern = re.compile(_FIELD_LINE.format(name=re.escape(name)))
    for index in range(1, end):
        match = pattern.match(lines[index])
        if match:
            lines[index] = f"{name}: {value}{match.group(1) or ''}"
            return "\n".join(lines)
    lines.insert(end, f"{name}: {value}")
    return "\n".join(lines)


def set_version(text: str, version: int) -> str:
    """Set the ``version:`` line of a document's front matter."""
    return set_field(text, "version", str(version))


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
    """

    def __init__(self, root: Path, reindex: Callable[[], object] | None = None) -> None:
        self.root = Path(root).expanduser().resolve()
        self.reindex = reindex
        self._lock = threading.RLock()
        self._repo: LibraryRepo | None = None
        self._history: History | None = None

    @property
    def lock(self) -> threading.RLock:
        """The lock serialising writes to the library (publish, sync)."""
        return self._lock

    # -- repository ---------------------------------------------------------------------------

    def repo(self, *, create: bool = False, author: str | None = None) -> LibraryRepo | None:
        """The library's repository; with ``create``, initialise the folder when needed."""
        with self._lock:
            if self._repo is None:
                if LibraryRepo.is_repo(self.root):
                    self._repo = LibraryRepo(self.root)
                elif create:
                    self._repo = LibraryRepo.init(self.root, author=author)
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
            self._repo, self._history = None, None

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
        build_document(path, text)  # errors name the user's own lines
        with self._lock:
            created = self._repo is None and not LibraryRepo.is_repo(self.root)
            repo = self.repo(create=True, author=author)
            assert repo is not None
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
                and set_version(previous, version) == new_text
            ):
                raise PublishError(f"{path}: nothing changed since version {prev_version}")
            message = (
                f"{note}\n\nKbdesk-Doc: {doc.id}\nKbdesk-Version: {version}\n"
                f"Kbdesk-Action: {action}\n"
            )
            if moved_from is not None:
                message += f"{MOVED_TRAILER}: {moved_from}\n"
            full = self.root / path
            old_bytes = full.read_bytes() if full.is_file() else None
            data = new_text.encode("utf-8")
            changes: dict[str, bytes | None] = {path: data}
            source_bytes = None
            if moved_from is not None:
                changes[moved_from] = None
                source = self.root / moved_from
                source_bytes = source.read_bytes() if source.is_file() else None
            repo.write_working_file(path, data)
            try:
                if moved_from is not None:
                    repo.write_working_file(moved_from, None)
                commit = repo.commit(changes, message, author=author)
            except (RepoError, OSError) as exc:
                repo.write_working_file(path, old_bytes)
                if moved_from is not None:
                    repo.write_working_file(moved_from, source_bytes)
                raise PublishError(
                    f"{path}: could not be published, nothing changed: {exc}"
                ) from exc
            log.info("published %s v%d (%s)", path, version, commit[:10])
        return PublishResult(doc.id, path, version, commit, self._reindex())

    def _reindex(self) -> bool:
        if self.reindex is None:
            return False
        try:
            self.reindex()
        except KbError as exc:
            log.warning("published, but the search index could not be updated: %s", exc)
            return False
        return True

    def move(
        self, path: str, new_path: str, note: str | None, *, author: str | None = None
    ) -> PublishResult:
        """Rename or move a document (a new version at ``new_path``; history follows it)."""
        new_path = library_path(new_path)
        full = self.root / path
        if not full.is_file():
            raise DocumentNotFound(f"{path}: no such document")
        return self.publish(
            new_path,
            full.read_text("utf-8"),
            note,
            author=author,
            action="move",
            moved_from=path,
        )

    def rollback(
        self, path: str, version: int, note: str | None = None, *, author: str | None = None
    ) -> PublishResult:
        """Publish the text of an old version again, as a new version."""
        text = self.text_at(path, version)
        extra = (note or "").strip()
        message = f"回復至 v{version}" + (f"：{extra}" if extra else "")
        return self.publish(path, text, message, author=author, action="rollback")

    def retire(self, path: str, note: str | None, *, author: str | None = None) -> PublishResult:
        """Publish the document with ``status: retired``."""
        note = change_note(note)
        full = self.root / path
        if not full.is_file():
            raise DocumentNotFound(f"{path}: no such document")
        text = full.read_text("utf-8")
        retired = set_field(text, "status", Status.RETIRED.value)
        return self.publish(path, retired, note, author=author, action="retire")
