"""Signed policy on sync: an editor adopts signing, workstations take only what editors signed,
and the main branch moves only forward (two workstations and a bare remote; Qt-free)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from dulwich.object_store import commit_tree_changes
from dulwich.objects import Blob, Commit
from dulwich.repo import Repo

from kbdesk.core import KnowledgeBase
from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.errors import KbError, PublishError, RemoteRefused
from kbdesk.core.storage import keys, signing, trust
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.sync.sync import clone_library
from kbdesk.core.workflow import editors
from tests.clock import now_stamp
from tests.remotes import TWO_DOCUMENTS, replaced


class People:
    """Switches whose app data (and so whose editor key) is in use."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.tmp_path = tmp_path
        self.monkeypatch = monkeypatch

    def be(self, name: str) -> None:
        self.monkeypatch.setenv("KBDESK_DATA_DIR", str(self.tmp_path / f"data-{name}"))


@pytest.fixture
def people(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> People:
    return People(tmp_path, monkeypatch)


@pytest.fixture
def signed(make_library, bare: Path, tmp_path: Path, people: People
           ) -> Iterator[tuple[KnowledgeBase, KnowledgeBase, str]]:
    """Editor A shares a library, adopts signing and syncs; agent B joins trusting A's key."""
    people.be("editor")
    root = make_library(TWO_DOCUMENTS)
    LibraryRepo.init(root, when=now_stamp()).close()
    a = KnowledgeBase(root)
    assert a.sync.sync(str(bare)).pushed
    key = keys.init_key("editor@desk")
    editors.adopt(root, "editor", clock=SYSTEM_CLOCK)
    assert a.sync.sync().pushed
    people.be("agent")
    b = KnowledgeBase(clone_library(str(bare), tmp_path / "agent", (key.fingerprint,), clock=SYSTEM_CLOCK))
    yield a, b, key.fingerprint


def _push_commit(bare: Path, changes: dict[str, bytes | None], *,
                 key: Ed25519PrivateKey | None = None, parent: bytes | None = None) -> bytes:
    """Put a commit on the bare repository's main, as a tool other than kbdesk could."""
    with Repo(str(bare)) as repo:
        base = parent or repo.refs[b"refs/heads/main"]
        base_commit = repo[base]
        assert isinstance(base_commit, Commit)
        edits = []
        for path, data in changes.items():
            if data is None:
                edits.append((path.encode(), None, None))
                continue
            blob = Blob.from_string(data)
            repo.object_store.add_object(blob)
            edits.append((path.encode(), 0o100644, blob.id))
        commit = Commit()
        commit.tree = commit_tree_changes(repo.object_store, base_commit.tree, edits)
        commit.parents = [base]
        commit.author = commit.committer = b"outsider <x@y>"
        commit.author_time = commit.commit_time = base_commit.commit_time + 60
        commit.author_timezone = commit.commit_timezone = 0
        commit.message = b"changed\n"
        if key is not None:
            signing.sign_commit(commit, key)
        repo.object_store.add_object(commit)
        repo.refs[b"refs/heads/main"] = commit.id
        return commit.id


def _text(kb: KnowledgeBase, path: str) -> str:
    return (kb.root / path).read_text("utf-8")


def test_an_editors_signed_publish_reaches_the_agent(signed, people: People) -> None:
    a, b, _ = signed
    people.be("editor")
    a.publishing.publish("refund", replaced(a, "refund", "24小時", "48小時"), "延長", "甲")
    assert a.sync.sync().pushed
    people.be("agent")
    result = b.sync.sync()
    assert result.status == "pulled" and result.untrusted == []
    assert "48小時" in _text(b, "refund.md")
    head = LibraryRepo(b.root).repo[LibraryRepo(b.root).head().encode()]
    assert signing.commit_signature(head) is not None


def test_an_unsigned_change_is_refused_and_the_trusted_version_stays(
    signed, bare: Path, people: People
) -> None:
    a, b, _ = signed
    before = LibraryRepo(b.root).head()
    bad = _push_commit(bare, {"refund.md": _text(b, "refund.md").replace("24", "72").encode()})
    result = b.sync.sync()
    assert result.status == "untrusted" and not result.pushed
    assert "24小時" in _text(b, "refund.md")
    assert LibraryRepo(b.root).head() == before
    assert b.search("72小時").hits == []
    assert any(bad.decode()[:12] in line and "is not signed" in line and "refund.md" in line
               for line in result.untrusted)
    assert "untrusted" == b.sync.sync_state()["last_status"]
    people.be("editor")  # the editor sees which commit and which file as well
    assert a.sync.sync().untrusted


def test_a_change_signed_by_an_unknown_key_is_refused(signed, bare: Path) -> None:
    _, b, _ = signed
    stranger = Ed25519PrivateKey.generate()
    _push_commit(bare, {"refund.md": b"hacked\n"}, key=stranger)
    result = b.sync.sync()
    fp = signing.fingerprint(stranger.public_key())
    assert result.status == "untrusted"
    assert any(f"not an editor's ({fp})" in line for line in result.untrusted)
    assert "24小時" in _text(b, "refund.md")


def test_an_outsider_adding_their_own_key_is_refused(signed, bare: Path) -> None:
    _, b, _ = signed
    stranger = Ed25519PrivateKey.generate()
    listed = (b.root / signing.ALLOWED_SIGNERS).read_text("utf-8")
    grown = listed + signing.allowed_line("outsider", stranger.public_key()) + "\n"
    _push_commit(bare, {signing.ALLOWED_SIGNERS: grown.encode()}, key=stranger)
    result = b.sync.sync()
    assert result.status == "untrusted"
    assert any(f"changes {signing.ALLOWED_SIGNERS} and is signed by a key that is not an "
               "editor's" in line for line in result.untrusted)
    assert (b.root / signing.ALLOWED_SIGNERS).read_text("utf-8") == listed


def test_a_tampered_signed_commit_is_refused(signed, bare: Path, people: People) -> None:
    people.be("editor")
    editor_key = keys.load_key()
    assert editor_key is not None
    _, b, _ = signed
    good = _push_commit(bare, {"refund.md": b"fine\n"}, key=editor_key.private)
    with Repo(str(bare)) as repo:
        commit = repo[good]
        assert isinstance(commit, Commit)
        forged = Commit.from_string(commit.as_raw_string().replace(b"changed", b"chaNged"))
        repo.object_store.add_object(forged)
        repo.refs[b"refs/heads/main"] = forged.id
    result = b.sync.sync()
    assert result.status == "untrusted"
    assert any("does not verify" in line for line in result.untrusted)


def test_a_rewound_main_is_refused(signed, bare: Path, people: People) -> None:
    a, b, _ = signed
    people.be("editor")
    with Repo(str(bare)) as repo:
        older = repo.refs[b"refs/heads/main"]
    a.publishing.publish("refund", replaced(a, "refund", "24小時", "48小時"), "延長", "甲")
    assert a.sync.sync().pushed
    people.be("agent")
    assert b.sync.sync().status == "pulled"
    with Repo(str(bare)) as repo:
        repo.refs[b"refs/heads/main"] = older  # an older, validly signed version
    result = b.sync.sync()
    assert result.status == "untrusted" and not result.pushed
    assert any("moved back" in line for line in result.untrusted)
    assert "48小時" in _text(b, "refund.md")
    with Repo(str(bare)) as repo:  # the refused remote was left alone
        assert repo.refs[b"refs/heads/main"] == older


def test_a_main_that_does_not_continue_the_trusted_one_is_refused(
    signed, bare: Path, people: People
) -> None:
    _, b, _ = signed
    people.be("editor")
    editor_key = keys.load_key()
    assert editor_key is not None
    with Repo(str(bare)) as repo:
        tip = repo[repo.refs[b"refs/heads/main"]]
        assert isinstance(tip, Commit)
        parent = tip.parents[0]
    # even signed by the editor: a history beside the one in force is not taken
    _push_commit(bare, {"refund.md": b"fork\n"}, key=editor_key.private, parent=parent)
    people.be("agent")
    result = b.sync.sync()
    assert result.status == "untrusted"
    assert any("does not continue" in line for line in result.untrusted)


def test_joining_a_signed_library_needs_a_trusted_fingerprint(
    signed, bare: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, people: People
) -> None:
    _, _, fingerprint = signed
    people.be("newcomer")
    with pytest.raises(trust.UntrustedLibrary) as caught:
        clone_library(str(bare), tmp_path / "new", clock=SYSTEM_CLOCK)
    assert caught.value.fingerprints == (fingerprint,)
    assert [e.fingerprint for e in caught.value.editors] == [fingerprint]
    assert not (tmp_path / "new").exists()
    with pytest.raises(RemoteRefused, match="not trusted here"):
        clone_library(str(bare), tmp_path / "new", ("SHA256:someone-else",), clock=SYSTEM_CLOCK)
    site = tmp_path / "site.yaml"
    site.write_text(f"editor_fingerprints: ['{fingerprint}']\n", "utf-8")
    monkeypatch.setenv("KBDESK_SITE_CONFIG", str(site))
    joined = clone_library(str(bare), tmp_path / "new", clock=SYSTEM_CLOCK)
    assert (joined / signing.ALLOWED_SIGNERS).is_file()


def test_joining_refuses_an_unsigned_change_after_adoption(
    signed, bare: Path, tmp_path: Path, people: People
) -> None:
    _, _, fingerprint = signed
    _push_commit(bare, {"refund.md": b"unsigned\n"})
    people.be("newcomer")
    with pytest.raises(RemoteRefused, match="not signed by an editor"):
        clone_library(str(bare), tmp_path / "new", (fingerprint,), clock=SYSTEM_CLOCK)


def test_publishing_without_a_key_on_a_signed_library_says_how_to_make_one(
    signed, people: People
) -> None:
    _, b, _ = signed
    with pytest.raises(PublishError, match="kbdesk keys init"):
        b.publishing.publish("refund", replaced(b, "refund", "24小時", "36小時"), "x", "乙")
    assert "24小時" in _text(b, "refund.md")
    keys.init_key("agent@desk")
    with pytest.raises(PublishError, match="not among this library's editors"):
        b.publishing.publish("refund", replaced(b, "refund", "24小時", "36小時"), "x", "乙")


def test_an_added_editor_publishes_and_others_take_it(signed, people: People) -> None:
    a, b, _ = signed
    people.be("agent")
    second = keys.init_key("second@desk")
    people.be("editor")
    change = editors.add_editor(a.root, second.public_line, "second", clock=SYSTEM_CLOCK)
    assert change.fingerprint == second.fingerprint
    assert a.sync.sync().pushed
    people.be("agent")
    assert b.sync.sync().status == "pulled"
    b.publishing.publish("refund", replaced(b, "refund", "24小時", "12小時"), "縮短", "乙")
    assert b.sync.sync().pushed
    people.be("editor")
    result = a.sync.sync()
    assert result.status == "pulled" and result.untrusted == []
    assert "12小時" in _text(a, "refund.md")
    with pytest.raises(editors.EditorKeysError, match="already among"):
        editors.add_editor(a.root, second.public_line, "second", clock=SYSTEM_CLOCK)


def test_adopting_accepts_the_older_unsigned_history(signed, people: People) -> None:
    a, _, fingerprint = signed
    repo = LibraryRepo(a.root)
    commits = repo.walk()
    adoption = commits[0]
    assert "Kbdesk-Adopted: " + adoption.parents[0] in adoption.message
    older = repo.repo[adoption.parents[0].encode()]
    assert signing.commit_signature(older) is None  # unsigned, from before signing
    verdict = trust.check_commits(repo.repo.object_store, repo.head().encode(), [],
                                  [fingerprint])
    assert verdict.trusted and verdict.roots == {adoption.id: fingerprint}
    people.be("editor")
    with pytest.raises(editors.EditorKeysError, match="already requires"):
        editors.adopt(a.root, "again", clock=SYSTEM_CLOCK)


def test_libraries_without_signing_take_unsigned_changes_as_before(
    make_library, bare: Path, tmp_path: Path
) -> None:
    root = make_library(TWO_DOCUMENTS)
    LibraryRepo.init(root, when=now_stamp()).close()
    a = KnowledgeBase(root)
    assert a.sync.sync(str(bare)).pushed
    b = KnowledgeBase(clone_library(str(bare), tmp_path / "b", clock=SYSTEM_CLOCK))
    _push_commit(bare, {"refund.md": b"unsigned but fine\n"})
    result = b.sync.sync()
    assert result.status == "pulled" and result.untrusted == []
    assert _text(b, "refund.md") == "unsigned but fine\n"


def test_a_workstation_that_has_the_library_takes_its_adoption(
    make_library, bare: Path, tmp_path: Path, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    people.be("editor")
    root = make_library(TWO_DOCUMENTS)
    LibraryRepo.init(root, when=now_stamp()).close()
    a = KnowledgeBase(root)
    assert a.sync.sync(str(bare)).pushed
    people.be("agent")
    b = KnowledgeBase(clone_library(str(bare), tmp_path / "agent", clock=SYSTEM_CLOCK))
    site = tmp_path / "site.yaml"
    site.write_text("editor_fingerprints: ['SHA256:not-the-editors']\n", "utf-8")
    monkeypatch.setenv("KBDESK_SITE_CONFIG", str(site))
    people.be("editor")
    key = keys.init_key("editor@desk")
    editors.adopt(root, "editor", clock=SYSTEM_CLOCK)
    assert a.sync.sync().pushed
    people.be("agent")
    refused = b.sync.sync()  # the site trusts another key: the adoption is not taken
    assert refused.status == "untrusted"
    assert any("not trusted here" in line for line in refused.untrusted)
    assert not (b.root / signing.ALLOWED_SIGNERS).exists()
    monkeypatch.delenv("KBDESK_SITE_CONFIG")  # no preset: taken as it comes (it was unsigned)
    assert b.sync.sync().status == "pulled"
    assert editors.editors(b.root)[0].fingerprint == key.fingerprint


def test_a_second_adoption_beside_the_signed_history_is_refused(
    signed, bare: Path, people: People
) -> None:
    _, b, _ = signed
    repo = LibraryRepo(b.root)
    adoption = repo.walk()[0]
    before_signing = adoption.parents[0].encode()
    del repo.repo.refs[trust.TRUSTED_REF]  # as on a workstation that just got this version
    stranger = Ed25519PrivateKey.generate()
    listed = signing.allowed_line("outsider", stranger.public_key()) + "\n"
    root = _push_commit(bare, {signing.ALLOWED_SIGNERS: listed.encode()}, key=stranger,
                        parent=before_signing)
    _push_commit(bare, {"refund.md": b"hacked\n"}, key=stranger, parent=root)
    result = b.sync.sync()
    assert result.status == "untrusted"
    assert any("adopts signing again" in line for line in result.untrusted)
    assert "24小時" in _text(b, "refund.md")


def test_two_editors_publishing_at_once_merge_with_a_signed_commit(
    signed, people: People
) -> None:
    a, b, _ = signed
    people.be("agent")
    second = keys.init_key("second@desk")
    people.be("editor")
    editors.add_editor(a.root, second.public_line, "second", clock=SYSTEM_CLOCK)
    assert a.sync.sync().pushed
    people.be("agent")
    assert b.sync.sync().status == "pulled"
    people.be("editor")
    a.publishing.publish("refund", replaced(a, "refund", "24小時", "48小時"), "延長", "甲")
    assert a.sync.sync().pushed
    people.be("agent")
    b.publishing.publish("greeting", replaced(b, "greeting", "很高興", "非常高興"), "開場白", "乙")
    merged = b.sync.sync()
    assert merged.status == "merged" and merged.pushed and merged.untrusted == []
    head = LibraryRepo(b.root).repo[LibraryRepo(b.root).head().encode()]
    found = signing.commit_signature(head)
    assert len(head.parents) == 2 and found is not None
    assert found.fingerprint == second.fingerprint
    people.be("editor")
    result = a.sync.sync()
    assert result.status == "pulled" and result.untrusted == []
    assert "非常高興" in _text(a, "greeting.md")


def test_rollback_and_retire_are_signed_and_taken(signed, people: People) -> None:
    a, b, fingerprint = signed
    people.be("editor")
    a.publishing.publish("refund", replaced(a, "refund", "24小時", "48小時"), "延長", "甲")
    a.publishing.rollback("refund", 1, "改回", "甲")
    a.publishing.retire("greeting", "不再使用", "甲")
    assert a.sync.sync().pushed
    repo = LibraryRepo(a.root)
    for info in repo.walk()[:3]:
        found = signing.commit_signature(repo.repo[info.id.encode()])
        assert found is not None and found.fingerprint == fingerprint, info.message
    people.be("agent")
    result = b.sync.sync()
    assert result.status == "pulled" and result.untrusted == []
    assert "24小時" in _text(b, "refund.md") and "retired" in _text(b, "greeting.md")


def test_an_unsigned_local_version_is_not_merged_into_a_library_that_adopted_signing(
    make_library, bare: Path, tmp_path: Path, people: People
) -> None:
    people.be("editor")
    root = make_library(TWO_DOCUMENTS)
    LibraryRepo.init(root, when=now_stamp()).close()
    a = KnowledgeBase(root)
    assert a.sync.sync(str(bare)).pushed
    people.be("agent")
    b = KnowledgeBase(clone_library(str(bare), tmp_path / "agent", clock=SYSTEM_CLOCK))
    b.publishing.publish("greeting", replaced(b, "greeting", "很高興", "非常高興"), "本機", "乙")
    people.be("editor")
    keys.init_key("editor@desk")
    editors.adopt(root, "editor", clock=SYSTEM_CLOCK)
    assert a.sync.sync().pushed
    people.be("agent")
    head = LibraryRepo(b.root).head()
    with pytest.raises(KbError, match="requires every change to be signed"):
        b.sync.sync()
    assert LibraryRepo(b.root).head() == head  # nothing merged, nothing written
    assert not (b.root / signing.ALLOWED_SIGNERS).exists()
    assert "非常高興" in _text(b, "greeting.md")
    with Repo(str(bare)) as repo:  # the shared library never got an unsigned merge
        tip = repo[repo.refs[b"refs/heads/main"]]
        assert isinstance(tip, Commit) and signing.commit_signature(tip) is not None


def test_many_refused_commits_are_summed_up(signed, bare: Path) -> None:
    _, b, _ = signed
    for number in range(25):
        _push_commit(bare, {"refund.md": f"unsigned {number}\n".encode()})
    result = b.sync.sync()
    assert result.status == "untrusted"
    assert len(result.untrusted) == 21 and result.untrusted[-1] == "… and 5 more commits"
