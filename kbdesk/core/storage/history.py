"""Per-document version history read from git, with a metadata cache so it opens at once.

Walking thousands of commits and diffing their trees takes seconds, so the result (for every
document path: version, date, author, change note, commit, effective date, status) is kept as
JSON in the per-user cache, keyed by library, together with the HEAD it was built at. Opening
history afterwards reads only the commits made since that HEAD.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from dulwich.diff_tree import tree_changes
from dulwich.graph import can_fast_forward
from dulwich.objects import Blob, Commit, ObjectID

from kbdesk.core.library.frontmatter import front_fields
from kbdesk.core.storage.repo import LibraryRepo, oid
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.storage import atomic_write_text, library_key

log = logging.getLogger(__name__)

CACHE_FORMAT = 2
TRAILER_PREFIX = "Kbdesk-"
SUPERSEDED_TRAILER = "Kbdesk-Superseded"
MOVED_TRAILER = "Kbdesk-Moved-From"
_TRAILER_RE = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$")


@dataclass(frozen=True)
class VersionInfo:
    """One published version of one document: a commit that changed its file.

    Attributes:
        superseded: set for a version that lost a sync conflict (its text was kept as a
            draft and a newer one published); it is shown but never in force.
    """

    path: str
    doc_id: str
    version: int | None
    date: str
    author: str
    note: str
    commit: str
    effective: str | None
    status: str
    superseded: bool = False

    @property
    def day(self) -> dt.date:
        """The local date of the commit."""
        return dt.datetime.fromisoformat(self.date).date()

    def to_json(self) -> dict[str, Any]:
        """Return the entry as ``history --json`` prints it."""
        return asdict(self)


def split_message(message: str) -> tuple[str, dict[str, str]]:
    """Split a commit message into the change note and its trailing ``Key: value`` trailers."""
    text = message.strip("\n")
    paragraphs = text.split("\n\n")
    trailers: dict[str, str] = {}
    if len(paragraphs) > 1:
        last = paragraphs[-1].split("\n")
        matches = [_TRAILER_RE.match(line) for line in last]
        if all(matches):
            for match in matches:
                assert match is not None
                trailers[match.group(1)] = match.group(2).strip()
            text = "\n\n".join(paragraphs[:-1])
    return text.strip(), trailers


def _is_document(path: str) -> bool:
    return path.endswith(".md") and path != "README.md" and not path.startswith(("assets/", "."))


class History:
    """The version history of every document of one library repository.

    Thread-safe; ``refresh()`` reads only commits made since the cached HEAD.

    Args:
        repo: the library's repository.
        cache_file: where to keep the cache (default: per-user cache, keyed by library).
    """

    def __init__(self, repo: LibraryRepo, cache_file: Path | None = None) -> None:
        self.repo = repo
        self.cache_file = cache_file or (
            paths.cache_dir() / "history" / f"{library_key(repo.root)}.json"
        )
        self._lock = threading.RLock()
        self._head: str | None = None
        self._entries: dict[str, list[dict[str, Any]]] = {}
        self._superseded: set[str] = set()
        self._moves: dict[str, list[str]] = {}  # new path → [old path, commit date]
        self._loaded = False

    # -- cache --------------------------------------------------------------------------------

    def _load_cache(self) -> None:
        try:
            data = json.loads(self.cache_file.read_text("utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
            return
        self._head = data.get("head")
        self._entries = data.get("entries") or {}
        self._superseded = set(data.get("superseded") or [])
        self._moves = data.get("moves") or {}

    def _save_cache(self) -> None:
        data = {
            "format": CACHE_FORMAT,
            "root": str(self.repo.root),
            "head": self._head,
            "entries": self._entries,
            "superseded": sorted(self._superseded),
            "moves": self._moves,
        }
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        try:
            atomic_write_text(self.cache_file, text)
        except OSError as exc:  # a read-only data folder: history is read again next time
            log.warning("history cache %s cannot be written: %s", self.cache_file, exc)

    @property
    def head(self) -> str | None:
        """The commit the cache was last brought up to."""
        return self._head

    def refresh(self) -> bool:
        """Bring the cache up to HEAD; return True when something new was read."""
        with self._lock, self.repo.lock:
            if not self._loaded:
                self._load_cache()
                self._loaded = True
            head = self.repo.head()
            if head == self._head:
                return False
            base = self._head
            if base is not None and (
                oid(base) not in self.repo.repo.object_store
                or head is None
                or not can_fast_forward(self.repo.repo, oid(base), oid(head))
            ):
                log.info(
                    "history cache of %s is not an ancestor of HEAD; rebuilding", self.repo.root
                )
                base, self._entries, self._superseded, self._moves = None, {}, set(), {}
            if head is not None:
                self._read_commits(head, base)
            self._head = head
            self._save_cache()
            return True

    def _read_commits(self, head: str, base: str | None) -> None:
        store = self.repo.repo.object_store
        walker = self.repo.repo.get_walker(
            include=[oid(head)], exclude=[oid(base)] if base else None
        )
        new: dict[str, list[dict[str, Any]]] = {}
        for walk_entry in walker:
            commit = walk_entry.commit
            note, trailers = split_message(commit.message.decode("utf-8", "replace"))
            if SUPERSEDED_TRAILER in trailers:
                self._superseded.update(trailers[SUPERSEDED_TRAILER].split())
            for path, blob_id in self._changed_paths(commit):
                blob = store[blob_id]
                assert isinstance(blob, Blob)
                fields = front_fields(blob.data.decode("utf-8", "replace"))
                try:
                    version: int | None = int(fields.get("version", "1"))
                except ValueError:
                    version = None
                stamp = dt.datetime.fromtimestamp(
                    commit.commit_time, dt.timezone(dt.timedelta(seconds=commit.commit_timezone))
                )
                if MOVED_TRAILER in trailers and trailers[MOVED_TRAILER] != path:
                    self._moves[path] = [trailers[MOVED_TRAILER], stamp.isoformat()]
                new.setdefault(path, []).append(
                    {
                        "path": path,
                        "doc_id": fields.get("id") or path[:-3],
                        "version": version,
                        "date": stamp.isoformat(),
                        # git needs "Name <email>"; an author without an email reads as the name
                        "author": commit.author.decode("utf-8", "replace").removesuffix(" <>"),
                        "note": note,
                        "commit": commit.id.decode("ascii"),
                        "effective": fields.get("effective") or None,
                        "status": fields.get("status") or "published",
                    }
                )
        for path, items in new.items():
            items.reverse()  # the walker yields newest first; the cache keeps oldest first
            self._entries.setdefault(path, []).extend(items)

    def _changed_paths(self, commit: Commit) -> list[tuple[str, ObjectID]]:
        """Return (path, new blob) for every document file the commit added or changed.

        A merge commit counts only for files that differ from every parent (resolutions).
        """
        store = self.repo.repo.object_store
        results: list[set[tuple[str, ObjectID]]] = []
        parents: list[ObjectID | None] = list(commit.parents) or [None]
        for parent in parents:
            old_tree = None
            if parent is not None:
                parent_commit = store[parent]
                assert isinstance(parent_commit, Commit)
                old_tree = parent_commit.tree
            found: set[tuple[str, ObjectID]] = set()
            for change in tree_changes(store, old_tree, commit.tree):
                new = change.new
                if new is None or new.path is None or new.sha is None:
                    continue
                path = new.path.decode("utf-8", "replace")
                if _is_document(path):
                    found.add((path, new.sha))
            results.append(found)
        changed = set.intersection(*results) if results else set()
        return sorted(changed)

    # -- queries ------------------------------------------------------------------------------

    def versions(self, path: str, *, refresh: bool = True) -> list[VersionInfo]:
        """Return the versions of the document at ``path``, newest first."""
        with self._lock:
            if refresh or not self._loaded:
                self.refresh()
            items = list(self._entries.get(path, []))
            seen, current = {path}, path
            while current in self._moves:  # follow the document back through renames
                old, moved_at = self._moves[current]
                if old in seen:
                    break
                seen.add(old)
                when = dt.datetime.fromisoformat(moved_at)
                earlier = [
                    i
                    for i in self._entries.get(old, [])
                    if dt.datetime.fromisoformat(i["date"]) <= when
                ]
                items = earlier + items
                current = old
            # newest version first: commit order alone can put an older version above a newer
            # one (a merge brings in commits made earlier elsewhere), so sort by number, then date
            ordered = sorted(
                enumerate(items),
                key=lambda pair: (pair[1]["version"] or 0, pair[1]["date"], pair[0]),
                reverse=True,
            )
            return [
                VersionInfo(**item, superseded=item["commit"] in self._superseded)
                for _, item in ordered
            ]

    def moved_away(self, path: str) -> dt.date | None:
        """The day the document at ``path`` was renamed or moved elsewhere (None if never)."""
        with self._lock:
            days = [
                dt.datetime.fromisoformat(moved_at).date()
                for old, moved_at in self._moves.values()
                if old == path
            ]
            return max(days) if days else None

    def paths(self) -> list[str]:
        """Every document path that has history."""
        with self._lock:
            self.refresh()
            return sorted(self._entries)

    def find_path(self, doc_id: str) -> str | None:
        """Return the path of the last file that carried ``doc_id``, if any."""
        with self._lock:
            self.refresh()
            best: tuple[str, str] | None = None
            for path, items in self._entries.items():
                for item in items:
                    if item["doc_id"] == doc_id and (best is None or item["date"] > best[0]):
                        best = (item["date"], path)
            return best[1] if best else None
