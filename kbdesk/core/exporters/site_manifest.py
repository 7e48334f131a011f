"""The manifest of an exported site: the files an export wrote, which the next may replace.

Every export writes :data:`MARKER` (``.kbdesk-site``) in its folder as a JSON manifest: the path,
size and SHA-256 of each file it wrote. A later export into the folder checks every entry in it
against the manifest (:func:`first_foreign`) and refuses, naming the first foreign entry in
sorted order, when anything else is there: a file the user added, a file changed since, a folder
no export makes, a symbolic link.

Sites written before the manifest existed hold a one-line marker instead. Such a folder is
accepted only when every entry in it is one an export writes (:func:`legacy_layout`: the exact
names, and HTML pages that carry kbdesk's generator tag). A stray marker alone never makes a
folder replaceable: it is one file of the layout, no more.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

MARKER = ".kbdesk-site"
#: the ``kbdesk-site`` value of manifests this version writes
FORMAT = 1
#: the folders an export makes (a manifest's folders are its files' parents)
SITE_FOLDERS = frozenset({"c", "d", "k", "search", "static"})
#: folders of the export's own in-place staging (``.kbdesk-export-PID-…``), skipped by the check
INNER_STAGING_PREFIX = ".kbdesk-export-"

#: files a file browser makes in any folder it shows (Finder, Explorer): not the user's work,
#: remade when needed, so an export may delete them with its own
SYSTEM_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})

_LAYOUT_RE = re.compile(
    r"(?:index|search)\.html|\.kbdesk-site|static/(?:site\.css|site\.js|search\.js)"
    r"|[cdk]/[^/.]+\.html|search/(?:p\d+|t\d+|meta|fold|apptables)\.js"
)
_GENERATOR = b'<meta name="generator" content="kbdesk">'
_MARKER_MAX_BYTES = 64 * 1024 * 1024

#: (size, sha256 hex) of a file
Stamp = tuple[int, str]


def stamp(path: Path) -> Stamp:
    """The size and SHA-256 of a regular file."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


@dataclass
class Manifest:
    """The files one export wrote.

    Attributes:
        files: relative ``/`` path -> (size, sha256) of every file of the site but the manifest.
        replacing: the previous site's files while an in-place replacement is under way (a
            file matching either its new or its previous stamp is the export's own).
    """

    files: dict[str, Stamp] = field(default_factory=dict)
    replacing: dict[str, Stamp] = field(default_factory=dict)

    def owns(self, rel: str, path: Path) -> bool:
        """Whether the regular file ``path`` (at ``rel``) is, byte for byte, one this lists."""
        wanted = {s for s in (self.files.get(rel), self.replacing.get(rel)) if s is not None}
        if not wanted:
            return False
        size = path.stat().st_size
        if all(size != s[0] for s in wanted):
            return False
        return stamp(path) in wanted

    def folders(self) -> set[str]:
        """Every folder its files live in (``d``, ``search``, …)."""
        result: set[str] = set()
        for rel in (*self.files, *self.replacing):
            parts = rel.split("/")[:-1]
            result.update("/".join(parts[:n]) for n in range(1, len(parts) + 1))
        return result

    def dumps(self) -> str:
        """The manifest as the JSON text of :data:`MARKER` (keys sorted: deterministic)."""
        def table(stamps: dict[str, Stamp]) -> str:  # one line per file: diffs stay readable
            rows = (f"  {json.dumps(rel, ensure_ascii=False)}: [{size}, \"{digest}\"]"
                    for rel, (size, digest) in sorted(stamps.items()))
            return "{\n" + ",\n".join(rows) + "\n}"

        text = f'{{"kbdesk-site": {FORMAT},\n"files": {table(self.files)}'
        if self.replacing:
            text += f',\n"replacing": {table(self.replacing)}'
        return text + "}\n"

    @classmethod
    def read(cls, folder: Path) -> Manifest | None:
        """The manifest of ``folder``; None when it has none (no marker, an older one-line
        marker, or a file that is not a manifest this version can read)."""
        path = folder / MARKER
        try:
            if not path.is_file() or path.is_symlink() or path.stat().st_size > _MARKER_MAX_BYTES:
                return None
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("kbdesk-site") != FORMAT:
            return None
        try:
            return cls(_stamps(data.get("files")), _stamps(data.get("replacing", {})))
        except (TypeError, ValueError):
            return None

    @classmethod
    def of_folder(cls, folder: Path, skip: frozenset[str] = frozenset()) -> Manifest:
        """The manifest of the files now in ``folder`` (the manifest itself, and the top-level
        names in ``skip``, left out)."""
        files: dict[str, Stamp] = {}
        for rel, path in walk(folder):
            if rel.split("/", 1)[0] in skip:
                continue
            if (rel != MARKER and path.is_file() and not path.is_symlink()
                    and not is_system_file(rel, path)):
                files[rel] = stamp(path)
        return cls(files)


