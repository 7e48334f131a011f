"""The library as a git repository: init with an initial commit, commits, reading old files."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.kb import KnowledgeBase, install_demo_library
from kbdesk.core.storage.repo import LibraryRepo, RepoError, author_line
from tests.clock import now_stamp
from tests.conftest import doc


def test_init_commits_every_file_and_reads_them_back(make_library) -> None:
    root = make_library({"a.md": doc("甲"), "sub/b.md": doc("乙"), "assets/x.png": b"\x89PNG"})
    repo = LibraryRepo.init(root, author="王小明 <wang@example.com>", when=now_stamp())
    head = repo.head()
    assert head is not None
    assert repo.read_text(head, "sub/b.md") == doc("乙")
    assert repo.read(head, "assets/x.png") == b"\x89PNG"
    assert repo.read(head, "missing.md") is None
    info = repo.get_commit(head)
    assert info.author == "王小明 <wang@example.com>"
    assert repo.branch == b"refs/heads/main"
    with pytest.raises(RepoError, match="already a git repository"):
        LibraryRepo.init(root, when=now_stamp())


def test_commit_reads_old_versions_and_lists_commits_per_path(make_library) -> None:
    root = make_library({"a.md": "one\n", "b.md": "b\n"})
    repo = LibraryRepo.init(root, when=now_stamp())
    first = repo.head()
    second = repo.commit({"a.md": b"two\n"}, "edit a", author="李四", when=now_stamp())
    third = repo.commit({"b.md": None}, "remove b", when=now_stamp())
    assert repo.read_text(first, "a.md") == "one\n"
    assert repo.read_text(second, "a.md") == "two\n"
    assert repo.read(third, "b.md") is None
    assert [c.message for c in repo.walk("a.md")] == ["edit a", "Initial library"]
    assert [c.id for c in repo.walk()] == [third, second, first]
    assert repo.get_commit(second).author == "李四 <>"
    with pytest.raises(RepoError, match="nothing to commit"):
        repo.commit({"a.md": b"two\n"}, "same again", when=now_stamp())


def test_file_maps_give_what_a_path_lookup_gives_at_each_commit(make_library) -> None:
    root = make_library({"a.md": doc("甲"), "sub/b.md": doc("乙"), "sub/deep/c.md": doc("丙"),
                         "服務/退款.md": doc("退款"), "assets/x.png": b"\x89PNG"})
    repo = LibraryRepo.init(root, when=now_stamp())
    first = repo.head()
    second = repo.commit({"sub/b.md": doc("乙二").encode(), "a.md": None}, "change b, remove a", when=now_stamp())
    for commit in (first, second):
        files = repo.blob_ids(commit)
        paths = ["a.md", "sub/b.md", "sub/deep/c.md", "服務/退款.md", "assets/x.png", "sub",
                 "missing.md"]
        assert {p: files.get(p) for p in paths} == {p: repo.blob_id(commit, p) for p in paths}
    assert "a.md" in repo.blob_ids(first) and "a.md" not in repo.blob_ids(second)
    assert repo.blob_ids(first)["sub/b.md"] != repo.blob_ids(second)["sub/b.md"]
    assert set(repo.blob_ids(second)) == {"sub/b.md", "sub/deep/c.md", "服務/退款.md",
                                          "assets/x.png"}
    assert repo.blob_ids(None) == {}


def test_commit_refuses_when_the_branch_moved(make_library) -> None:
    root = make_library({"a.md": "one\n"})
    repo = LibraryRepo.init(root, when=now_stamp())
    stale = repo.head()
    assert stale is not None
    tree = repo.tree_of(stale)
    LibraryRepo(root).commit({"a.md": b"other\n"}, "meanwhile", when=now_stamp())
    with pytest.raises(RepoError, match="changed while saving"):
        repo.write_commit(
            tree, [stale], "late", author=None, when=now_stamp(), expected_head=stale, paths=[]
        )
    assert [c.message for c in repo.walk()] == ["meanwhile", "Initial library"]


def test_not_a_repository_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RepoError, match="not a git repository"):
        LibraryRepo(tmp_path)
    assert not LibraryRepo.is_repo(tmp_path)


def test_author_line() -> None:
    assert author_line("王小明") == "王小明 <>"
    assert author_line("A <a@b>") == "A <a@b>"
    assert author_line(None).startswith("kbdesk <")


def test_remote_url_is_kept_in_the_git_config(make_library) -> None:
    repo = LibraryRepo.init(make_library({"a.md": doc("甲")}), when=now_stamp())
    assert repo.remote_url() is None
    repo.set_remote_url("/srv/share/kb.git")
    assert LibraryRepo(repo.root).remote_url() == "/srv/share/kb.git"


def test_git_binary_sees_a_clean_tree_after_commits(make_library) -> None:
    root = make_library({"a.md": doc("甲"), "b/c.md": doc("丙")})
    kb = KnowledgeBase(root)
    text = (root / "a.md").read_text("utf-8") + "新段落\n"
    kb.publishing.publish("a", text, "加段落")
    try:
        out = subprocess.run(
            ["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=True
        ).stdout
    except FileNotFoundError:  # pragma: no cover - git is optional
        pytest.skip("no git binary to cross-check with")
    assert out == ""


def test_demo_library_is_installed_with_an_initial_commit(tmp_path: Path) -> None:
    target = install_demo_library(tmp_path / "library", clock=SYSTEM_CLOCK)
    repo = LibraryRepo(target)
    head = repo.head()
    assert head is not None
    committed = {path for path in repo.working_files()}
    assert committed and all(repo.read(head, path) is not None for path in committed)
