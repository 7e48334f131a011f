"""Categories are the same across scripts: 話術 and 话术 are one category, in the app's list and
on the exported site, under the library's own (majority, else first) spelling."""

from __future__ import annotations

import re
from pathlib import Path

from kbdesk.cli import main
from kbdesk.core import KnowledgeBase
from kbdesk.core.library.categories import category_spellings, count_categories
from tests.conftest import doc


def test_spellings_fold_across_scripts_and_take_the_majority_or_first() -> None:
    assert category_spellings(["話術", "话术", "話術", "退款"]) == {
        "話術": "話術", "话术": "話術", "退款": "退款"}
    assert category_spellings(["话术", "話術"]) == {"话术": "话术", "話術": "话术"}  # tie: first
    assert count_categories(["话术", "話術", "话术", "投訴處理"]) == [
        ("投訴處理", 1), ("话术", 3)]


def _library(make_library) -> Path:
    return make_library({
        "a.md": doc("開場白", "phrasing", id="a", category="話術"),
        "b.md": doc("结束语", "phrasing", id="b", category="话术"),
        "c.md": doc("致歉", "phrasing", id="c", category="話術"),
        "d.md": doc("退款須知", id="d", category="退款"),
    })


def test_the_library_lists_one_category_and_filters_by_it(make_library) -> None:
    kb = KnowledgeBase(_library(make_library))
    kb.load()
    try:
        assert kb.library_rules.categories() == [("話術", 3), ("退款", 1)]
        for query in ("category:話術", "category:话术"):
            hits = kb.search(query, limit=10).hits
            assert {hit.doc_id for hit in hits} == {"a", "b", "c"}, query
        assert {d.id for d in kb.reading.browse(None, "話術")} == {"a", "b", "c"}
    finally:
        kb.close()


def test_the_exported_site_lists_one_category(make_library, tmp_path: Path, capsys) -> None:
    out = tmp_path / "site"
    assert main(["export-html", str(out), "--library", str(_library(make_library))]) == 0
    capsys.readouterr()
    index = (out / "index.html").read_text("utf-8")
    listed = re.findall(r'href="c/([^"]+)\.html"', index)
    assert len(set(listed)) == 2
    pages = sorted((out / "c").glob("*.html"))
    assert len(pages) == 2
    phrasing_page = next(p for p in pages if "話術" in p.read_text("utf-8"))
    text = phrasing_page.read_text("utf-8")
    assert all(title in text for title in ("開場白", "结束语", "致歉"))
    assert "话术" not in index
