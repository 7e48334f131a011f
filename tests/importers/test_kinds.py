"""The kind of an imported document is guessed from its text; procedures keep their step keys
in the documented syntax, so the library reads roles and time limits."""

from __future__ import annotations

import pytest

from kbdesk.core.importers.plan import ImportFailed, document_text
from kbdesk.core.library.parse import build_document
from tests.importers.helpers import plan_text

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
