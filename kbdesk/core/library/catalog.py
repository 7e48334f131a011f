"""A library on disk: a folder tree of Markdown documents plus ``library.yaml``.

Loading never stops at a bad file: each problem is recorded (file, line, reason), the file is
skipped, and everything else loads.

A load builds a new :class:`Loaded` snapshot (config, documents, problems) and swaps it in with
one assignment at its end: a reader on another thread sees the whole library as it was before
the load or as it is after it, never half of each, and never waits for the load.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kbdesk.core.clock import parse_iso_date
from kbdesk.core.errors import DocumentError, DocumentNotFound, LibraryError, Problem
from kbdesk.core.library.model import Document
from kbdesk.core.library.parse import build_document
from kbdesk.core.library.parsecache import Entry, ParseCache, file_digest
from kbdesk.core.library.safepaths import symlinks
from kbdesk.core.library.yamlread import load_yaml
from kbdesk.core.progress import Progress

log = logging.getLogger(__name__)

CONFIG_FILE = "library.yaml"
ASSETS_DIR = "assets"
ROOT_README = "README.md"
#: the team's roster (read by ``kbdesk.core.team.roster``), not a document
TEAM_FILE = "team.yaml"


@dataclass
class LibraryConfig:
    """The settings a library carries in its own ``library.yaml``."""

    name: str = ""
    synonyms: list[list[str]] = field(default_factory=list)
    holidays: list[dt.date] = field(default_factory=list)
    workdays: list[dt.date] = field(default_factory=list)


def read_text(path: Path, rel_path: str) -> str:
    """Read a file as UTF-8, naming the file and the bad byte if it is not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            Problem(
                rel_path,
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "save the file as UTF-8",
                line=data[: exc.start].count(b"\n") + 1,
            )
        ) from None


def load_config(root: Path) -> tuple[LibraryConfig, list[Problem]]:
    """Read ``library.yaml``; a missing file gives defaults, a broken one a problem."""
    path = root / CONFIG_FILE
    if not path.is_file() or path.is_symlink():
        return LibraryConfig(name=root.name), []
    try:
        text = read_text(path, CONFIG_FILE)
    except DocumentError as exc:  # not UTF-8
        return LibraryConfig(name=root.name), [exc.problem]
    return parse_config(text, root.name)


def parse_config(text: str, name: str = "") -> tuple[LibraryConfig, list[Problem]]:
    """Read the text of a ``library.yaml``; every problem names the file (and the field).

    Args:
        name: the library's name when the text gives none (its folder's).
    """
    config = LibraryConfig(name=name)
    try:
        data: Any = load_yaml(text, CONFIG_FILE) or {}
    except DocumentError as exc:  # not YAML, an alias bomb, nested too deep
        return config, [exc.problem]
    except ValueError as exc:  # a value YAML reads as a date, but no such day (2026-13-01)
        return config, [Problem(CONFIG_FILE, f"not a valid date ({exc}); write YYYY-MM-DD")]
    if not isinstance(data, dict):
        return config, [Problem(CONFIG_FILE, "must be a mapping (name:, synonyms:)")]
    problems: list[Problem] = []
    if data.get("name"):
        config.name = str(data["name"])
    groups = data.get("synonyms") or []
    if not isinstance(groups, list):
        problems.append(Problem(CONFIG_FILE, "'synonyms' must be a list of word lists",
                                field="synonyms"))
        groups = []
    for number, group in enumerate(groups, start=1):
        if isinstance(group, str):
            group = [w for w in group.replace("，", ",").replace("=", ",").split(",")]
        if not isinstance(group, list):
            problems.append(Problem(CONFIG_FILE, f"'synonyms': group {number} must be a list "
                                    "of words", field="synonyms"))
            continue
        words = [str(word).strip() for word in group if str(word).strip()]
        if len(words) >= 2:
            config.synonyms.append(words)
    for key in ("holidays", "workdays"):
        days, bad = _dates(data.get(key))
        getattr(config, key).extend(days)
        if bad:
            problems.append(Problem(CONFIG_FILE, f"'{key}': {bad} is not a date written "
                                    "YYYY-MM-DD", field=key))
    return config, problems


def link_problems(root: Path) -> list[Problem]:
    """One problem per symbolic link in the library: what it points to is never read."""
    return [
        Problem(
            rel_path,
            f"a symbolic link (to {target}): kbdesk never reads, indexes or publishes what a "
            "link points to; copy the file into the library instead",
        )
        for rel_path, target in symlinks(root)
    ]


def _dates(value: Any) -> tuple[list[dt.date], str]:
    """Dates from a YAML list (dates or YYYY-MM-DD strings); the first bad entry, if any."""
    if value is None:
        return [], ""
    if not isinstance(value, list):
        return [], repr(value)
    out: list[dt.date] = []
    for item in value:
        if isinstance(item, dt.datetime):
            item = item.date()
        if isinstance(item, dt.date):
            out.append(item)
            continue
        day = parse_iso_date(str(item))
        if day is None:
            return out, repr(item)
        out.append(day)
    return out, ""


@dataclass(frozen=True)
class Loaded:
    """One load of a library, never changed after it is made (readers share it freely).

    Attributes:
        config: the library's ``library.yaml``.
        documents: by id (a fresh dict each load, never mutated once published).
        by_path: the same documents by library path.
        problems: what could not be loaded.
    """

    config: LibraryConfig
    documents: dict[str, Document] = field(default_factory=dict)
    by_path: dict[str, Document] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()


