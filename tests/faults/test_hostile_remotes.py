"""A shared library written by some other git tool: dangerous paths, symbolic links, submodules,
names differing only in letter case and huge files, for ``clone`` as well as ``sync``; remote
URLs a transport could read as an option (issue 16)."""

from __future__ import annotations

import os
import subprocess
import tracemalloc
from pathlib import Path

import pytest
from dulwich.objects import Blob, Commit, Tree
from dulwich.repo import Repo

from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.errors import RemoteRefused
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import FILE_MODE, LibraryRepo
from kbdesk.core.sync.sync import clone_library
from tests.conftest import doc
from tests.faults.conftest import kbdesk
from tests.remotes import ELSEWHERE, GITLINK, SYMLINK, HttpRemote, hostile_commit, replaced

HOW = ["clone", "sync"]
OK = doc("正常文件", id="ok", body="\n正常內容。\n").encode()


def _take(how: str, bare: Path, b: KnowledgeBase, tmp_path: Path
          ) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Bring the share's state here: clone it into a new folder, or sync workstation B."""
    if how == "clone":
        target = tmp_path / "joined"
        return kbdesk("clone", str(bare), str(target)), target
    return kbdesk("sync", "--library", str(b.root)), b.root


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("parts", [
    (b"..", b"x.md"),
    (b"..", b"..", b"x.md"),
    (b".git", b"hooks", b"post-checkout"),
    (b".GIT", b"config"),
    (b"/kbdesk-absolute-x.md",),
], ids=["parent", "grandparent", "dot-git", "dot-GIT", "absolute"])
def test_dangerous_paths_are_refused(
    how: str, parts: tuple[bytes, ...], workstations, bare: Path, tmp_path: Path
) -> None:
    _a, b = workstations
    head = LibraryRepo(b.root).head()
    hostile_commit(bare, {parts: (FILE_MODE, b"#!/bin/sh\necho owned\n"), (b"ok.md",): (
        FILE_MODE, OK)})
    result, root = _take(how, bare, b, tmp_path)
    _no_traceback(result)
    shown = b"/".join(parts).decode()
    if how == "clone":  # refused as a whole: nothing is left behind
        assert result.returncode == 2, result.stdout
        assert shown in result.stderr and "Nothing was cloned" in result.stderr
        assert not root.exists()
    else:  # the rest of the change arrives; the dangerous path is reported
        assert result.returncode == 1, result.stderr
        assert f"not written here: '{shown}'" in result.stdout
        assert (root / "ok.md").is_file()
        assert LibraryRepo(root).head() != head
    assert not (tmp_path / "x.md").exists() and not (tmp_path.parent / "x.md").exists()
    assert not os.path.lexists("/kbdesk-absolute-x.md")
    assert not (b.root / ".git" / "hooks" / "post-checkout").exists()
    assert "owned" not in (b.root / ".git" / "config").read_text("utf-8")


def test_cloning_into_an_empty_folder_leaves_it_empty_when_refused(
    workstations, bare: Path, tmp_path: Path
) -> None:
    hostile_commit(bare, {(b"..", b"x.md"): (FILE_MODE, OK)})
    target = tmp_path / "empty"
    target.mkdir()
    result = kbdesk("clone", str(bare), str(target))
    assert result.returncode == 2
    _no_traceback(result)
    assert list(target.iterdir()) == []


@pytest.mark.parametrize("how", HOW)
def test_symbolic_links_on_the_share_are_never_made(
    how: str, workstations, bare: Path, tmp_path: Path
) -> None:
    _a, b = workstations
    hostile_commit(bare, {
        (b"passwd.md",): (SYMLINK, b"/etc/passwd"),
        (b"handbooks",): (SYMLINK, b"../../.."),
        (b"ok.md",): (FILE_MODE, OK),
    })
    result, root = _take(how, bare, b, tmp_path)
    _no_traceback(result)
    assert result.returncode == 1, result.stderr
    assert "'passwd.md': is a symbolic link" in result.stdout
    assert "'handbooks': is a symbolic link" in result.stdout
    assert not os.path.lexists(root / "passwd.md") and not os.path.lexists(root / "handbooks")
    assert (root / "ok.md").read_bytes() == OK
    assert "正常內容" in kbdesk("search", "正常內容", "--library", str(root)).stdout


