"""Team records as a signed, append-only chain per workstation, verified before they are used.

A workstation's ref (``refs/kbdesk/<kind>/<workstation>``) holds ``records.jsonl``; since this
module, each line is an *entry*::

    {"v": 1, "kind": …, "ws": …, "seq": n, "prev": <sha-256 of the previous entry's line>,
     "key": <the workstation's Ed25519 public key>, "rec": {the record}, "sig": <signature>}

signed over the entry without ``sig`` (a JSON line, keys sorted). The others, on sync, verify a
peer's ref before using it and keep what they verified in a store of their own
(``<data dir>/team/<library>/<kind>/<workstation>.jsonl`` and ``.state.json``): the records
read from there, never straight from the ref, so a ref replaced later takes nothing away.

* The first key seen for a workstation is pinned; entries signed by another key, or whose
  signature does not verify, are ignored and reported.
* The new ref must extend what was seen: every entry already kept must be on it, in order.
  Otherwise (replaced, rewound, re-keyed) the new ref is refused, what was kept stays, and it is
  reported on every sync until it is put right.
* Lines from before signing (plain records, no ``sig``) are read once, while a workstation
  has no signed entry yet, and kept marked unsigned; after its first signed entry, unsigned
  lines are ignored and reported.
* Bounds per workstation and kind (``BOUNDS``): a ref is read in a stream up to its bound in
  bytes and records; the rest is skipped and reported, never loaded.

Verification is cheap in the usual case: an entry's hash covers the one before it, so the
signature of the last entry of a run of linked entries vouches for the whole run; each
signature is checked only when something does not link (a stranger's line in the way).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dulwich.object_store import BaseObjectStore, DiskObjectStore
from dulwich.objects import Blob, Commit, ObjectID, Tree
from filelock import FileLock

from kbdesk.core.team.keys import WorkstationKey, verify
from kbdesk.core.team.records import FLAGS, RECEIPTS, SEARCHLOG, dump_line, ref_part
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.storage import TEMP_SUFFIX, library_key

log = logging.getLogger(__name__)

RECORDS_FILE = b"records.jsonl"
VERSION = 1
_BLOB, _OFS_DELTA, _REF_DELTA = 3, 6, 7
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Bound:
    """The most one workstation's ref of one kind is read for: records and bytes."""

    records: int
    bytes: int


#: A busy agent's year, twice over: 60 receipts, 20 flags (and their clearings) and 500
#: logged searches a day, 365 days, x2; the bytes allow ~800 bytes an entry for receipts and
#: searches (a signed entry is ~350-500) and ~2.7 KB for flags (a 500-character comment).
#: See docs/team.md ("Bounds").
BOUNDS: dict[str, Bound] = {
    RECEIPTS: Bound(44_000, 36 << 20),
    FLAGS: Bound(15_000, 40 << 20),
    SEARCHLOG: Bound(365_000, 280 << 20),
}


def bound(kind: str) -> Bound:
    """The bound of one workstation's ref of ``kind`` (``KBDESK_TEAM_MAX_BYTES`` lowers the
    bytes of every kind, for tests and for sites that want less)."""
    found = BOUNDS[kind]
    try:
        cap = int(os.environ.get("KBDESK_TEAM_MAX_BYTES", found.bytes))
    except ValueError:
        cap = found.bytes
    return Bound(found.records, min(found.bytes, max(cap, 1)))


def entry_hash(line: bytes) -> str:
    """The hash the next entry names as ``prev``."""
    return hashlib.sha256(line).hexdigest()


def seal(key: WorkstationKey, kind: str, ws: str, seq: int, prev: str,
         record: dict[str, object]) -> str:
    """One record as a signed entry line of workstation ``ws``'s chain."""
    body = {"v": VERSION, "kind": kind, "ws": ref_part(ws), "seq": seq, "prev": prev,
            "key": key.public, "rec": record}
    return dump_line({**body, "sig": key.sign(dump_line(body).encode("utf-8"))})


@dataclass
class Line:
    """One line of a ref: an entry (``sig`` set) or a record from before signing."""

    raw: bytes
    hash: str
    record: dict[str, object]
    signed: bool
    key: str = ""
    prev: str = ""
    seq: int = 0
    sig: str = ""
    body: dict[str, object] | None = None

    def verified(self) -> bool:
        if self.body is None:
            return False
        return verify(self.key, self.sig, dump_line(self.body).encode("utf-8"))


