"""The index as derived data: incremental updates, rebuilds when missing, damaged or outdated."""

from __future__ import annotations

import json
import threading

import pytest

from kbdesk.core import KnowledgeBase
from kbdesk.core.errors import Cancelled
from kbdesk.core.kb import index_dir_for
from kbdesk.core.progress import CancelToken
from kbdesk.core.search import analyzer
from kbdesk.core.search import index as index_module
from kbdesk.core.search.index import MANIFEST
from kbdesk.core.workstation import paths
from tests.conftest import doc


@pytest.fixture
def library(make_library):
    return make_library(
        {
            "a.md": doc("甲文件", body="## 甲節\n投訴處理的第一步。\n"),
            "b.md": doc("乙文件", body="## 乙節\n退款要三個工作日。\n"),
            "c.md": doc("丙文件", body="## 丙節\n開場白要親切。\n"),
        },
        in_checkout=True,  # these tests change files on disk and index them as they are
    )


def ids(kb, query):
    return [hit.doc_id for hit in kb.search(query).hits]


def test_index_lives_in_the_cache_dir_under_kbdesk_data_dir(library, _isolated_data):
    kb = KnowledgeBase(library)
    kb.ensure_index()
    assert kb.index.directory == index_dir_for(library)
    assert str(kb.index.directory).startswith(str(paths.cache_dir()))
    assert str(paths.cache_dir()).startswith(str(_isolated_data))
    assert (kb.index.directory / MANIFEST).is_file()


def test_first_sync_builds_then_nothing_to_do(library):
    kb = KnowledgeBase(library)
    first = kb.ensure_index()
    assert first.rebuilt and first.added == 3
    again = kb.ensure_index()
    assert not again.changed


def test_incremental_update_reads_only_changed_files(library):
    kb = KnowledgeBase(library)
    kb.ensure_index()
    (library / "b.md").write_text(doc("乙文件", body="## 乙節\n退貨要七天。\n"), "utf-8")
    (library / "d.md").write_text(doc("丁文件", body="## 丁節\n新的投訴規定。\n"), "utf-8")
    (library / "c.md").unlink()
    stats = kb.ensure_index()
    assert (stats.added, stats.updated, stats.removed, stats.rebuilt) == (1, 1, 1, False)
    assert ids(kb, "退貨") == ["b"]
    assert ids(kb, "退款") == []
    assert ids(kb, "開場白") == []
    assert set(ids(kb, "投訴")) == {"a", "d"}


def test_a_second_process_sees_the_index_without_rebuilding(library):
    KnowledgeBase(library).ensure_index()
    other = KnowledgeBase(library)
    stats = other.ensure_index()
    assert not stats.rebuilt and not stats.changed
    assert ids(other, "投訴") == ["a"]


def test_truncated_segment_file_triggers_rebuild(library):
    kb = KnowledgeBase(library)
    kb.ensure_index()
    kb.close()
    segments = [p for p in kb.index.directory.iterdir() if p.suffix == ".seg"]
    assert segments
    data = segments[0].read_bytes()
    segments[0].write_bytes(data[: len(data) // 2])
    again = KnowledgeBase(library)
    stats = again.ensure_index()
    assert stats.rebuilt and "damaged" in stats.reason
    assert ids(again, "投訴") == ["a"]


def test_garbage_in_the_index_folder_is_recovered(library):
    kb = KnowledgeBase(library)
    kb.ensure_index()
    kb.close()
    for path in kb.index.directory.iterdir():
        if path.name != MANIFEST:
            path.write_bytes(b"\x00garbage")
    manifest = json.loads((kb.index.directory / MANIFEST).read_text("utf-8"))
    manifest["files"] = {}  # sizes no longer say anything: opening must catch it
    (kb.index.directory / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    again = KnowledgeBase(library)
    assert again.ensure_index().rebuilt
    assert ids(again, "退款") == ["b"]


def test_missing_index_is_rebuilt_on_search(library):
    kb = KnowledgeBase(library)
    kb.ensure_index()
    kb.index.delete_files()
    assert not kb.index.directory.exists()
    fresh = KnowledgeBase(library)
    assert ids(fresh, "投訴") == ["a"]


def test_older_analyzer_version_triggers_rebuild(library, monkeypatch):
    KnowledgeBase(library).ensure_index()
    monkeypatch.setattr(analyzer, "ANALYZER_VERSION", analyzer.ANALYZER_VERSION + 1)
    stats = KnowledgeBase(library).ensure_index()
    assert stats.rebuilt and "analyzer" in stats.reason


def test_search_failure_rebuilds_once_and_answers(library, monkeypatch):
    kb = KnowledgeBase(library)
    kb.ensure_index()
    calls = {"n": 0}
    real = index_module.SearchIndex.searcher

    def flaky(self):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("segment file vanished")
        return real(self)

    monkeypatch.setattr(index_module.SearchIndex, "searcher", flaky)
    assert ids(kb, "投訴") == ["a"]
    assert calls["n"] == 2


def test_cancelled_sync_commits_nothing(library):
    kb = KnowledgeBase(library)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        kb.ensure_index(cancel=token)
    assert kb.index.doc_count == 0
    assert kb.ensure_index().added == 3


def test_progress_is_reported(library):
    seen = []
    KnowledgeBase(library).ensure_index(lambda done, total, msg: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] == 3


def test_searching_from_threads_while_updating(library):
    kb = KnowledgeBase(library)
    kb.ensure_index()
    errors: list[BaseException] = []

    def searcher():
        try:
            for _ in range(30):
                kb.search("投訴")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=searcher) for _ in range(3)]
    for thread in threads:
        thread.start()
    for n in range(5):
        (library / "a.md").write_text(doc("甲文件", body=f"## 甲節\n投訴處理第{n}版。\n"), "utf-8")
        kb.ensure_index()
    for thread in threads:
        thread.join()
    assert errors == []
    assert ids(kb, "投訴") == ["a"]


def test_library_with_a_broken_file_still_indexes_the_rest(make_library):
    root = make_library({"ok.md": doc("好", body="## 節\n投訴"), "bad.md": "no front matter"})
    kb = KnowledgeBase(root)
    kb.ensure_index()
    assert [p.path for p in kb.problems] == ["bad.md"]
    assert ids(kb, "投訴") == ["ok"]
