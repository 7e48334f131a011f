"""The search-quality bar: hit@3 >= 90% over each query set and each colloquial group, and
>= 75% in every other group."""

from __future__ import annotations

from tests.search_quality.evaluate import (
    COLLOQUIAL_GROUPS,
    HERE,
    SUITES,
    evaluate_all,
    load_queries,
    summarise,
)


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
        "colloquial",
    } <= groups
    assert sum(q["group"] == "colloquial" for q in queries) >= 40
    second = load_queries(HERE / "telecom-queries.yaml")
    assert len(second) >= 30 and {q["group"] for q in second} == {"telecom"}
    assert len(list((HERE / "telecom").rglob("*.md"))) >= 13  # 12-20 documents + README


def test_hit_at_3_meets_the_bar_on_every_library_and_group():
    table = summarise(evaluate_all(SUITES))
    _count, hit3, _mrr = table["ALL"]
    assert hit3 >= 0.90, table
    for group in COLLOQUIAL_GROUPS:
        assert table[group][1] >= 0.90, (group, table)
    for group, (_, group_hit3, _) in table.items():
        assert group_hit3 >= 0.75, (group, table)
