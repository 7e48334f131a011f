"""The kind of an imported document is guessed from its text; procedures keep their step keys
in the documented syntax, so the library reads roles and time limits."""

from __future__ import annotations

import pytest

from kbdesk.core.importers.plan import ImportFailed, document_text
from kbdesk.core.library.parse import build_document
from tests.importers.helpers import outline_of, plan_text, section_text

PROCEDURE = """退款處理流程

一、受理申請

角色：一線客服
時限：30分鐘內

確認訂單與退款原因。

二、主管審核

负责：值班主管
时限：2小时内

核對金額後核准。
"""


def test_steps_with_roles_and_limits_are_a_procedure() -> None:
    [doc] = plan_text(PROCEDURE)
    assert doc.kind == "procedure"
    parsed = build_document("procedures/refund.md", document_text(doc))
    steps = parsed.steps
    assert [s.title for s in steps] == ["一、受理申請", "二、主管審核"]
    assert [s.role for s in steps] == ["一線客服", "值班主管"]
    assert [s.limit_seconds for s in steps] == [1800, 7200]


def test_plain_chapters_are_a_handbook_and_quoted_speech_a_phrasing() -> None:
    [handbook] = plan_text("第一章 原則\n\n先傾聽再回應。\n\n第二章 記錄\n\n每通電話都要記錄。\n")
    assert handbook.kind == "handbook"
    [phrasing] = plan_text("一、問候\n\n“您好，很高興為您服務。”\n\n二、結束\n\n“感謝您的來電，再見。”\n")
    assert phrasing.kind == "phrasing"
    assert phrasing.sections[0].text == "> 您好，很高興為您服務。"


def test_the_editor_can_revise_kind_title_and_category() -> None:
    [doc] = plan_text(PROCEDURE)
    doc.path = "procedures/tui-kuan.md"
    doc.revise(title="退款流程", kind="handbook", category="退款")
    assert (doc.title, doc.kind, doc.category, doc.path) == (
        "退款流程", "handbook", "退款", "handbooks/tui-kuan.md")
    with pytest.raises(ImportFailed, match="needs a title"):
        doc.revise(title=" ")
    with pytest.raises(ImportFailed, match="unknown kind 'manual'"):
        doc.revise(kind="manual")


PHRASING_TXT = """外送客服話術
一、開場
1. 您好，我是客服{{坐席姓名}}，請問有什麼可以幫您？
2. 「請提供訂單尾號，我幫您查詢。」
二、延誤
（一）安撫
非常抱歉讓您久等了，餐點預計再十分鐘送達。
（二）補償
先查詢訂單是否符合補償條件，再向客戶說明：已為您申請一張折價券，稍後發到您的帳戶。
三、注意事項
語速放慢，不要打斷客戶。
"""


def test_imported_phrasings_can_be_copied() -> None:
    """Every listed or spoken reply becomes a '> ' text to copy; headings over others become
    groups (#) and the others phrasings (##), whatever depth they had."""
    [doc] = plan_text(PHRASING_TXT, kind="phrasing")
    assert outline_of(doc) == [(1, "一、開場"), (0, "二、延誤"), (1, "（一）安撫"),
                               (1, "（二）補償"), (1, "三、注意事項")]
    assert section_text(doc, "一、開場") == (
        "> 您好，我是客服{{坐席姓名}}，請問有什麼可以幫您？\n\n> 請提供訂單尾號，我幫您查詢。")
    assert section_text(doc, "（一）安撫") == "> 非常抱歉讓您久等了，餐點預計再十分鐘送達。"
    assert section_text(doc, "（二）補償") == (
        "先查詢訂單是否符合補償條件，再向客戶說明：\n\n> 已為您申請一張折價券，稍後發到您的帳戶。")
    [flag] = [f for f in doc.flags if f.kind == "nothing-to-copy"]
    assert flag.text == "三、注意事項"
    body = doc.body_text()
    assert "# 二、延誤\n" in body and "## （一）安撫" in body and "####" not in body


def test_check_reports_a_phrasing_with_nothing_to_copy(make_library) -> None:  # type: ignore[no-untyped-def]
    from kbdesk.core.kb import KnowledgeBase
    from tests.conftest import doc as document

    root = make_library({
        "phrasings/ok.md": document("開場", "phrasing", "\n## 問候\n\n> 您好，請問有什麼可以幫您？\n",
                                    id="ok"),
        "phrasings/bare.md": document("提醒", "phrasing", "\n## 語速\n\n說話放慢。\n", id="bare"),
        "phrasings/half.md": document("結束", "phrasing",
                                      "\n## 道別\n\n> 感謝來電。\n\n## 備註\n\n記錄摘要。\n",
                                      id="half"),
    })
    with KnowledgeBase(root) as kb:
        problems = {(p.path, p.message) for p in kb.library_rules.check()}
    assert ("phrasings/bare.md", "a phrasing document with nothing to copy: no section holds a "
            "phrasing written as a '> ' quote") in problems
    assert ("phrasings/half.md",
            "section '備註': nothing to copy (write the phrasing as a '> ' quote)") in problems
    assert not any(path == "phrasings/ok.md" for path, _message in problems)
