"""The exported site searches as the app does (issue 18, "the same search on the intranet"):
the final blind set's 20 queries (insurance library) and the examples issue 18 quotes (demo
library) run in the app and in the exported site's search page inside headless Chromium, and
the first document of each is compared (``tests/site/parity.py``; ``python -m
tests.site.parity`` prints the figures recorded in docs/search-quality.md and
docs/exporting.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.closing import close_opened
from tests.site.browser import launched
from tests.site.parity import DECIDED, ISSUE_EXAMPLES, Pair, blind_queries, cases, compare

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def pairs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Pair]]:
    root = tmp_path_factory.mktemp("parity")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("KBDESK_DATA_DIR", str(root / "data"))
    closing = close_opened(monkeypatch)
    next(closing)
    try:
        found: list[Pair] = []
        with launched() as context:
            for number, (library, queries) in enumerate(cases()):
                found += compare(context, library, queries, root / str(number))
        yield found
    finally:
        next(closing, None)
        monkeypatch.undo()


def test_every_blind_query_and_issue_example_is_compared(pairs: list[Pair]) -> None:
    assert [p.query for p in pairs] == [*blind_queries(), *ISSUE_EXAMPLES]
    assert len(blind_queries()) == 20


def test_where_the_app_decides_the_site_has_the_same_first_document(pairs: list[Pair]) -> None:
    decided = [p for p in pairs if p.margin >= DECIDED]
    assert len(decided) >= 30  # most queries have a decided answer: the test means something
    wrong = [(p.query, p.app, p.site) for p in decided if not p.same]
    assert wrong == []


def test_the_sites_first_document_is_the_apps_or_level_with_it(pairs: list[Pair]) -> None:
    # near-ties of the app (two documents within DECIDED) may be broken either way by the two
    # engines' term weights; the figure of docs/search-quality.md counts them as they fall
    same = sum(p.same for p in pairs)
    level = sum(p.among_tied for p in pairs)
    assert same / len(pairs) >= 0.85, [(p.query, p.app, p.site) for p in pairs if not p.same]
    assert level >= len(pairs) - 1, [(p.query, p.app, p.site, p.tied) for p in pairs
                                     if not p.among_tied]


def test_crisis_calls_and_look_alikes_agree(pairs: list[Pair]) -> None:
    by_query = {p.query: p for p in pairs}
    for call in ("活着没意思", "想从楼上跳下去", "要跟你们同归于尽", "带汽油去你们门店"):
        assert by_query[call].app == by_query[call].site == "sop-crisis"
    for call in ("客户说理赔不下来就去你们公司门口自焚", "他說活不下去了想一了百了"):
        assert by_query[call].app == by_query[call].site == "crisis"
    for lookalike in ("死机", "炸鸡", "累死了", "要死了这么慢"):
        assert by_query[lookalike].site != "sop-crisis"


def test_the_comparison_reads_the_sites_results(pairs: list[Pair], tmp_path: Path) -> None:
    # a query both find nothing for is compared as nothing = nothing, and the site did answer
    assert any(p.app == p.site == "" for p in pairs)
    assert sum(1 for p in pairs if p.site) >= 35
