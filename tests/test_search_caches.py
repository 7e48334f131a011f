"""The speed-ups of the search path keep its behaviour (cached filter sets, analysis cache)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.library.model import Kind
from kbdesk.core.search import thesaurus
from kbdesk.core.search.analyzer import ChineseTokenizer, terms
from kbdesk.core.search.thesaurus import query_form
from kbdesk.core.workstation import paths
from tests.conftest import doc

#: the real query form (a test replaces the module's to prove it is not called)
query_form_real = query_form


def _ids(result: object) -> list[str]:
    return [hit.doc_id for hit in result.hits]  # type: ignore[attr-defined]


def test_filter_that_matches_nothing_lets_nothing_through(make_library) -> None:
    root = make_library({"a.md": doc("投訴處理", body="## 受理\n\n客戶投訴要在24小時內回覆。\n")}, in_checkout=True)
    kb = KnowledgeBase(root)
    assert "a" in _ids(kb.search("投訴"))
    assert _ids(kb.search("投訴 category:不存在的分類")) == []
    assert _ids(kb.search("投訴", kinds=[Kind.PROCEDURE])) == []
    assert _ids(kb.search("投訴", categories=["沒有這一類"])) == []
    # and the cached sets do not leak into the next search
    assert "a" in _ids(kb.search("投訴"))


def test_cached_mask_follows_status_changes(make_library) -> None:
    root = make_library({
        "a.md": doc("退款流程", body="## 步驟\n\n退款三個工作日內到賬。\n"),
        "b.md": doc("退款說明", body="## 說明\n\n退款原路退回。\n"),
    }, in_checkout=True)
    kb = KnowledgeBase(root)
    assert set(_ids(kb.search("退款"))) == {"a", "b"}
    path = Path(root) / "b.md"
    path.write_text(doc("退款說明", status="draft", body="## 說明\n\n退款原路退回。\n"), "utf-8")
    kb.ensure_index()
    assert set(_ids(kb.search("退款"))) == {"a"}
    path.write_text(doc("退款說明", status="published", body="## 說明\n\n退款原路退回。\n"),
                    "utf-8")
    kb.ensure_index()
    assert set(_ids(kb.search("退款"))) == {"a", "b"}


def test_cached_short_values_give_the_same_tokens_as_long_ones() -> None:
    tokenizer = ChineseTokenizer()
    short = "標準開場白 48小時"
    long = short + "，" * 80
    first = [(t.text, t.startchar) for t in tokenizer(short, positions=True, chars=True)]
    again = [(t.text, t.startchar) for t in tokenizer(short, positions=True, chars=True)]
    longer = [(t.text, t.startchar) for t in tokenizer(long, positions=True, chars=True)]
    assert first == again == longer
    assert [t.text for t in terms(short)] == [text for text, _ in first]
    assert ("48小时", 6) in first
    assert list(tokenizer("", positions=True)) == []


def _count_parses(monkeypatch) -> list[str]:
    from kbdesk.core.library import catalog as library_module

    parsed: list[str] = []
    real = library_module.build_document

    def counting(path: str, *args: object, **kwargs: object) -> object:
        parsed.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(library_module, "build_document", counting)
    return parsed


def test_a_new_process_reuses_parsed_documents(make_library, monkeypatch, tmp_path) -> None:
    from kbdesk.core.library import parsecache

    monkeypatch.setattr(parsecache, "SAVE_AFTER_PARSED", 1)
    long_text = "客戶來電要求退款時，先核實訂單與身份，再說明到賬時間。" * 8  # stored as bytes
    root = make_library({
        "a.md": doc("退款流程", body=f"## 步驟\n\n退款三個工作日內到賬。\n\n## 說明\n\n{long_text}\n"),
        "b.md": doc("開場白", kind="phrasing", body="## 來電\n\n> 您好，很高興為您服務。\n"),
    }, in_checkout=True)
    index_dir = tmp_path / "ix"
    parsed = _count_parses(monkeypatch)
    first = KnowledgeBase(root, index_dir=index_dir)
    assert "a" in _ids(first.search("退款"))
    assert sorted(parsed) == ["a.md", "b.md"]
    assert (tmp_path / "ix.documents.pickle").is_file()

    parsed.clear()
    second = KnowledgeBase(root, index_dir=index_dir)
    assert "a" in _ids(second.search("退款"))
    assert parsed == []
    assert second.document("b").phrasings[0].variants == first.document("b").phrasings[0].variants
    assert second.document("a") == first.document("a")
    assert second.document("b") == first.document("b")

    # a changed file is parsed again and its new text is what the index holds
    (root / "a.md").write_text(doc("退款流程", body="## 步驟\n\n退費五個工作日內到賬。\n"), "utf-8")
    third = KnowledgeBase(root, index_dir=index_dir)
    assert set(_ids(third.search("退費 五個"))) == {"a"}  # its sections (and partial matches)
    assert parsed == ["a.md"]


def test_a_damaged_or_foreign_cache_is_ignored(make_library, monkeypatch, tmp_path) -> None:
    from kbdesk.core.library import parsecache

    root = make_library({"a.md": doc("退款流程", body="## 步驟\n\n退款三個工作日內到賬。\n")}, in_checkout=True)
    cache_file = tmp_path / "ix.documents.pickle"
    cache_file.write_bytes(b"\x80\x04 not a pickle")
    parsed = _count_parses(monkeypatch)
    kb = KnowledgeBase(root, index_dir=tmp_path / "ix")
    assert "a" in _ids(kb.search("退款"))
    assert parsed == ["a.md"]

    cache = parsecache.ParseCache(cache_file)
    cache.save({path: ("digest", d) for path, d in kb.library.loaded.by_path.items()})
    assert set(cache.load()) == {"a.md"}
    monkeypatch.setattr(parsecache, "_parser_key", lambda: "another parser")
    assert parsecache.ParseCache(cache_file).load() == {}


def test_a_build_that_writes_run_files_gives_the_same_results(
    make_library, monkeypatch, tmp_path
) -> None:
    from kbdesk.core.search import index as index_module

    files = {
        f"d{n}.md": doc(f"第{n}號手冊", body=f"## 處理\n\n客戶投訴第{n}類，{n % 3}小時內回覆。\n")
        for n in range(12)
    }
    root = make_library(files, in_checkout=True)
    single = KnowledgeBase(root, index_dir=tmp_path / "one")
    single.ensure_index()
    assert index_module.writer_options(12) == {"limitmb": index_module.POOL_LIMIT_MB}
    assert index_module.writer_options(5000)["compound"] is False
    # a pool limit so small that every few documents go to a run file, and a large write
    monkeypatch.setattr(index_module, "POOL_LIMIT_MB", 0.002)
    monkeypatch.setattr(index_module, "LARGE_WRITE_DOCS", 2)
    spilled = KnowledgeBase(root, index_dir=tmp_path / "two")
    assert spilled.ensure_index().added == 12
    assert not list((tmp_path / "two").glob("**/*.run"))
    for query in ("投訴", "客戶 回覆", "第3號", "2小時"):
        one = sorted((h.doc_id, h.anchor, round(h.score, 6)) for h in single.search(query).hits)
        two = sorted((h.doc_id, h.anchor, round(h.score, 6)) for h in spilled.search(query).hits)
        assert one == two and one, query
    # a document changed later is updated in place
    (root / "d3.md").write_text(doc("第3號手冊", body="## 處理\n\n改為退款專線。\n"), "utf-8")
    assert spilled.ensure_index().updated == 1
    assert [h.doc_id for h in spilled.search("退款專線").hits] == ["d3"]
    single.close()
    spilled.close()


def test_a_same_size_rewrite_with_the_old_file_time_is_parsed_again(
    make_library, monkeypatch, tmp_path
) -> None:
    import os

    from kbdesk.core.library import parsecache

    monkeypatch.setattr(parsecache, "SAVE_AFTER_PARSED", 1)
    root = make_library({"a.md": doc("退款流程", body="## 步驟\n\n退款三個工作日內到賬。\n")}, in_checkout=True)
    path = root / "a.md"
    before = path.stat()
    KnowledgeBase(root, index_dir=tmp_path / "ix").ensure_index()
    path.write_text(doc("退款流程", body="## 步驟\n\n補償三個工作日內到賬。\n"), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    again = KnowledgeBase(root, index_dir=tmp_path / "ix")
    assert "補償" in again.document("a").body


def test_a_cancelled_build_leaves_no_run_files_and_the_index_as_it_was(
    make_library, monkeypatch, tmp_path
) -> None:
    import pytest

    from kbdesk.core import CancelToken
    from kbdesk.core.errors import Cancelled
    from kbdesk.core.search import index as index_module

    monkeypatch.setattr(index_module, "POOL_LIMIT_MB", 0.002)
    root = make_library({f"d{n}.md": doc(f"手冊{n}", body="## 一\n\n投訴處理。\n") for n in range(80)}, in_checkout=True)
    kb = KnowledgeBase(root, index_dir=tmp_path / "ix")
    token = CancelToken()
    runs: list[int] = []

    def progress(done: int, total: int, message: str) -> None:
        if done >= 75:
            runs.append(len(list((tmp_path / "ix").glob("**/*.run"))))
            token.cancel()

    with pytest.raises(Cancelled):
        kb.ensure_index(progress, token)
    assert runs and runs[0] > 0  # the pool had written run files when it was cancelled
    assert not list((tmp_path / "ix").glob("**/*.run"))
    assert kb.index.doc_count == 0
    assert kb.ensure_index().added == 80
    assert len({h.doc_id for h in kb.search("投訴", limit=100).hits}) == 80
    kb.close()


# -- the built thesaurus kept between processes --------------------------------------------------


def _alternatives(table: object, word: str) -> dict[str, str]:
    return table.alternatives(word)  # type: ignore[attr-defined]


def test_the_built_thesaurus_is_read_from_the_cache_by_the_next_process(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """A new process (the file cache of the shipped groups cleared) reads the built table:
    neither the thesaurus files nor the segmenter's work are needed again; other library
    groups, a changed shipped file or a damaged cache file build it again."""
    library_groups = [["手機號碼", "聯絡電話"]]
    thesaurus.service_groups.cache_clear()
    first = thesaurus.table_for(library_groups)
    expected = _alternatives(first, query_form("投訴"))
    assert len(expected) > 1  # the shipped groups are in it
    assert _alternatives(first, query_form("手機號碼"))[query_form("聯絡電話")] == "synonym"
    cached = list((paths.cache_dir() / "thesaurus").glob("*.pickle"))
    assert len(cached) == 1

    read: list[Path] = []
    real_read = thesaurus.read_groups
    monkeypatch.setattr(thesaurus, "read_groups", lambda path: read.append(path) or real_read(path))
    monkeypatch.setattr(thesaurus, "query_form", lambda word: pytest.fail("segmented again"))
    thesaurus.service_groups.cache_clear()
    again = thesaurus.table_for(library_groups)
    assert _alternatives(again, query_form_real("投訴")) == expected
    assert read == []  # nothing read but the cache

    monkeypatch.setattr(thesaurus, "query_form", query_form_real)
    other = thesaurus.table_for([["退貨", "退件"]])
    assert _alternatives(other, query_form_real("退貨"))[query_form_real("退件")] == "synonym"
    assert read  # another library's groups: built again, the shipped files read
    assert len(list((paths.cache_dir() / "thesaurus").glob("*.pickle"))) == 2

    for file in (paths.cache_dir() / "thesaurus").glob("*.pickle"):
        file.write_bytes(b"not a pickle")
    thesaurus.service_groups.cache_clear()
    with caplog.at_level(logging.WARNING):
        damaged = thesaurus.table_for(library_groups)
        assert _alternatives(damaged, query_form_real("投訴")) == expected
    assert "cannot be read" in caplog.text


def test_a_changed_shipped_thesaurus_file_builds_the_table_again(tmp_path: Path) -> None:
    shipped = tmp_path / "service.yaml"
    shipped.write_text("- [投訴, 申訴]\n", "utf-8")
    cache = thesaurus.TableCache(tmp_path / "cache", [shipped])

    def table() -> thesaurus.SynonymTable:
        return thesaurus.SynonymTable((), lambda: thesaurus.read_groups(shipped), cache=cache)

    assert query_form_real("申訴") in _alternatives(table(), query_form_real("投訴"))
    shipped.write_text("- [投訴, 抱怨, 客訴]\n", "utf-8")  # another size: another key
    words = _alternatives(table(), query_form_real("投訴"))
    assert query_form_real("抱怨") in words and query_form_real("申訴") not in words
