"""Sync over git: a bare remote on a "file share" and over HTTP; conflicts lose nothing."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from dulwich import porcelain
from dulwich.repo import Repo

from kbdesk.core.clock import SYSTEM_CLOCK, FixedClock
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.sync.sync import (
    RemoteUnreachable,
    SyncError,
    UnrelatedHistories,
    clone_library,
)
from kbdesk.core.team.remote import NoSharedLibrary, join_library
from tests.clock import now_stamp
from tests.remotes import TWO_DOCUMENTS, HttpRemote, replaced, two_workstations

FILES = TWO_DOCUMENTS


@pytest.fixture
def http_url(bare: Path) -> Iterator[str]:
    remote = HttpRemote(bare)
    remote.start()
    try:
        yield remote.url
    finally:
        remote.stop()


def workstations(make_library, url: str, tmp_path: Path) -> tuple[KnowledgeBase, KnowledgeBase]:
    """Workstation A publishes the library to the remote; B clones it."""
    return two_workstations(make_library(FILES), url, tmp_path / "workstation-b")


def check_different_documents_both_land(a: KnowledgeBase, b: KnowledgeBase) -> None:
    a.publishing.publish("refund", replaced(a, "refund", "24小時", "48小時"), "退款時限延長", "甲")
    assert a.sync.sync().pushed
    b.publishing.publish("greeting", replaced(b, "greeting", "很高興", "非常高興"), "開場白修辭", "乙")
    result = b.sync.sync()
    assert result.status == "merged" and result.pushed and result.conflicts == []
    assert "48小時" in (b.root / "refund.md").read_text("utf-8")
    assert a.sync.sync().status == "pulled"
    for kb in (a, b):
        assert "48小時" in (kb.root / "refund.md").read_text("utf-8")
        assert "非常高興" in (kb.root / "greeting.md").read_text("utf-8")
        assert kb.search("非常高興").hits and kb.search("48小時").hits
        assert [v.note for v in kb.versions.history("greeting")][:1] == ["開場白修辭"]
    assert LibraryRepo(a.root).head() == LibraryRepo(b.root).head()


def test_different_documents_published_on_two_clones_both_land(
    make_library, bare: Path, tmp_path: Path
) -> None:
    a, b = workstations(make_library, str(bare), tmp_path)
    check_different_documents_both_land(a, b)
    assert b.sync.sync_state()["last_status"] == "pushed" or b.sync.sync_state()["last_synced"]


def test_same_document_on_both_sides_loses_nothing(
    make_library, bare: Path, tmp_path: Path
) -> None:
    a, b = workstations(make_library, str(bare), tmp_path)
    a.publishing.publish("refund", replaced(a, "refund", "24小時", "48小時"), "甲改48", "甲")
    a.sync.sync()
    b.publishing.publish("refund", replaced(b, "refund", "24小時", "72小時"), "乙改72", "乙")
    result = b.sync.sync()
    assert [c.path for c in result.conflicts] == ["refund.md"]
    conflict = result.conflicts[0]
    assert conflict.base is not None and "24小時" in conflict.base
    assert conflict.theirs is not None and "48小時" in conflict.theirs
    assert conflict.mine is not None and "72小時" in conflict.mine
    # theirs is in the library; mine is a draft; the losing version is marked in history
    assert "48小時" in (b.root / "refund.md").read_text("utf-8")
    draft = b.drafts.load("refund")
    assert draft is not None and "72小時" in draft.text and draft.origin == "sync-conflict"
    history = b.versions.history("refund")
    assert {(v.note, v.superseded) for v in history} >= {("甲改48", False), ("乙改72", True)}
    in_force = b.versions.document_in_force("refund")
    assert in_force is not None and "48小時" in in_force.body
    # the editor resolves and publishes; the other workstation gets it
    resolved = draft.text.replace("72小時", "60小時")
    published = b.publishing.publish("refund", resolved, "合併：改為60小時", "乙")
    assert published.version == 3 and b.drafts.load("refund") is None
    assert b.sync.sync().pushed
    a.sync.sync()
    assert "60小時" in (a.root / "refund.md").read_text("utf-8")
    assert a.document("refund").version == 3


def test_unpublished_working_edit_is_kept_as_a_draft_on_pull(
    make_library, bare: Path, tmp_path: Path
) -> None:
    a, b = workstations(make_library, str(bare), tmp_path)
    a.publishing.publish("refund", replaced(a, "refund", "24小時", "48小時"), "甲改48", "甲")
    a.sync.sync()
    hand_edit = replaced(b, "refund", "24小時", "36小時")
    (b.root / "refund.md").write_text(hand_edit, "utf-8")
    result = b.sync.sync()
    assert result.kept_drafts == ["refund"]
    assert b.drafts.load("refund").text == hand_edit  # type: ignore[union-attr]
    assert "48小時" in (b.root / "refund.md").read_text("utf-8")


def test_sync_over_http_with_dulwich_server(make_library, http_url: str, tmp_path: Path) -> None:
    a, b = workstations(make_library, http_url, tmp_path)
    check_different_documents_both_land(a, b)
    a.publishing.publish("refund", replaced(a, "refund", "48小時", "12小時"), "甲改12", "甲")
    a.sync.sync()
    b.publishing.publish("refund", replaced(b, "refund", "48小時", "96小時"), "乙改96", "乙")
    result = b.sync.sync()
    assert [c.doc_id for c in result.conflicts] == ["refund"]
    assert "96小時" in b.drafts.load("refund").text  # type: ignore[union-attr]


def test_unreachable_remote_leaves_the_library_working(make_library, tmp_path: Path) -> None:
    root = make_library(FILES)
    kb = KnowledgeBase(root)
    with pytest.raises(SyncError, match="no remote configured"):
        kb.sync.sync()
    missing = str(tmp_path / "no-such-share" / "kb.git")
    with pytest.raises(NoSharedLibrary, match=r"no shared library at .*no-such-share.*"
                       r"\(create one with `kbdesk init-remote .*kb\.git`\)"):
        kb.sync.sync(missing)
    assert not isinstance(NoSharedLibrary("x"), RemoteUnreachable)  # not "offline"
    # a remote that never answered does not become the library's remote
    assert LibraryRepo(root).remote_url() is None
    with pytest.raises(RemoteUnreachable, match=r"127\.0\.0\.1:9.*last synced: never"):
        kb.sync.sync("http://127.0.0.1:9/kb.git")
    assert kb.sync.sync_state()["last_status"] == "offline"
    assert kb.search("24小時").hits
    assert kb.publishing.publish("refund", replaced(kb, "refund", "24小時", "48小時"), "離線也能發布").version == 2
    with pytest.raises(RemoteUnreachable):
        clone_library(missing, tmp_path / "new-workstation", clock=SYSTEM_CLOCK)
    with pytest.raises(NoSharedLibrary, match="no shared library at"):
        join_library(missing, tmp_path / "new-workstation", clock=SYSTEM_CLOCK)
    assert not (tmp_path / "new-workstation").exists()


def test_a_library_with_an_unrelated_history_is_refused_and_nothing_changes(
    make_library, bare: Path
) -> None:
    a_root, b_root = make_library(FILES), make_library(FILES)
    for root, who in ((a_root, "甲"), (b_root, "乙")):  # two unrelated initial commits
        LibraryRepo.init(root, author=who, when=now_stamp()).close()
    a, b = KnowledgeBase(a_root), KnowledgeBase(b_root)
    a.publishing.publish("refund", replaced(a, "refund", "24小時", "48小時"), "甲改48", "甲")
    a.sync.sync(str(bare))
    with Repo(str(bare)) as shared:
        remote_before = dict(shared.get_refs())
    b_head = LibraryRepo(b_root).head()
    with pytest.raises(UnrelatedHistories, match=r"different library.*nothing was changed.*"
                       r"`kbdesk clone "):
        b.sync.sync(str(bare))
    assert LibraryRepo(b_root).head() == b_head
    assert "24小時" in (b_root / "refund.md").read_text("utf-8")
    with Repo(str(bare)) as shared:
        assert dict(shared.get_refs()) == remote_before


def test_refused_push_keeps_local_versions_for_the_next_sync(
    make_library, bare: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dulwich.errors import SendPackError

    a, b = workstations(make_library, str(bare), tmp_path)
    a.publishing.publish("refund", replaced(a, "refund", "24小時", "48小時"), "甲改48", "甲")

    def refuse(*args: object, **kwargs: object) -> None:
        raise SendPackError("pre-receive hook declined (injected)")

    monkeypatch.setattr("dulwich.porcelain.push", refuse)
    with pytest.raises(SyncError, match=r"refused the update.*declined"):
        a.sync.sync()
    assert a.sync.sync_state()["last_status"] == "refused"
    monkeypatch.undo()
    assert a.sync.sync().pushed
    b.sync.sync()
    assert "48小時" in (b.root / "refund.md").read_text("utf-8")


def test_remote_moving_during_sync_is_pulled_again_then_pushed(
    make_library, bare: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dulwich import porcelain as dulwich_porcelain

    a, b = workstations(make_library, str(bare), tmp_path)
    b.publishing.publish("greeting", replaced(b, "greeting", "很高興", "非常高興"), "乙改開場", "乙")
    real_push = dulwich_porcelain.push
    calls = {"n": 0}

    def push_after_a_races(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 1:  # A pushes between B's fetch and B's push
            a.publishing.publish("refund", replaced(a, "refund", "24小時", "48小時"), "甲改48", "甲")
            with monkeypatch.context() as inner:
                inner.setattr(dulwich_porcelain, "push", real_push)
                a.sync.sync()
        return real_push(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dulwich_porcelain, "push", push_after_a_races)
    result = b.sync.sync()
    assert result.pushed and result.status == "merged" and calls["n"] == 2
    assert "48小時" in (b.root / "refund.md").read_text("utf-8")
    monkeypatch.undo()
    a.sync.sync()
    assert "非常高興" in (a.root / "greeting.md").read_text("utf-8")


def test_a_library_kept_on_master_clones_and_syncs(make_library, bare: Path, tmp_path: Path) -> None:
    """A shared library made with plain git tools on the branch master works like one on main."""
    source = make_library(FILES)
    repo = porcelain.init(str(source))  # dulwich's default branch, not kbdesk's main
    porcelain.add(repo, [str(source / name) for name in FILES])
    porcelain.commit(repo, message=b"made elsewhere", author=b"IT <it@example.com>",
                     committer=b"IT <it@example.com>")
    assert repo.refs.follow(b"HEAD")[0][-1] == b"refs/heads/master"
    porcelain.push(repo, str(bare), b"refs/heads/master", errstream=io.BytesIO())
    repo.close()

    a = KnowledgeBase(clone_library(str(bare), tmp_path / "a", clock=SYSTEM_CLOCK))
    b = KnowledgeBase(clone_library(str(bare), tmp_path / "b", clock=SYSTEM_CLOCK))
    assert "24小時" in (a.root / "refund.md").read_text("utf-8")
    check_different_documents_both_land(a, b)
    with Repo(str(bare)) as shared:
        assert b"refs/heads/main" not in shared.refs  # the branch stays the library's own


def test_history_lists_the_retired_v3_above_a_stale_v2_brought_in_later(
    make_library, bare: Path, tmp_path: Path
) -> None:
    """An older text (v2) arriving in a later commit — what merging a fresh install's history
    used to do — is listed below the retired v3, by version."""
    a, _b = workstations(make_library, str(bare), tmp_path)
    v2 = replaced(a, "refund", "24小時", "48小時")
    a.publishing.publish("refund", v2, "甲改48", "甲")
    a.publishing.retire("refund", "併入新流程", "甲")
    (a.root / "refund.md").write_text(v2.replace("version: 1", "version: 2"), "utf-8")
    with Repo(str(a.root)) as repo:  # a later commit carrying the old v2 text
        porcelain.add(repo, [str(a.root / "refund.md")])
        porcelain.commit(repo, message=b"old text from elsewhere",
                         author=b"X <x@example.com>", committer=b"X <x@example.com>")
    versions = a.versions.history("refund")
    assert [(v.version, v.status) for v in versions][:2] == [(3, "retired"), (2, "published")]


def test_last_synced_is_stamped_by_the_library_clock(
    make_library, bare: Path, tmp_path: Path
) -> None:
    """The library's clock 90 days ahead of the process's: the sync's time is the library's."""
    a, b = workstations(make_library, str(bare), tmp_path)
    later = dt.datetime.now().astimezone().replace(microsecond=0) + dt.timedelta(days=90)
    b.set_clock(FixedClock(later))
    result = b.sync.sync()
    assert result.last_synced == later.isoformat(timespec="seconds")
    assert b.sync.sync_state()["last_synced"] == later.isoformat(timespec="seconds")
    assert a.sync.sync_state().get("last_synced") != later.isoformat(timespec="seconds")
