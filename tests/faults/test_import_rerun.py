"""An ``import --publish`` killed with SIGKILL partway is finished by running it again: what was
published is not published twice, the rest is, and a publish cut short between writing its file
and committing it is committed as written (no second copy)."""

from __future__ import annotations

import signal
from pathlib import Path

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import LibraryRepo
from tests.clock import now_stamp
from tests.conftest import doc
from tests.faults.conftest import kbdesk, python_in_child

SOURCES = 6


def _sources(folder: Path) -> list[Path]:
    """Six handbooks of distinct text (no two are duplicates of each other)."""
    folder.mkdir()
    files = []
    for number in range(SOURCES):
        lines = [f"第{number}號規定第{line}條：客戶{number * 100 + line}號訂單需於{line + number}日內"
                 f"回覆並記錄編號{number}{line}{number}。" for line in range(10)]
        path = folder / f"handbook-{number}.md"
        path.write_text(f"# 作業規定{number}號\n\n## 第一節 受理\n\n" + "\n\n".join(lines) + "\n",
                        encoding="utf-8")
        files.append(path)
    return files


def _library(make_library) -> Path:  # type: ignore[no-untyped-def]
    root = make_library({"handbooks/existing.md": doc("來電處理", id="existing")})
    LibraryRepo.init(root, author="初始 <init@example.com>", when=now_stamp()).close()
    return root


def _commits(root: Path) -> int:
    repo = LibraryRepo(root)
    try:
        return len(repo.walk())
    finally:
        repo.close()


def _import_killed(root: Path, files: list[Path], patch: str) -> None:
    """Run ``kbdesk import FILES --publish`` in a child that ``patch`` makes kill itself."""
    args = ["import", *map(str, files), "--publish", "--note", "從舊手冊匯入",
            "--library", str(root)]
    died = python_in_child(f"""
import os, signal, sys
from tests.clock import start_test_clock
start_test_clock()
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.cli import main
calls = 0
{patch}
sys.exit(main({args!r}))
""")
    assert died.returncode == -signal.SIGKILL, died.stderr


def _imported(kb: KnowledgeBase) -> list[str]:
    return sorted(d.path for d in kb.documents() if d.id != "existing")


def test_a_killed_import_publish_is_finished_by_running_it_again(make_library,
                                                                  tmp_path: Path) -> None:
    root = _library(make_library)
    files = _sources(tmp_path / "in")
    before = _commits(root)
    # the child dies (SIGKILL) right after its third publish committed
    _import_killed(root, files, """
from kbdesk.core.workflow.publishing import Publishing
real = Publishing.publish
def publish(self, *args, **kwargs):
    global calls
    result = real(self, *args, **kwargs)
    calls += 1
    if calls == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return result
Publishing.publish = publish
""")
    assert _commits(root) == before + 3
    assert len(_imported(KnowledgeBase(root))) == 3

    again = kbdesk("import", *map(str, files), "--publish", "--note", "從舊手冊匯入",
                   "--library", str(root))
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("not published (duplicate of handbooks/") == 3
    assert again.stdout.count("published v1") == 3
    assert _commits(root) == before + SOURCES
    kb = KnowledgeBase(root)
    paths = _imported(kb)
    assert len(paths) == SOURCES and not any(p.endswith("-2.md") for p in paths)
    assert kb.sync.unpublished() == {}

    # a third run has nothing left to do
    third = kbdesk("import", *map(str, files), "--publish", "--note", "從舊手冊匯入",
                   "--library", str(root))
    assert third.returncode == 0, third.stderr
    assert third.stdout.count("not published (duplicate of") == SOURCES
    assert "published v" not in third.stdout
    assert _commits(root) == before + SOURCES
    assert "Traceback" not in again.stderr + third.stderr


def test_a_publish_cut_between_its_file_and_its_commit_is_committed_as_written(
        make_library, tmp_path: Path) -> None:
    root = _library(make_library)
    files = _sources(tmp_path / "in")
    before = _commits(root)
    # the child dies (SIGKILL) when about to commit its third document: the file is written
    _import_killed(root, files, """
real = LibraryRepo.commit
def commit(self, *args, **kwargs):
    global calls
    calls += 1
    if calls == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(self, *args, **kwargs)
LibraryRepo.commit = commit
""")
    assert _commits(root) == before + 2
    kb = KnowledgeBase(root)
    left = kb.sync.unpublished()
    assert list(left.values()) == ["new"]
    [cut_short] = left

    again = kbdesk("import", *map(str, files), "--publish", "--note", "從舊手冊匯入",
                   "--library", str(root))
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    assert again.stdout.count("not published (duplicate of") == 2
    assert f"published v1: {cut_short}" in again.stdout
    assert _commits(root) == before + SOURCES
    kb = KnowledgeBase(root)
    assert kb.sync.unpublished() == {}
    paths = _imported(kb)
    assert len(paths) == SOURCES and cut_short in paths
    assert not any(p.endswith("-2.md") for p in paths)
