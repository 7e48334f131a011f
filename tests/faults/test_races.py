"""A second process or a ``kill -9`` at any moment: publishing and indexing stay consistent and
say what really happened (issue 7, sections 1 and 3)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import psutil
import pytest

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import LibraryRepo
from tests.clock import child_command
from tests.conftest import REPO_ROOT, doc
from tests.faults.conftest import as_plain_user, kbdesk, python_in_child
from tests.remotes import replaced
from tests.together import overlapping, run_together

REFUND = doc("退款規則", id="refund", version=1, body="\n退款須在24小時內處理。\n")


def _start(code: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=REPO_ROOT, env=dict(os.environ),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


ROUNDS = 20


@pytest.mark.parametrize("data", ["one-user", "two-users"])
def test_two_processes_publishing_one_document_at_once(
    data: str, make_library, tmp_path: Path
) -> None:
    """Two publishes released together by a barrier, 20 rounds: every one is a version.

    With two users (two data folders) the per-user lock is not shared; the library's own lock
    (``.git/kbdesk.lock``) still serialises the commits (dulwich said ``FileLocked`` before).
    """
    root = make_library({"refund.md": REFUND})
    KnowledgeBase(root).close()
    code = """
        from kbdesk.core.kb import KnowledgeBase
        kb = KnowledgeBase({root!r})
        for n in range({rounds}):
            text = {text!r}.replace("24小時", "{hours}小時-" + str(n))
            wait()
            start = time.monotonic()
            result = kb.publishing.publish("refund", text, "改{hours}-" + str(n), "p{hours}")
            print(json.dumps({{"start": start, "end": time.monotonic(),
                              "version": result.version}}), flush=True)
    """
    envs = None
    if data == "two-users":
        envs = [{"KBDESK_DATA_DIR": str(tmp_path / f"data-{n}")} for n in range(2)]
    reports = run_together(
        [code.format(root=str(root), rounds=ROUNDS, text=REFUND, hours=h) for h in (36, 72)],
        ROUNDS, envs=envs,
    )
    assert overlapping(reports) >= ROUNDS // 4, reports
    versions = sorted(r["version"] for report in reports for r in report)
    assert versions == list(range(2, 2 * ROUNDS + 2))
    kb = KnowledgeBase(root)
    assert sorted(v.version for v in kb.versions.history("refund")) == list(range(1, 2 * ROUNDS + 2))
    head = LibraryRepo(root).head()
    committed = LibraryRepo(root).read_text(head, "refund.md")
    assert (root / "refund.md").read_text("utf-8") == committed  # the file is what was committed
    assert kb.sync.unpublished() == {}
    assert not [p.name for p in root.rglob("*") if p.name.endswith(("tmp", ".lock"))
                and p.name != "kbdesk.lock"]


def test_two_workstations_publishing_to_one_share_at_once(workstations) -> None:
    """Each workstation publishes its own document and sends it to the share, both released
    together, 20 rounds: every send succeeds (a lost race for the branch is pulled and
    pushed again) and every version is everywhere."""
    a, b = workstations
    code = """
        from kbdesk.core.kb import KnowledgeBase
        kb = KnowledgeBase({root!r})
        for n in range({rounds}):
            path = kb.root / "{path}"
            text = path.read_text("utf-8").replace("{old}", "{new}" + str(n), 1)
            text = text.replace("{new}" + str(n - 1), "{new}" + str(n), 1)
            wait()
            start = time.monotonic()
            kb.publishing.publish("{doc_id}", text, "第" + str(n) + "輪", "{who}")
            sent = kb.sync.send_published("{who}")
            print(json.dumps({{"start": start, "end": time.monotonic(),
                              "error": str(sent.error) if sent.error else None,
                              "conflicts": [c.path for c in sent.result.conflicts]
                              if sent.result else []}}), flush=True)
    """
    codes = [
        code.format(root=str(a.root), rounds=ROUNDS, path="refund.md", doc_id="refund",
                    old="24小時", new="甲", who="甲"),
        code.format(root=str(b.root), rounds=ROUNDS, path="greeting.md", doc_id="greeting",
                    old="很高興", new="乙", who="乙"),
    ]
    a.close()
    b.close()
    reports = run_together(codes, ROUNDS)
    assert overlapping(reports) >= ROUNDS // 4, reports
    assert [r["error"] for report in reports for r in report] == [None] * 2 * ROUNDS, reports
    assert [r["conflicts"] for report in reports for r in report] == [[]] * 2 * ROUNDS
    for kb in (KnowledgeBase(a.root), KnowledgeBase(b.root)):
        kb.sync.sync()
        assert next(v.version for v in kb.versions.history("refund")) == ROUNDS + 1
        assert next(v.version for v in kb.versions.history("greeting")) == ROUNDS + 1
        assert f"甲{ROUNDS - 1}" in (kb.root / "refund.md").read_text("utf-8")
        assert f"乙{ROUNDS - 1}" in (kb.root / "greeting.md").read_text("utf-8")
        assert kb.sync.unpublished() == {}
        kb.close()


def test_a_publish_killed_while_writing_leaves_nothing_that_blocks_the_next(make_library) -> None:
    root = make_library({"refund.md": REFUND})
    KnowledgeBase(root).close()
    # a process dies (kill -9) in the middle of writing git's index, holding its lock file
    died = python_in_child(f"""
