"""Search as agents talk (issue 9): compounds and parts, the thesaurus, proximity, honest
partial matches, browsing by filters, two-letter pinyin initials."""

from __future__ import annotations

import datetime as dt

import pytest

from kbdesk.core import KnowledgeBase
from kbdesk.core.search.thesaurus import SynonymTable, read_groups, service_groups
from tests.conftest import doc


def ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit.doc_id for hit in result.hits]


@pytest.fixture
def sms(make_library) -> KnowledgeBase:  # type: ignore[no-untyped-def]
    return KnowledgeBase(make_library({
        "a.md": doc("回訪話術", "phrasing", body="## 未接通時的短信\n> 您好，我們稍後再聯絡您。\n",
                    id="sms"),
        "b.md": doc("通知規範", body="## 群發\n發短信前先確認客戶同意接收。\n", id="send"),
        "c.md": doc("無關", body="## 其他\n今天天氣很好。\n", id="other"),
    }))


def test_a_compound_the_index_does_not_hold_is_found_by_its_parts(sms: KnowledgeBase) -> None:
    result = sms.search("群发短信")
    assert set(ids(result)) == {"sms", "send"}
    assert all(hit.expansions["群发短信"] for hit in result.hits)


def test_the_whole_compound_ranks_above_its_parts(sms: KnowledgeBase) -> None:
    result = sms.search("发短信")
    assert ids(result) == ["send", "sms"]
    assert result.hits[0].expansions == {}  # found as typed
    assert result.hits[1].expansions == {"发短信": "短信"}
    assert result.hits[0].score > result.hits[1].score


def test_a_single_common_character_alone_is_not_a_part(sms: KnowledgeBase) -> None:
    assert sms.search("天信").hits == []  # neither 天 nor 信 is a meaningful piece


def test_joined_with_a_weak_neighbour_the_pieces_are_found(make_library) -> None:  # type: ignore[no-untyped-def]
    base = KnowledgeBase(make_library({
        "inv.md": doc("發票開立", body="## 改開統一編號\n客戶要改開統一編號時，先作廢原發票。\n",
                      id="invoice"),
        "x.md": doc("雜項", body="## 修改資料\n改地址要先核對身分。\n", id="misc"),
    }))
    assert ids(base.search("改开发票"))[0] == "invoice"
    assert ids(base.search("开发票"))[0] == "invoice"


def test_service_thesaurus_finds_what_agents_say(make_library) -> None:  # type: ignore[no-untyped-def]
    base = KnowledgeBase(make_library({
        "o.md": doc("系統異常", body="## 宕機處理\n熱線系統宕機時先發公告。\n", id="outage"),
        "m.md": doc("主管職責", body="## 轉給主管\n客戶堅持時轉給值班主管。\n", id="lead"),
    }))
    hit = base.search("当机").hits[0]
    assert hit.doc_id == "outage" and hit.expansions == {"当机": "宕機"}  # as the text writes it
    assert hit.to_json()["expansions"] == {"当机": "宕機"}
    assert ids(base.search("找经理"))[0] == "lead"


def test_the_literal_word_ranks_above_an_expansion(make_library) -> None:  # type: ignore[no-untyped-def]
    base = KnowledgeBase(make_library({
        "a.md": doc("甲", body="## 規則\n補償由組長核准，補償上限見附表。\n", id="comp"),
        "b.md": doc("乙", body="## 說明\n賠償須經法務同意。\n", id="lit"),
    }))
    assert ids(base.search("赔偿")) == ["lit", "comp"]


def test_library_groups_win_over_the_shipped_thesaurus() -> None:
    table = SynonymTable([["经理", "店长"]], [["经理", "主管", "组长"], ["主管", "督导"]])
    assert table.alternatives("经理") == {"经理": "word", "店长": "synonym"}
    assert "经理" in table.expand("主管")  # the shipped group still leads to it
    assert table.alternatives("主管")["督导"] == "thesaurus"
    assert table.join_known(["电话", "系统", "挂"]) == ["电话", "系统", "挂"]
    joined = SynonymTable([], [["系统挂了", "当机"]]).join_known(["电话", "系统", "挂"])
    assert joined == ["电话", "系统挂"]  # 了 is dropped from queries and from entries alike


def test_shipped_thesaurus_has_300_groups_in_both_scripts() -> None:
    groups = service_groups()
    assert len(groups) >= 300
    words = {w for g in groups for w in g}
    assert {"当机", "當機", "打不通", "無人接聽", "赔偿", "補償"} <= words
    for group in groups:
        assert len(group) >= 2


