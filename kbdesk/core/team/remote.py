"""Making and joining a shared library: ``init_remote``, ``join_library`` and the checks a remote
URL gets before a sync (a folder that holds no shared library is named, not called "offline").
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from dulwich.objects import ObjectID
from dulwich.refs import Ref
from dulwich.repo import Repo

from kbdesk.core.clock import Clock
from kbdesk.core.errors import KbError, SyncError
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.sync.incoming import check_url
from kbdesk.core.sync.incoming import local_folder as local_remote_path
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.settings import Settings

log = logging.getLogger(__name__)


class NoSharedLibrary(SyncError):
    """The remote is a folder that does not exist or holds no shared library."""


def no_shared_library_message(path: Path | str) -> str:
    """The message for a remote folder that holds no shared library."""
    return f"no shared library at {path} (create one with `kbdesk init-remote {path}`)"


def check_remote(url: str) -> None:
    """Raise ``NoSharedLibrary`` when ``url`` is a folder that holds no git repository, and
    ``RemoteRefused`` for a URL a transport could read as an option."""
    check_url(url)
    folder = local_remote_path(url)
    if folder is None:
        return
    if not folder.is_dir() or not (
        (folder / "HEAD").is_file() or (folder / ".git").exists()
    ):
        raise NoSharedLibrary(no_shared_library_message(url))


def init_remote(library_root: Path, target: Path | str, *, when: int,
                author: str | None = None) -> Path:
    """Make ``target`` a bare shared library holding this library's history; sync with it.

    The folder must not exist yet or be empty. The library becomes a repository first when
    it is not one yet (its first version dated ``when``), its branch is pushed, and
    ``target`` becomes its remote.

    Raises:
        KbError: ``target`` is not empty, or cannot be written.
    """
    folder = Path(target).expanduser()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise KbError(f"{folder}: already exists and is not empty; choose a new folder")
    lib = LibraryRepo.ensure(library_root, when=when, author=author)
    try:
        branch = lib.branch
        try:
            folder.mkdir(parents=True, exist_ok=True)
            bare = Repo.init_bare(str(folder), default_branch=branch[len(b"refs/heads/"):])
        except OSError as exc:
            raise KbError(f"{folder}: cannot create the shared library: {exc}") from exc
        try:
            bare.refs.set_symbolic_ref(Ref(b"HEAD"), branch)
        finally:
            bare.close()
        from dulwich import porcelain

        with Repo(str(lib.root)) as net:
            porcelain.push(net, str(folder.resolve()), refspecs=[branch + b":" + branch],
                           outstream=io.BytesIO(), errstream=io.BytesIO())
        with lib.lock:
            lib.set_remote_url(str(folder.resolve()))
            remote_ref = Ref(b"refs/remotes/origin/" + branch[len(b"refs/heads/"):])
            head = lib.head()
            if head is not None:
                lib.repo.refs[remote_ref] = ObjectID(head.encode("ascii"))
    finally:
        lib.close()
    log.info("made %s the shared library of %s", folder, library_root)
    return folder


def default_clone_dir(url: str) -> Path:
    """Where ``kbdesk clone URL`` puts the library when no folder is given."""
    stem = re.split(r"[/\\]", url.rstrip("/\\"))[-1] or "library"
    stem = stem.removesuffix(".git") or "library"
    stem = re.sub(r"[^\w.-]+", "-", stem).strip(".-") or "library"
    base = paths.data_dir() / "libraries"
    candidate, number = base / stem, 2
    while candidate.exists() and any(candidate.iterdir()):
        candidate, number = base / f"{stem}-{number}", number + 1
    return candidate


def join_library(url: str, target: Path | None = None, *, clock: Clock,
                 make_default: bool = True, trusted: tuple[str, ...] = ()) -> Path:
    """Clone the shared library at ``url`` into ``target`` and make it the default library.

    ``clock`` stamps the first sync: the library has no clock of its own yet, so the client
    chooses (the system's).

    Raises:
        NoSharedLibrary: ``url`` is a folder without a shared library.
        RemoteUnreachable: the remote cannot be reached.
        SyncError: ``target`` is not empty.
        UntrustedLibrary: the library is signed and ``trusted`` (or the site settings) holds
            no fingerprint of the key that adopted signing.
    """
    check_remote(url)
    folder = Path(target).expanduser() if target else default_clone_dir(url)
    folder.parent.mkdir(parents=True, exist_ok=True)
    from kbdesk.core.sync.sync import clone_library  # git's transports: only when joining

    folder = clone_library(url, folder, trusted, clock=clock).resolve()
    if make_default:
        settings = Settings.load()
        settings.set("library_dir", str(folder))
        settings.save()
    return folder
