"""Team records on refs of their own: ``refs/kbdesk/<kind>/<workstation>``.

Each ref is a chain of commits whose tree holds one file, ``records.jsonl``; a new commit only
ever adds lines, and only its own workstation writes it, so merging can never conflict. The
refs live in the library's repository beside its branch but never in its history. A sync
first fetches every workstation's refs, then commits this workstation's queued records (what
its local files hold that its ref does not yet) and pushes its own refs. Offline, nothing is
sent: the local files are the queue and go with the next sync.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from dulwich.client import get_transport_and_path
from dulwich.graph import can_fast_forward
from dulwich.objects import Blob, Commit, ObjectID, Tree
from dulwich.refs import Ref
from dulwich.repo import Repo

from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.sync.incoming import local_folder, max_remote_file, object_size, oversized
from kbdesk.core.team.records import KINDS, dump_line, parse_lines, ref_part, unique

log = logging.getLogger(__name__)

REF_PREFIX = b"refs/kbdesk/"
RECORDS_FILE = b"records.jsonl"
IDENTITY = b"kbdesk <kbdesk@localhost>"

#: kind -> the records this workstation has queued (its local files)
OwnRecords = Callable[[str], Sequence[dict[str, object]]]


def team_ref(kind: str, workstation: str) -> Ref:
    """The ref holding one workstation's records of one kind."""
    return Ref(REF_PREFIX + kind.encode() + b"/" + ref_part(workstation).encode("utf-8"))


def _has(repo: Repo, sha: bytes) -> bool:
    return ObjectID(sha) in repo.object_store


def is_team_ref(name: bytes) -> bool:
    """Whether ``name`` is a well-formed ``refs/kbdesk/<kind>/<workstation>`` (anything else
    a remote offers under ``refs/kbdesk/`` is ignored)."""
    parts = name.split(b"/")
    if len(parts) != 4 or parts[:2] != [b"refs", b"kbdesk"]:
        return False
    kind, station = parts[2].decode("ascii", "replace"), parts[3].decode("utf-8", "replace")
    return kind in KINDS and bool(station) and ref_part(station) == station


def _records_at(repo: Repo, sha: bytes | None) -> list[dict[str, object]]:
    if sha is None:
        return []
    try:
        commit = repo[sha]
        assert isinstance(commit, Commit)
        tree = repo[commit.tree]
        assert isinstance(tree, Tree)
        _mode, blob_id = tree[RECORDS_FILE]
        size = object_size(repo.object_store, blob_id)
        if size is not None and size > max_remote_file():
            log.warning("a shared record ref (%s) holds %d bytes, past the bound; ignored",
                        sha, size)
            return []
        blob = repo[blob_id]
        assert isinstance(blob, Blob)
    except (KeyError, AssertionError):
        log.warning("a shared record ref (%s) cannot be read", sha)
        return []
    return parse_lines(blob.data)


def read_team(root: Path, kind: str) -> list[dict[str, object]]:
    """Every record of ``kind`` on the refs this library holds (as of the last sync)."""
    prefix = REF_PREFIX + kind.encode() + b"/"
    with Repo(str(root)) as repo:
        out: list[dict[str, object]] = []
        for name in sorted(repo.refs.keys()):
            if name.startswith(prefix) and is_team_ref(name):
                out.extend(_records_at(repo, repo.refs[name]))
        return out


def _commit_records(
    repo: Repo, lines: list[str], parents: Sequence[bytes], message: str
) -> ObjectID:
    blob = Blob.from_string(("\n".join(lines) + "\n").encode("utf-8"))
    tree = Tree()
    tree.add(RECORDS_FILE, 0o100644, blob.id)
    commit = Commit()
    commit.tree = tree.id
    commit.parents = [ObjectID(p) for p in parents]
    commit.author = commit.committer = IDENTITY
    commit.author_time = commit.commit_time = int(SYSTEM_CLOCK.now().timestamp())
    commit.author_timezone = commit.commit_timezone = 0
    commit.encoding = b"UTF-8"
    commit.message = message.encode("utf-8")
    repo.object_store.add_objects([(blob, None), (tree, None), (commit, None)])
    return commit.id


