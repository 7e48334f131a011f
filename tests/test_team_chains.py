"""Team records as signed chains (kbdesk/core/team/chain.py): workstations syncing through a bare
repository on a "file share", each with its own data folder and key, and someone who can write
to the share forging, replacing and rewinding another workstation's records."""

from __future__ import annotations

import json
import os
import stat
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from dulwich.objects import Blob, Commit, ObjectID, Tree
from dulwich.repo import Repo

from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.doctor import check_team_records
from kbdesk.core.errors import KbError
from kbdesk.core.reading.receipts import ReceiptBook
from kbdesk.core.sync.incoming import object_size
from kbdesk.core.team import chain
from kbdesk.core.team.board import Team
from kbdesk.core.team.exchange import _commit_records, exchange, read_team, team_ref
from kbdesk.core.team.keys import key_path, workstation_key
from kbdesk.core.team.records import FLAGS, KINDS, RECEIPTS, dump_line
from kbdesk.core.workstation.settings import Settings
from tests.remotes import HttpRemote, make_bare

#: a commit time for records written by hand
STAMP = 1_781_488_800


class Desk:
    """One workstation: a data folder (its key), a library repository and a queue of records."""

    def __init__(self, tmp: Path, name: str, monkeypatch: pytest.MonkeyPatch, url: str) -> None:
        self.name, self.url, self.monkeypatch = name, url, monkeypatch
        self.data = tmp / f"data-{name}"
        self.data.mkdir()
        (self.data / "settings.json").write_text(
            json.dumps({"workstation_name": name, "agent_name": name}), "utf-8")
        self.root = tmp / f"lib-{name}"
        Repo.init(str(self.root), mkdir=True).close()
        self.queue: dict[str, list[dict[str, object]]] = {kind: [] for kind in KINDS}

    def use(self) -> Desk:
        self.monkeypatch.setenv("KBDESK_DATA_DIR", str(self.data))
        return self

    def receipt(self, n: int) -> dict[str, object]:
        item: dict[str, object] = {"doc_id": f"doc-{n}", "version": 1, "agent": self.name,
                                   "workstation": self.name, "time": f"2026-03-02T09:{n:02d}:00"}
        self.queue[RECEIPTS].append(item)
        return item

    def sync(self) -> list[str]:
        self.use()
        problems: list[str] = []
        exchange(self.root, self.url, self.name, lambda kind: self.queue[kind], problems,
                 clock=SYSTEM_CLOCK)
        return problems

    def read(self, kind: str = RECEIPTS) -> list[dict[str, object]]:
        self.use()
        return read_team(self.root, kind)

    def docs_of(self, ws: str) -> list[str]:
        return [str(r["doc_id"]) for r in self.read() if r.get("workstation") == ws]

    def problems(self) -> list[str]:
        self.use()
        return chain.Kept(self.root).problems()

    @property
    def public(self) -> str:
        self.use()
        return workstation_key().public


@pytest.fixture
def share(tmp_path: Path) -> Path:
    return make_bare(tmp_path / "share" / "team.git")


@pytest.fixture
def desks(tmp_path: Path, share: Path, monkeypatch: pytest.MonkeyPatch
          ) -> Iterator[tuple[Desk, Desk, Desk]]:
    yield tuple(Desk(tmp_path, name, monkeypatch, str(share))  # type: ignore[misc]
                for name in ("desk-a", "desk-b", "desk-c"))


@pytest.fixture
def http_desks(tmp_path: Path, share: Path, monkeypatch: pytest.MonkeyPatch
               ) -> Iterator[tuple[Desk, Desk, Desk]]:
    """The same three workstations, syncing over HTTP (dulwich's smart server)."""
    remote = HttpRemote(share)
    remote.start()
    try:
        yield tuple(Desk(tmp_path, name, monkeypatch, remote.url)  # type: ignore[misc]
                    for name in ("desk-a", "desk-b", "desk-c"))
    finally:
        remote.stop()


def _share_ref(share: Path, kind: str, ws: str) -> ObjectID | None:
    with Repo(str(share)) as repo:
        ref = team_ref(kind, ws)
        return repo.refs[ref] if ref in repo.refs else None


