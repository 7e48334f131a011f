"""The search-quality bar: hit@3 >= 90% over the query set, and in every group >= 75%."""

from __future__ import annotations

from tests.search_quality.evaluate import evaluate, load_queries, summarise


def test_query_set_is_large_and_covers_every_group():
    queries = load_queries()
    groups = {q["group"] for q in queries}
    assert len(queries) >= 40
    assert {
        "traditional",
        "simplified",
        "mid-sentence",
        "heading",
        "question",
        "synonym",
        "pinyin",
        "latin",
    } <= groups


def test_hit_at_3_is_at_least_90_percent():
    table = summarise(evaluate())
    _count, hit3, _mrr = table["ALL"]
    assert hit3 >= 0.90, table
    for group, (_, group_hit3, _) in table.items():
        assert group_hit3 >= 0.75, (group, table)