def commit_queued(
    repo: Repo, workstation: str, own: OwnRecords,
    remote_refs: Mapping[Ref, bytes] | None = None,
    kinds: Sequence[str] = KINDS,
) -> dict[Ref, ObjectID]:
    """Commit what this workstation queued onto its own refs; return the refs that moved.

    Lines already on the ref (here or on the remote's copy of it) are kept as they are and new
    ones appended: a ref only ever grows.
    """
    moved: dict[Ref, ObjectID] = {}
    for kind in kinds:
        ref = team_ref(kind, workstation)
        local = repo.refs[ref] if ref in repo.refs else None
        found = (remote_refs or {}).get(ref)
        remote = ObjectID(found) if found is not None else None
        parents: list[ObjectID] = [sha for sha in (local,) if sha is not None]
        if remote is not None and remote != local and _has(repo, remote):
            if local is None or not can_fast_forward(repo, remote, local):
                parents.append(remote)
        lines: list[str] = []
        for parent in parents:
            lines += [dump_line(item) for item in _records_at(repo, parent)]
        have = set(lines)
        known = len(have)
        for item in unique(own(kind)):
            line = dump_line(item)
            if line not in have:
                have.add(line)
                lines.append(line)
        if len(have) == known and len(parents) <= 1:
            if parents and parents[0] != local:  # ours, as the remote kept it
                repo.refs[ref] = parents[0]
            continue  # nothing new
        sha = _commit_records(repo, list(dict.fromkeys(lines)), parents,
                              f"{kind} of {workstation}: {len(have) - known} new")
        repo.refs[ref] = sha
        moved[ref] = sha
    return moved


def _size_records(url: str, repo: Repo) -> None:
    """Refuse the records of a shared folder holding a file past the bound of what a remote may
    bring (``RemoteRefused``, before anything is fetched); the library's own sync is not held
    up by it (see ``KnowledgeBase.sync_team``)."""
    folder = local_folder(url)
    if folder is None or not (folder / "objects").is_dir():
        return
    with Repo(str(folder)) as remote:
        tips = [sha for name, sha in remote.refs.as_dict(Ref(b"refs/kbdesk")).items()
                if is_team_ref(REF_PREFIX + name)]
        oversized(remote.object_store, tips, lambda sha: sha in repo.object_store)


def exchange(root: Path, url: str, workstation: str, own: OwnRecords) -> int:
    """Fetch every workstation's records from ``url``, then send this workstation's own.

    Returns:
        The number of refs of this workstation sent.

    Raises:
        OSError, dulwich errors: the remote cannot be reached or refused the update.
    """
    client, path = get_transport_and_path(url)
    mine = {team_ref(kind, workstation) for kind in KINDS}
    with Repo(str(root)) as repo:
        _size_records(url, repo)

        def wants(refs: Any, depth: Any = None) -> list[Any]:
            return [
                sha for name, sha in refs.items()
                if is_team_ref(name) and sha and not _has(repo, sha)
            ]

        fetched = client.fetch(path, repo, determine_wants=wants)
        remote_refs = {
            name: sha for name, sha in (fetched.refs or {}).items()
            if is_team_ref(name) and sha
        }
        for name, sha in remote_refs.items():
            obj = repo.object_store[ObjectID(sha)] if _has(repo, sha) else None
            if name not in mine and isinstance(obj, Commit):
                repo.refs[name] = ObjectID(sha)  # one writer per ref: theirs is the newest
        commit_queued(repo, workstation, own, remote_refs)
        to_send = {
            name: repo.refs[name] for name in mine
            if name in repo.refs and remote_refs.get(name) != repo.refs[name]
        }
        if not to_send:
            return 0

        def update_refs(refs: Any) -> Any:
            return dict(to_send)

        def pack_data(have: Any, want: Any, *, ofs_delta: bool = False,
                      progress: Any = None) -> Any:
            return repo.generate_pack_data(set(have), set(want), progress=progress,
                                           ofs_delta=ofs_delta)

        result = client.send_pack(path.encode("utf-8") if isinstance(path, str) else path,
                                  update_refs, generate_pack_data=pack_data)
        failed = {ref: err for ref, err in (result.ref_status or {}).items() if err}
        if failed:
            raise OSError(f"the remote refused {len(failed)} record ref(s): {failed}")
        return len(to_send)
