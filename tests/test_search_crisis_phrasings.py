"""The shipped crisis intents reach indirect calls beyond the words of the procedures (issue 18,
QA review): the means made ready, a high place, ending it all, being a burden or saying
farewell, knowing where staff are, harm promised, a weapon made ready; and not their look-alikes.

The phrasings here are variants written for this test, not the eval's queries
(``tests/search_quality/queries.yaml``, groups ``crisis`` and ``crisis-lookalike``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kbdesk.core import KnowledgeBase
from kbdesk.core.search.crisis import detect
from tests.conftest import doc

CALLS = {
    "self-harm": [
        "绳子我都准备好了", "炭我早就买好了", "他說他買好了一瓶藥",  # the means made ready
        "客户说他现在站在楼顶边上", "我在楼顶上了", "她爬上了窗台",  # a high place, now
        "我只想结束这种痛苦", "結束這一切吧", "死了就能彻底解脱", "我真的不想再熬了",
        "活着太痛苦了",  # ending it all
        "我不想再连累爸妈", "以后都不会再打扰你们了", "我留了封给女儿的信",  # burden, farewell
    ],
    "threat": [
        "我知道你们主管住在哪", "我知道你們客服幾點下班",  # knowing where staff are
        "你们会付出代价的", "小心我闹出人命", "我跟你们公司拼了",  # harm promised
        "菜刀我已经磨好了", "我带好了一把刀",  # a weapon made ready
    ],
}

LOOK_ALIKES = [
    "药买好了吗什么时候到", "药买错了能退吗", "这个月快撑不下去了", "退款终于搞定了",
    "我在楼顶装的宽带断了", "天台的网络很慢", "帮我结束这次通话", "请问结束通话前要说什么",
    "我想知道你们几点下班", "你们经理几点下班", "網速拖累了工作進度", "你们付出的努力我们看到了",
    "拼单怎么退款", "刀叉买好了", "菜刀买了要退货", "这个价格杀疯了", "电脑卡死了",
    "笑死我了", "饿死了", "气死我了",
]


@pytest.mark.parametrize(("intent", "query"),
                         [(name, q) for name, queries in CALLS.items() for q in queries])
def test_indirect_calls_speak_their_intent(intent: str, query: str) -> None:
    assert intent in [found.name for found, _said in detect(query)], query


@pytest.mark.parametrize("query", LOOK_ALIKES)
def test_look_alikes_speak_no_intent(query: str) -> None:
    assert detect(query) == [], query


@pytest.fixture
def library(make_library: Callable[..., Path]) -> KnowledgeBase:
    return KnowledgeBase(make_library({
        "c.md": doc("危機來電處理", "procedure", id="crisis", body=(
            "## 識別訊號\n- 角色：坐席\n- 時限：立即\n\n來電者提到自殺、輕生或自殘，或揚言威脅、"
            "恐嚇時，依本流程處理。\n\n## 報警\n- 角色：主管\n- 時限：立即\n\n威脅具體時立即報警。\n")),
        "s.md": doc("門市服務", body="## 營業時間\n門市每天十點營業，晚上九點下班。\n", id="store"),
        "r.md": doc("退貨", body="## 商品退貨\n藥品、刀具買錯了可以在七天內退貨。\n", id="returns"),
        "n.md": doc("寬頻", body="## 寬頻斷線\n頂樓、天台的線路斷了先報修。\n", id="broadband"),
    }))


@pytest.mark.parametrize("query", ["我在楼顶上了", "我跟你们公司拼了", "炭我早就买好了"])
def test_a_call_brings_the_crisis_procedure_first(library: KnowledgeBase, query: str) -> None:
    hits = library.search(query).hits
    assert hits and hits[0].doc_id == "crisis", query
    assert hits[0].expansions  # says what the call was found as


@pytest.mark.parametrize("query", ["药买错了能退吗", "天台的线路断了", "我想知道你们几点下班"])
def test_a_look_alike_finds_its_own_answer(library: KnowledgeBase, query: str) -> None:
    found = [hit.doc_id for hit in library.search(query).hits]
    assert found[:1] != ["crisis"] and found, query
