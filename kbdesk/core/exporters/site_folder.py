"""The folder an HTML export replaces: the checks, the staging folder, the swap, and the clean-up
of what killed exports left behind.

- An existing OUTDIR is replaced only when every entry in it is a file of the previous export
  (``site_manifest``); otherwise :func:`prepare` refuses, naming the first foreign entry.
- The new site is written to a staging folder beside OUTDIR (``.NAME.kbdesk-export-PID-…``) and
  swapped in when complete: OUTDIR is renamed aside (``.NAME.kbdesk-old-PID-…``), the staging
  folder takes its place, and the files of the set-aside site are removed one by one, its
  manifest last. A failure before the swap leaves OUTDIR as it was.
- When OUTDIR itself cannot be renamed (a mount point: ``EBUSY``; another file system:
  ``EXDEV``; a parent that cannot be written) the files are replaced in place from a staging
  folder inside OUTDIR (``.kbdesk-export-PID-…``), under a manifest that accepts a file's old
  or new content until the last file is in.
- A later export removes what a killed one left (beside OUTDIR or inside it) when it can prove
  the folder is an export's own: named after a process of this computer that is gone (the
  names hold the process id and :func:`host_tag`), holding nothing but files of the site. A
  site set aside by an export killed before it could put the new one in place is put back.
  What cannot be proved is kept, and logged.
- Every ``OSError`` becomes an :class:`ExportError` naming the folder (:func:`folder_errors`).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import re
import shutil
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kbdesk.core.errors import ExportError
from kbdesk.core.exporters.site_manifest import (
    INNER_STAGING_PREFIX,
    MARKER,
    Manifest,
    first_foreign,
    is_system_file,
    walk,
)

log = logging.getLogger(__name__)

STAGING_TAG = ".kbdesk-export-"
OLD_TAG = ".kbdesk-old-"
#: how kbdesk before the manifest named a site set aside (no process id)
LEGACY_OLD_TAG = ".old-"

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EBUSY: "the folder is in use or is a mount point",
    errno.EXDEV: "the folder is on another file system",
    errno.ENAMETOOLONG: "the name is too long",
}


@dataclass(frozen=True)
class Staging:
    """Where one export writes its site before it becomes OUTDIR.

    Attributes:
        out: OUTDIR (resolved).
        path: the staging folder.
        in_place: the staging folder is inside OUTDIR and its files replace OUTDIR's one by one.
    """

    out: Path
    path: Path
    in_place: bool


def describe(outdir: Path, exc: OSError) -> str:
    """What went wrong with ``outdir``, in plain words (the entry at fault named)."""
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        for ancestor in (outdir, *outdir.parents):
            if os.path.lexists(ancestor) and not ancestor.is_dir():
                return f"{ancestor} is a file, not a folder"
    reason = _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
    filename = exc.filename if isinstance(exc.filename, str) else None
    if filename and Path(filename) != outdir and ".kbdesk-" not in Path(filename).name:
        reason += f" ({filename})"
    return reason


@contextlib.contextmanager
def folder_errors(outdir: Path, doing: str = "write the site") -> Iterator[None]:
    """Turn an ``OSError`` into an :class:`ExportError` naming ``outdir``."""
    try:
        yield
    except OSError as exc:
        raise ExportError(f"{outdir}: cannot {doing}: {describe(outdir, exc)}") from exc


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (one of another user counts)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def host_tag() -> str:
    """This computer in the names of staging folders (``h`` and 8 hex digits): an export folder
    on a file share is written by several computers, and a process id says nothing about
    another computer's processes."""
    return "h" + hashlib.sha1(socket.gethostname().encode("utf-8")).hexdigest()[:8]


def _owner_tag() -> str:
    return f"{os.getpid()}-{host_tag()}-"


def _dead_pid(name: str, tag: str) -> bool:
    """Whether ``name`` is ``…TAG<pid>-<host>-…`` of a process of this computer that is gone
    (``…TAG<pid>-…``, without the computer, from versions before the manifest)."""
    parts = name.split(tag, 1)[1].split("-")
    pid = parts[0]
    host = parts[1] if len(parts) > 2 and re.fullmatch(r"h[0-9a-f]{8}", parts[1]) else None
    if host is not None and host != host_tag():
        return False
    return os.name == "posix" and pid.isdigit() and not pid_alive(int(pid))