def _stamps(value: object) -> dict[str, Stamp]:
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    result: dict[str, Stamp] = {}
    for rel, entry in value.items():
        size, digest = entry
        if not isinstance(rel, str) or not isinstance(size, int) or not isinstance(digest, str):
            raise TypeError("bad entry")
        result[rel] = (size, digest)
    return result


def walk(folder: Path) -> list[tuple[str, Path]]:
    """Every entry under ``folder`` (files, folders, links; links not followed), sorted by
    relative ``/`` path."""
    entries: list[tuple[str, Path]] = []
    for top, dirs, files in os.walk(folder, followlinks=False):
        base = Path(top)
        for name in (*dirs, *files):
            path = base / name
            entries.append((path.relative_to(folder).as_posix(), path))
    return sorted(entries)


def is_system_file(rel: str, path: Path) -> bool:
    """Whether ``rel`` is a regular file named as one of :data:`SYSTEM_FILES`."""
    return (rel.rsplit("/", 1)[-1] in SYSTEM_FILES and not path.is_symlink()
            and path.is_file())


def legacy_layout(rel: str, path: Path, names_only: bool = False) -> bool:
    """Whether ``path`` is a file an export writes, by name and content (for sites from before
    the manifest): pages carry kbdesk's generator tag, search files start with ``KBSearch.``.

    Args:
        names_only: judge by the name alone (for a staging folder a killed export was still
            writing, where the last file may be cut short).
    """
    if not _LAYOUT_RE.fullmatch(rel) or path.is_symlink() or not path.is_file():
        return False
    if names_only:
        return True
    if rel == MARKER:
        return path.stat().st_size <= _MARKER_MAX_BYTES
    if rel.endswith(".html"):
        with open(path, "rb") as handle:
            return _GENERATOR in handle.read(4096)
    if rel.startswith("search/"):
        with open(path, "rb") as handle:
            return handle.read(9) == b"KBSearch."
    return True


def first_foreign(folder: Path, skip: frozenset[str] = frozenset(),
                  names_only: bool = False) -> tuple[str, str] | None:
    """The first entry of ``folder`` (sorted) that no export of kbdesk wrote, and why; None when
    every entry is the export's own (by its manifest, or by :func:`legacy_layout` without one).

    Args:
        skip: top-level names to leave out (this export's own in-place staging folder).
        names_only: without a manifest, judge files by name alone (see :func:`legacy_layout`).
    """
    manifest = Manifest.read(folder)
    ours_folders = manifest.folders() if manifest is not None else set(SITE_FOLDERS)
    for rel, path in walk(folder):
        if rel.split("/", 1)[0] in skip:
            continue
        if path.is_symlink():
            return rel, "is a symbolic link"
        if path.is_dir():
            if rel not in ours_folders:
                return rel, "is a folder no export makes"
            continue
        if not path.is_file():
            return rel, "is not a regular file"
        if rel == MARKER or is_system_file(rel, path):
            continue
        if manifest is None:
            if not legacy_layout(rel, path, names_only):
                return rel, "is not a file an export writes"
        elif not manifest.owns(rel, path):
            if rel in manifest.files or rel in manifest.replacing:
                return rel, "was changed after the export that wrote it"
            return rel, "is not a file the previous export wrote"
    return None
