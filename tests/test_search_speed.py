"""The speed-ups of the search path keep its behaviour (cached filter sets, analysis cache)."""

from __future__ import annotations

from pathlib import Path

from kbdesk.core.analysis import ChineseTokenizer, terms
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.model import Kind
from tests.conftest import doc


def _ids(result: object) -> list[str]:
    return [hit.doc_id for hit in result.hits]  # type: ignore[attr-defined]


def test_filter_that_matches_nothing_lets_nothing_through(make_library) -> None:
    root = make_library({"a.md": doc("投訴處理", body="## 受理\n\n客戶投訴要在24小時內回覆。\n")})
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
    })
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
