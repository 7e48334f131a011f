"""Two rules of the site's search that mirror the app's matching (``kbdesk/core/search/matching``
``match_word``), run in the app and in the exported site inside headless Chromium:

- a word read as pinyin matches as well as the place holding the Chinese it spells: a document's
  title first (0.95), a section's heading next (0.9), a full spelling in the text last (0.55);
  initials stand for titles and headings only (``ts`` is not every 特殊 of a text);
- a word found by its morphemes where they are far apart in a section is found as whatever
  else the section holds of it (a part: 查快递 → 快递), not dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kbdesk.core.kb import KnowledgeBase
from tests.conftest import doc
from tests.site.sidebyside import app_hits, exported, search_page, site_hits

pytestmark = pytest.mark.browser

FILES = {
    "handbooks/complaint.md": doc(
        "投訴處理手冊", "handbook",
        "處理客戶來電的原則。\n\n## 受理投訴\n\n先傾聽，再記錄客戶的原話。\n\n"
        "## 升級條件\n\n金額超過一千元的投訴要升級給值班主管。\n",
        id="complaint", version=1),
    # 投訴 three times in one section's text (as often as a heading counts it), 特殊 in a text
    # only: neither is a title or a heading that ts stands for
    "handbooks/faq.md": doc(
        "常見問題", "handbook",
        "\n## 記錄方式\n\n客戶投訴時先記錄投訴內容，再把投訴轉給主管。遇到特殊情況先請示。\n",
        id="faq", version=1),
    # 查 (查看) far from 快递: the morphemes of 查快递 are not close, 快递 is held
    "handbooks/parcel.md": doc(
        "物流說明", "handbook",
        "\n## 寄送\n\n請先查看訂單狀態並記下單號，確認付款方式與收件地址都正確以後，"
        "再聯絡快遞公司安排寄送。\n",
        id="parcel", version=1),
    "handbooks/other.md": doc(
        "帳單說明", "handbook", "\n## 帳單\n\n每月五日寄出帳單。\n", id="bills", version=1),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[KnowledgeBase, Path]]:
    with exported(tmp_path_factory.mktemp("places"), FILES) as pair:
        yield pair


@pytest.fixture(scope="module")
def page(built: tuple[KnowledgeBase, Path]) -> Iterator[Any]:
    with search_page(built[1]) as opened:
        yield opened


def test_pinyin_initials_find_the_title_then_the_heading_as_in_the_app(
        built: tuple[KnowledgeBase, Path], page: Any) -> None:
    kb, _ = built
    site = site_hits(page, "ts")
    # the title 投訴處理手冊 first, then the heading 受理投訴; sections holding 投訴 or 特殊 only
    # in their text are no match for initials (before: every 投訴 of a text ranked as one)
    assert [hit.split("#")[0] for hit in site] == ["complaint", "complaint"]
    assert site[0] == "complaint" and site[1].startswith("complaint#") and "受理" in site[1]
    assert [hit.split("#")[0] for hit in app_hits(kb, "ts")] == ["complaint", "complaint"]


def test_full_pinyin_also_finds_the_text_below_titles_and_headings(page: Any) -> None:
    site = site_hits(page, "tousu")
    assert site[0] == "complaint" and "受理" in site[1]
    # a full spelling is found in a text too (0.55), below the title and the heading
    assert any(h.startswith("faq") for h in site[2:])


def test_morphemes_far_apart_leave_the_word_found_as_its_part(
        built: tuple[KnowledgeBase, Path], page: Any) -> None:
    kb, _ = built
    # 查快递 (a thesaurus entry) is not in the library; its morphemes 查 快 递 are in 物流說明 but
    # far apart, so the section holds it as its part 快递 (the app's match_word does the same);
    # before, the section was dropped and nothing was found
    site = site_hits(page, "查快遞")
    assert site and site[0].startswith("parcel")
    app = app_hits(kb, "查快遞")
    assert app and app[0].startswith("parcel")
    words = page.evaluate("q => KBSearch.explain(q)", "查快遞")["words"]
    assert [w["word"] for w in words] == ["查快递"]
    assert "part:快递" in words[0]["found"]
