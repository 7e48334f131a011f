"""Nothing escapes the library: symbolic links, hostile paths from a remote, control characters
on the terminal (issue 7, section 2)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from dulwich.object_store import commit_tree_changes
from dulwich.objects import Blob, Commit
from dulwich.repo import Repo

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import FILE_MODE
from tests.clock import child_command
from tests.conftest import REPO_ROOT, doc
from tests.faults.conftest import kbdesk
from tests.remotes import replaced

SECRET = doc("機密名單", body="\n## 名單\n\n這是庫外的機密資料 XYZZY。\n")


def _tree_paths(repo_path: Path, ref: bytes = b"HEAD") -> set[str]:
    with Repo(str(repo_path)) as repo:
        from dulwich.object_store import iter_tree_contents

        commit = repo[repo.refs[ref]]
        return {e.path.decode() for e in iter_tree_contents(repo.object_store, commit.tree)}


def _blobs(repo_path: Path) -> bytes:
    with Repo(str(repo_path)) as repo:
        return b"".join(
            obj.data for obj in (repo.object_store[sha] for sha in repo.object_store)
            if isinstance(obj, Blob)
        )


def test_links_out_of_the_library_are_never_read_committed_or_pushed(
    make_library, bare: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text(SECRET, "utf-8")
    (outside / "folder" / "more.md").write_text(SECRET, "utf-8")
    root = make_library({"refund.md": doc("退款規則", id="refund", body="\n退款24小時。\n")})
    (root / "leak.md").symlink_to(outside / "secret.md")
    (root / "linked").symlink_to(outside / "folder", target_is_directory=True)
    kb = KnowledgeBase(root)  # the first open commits a baseline
    kb.publishing.publish("refund", replaced(kb, "refund", "24小時", "48小時"), "改48", "甲")
    assert kb.search("XYZZY").hits == [] and kb.search("機密").hits == []
    assert _tree_paths(root) == {"refund.md"}
    kb.sync.sync(str(bare))
    assert _tree_paths(bare, b"refs/heads/main") == {"refund.md"}
    assert b"XYZZY" not in _blobs(root) and b"XYZZY" not in _blobs(bare)
    checked = kbdesk("check", "--library", str(root))
    assert checked.returncode == 1
    assert "leak.md: a symbolic link" in checked.stdout
    assert "linked: a symbolic link" in checked.stdout
    # publishing through the link is refused too
    published = kbdesk("publish", "leak.md", "--note", "x", "--library", str(root))
    assert published.returncode == 2, published.stdout
    assert (outside / "secret.md").read_text("utf-8") == SECRET


def _remote_commit(bare: Path, files: dict[str, bytes], *, delete: tuple[str, ...] = ()) -> None:
    """A commit on the remote's main made by some other git tool (paths kbdesk would refuse)."""
    with Repo(str(bare)) as repo:
        head = repo.refs[b"refs/heads/main"]
        parent = repo[head]
        changes = []
        for path, data in files.items():
            blob = Blob.from_string(data)
            repo.object_store.add_object(blob)
            changes.append((path.encode(), FILE_MODE, blob.id))
        changes += [(path.encode(), None, None) for path in delete]
        commit = Commit()
        commit.tree = commit_tree_changes(repo.object_store, parent.tree, changes)
        commit.parents = [head]
        commit.author = commit.committer = b"other <o@x>"
        commit.author_time = commit.commit_time = parent.commit_time + 60
        commit.author_timezone = commit.commit_timezone = 0
        commit.message = b"from elsewhere"
        repo.object_store.add_object(commit)
        repo.refs[b"refs/heads/main"] = commit.id


def _leftovers(folder: Path) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.name.endswith(("tmp", ".kbdesk-tmp"))]


