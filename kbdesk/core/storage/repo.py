"""A library folder as a git repository, handled with dulwich (no git binary needed).

``LibraryRepo`` owns the low-level git work the versioning, history and sync modules build on:
initialising a folder with an initial commit of everything, committing a set of file changes
(building trees directly in the object store and moving the branch with a compare-and-swap),
reading a file as it was at a commit, and listing the commits that touched a path.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
import time
import weakref
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dulwich.errors import NotGitRepository
from dulwich.file import FileLocked
from dulwich.index import index_entry_from_stat
from dulwich.object_store import commit_tree_changes, iter_tree_contents
from dulwich.objects import Blob, Commit, ObjectID, ShaFile, Tree
from dulwich.refs import Ref
from dulwich.repo import Repo
from filelock import FileLock

from kbdesk.core.errors import LibraryBusy, RepoError
from kbdesk.core.library.safepaths import check_on_disk
from kbdesk.core.storage.keys import sign_for_library
from kbdesk.core.workstation.liblock import hold_file_lock
from kbdesk.core.workstation.storage import atomic_write_bytes

#: file maps (see LibraryRepo.blob_ids) kept, one per commit
_FILE_MAPS = 4
_GITLINK = 0o160000

log = logging.getLogger(__name__)

#: How long a commit waits for another process committing in the same library (seconds)
WRITE_TIMEOUT = 120.0
#: one lock object per library (the lock is re-entrant in one thread only through one object)
_write_locks: dict[str, FileLock] = {}
_write_locks_guard = threading.Lock()

HEAD = Ref(b"HEAD")
DEFAULT_BRANCH = Ref(b"refs/heads/main")
DEFAULT_AUTHOR = "kbdesk <kbdesk@localhost>"
FILE_MODE = 0o100644
DIR_MODE = 0o040000


@dataclass(frozen=True)
class CommitInfo:
    """One commit as the history views need it."""

    id: str
    author: str
    time: int
    tz: int
    message: str
    parents: tuple[str, ...]


def oid(value: str | bytes) -> ObjectID:
    """Return a hex object id (given as text or bytes) as dulwich's ``ObjectID``."""
    return ObjectID(value.encode("ascii") if isinstance(value, str) else value)


def author_line(author: str | None) -> str:
    """Return ``author`` as git's "Name <email>" (an empty email when none is given)."""
    text = (author or "").strip() or DEFAULT_AUTHOR
    if "<" in text and text.endswith(">"):
        return text
    return f"{text} <>"


def _info(commit: Commit) -> CommitInfo:
    return CommitInfo(
        id=commit.id.decode("ascii"),
        author=commit.author.decode("utf-8", "replace"),
        time=int(commit.commit_time),
        tz=int(commit.commit_timezone),
        message=commit.message.decode("utf-8", "replace"),
        parents=tuple(p.decode("ascii") for p in commit.parents),
    )