def _put(share: Path, kind: str, ws: str, lines: list[str],
         parents: list[ObjectID] | None = None) -> ObjectID:
    """Someone who can write to the share sets ``ws``'s ref to a commit of ``lines``."""
    with Repo(str(share)) as repo:
        sha = _commit_records(repo, lines, parents or [], "forged", when=STAMP)
        repo.refs[team_ref(kind, ws)] = sha
    return sha


def _lines_at(share: Path, sha: ObjectID) -> list[str]:
    with Repo(str(share)) as repo:
        blob_id = chain.records_blob(repo.object_store, sha)
        assert blob_id is not None
        blob = repo[blob_id]
        assert isinstance(blob, Blob)
        return blob.data.decode("utf-8").splitlines()


# -- keys and entries -----------------------------------------------------------------------


def test_the_workstation_key_is_made_once_and_kept_private(tmp_path: Path) -> None:
    first = workstation_key()
    path = key_path()
    assert path.is_file() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert workstation_key().public == first.public  # the same key, read back
    path.write_bytes(b"-----BEGIN PRIVATE KEY-----\nnot a key\n")
    with pytest.raises(Exception, match="not a workstation key"):
        workstation_key()


def test_an_entry_verifies_and_any_change_breaks_it() -> None:
    key = workstation_key()
    line = chain.seal(key, RECEIPTS, "desk-a", 1, "", {"doc_id": "x", "agent": "甲"})
    parsed = chain.parse(line.encode(), RECEIPTS, "desk-a")
    assert parsed is not None and parsed.signed and parsed.verified()
    assert parsed.key == key.public and parsed.record == {"doc_id": "x", "agent": "甲"}
    tampered = line.replace("甲", "乙").encode()
    forged = chain.parse(tampered, RECEIPTS, "desk-a")
    assert forged is not None and not forged.verified()
    # an entry is bound to its kind and workstation: copied elsewhere it is not read
    assert chain.parse(line.encode(), FLAGS, "desk-a") is None
    assert chain.parse(line.encode(), RECEIPTS, "desk-b") is None


# -- three workstations ---------------------------------------------------------------------


def test_three_workstations_share_signed_chains(desks: tuple[Desk, Desk, Desk],
                                                share: Path) -> None:
    a, b, c = desks
    a.receipt(1), a.receipt(2), b.receipt(3)
    for desk in (a, b, c):
        assert desk.sync() == []
    a.sync()  # a gets b's
    for desk in (a, c):
        assert desk.docs_of("desk-b") == ["doc-3"]
    assert c.docs_of("desk-a") == ["doc-1", "doc-2"]
    kept = c.read()
    assert all(r["_signed"] is True for r in kept)
    assert {r["_key"] for r in kept if r["workstation"] == "desk-a"} == {a.public}
    # each entry on the share names the hash of the one before it
    sha = _share_ref(share, RECEIPTS, "desk-a")
    assert sha is not None
    entries = [json.loads(line) for line in _lines_at(share, sha)]
    assert [e["seq"] for e in entries] == [1, 2] and entries[0]["prev"] == ""
    assert entries[1]["prev"] == chain.entry_hash(_lines_at(share, sha)[0].encode())
    # appended later: the chain grows, nothing is read twice
    a.receipt(4)
    a.sync()
    c.sync()
    assert c.docs_of("desk-a") == ["doc-1", "doc-2", "doc-4"]
    assert c.problems() == [] and check_team_records(c.root).ok