def test_bad_thesaurus_entries_are_skipped_and_named(tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.yaml"
    path.write_text("groups:\n  - [甲, 乙]\n  - 不是列表\n  - {words: [丙, 丁]}\n", "utf-8")
    assert read_groups(path) == [["甲", "乙"], ["丙", "丁"]]
    assert "group 2" in caplog.text and str(path) in caplog.text
    path.write_text("groups: [[甲, 乙\n", "utf-8")
    assert read_groups(path) == []
    assert read_groups(tmp_path / "missing.yaml") == []


def test_partial_matches_are_counted_and_labelled(make_library) -> None:  # type: ignore[no-untyped-def]
    base = KnowledgeBase(make_library({
        "a.md": doc("甲", body="## 轉接失敗\n轉接失敗時先建立工單。\n", id="both"),
        "b.md": doc("乙", body="## 轉接\n轉接前先說明原因。轉接要快。\n", id="one"),
        "c.md": doc("丙", body="## 失敗\n付款失敗請重試。\n", id="other"),
    }))
    result = base.search("转接 失败")
    assert result.exact == 1 and result.partial == 2
    first, *rest = result.hits
    assert first.doc_id == "both" and first.match == "all"
    assert first.to_json()["matched"] == ["转接", "失败"]
    assert all(hit.match == "partial" and len(hit.words) == 1 for hit in rest)
    scores = [hit.to_json()["score"] for hit in result.hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[1]


def test_words_close_together_rank_above_words_far_apart(make_library) -> None:  # type: ignore[no-untyped-def]
    filler = "客服人員應依規定辦理各項作業並保持紀錄完整。" * 12
    base = KnowledgeBase(make_library({
        "far.md": doc("甲", body=f"## 說明\n退款須先核對。{filler}\n\n{filler}最後才看運費。\n",
                      id="far"),
        "near.md": doc("乙", body="## 說明\n退款時運費一併退回。\n" + filler[:60] + "\n", id="near"),
    }))
    assert ids(base.search("退款 运费"))[0] == "near"


def test_filters_alone_browse_newest_first(make_library) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    base = KnowledgeBase(make_library({
        "old.md": doc("舊", tags="[退款]", effective=(today - dt.timedelta(days=90)).isoformat(),
                      id="old"),
        "new.md": doc("新", tags="[退款]", effective=(today - dt.timedelta(days=2)).isoformat(),
                      id="new"),
        "p.md": doc("話", "phrasing", body="## 一\n> 您好\n", id="phr"),
    }))
    result = base.search("tag:退款")
    assert result.mode == "browse" and ids(result) == ["new", "old"]
    assert ids(base.search("kind:phrasing")) == ["phr"]
    assert ids(base.search("tag:沒有這個")) == []


def test_pinyin_two_letter_initials_and_full_pinyin_title_first(make_library) -> None:  # type: ignore[no-untyped-def]
    base = KnowledgeBase(make_library({
        "t.md": doc("投訴", body="## 說明\n依流程辦理。\n", id="title"),
        "h.md": doc("手冊", body="## 投訴\n依流程辦理。\n", id="heading"),
        "b.md": doc("規範", body="## 說明\n客戶投訴時先道歉。\n", id="body"),
    }))
    assert ids(base.search("ts"))[:2] == ["title", "heading"]
    found = list(dict.fromkeys(ids(base.search("tousu"))))
    assert found == ["title", "heading", "body"]


def test_words_the_index_holds_in_no_form_do_not_break_the_fallback(sms: KnowledgeBase) -> None:
    assert sms.search("火星 木星人 土星").hits == []
    result = sms.search("火星 短信 木星人")
    assert result.mode == "or" and set(ids(result)) == {"sms", "send"}
    assert all(hit.match == "partial" and hit.words == ["短信"] for hit in result.hits)


def test_pinyin_map_survives_a_reopen_an_update_and_damage(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kbdesk.core.search.pinyin import PinyinMap, pinyin_entries

    path = tmp_path / "map.json"
    first = PinyinMap(pinyin_entries("標準開場白"))
    first.save(path)
    again = PinyinMap.load(path)
    assert again.lookup("kaichang") == {"开场白": "full"}
    assert again.lookup("kcb") == {"开场白": "initials"}
    again.add(pinyin_entries("退款"))
    assert again.lookup("tk") == {"退款": "initials"} and again.lookup("kcb")
    path.write_text("{not json", "utf-8")
    assert len(PinyinMap.load(path)) == 0


def test_pinyin_of_a_document_added_later_is_found(make_library) -> None:  # type: ignore[no-untyped-def]
    root = make_library({"a.md": doc("開場白", body="## 一\n您好。\n", id="a")})
    base = KnowledgeBase(root)
    assert set(ids(base.search("kaichangbai"))) == {"a"}
    base.close()
    (root / "b.md").write_text(doc("退款說明", body="## 二\n退款方式。\n", id="b"), "utf-8")
    again = KnowledgeBase(root)
    assert ids(again.search("tuikuan"))[0] == "b"
    assert "a" in ids(again.search("kaichangbai"))


def test_a_new_process_searches_a_current_index_without_reading_the_library(
    make_library, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    root = make_library({"a.md": doc("退款", body="## 一\n退款說明。\n", id="a")})
    index_dir = tmp_path / "ix"
    first = KnowledgeBase(root, index_dir=index_dir)
    first.ensure_index()
    first.close()
    second = KnowledgeBase(root, index_dir=index_dir)
    assert ids(second.search("退款"))[:1] == ["a"]
    assert not second._loaded  # the index was current: no document was read
    second.close()
    (root / "b.md").write_text(doc("退款二", body="## 二\n退款流程。\n", id="b"), "utf-8")
    third = KnowledgeBase(root, index_dir=index_dir)
    assert "b" in ids(third.search("退款"))  # a changed folder is read and indexed first
    third.close()
