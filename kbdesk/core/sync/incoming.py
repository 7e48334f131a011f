"""What a remote may bring into a library, checked before anything is written or loaded.

A shared library is written by other workstations and by any git tool, so its tree is input
from outside. ``clone`` and ``sync`` apply the same rules, from here:

- a remote URL whose host starts with ``-`` (``ssh://-oProxyCommand=…``) is refused before
  any transport is made (:func:`check_url`);
- a file larger than :func:`max_remote_file` is refused, naming its path, before it is fetched
  from a remote folder and before it is read from the repository otherwise (:func:`oversized`;
  sizes are read from object headers, never by loading a blob);
- an entry that is not a plain file (a symbolic link, a submodule) is never made here, and of
  two paths that differ only in letter case only the first is written (:func:`refusal`);
- names that are dangerous on some system are refused by ``safepaths.check_name``.
"""

from __future__ import annotations

import os
import re
import stat
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path

from dulwich.graph import find_merge_base
from dulwich.object_store import BaseObjectStore, DiskObjectStore, iter_tree_contents
from dulwich.objects import Commit, ObjectID, Tree
from dulwich.refs import Ref

from kbdesk.core.errors import RemoteRefused, UnsafePath
from kbdesk.core.library.safepaths import check_name
from kbdesk.core.storage.repo import LibraryRepo, oid
from kbdesk.core.workstation.credentials import redact

#: The largest file a remote may bring (bytes); ``KBDESK_MAX_REMOTE_FILE`` overrides it.
MAX_REMOTE_FILE = 50 * 1024 * 1024

_GITLINK = 0o160000
_OFS_DELTA, _REF_DELTA = 6, 7
_SCHEME_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/@]*@)?(?P<host>[^/:]*)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_SCP = re.compile(r"^[^/\\:]+@[^/\\:]+:")
_SCP_HOST = re.compile(r"^(?:[^/@:]*@)?(?P<host>[^/:]*):")


def max_remote_file() -> int:
    """The size bound of one file from a remote, in bytes."""
    try:
        return int(os.environ.get("KBDESK_MAX_REMOTE_FILE", MAX_REMOTE_FILE))
    except ValueError:
        return MAX_REMOTE_FILE


def local_folder(url: str) -> Path | None:
    """The folder a remote URL names (a path or ``file://``), None for a network URL."""
    if url.startswith("file://"):
        return Path(url[len("file://"):])
    if _SCHEME.match(url) or _SCP.match(url):
        return None
    if re.match(r"^[A-Za-z]:[\\/]", url):  # a Windows drive path
        return Path(url)
    return Path(url).expanduser()


def check_url(url: str) -> None:
    """Refuse a remote URL that a transport could take for an option (``-oProxyCommand=…``).

    Raises:
        RemoteRefused: the URL or its host name starts with ``-``.
    """
    found = _SCHEME_HOST.match(url)
    if found is None and "://" not in url and not re.match(r"^[A-Za-z]:[\\/]", url):
        found = _SCP_HOST.match(url)
    host = found.group("host") if found is not None else ""
    if url.startswith("-") or host.startswith("-"):
        raise RemoteRefused(
            f"{redact(url)!r}: a remote whose name or host starts with '-' is refused (a transport "
            "could read it as an option); nothing was run"
        )


# -- sizes --------------------------------------------------------------------------------------