def _remove_file(path: Path) -> None:
    """Delete one file of a site being removed (a name tests patch to stop half-way)."""
    path.unlink(missing_ok=True)


def _place(source: Path, target: Path) -> None:
    """Move one new file over OUTDIR's (in-place mode; a name tests patch to stop half-way)."""
    os.replace(source, target)


def remove_if_ours(folder: Path, names_only: bool = False) -> bool:
    """Remove ``folder`` if it holds nothing but an export's files (its manifest removed last,
    so a removal stopped half-way can be finished later); keep it otherwise. Return whether it
    was removed."""
    try:
        found = first_foreign(folder, names_only=names_only)
        if found is not None:
            log.warning("%s was left by an export but %s %s; it is kept", folder, *found)
            return False
        entries = walk(folder)
        for rel, path in entries:
            if rel != MARKER and not path.is_dir():
                _remove_file(path)
        _remove_file(folder / MARKER)
        for _rel, path in reversed(entries):
            if path.is_dir():
                path.rmdir()
        folder.rmdir()
    except OSError as exc:
        log.warning("%s, left by an export, could not be removed: %s", folder, exc)
        return False
    return True


def _leftovers(out: Path) -> list[tuple[Path, str]]:
    """Folders beside and inside ``out`` that exports name as theirs: (folder, tag)."""
    found: list[tuple[Path, str]] = []
    prefix = f".{out.name}"
    if out.parent.is_dir():
        for entry in sorted(out.parent.iterdir()):
            rest = entry.name[len(prefix):] if entry.name.startswith(prefix) else ""
            for tag in (STAGING_TAG, OLD_TAG, LEGACY_OLD_TAG):
                if rest.startswith(tag) and entry.is_dir() and not entry.is_symlink():
                    found.append((entry, tag))
    if out.is_dir() and not out.is_symlink():
        found += [(entry, INNER_STAGING_PREFIX) for entry in sorted(out.iterdir())
                  if entry.name.startswith(INNER_STAGING_PREFIX) and entry.is_dir()
                  and not entry.is_symlink()]
    return found


def clean_leftovers(out: Path) -> None:
    """Put back a site set aside by an export killed before the swap ended, then remove every
    leftover of killed exports that is provably an export's own."""
    leftovers = _leftovers(out)
    if not os.path.lexists(out):
        for folder, tag in leftovers:
            if tag == OLD_TAG and _dead_pid(folder.name, tag) and _complete(folder):
                log.warning("putting back %s, set aside by an export that was killed", out)
                os.replace(folder, out)
                leftovers = _leftovers(out)
                break
    for folder, tag in leftovers:
        if tag == LEGACY_OLD_TAG:  # kbdesk before the manifest: no process id to check
            remove_if_ours(folder)
        elif _dead_pid(folder.name, tag):
            remove_if_ours(folder, names_only=tag != OLD_TAG)


def _complete(folder: Path) -> bool:
    """Whether ``folder`` holds a whole site: a manifest, the files it lists, nothing else."""
    manifest = Manifest.read(folder)
    return (manifest is not None
            and all((folder / rel).is_file() for rel in manifest.files)
            and first_foreign(folder) is None)


def _check_place(outdir: Path, library_root: Path) -> Path:
    """The resolved output folder, if it is neither in the library nor around it."""
    out = outdir.expanduser().resolve()
    library = library_root.resolve()
    if out == library or out.is_relative_to(library):
        raise ExportError(f"{outdir}: the export cannot be written inside the library ({library})")
    if library.is_relative_to(out):
        raise ExportError(f"{outdir}: the export folder cannot contain the library ({library})")
    return out


