"""Searching: both scripts, queries of every shape, filters, synonyms, pinyin, fallbacks."""

from __future__ import annotations

import pytest

from kbdesk.core import KnowledgeBase
from kbdesk.core.library.model import Kind
from kbdesk.core.search.query import parse_query
from tests.conftest import CONTENT_DIR, doc

SMALL = {
    "library.yaml": "name: 小庫\nsynonyms:\n  - [顾客, 客户]\n  - [退钱, 退款]\n",
    "handbooks/complaints.md": doc(
        "客訴處理手冊",
        body=(
            "本手冊說明投訴的受理方式。\n\n## 投訴分級\n一般投訴在 48 小時內回覆客戶。\n\n"
            "## 重大投訴\n涉及媒體的投訴，2小時內通報主管。\n"
        ),
        id="complaints",
        tags="[投訴, 升級]",
        category="投訴處理",
    ),
    "handbooks/refund.md": doc(
        "退款政策",
        body="## 退款時限\n退款在 3 至 5 個工作日內到帳。\n\n## 例外\n特價商品不適用。\n",
        id="refund",
        tags="[退款]",
    ),
    "phrasings/opening.md": doc(
        "標準開場白",
        "phrasing",
        body=(
            "## 來電開場\n> 您好，這裡是客服中心，我是{{坐席姓名}}。\n\n"
            "- 不說「我們做不到」→ 改說「我們可以嘗試其他方法」\n"
        ),
        id="opening",
    ),
    "phrasings/calming.md": doc(
        "安抚情绪话术",
        "phrasing",
        body=(
            "## 客户很生气时\n> 我理解您现在很着急，我马上帮您处理。\n\n"
            "## 客户要求退钱\n> 我先帮您确认订单的状态。\n"
        ),
        id="calming",
    ),
    "procedures/flow.md": doc(
        "服務流程",
        "procedure",
        body=(
            "## 接單\n- 角色：一線客服\n- 時限：30秒內\n\n接起電話並記錄客戶需求。\n\n"
            "## 受理\n- 角色：一線客服\n- 時限：5分鐘內\n\n確認問題類型。\n"
        ),
        id="flow",
    ),
    "handbooks/old.md": doc(
        "舊版投訴規定", body="## 投訴舊規\n已不適用的投訴規定。\n", id="old", status="retired"
    ),
    "handbooks/draft.md": doc(
        "投訴草稿", body="## 草稿\n尚未發布的投訴內容。\n", id="draft", status="draft"
    ),
}


@pytest.fixture
def kb(make_library):
    base = KnowledgeBase(make_library(SMALL))
    base.ensure_index()
    yield base
    base.close()


def ids(result) -> list[str]:
    return [hit.doc_id for hit in result.hits]


def test_traditional_query_finds_simplified_text_and_back(kb):
    assert "calming" in ids(kb.search("客戶很生氣"))
    assert "complaints" in ids(kb.search("投诉分级"))
    assert ids(kb.search("投訴")) == ids(kb.search("投诉"))


def test_hit_carries_everything_a_client_shows(kb):
    hit = kb.search("投訴分級").hits[0]
    assert (hit.doc_id, hit.title, hit.section, hit.anchor) == (
        "complaints",
        "客訴處理手冊",
        "投訴分級",
        "投訴分級",
    )
    assert hit.kind == "handbook" and hit.version == 1 and hit.score > 0
    assert "<mark>投訴</mark>" in hit.snippet
    start, end = hit.marks[0]
    assert hit.snippet_text[start:end] == "投訴"


def test_snippet_is_in_the_original_script_with_marks_escaped(make_library):
    base = KnowledgeBase(
        make_library({"a.md": doc("甲", body="## 節\n投訴單的分數 1 < 2 & 3。\n")})
    )
    hit = base.search("投诉").hits[0]
    assert "1 &lt; 2 &amp; 3" in hit.snippet
    assert "<mark>投訴</mark>" in hit.snippet


def test_question_words_are_dropped(kb):
    result = kb.search("客户很生气怎么办")
    assert result.hits[0].doc_id == "calming"
    assert "怎么办" in result.query.dropped


def test_words_are_anded_then_or_fallback_ranks_by_words_matched(kb):
    anded = kb.search("投訴 媒體")
    assert anded.exact == 1
    assert ids(anded)[0] == "complaints" and anded.hits[0].section == "重大投訴"
    assert kb.search("投訴").mode == "and"
    fallback = kb.search("投訴 火星人")
    assert fallback.mode == "or" and fallback.exact == 0
    assert fallback.hits and all(
        "投訴" in h.title + h.section + h.snippet_text for h in fallback.hits[:2]
    )