import os, signal
from dulwich.file import GitFile
handle = GitFile({str(root / ".git" / "index")!r}, "wb")
handle.write(b"DIRC half written")
os.kill(os.getpid(), signal.SIGKILL)
""")
    assert died.returncode == -signal.SIGKILL
    assert (root / ".git" / "index.lock").exists()
    path = root / "refund.md"
    for hours in (48, 72):
        path.write_text(path.read_text("utf-8").replace("24小時", f"{hours}小時")
                        .replace("48小時", f"{hours}小時"), "utf-8")
        result = kbdesk("publish", str(path), "--note", f"改為{hours}小時", "--library", str(root))
        assert result.returncode == 0, result.stderr
    kb = KnowledgeBase(root)
    assert [v.version for v in kb.versions.history("refund")] == [3, 2, 1]
    assert not (root / ".git" / "index.lock").exists()
    assert kb.sync.unpublished() == {}


def _chmod_tree(folder: Path, mode: int) -> None:
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames:
            os.chmod(os.path.join(dirpath, name), mode | 0o111)
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), mode)
    os.chmod(folder, mode | 0o111)


def test_a_read_only_git_folder_is_reported_as_it_is(make_library) -> None:
    root = make_library({"refund.md": REFUND})
    KnowledgeBase(root).close()
    head = LibraryRepo(root).head()
    path = root / "refund.md"
    before = path.read_text("utf-8")
    path.write_text(before.replace("24小時", "48小時"), "utf-8")
    _chmod_tree(root / ".git", 0o444)
    try:
        refused = kbdesk("publish", str(path), "--note", "改", "--library", str(root),
                         **as_plain_user())
    finally:
        _chmod_tree(root / ".git", 0o644)
    assert refused.returncode == 2
    assert "could not be published, nothing changed" in refused.stderr
    assert "not writable" in refused.stderr
    assert LibraryRepo(root).head() == head  # and indeed nothing changed
    # only the top folder read-only: the commit can be made, and the message says so
    os.chmod(root / ".git", 0o555)
    try:
        partly = kbdesk("publish", str(path), "--note", "改為48小時", "--library", str(root),
                        **as_plain_user())
    finally:
        os.chmod(root / ".git", 0o755)
    moved = LibraryRepo(root).head() != head
    assert moved == (partly.returncode == 0), partly.stderr
    assert moved and partly.stdout.startswith("published refund.md v2")


def test_publish_exits_4_when_its_text_lost_a_conflict(workstations) -> None:
    a, b = workstations
    a.publishing.publish("refund", replaced(a, "refund", "24小時", "48小時"), "甲改48", "甲")
    a.sync.sync()
    path = b.root / "refund.md"
    path.write_text(replaced(b, "refund", "24小時", "72小時"), "utf-8")
    result = kbdesk("publish", str(path), "--note", "乙改72", "--library", str(b.root))
    assert result.returncode == 4, result.stderr
    assert "refund.md changed on both sides" in result.stderr and "kept as a draft" in result.stderr
    kept = KnowledgeBase(b.root).drafts.drafts_of("refund")
    assert [d.origin for d in kept] == ["sync-conflict"] and "72小時" in kept[0].text
    assert "48小時" in path.read_text("utf-8")


def _many_documents(make_library, count: int) -> Path:
    return make_library({
        f"part{n % 4}/doc{n}.md": doc(f"第{n}號手冊", body=f"\n## 處理\n\n投訴第{n}號的處理方式。\n")
        for n in range(count)
    })


def test_two_index_rebuilds_at_once_leave_no_duplicates(make_library) -> None:
    root = _many_documents(make_library, 40)
    procs = [subprocess.Popen(child_command("kbdesk", "index", "--rebuild", "--library", str(root)),
                              cwd=REPO_ROOT, env=dict(os.environ), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs  # the second waited
    again = kbdesk("index", "--library", str(root))
    assert again.returncode == 0
    kb = KnowledgeBase(root)
    hits = kb.search("投訴第7號").hits
    assert [(h.doc_id, h.anchor) for h in hits].count(("part3/doc7", hits[0].anchor)) == 1
    assert len({(h.doc_id, h.anchor) for h in hits}) == len(hits)


def test_a_second_rebuild_says_another_is_running(make_library) -> None:
    root = _many_documents(make_library, 4)
    holder = _start(f"""
        import sys, time
        from kbdesk.core.workstation.liblock import library_lock
        with library_lock(__import__("pathlib").Path({str(root)!r}).resolve(), "index"):
            print("holding", flush=True)
            time.sleep(60)
    """)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        env = dict(os.environ, KBDESK_LOCK_TIMEOUT="1")
        busy = subprocess.run(child_command("kbdesk", "index", "--rebuild", "--library", str(root)),
                              cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60)
    finally:
        holder.kill()
        holder.communicate()
    assert busy.returncode == 2
    assert "another kbdesk is publishing/indexing this library" in busy.stderr
    assert "Traceback" not in busy.stderr


def test_kill_9_during_a_rebuild_with_run_files_on_disk(make_library) -> None:
    root = _many_documents(make_library, 120)
    builder = _start(f"""
        import time
        from pathlib import Path
        from kbdesk.core.kb import KnowledgeBase
        from kbdesk.core.search import index
        index.POOL_LIMIT_MB = 0.002  # postings go to run files every few documents
        kb = KnowledgeBase({str(root)!r})
        def progress(done, total, message=""):
            if done >= 100 and list(kb.index.directory.glob("**/*.run")):
                print(kb.index.directory, flush=True)
                time.sleep(120)  # killed here, half the postings in run files
        kb.ensure_index(progress, rebuild=True)
        print("finished", flush=True)
    """)
    assert builder.stdout is not None
    line = builder.stdout.readline().strip()
    assert line and line != "finished", builder.stderr.read() if builder.stderr else ""
    index_dir = Path(line)
    assert list(index_dir.glob("**/*.run"))
    builder.send_signal(signal.SIGKILL)
    builder.communicate(timeout=30)
    kb = KnowledgeBase(root)
    assert kb.index.directory == index_dir
    assert kb.ensure_index().rebuilt
    assert not list(index_dir.glob("**/*.run"))
    assert {h.doc_id for h in kb.search("投訴第7號").hits} >= {"part3/doc7"}
    assert len({h.doc_id for h in kb.search("處理方式", limit=200).hits}) == 120
    kb.close()


def _running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
