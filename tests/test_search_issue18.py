"""Search that holds up on words nobody tuned it for (issue 18): what each query word is worth,
a ranking that does not depend on the limit, crisis calls, Latin abbreviations, pinyin slips,
the parts of a word the library lacks, and editors' own keywords."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kbdesk.core import KnowledgeBase
from kbdesk.core.search.matching import WordMatch, WordPlan
from kbdesk.core.search.query import parse_query
from kbdesk.core.search.ranking import coverage
from tests.conftest import doc


def ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit.doc_id for hit in result.hits]


# -- 1. what each query word is worth ------------------------------------------------------------

@pytest.fixture
def common_and_rare(make_library: Callable[..., Path]) -> KnowledgeBase:
    files = {f"c{n}.md": doc(f"通則{n}", body=f"## 節{n}\n客戶來電時請耐心處理第{n}類問題。\n",
                             id=f"common{n}") for n in range(8)}
    files["r.md"] = doc("異常", body="## 宕機\n系統宕機時先發公告。\n", id="rare")
    return KnowledgeBase(make_library(files))


def test_a_hit_holding_the_rare_word_ranks_above_hits_holding_two_common_ones(
    common_and_rare: KnowledgeBase,
) -> None:
    result = common_and_rare.search("客户 处理 宕机 火星")
    assert result.mode == "or"
    assert ids(result)[0] == "rare"
    top = result.hits[0]
    assert top.words == ["宕机"] and top.match == "partial"
    # the rare word alone is worth more of the query than both common words together
    assert all(top.score > hit.score for hit in result.hits[1:])
    assert all(hit.words == ["客户", "处理"] for hit in result.hits[1:3])


def test_the_score_is_the_share_of_the_query_a_hit_holds(common_and_rare: KnowledgeBase) -> None:
    whole = common_and_rare.search("宕机 公告").hits[0]
    assert whole.match == "all" and 1.0 <= whole.score < 1.1
    part = common_and_rare.search("客户 处理 宕机 火星").hits[0]
    assert 0.0 < part.score < 1.0


def test_coverage_weighs_words_by_rarity_not_by_count() -> None:
    plans = [WordPlan("客户", weight=0.2), WordPlan("处理", weight=0.3), WordPlan("宕机", weight=2.0)]
    held = WordMatch(1.0)
    assert coverage(plans, {"宕机": held}) > coverage(plans, {"客户": held, "处理": held})
    assert coverage(plans, {p.word: held for p in plans}) == pytest.approx(1.0)
    assert coverage(plans, {}) == 0.0


@pytest.mark.parametrize("query, kept", [
    ("客人一直骂人怎么办", ["客人", "骂人"]),
    ("退款还要等多久", ["退款", "等"]),
    ("请问客户老是打断怎么办", ["客户", "打断"]),
])
def test_spoken_filler_is_left_out_of_the_words(query: str, kept: list[str]) -> None:
    parsed = parse_query(query)
    assert parsed.words == kept


def test_filler_alone_is_still_searched() -> None:
    assert parse_query("一直").words == ["一直"]


def test_a_hit_matching_only_filler_is_never_above_one_matching_the_rarest_word(
    make_library: Callable[..., Path],
) -> None:
    base = KnowledgeBase(make_library({
        "a.md": doc("甲", body="## 節\n客人一直打來，我們一直說明。\n", id="filler"),
        "b.md": doc("乙", body="## 節\n遇到辱罵時先提醒一次。\n", id="abuse"),
    }))
    result = base.search("客人一直辱骂怎么办")
    assert ids(result)[0] == "abuse"


# -- 2. the first hit does not depend on the limit ----------------------------------------------

def test_the_ranking_does_not_change_with_the_limit(make_library: Callable[..., Path]) -> None:
    files = {f"d{n}.md": doc(f"文件{n}", body=f"## 說明{n}\n熱線系統宕機第{n}次的處理。\n",
                             id=f"doc{n}") for n in range(4)}
    files["s.md"] = doc("運營指標", body="服務時效 SLA 的總覽。\n\n## SLA 服務時效承諾\n"
                        "一般工單 SLA 為兩個工作天。\n\n## 其他\n當機時改用紙本。\n", id="metrics")
    base = KnowledgeBase(make_library(files))
    for query in ("SLA", "当机", "宕机 处理", "系统当机了", "工单 火星"):
        full = [(h.doc_id, h.anchor) for h in base.search(query, limit=20).hits]
        assert full, query
        for limit in (1, 2, 3, 5, 10):
            assert [(h.doc_id, h.anchor) for h in base.search(query, limit=limit).hits] == \
                full[:limit], (query, limit)


# -- 3. crisis intents ----------------------------------------------------------------------------

CRISIS_DOC = doc("危機來電處理", "procedure", id="crisis", body=(
    "## 識別訊號\n- 角色：坐席\n- 時限：立即\n\n來電者提到自殺、輕生或自殘，或揚言威脅、恐嚇、"
    "放置炸彈時，依本流程處理。\n\n## 報警\n- 角色：主管\n- 時限：立即\n\n威脅具體時立即報警。\n"))


@pytest.fixture
def with_crisis(make_library: Callable[..., Path]) -> KnowledgeBase:
    return KnowledgeBase(make_library({
        "c.md": CRISIS_DOC,
        "s.md": doc("門市服務", body="## 門市營業時間\n門市每天十點營業，到門市辦理需帶證件。\n", id="store"),
        "o.md": doc("系統異常", body="## 死機\n電腦死機時先重開機；系統很慢時回報資訊組。\n", id="outage"),
        "f.md": doc("外送美食", body="## 炸雞\n炸雞套餐的退款說明。\n", id="food"),
        "w.md": doc("工作負荷", body="## 太累\n坐席說累死了時，組長安排休息。\n", id="tired"),
    }))


@pytest.mark.parametrize("query", [
    "客户说活不下去了", "他说想从楼顶跳下去", "说要带汽油去你们门店", "要把你们门店炸了",
    "扬言要拿刀过来", "她说药都准备好了", "活着有什么意思", "不想活了",
])
def test_indirect_crisis_calls_bring_the_crisis_procedure_first(
    with_crisis: KnowledgeBase, query: str,
) -> None:
    hits = with_crisis.search(query).hits
    assert hits and hits[0].doc_id == "crisis", query
    assert hits[0].score > 1.1 and all(hits[0].score >= hit.score for hit in hits)
    assert hits[0].expansions  # says what the call was found as


@pytest.mark.parametrize("query", ["死机", "炸鸡", "累死了", "要死了这么慢", "笑死", "砍价"])
def test_look_alikes_do_not_bring_the_crisis_procedure(
    with_crisis: KnowledgeBase, query: str,
) -> None:
    assert "crisis" not in ids(with_crisis.search(query))[:1], query


def test_a_crisis_call_in_a_library_without_a_crisis_procedure_is_searched_as_usual(
    make_library: Callable[..., Path],
) -> None:
    base = KnowledgeBase(make_library({
        "s.md": doc("門市服務", body="## 門市\n到門市辦理需帶證件，報警電話見公告。\n", id="store"),
    }))
    hits = base.search("带汽油去你们门店").hits
    assert set(ids(base.search("带汽油去你们门店"))) == {"store"}
    # partial matches as any other search (带 of 带汽油 is a query word too: 帶證件)
    assert all(hit.score < 1.0 and "门店" in hit.words and "汽油" not in hit.words
               for hit in hits)


def test_the_shipped_intents_read_and_mask_look_alikes() -> None:
    from kbdesk.core.search.crisis import detect, shipped_intents

    names = {intent.name for intent in shipped_intents()}
    assert names == {"self-harm", "threat"}
    assert [i.name for i, _ in detect("活不下去了")] == ["self-harm"]
    assert [i.name for i, _ in detect("要跟你们同归於盡")] == ["threat"]  # Traditional folds
    assert detect("電腦死機了") == [] and detect("想死你们了") == []


# -- 4. Latin abbreviations -----------------------------------------------------------------------

@pytest.fixture
def operations(make_library: Callable[..., Path]) -> KnowledgeBase:
    return KnowledgeBase(make_library({
        "m.md": doc("客服運營指標", id="metrics", summary="接通率、SLA 與平均處理時長的總覽。",
                    body="本文說明 SLA、AHT 等指標。\n\n## SLA 服務時效承諾\n一般工單兩個工作天內結案。\n\n"
                         "## 接通率\n二十秒內接通的比例，SLA 報表每週發布。\n"),
        "q.md": doc("質檢評分標準", id="quality", body="## 評分項目\n質檢員每月抽聽錄音。\n"),
        "i.md": doc("來電分流", id="ivr", body="## 語音導航\n語音導航第一層選單依業務分流。\n"),
    }))


def test_an_abbreviation_lands_on_the_section_it_heads(operations: KnowledgeBase) -> None:
    hits = operations.search("SLA").hits
    assert (hits[0].doc_id, hits[0].section) == ("metrics", "SLA 服務時效承諾")
    assert [h.anchor for h in hits].index("") > 0  # the document as a whole comes after


@pytest.mark.parametrize("query, expected, found_as", [
    ("QA", "quality", "質檢"), ("IVR", "ivr", "語音導航"), ("ivr 选单", "ivr", "語音導航"),
])
def test_an_abbreviation_the_text_does_not_spell_finds_its_chinese_term(
    operations: KnowledgeBase, query: str, expected: str, found_as: str,
) -> None:
    hits = operations.search(query).hits
    assert hits[0].doc_id == expected
    assert found_as in hits[0].expansions.values()


def test_the_shipped_abbreviations_cover_the_issue_list() -> None:
    from kbdesk.core.search.thesaurus import service_groups

    words = {w.casefold() for group in service_groups() for w in group}
    assert {"sla", "qa", "ivr", "crm", "otp", "pos", "aht"} <= words


# -- 5. homophones of words the library lacks -----------------------------------------------------

@pytest.fixture
def service(make_library: Callable[..., Path]) -> KnowledgeBase:
    return KnowledgeBase(make_library({
        "c.md": doc("投訴處理", id="complaint", body="## 受理投訴\n接到投訴時先致歉並建立投訴單。\n"),
        "r.md": doc("退款規定", id="refund", body="## 退款時效\n退款在七個工作天內退回原付款方式。\n"),
        "t.md": doc("景點介紹", id="sights", body="## 推薦景點\n本市景點與交通。\n"),
        "g.md": doc("商品售後", id="goods", body="## 瑕疵處理\n若商品有瑕疵或破損，可申請換貨。\n\n"
                    "## 卡片補發\n補發卡片需五個工作天。\n\n## 熱線\n第一線人員判斷後轉接。\n"),
        "n.md": doc("網路障礙", id="network", body="## 申告\n現象：無訊號、斷斷續續、網路很慢。\n"),
    }))


@pytest.mark.parametrize("query, expected, found_as", [
    ("投述", "complaint", "投訴"),   # s/sh
    ("退宽", "refund", "退款"),      # same pinyin, another character
    ("偷書", None, None),            # two characters differ: not a slip of one
])
def test_a_pinyin_slip_finds_the_library_word_and_says_so(
    service: KnowledgeBase, query: str, expected: str | None, found_as: str | None,
) -> None:
    hits = service.search(query).hits
    if expected is None:
        assert hits == []
        return
    assert hits[0].doc_id == expected
    assert hits[0].expansions == {parse_query(query).words[0] if len(parse_query(query).words)
                                  == 1 else query: found_as}


def test_homophones_only_stand_in_for_words_the_library_lacks(service: KnowledgeBase) -> None:
    # 经典 sounds like 景点 but is a word of its own: no blanket pinyin folding
    assert service.search("经典").hits == []
    # a word the library holds is found as itself only
    assert {hit.doc_id for hit in service.search("景点").hits} == {"sights"}


def test_a_homophone_ranks_below_a_literal_match(make_library: Callable[..., Path]) -> None:
    base = KnowledgeBase(make_library({
        "a.md": doc("甲", id="literal", body="## 節\n投述一詞見於舊規定。\n"),
        "b.md": doc("乙", id="homophone", body="## 節\n投訴受理。\n"),
    }))
    assert ids(base.search("投述")) == ["literal"]  # the library holds it: no homophones


def test_fuzzy_pinyin_pairs() -> None:
    from kbdesk.core.search.lexicon import fuzzy

    assert fuzzy("shu") == fuzzy("su") and fuzzy("zhang") == fuzzy("zan")
    assert fuzzy("chen") == fuzzy("ceng") and fuzzy("lin") == fuzzy("ning")
    assert fuzzy("tou") != fuzzy("tao")


def test_the_word_table_is_built_with_the_index_and_read_back(service: KnowledgeBase,
                                                              tmp_path: Path) -> None:
    from kbdesk.core.search.lexicon import WordTable

    service.ensure_index()
    table = WordTable()
    assert table.add(["投诉", "退款", "a1", "的"]) and not table.add(["投诉"])
    table.save(tmp_path / "words.json")
    again = WordTable.load(tmp_path / "words.json")
    assert again.homophones("投述") == ["投诉"] and again.holding("款") == ["退款"]
    assert len(again) == 2
    (tmp_path / "bad.json").write_text("{", "utf-8")
    assert len(WordTable.load(tmp_path / "bad.json")) == 0


# -- 6. the meaning-bearing parts of a word the library lacks ------------------------------------

@pytest.mark.parametrize("query, expected, section", [
    ("货坏了", "goods", "瑕疵處理"),      # 坏 → 瑕疵/破损 near 商品 (货)
    ("补卡", "goods", "卡片補發"),        # 补 … 卡 in either order: 補發卡片
    ("线断了", "network", "申告"),        # 线 as 网路, 断 in 斷斷續續
])
def test_a_word_the_library_lacks_is_found_by_its_parts_close_together(
    service: KnowledgeBase, query: str, expected: str, section: str,
) -> None:
    hits = service.search(query).hits
    assert (hits[0].doc_id, hits[0].section) == (expected, section)
    assert hits[0].expansions  # found as what matched


def test_spoken_parts_far_apart_or_inside_unrelated_words_rank_low(service: KnowledgeBase) -> None:
    hits = service.search("线断了").hits
    # 第一線 … 判斷 holds both characters, but neither as what the caller meant
    assert ("goods", "熱線") not in [(h.doc_id, h.section) for h in hits[:1]]


def test_morphemes_rank_below_literal_words(make_library: Callable[..., Path]) -> None:
    base = KnowledgeBase(make_library({
        "a.md": doc("甲", id="parts", body="## 節\n補發卡片需五個工作天。\n"),
        "b.md": doc("乙", id="word", body="## 節\n補卡請臨櫃辦理。\n"),
    }))
    assert ids(base.search("补卡"))[0] == "word"


def test_the_spoken_table_is_folded_and_morphemes_prefer_its_pieces() -> None:
    from kbdesk.core.search.matching import morphemes
    from kbdesk.core.search.thesaurus import spoken_morphemes

    table = spoken_morphemes()
    assert "破损" in table["坏"] and "中断" in table["断"] and "未送达" in table["没到"]
    assert morphemes("货没到", table) == ["货", "没到"]
    assert morphemes("线断了", table) == ["线", "断"]


# -- 7. pinyin initials of a word inside a longer title ------------------------------------------

def test_initials_of_a_word_inside_a_longer_title(make_library: Callable[..., Path]) -> None:
    base = KnowledgeBase(make_library({
        "r.md": doc("退貨款申請流程", "procedure", id="refund-flow",
                    body="## 受理\n- 角色：坐席\n- 時限：1天內\n\n核對訂單。\n"),
        "o.md": doc("其他規定", id="other", body="## 貨款\n貨款結算規則。\n"),
    }))
    hits = base.search("thk").hits
    assert hits and hits[0].doc_id == "refund-flow"
    assert hits[0].expansions == {"thk": "退貨款"}
    assert base.search("bz").hits == [] and base.search("hksqlc").hits  # a run to the end, too


def test_initials_runs_stay_on_word_boundaries() -> None:
    from kbdesk.core.search.pinyin import pinyin_entries

    initials = {key for key, kind, _ in pinyin_entries("退貨款申請流程") if kind == "initials"}
    assert {"thk", "hksq", "thksqlc", "sqlc"} <= initials
    assert "hks" not in initials and "ksq" not in initials  # never across a word's letters


# -- 8. one document does not crowd the list ------------------------------------------------------

def test_sections_beyond_the_first_two_of_a_document_are_folded_and_counted_by_limit(
    make_library: Callable[..., Path],
) -> None:
    sections = "".join(f"## 宕機第{n}步\n系統宕機時第{n}步。\n\n" for n in range(1, 7))
    base = KnowledgeBase(make_library({
        "a.md": doc("應變", id="outage", body=sections),
        "b.md": doc("話術", id="notice", body="## 告知\n系統宕機，請稍候。\n"),
    }))
    hits = base.search("宕机").hits
    shown = [h for h in hits if not h.folded]
    assert [h.doc_id for h in shown].count("outage") == 2 and "notice" in ids(base.search("宕机"))
    assert all(h.folded == (h.group_index > 2) for h in hits)
    assert [h.group_index for h in hits if h.doc_id == "outage"] == list(
        range(1, 1 + sum(h.doc_id == "outage" for h in hits)))
    assert len(base.search("宕机", limit=4).hits) == 4  # --limit counts entries as before
    data = hits[-1].to_json()
    assert data["group"] == {"doc_id": "outage", "index": hits[-1].group_index, "folded": True}


# -- 9. editors' own search terms -----------------------------------------------------------------

def test_keywords_find_a_document_without_showing_them(make_library: Callable[..., Path]) -> None:
    from kbdesk.core.library.parse import build_document

    base = KnowledgeBase(make_library({
        "t.md": doc("退租與解約", id="termination", keywords="[销户, 停號]",
                    body="## 違約金\n合約未滿提前終止須繳違約金。\n"),
        "o.md": doc("其他", id="other", body="## 說明\n會員帳戶的說明。\n"),
    }))
    hits = base.search("销户").hits
    assert ids(base.search("销户"))[0] == "termination"
    assert hits[0].anchor == "" and "销户" not in hits[0].snippet_text + hits[0].snippet
    assert ids(base.search("停号 违约金"))[0] == "termination"
    document = base.document("termination")
    assert document.keywords == ("销户", "停號")
    assert build_document("k.md", "---\ntitle: 甲\nkind: handbook\nkeywords: 销户，退租\n---\n正文\n").keywords == (
        "销户", "退租")


def test_keywords_must_be_words(make_library: Callable[..., Path]) -> None:
    base = KnowledgeBase(make_library({"k.md": doc("甲", id="k", keywords="{a: 1}")}))
    base.ensure_index()
    problems = base.problems
    assert problems and "keywords" in str(problems[0])


# -- after the final blind set: spoken nouns with 子, self-immolation ----------------------------

def test_a_spoken_noun_with_zi_is_found_as_its_written_word(
    make_library: Callable[..., Path],
) -> None:
    base = KnowledgeBase(make_library({
        "a.md": doc("車輛故障", id="cars", body="## 拖吊\n車輛無法行駛時安排拖吊。\n"),
        "b.md": doc("服務品質", id="quality", body="## 量測\n服務質量與數量的量測。\n"),
    }))
    hits = base.search("车子").hits
    assert hits and hits[0].doc_id == "cars"
    assert hits[0].expansions  # found as the library's word, not as 车子
    # 子 is no suffix to strip everywhere: 量子 is a word of its own, not 量
    assert base.search("量子").hits == []


@pytest.mark.parametrize("query", ["客户说不理赔就去你们门口自焚", "他说要自焚"])
def test_self_immolation_is_a_crisis_call(with_crisis: KnowledgeBase, query: str) -> None:
    hits = with_crisis.search(query).hits
    assert hits and hits[0].doc_id == "crisis"
