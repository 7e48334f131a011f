"""How the site weighs a single query character and a word's expansions, as the app does; run
in the app and in the exported site inside headless Chromium:

- a single character among other words (手机炸了 → 手机 炸) is found as itself only: in a title
  or heading, or in the text of a section that holds another word of the query. The app never
  looks for it as the library's words holding it (its index holds 炸 alone nowhere; 爆炸 is
  a word of its own), so a section holding 爆炸 and nothing else of the query does not rank
  first because 炸 is rare;
- what a word was found as weighs in a section's relevance as the app's query boosts its kind
  (a thesaurus word 0.4 of its BM25 weight): a section holding a rarer thesaurus word of 电话
  (来电号码) does not rank above the sections holding 电话 itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kbdesk.core.kb import KnowledgeBase
from tests.conftest import doc
from tests.site.sidebyside import app_hits, documents, exported, search_page, site_hits

pytestmark = pytest.mark.browser

FILES = {
    "handbooks/phone.md": doc(
        "手機門號說明", "handbook",
        "門號的基本規定。\n\n## 更換手機\n\n客戶更換手機以後，請先確認新手機已經登記。\n\n"
        "## 門號異動\n\n手機門號異動要先核對身分，被拒的申請要告訴客戶原因。\n",
        id="phone", version=1),
    # 炸 only inside the word 爆炸, in a document holding nothing else of 手机炸了
    "procedures/safety.md": doc(
        "門市安全須知", "procedure",
        "門市的安全規定。\n\n## 緊急疏散\n\n發生爆炸或火警時，立即疏散門市人員並通知保全。\n",
        id="safety", version=1),
    # 来电号码 (a thesaurus word of 电话, rarer than it) in one section
    "handbooks/callback.md": doc(
        "回撥原則", "handbook",
        "回撥的原則。\n\n## 記錄號碼\n\n請記下來電號碼以後再回撥。\n",
        id="callback", version=1),
    "phrasings/manners.md": doc(
        "接聽禮貌", "phrasing",
        "接聽的禮貌。\n\n## 電話禮貌\n\n接聽電話時先報上姓名，電話結束前再道謝。\n",
        id="manners", version=1),
    # 门号 and 客户 more often than 門號異動, and no 拒
    "handbooks/numbers.md": doc(
        "客戶門號須知", "handbook",
        "\n## 門號客戶\n\n客戶的門號資料由門號客戶組管理，客戶門號每年核對。\n",
        id="numbers", version=1),
    "handbooks/other.md": doc(
        "帳單說明", "handbook", "\n## 帳單\n\n每月五日寄出帳單，客戶可以來電查詢。\n",
        id="bills", version=1),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[KnowledgeBase, Path]]:
    with exported(tmp_path_factory.mktemp("singles"), FILES) as pair:
        yield pair


@pytest.fixture(scope="module")
def page(built: tuple[KnowledgeBase, Path]) -> Iterator[Any]:
    with search_page(built[1]) as opened:
        yield opened


def test_a_rare_single_character_inside_another_word_does_not_rank_first(
        built: tuple[KnowledgeBase, Path], page: Any) -> None:
    kb, _ = built
    app = documents(app_hits(kb, "手机炸了"))
    site = documents(site_hits(page, "手机炸了"))
    # the app: 手机's sections; 門市安全須知 (爆炸) is not found at all
    assert app and app[0] == "phone" and "safety" not in app
    # the site, before: 炸 found as the library's word 爆炸, rarer than 手机, put it first
    assert site and site[0] == "phone"
    assert "safety" not in site
    words = page.evaluate("q => KBSearch.explain(q)", "手机炸了")["words"]
    assert [w["word"] for w in words] == ["手机", "炸"]
    assert not any(found.startswith("part:") for found in words[1]["found"])


def test_a_single_character_alone_is_still_found_in_the_words_holding_it(page: Any) -> None:
    # one character and nothing else: the sections holding a word with it (as before)
    assert "safety" in documents(site_hits(page, "炸"))


def test_a_single_character_counts_in_a_section_holding_another_word(
        built: tuple[KnowledgeBase, Path], page: Any) -> None:
    kb, _ = built
    # 门号 拒 客户 不服 (不服 held nowhere): 門號異動 holds 门号, 客户 and 拒 in its text, as the
    # app reads it in the sections its other words bring (not only those holding every word)
    app = app_hits(kb, "门号被拒了客户不服")
    site = site_hits(page, "门号被拒了客户不服")
    assert app and "異動" in app[0]
    # before the character was read in every section holding another word, only the sections
    # holding every other word (不服 too: none) were read, and 客戶門號須知 came first
    assert site and site[0] == app[0]


def test_a_rarer_thesaurus_word_does_not_outrank_the_word_typed(
        built: tuple[KnowledgeBase, Path], page: Any) -> None:
    kb, _ = built
    app = documents(app_hits(kb, "電話被打爆了"))
    site = documents(site_hits(page, "電話被打爆了"))
    assert app and app[0] == "manners"
    # before: 来电号码's rare character pairs, counted in full, put 回撥原則 first
    assert site and site[0] == "manners"
    assert "callback" in site
    assert site.index("callback") > site.index("manners")
