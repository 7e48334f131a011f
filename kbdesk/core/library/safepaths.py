"""Which paths kbdesk may read or write in a library folder, checked component by component.

Nothing is read or written outside the library: a path is refused when any of its components is
empty, ``.`` or ``..``, contains a backslash or a NUL, names git's own folder in any letter case
(``.GIT``, ``.Git``), or is a symbolic link on disk (a link could lead anywhere, so kbdesk never
reads or writes through one). Writing a file where the library has a folder (or a folder where
it has a file) is refused too: those are conflicts for an editor to settle, not files to
overwrite.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from kbdesk.core.errors import UnsafePath


def check_name(path: str) -> None:
    """Refuse a library path whose spelling is dangerous on some system.

    Raises:
        UnsafePath: naming the path and what is wrong with it.
    """
    if "\\" in path:
        raise UnsafePath(path, "contains a backslash (a folder separator on Windows)")
    if "\x00" in path or path.startswith("/"):
        raise UnsafePath(path, "is not a relative library path")
    for part in path.split("/"):
        if part in ("", ".", ".."):
            raise UnsafePath(path, "has an empty, '.' or '..' component")
        if part.casefold().rstrip(". ") == ".git":
            raise UnsafePath(path, "names git's own folder (in some letter case)")


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None


def check_on_disk(root: Path, path: str, *, writing_file: bool = True) -> None:
    """Refuse ``path`` when a component on disk is a symbolic link or has the wrong type.

    Args:
        root: the library folder.
        path: a relative, ``/``-separated library path (see :func:`check_name`).
        writing_file: the path is about to become a file (so it must not be a folder now).

    Raises:
        UnsafePath: a component is a symlink, a parent is a file, or the target is a folder.
    """
    check_name(path)
    parts = path.split("/")
    current = Path(root)
    for depth, part in enumerate(parts):
        current = current / part
        info = _lstat(current)
        if info is None:
            return  # nothing further exists yet: it is created inside the library
        if stat.S_ISLNK(info.st_mode):
            raise UnsafePath(path, f"'{'/'.join(parts[: depth + 1])}' is a symbolic link")
        last = depth == len(parts) - 1
        if not last and not stat.S_ISDIR(info.st_mode):
            raise UnsafePath(path, f"'{'/'.join(parts[: depth + 1])}' is a file, not a folder")
        if last and writing_file and stat.S_ISDIR(info.st_mode):
            raise UnsafePath(path, "is a folder here; it cannot be replaced by a file")


def is_inside(root: Path, path: str) -> bool:
    """True when ``path`` can be read inside the library (no symlink, no dangerous name)."""
    try:
        check_on_disk(root, path, writing_file=False)
    except UnsafePath:
        return False
    return True


def symlinks(root: Path) -> Iterator[tuple[str, str]]:
    """Yield ``(library path, target)`` of every symbolic link in the library (not followed)."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        base = Path(dirpath)
        rel = base.relative_to(root).as_posix()
        for name in sorted([*dirnames, *filenames]):
            if name.startswith("."):
                continue
            full = base / name
            if full.is_symlink():
                try:
                    target = os.readlink(full)
                except OSError:
                    target = "?"
                yield (name if rel == "." else f"{rel}/{name}"), target
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