def test_exact_phrase(kb):
    assert ids(kb.search('"我們做不到"')) == ["opening"]
    assert kb.search('"做不到我們"').hits == []
    assert ids(kb.search("「我们做不到」")) == ["opening"]


def test_exclude(kb):
    with_refund = ids(kb.search("工作日"))
    assert "refund" in with_refund
    assert "refund" not in ids(kb.search("工作日 -退款"))


def test_kind_tag_and_category_filters(kb):
    assert set(ids(kb.search("客户 kind:phrasing"))) <= {"opening", "calming"}
    assert set(ids(kb.search("客戶", kinds=[Kind.PROCEDURE]))) == {"flow"}
    assert set(ids(kb.search("客戶 kind:流程"))) == {"flow"}
    assert set(ids(kb.search("小時 tag:投诉"))) == {"complaints"}
    assert set(ids(kb.search("小時 category:投訴處理"))) == {"complaints"}


def test_retired_and_draft_are_hidden_unless_asked(kb):
    assert "old" not in ids(kb.search("投訴", limit=50))
    assert "draft" not in ids(kb.search("投訴", limit=50))
    assert "old" in ids(kb.search("投訴舊規", include_retired=True))
    assert "draft" not in ids(kb.search("草稿", include_retired=True))


def test_synonyms_expand_queries(kb):
    assert "refund" in ids(kb.search("退钱"))
    assert "calming" in ids(kb.search("顾客很生气"))


def test_pinyin_full_and_initials_match_titles_and_headings(kb):
    assert ids(kb.search("kaichangbai"))[0] == "opening"
    assert ids(kb.search("bzkcb"))[0] == "opening"
    assert ids(kb.search("tuikuanshixian"))[0] == "refund"


def test_latin_acronyms_and_numbers(make_library):
    base = KnowledgeBase(
        make_library(
            {
                "a.md": doc(
                    "品質",
                    body="## SERVQUAL 模型\n五個維度。\n\n## 時效\n複雜問題 48小時內解決。\n",
                ),
                "b.md": doc("其他", body="## 其他\n48 個案例，小時工。\n"),
            }
        )
    )
    assert base.search("servqual").hits[0].section == "SERVQUAL 模型"
    assert ids(base.search("48小時")) == ["a"]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "!!!???",
        "。，、",
        '"',
        '"未閉合的引號 投訴',
        "「",
        "-",
        "--",
        "kind:",
        "tag:",
        "kind:unknown 投訴",
        "AND OR NOT",
        "(投訴",
        "投訴)",
        "*",
        "投*",
        "~投訴^2",
        "😀😀😀",
        "投訴\x00\x07\x1b[31m",
        "\ud800",
        "a" * 10_000,
        "投訴" * 5_000,
        "category:",
        ":::",
        "title:投訴",
        "投訴 -投訴",
    ],
)
def test_malformed_queries_never_raise(kb, query):
    result = kb.search(query)
    assert isinstance(result.hits, list)


def test_punctuation_only_and_empty_queries_return_nothing(kb):
    assert kb.search("").mode == "empty"
    assert kb.search("？！。").hits == []


def test_unbalanced_quote_degrades_to_plain_words(kb):
    assert "complaints" in ids(kb.search('"投訴分級'))


def test_unknown_field_prefix_is_plain_text(kb):
    assert parse_query("title:投訴").words  # searched as words, not a field
    assert kb.search("title:投訴").hits


def test_emoji_and_control_characters_are_ignored(kb):
    assert ids(kb.search("😀投訴\x07分級"))[0] == "complaints"


def test_huge_query_is_bounded(kb):
    result = kb.search("投訴 " * 5000)
    assert result.hits


def test_at_most_three_hits_of_one_document_lead(kb):
    top = ids(kb.search("投訴", limit=10))
    assert top[:3].count("complaints") <= 3


def test_demo_library_both_scripts_give_the_same_top_documents():
    base = KnowledgeBase(CONTENT_DIR)
    for traditional, simplified in [("投訴", "投诉"), ("開場白", "开场白"), ("退款", "退款")]:
        assert ids(base.search(traditional))[:5] == ids(base.search(simplified))[:5]
    base.close()


