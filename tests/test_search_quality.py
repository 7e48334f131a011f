"""The search-quality bar: hit@3 >= 90% over the tuned queries and each colloquial group, and
>= 75% in every other tuned group.

Blind and held-out queries (issue 18: the third library, ``bank/``, and one fifth of every new
query set) are evaluated and reported, never held to a bar here: a bar on them would make them
tuning targets. Issue 18's quoted examples (the pending groups) are reported until that issue's
ranking work lands.
"""

from __future__ import annotations

import re

from tests.search_quality.evaluate import (
    COLLOQUIAL_GROUPS,
    HERE,
    ISSUE18_GROUPS,
    PENDING_GROUPS,
    SUITES,
    Outcome,
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
    assert sum(q["group"] == "telecom" for q in second) >= 30
    assert {q["group"] for q in second} <= {"telecom", "telecom-issue18", "telecom-weak-single"}
    assert len(list((HERE / "telecom").rglob("*.md"))) >= 13  # 12-20 documents + README


def _ids(library):
    ids = set()
    for path in library.rglob("*.md"):
        found = re.search(r"^id: (\S+)$", path.read_text("utf-8"), re.M)
        if found:
            ids.add(found.group(1))
    return ids


def test_blind_library_and_its_queries_are_as_issue_18_asks():
    library = HERE / "bank"
    documents = [p for p in library.rglob("*.md") if p.name != "README.md"]
    assert len(documents) >= 25
    queries = load_queries(HERE / "bank-queries.yaml")
    own = [q for q in queries if q["group"] not in PENDING_GROUPS]
    assert len(own) >= 50
    # a held-out fifth, chosen when the queries were written
    assert 0.18 <= sum(bool(q.get("heldout")) for q in own) / len(own) <= 0.25
    assert not any(q.get("heldout") for q in queries if q["group"] in ISSUE18_GROUPS)
    ids = _ids(library)
    assert "crisis" in ids
    for q in queries:
        assert set(q["expect"]) | set(q.get("avoid") or []) <= ids, q
    crisis = [q for q in queries if q["group"] == "bank-crisis"]
    lookalikes = [q for q in queries if q["group"] == "bank-lookalike"]
    assert crisis and all(q["expect"] == ["crisis"] and q["top"] == 1 for q in crisis)
    assert lookalikes and all(q["avoid"] == ["crisis"] for q in lookalikes)
    issue_calls = ("活着没意思", "想从楼上跳下去", "要跟你们同归于尽", "带汽油去你们门店")
    for query in issue_calls:
        assert query in {q["query"] for q in crisis}
    for query in ("死机", "炸鸡", "累死了", "要死了这么慢"):
        assert query in {q["query"] for q in lookalikes}


def test_every_expected_document_exists():
    for suite in SUITES:
        ids = _ids(suite.library)
        for q in load_queries(suite.queries):
            assert set(q["expect"]) | set(q.get("avoid") or []) <= ids, (suite.name, q)


def test_outcome_fields_avoid_top_section_and_heldout():
    def outcome(ranked, expect, **fields):
        return Outcome("g", "q", expect, ranked, anchors={d: "" for d in ranked}, **fields)

    assert outcome(["a", "crisis"], ["crisis"], top=1).rank == 2
    assert not outcome(["a", "crisis"], ["crisis"], top=1).hit3
    assert outcome(["crisis"], ["crisis"], top=1).hit3
    # a look-alike: a miss when the avoided document comes first, expected or not
    assert not outcome(["crisis", "app"], ["app"], avoid=["crisis"]).hit3
    assert outcome(["app", "crisis"], ["app"], avoid=["crisis"]).rank == 1
    assert outcome(["other", "crisis"], [], avoid=["crisis"]).rank == 1
    assert outcome([], [], avoid=["crisis"]).hit3
    assert not outcome(["crisis"], [], avoid=["crisis"]).hit3
    # section: the expected document's first row must be that section
    whole = Outcome("g", "SLA", ["m"], ["m"], anchors={"m": ""}, section="SLA-时效")
    assert whole.rank is None
    right = Outcome("g", "SLA", ["m"], ["x", "m"], anchors={"x": "", "m": "SLA-时效"},
                    section="SLA-时效")
    assert right.rank == 2
    lower = Outcome("g", "SLA", ["m"], ["m"], anchors={"m": "sla-时效"}, section="SLA-时效")
    assert lower.rank == 1  # anchors are lower case, as Python-Markdown's toc makes them
    # held-out and blind outcomes are reported apart and never count as tuned
    held = outcome(["a"], ["a"], heldout=True, suite="bank", blind=True)
    blind = Outcome("bank-typo", "q", ["a"], ["a"], suite="bank", blind=True)
    pending = Outcome(PENDING_GROUPS[0], "q", ["a"], ["b"], suite="demo")
    tuned = Outcome("colloquial", "q", ["a"], ["a"], suite="demo")
    assert held.label == "bank held-out" and not held.tuned
    assert not blind.tuned and not pending.tuned and tuned.tuned
    table = summarise([held, blind, pending, tuned])
    assert table["ALL"] == (1, 1.0, 1.0)
    assert table["ALL held-out"][0] == table["ALL blind"][0] == table["ALL pending"][0] == 1
    assert table["ALL pending"][1] == 0.0


def test_hit_at_3_meets_the_bar_on_every_library_and_group():
    outcomes = evaluate_all(SUITES)
    table = summarise(outcomes)
    _count, hit3, _mrr = table["ALL"]
    assert hit3 >= 0.90, table
    for group in COLLOQUIAL_GROUPS:
        assert table[group][1] >= 0.90, (group, table)
    for group in {o.label for o in outcomes if o.tuned}:
        assert table[group][1] >= 0.75, (group, table)
    # the blind suite, its held-out fifth and the pending groups are measured and reported
    assert {"ALL blind", "ALL held-out", "ALL pending"} <= set(table)