class LibraryRepo:
    """The git repository at the root of a library folder.

    Args:
        root: the library folder (it must already be a git repository; see ``init``).
    """

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root).expanduser().resolve()
        try:
            self.repo = Repo(str(self.root))
        except NotGitRepository:
            raise RepoError(f"{self.root}: not a git repository") from None
        #: held for every object read or write: dulwich pack files are not thread-safe; code
        #: that uses ``self.repo`` directly (history, sync) holds it too
        self.lock = threading.RLock()
        #: commit id -> {path: blob id} of its files, for the last few commits asked
        self._file_maps: dict[bytes, dict[str, ObjectID]] = {}
        # a forgotten repository must not leak open pack files; a finalizer (unlike __del__)
        # runs before dulwich's own pack finalizers even when a reference cycle is collected
        self._finalizer = weakref.finalize(self, self.repo.close)

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the library's own lock for a write: ``.git/kbdesk.lock``, an OS file lock.

        Every process that commits to the library (``publish``, ``sync``, any user, any data
        folder) takes it around reading HEAD and moving the branch, so two commits never race
        for git's ref and index lock files. The per-user ``library_lock`` cannot promise that:
        two users (or two data folders) have two of those. Re-entrant in one thread.

        Raises:
            LibraryBusy: another process held it for longer than ``WRITE_TIMEOUT``.
        """
        path = str(self.root / ".git" / "kbdesk.lock")
        with _write_locks_guard:
            lock = _write_locks.setdefault(path, FileLock(path))
        busy = (f"another kbdesk has been writing this library ({self.root}) for "
                f"{WRITE_TIMEOUT:.0f} s; try again when it is done")
        # a read-only .git: no lock, and the write itself will say so
        with self.lock, hold_file_lock(lock, WRITE_TIMEOUT, lambda: LibraryBusy(busy),
                                       f"no write lock for {self.root}", log):
            yield

    # -- opening ------------------------------------------------------------------------------

    @staticmethod
    def is_repo(root: Path | str) -> bool:
        """True when ``root`` holds a git repository of its own."""
        return (Path(root) / ".git").exists()

    @classmethod
    def init(
        cls, root: Path | str, *, when: int, author: str | None = None,
        message: str = "Initial library", leave_out: tuple[str, ...] = (),
    ) -> LibraryRepo:
        """Make ``root`` a git repository whose first commit holds every file in it.

        Args:
            when: the first commit's time (seconds since the epoch; now by the library's
                clock, or a chosen day).
            leave_out: library paths not committed (a file about to be published).
        """
        root = Path(root)
        if cls.is_repo(root):
            raise RepoError(f"{root}: already a git repository")
        Repo.init(str(root)).close()
        lib = cls(root)
        lib.repo.refs.set_symbolic_ref(HEAD, DEFAULT_BRANCH)
        files = [path for path in lib.working_files() if path not in leave_out]
        tree_id = lib._write_tree({path: (root / path).read_bytes() for path in files})
        lib.write_commit(
            tree_id, [], message, author=author, when=when, expected_head=None, paths=files
        )
        log.info("initialised %s as a git repository (%d files)", root, len(files))
        return lib

    def _write_tree(self, files: Mapping[str, bytes]) -> ObjectID:
        """Store ``files`` (relative path → content) as one tree, all objects in one pack."""
        objects: list[tuple[ShaFile, None]] = []
        folders: dict[str, Tree] = {"": Tree()}
        for rel_path, data in sorted(files.items()):
            blob = Blob.from_string(data)
            objects.append((blob, None))
            parent, _, name = rel_path.rpartition("/")
            parts = parent.split("/") if parent else []
            for depth in range(len(parts)):
                folders.setdefault("/".join(parts[: depth + 1]), Tree())
            folders[parent].add(name.encode("utf-8"), FILE_MODE, blob.id)
        for folder in sorted(folders, key=lambda f: f.count("/") if f else -1, reverse=True):
            tree = folders[folder]
            objects.append((tree, None))
            if folder:
                parent, _, name = folder.rpartition("/")
                folders[parent].add(name.encode("utf-8"), DIR_MODE, tree.id)
        with self.lock:
            self.repo.object_store.add_objects(objects)
        return folders[""].id

    @classmethod
    def ensure(cls, root: Path | str, *, when: int, author: str | None = None
               ) -> LibraryRepo:
        """Open the repository at ``root``, initialising it first (at ``when``) when it has
        none."""
        if cls.is_repo(root):
            return cls(root)
        return cls.init(root, author=author, when=when)

    def close(self) -> None:
        """Release the repository's open files (pack files stay open until then)."""
        self._finalizer()

    def __enter__(self) -> LibraryRepo:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def working_files(self) -> Iterator[str]:
        """Yield the relative paths of every file of the working tree (dot-names skipped)."""
        for dirpath, dirnames, filenames in os.walk(self.root):
            # os.walk does not enter linked folders; linked files are skipped here: nothing a
            # link points to (maybe outside the library) is ever committed
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            base = Path(dirpath).relative_to(self.root).as_posix()
            for name in sorted(filenames):
                if name.startswith(".") or name.endswith((".tmp", ".kbdesk-tmp")):
                    continue
                if os.path.islink(os.path.join(dirpath, name)):
                    continue
                yield name if base == "." else f"{base}/{name}"

    # -- refs ---------------------------------------------------------------------------------

    @property
    def branch(self) -> Ref:
        """The ref HEAD points to, such as ``refs/heads/main``."""
        chain, _ = self.repo.refs.follow(HEAD)
        return chain[-1] if len(chain) > 1 else DEFAULT_BRANCH

    def head(self) -> str | None:
        """The commit id of HEAD, or None in a repository without commits."""
        _, sha = self.repo.refs.follow(HEAD)
        return sha.decode("ascii") if sha else None

    def get_commit(self, commit_id: str) -> CommitInfo:
        """Return one commit by id."""
        obj = self._get(oid(commit_id))
        if not isinstance(obj, Commit):
            raise RepoError(f"{commit_id} is not a commit")
        return _info(obj)

    # -- reading ------------------------------------------------------------------------------

    def _get(self, sha: ObjectID) -> ShaFile:
        with self.lock:
            return self.repo[sha]

    def tree_of(self, commit_id: str | bytes) -> ObjectID:
        """Return the root tree id of a commit."""
        commit = self._get(oid(commit_id))
        assert isinstance(commit, Commit)
        return commit.tree

    def blob_id(self, commit_id: str | bytes | None, path: str) -> ObjectID | None:
        """Return the blob id of ``path`` at a commit (None when it has no such file)."""
        if commit_id is None:
            return None
        tree = self._get(self.tree_of(commit_id))
        for part in path.encode("utf-8").split(b"/"):
            if not isinstance(tree, Tree) or part not in tree:
                return None
            _, sha = tree[part]
            tree = self._get(sha)
        return tree.id if isinstance(tree, Blob) else None

    def blob_ids(self, commit_id: str | bytes | None) -> Mapping[str, ObjectID]:
        """Return {path: blob id} of every file at a commit (what :meth:`blob_id` gives each).

        One walk of the commit's trees instead of a walk from the root for every path: checking
        5,000 files against HEAD read the commit and its trees 5,000 times. The maps of the
        last few commits asked are kept (a commit never changes).
        """
        if commit_id is None:
            return {}
        key = oid(commit_id)
        with self.lock:  # the object reads, and the cache shared by threads
            found = self._file_maps.get(key)
            if found is not None:
                return found
            files: dict[str, ObjectID] = {}
            for entry in iter_tree_contents(self.repo.object_store, self.tree_of(key)):
                if entry.path is None or entry.mode is None or entry.sha is None:
                    continue
                if stat.S_ISDIR(entry.mode) or stat.S_IFMT(entry.mode) == _GITLINK:
                    continue  # a submodule is no blob
                try:
                    files[entry.path.decode("utf-8")] = entry.sha
                except UnicodeDecodeError:
                    continue  # no str path names it
            if len(self._file_maps) >= _FILE_MAPS:
                self._file_maps.pop(next(iter(self._file_maps)))
            self._file_maps[key] = files
            return files

    def read(self, commit_id: str | bytes | None, path: str) -> bytes | None:
        """Return the content of ``path`` at a commit (None when it has no such file)."""
        sha = self.blob_id(commit_id, path)
        if sha is None:
            return None
        blob = self._get(sha)
        assert isinstance(blob, Blob)
        return blob.data

    def read_text(self, commit_id: str | bytes | None, path: str) -> str | None:
        """Return ``path`` at a commit as text (None when it has no such file)."""
        data = self.read(commit_id, path)
        return None if data is None else data.decode("utf-8", "replace")

    def walk(self, path: str | None = None, *, max_entries: int | None = None) -> list[CommitInfo]:
        """The commits reachable from HEAD, newest first; only those touching ``path``."""
        head = self.head()
        if head is None:
            return []
        paths = [path.encode("utf-8")] if path else None
        with self.lock:
            walker = self.repo.get_walker(include=[oid(head)], paths=paths, max_entries=max_entries)
            return [_info(entry.commit) for entry in walker]

    # -- writing ------------------------------------------------------------------------------

    def commit(
        self,
        changes: Mapping[str, bytes | None],
        message: str,
        *,
        author: str | None = None,
        when: int,
        allow_empty: bool = False,
    ) -> str:
        """Commit file changes on top of HEAD and move the branch; return the new commit id.

        Args:
            changes: relative path → new content (None deletes the file). The working files
                are not touched; the git index entries of these paths are refreshed.
            when: commit time (seconds since the epoch: now by the library's clock).

        Raises:
            RepoError: when the branch moved meanwhile or the commit cannot be written.
        """
        with self.writing():
            store = self.repo.object_store
            old_head = self.head()
            parent_ids = [old_head] if old_head else []
            base_tree = self.tree_of(parent_ids[0]) if parent_ids else None
            blobs: list[tuple[bytes, int | None, ObjectID | None]] = []
            for rel_path, data in sorted(changes.items()):
                if data is None:
                    blobs.append((rel_path.encode("utf-8"), None, None))
                    continue
                blob = Blob.from_string(data)
                store.add_object(blob)
                blobs.append((rel_path.encode("utf-8"), FILE_MODE, blob.id))
            if base_tree is None:
                empty = Tree()
                store.add_object(empty)
                base_tree = empty.id
            tree_id = commit_tree_changes(store, base_tree, blobs) if blobs else base_tree
            if (
                not allow_empty
                and parent_ids
                and tree_id == self.tree_of(parent_ids[0])
                and len(parent_ids) == 1
            ):
                raise RepoError("nothing to commit: the content is the same as the last version")
            return self.write_commit(
                tree_id,
                parent_ids,
                message,
                author=author,
                when=when,
                expected_head=old_head,
                paths=list(changes),
            )

    def write_commit(
        self,
        tree_id: ObjectID,
        parents: list[str],
        message: str,
        *,
        author: str | None,
        when: int,
        expected_head: str | None,
        paths: list[str],
    ) -> str:
        """Write a commit object for ``tree_id`` and move the branch to it (compare-and-swap)."""
        with self.writing():
            commit = Commit()
            commit.tree = tree_id
            commit.parents = [oid(p) for p in parents]
            line = author_line(author).encode("utf-8")
            commit.author = commit.committer = line
            stamp = int(when)
            commit.author_time = commit.commit_time = stamp
            offset = -time.timezone if time.localtime(stamp).tm_isdst <= 0 else -time.altzone
            commit.author_timezone = commit.commit_timezone = offset
            commit.encoding = b"UTF-8"
            commit.message = message.encode("utf-8")
            # signed with this person's editor key; refused where the library requires it and
            # there is none (see storage/keys.py)
            sign_for_library(self.repo.object_store, commit)
            self.repo.object_store.add_object(commit)
            old = oid(expected_head) if expected_head else None
            self.clear_stale_locks()
            if not self.repo.refs.set_if_equals(self.branch, old, commit.id):
                raise RepoError(
                    "the library changed while saving (another publish or sync); try again"
                )
            # the commit is made: the git index only speeds up finding changed files, so
            # failing to refresh it must not report the commit as failed
            try:
                self.refresh_index(paths)
            except (OSError, FileLocked) as exc:
                log.warning("committed %s, but git's index could not be updated: %s",
                            commit.id.decode("ascii")[:10], exc)
            return commit.id.decode("ascii")

    def clear_stale_locks(self, wait: float = 1.0) -> list[str]:
        """Remove git lock files left by a process that died (``kill -9``) mid-write.

        Call only while holding the library's inter-process lock: every kbdesk writer holds it,
        so a lock file that outlives ``wait`` seconds belongs to no living kbdesk (plain git
        holds its locks for milliseconds). Returns the lock files removed.
        """
        git = self.root / ".git"
        candidates = [git / "index.lock", git / "HEAD.lock", git / (self.branch.decode() + ".lock")]
        present = [c for c in candidates if c.exists()]
        deadline = time.monotonic() + wait
        while present and time.monotonic() < deadline:
            time.sleep(0.05)
            present = [c for c in present if c.exists()]
        removed = []
        for lock in present:
            try:
                lock.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise RepoError(
                    f"{lock} is left by a process that ended and cannot be removed ({exc})"
                ) from exc
            log.warning("removed %s, left by a process that ended mid-write", lock)
            removed.append(str(lock))
        return removed

    def refresh_index(self, paths: list[str]) -> None:
        """Make the git index entries of ``paths`` match HEAD and the working files."""
        with self.lock:
            head = self.head()
            index = self.repo.open_index()
            known: dict[bytes, ObjectID] | None = None
            if head is not None and len(paths) > 32:  # one walk of the tree beats many lookups
                known = {
                    entry.path: entry.sha
                    for entry in iter_tree_contents(self.repo.object_store, self.tree_of(head))
                    if entry.path is not None and entry.sha is not None
                }
            for rel_path in paths:
                key = rel_path.encode("utf-8")
                sha = known.get(key) if known is not None else self.blob_id(head, rel_path)
                full = self.root / rel_path
                if sha is None or not full.is_file():
                    if key in index:
                        del index[key]
                    continue
                index[key] = index_entry_from_stat(os.stat(full), sha, FILE_MODE)
            index.write()

    def write_working_file(self, rel_path: str, data: bytes | None) -> None:
        """Write (or delete, for None) one working file atomically.

        Every component of the path is checked first: nothing is written through a symbolic
        link, over a folder, or under a dangerous name (see ``safepaths``).

        Raises:
            UnsafePath: the path is refused; nothing was written.
        """
        check_on_disk(self.root, rel_path, writing_file=data is not None)
        full = self.root / rel_path
        if data is None:
            if full.is_file():
                full.unlink()
            return
        mode = stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH
        atomic_write_bytes(full, data, mode=mode)

    # -- remote -------------------------------------------------------------------------------

    def remote_url(self) -> str | None:
        """The URL of the ``origin`` remote, if one is configured."""
        try:
            value = self.repo.get_config().get((b"remote", b"origin"), b"url")
        except KeyError:
            return None
        return value.decode("utf-8") if value else None

    def set_remote_url(self, url: str | None) -> None:
        """Set the URL of the ``origin`` remote (and its fetch refspec); None removes it."""
        config = self.repo.get_config()
        if url is None:
            try:
                del config[(b"remote", b"origin")]
            except (KeyError, TypeError):
                pass
        else:
            config.set((b"remote", b"origin"), b"url", url.encode("utf-8"))
            config.set((b"remote", b"origin"), b"fetch", b"+refs/heads/*:refs/remotes/origin/*")
        config.write_to_path()
