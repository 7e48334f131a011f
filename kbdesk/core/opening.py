"""Where a library is found and how it is first opened: the folder to use, the demo library,
the per-library index folder, and the baseline version taken of a plain folder.

``KnowledgeBase`` calls these when it opens a library; nothing here keeps state.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from pathlib import Path

from kbdesk.core.clock import Clock, parse_iso_date
from kbdesk.core.errors import KbError, LibraryError
from kbdesk.core.library.frontmatter import document_id
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.storage import library_key

log = logging.getLogger(__name__)

__all__ = [
    "LIBRARY_ENV",
    "index_dir_for",
    "install_demo_library",
    "resolve_library_dir",
    "take_baseline",
]

LIBRARY_ENV = "KBDESK_LIBRARY"


def index_dir_for(root: Path) -> Path:
    """Return the cache folder of the index of the library at ``root``."""
    return paths.cache_dir() / "indexes" / library_key(root)


def install_demo_library(target: Path, *, clock: Clock) -> Path:
    """Copy the bundled demo library to ``target`` (which must not exist yet); its first
    version is dated on its earliest effective day (now by ``clock`` when it has none)."""
    source = paths.bundled_content_dir()
    if not source.is_dir():
        raise LibraryError(f"the bundled library is missing from this installation ({source})")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".installing")
    if tmp.exists():
        shutil.rmtree(tmp)
    shutil.copytree(source, tmp)
    from kbdesk.core.storage.repo import (
        LibraryRepo,  # the library is a git repository from day one
    )

    # the demo's versions were in force from their effective dates: its first commit is dated
    # on the earliest of them, so "what was in force on <a past day>" has an answer
    first = _earliest_effective(tmp)
    LibraryRepo.init(tmp, message="示範知識庫 / Demo library",
                     when=first if first is not None else int(clock.now().timestamp())).close()
    os.replace(tmp, target)
    log.info("installed the demo library at %s", target)
    return target


def _earliest_effective(root: Path) -> int | None:
    """Noon of the earliest ``effective`` date in a library's files (None when there is none)."""
    from kbdesk.core.library.frontmatter import front_fields

    days = []
    for path in root.rglob("*.md"):
        value = front_fields(path.read_text("utf-8", errors="replace")).get("effective")
        day = parse_iso_date(value)
        if day is not None:
            days.append(day)
    if not days:
        return None
    first = min(days)
    return int(dt.datetime(first.year, first.month, first.day, 12).astimezone().timestamp())


def resolve_library_dir(library: Path | str | None, *, clock: Clock) -> Path:
    """Return the library folder to use: the argument, ``KBDESK_LIBRARY``, the ``library_dir``
    setting (set by ``kbdesk clone``), or the user's own.

    The user's own library is created on first use: a clone of the shared library the
    organisation's site settings preset (``library_url``), else the bundled demo library
    (``clock`` dates what is made then: the library has no clock of its own yet).
    """
    if library:
        return Path(library).expanduser()
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    from kbdesk.core.workstation.settings import Settings  # the library joined with `clone`

    settings = Settings.load()
    chosen = settings.get("library_dir")
    if chosen:
        return Path(chosen).expanduser()
    default = paths.default_library_dir()
    if not default.exists():
        if settings.site.library_url:  # preset by IT: joined on first use, no question asked
            from kbdesk.core.team.remote import join_library

            log.info("joining the library preset in %s: %s", settings.site.path,
                     settings.site.library_url)
            return join_library(settings.site.library_url, clock=clock)
        install_demo_library(default, clock=clock)
    return default


def publishing_path(root: Path, file: Path | str | None) -> str | None:
    """The library path of ``file`` (given as to ``publish``: absolute, from the current folder
    or from the library, or a document's id) when it is a file in the library, else None."""
    if file is None:
        return None
    path = Path(file).expanduser()
    candidates = [path] if path.is_absolute() else [Path.cwd() / path, root / path]
    for candidate in candidates:
        if candidate.is_file():
            for base, full in ((root.absolute(), candidate.absolute()),
                               (root.resolve(), candidate.resolve())):
                if full.is_relative_to(base):
                    return full.relative_to(base).as_posix()
            return None
    return _path_of_id(root, str(file))


def _path_of_id(root: Path, doc_id: str) -> str | None:
    """The library path of the document whose id is ``doc_id`` (a line scan of each file's
    front matter, as the catalogue reads ids), or None."""
    if not doc_id or "/" in doc_id or "\\" in doc_id:
        return None
    for candidate in sorted(root.rglob("*.md")):
        name = candidate.relative_to(root).as_posix()
        if any(part.startswith(".") for part in name.split("/")):
            continue
        try:
            text = candidate.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if document_id(name, text) == doc_id:
            return name
    return None


def take_baseline(root: Path, publishing: Path | str | None = None, *, clock: Clock) -> bool:
    """Commit what a folder holds the first time kbdesk opens it (True when it did), dated
    now by ``clock`` (the library's).

    So the first publish afterwards records its edit as a version of its own, with its note.
    When the command that comes first is that publish (``publishing``: the file about to be
    published), the file's text before the edit cannot be known (the edit is on disk already):
    the baseline leaves that file out, and the publish records it, edit and note, as its first
    version. A folder inside another git repository (a project's checkout) or one that cannot
    be written is left as it is; it becomes a repository on its first publish, as before.
    """
    if any((folder / ".git").exists() for folder in (root, *root.parents)):
        return False
    from kbdesk.core.storage.repo import LibraryRepo
    from kbdesk.core.workstation.liblock import library_lock

    leave_out = publishing_path(root, publishing)
    try:
        with library_lock(root, "open"):
            if LibraryRepo.is_repo(root):
                return False
            try:
                LibraryRepo.init(root, leave_out=(leave_out,) if leave_out else (),
                                 when=int(clock.now().timestamp())).close()
            except (OSError, KbError):
                shutil.rmtree(root / ".git", ignore_errors=True)  # half made: undone
                raise
    except (OSError, KbError) as exc:
        log.warning("%s: no baseline version taken (%s)", root, exc)
        return False
    log.info("%s: took what the folder holds as its baseline version%s", root,
             f" (without {leave_out}, about to be published)" if leave_out else "")
    return True