def parse(raw: bytes, kind: str, ws: str) -> Line | None:
    """A line of ``ws``'s ref of ``kind`` (None when damaged, or an entry of another kind or
    workstation: a line copied from elsewhere)."""
    try:
        item = json.loads(raw.decode("utf-8"))
    except ValueError:
        return None
    if not isinstance(item, dict):
        return None
    digest = entry_hash(raw)
    if "sig" not in item:
        return Line(raw, digest, item, False)
    record, sig = item.get("rec"), item.get("sig")
    if (not isinstance(record, dict) or not isinstance(sig, str)
            or item.get("kind") != kind or item.get("ws") != ws
            or not isinstance(item.get("key"), str) or not isinstance(item.get("prev"), str)
            or type(item.get("seq")) is not int):
        return None
    body = {k: v for k, v in item.items() if k != "sig"}
    return Line(raw, digest, record, True, str(item["key"]), str(item["prev"]),
                int(item["seq"]), sig, body)


@dataclass
class Linked:
    """The outcome of linking new lines onto what was kept."""

    accepted: list[Line] = field(default_factory=list)
    key: str | None = None
    head: str = ""
    seq: int = 0
    other_key: int = 0
    bad: int = 0
    unsigned_late: int = 0
    unlinked: int = 0


def link(lines: Iterable[Line], key: str | None, head: str, seq: int, *,
         check_each: bool) -> Linked:
    """Entries that extend the chain ending at ``head`` (signed by ``key``; the first signed
    line pins it when None), and counts of what was ignored."""
    out = Linked(key=key, head=head, seq=seq)
    for line in lines:
        if not line.signed:
            if out.head:  # after the first signed entry
                out.unsigned_late += 1
            else:
                out.accepted.append(line)
            continue
        if check_each and not line.verified():
            out.bad += 1
            continue
        if out.key is None:
            out.key = line.key  # trust on first use
        if line.key != out.key:
            out.other_key += 1
            continue
        if line.prev != out.head:
            out.unlinked += 1
            continue
        out.accepted.append(line)
        out.head, out.seq = line.hash, line.seq
    return out


def link_verified(lines: list[Line], key: str | None, head: str, seq: int) -> Linked:
    """``link``, with signatures checked: only the last entry's when everything links (its
    hash chain vouches for the rest), each one's otherwise."""
    quick = link(lines, key, head, seq, check_each=False)
    signed = [line for line in quick.accepted if line.signed]
    if not quick.other_key and not quick.unlinked and (not signed or signed[-1].verified()):
        return quick
    return link(lines, key, head, seq, check_each=True)


# -- reading a blob in a stream ---------------------------------------------------------------


class Unreadable(Exception):
    """A blob that cannot be read in a stream (a packed delta past the bound)."""


def _inflate(handle: object, inflater: zlib._Decompress) -> Iterator[bytes]:
    read = handle.read  # type: ignore[attr-defined]
    while True:
        chunk = read(_CHUNK)
        if not chunk:
            tail = inflater.flush()
            if tail:
                yield tail
            return
        data = inflater.decompress(chunk, _CHUNK)
        while data:
            yield data
            if not inflater.unconsumed_tail:
                break
            data = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
        if inflater.eof:
            return


def _loose_chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        header_done = False
        for data in _inflate(handle, zlib.decompressobj()):
            if not header_done:
                if b"\x00" not in data:
                    continue
                data = data.split(b"\x00", 1)[1]
                header_done = True
            yield data


def _packed_chunks(pack_path: str, offset: int, size: int, bound: int,
                   store: BaseObjectStore, sha: ObjectID) -> Iterator[bytes]:
    with open(pack_path, "rb") as handle:
        handle.seek(offset)
        head = handle.read(16)
        kind, pos = (head[0] >> 4) & 7, 1
        while head[pos - 1] & 0x80:
            pos += 1
        if kind == _BLOB:
            handle.seek(offset + pos)
            yield from _inflate(handle, zlib.decompressobj())
            return
    if size > bound:  # a delta is only ever made whole in memory
        raise Unreadable(f"{size} bytes stored as a delta")
    blob = store[sha]
    if isinstance(blob, Blob):
        yield blob.as_raw_string()