def test_sync_never_writes_through_a_symlink(workstations, bare: Path, tmp_path: Path) -> None:
    _a, b = workstations
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (b.root / "handbooks").mkdir()
    (b.root / "handbooks" / "linkdir").symlink_to(elsewhere, target_is_directory=True)
    _remote_commit(bare, {"handbooks/linkdir/x.md": doc("外部", body="\n寫到庫外。\n").encode()})
    result = kbdesk("sync", "--library", str(b.root))
    assert result.returncode == 1, result.stderr
    assert "conflict: not written here" in result.stdout and "symbolic link" in result.stdout
    assert list(elsewhere.iterdir()) == []  # nothing written outside the library
    assert _leftovers(b.root) == []


def test_dangerous_names_from_a_remote_are_refused(workstations, bare: Path) -> None:
    _a, b = workstations
    _remote_commit(bare, {
        ".GIT/config": b"[core]\n\thooksPath = /tmp\n",
        ".Git/hooks/post-checkout": b"#!/bin/sh\necho owned\n",
        "handbooks\\evil.md": doc("反斜線").encode(),
        "ok.md": doc("正常文件", body="\n正常內容。\n").encode(),
    })
    result = b.sync.sync()
    assert len(result.refused) == 3
    assert any("backslash" in r for r in result.refused)
    assert sum("git's own folder" in r for r in result.refused) == 2
    assert (b.root / "ok.md").is_file()
    assert not (b.root / ".GIT").exists() and not (b.root / ".Git").exists()
    assert not [p for p in b.root.iterdir() if "\\" in p.name]
    assert _leftovers(b.root) == []


def test_a_remote_file_over_a_local_folder_is_a_conflict_not_offline(
    workstations, bare: Path
) -> None:
    _a, b = workstations
    (b.root / "notes").mkdir()
    (b.root / "notes" / "mine.txt").write_text("我的筆記", "utf-8")
    _remote_commit(bare, {"notes": doc("筆記").encode()})
    result = kbdesk("sync", "--library", str(b.root))
    assert result.returncode == 1, result.stderr  # not 3 (offline)
    assert "offline" not in result.stdout + result.stderr
    assert "notes" in result.stdout and "is a folder here" in result.stdout
    assert (b.root / "notes" / "mine.txt").read_text("utf-8") == "我的筆記"
    assert _leftovers(b.root) == []
    assert b.sync.sync_state().get("last_status") != "offline"


HOSTILE = (
    '---\ntitle: "退款\\e]0;HACKED\\a規則\\e[2J"\nkind: handbook\nid: refund\n---\n\n'
    "## 時限\n\n退款須在24小時內處理。\x1b]0;OWNED\x07\x1b[31m紅字\x9b2J\n"
)


def test_control_characters_never_reach_the_terminal(make_library) -> None:
    root = make_library({"refund.md": HOSTILE})
    searched = kbdesk("search", "退款", "--library", str(root))
    assert searched.returncode == 0, searched.stderr
    assert "退款" in searched.stdout
    for control in ("\x1b", "\x07", "\x9b"):
        assert control not in searched.stdout
    shown = kbdesk("show", "refund", "--library", str(root))
    assert "24小時" in shown.stdout and "\x1b" not in shown.stdout and "\x07" not in shown.stdout
    as_json = kbdesk("search", "退款", "--json", "--library", str(root))
    assert "\x1b" not in as_json.stdout and "\x9b" not in as_json.stdout
    assert "\\u001b" in as_json.stdout
    hits = json.loads(as_json.stdout)
    assert "\x1b" in hits[0]["title"]  # escaped, not lost: the JSON carries the real title


def test_search_into_head_ends_quietly(make_library) -> None:
    body = "投訴處理的說明文字，" * 40
    root = make_library({
        f"d{n}.md": doc(f"投訴手冊{n}", body=f"\n## 節{n}\n\n{body}\n") for n in range(120)
    })
    assert kbdesk("index", "--library", str(root)).returncode == 0
    command = " ".join(f"'{part}'" for part in child_command(
        "kbdesk", "search", "投訴", "--json", "--limit", "120", "--library", str(root)))
    result = subprocess.run(f"{command} | head -n 1", shell=True, capture_output=True,
                            text=True, cwd=REPO_ROOT, env=dict(os.environ), timeout=120)
    assert result.stdout == "[\n"
    assert "BrokenPipeError" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr == ""