@pytest.mark.parametrize("how", HOW)
def test_a_submodule_on_the_share_breaks_neither_sync_nor_publish(
    how: str, workstations, bare: Path, tmp_path: Path
) -> None:
    a, b = workstations
    hostile_commit(bare, {(b"vendor",): (GITLINK, ELSEWHERE), (b"ok.md",): (FILE_MODE, OK)})
    result, root = _take(how, bare, b, tmp_path)
    _no_traceback(result)
    assert result.returncode == 1, result.stderr
    assert "'vendor': is a submodule" in result.stdout
    assert not os.path.lexists(root / "vendor") and (root / "ok.md").is_file()
    # publishing here sends the version to the share at once, the submodule entry beside it
    kb = KnowledgeBase(root)
    (root / "refund.md").write_text(replaced(kb, "refund", "24小時", "48小時"), "utf-8")
    kb.close()
    published = kbdesk("publish", "refund.md", "--note", "改48", "--library", str(root))
    _no_traceback(published)
    assert published.returncode == 0, published.stderr
    assert "sent to" in published.stdout and "warning" not in published.stderr
    again = kbdesk("sync", "--library", str(root))
    assert again.returncode == 0, again.stdout + again.stderr
    with Repo(str(bare)) as share:
        tree = share[share[share.refs[b"refs/heads/main"]].tree]
        assert tree[b"vendor"] == (GITLINK, ELSEWHERE)  # nobody's entry is dropped
    other = kbdesk("sync", "--library", str(a.root))
    _no_traceback(other)
    assert other.returncode == 1 and "'vendor': is a submodule" in other.stdout
    assert "48小時" in (a.root / "refund.md").read_text("utf-8")


@pytest.mark.parametrize("how", HOW)
def test_names_differing_only_in_case_lose_nothing(
    how: str, workstations, bare: Path, tmp_path: Path
) -> None:
    _a, b = workstations
    upper = doc("大寫的退款", id="refund-upper", body="\n大寫檔名的文件。\n").encode()
    original = (b.root / "refund.md").read_bytes()
    hostile_commit(bare, {(b"Refund.md",): (FILE_MODE, upper), (b"ok.md",): (FILE_MODE, OK)})
    result, root = _take(how, bare, b, tmp_path)
    _no_traceback(result)
    assert result.returncode == 1, result.stderr
    if how == "sync":  # the file the library has stays; the newcomer is not written
        assert "'Refund.md': differs only in letter case from refund.md" in result.stdout
        assert (root / "refund.md").read_bytes() == original
        assert not (root / "Refund.md").exists()
    else:  # a new clone writes the first in sorted order
        assert "'refund.md': differs only in letter case from Refund.md" in result.stdout
        assert (root / "Refund.md").read_bytes() == upper
        assert not (root / "refund.md").exists()
    repo = LibraryRepo(root)
    assert repo.read(repo.head(), "refund.md") == original  # in the library's history
    assert repo.read(repo.head(), "Refund.md") == upper


def test_a_remote_file_twin_of_a_local_file_is_not_written(workstations, bare: Path) -> None:
    _a, b = workstations
    (b.root / "Notes.md").write_text("我自己的筆記", "utf-8")
    hostile_commit(bare, {(b"notes.md",): (FILE_MODE, doc("筆記").encode())})
    result = kbdesk("sync", "--library", str(b.root))
    _no_traceback(result)
    assert result.returncode == 1
    assert "'notes.md': differs only in letter case from Notes.md here" in result.stdout
    assert (b.root / "Notes.md").read_text("utf-8") == "我自己的筆記"