def blob_chunks(store: BaseObjectStore, sha: ObjectID, bound: int) -> Iterator[bytes]:
    """The bytes of a blob in chunks, read from disk as they are used (never whole unless it
    is a packed delta within ``bound``)."""
    if isinstance(store, DiskObjectStore):
        hexsha = sha.decode("ascii")
        loose = Path(store.path) / hexsha[:2] / hexsha[2:]
        if loose.is_file():
            yield from _loose_chunks(loose)
            return
        for pack in store.packs:
            if sha in pack.index:
                from kbdesk.core.sync.incoming import object_size

                size = object_size(store, sha) or 0
                yield from _packed_chunks(os.fspath(pack.data.path),
                                          pack.index.object_offset(sha), size, bound, store, sha)
                return
    blob = store[sha]
    if isinstance(blob, Blob):
        yield blob.as_raw_string()


def stream_lines(store: BaseObjectStore, sha: ObjectID, bound: Bound,
                 skipped: list[int]) -> Iterator[bytes]:
    """The lines of a blob up to ``bound.bytes``; ``skipped`` gets 1 when there was more."""
    used, pending = 0, b""
    for chunk in blob_chunks(store, sha, bound.bytes):
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for raw in complete:
            used += len(raw) + 1
            if used > bound.bytes:
                skipped.append(1)
                return
            if raw.strip():
                yield raw
        if used + len(pending) > bound.bytes:  # one line longer than what is left
            skipped.append(1)
            return
    if pending.strip():
        if used + len(pending) > bound.bytes:
            skipped.append(1)
            return
        yield pending


def records_blob(store: BaseObjectStore, commit_id: ObjectID) -> ObjectID | None:
    """The ``records.jsonl`` blob of a team-record commit (None when it holds none)."""
    try:
        commit = store[commit_id]
        if not isinstance(commit, Commit):
            return None
        tree = store[commit.tree]
        if not isinstance(tree, Tree):
            return None
        _mode, blob_id = tree[RECORDS_FILE]
        return ObjectID(blob_id)
    except KeyError:
        return None


# -- what this workstation verified and kept --------------------------------------------------


@dataclass
class Verdict:
    """What became of one peer ref at a sync."""

    accepted: bool
    new: int = 0
    problems: list[str] = field(default_factory=list)


_locks: dict[str, FileLock] = {}
_locks_guard = threading.Lock()


