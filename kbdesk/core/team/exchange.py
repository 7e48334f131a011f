"""Team records on refs of their own: ``refs/kbdesk/<kind>/<workstation>``.

Each ref is a chain of commits whose tree holds one file, ``records.jsonl``: the workstation's
signed chain of entries (see ``chain``); a new commit only ever adds entries, and only its own
workstation writes it, so merging can never conflict. The refs live in the library's
repository beside its branch but never in its history. A sync first fetches every
workstation's refs and verifies each other workstation's (what verifies is kept in this
workstation's store, what does not is refused and reported), then signs and commits this
workstation's queued records (what its local files hold that its ref does not yet) and pushes
its own refs. Offline, nothing is sent: the local files are the queue and go with the next
sync.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from dulwich.client import get_transport_and_path
from dulwich.errors import NotGitRepository
from dulwich.graph import can_fast_forward
from dulwich.objects import Blob, Commit, ObjectID, Tree
from dulwich.refs import DiskRefsContainer, Ref
from dulwich.repo import Repo

from kbdesk.core.clock import Clock
from kbdesk.core.sync.incoming import local_folder, object_size
from kbdesk.core.team import chain
from kbdesk.core.team.keys import WorkstationKey, workstation_key
from kbdesk.core.team.records import KINDS, dump_line, ref_part, unique
from kbdesk.core.workstation.credentials import transport_auth
from kbdesk.core.workstation.identity import workstation_name

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


def read_team(root: Path, kind: str) -> list[dict[str, object]]:
    """Every peer's record of ``kind`` verified and kept here (as of the last sync); a record
    from before signing carries ``"_signed": False``, a signed one its key in ``"_key"``.

    Refs fetched before records were verified (an older kbdesk) are verified now, once."""
    kept = chain.Kept(root)
    _catch_up(root, kept, kind)
    out: list[dict[str, object]] = []
    for _ws, record, signed, key in kept.records(kind):
        out.append({**record, "_signed": signed, **({"_key": key} if key else {})})
    return out


def drop_refs(root: Path, workstation: str) -> None:
    """Remove this library's copies of ``workstation``'s refs (every kind)."""
    with Repo(str(root)) as repo:
        for kind in KINDS:
            ref = team_ref(kind, workstation)
            if ref in repo.refs:
                del repo.refs[ref]


def _catch_up(root: Path, kept: chain.Kept, kind: str) -> None:
    prefix = REF_PREFIX + kind.encode() + b"/"
    known = set(kept.stations(kind))
    try:
        repo = Repo(str(root))
    except (OSError, ValueError, NotGitRepository):
        return
    with repo:
        mine = ref_part(workstation_name())
        for name in sorted(repo.refs.keys()):
            if not (name.startswith(prefix) and is_team_ref(name)):
                continue
            ws = name[len(prefix):].decode("utf-8")
            if ws not in known and ws != mine:
                with kept.writing():
                    if ws not in kept.stations(kind):  # not done meanwhile by a sync
                        kept.accept(kind, ws, repo.object_store, ObjectID(repo.refs[name]))


def _commit_records(
    repo: Repo, lines: list[str], parents: Sequence[bytes], message: str, *, when: int
) -> ObjectID:
    blob = Blob.from_string(("\n".join(lines) + "\n").encode("utf-8"))
    tree = Tree()
    tree.add(RECORDS_FILE, 0o100644, blob.id)
    commit = Commit()
    commit.tree = tree.id
    commit.parents = [ObjectID(p) for p in parents]
    commit.author = commit.committer = IDENTITY
    commit.author_time = commit.commit_time = when
    commit.author_timezone = commit.commit_timezone = 0
    commit.encoding = b"UTF-8"
    commit.message = message.encode("utf-8")
    repo.object_store.add_objects([(blob, None), (tree, None), (commit, None)])
    return commit.id


def _raw_lines(repo: Repo, sha: ObjectID | None, kind: str) -> list[bytes] | None:
    """The lines of this workstation's ref; None when it cannot be read whole within its
    bound (it is then never rewritten: that would cut the chain the others have seen)."""
    if sha is None:
        return []
    blob_id = chain.records_blob(repo.object_store, sha)
    if blob_id is None:
        return []
    skipped: list[int] = []
    try:
        lines = list(chain.stream_lines(repo.object_store, blob_id, chain.bound(kind),
                                        skipped))
    except (chain.Unreadable, OSError, ValueError):
        return None
    return None if skipped else lines


def commit_queued(
    repo: Repo, workstation: str, own: OwnRecords,
    remote_refs: Mapping[Ref, bytes] | None = None,
    kinds: Sequence[str] = KINDS, key: WorkstationKey | None = None,
    problems: list[str] | None = None, *, clock: Clock,
) -> dict[Ref, ObjectID]:
    """Sign and append what this workstation queued to its own chains; return the refs that
    moved.

    The ref grows from this workstation's copy, or from the remote's when that extends it (a
    new clone); a remote copy that does not (replaced or rewound by someone else) is not
    taken: it is reported in ``problems`` and overwritten by this workstation's chain.
    """
    key = key or workstation_key()
    moved: dict[Ref, ObjectID] = {}
    for kind in kinds:
        ref = team_ref(kind, workstation)
        local = repo.refs[ref] if ref in repo.refs else None
        found = (remote_refs or {}).get(ref)
        remote = ObjectID(found) if found is not None else None
        base = local
        if remote is not None and remote != local and _has(repo, remote):
            if local is None or can_fast_forward(repo, local, remote):
                base = remote
            elif problems is not None:
                problems.append(f"{kind} of {ref_part(workstation)} (this workstation): the "
                                "copy on the shared library was replaced or rewound by someone "
                                "else; this workstation's records were sent again")
        lines = _raw_lines(repo, base, kind)
        limit = chain.bound(kind)
        if lines is None:
            if problems is not None:
                problems.append(f"{kind} of {ref_part(workstation)} (this workstation): its "
                                f"ref is past its bound ({limit.bytes >> 20} MB) or cannot be "
                                "read; its new records are not sent")
            continue
        mine = chain.own_chain(lines, kind, workstation, key.public)
        if mine.dropped and problems is not None:
            problems.append(f"{kind} of {ref_part(workstation)} (this workstation): "
                            f"{mine.dropped} line(s) on its ref were not signed by this "
                            "workstation (written by someone else); they were removed")
        new = [item for item in unique(own(kind)) if dump_line(item) not in mine.payloads]
        room = max(0, limit.records - len(mine.lines))
        if len(new) > room:  # the others read no further: the rest stays queued here
            if problems is not None:
                problems.append(f"{kind} of {ref_part(workstation)} (this workstation): its "
                                f"ref reached its bound of {limit.records} records; "
                                f"{len(new) - room} new record(s) are not sent")
            new = new[:room]
        if not new and not mine.dropped:
            if base is not None and base != local:  # ours, as the remote kept it
                repo.refs[ref] = base
            continue  # nothing new
        out = [raw.decode("utf-8") for raw in mine.lines]
        head, seq = mine.head, mine.seq
        for item in new:
            seq += 1
            line = chain.seal(key, kind, workstation, seq, head, item)
            out.append(line)
            head = chain.entry_hash(line.encode("utf-8"))
        sha = _commit_records(repo, out, [base] if base is not None else [],
                              f"{kind} of {workstation}: {len(new)} new",
                              when=int(clock.now().timestamp()))
        repo.refs[ref] = sha
        moved[ref] = sha
    return moved


def _too_big(url: str, names: set[Ref], repo: Repo) -> dict[Ref, ObjectID]:
    """The peers' refs (on a shared folder) whose records file is past its bound: they are
    read from the folder in a stream up to the bound, never fetched."""
    folder = local_folder(url)
    if folder is None or not (folder / "objects").is_dir():
        return {}
    out: dict[Ref, ObjectID] = {}
    with Repo(str(folder)) as remote:
        for name, sha in remote.refs.as_dict(Ref(b"refs/kbdesk")).items():
            full = Ref(REF_PREFIX + name)
            if not is_team_ref(full) or full in names or _has(repo, sha):
                continue
            blob_id = chain.records_blob(remote.object_store, ObjectID(sha))
            size = object_size(remote.object_store, blob_id) if blob_id else None
            if size is not None and size > chain.bound(_kind(full)).bytes:
                out[full] = ObjectID(sha)
    return out


def _kind(name: bytes) -> str:
    return name.split(b"/")[2].decode("ascii")


def _station(name: bytes) -> str:
    return name.split(b"/")[3].decode("utf-8")


def _accept_big(url: str, kept: chain.Kept, big: Mapping[Ref, ObjectID]) -> list[str]:
    folder = local_folder(url)
    problems: list[str] = []
    if not big or folder is None:
        return problems
    with Repo(str(folder)) as remote:
        for name, sha in sorted(big.items()):
            problems += kept.accept(_kind(name), _station(name), remote.object_store,
                                    sha).problems
    return problems


def exchange(root: Path, url: str, workstation: str, own: OwnRecords,
             problems: list[str] | None = None, *, clock: Clock) -> int:
    """Fetch every workstation's records from ``url`` and verify them (``chain``), then send
    this workstation's own (committed at ``clock``'s now: the library's).

    Returns:
        The number of refs of this workstation sent.

    Raises:
        OSError, dulwich errors: the remote cannot be reached or refused the update.
    """
    client, path = get_transport_and_path(url, **transport_auth(url))
    mine = {team_ref(kind, workstation) for kind in KINDS}
    found: list[str] = [] if problems is None else problems
    kept = chain.Kept(root)
    with kept.writing(), Repo(str(root)) as repo:
        big = _too_big(url, mine, repo)

        def wants(refs: Any, depth: Any = None) -> list[Any]:
            return [
                sha for name, sha in refs.items()
                if is_team_ref(name) and sha and name not in big and not _has(repo, sha)
            ]

        fetched = client.fetch(path, repo, determine_wants=wants)
        remote_refs = {
            name: sha for name, sha in (fetched.refs or {}).items()
            if is_team_ref(name) and sha
        }
        moved: dict[Ref, ObjectID | None] = {}
        for name, sha in sorted(remote_refs.items()):
            if name in mine or name in big or not _has(repo, sha):
                continue
            if not isinstance(repo.object_store[ObjectID(sha)], Commit):
                continue
            verdict = kept.accept(_kind(name), _station(name), repo.object_store,
                                  ObjectID(sha))
            found.extend(verdict.problems)
            if verdict.accepted and (repo.refs[name] if name in repo.refs else None) != sha:
                moved[name] = ObjectID(sha)
        if isinstance(repo.refs, DiskRefsContainer):
            repo.refs.add_packed_refs(moved)  # one write for every peer's ref
        else:
            for name, target in moved.items():
                repo.refs[name] = target
        found.extend(_accept_big(url, kept, big))
        commit_queued(repo, workstation, own, remote_refs, problems=found, clock=clock)
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
