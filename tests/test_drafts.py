"""Drafts: autosaved outside the library, atomic, surviving a killed process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.drafts import Draft, DraftError, DraftStore
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.workstation import paths
from tests.clock import now_stamp
from tests.conftest import REPO_ROOT, doc


def test_save_load_list_discard(make_library) -> None:
    root = make_library({"a.md": doc("甲")})
    store = DraftStore(root, SYSTEM_CLOCK)
    saved = store.save(
        Draft(
            "handbooks/a", "handbooks/a.md", "草稿文字", base_version=3, base_commit="abc", cursor=2
        )
    )
    assert saved.saved_at
    loaded = store.load("handbooks/a")
    assert loaded == saved
    assert store.directory.is_relative_to(paths.data_dir())
    assert not store.directory.is_relative_to(root)
    store.save(Draft("b", "b.md", "第二份"))
    assert {d.doc_id for d in store.list()} == {"handbooks/a", "b"}
    assert store.discard("handbooks/a") is True
    assert store.discard("handbooks/a") is False
    assert store.load("handbooks/a") is None
    with pytest.raises(DraftError):
        store.save(Draft(" ", "x.md", "x"))


def test_damaged_or_partial_files_are_ignored(make_library) -> None:
    store = DraftStore(make_library({}), SYSTEM_CLOCK)
    store.save(Draft("ok", "ok.md", "好"))
    (store.directory / "bad.json").write_text("{not json", "utf-8")
    (store.directory / ".ok.json.123.tmp").write_text("{}", "utf-8")
    assert [d.doc_id for d in store.list()] == ["ok"]


def test_drafts_are_per_library(make_library) -> None:
    one, two = DraftStore(make_library({}), SYSTEM_CLOCK), DraftStore(make_library({}), SYSTEM_CLOCK)
    one.save(Draft("a", "a.md", "一"))
    assert two.load("a") is None


def test_a_draft_survives_a_killed_process(make_library) -> None:
    root = make_library({"a.md": doc("甲")})
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(REPO_ROOT)!r})
        from kbdesk.core.clock import SYSTEM_CLOCK
        from kbdesk.core.storage.drafts import Draft, DraftStore
        store = DraftStore({str(root)!r}, SYSTEM_CLOCK)
        store.save(Draft("a", "a.md", "第一版草稿", cursor=3))
        store.save(Draft("a", "a.md", "寫到一半的第二版", cursor=8))
        print("saved", flush=True)
        time.sleep(60)
    """)
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "saved"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:  # pragma: no cover - only when the child did not start
            proc.kill()
        if proc.stdout is not None:
            proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    draft = DraftStore(root, SYSTEM_CLOCK).load("a")
    assert draft is not None
    assert (draft.text, draft.cursor) == ("寫到一半的第二版", 8)


def test_publishing_discards_the_draft_and_drafts_never_reach_the_repository(make_library) -> None:
    root = make_library({"a.md": doc("甲", id="a")})
    LibraryRepo.init(root, when=now_stamp()).close()
    kb = KnowledgeBase(root)
    kb.drafts.save(Draft("a", "a.md", doc("甲", id="a", body="新內容\n")))
    repo = LibraryRepo(root)
    assert not any("draft" in path for path in repo.working_files())
    kb.publishing.publish("a", doc("甲", id="a", body="新內容\n"), "發布草稿")
    assert kb.drafts.load("a") is None
    head = repo.head()
    assert head is not None and repo.read(head, "a.md") is not None
    assert all(not Path(p).suffix == ".json" for p in repo.working_files())