@pytest.mark.parametrize("how", HOW)
def test_a_file_past_the_bound_is_refused_naming_it(
    how: str, workstations, bare: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _a, b = workstations
    monkeypatch.setenv("KBDESK_MAX_REMOTE_FILE", str(1 << 20))
    big = bytes(range(256)) * (3 << 12)  # 3 MB
    head = LibraryRepo(b.root).head()
    hostile_commit(bare, {(b"scans", b"big.pdf"): (FILE_MODE, big), (b"ok.md",): (FILE_MODE, OK)})
    result, root = _take(how, bare, b, tmp_path)
    _no_traceback(result)
    assert result.returncode == 2, result.stdout
    assert "scans/big.pdf (3.0 MB)" in result.stderr and "past the 1 MB" in result.stderr
    if how == "clone":
        assert not root.exists()
    else:
        assert LibraryRepo(root).head() == head and not (root / "ok.md").exists()
        with Repo(str(root)) as local:
            assert Blob.from_string(big).id not in local.object_store  # nothing was fetched


@pytest.mark.parametrize("how", HOW)
def test_a_huge_file_is_never_loaded(
    how: str, workstations, bare: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A packed 24 MB file on the share (as `git gc` leaves it), bound 1 MB: refused while
    this process allocates far less than the file."""
    _a, b = workstations
    monkeypatch.setenv("KBDESK_MAX_REMOTE_FILE", str(1 << 20))
    hostile_commit(bare, {(b"huge.bin",): (FILE_MODE, b"\0" * (24 << 20))})
    with Repo(str(bare)) as share:
        share.object_store.pack_loose_objects()
    tracemalloc.start()
    try:
        with pytest.raises(RemoteRefused, match=r"huge\.bin \(24\.0 MB\)"):
            if how == "clone":
                clone_library(str(bare), tmp_path / "joined", clock=SYSTEM_CLOCK)
            else:
                b.sync.sync()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20, peak


def test_clone_into_an_existing_file_is_refused(workstations, bare: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("我的筆記", "utf-8")
    result = kbdesk("clone", str(bare), str(target))
    assert result.returncode == 2
    _no_traceback(result)
    assert "is a file, not a folder" in result.stderr
    assert target.read_text("utf-8") == "我的筆記"


@pytest.mark.parametrize("url", [
    "ssh://-oProxyCommand=touch {marker}/x",
    "ssh://user@-oProxyCommand=touch {marker}/x",
    "-oProxyCommand=true:x",  # scp-like forms: a '/' before the ':' makes it a folder
    "git@-oProxyCommand=true:x",
])
def test_hosts_that_look_like_options_are_refused(
    url: str, workstations, tmp_path: Path
) -> None:
    _a, b = workstations
    marker = tmp_path / "ran"
    url = url.format(marker=marker)
    cloned = kbdesk("clone", "--", url, str(tmp_path / "joined"))
    synced = kbdesk("sync", f"--remote={url}", "--library", str(b.root))
    for result in (cloned, synced):
        assert result.returncode == 2, result.stdout
        _no_traceback(result)
        assert "starts with '-'" in result.stderr and "nothing was run" in result.stderr
    assert not marker.exists() and not (tmp_path / "joined").exists()


def test_a_file_past_the_bound_over_http_is_refused_before_it_is_read(
    workstations, bare: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over http the files are sized once fetched, before anything is read or written."""
    _a, b = workstations
    monkeypatch.setenv("KBDESK_MAX_REMOTE_FILE", str(1 << 20))
    head = LibraryRepo(b.root).head()
    hostile_commit(bare, {(b"big.bin",): (FILE_MODE, bytes(range(256)) * (3 << 12)),
                          (b"ok.md",): (FILE_MODE, OK)})
    remote = HttpRemote(bare)
    remote.start()
    try:
        with pytest.raises(RemoteRefused, match=r"big\.bin \(3\.0 MB\)"):
            b.sync.sync(remote.url)
    finally:
        remote.stop()
    assert LibraryRepo(b.root).head() == head and not (b.root / "ok.md").exists()
    assert b.sync.sync_state()["last_status"] == "refused"


def _huge_receipts_ref(bare: Path) -> Blob:
    """Put a 3 MB team-record file on the share, on a receipts ref of its own; return it."""
    big = Blob.from_string(b'{"agent": "x"}\n' * (200 << 10))
    with Repo(str(bare)) as share:
        tree = Tree()
        tree.add(b"records.jsonl", FILE_MODE, big.id)
        commit = Commit()
        commit.tree = tree.id
        commit.author = commit.committer = b"intruder <i@example.com>"
        commit.author_time = commit.commit_time = 1_700_000_000
        commit.author_timezone = commit.commit_timezone = 0
        commit.message = b"records"
        share.object_store.add_objects([(big, None), (tree, None), (commit, None)])
        share.refs[b"refs/kbdesk/receipts/intruder"] = commit.id
    return big


def test_a_huge_team_record_file_holds_up_neither_sync_nor_clone(
    workstations, bare: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read receipts travel on refs of their own: a huge file there (past the bound of a
    workstation's records) is not fetched; the library itself syncs and clones as usual."""
    _a, b = workstations
    monkeypatch.setenv("KBDESK_MAX_REMOTE_FILE", str(1 << 20))
    monkeypatch.setenv("KBDESK_TEAM_MAX_BYTES", str(1 << 20))
    big = _huge_receipts_ref(bare)
    hostile_commit(bare, {(b"ok.md",): (FILE_MODE, OK)})
    for how in HOW:
        result, root = _take(how, bare, b, tmp_path)
        _no_traceback(result)
        assert result.returncode == 0, result.stdout + result.stderr
        assert (root / "ok.md").read_bytes() == OK
        with Repo(str(root)) as local:
            assert big.id not in local.object_store


def test_a_host_dulwich_finds_strange_is_refused_too(
    workstations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should a form of URL get past ``check_url``, dulwich's own refusal is a clear error."""
    _a, b = workstations
    monkeypatch.setattr("kbdesk.core.sync.incoming.check_url", lambda url: None)
    monkeypatch.setattr("kbdesk.core.team.remote.check_url", lambda url: None)
    marker = tmp_path / "ran"
    with pytest.raises(RemoteRefused, match="looks like an option; nothing was run"):
        b.sync.sync(f"ssh://-oProxyCommand=touch {marker}/x")
    assert not marker.exists()
    assert b.sync.remote_url() != f"ssh://-oProxyCommand=touch {marker}/x"


def test_a_huge_team_record_file_over_http_is_never_read(
    workstations, bare: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _a, b = workstations
    monkeypatch.setenv("KBDESK_TEAM_MAX_BYTES", str(1 << 20))
    _huge_receipts_ref(bare)
    remote = HttpRemote(bare)
    remote.start()
    try:
        b.sync.sync(remote.url)
    finally:
        remote.stop()
    # fetched (over HTTP the size is not known before), then read only up to the bound
    from kbdesk.core.team.chain import bound
    from kbdesk.core.team.exchange import read_team

    kept = read_team(b.root, "receipts")
    line = len(b'{"agent": "x"}\n')
    assert len(kept) == min((1 << 20) // line, bound("receipts").records)
    assert all(item == {"agent": "x", "_signed": False} for item in kept)
    assert any("receipts of intruder: the ref is past its bound" in p
               for p in b.team.problems())
