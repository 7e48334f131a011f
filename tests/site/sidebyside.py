"""The app and the exported site side by side, on a small library of a test module's own: the
library built, indexed and exported, its search page open in headless Chromium, and each
one's results in the same form ("doc" or "doc#heading anchor", best first)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import LibraryRepo
from tests.clock import now_stamp
from tests.closing import close_opened
from tests.conftest import write_files
from tests.site.browser import launched, open_page


@contextmanager
def exported(root: Path, files: Mapping[str, str]) -> Iterator[tuple[KnowledgeBase, Path]]:
    """The library of ``files`` under ``root`` (its own data folder), indexed, and its
    exported site: (the open library, the site's folder)."""
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("KBDESK_DATA_DIR", str(root / "data"))
    closing = close_opened(monkeypatch)
    next(closing)
    try:
        library = write_files(root / "lib", files)
        LibraryRepo.init(library, author="初始 <init@example.com>", when=now_stamp()).close()
        kb = KnowledgeBase(library, index_dir=root / "index")
        kb.ensure_index()
        site = kb.exports.export("html", root / "site").outdir
        yield kb, site
        kb.close()
    finally:
        next(closing, None)
        monkeypatch.undo()


@contextmanager
def search_page(site: Path) -> Iterator[Any]:
    """The site's search page, loaded, in headless Chromium; no script error on it."""
    with launched() as context:
        opened = open_page(context, (site / "search.html").as_uri())
        opened.wait_for_function("() => window.KBSearch && document.readyState === 'complete'")
        yield opened
        assert opened.errors == []


def site_hits(page: Any, query: str) -> list[str]:
    """The site's results as "doc" or "doc#heading anchor", best first."""
    page.evaluate("q => window.KBSearch.search(q)", query)
    hrefs = page.eval_on_selector_all("#results a", "els => els.map(e => e.getAttribute('href'))")
    return [unquote(str(h)).removeprefix("d/").replace(".html", "") for h in hrefs]


def app_hits(kb: KnowledgeBase, query: str) -> list[str]:
    """The app's results in the same form."""
    return [f"{h.doc_id}#{h.anchor}" if h.anchor else h.doc_id
            for h in kb.search(query, limit=20).hits]


def documents(hits: list[str]) -> list[str]:
    """The documents of a hit list ("doc#anchor" → "doc")."""
    return [hit.split("#")[0] for hit in hits]


def words(page: Any, query: str) -> list[str]:
    """The words the site's search reads in ``query``."""
    return [w["word"] for w in page.evaluate("q => KBSearch.explain(q)", query)["words"]]