def test_a_record_signed_by_another_key_is_ignored_and_reported(
        desks: tuple[Desk, Desk, Desk], share: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    a, _b, c = desks
    a.receipt(1)
    a.sync()
    sha = _share_ref(share, RECEIPTS, "desk-a")
    assert sha is not None
    lines = _lines_at(share, sha)
    Desk(tmp_path, "intruder", monkeypatch, str(share)).use()  # signs with the intruder's key
    forged = chain.seal(workstation_key(), RECEIPTS, "desk-a", 2,
                        chain.entry_hash(lines[-1].encode()),
                        {"doc_id": "doc-forged", "version": 1, "agent": "陳小華",
                         "workstation": "desk-a", "time": "2026-03-02T10:00:00"})
    # and a line claiming desk-a's key whose signature is not desk-a's
    body = json.loads(forged)
    body["key"] = a.public
    fake = dump_line(body)
    _put(share, RECEIPTS, "desk-a", [*lines, forged, fake], [sha])
    c.sync()
    assert c.docs_of("desk-a") == ["doc-1"]
    problems = c.problems()
    assert any("receipts of desk-a: 1 record(s) signed by another key" in p for p in problems)
    assert any("receipts of desk-a: 1 record(s) that do not verify" in p for p in problems)
    assert not check_team_records(c.root).ok
    # desk-a's next sync puts its own chain back on the share (the forged lines are dropped)
    a.receipt(2)
    found = a.sync()
    assert any("(this workstation): 2 line(s) on its ref were not signed by this "
               "workstation" in p for p in found), found
    new = _share_ref(share, RECEIPTS, "desk-a")
    assert new is not None
    assert not any("doc-forged" in line for line in _lines_at(share, new))
    c.sync()
    assert c.docs_of("desk-a") == ["doc-1", "doc-2"]
    assert c.problems() == []


@pytest.mark.parametrize("over", ["folder", "http"])
def test_a_replaced_ref_is_refused_and_what_was_seen_is_kept(
        over: str, request: pytest.FixtureRequest, share: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    a, _b, c = request.getfixturevalue("desks" if over == "folder" else "http_desks")
    a.receipt(1), a.receipt(2)
    a.sync()
    c.sync()
    with Repo(str(c.root)) as repo:
        before = repo.refs[team_ref(RECEIPTS, "desk-a")]
    # someone replaces desk-a's receipts with lines of their own, unsigned and signed
    Desk(tmp_path, "intruder", monkeypatch, str(share)).use()  # signs with the intruder's key
    line = chain.seal(workstation_key(), RECEIPTS, "desk-a", 1, "",
                      {"doc_id": "doc-9", "agent": "x", "version": 1})
    _put(share, RECEIPTS, "desk-a", [line, dump_line({"doc_id": "doc-8", "agent": "y"})])
    c.sync()
    assert c.docs_of("desk-a") == ["doc-1", "doc-2"]  # kept
    problems = c.problems()
    assert len(problems) == 1 and "receipts of desk-a: the ref was replaced" in problems[0]
    assert "signed by another key than the one first seen" in problems[0]
    with Repo(str(c.root)) as repo:  # the local copy of the ref did not move either
        assert repo.refs[team_ref(RECEIPTS, "desk-a")] == before
    c.sync()  # reported at every sync until it is put right
    assert c.problems() == problems
    a.receipt(3)
    a.sync()  # desk-a's sync puts its chain back
    c.sync()
    assert c.docs_of("desk-a") == ["doc-1", "doc-2", "doc-3"] and c.problems() == []


def test_a_rewound_ref_is_refused_and_the_records_are_kept(
        desks: tuple[Desk, Desk, Desk], share: Path) -> None:
    a, b, c = desks
    a.receipt(1)
    a.sync()
    older = _share_ref(share, RECEIPTS, "desk-a")
    a.receipt(2)
    a.sync()
    b.sync()
    assert b.docs_of("desk-a") == ["doc-1", "doc-2"]
    with Repo(str(share)) as repo:
        assert older is not None
        repo.refs[team_ref(RECEIPTS, "desk-a")] = older
    for desk in (b, c):
        desk.sync()
    assert b.docs_of("desk-a") == ["doc-1", "doc-2"]
    assert any("receipts of desk-a: the ref was rewound" in p for p in b.problems())
    assert c.docs_of("desk-a") == ["doc-1"] and c.problems() == []  # c never saw more


def test_a_new_key_for_a_workstation_is_refused(desks: tuple[Desk, Desk, Desk], share: Path,
                                                tmp_path: Path) -> None:
    a, _b, c = desks
    a.receipt(1)
    a.sync()
    c.sync()
    # desk-a is set up again (a new data folder: a new key, an empty repository) and its ref
    # on the share is gone; its new chain starts afresh
    again = tmp_path / "again"
    again.mkdir()
    fresh = Desk(again, "desk-a", a.monkeypatch, str(share))
    with Repo(str(share)) as repo:
        del repo.refs[team_ref(RECEIPTS, "desk-a")]
    assert fresh.public != a.public
    fresh.receipt(5)
    fresh.sync()
    c.sync()
    assert c.docs_of("desk-a") == ["doc-1"]
    problems = c.problems()
    assert any("the ref was replaced and signed by another key than the one first seen" in p
               for p in problems), problems
    # an administrator accepts the new key on desk-c: the old records of desk-a go, the new
    # chain is read at the next sync
    c.use()
    assert Team(c.root, ReceiptBook(c.root, SYSTEM_CLOCK), clock=SYSTEM_CLOCK).forget_workstation("desk-a") == 1
    assert c.docs_of("desk-a") == []  # the old chain is not read again from a local copy
    c.sync()
    assert c.docs_of("desk-a") == ["doc-5"] and c.problems() == []
    assert {r["_key"] for r in c.read() if r["workstation"] == "desk-a"} == {fresh.public}


def test_records_past_the_bound_are_skipped_and_reported(
        desks: tuple[Desk, Desk, Desk], share: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, _b, c = desks
    monkeypatch.setitem(chain.BOUNDS, RECEIPTS, chain.Bound(3, 1 << 20))
    for n in range(5):
        a.receipt(n)
    a.sync()
    c.sync()
    assert c.docs_of("desk-a") == ["doc-0", "doc-1", "doc-2"]
    # the workstation itself sends no more than the others read, and says so
    assert any("receipts of desk-a (this workstation): its ref reached its bound of 3 "
               "records; 2 new record(s) are not sent" in p for p in a.sync())
    sha = _share_ref(share, RECEIPTS, "desk-a")
    assert sha is not None and len(_lines_at(share, sha)) == 3
    # a ref past the bound (written by someone else) is read by the others up to it, and never
    # rewritten (cut) by its own workstation
    lines = _lines_at(share, sha)
    _put(share, RECEIPTS, "desk-a", [*lines, dump_line({"doc_id": "x"})], [sha])
    monkeypatch.setitem(chain.BOUNDS, RECEIPTS, chain.Bound(3, len("\n".join(lines)) + 2))
    c.sync()
    assert c.docs_of("desk-a") == ["doc-0", "doc-1", "doc-2"]
    assert any("receipts of desk-a: the ref is past its bound (3 records" in p
               for p in c.problems())
    assert any("its ref is past its bound" in p for p in a.sync())
    assert _lines_at(share, _share_ref(share, RECEIPTS, "desk-a")) == lines  # its own, whole


def _big_ref(share: Path, ws: str, lines: int) -> tuple[ObjectID, int]:
    """A receipts ref of ``lines`` unsigned lines, its blob loose on the share."""
    data = b"".join(b'{"agent": "x", "doc_id": "d%07d", "version": 1}\n' % n
                    for n in range(lines))
    blob = Blob.from_string(data)
    tree = Tree()
    tree.add(b"records.jsonl", 0o100644, blob.id)
    commit = Commit()
    commit.tree = tree.id
    commit.author = commit.committer = b"x <x@x>"
    commit.author_time = commit.commit_time = 1_700_000_000
    commit.author_timezone = commit.commit_timezone = 0
    commit.message = b"big"
    with Repo(str(share)) as repo:
        repo.object_store.add_object(blob)  # loose
        repo.object_store.add_objects([(tree, None), (commit, None)])
        repo.refs[team_ref(RECEIPTS, ws)] = commit.id
    return blob.id, len(data)


def test_an_oversized_ref_on_a_share_is_read_up_to_its_bound_never_loaded(
        desks: tuple[Desk, Desk, Desk], share: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _a, _b, c = desks
    blob_id, size = _big_ref(share, "desk-z", 200_000)  # ~9 MB
    bound = 64 << 10
    monkeypatch.setitem(chain.BOUNDS, RECEIPTS, chain.Bound(1_000_000, bound))
    tracemalloc.start()
    try:
        c.sync()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < size // 4, (peak, size)  # streamed, never whole
    with Repo(str(c.root)) as repo:
        assert blob_id not in repo.object_store  # not fetched
    kept = c.read()
    per_line = len(b'{"agent": "x", "doc_id": "d0000000", "version": 1}\n')
    assert len(kept) == bound // per_line and kept[0]["doc_id"] == "d0000000"
    assert all(r["_signed"] is False for r in kept)
    assert any("receipts of desk-z: the ref is past its bound" in p for p in c.problems())


def test_a_blob_is_streamed_from_a_pack_and_from_a_loose_object(tmp_path: Path) -> None:
    with Repo.init(str(tmp_path / "r"), mkdir=True) as repo:
        loose = Blob.from_string(b"a\nb\n" * 50_000)
        packed = Blob.from_string(b"c\nd\n" * 50_000)
        repo.object_store.add_object(loose)
        repo.object_store.add_objects([(packed, None)])
        assert any(packed.id in pack.index for pack in repo.object_store.packs)
        skipped: list[int] = []
        lines = list(chain.stream_lines(repo.object_store, loose.id,
                                        chain.Bound(10, 1 << 20), skipped))
        assert lines == [b"a", b"b"] * 50_000 and not skipped
        lines = list(chain.stream_lines(repo.object_store, packed.id,
                                        chain.Bound(10, 9), skipped))
        assert lines == [b"c", b"d", b"c", b"d"] and skipped
        # one endless line is not gathered past the bound either
        endless = Blob.from_string(b"x" * 3_000_000)
        repo.object_store.add_object(endless)
        skipped = []
        tracemalloc.start()
        try:
            assert list(chain.stream_lines(repo.object_store, endless.id,
                                           chain.Bound(10, 1000), skipped)) == []
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert skipped and peak < 1_000_000


def test_an_old_unsigned_ref_is_read_once_marked_unsigned(
        desks: tuple[Desk, Desk, Desk], share: Path) -> None:
    a, _b, c = desks
    old = [dump_line({"doc_id": "doc-old", "version": 1, "agent": "desk-a",
                      "workstation": "desk-a", "time": "2025-12-01T09:00:00"})]
    sha = _put(share, RECEIPTS, "desk-a", old)
    c.sync()
    assert [(r["doc_id"], r["_signed"]) for r in c.read()] == [("doc-old", False)]
    # desk-a upgrades: its queue still holds the old receipt; its new ones are signed
    a.queue[RECEIPTS].append(json.loads(old[0]))
    a.receipt(1)
    a.sync()
    new = _share_ref(share, RECEIPTS, "desk-a")
    assert new is not None and new != sha
    assert _lines_at(share, new)[0] == old[0]  # kept as it was: the others' chains extend
    c.sync()
    assert [(r["doc_id"], r["_signed"]) for r in c.read()] == [
        ("doc-old", False), ("doc-1", True)]
    # an unsigned line after the signed ones is not taken
    assert new is not None
    _put(share, RECEIPTS, "desk-a", [*_lines_at(share, new), dump_line(
        {"doc_id": "doc-late", "version": 1, "agent": "x", "workstation": "desk-a"})], [new])
    c.sync()
    assert "doc-late" not in c.docs_of("desk-a")
    assert any("1 unsigned record(s) after its signed ones" in p for p in c.problems())


def test_refs_from_before_verification_are_verified_when_first_read(
        desks: tuple[Desk, Desk, Desk], share: Path) -> None:
    """A library synced by an older kbdesk holds peers' refs but no kept records yet."""
    a, _b, c = desks
    a.receipt(1)
    a.sync()
    c.sync()
    c.use()
    import shutil

    shutil.rmtree(chain.Kept(c.root).folder)
    assert c.docs_of("desk-a") == ["doc-1"]


def test_a_clearing_counts_only_from_an_editors_workstation(
        desks: tuple[Desk, Desk, Desk], share: Path) -> None:
    a, b, c = desks
    flag = {"id": "f1", "doc_id": "refund", "anchor": "", "section": "", "version": 1,
            "kind": "unclear", "comment": "?", "agent": "desk-a", "workstation": "desk-a",
            "time": "2026-03-02T09:00:00"}
    a.queue[FLAGS].append(flag)
    b.queue[FLAGS].append({"clear": "f1", "agent": "desk-b", "workstation": "desk-b",
                           "time": "2026-03-02T10:00:00"})
    for desk in (a, b, c):
        desk.sync()
    c.use()
    team = Team(c.root, ReceiptBook(c.root, SYSTEM_CLOCK), clock=SYSTEM_CLOCK)
    assert [f.id for f in team.open_flags()] == ["f1"]  # desk-b is no editor's workstation
    (c.root / ".kbdesk").mkdir()
    (c.root / ".kbdesk" / "editor_workstations").write_text(
        f"# editors\n{b.public} desk-b\nnot-a-key someone\n", "utf-8")
    c.use()
    assert team.open_flags() == []


def test_a_damaged_kept_state_is_read_again(desks: tuple[Desk, Desk, Desk]) -> None:
    a, _b, c = desks
    a.receipt(1)
    a.sync()
    c.sync()
    c.use()
    state = chain.Kept(c.root).folder / RECEIPTS / "desk-a.state.json"
    state.write_text("{torn", "utf-8")
    assert c.docs_of("desk-a") == []  # nothing read from a damaged state…
    c.sync()  # …and the next sync verifies the ref again
    assert c.docs_of("desk-a") == ["doc-1"]
    assert os.path.getsize(state) > 0


def test_clearing_a_flag_on_a_workstation_that_is_not_an_editors_is_refused(
        desks: tuple[Desk, Desk, Desk]) -> None:
    a, _b, _c = desks
    a.use()
    settings = Settings.load()
    settings.set("role", "editor")  # the user is an editor: the workstation's key is what fails
    team = Team(a.root, ReceiptBook(a.root, SYSTEM_CLOCK), settings, clock=SYSTEM_CLOCK)
    flag = team.flags.flag("refund", 1, "unclear", "?", "甲")
    with pytest.raises(KbError, match="only an editor's workstation clears flags"):
        team.clear_flag(flag.id)
    assert [f.id for f in team.open_flags()] == [flag.id]  # nothing was recorded
    (a.root / ".kbdesk").mkdir()
    (a.root / ".kbdesk" / "editor_workstations").write_text(team.key_line() + "\n", "utf-8")
    team.clear_flag(flag.id)
    assert team.open_flags() == []


def test_a_packed_delta_past_the_bound_is_skipped_whole(tmp_path: Path) -> None:
    """A records file stored as a delta of another cannot be read in part: past the bound it is
    refused (``Unreadable``) before anything is loaded; within the bound it is read whole."""
    from dulwich.pack import write_pack_objects

    with Repo.init(str(tmp_path / "r"), mkdir=True) as repo:
        older = Blob.from_string(b"".join(b"line %06d\n" % n for n in range(20_000)))
        newer = Blob.from_string(older.data + b"one more\n")
        with open(tmp_path / "delta.pack", "wb") as handle:  # one of them as a delta
            write_pack_objects(handle.write, [(older, None), (newer, None)],
                               repo.object_store.object_format, deltify=True)
        target, commit, _abort = repo.object_store.add_pack()
        target.write((tmp_path / "delta.pack").read_bytes())
        commit()
        store = repo.object_store
        (pack,) = store.packs

        def kind(blob: Blob) -> int:
            with open(pack.data.path, "rb") as handle:
                handle.seek(pack.index.object_offset(blob.id))
                return (handle.read(1)[0] >> 4) & 7

        (delta,) = [blob for blob in (older, newer) if kind(blob) in (6, 7)]
        assert object_size(store, delta.id) == len(delta.data)
        with pytest.raises(chain.Unreadable):
            list(chain.stream_lines(store, delta.id, chain.Bound(10, 1000), []))
        whole = list(chain.stream_lines(store, delta.id, chain.Bound(10, 1 << 20), []))
        assert whole == delta.data.splitlines()


def test_the_workstation_key_command(desks: tuple[Desk, Desk, Desk],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from kbdesk.cli import main

    a, _b, c = desks
    a.use()
    assert main(["workstation-key", "--library", str(a.root)]) == 0
    out = capsys.readouterr()
    assert out.out == f"{a.public} desk-a\n" and ".kbdesk/editor_workstations" in out.err
    a.receipt(1)
    a.sync()
    c.sync()
    c.use()
    assert main(["workstation-key", "--library", str(c.root), "--forget", "desk-a"]) == 0
    assert "forgot desk-a: its key and records (1 kind(s))" in capsys.readouterr().out
    assert c.docs_of("desk-a") == []