def _replace_json(path: Path, data: dict[str, object]) -> None:
    """Replace ``path`` atomically (readers see the old state or the new, never a torn one).

    Not forced to disk: a sync writes hundreds of these, and what a power cut loses of the
    kept records (the state names at most the bytes written before it) is read again from the
    refs at the next sync."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}{TEMP_SUFFIX}")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), "utf-8")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


class Kept:
    """The records verified from peers' refs of one library, on this workstation.

    Per workstation and kind: ``<ws>.jsonl`` (one ``{"h": hash, "r": record, "s": signed}``
    line per kept line, appended) and ``<ws>.state.json`` (written atomically after the lines:
    the tip read, the pinned key, the chain's head and the length of the lines that count,
    so a torn append is never read).
    """

    def __init__(self, library_root: Path) -> None:
        self.folder = paths.data_dir() / "team" / library_key(library_root)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the store's inter-process lock (a sync of this library's team records at a
        time; readers need none: they see the last state written whole)."""
        path = self.folder.with_name(self.folder.name + ".lock")
        with _locks_guard:
            lock = _locks.get(str(path))
            if lock is None:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    lock = _locks[str(path)] = FileLock(str(path))
                except OSError as exc:
                    log.warning("no lock for the team records (%s)", exc)
        if lock is None:  # a data folder that cannot be written: nothing will be kept anyway
            yield
            return
        with lock:
            yield

    def _files(self, kind: str, ws: str) -> tuple[Path, Path]:
        base = self.folder / kind
        return base / f"{ws}.jsonl", base / f"{ws}.state.json"

    def state(self, kind: str, ws: str) -> dict[str, object]:
        _lines, state_file = self._files(kind, ws)
        try:
            data = json.loads(state_file.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("%s: damaged (%s); the records of %s are read again at the next sync",
                        state_file, exc, ws)
            return {}
        return data if isinstance(data, dict) else {}

    def _kept_lines(self, kind: str, ws: str, state: dict[str, object]) -> Iterator[dict]:
        lines_file, _ = self._files(kind, ws)
        size = int(str(state.get("size", 0)))
        if not size:
            return
        try:
            with open(lines_file, "rb") as handle:
                data = handle.read(size)
        except OSError as exc:
            log.warning("%s: cannot be read: %s", lines_file, exc)
            return
        for raw in data.splitlines():
            try:
                item = json.loads(raw)
            except ValueError:
                continue
            if isinstance(item, dict) and isinstance(item.get("r"), dict):
                yield item

    def hashes(self, kind: str, ws: str, state: dict[str, object]) -> list[str]:
        return [str(item.get("h")) for item in self._kept_lines(kind, ws, state)]

    def keep(self, kind: str, ws: str, state: dict[str, object], lines: list[Line],
             update: dict[str, object]) -> None:
        """Append ``lines`` and then, atomically, the new state."""
        lines_file, state_file = self._files(kind, ws)
        size = int(str(state.get("size", 0)))
        lines_file.parent.mkdir(parents=True, exist_ok=True)
        if lines:
            with open(lines_file, "ab") as handle:
                handle.truncate(size)  # what a torn append left is not part of the kept lines
                for line in lines:
                    handle.write(json.dumps({"h": line.hash, "r": line.record,
                                             "s": line.signed}, ensure_ascii=False,
                                            sort_keys=True).encode("utf-8") + b"\n")
                size = handle.tell()
        _replace_json(state_file, {**state, **update, "size": size})

    def note(self, kind: str, ws: str, problems: list[str]) -> None:
        """Record the problems of a ref that was refused (what was kept stays)."""
        state = self.state(kind, ws)
        _lines, state_file = self._files(kind, ws)
        if state.get("problems") != problems:
            _replace_json(state_file, {**state, "problems": problems})

    def forget(self, ws: str) -> int:
        """Forget workstation ``ws``: its pinned key and what was kept of it (every kind), so
        its refs are read afresh, under whatever key they hold, at the next sync (after it was
        set up again with a new key). Returns the number of kinds forgotten."""
        count = 0
        with self.writing():
            for kind in (RECEIPTS, FLAGS, SEARCHLOG):
                lines_file, state_file = self._files(kind, ref_part(ws))
                if state_file.exists():
                    count += 1
                for path in (state_file, lines_file):  # the state first: never lines alone
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()
        return count

    def stations(self, kind: str) -> list[str]:
        try:
            return sorted(p.name[: -len(".state.json")]
                          for p in (self.folder / kind).glob("*.state.json"))
        except OSError:
            return []

    def records(self, kind: str) -> Iterator[tuple[str, dict[str, object], bool, str]]:
        """(workstation, record, signed, key) of every kept record of ``kind``."""
        for ws in self.stations(kind):
            state = self.state(kind, ws)
            key = str(state.get("key") or "")
            for item in self._kept_lines(kind, ws, state):
                record = item["r"]
                yield ws, record, bool(item.get("s")), key if item.get("s") else ""

    def problems(self) -> list[str]:
        """Every peer-record problem still standing (from the last sync that read each ref)."""
        out: list[str] = []
        for kind in (RECEIPTS, FLAGS, SEARCHLOG):
            for ws in self.stations(kind):
                found = self.state(kind, ws).get("problems")
                if isinstance(found, list):
                    out.extend(str(p) for p in found)
        return out

    # -- verifying a peer's ref ---------------------------------------------------------------

    def accept(self, kind: str, ws: str, store: BaseObjectStore, tip: ObjectID) -> Verdict:
        """Verify workstation ``ws``'s ref of ``kind`` at ``tip`` (its objects in ``store``)
        and keep what extends what was kept; refuse it (keeping what was) otherwise."""
        state = self.state(kind, ws)
        if state.get("tip") == tip.decode("ascii"):
            return Verdict(True)
        name = f"{kind} of {ws}"
        blob_id = records_blob(store, tip)
        if blob_id is None:
            return self._refuse(kind, ws, [f"{name}: the ref holds no records file; ignored"])
        limit = bound(kind)
        known = self.hashes(kind, ws, state)
        seen, foreign, past = 0, 0, 0
        fresh: list[Line] = []
        damaged = 0
        skipped: list[int] = []
        keys: set[str] = set()
        try:
            for raw in stream_lines(store, blob_id, limit, skipped):
                if seen < len(known):
                    if entry_hash(raw) == known[seen]:
                        seen += 1
                    else:
                        foreign += 1
                        stranger = parse(raw, kind, ws)
                        if stranger is not None and stranger.signed:
                            keys.add(stranger.key)
                    continue
                if len(known) + len(fresh) >= limit.records:
                    past = 1  # the rest is not read at all
                    break
                line = parse(raw, kind, ws)
                if line is None:
                    damaged += 1
                else:
                    fresh.append(line)
        except Unreadable as exc:
            return self._refuse(kind, ws, [
                f"{name}: the ref is past its bound of {limit.bytes >> 20} MB and cannot be "
                f"read in part ({exc}); its new records were skipped"])
        except (OSError, zlib.error, KeyError, ValueError) as exc:
            return self._refuse(kind, ws, [
                f"{name}: the ref cannot be read ({exc}); its new records were skipped"])
        if seen < len(known):
            how = "replaced" if foreign or skipped else "rewound"
            other = keys - {str(state.get("key"))}
            if state.get("key") and other:
                how += " and signed by another key than the one first seen for it"
            return self._refuse(kind, ws, [
                f"{name}: the ref was {how}: it does not extend the {len(known)} record(s) "
                "already seen here; refused (those records are kept)"])
        key = str(state["key"]) if state.get("key") else None
        linked = link_verified(fresh, key, str(state.get("head", "")), int(str(
            state.get("seq", 0))))
        problems: list[str] = []
        if linked.other_key:
            problems.append(f"{name}: {linked.other_key} record(s) signed by another key than "
                            "the one pinned for it were ignored")
        if linked.bad or linked.unlinked or damaged:
            problems.append(f"{name}: {linked.bad + linked.unlinked + damaged} record(s) that "
                            "do not verify or do not follow its chain were ignored")
        if linked.unsigned_late:
            problems.append(f"{name}: {linked.unsigned_late} unsigned record(s) after its "
                            "signed ones were ignored")
        if past or skipped:
            problems.append(f"{name}: the ref is past its bound ({limit.records} records, "
                            f"{limit.bytes >> 20} MB); the records past it were skipped")
        self.keep(kind, ws, state, linked.accepted, {
            "tip": tip.decode("ascii"), "key": linked.key, "head": linked.head,
            "seq": linked.seq, "problems": problems})
        for problem in problems:
            log.warning("%s", problem)
        return Verdict(True, len(linked.accepted), problems)

    def _refuse(self, kind: str, ws: str, problems: list[str]) -> Verdict:
        for problem in problems:
            log.warning("%s", problem)
        self.note(kind, ws, problems)
        return Verdict(False, 0, problems)


# -- this workstation's own chain -------------------------------------------------------------


@dataclass
class OwnChain:
    """This workstation's ref of one kind, as it may be extended."""

    lines: list[bytes]
    head: str
    seq: int
    payloads: set[str]
    dropped: int


def own_chain(raw_lines: Iterable[bytes], kind: str, ws: str, public: str) -> OwnChain:
    """The lines of this workstation's ref worth keeping (its unsigned lines from before
    signing, and its chain under its own key), with what extending it needs."""
    parsed = [line for raw in raw_lines if (line := parse(raw, kind, ref_part(ws)))]
    linked = link_verified(parsed, None, "", 0)
    if linked.key is None:  # nothing signed yet: whatever it holds from before signing
        linked = link_verified(parsed, public, "", 0)
    kept = linked.accepted
    if linked.key not in (None, public):
        # first signed by another key (this workstation's key was made anew): what the old key
        # signed stays as it was (the others keep it), the new key's entries follow it
        linked = link_verified([line for line in parsed if line.signed and line.key == public],
                               public, "", 0)
        kept = kept + linked.accepted
    payloads = {dump_line(line.record) for line in kept}
    return OwnChain([line.raw for line in kept], linked.head, linked.seq, payloads,
                    len(parsed) - len(kept))
