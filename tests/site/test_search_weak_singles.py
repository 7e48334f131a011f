"""The site follows the app's rules for weak single characters (issue 18; the app's rules are in
``kbdesk/core/search/engine.py`` ``_plans`` and ``query.py`` ``SPEAKERS``), run in the app and in
the exported site inside headless Chromium, on a library of its own:

- a character the segmenter cuts alone in a section's text (被偷 → 被 | 偷) is a term of the
  site's index, as of the app's: ``偷`` finds the section although no word of the library
  holds it;
- two characters no word covers, read as one word (人偷 of 被人偷了) and found in no form, are
  undone into their characters when a section holds them apart, as the app undoes the join
  of 人 | 偷, so that 偷 keeps deciding;
- 说 right after a caller or person word (对方, 他, 客户 …) is filler; elsewhere it stays a word.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kbdesk.core.kb import KnowledgeBase
from tests.conftest import doc
from tests.site.sidebyside import app_hits, documents, exported, search_page, site_hits, words

pytestmark = pytest.mark.browser

FILES = {
    # 偷 only in the text, cut alone (被 | 偷); 人 cut alone too (被 | 人 | 知道), apart from 偷
    "handbooks/cards.md": doc(
        "卡片掛失", "handbook",
        "掛失的規定。\n\n## 立即掛失\n\n卡片如果被偷，或者密碼被人知道，都要立即掛失並補發新卡。\n",
        id="cards", version=1),
    "handbooks/staff.md": doc(
        "專人服務", "handbook",
        "服務的規定。\n\n## 專人協助\n\n門市由專人協助客人辦理各項業務。\n",
        id="staff", version=1),
    "handbooks/refunds.md": doc(
        "退款處理", "handbook",
        "退款的規定。\n\n## 對方要求退款\n\n對方要求退款時，先核對訂單與付款紀錄。\n",
        id="refunds", version=1),
    "phrasings/explain.md": doc(
        "退款話術", "phrasing",
        "話術。\n\n## 說明規則\n\n向客戶說明退款規則與退款時間。\n",
        id="explain", version=1),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[KnowledgeBase, Path]]:
    with exported(tmp_path_factory.mktemp("weak-singles"), FILES) as pair:
        yield pair


@pytest.fixture(scope="module")
def page(built: tuple[KnowledgeBase, Path]) -> Iterator[Any]:
    with search_page(built[1]) as opened:
        yield opened


def test_a_character_cut_alone_in_the_text_is_found(
        built: tuple[KnowledgeBase, Path], page: Any) -> None:
    kb, _ = built
    app = documents(app_hits(kb, "偷"))
    site = documents(site_hits(page, "偷"))
    assert app and app[0] == "cards"
    # before: the site held 偷 only in titles, headings and the library's words: nothing
    assert site and site[0] == "cards"


def test_a_join_found_nowhere_is_undone_so_the_deciding_character_decides(
        built: tuple[KnowledgeBase, Path], page: Any) -> None:
    kb, _ = built
    app = documents(app_hits(kb, "被人偷了"))
    site = documents(site_hits(page, "被人偷了"))
    assert app and app[0] == "cards"
    # before: 人偷 was one word held nowhere, and the site found nothing
    assert site and site[0] == "cards"
    assert words(page, "被人偷了") == ["人", "偷"]
    # a pair found as it is stays one word (退款 is the library's)
    assert words(page, "要退款") == ["退款"]


def test_shuo_after_a_person_is_filler_elsewhere_a_word(
        built: tuple[KnowledgeBase, Path], page: Any) -> None:
    kb, _ = built
    assert words(page, "对方说退款") == ["对方", "退款"]
    assert words(page, "他说要退款") == ["退款"]
    # not after a person: 说 stays a word of the query, as in the app
    assert "说" in words(page, "退款怎么说")
    assert "说" in words(page, "说退款")
    app = documents(app_hits(kb, "对方说退款"))
    site = documents(site_hits(page, "对方说退款"))
    assert app and app[0] == "refunds"
    assert site and site[0] == app[0]
