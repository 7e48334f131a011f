"""The partial-match fallback scores each word once for queries of many words (issue 18, the
bench's p95): the hits, their order and scores are those of one Whoosh search per subset."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh.searching import Searcher

from kbdesk.core import KnowledgeBase
from kbdesk.core.search import engine
from tests.conftest import open_indexed

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"

#: queries of four or more words where no section holds every word (the fallback runs)
QUERIES = ["客人一直说标准弄不好", "客户 退款 当机 骂人", "投诉 退款 密码 话术",
           "客户 退款 系统 骂", "退款 密码 当机 升级"]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    kb = open_indexed(CONTENT, tmp_path_factory.mktemp("content"))
    yield kb
    kb.close()


def _rows(kb: KnowledgeBase, query: str, limit: int) -> tuple[str, list[Any]]:
    result = kb.search(query, limit=limit)
    return result.mode, [(h.doc_id, h.anchor, round(h.score, 9), h.match, h.words, h.folded)
                         for h in result.hits]


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    original = Searcher.search

    def search(self: Searcher, *args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Searcher, "search", search)
    return calls


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("limit", [3, 20, 500])
def test_scoring_each_word_once_finds_what_each_subset_search_finds(
    content: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, query: str, limit: int
) -> None:
    calls = _counting(monkeypatch)
    mode, once = _rows(content, query, limit)
    searches_once = calls[0]
    assert mode == "or" and once  # the query reaches the fallback
    monkeypatch.setattr(engine, "SCORE_ONCE_WORDS", 99)  # one Whoosh search per subset
    calls[0] = 0
    assert _rows(content, query, limit) == (mode, once)
    assert searches_once < calls[0]  # and the words scored once took fewer searches


def test_a_phrase_keeps_one_search_per_subset(content: KnowledgeBase,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    query = '"退款" 客户 当机 骂人 密码'
    mode, hits = _rows(content, query, 20)
    monkeypatch.setattr(engine, "SCORE_ONCE_WORDS", 99)
    assert _rows(content, query, 20) == (mode, hits)