class Library:
    """The documents of one library folder (the last load's :class:`Loaded` snapshot).

    Args:
        root: the library folder.
        cache: parsed documents kept from an earlier process (see ``parsecache``), or None.
    """

    def __init__(self, root: Path | str, cache: ParseCache | None = None) -> None:
        self.root = Path(root).expanduser().resolve()
        self.cache = cache
        self.loaded = Loaded(LibraryConfig(name=self.root.name))
        self._digests: dict[str, str] = {}  # path -> digest of its bytes, for the cache

    @property
    def config(self) -> LibraryConfig:
        """The library's settings, as of the last load."""
        return self.loaded.config

    @property
    def documents(self) -> dict[str, Document]:
        """The documents of the last load, by id (do not change: a snapshot others read)."""
        return self.loaded.documents

    @property
    def problems(self) -> list[Problem]:
        """What the last load could not read."""
        return list(self.loaded.problems)

    # -- scanning ---------------------------------------------------------------------------

    def iter_files(self) -> Iterator[tuple[str, Path]]:
        """Yield ``(relative path, absolute path)`` for every file of the library, sorted."""
        if not self.root.is_dir():
            raise LibraryError(f"{self.root}: library folder does not exist or is not a folder")
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            base = Path(dirpath)
            rel_dir = base.relative_to(self.root).as_posix()
            if rel_dir == ASSETS_DIR or rel_dir.startswith(ASSETS_DIR + "/"):
                continue
            for name in sorted(filenames):
                if name.startswith(".") or (base / name).is_symlink():
                    continue  # links are never read (see ``link_problems``)
                rel_path = name if rel_dir == "." else f"{rel_dir}/{name}"
                yield rel_path, base / name

    def load(
        self,
        progress: Progress | None = None,
    ) -> None:
        """(Re)load the whole library, reusing documents whose files did not change.

        The new snapshot replaces ``loaded`` in one assignment at the end; call it from one
        thread at a time (``KnowledgeBase`` serialises loads)."""
        config, problems = load_config(self.root)
        problems.extend(link_problems(self.root))
        files = [(rel, path) for rel, path in self.iter_files()
                 if rel not in (CONFIG_FILE, TEAM_FILE)]
        previous = self.loaded.by_path
        cached: dict[str, Entry] = {}
        if not previous and self.cache is not None:
            cached = self.cache.load()
            previous = {path: doc for path, (_, doc) in cached.items()}
        digests: dict[str, str] = {}
        parsed = 0
        by_path: dict[str, Document] = {}
        total = len(files)
        for number, (rel_path, path) in enumerate(files, start=1):
            if progress is not None:
                progress(number, total, rel_path)
            if rel_path == ROOT_README:
                continue
            if not rel_path.lower().endswith(".md"):
                problems.append(
                    Problem(
                        rel_path,
                        f"not a Markdown document (.md); import it or move it under {ASSETS_DIR}/",
                    )
                )
                continue
            try:
                stat = path.stat()
                old = previous.get(rel_path)
                if (
                    old is not None
                    and old.mtime_ns == stat.st_mtime_ns
                    and old.size == stat.st_size
                    and (
                        rel_path not in cached
                        or file_digest(path.read_bytes()) == cached[rel_path][0]
                    )
                ):
                    by_path[rel_path] = old
                    continue
                text = read_text(path, rel_path)
                by_path[rel_path] = build_document(
                    rel_path, text, mtime_ns=stat.st_mtime_ns, size=stat.st_size
                )
                if self.cache is not None:
                    digests[rel_path] = file_digest(text.encode("utf-8"))
                parsed += 1
            except DocumentError as exc:
                problems.append(exc.problem)
            except OSError as exc:
                problems.append(Problem(rel_path, f"cannot be read: {exc.strerror or exc}"))
        documents: dict[str, Document] = {}
        for rel_path, doc in by_path.items():
            other = documents.get(doc.id)
            if other is not None:
                problems.append(
                    Problem(rel_path, f"id '{doc.id}' is already used by {other.path}", field="id")
                )
                continue
            documents[doc.id] = doc
        by_path = {doc.path: doc for doc in documents.values()}
        self.loaded = Loaded(config, documents, by_path, tuple(problems))  # the one swap
        if self.cache is not None:
            known = {**self._digests, **{p: d for p, (d, _) in cached.items()}, **digests}
            self._digests = {p: known[p] for p in by_path if p in known}
            if parsed:
                entries = {p: (d, by_path[p]) for p, d in self._digests.items()}
                self.cache.note_parsed(parsed, entries)
        for problem in problems:
            log.warning("library problem: %s", problem)

    # -- lookup -----------------------------------------------------------------------------

    def get(self, doc_id: str) -> Document:
        """Return a document by id (or by its relative path)."""
        loaded = self.loaded  # one snapshot for the whole lookup
        doc = loaded.documents.get(doc_id) or loaded.by_path.get(doc_id)
        if doc is None and not doc_id.endswith(".md"):
            doc = loaded.by_path.get(doc_id + ".md")
        if doc is None:
            raise DocumentNotFound(f"no document '{doc_id}' in {self.root}")
        return doc

    @property
    def name(self) -> str:
        """The library's display name."""
        return self.config.name or self.root.name

    def __len__(self) -> int:
        return len(self.loaded.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(sorted(self.loaded.documents.values(), key=lambda d: d.path))