def test_a_remembered_fragment_ranks_the_section_holding_it_first(make_library):
    base = KnowledgeBase(make_library({
        "a.md": doc("結束", body="## 結束語\n最後告知：您的工單號是 A123，請記下。\n"),
        "b.md": doc("工單說明", body=(
            "## 工單號\n工單號與工單號碼：您的工單、您的號碼、是否為您的工單號，工單號是唯一的。\n"
        )),
    }))
    assert ids(base.search("您的工單號是"))[0] == "a"
    assert ids(base.search("您的工单号是"))[0] == "a"


def test_pinyin_initials_match_whole_not_as_prefix(kb):
    assert ids(kb.search("kcb"))[0] == "opening"
    # two letters are the initials of a two-syllable word (開場 → kc), not a prefix of bzkcb
    assert "opening" in ids(kb.search("kc"))
    assert "opening" not in ids(kb.search("zk"))  # letters across two words are not a key
    assert ids(kb.search("kaichang"))[0] == "opening"  # full pinyin matches by prefix
    assert kb.search("bzk").hits == []  # a prefix of initials bzkcb is not a match


def test_or_fallback_ranks_by_how_many_words_match(make_library):
    base = KnowledgeBase(make_library({
        "two.md": doc("甲", body="## 節\n退款與投訴的處理。\n"),
        "one.md": doc("乙", body="## 節\n退款退款退款退款退款，退款說明。\n"),
        "other.md": doc("丙", body="## 節\n投訴投訴投訴投訴。\n"),
        "none.md": doc("丁", body="## 節\n無關的內容。\n"),
    }))
    result = base.search("退款 投訴 火星")
    assert result.mode == "or" and result.exact == 0
    assert ids(result)[0] == "two"  # two of the three words beat many repeats of one
    assert set(ids(result)[1:]) == {"one", "other"}
    assert "none" not in ids(result)


def test_or_fallback_respects_filters_and_exclusions(make_library):
    base = KnowledgeBase(make_library({
        "a.md": doc("甲", "phrasing", body="## 節\n> 退款說明\n"),
        "b.md": doc("乙", body="## 節\n退款與投訴。\n"),
    }))
    assert ids(base.search("退款 火星 kind:phrasing")) == ["a"]
    assert ids(base.search("退款 火星 kind:procedure")) == []
    assert ids(base.search("退款 火星 -投訴")) == ["a"]


@pytest.mark.parametrize("extra", [[], ["颱風", "地震"]])  # 3 words: subsets; 5 words: counting
def test_or_fallback_levels_for_short_and_long_queries(make_library, extra):
    base = KnowledgeBase(make_library({
        "three.md": doc("甲", body="## 節\n退款、投訴與轉接。\n"),
        "two.md": doc("乙", body="## 節\n退款退款與投訴投訴。\n"),
        "one.md": doc("丙", body="## 節\n轉接轉接轉接轉接轉接。\n"),
    }))
    result = base.search(" ".join(["退款", "投訴", "轉接", "火星", *extra]))
    assert result.mode == "or"
    assert ids(result) == ["three", "two", "one"]
    assert [hit.matched for hit in result.hits] == [3, 2, 1]


def test_a_browsed_document_is_a_search_hit_without_score() -> None:
    from kbdesk.core import SearchHit
    from kbdesk.core.library.parse import build_document

    document = build_document("a.md", doc("退款 <規則>", id="a", category="退款政策",
                                          body="## 時限\n七天內 <完成>。\n"))
    hit = SearchHit.of_document(document)
    assert (hit.doc_id, hit.anchor, hit.score, hit.match) == ("a", "", 0.0, "")
    assert hit.heading == "退款 <規則>" and hit.category == "退款政策"
    assert hit.snippet_text == "七天內 <完成>。" and hit.snippet == "七天內 &lt;完成&gt;。"
    found = SearchHit("a", "甲", "時限", "s", "handbook", 1, 1.0, "", "", [], "a.md", "", "", 2,
                      expansions={"當機": "宕機", "死機": "宕機", "壞": "故障"})
    assert found.found_as == "宕機、故障" and found.heading == "甲 › 時限"


def test_every_search_call_takes_the_same_options(kb) -> None:
    import datetime as dt

    from kbdesk.core import Kind

    options = {"kinds": [Kind.PHRASING], "limit": 1}
    assert all(hit.kind == "phrasing" for hit in kb.search("退款", **options).hits)
    assert len(kb.search("退款", **options).hits) <= 1
    with pytest.raises(TypeError, match="kind"):
        kb.search("退款", kind=[Kind.PHRASING])
    with pytest.raises(TypeError, match="kind"):
        kb.search_as_of("退款", dt.date(2026, 6, 15), kind=[Kind.PHRASING])
