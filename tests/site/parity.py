"""The app's search and the exported site's search, side by side (issue 18: "the same search on
the intranet"): the same queries, the first document each finds.

Used by ``tests/site/test_search_parity.py`` (headless Chromium) and by
``python -m tests.site.parity`` (prints the agreement figure of docs/search-quality.md).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kbdesk.core.kb import KnowledgeBase

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
QUALITY = ROOT / "tests" / "search_quality"

#: the examples issue 18 quotes, asked of the demo library (the app's answers are the reference)
ISSUE_EXAMPLES = (
    "客人一直骂人怎么办", "退款還沒收到", "钱扣了两次", "密码忘了", "货坏了", "线断了", "补卡",
    "销户", "吞卡", "投述", "退宽", "SLA", "QA", "IVR", "CRM", "OTP", "POS", "AHT", "thk",
    "系统当机了", "活着没意思", "想从楼上跳下去", "要跟你们同归于尽", "带汽油去你们门店", "死机",
    "炸鸡", "累死了", "要死了这么慢",
)


def blind_queries() -> list[str]:
    """The 20 queries of the final blind set (asked of the insurance library)."""
    items = yaml.safe_load((QUALITY / "insurance-queries.yaml").read_text("utf-8"))
    return [str(item["query"]) for item in items]


#: (library, queries) pairs compared
def cases() -> list[tuple[Path, list[str]]]:
    return [(QUALITY / "insurance", blind_queries()),
            (ROOT / "content", list(ISSUE_EXAMPLES))]


@dataclass
class Pair:
    """One query: the first document of the app and of the site ("" when nothing)."""

    library: str
    query: str
    app: str
    site: str
    #: how far the app's first document is ahead of its next one (score; 1.0 when alone)
    margin: float = 1.0
    #: the documents whose best hit scores within DECIDED of the app's first (itself included)
    tied: tuple[str, ...] = ()

    @property
    def among_tied(self) -> bool:
        """The site's first document is the app's, or one the app scores level with it."""
        return self.same or self.site in self.tied

    @property
    def same(self) -> bool:
        return self.app == self.site


#: below this margin the app's first document is a near-tie with another (two engines may break
#: it either way): such queries count in the agreement figure, not in the per-query assertion
DECIDED = 0.005


def app_first(kb: KnowledgeBase, query: str) -> tuple[str, float, tuple[str, ...]]:
    """The app's first document, its lead over the next document, and the documents level
    with it (within ``DECIDED``)."""
    hits = kb.search(query, limit=20).hits
    if not hits:
        return "", 1.0, ()
    others = [h.score for h in hits if h.doc_id != hits[0].doc_id]
    tied = tuple(dict.fromkeys(h.doc_id for h in hits if hits[0].score - h.score < DECIDED))
    return hits[0].doc_id, hits[0].score - (others[0] if others else 0.0), tied


def export(library: Path, into: Path) -> tuple[KnowledgeBase, Path]:
    """The library's knowledge base (index in ``into``) and its exported site."""
    kb = KnowledgeBase(library, index_dir=into / "index")
    kb.ensure_index()
    site = kb.exports.export("html", into / "site").outdir
    return kb, site


def site_first(page: Any, site: Path, query: str) -> str:
    """The document of the site's first result for ``query`` (typed into the search page)."""
    page.evaluate("q => window.KBSearch.search(q)", query)
    href = page.evaluate(
        "() => { const a = document.querySelector('#results a'); "
        "return a ? a.getAttribute('href') : ''; }")
    if not href:
        return ""
    return href.split("#")[0].removeprefix("d/").removesuffix(".html")


def site_ranked(page: Any, query: str) -> dict[str, str]:
    """The site's distinct documents for ``query``, best first, each with its first anchor."""
    from urllib.parse import unquote

    page.evaluate("q => window.KBSearch.search(q)", query)
    hrefs = page.evaluate(
        "() => Array.from(document.querySelectorAll('#results a'))"
        ".map(a => a.getAttribute('href'))")
    seen: dict[str, str] = {}
    for href in hrefs:
        path, _, anchor = str(href).partition("#")
        seen.setdefault(path.removeprefix("d/").removesuffix(".html"), unquote(anchor))
    return seen


def open_search(context: Any, site: Path) -> Any:
    """The site's search page, ready to search (script errors collected in ``page.errors``)."""
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto((site / "search.html").as_uri())
    page.wait_for_function("() => window.KBSearch && document.readyState === 'complete'")
    return page


def compare(context: Any, library: Path, queries: Sequence[str], into: Path) -> list[Pair]:
    """Every query in the app and in the site opened in ``context`` (a Playwright context)."""
    kb, site = export(library, into)
    try:
        page = open_search(context, site)
        pairs = [Pair(library.name, q, *_swap(app_first(kb, q), site_first(page, site, q)))
                 for q in queries]
        assert not page.errors, page.errors
        page.close()
        return pairs
    finally:
        kb.close()


def _swap(app: tuple[str, float, tuple[str, ...]], site: str
          ) -> tuple[str, str, float, tuple[str, ...]]:
    return app[0], site, app[1], app[2]


def main() -> int:
    from tests.site.browser import launched

    pairs: list[Pair] = []
    with launched() as context, tempfile.TemporaryDirectory() as scratch:
        for number, (library, queries) in enumerate(cases()):
            pairs += compare(context, library, queries, Path(scratch) / str(number))
    for pair in pairs:
        mark = "=" if pair.same else "≠"
        tie = "" if pair.margin >= DECIDED else f" (app near-tie: {pair.margin:.3f})"
        print(f"{mark} [{pair.library}] {pair.query}: app {pair.app or '-'}, "
              f"site {pair.site or '-'}{tie}")
    same = sum(p.same for p in pairs)
    print(f"\nsame first document: {same} of {len(pairs)} ({same / len(pairs):.1%})")
    decided = [p for p in pairs if p.margin >= DECIDED]
    agree = sum(p.same for p in decided)
    print(f"where the app's answer is decided (lead >= {DECIDED}): {agree} of {len(decided)}")
    level = sum(p.among_tied for p in pairs)
    print(f"the site's first is the app's or level with it: {level} of {len(pairs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
