"""The QA review of issue 18 (kind 6): the ranking, scores included, does not depend on the
number of hits asked for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kbdesk.core import KnowledgeBase
from tests.conftest import open_indexed

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    kb = open_indexed(CONTENT, tmp_path_factory.mktemp("content"))
    yield kb
    kb.close()


# -- the ranking does not depend on the limit ----------------------------------------------------

LIMIT_QUERIES = ["服务", "客户", "退款", "投诉处理", "客户 处理 流程", "骂", "服务质量",
                 "很难听一直骂", "系统当机了", "sla", "fwzl", "退宽"]


def _rows(kb: KnowledgeBase, query: str, limit: int) -> list[tuple[str, str, float, bool]]:
    return [(hit.doc_id, hit.anchor, round(hit.score, 6), hit.folded)
            for hit in kb.search(query, limit=limit).hits]


def test_limit_30_and_60_agree_on_a_common_word(content: KnowledgeBase) -> None:
    # 服务 has about 70 hits: a candidate pool sized by the limit ranked them differently
    short, long = _rows(content, "服务", 30), _rows(content, "服务", 60)
    assert len(short) == 30 and len(long) > 30
    assert long[:30] == short


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.sampled_from(LIMIT_QUERIES), limit=st.integers(min_value=1, max_value=500))
@example(query="服务", limit=30)
@example(query="客户", limit=61)
def test_every_limit_gives_the_head_of_the_same_ranking(
    content: KnowledgeBase, query: str, limit: int
) -> None:
    full = _rows(content, query, 500)
    assert _rows(content, query, limit) == full[:limit]