def _varint_le(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        value |= (byte & 0x7F) << shift
        pos += 1
        shift += 7
        if not byte & 0x80:
            return value, pos


def _packed_size(pack_path: str, offset: int) -> int:
    """The size of the object at ``offset`` of a pack file, from its header (and, for a delta,
    from the first bytes of the delta: the size of the object it makes)."""
    with open(pack_path, "rb") as handle:
        handle.seek(offset)
        head = handle.read(64)
        byte = head[0]
        kind, size, pos, shift = (byte >> 4) & 7, byte & 0x0F, 1, 4
        while byte & 0x80:
            byte = head[pos]
            size |= (byte & 0x7F) << shift
            pos += 1
            shift += 7
        if kind not in (_OFS_DELTA, _REF_DELTA):
            return size
        if kind == _OFS_DELTA:
            while head[pos] & 0x80:
                pos += 1
            pos += 1
        else:
            pos += 20
        handle.seek(offset + pos)
        inflater = zlib.decompressobj()
        delta = b""
        while len(delta) < 20:
            chunk = handle.read(256)
            if not chunk:
                break
            delta += inflater.decompress(chunk, 64)
            if inflater.eof:
                break
        _source, after = _varint_le(delta, 0)
        target, _ = _varint_le(delta, after)
        return target


def _loose_size(path: Path) -> int:
    inflater = zlib.decompressobj()
    with open(path, "rb") as handle:
        header = b""
        while b"\x00" not in header:
            chunk = handle.read(256)
            if not chunk:
                break
            header += inflater.decompress(chunk, 64)
    return int(header.split(b"\x00", 1)[0].split(b" ", 1)[1])


def object_size(store: BaseObjectStore, sha: ObjectID) -> int | None:
    """The size of an object, read from its header (None when it cannot be told so)."""
    if not isinstance(store, DiskObjectStore):
        return None
    try:
        loose = Path(store.path) / sha[:2].decode("ascii") / sha[2:].decode("ascii")
        if loose.is_file():
            return _loose_size(loose)
        for pack in store.packs:
            if sha in pack.index:
                return _packed_size(os.fspath(pack.data.path), pack.index.object_offset(sha))
    except (OSError, ValueError, IndexError, zlib.error, KeyError):
        return None
    return None


def _new_files(
    store: BaseObjectStore, tips: Iterable[ObjectID], have: Callable[[ObjectID], bool]
) -> Iterator[tuple[str, ObjectID]]:
    """(path, blob id) of every file of the commits from ``tips`` whose objects ``have`` lacks."""
    seen: set[ObjectID] = set()
    commits = [tip for tip in tips if not have(tip)]
    trees: list[tuple[str, ObjectID]] = []
    while commits:
        commit_id = commits.pop()
        if commit_id in seen or have(commit_id):
            continue
        seen.add(commit_id)
        commit = store[commit_id]
        if not isinstance(commit, Commit):
            continue
        trees.append(("", commit.tree))
        commits.extend(commit.parents)
    while trees:
        prefix, tree_id = trees.pop()
        if tree_id in seen or have(tree_id):
            continue
        seen.add(tree_id)
        tree = store[tree_id]
        if not isinstance(tree, Tree):
            continue
        for item in tree.iteritems():
            name = item.path.decode("utf-8", "replace")
            path = f"{prefix}/{name}" if prefix else name
            if stat.S_ISDIR(item.mode):
                trees.append((path, item.sha))
            elif stat.S_IFMT(item.mode) != _GITLINK and item.sha not in seen:
                seen.add(item.sha)
                if not have(item.sha):
                    yield path, item.sha


def oversized(
    store: BaseObjectStore, tips: Iterable[ObjectID], have: Callable[[ObjectID], bool]
) -> None:
    """Refuse when a file new to this library, in the commits from ``tips``, is past the bound.

    Args:
        store: where the commits are (the remote folder's store, or this library's).
        have: whether this library already holds an object (its files were checked then).

    Raises:
        RemoteRefused: naming the first files past the bound and their sizes.
    """
    bound = max_remote_file()
    found = []
    for path, sha in _new_files(store, tips, have):
        size = object_size(store, sha)
        if size is not None and size > bound:
            found.append(f"{path} ({size / 1048576:.1f} MB)")
    if found:
        raise RemoteRefused(
            f"the shared library holds {', '.join(found[:5])}"
            + (f" and {len(found) - 5} more" if len(found) > 5 else "")
            + f", past the {bound / 1048576:.0f} MB a file may have; nothing was taken from "
            "it. Remove the file from the shared library (an editor, with git), then sync again"
        )


# -- a new clone, and what was fetched -----------------------------------------------------------


def size_fetched(repo: LibraryRepo) -> None:
    """Refuse fetched commits that bring a file past the bound (an http remote)."""
    head = repo.head()
    known: set[bytes] = set()
    tips = list(repo.repo.refs.as_dict(Ref(b"refs/remotes/origin")).values())
    if head is not None:
        known.add(oid(head))
        known.update(repo.blob_ids(head).values())
        for tip in tips:
            known.update(find_merge_base(repo.repo, [oid(head), tip]))
    oversized(repo.repo.object_store, tips, known.__contains__)


def follow_remote_branch(repo: LibraryRepo) -> None:
    """Point a new clone's HEAD at the branch the remote keeps its library on (main, else
    master, else the only one)."""
    names = sorted(
        name.decode("utf-8", "replace")
        for name in repo.repo.refs.as_dict(Ref(b"refs/remotes/origin"))
        if name != b"HEAD"
    )
    chosen = next((n for n in ("main", "master") if n in names), names[0] if names else "main")
    repo.repo.refs.set_symbolic_ref(Ref(b"HEAD"), Ref(b"refs/heads/" + chosen.encode()))


def refuse_dangerous_names(repo: LibraryRepo, url: str) -> None:
    """Refuse a whole remote to clone when its tree holds a dangerous name."""
    branch = repo.branch
    remote_ref = Ref(b"refs/remotes/origin/" + branch[len(b"refs/heads/") :])
    if remote_ref not in repo.repo.refs:
        return
    bad = []
    tree = repo.tree_of(repo.repo.refs[remote_ref])
    for entry in iter_tree_contents(repo.repo.object_store, tree):
        path = (entry.path or b"").decode("utf-8", "replace")
        try:
            check_name(path)
        except UnsafePath as exc:
            bad.append(str(exc))
    if bad:
        raise RemoteRefused(
            f"{url} holds paths that would leave the library or touch git's own folder: "
            + "; ".join(bad[:5]) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
            + ". Nothing was cloned; the shared library must be repaired first"
        )


# -- entries ------------------------------------------------------------------------------------


def case_twins(paths: Iterable[str], keep: Collection[str] = ()) -> dict[str, str]:
    """{path: the path it collides with} for paths that differ from another only in letter
    case. Of each group one is not in the result: the one in ``keep`` (a file the library
    already has), else the first in sorted order."""
    first: dict[str, str] = {}
    twins: dict[str, str] = {}
    for path in sorted(paths, key=lambda p: (p not in keep, p)):
        key = path.casefold()
        if key in first:
            twins[path] = first[key]
        else:
            first[key] = path
    return twins


def disk_twin(root: Path, path: str) -> str | None:
    """Another file or folder on disk whose name differs from ``path``'s only in letter case."""
    parent, _, name = path.rpartition("/")
    folder = root / parent if parent else root
    try:
        names = os.listdir(folder)
    except OSError:
        return None
    for other in names:
        if other != name and other.casefold() == name.casefold():
            return f"{parent}/{other}" if parent else other
    return None


def refusal(path: str, mode: int, twins: dict[str, str]) -> str | None:
    """Why a remote tree entry is not made here (None: it is a plain file that may be)."""
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFLNK:
        return "is a symbolic link on the shared library; links are never made here"
    if kind == _GITLINK:
        return "is a submodule (a link to another repository); kbdesk does not fetch submodules"
    if kind != stat.S_IFREG:
        return f"has an unknown git file mode {mode:o}"
    if path in twins:
        return (f"differs only in letter case from {twins[path]}; only that one is written "
                "here (on Windows and macOS one would overwrite the other)")
    return None
