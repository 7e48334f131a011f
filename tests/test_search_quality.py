"""The search-quality bar: hit@3 >= 90% over the tuned queries and each colloquial group, and
>= 75% in every other tuned group.

Seen, blind and held-out queries (issue 18: the third library, ``bank/``, and one fifth of
every new query set) are evaluated and reported, never held to a bar here: a bar on them would
make them tuning targets. Issue 18's quoted examples are tuned groups since its ranking work
landed.
"""

from __future__ import annotations

import re

import pytest

from tests.search_quality import evaluate
from tests.search_quality.evaluate import (
    BELOW_THE_BAR,
    BLIND,
    COLLOQUIAL_GROUPS,
    FIRST_RUN,
    HERE,
    ISSUE18_GROUPS,
    SEEN,
    SUITES,
    TUNED,
    WEAK_SINGLE_GROUPS,
    Outcome,
    evaluate_all,
    format_table,
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
    own = [q for q in queries if q["group"] not in ISSUE18_GROUPS + WEAK_SINGLE_GROUPS]
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
    # held-out, blind and seen outcomes are reported apart and never count as tuned
    held = outcome(["a"], ["a"], heldout=True, suite="bank", kind=SEEN)
    seen = Outcome("bank-typo", "q", ["a"], ["b"], suite="bank", kind=SEEN)
    blind = Outcome("new-typo", "q", ["a"], ["a"], suite="new", kind=BLIND)
    issue = Outcome(ISSUE18_GROUPS[0], "q", ["a"], ["b"], suite="demo")
    tuned = Outcome("colloquial", "q", ["a"], ["a"], suite="demo")
    assert held.label == "bank held-out" and not held.tuned and not held.listable
    assert not blind.tuned and not blind.listable
    assert not seen.tuned and seen.listable
    assert issue.tuned and tuned.tuned
    table = summarise([held, seen, blind, issue, tuned])
    assert table["ALL"] == (2, 0.5, 0.5)
    assert table["ALL held-out"][0] == table["ALL blind"][0] == table["ALL seen"][0] == 1
    assert table["ALL seen"][1] == 0.0


def test_hit_at_3_meets_the_bar_on_every_library_and_group():
    outcomes = evaluate_all(SUITES)
    table = summarise(outcomes)
    _count, hit3, _mrr = table["ALL"]
    assert hit3 >= 0.90, table
    for group in COLLOQUIAL_GROUPS:
        assert table[group][1] >= 0.90, (group, table)
    for group in {o.label for o in outcomes if o.tuned}:
        if group in BELOW_THE_BAR:  # listed with its reason; off the list once it is fixed
            assert table[group][1] < 0.75, (group, "reaches the bar now: take it off")
        else:
            assert table[group][1] >= 0.75, (group, table)
    # the seen suite (bank) and the held-out fifths are measured and reported
    assert {"ALL seen", "ALL held-out"} <= set(table)


def test_groups_say_what_they_are_now():
    kinds = {suite.name: {q["group"]: suite.kind_of(q["group"])
                          for q in load_queries(suite.queries)} for suite in SUITES}
    # the insurance set was tuned on after its first run; the bank set's misses were read
    assert set(kinds["insurance"].values()) == {TUNED}
    assert kinds["bank"]["bank-issue18"] == TUNED
    assert kinds["bank"]["bank-weak-single"] == TUNED
    assert {k for g, k in kinds["bank"].items()
            if g not in ("bank-issue18", "bank-weak-single")} == {SEEN}
    assert all(k == TUNED for g, k in kinds["demo"].items())
    # every group once measured blind shows its first figure; it had at most as many queries
    for suite in SUITES:
        counts: dict[str, int] = {}
        for q in load_queries(suite.queries):
            label = f"{suite.name} held-out" if q.get("heldout") else q["group"]
            counts[label] = counts.get(label, 0) + 1
        for group in counts:
            if suite.name in ("bank", "insurance"):
                assert group in FIRST_RUN, group
            if group in FIRST_RUN:
                hits, count, _when = FIRST_RUN[group]
                assert 0 <= hits <= count <= counts[group], group


def test_table_prints_kinds_first_runs_and_an_empty_blind_total():
    seen = Outcome("bank-typo", "q", ["a"], ["a"], suite="bank", kind=SEEN)
    held = Outcome("bank-typo", "q", ["a"], ["b"], suite="bank", kind=SEEN, heldout=True)
    tuned = Outcome("colloquial", "q", ["a"], ["a"], suite="demo")
    outcomes = [seen, held, tuned]
    lines = format_table(summarise(outcomes), outcomes).splitlines()
    row = {line.split()[0] + (" " + line.split()[1] if line.startswith("ALL") else ""): line
           for line in lines if line and not line.startswith((" ", "("))}
    assert row["bank-typo"].split()[1:5] == ["seen", "1", "100.0%", "1.000"]
    assert row["bank-typo"].split()[5:] == ["5/8", "62.5%"]
    assert row["colloquial"].split()[1] == "tuned" and len(row["colloquial"].split()) == 5
    assert row["ALL tuned"].split()[3:5] == ["1", "100.0%"]
    assert row["ALL blind"].split()[2:] == ["blind", "0", "no", "such", "group", "now"]
    assert row["ALL held-out"].split()[2:5] == ["held-out", "1", "0.0%"]
    # the first figures are the app's: the site's table leaves them out
    site = format_table(summarise(outcomes), outcomes, first_runs=False)
    assert "5/8" not in site and "first run" not in site and "bank-typo" in site


def test_misses_of_held_out_queries_are_never_listed(monkeypatch, capsys):
    listed = Outcome("colloquial", "tuned miss", ["a"], ["b"], suite="demo")
    hidden = Outcome("colloquial", "held-out miss", ["a"], ["b"], suite="demo", heldout=True)
    monkeypatch.setattr(evaluate, "evaluate_all", lambda **_: [listed, hidden])
    assert evaluate.main([]) == 1  # ALL and colloquial below the bar
    out = capsys.readouterr().out
    assert "tuned miss" in out and "held-out miss" not in out
    assert "1 blind or held-out queries missed hit@3 (not listed" in out


def test_without_a_browser_the_app_is_reported_and_the_site_run_fails(monkeypatch, capsys):
    done = Outcome("colloquial", "q", ["a"], ["a"], suite="demo")
    monkeypatch.setattr(evaluate, "evaluate_all", lambda **_: [done])
    monkeypatch.setattr(evaluate, "site_unavailable", lambda: "Chromium is not installed")
    monkeypatch.setattr(evaluate, "site_outcomes", lambda: pytest.fail("site run attempted"))
    assert evaluate.main(["--site"]) == 3
    captured = capsys.readouterr()
    assert "colloquial" in captured.out and "100.0%" in captured.out
    assert "THE EXPORTED SITE WAS NOT MEASURED: Chromium is not installed" in captured.err
    assert evaluate.main([]) == 0  # without --site the app alone decides


def test_site_unavailable_names_a_missing_chromium(monkeypatch, tmp_path):
    monkeypatch.setenv("KBDESK_CHROMIUM", str(tmp_path / "no-such-chromium"))
    assert "Chromium is not installed" in (evaluate.site_unavailable() or "")