def check_outdir(outdir: Path, library_root: Path) -> Path:
    """Return the resolved output folder, or raise ExportError saying why it cannot be used."""
    out = _check_place(outdir, library_root)
    if not out.exists():
        if os.path.lexists(out):
            raise ExportError(f"{outdir}: is a broken symbolic link")
        return out
    if not out.is_dir():
        raise ExportError(f"{outdir}: exists and is not a folder")
    entries = walk(out)
    own_entries = [rel for rel, path in entries if not is_system_file(rel, path)]
    if own_entries and not (out / MARKER).is_file():
        raise ExportError(f"{outdir}: folder is not empty and is not a kbdesk export (it holds "
                          f"{own_entries[0]}); choose an empty or new folder")
    found = first_foreign(out)
    if found is not None:
        raise ExportError(f"{outdir}: {found[0]} {found[1]}; an export replaces only the files "
                          "of the previous export; move it out of the folder or choose another "
                          "folder")
    for _rel, path in [("", out), *entries]:
        if path.is_dir() and not os.access(path, os.W_OK | os.X_OK):
            reason = "the file system is read-only" if _read_only(path) else "permission denied"
            raise ExportError(f"{outdir}: cannot replace the previous export: {reason} ({path})")
    return out


def _read_only(path: Path) -> bool:
    """Whether ``path`` is on a file system mounted read-only (False where that is unknown)."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def prepare(outdir: Path, library_root: Path) -> Staging:
    """Clean up after killed exports, check OUTDIR and make the staging folder."""
    out = _check_place(outdir, library_root)
    out.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(out)
    out = check_outdir(outdir, library_root)
    if not (out.is_dir() and os.path.ismount(out)):
        try:
            path = Path(tempfile.mkdtemp(prefix=f".{out.name}{STAGING_TAG}{_owner_tag()}",
                                         dir=out.parent))
            return Staging(out, path, in_place=False)
        except OSError:
            if not out.is_dir():
                raise
            log.info("cannot write beside %s; its files are replaced in place", out)
    return Staging(out, _inner_staging(out), in_place=True)


def _inner_staging(out: Path) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"{INNER_STAGING_PREFIX}{_owner_tag()}", dir=out))


def discard(staging: Staging) -> None:
    """Remove the staging folder of a failed or cancelled export."""
    shutil.rmtree(staging.path, ignore_errors=True)


def commit(staging: Staging) -> None:
    """Put the finished site (its manifest written) in the place of OUTDIR."""
    out = staging.out
    if staging.in_place:
        replace_in_place(staging.path, out)
        return
    os.chmod(staging.path, 0o755)
    old: Path | None = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}{OLD_TAG}{_owner_tag()}",
                                    dir=out.parent))
        old.rmdir()
        try:
            os.replace(out, old)
        except OSError as exc:
            log.info("%s cannot be renamed (%s); its files are replaced in place", out, exc)
            _commit_in_place(staging)
            return
    try:
        os.replace(staging.path, out)
    except OSError:
        if old is not None:
            os.replace(old, out)
        raise
    if old is not None:
        remove_if_ours(old)


def _commit_in_place(staging: Staging) -> None:
    """Copy the finished site into a staging folder inside OUTDIR and replace from there."""
    out = staging.out
    try:
        inner = _inner_staging(out)
    except OSError as exc:
        raise ExportError(f"{staging.out}: cannot be renamed (a mount point or another file "
                          f"system), and its files cannot be replaced in place: "
                          f"{describe(out, exc)}") from exc
    try:
        shutil.copytree(staging.path, inner, dirs_exist_ok=True)
        replace_in_place(inner, out)
    except BaseException:
        shutil.rmtree(inner, ignore_errors=True)
        raise
    shutil.rmtree(staging.path, ignore_errors=True)


def replace_in_place(inner: Path, out: Path) -> None:
    """Move the site staged in ``inner`` (inside ``out``) over ``out``'s files one by one.

    Until the last file is in, ``out``'s manifest lists each file's new and previous content, so
    an export killed half-way leaves a folder the next export accepts and completes.
    """
    new = Manifest.read(inner)
    if new is None:
        raise ExportError(f"{inner}: the new site has no manifest")
    previous = Manifest.of_folder(out, skip=frozenset({inner.name}))
    transition = inner / f"{MARKER}.transition"
    transition.write_text(Manifest(new.files, previous.files).dumps(), "utf-8")
    os.replace(transition, out / MARKER)
    for rel in sorted(new.files):
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        _place(inner / rel, target)
    for rel in sorted(set(previous.files) - set(new.files)):
        (out / rel).unlink(missing_ok=True)
    for folder in sorted(previous.folders() - new.folders(), reverse=True):
        with contextlib.suppress(OSError):
            (out / folder).rmdir()
    os.replace(inner / MARKER, out / MARKER)
    shutil.rmtree(inner, ignore_errors=True)
