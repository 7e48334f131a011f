"""Clean-up of web-copied text: each kind of boilerplate, pinyin, repeats, mojibake,
placeholders; every removal reported with its position and restorable."""

from __future__ import annotations

import pytest

from kbdesk.core.importers.flags import mojibake_runs
from tests.importers import fixtures as F
from tests.importers.helpers import outline_of, plan_text, section_text


def _reasons(doc) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {r.text: r.reason for r in doc.removed}


def test_each_kind_of_boilerplate_is_removed_and_reported() -> None:
    [doc] = plan_text(F.BOILERPLATE)
    reasons = _reasons(doc)
    assert reasons["配送延误处理手册_第1页"] == "page-title line"
    assert reasons["全文预览已结束"] == "site boilerplate: end of preview"
    assert reasons["下载本文档"] == "download notice"
    assert reasons["版权说明：本文档由用户上传，收益归属内容提供方，若内容存在侵权，请进行举报"] \
        == "copyright notice"
    assert reasons["温馨提示"].startswith("site notice")
    assert reasons["• 2. 本站不保证下载资源的完整性。"].startswith("site notice")
    assert reasons["文档评论(3)"] == reasons["0/150"] == reasons["提交评论"] == "comment counter"
    assert reasons["您可能关注的文档"] == "list of related documents"
    assert "仓储管理制度汇编.docx" in reasons and "物流企业年度总结.pdf" in reasons
    # the content is all there, and nothing else
    assert doc.title == "配送延误处理手册"
    assert outline_of(doc) == [(1, "第一章 延误判断"), (1, "第二章 补偿标准")]
    assert section_text(doc, "第二章 补偿标准") == "延误一天补偿五元优惠券，最多补偿三天。"
    body = doc.body_text()
    for removal in doc.removed:
        assert removal.text not in body
    assert [r.line for r in doc.removed] == sorted(r.line for r in doc.removed)
    assert reasons and all(r.line >= 1 for r in doc.removed)


def test_boilerplate_in_traditional_script() -> None:
    [doc] = plan_text(F.BOILERPLATE_TRADITIONAL)
    reasons = _reasons(doc)
    assert reasons["會員權益說明_第3頁"] == "page-title line"
    assert reasons["全文預覽已結束"] == "site boilerplate: end of preview"
    assert reasons["溫馨提示"].startswith("site notice")
    assert reasons["評論"] == reasons["提交評論"] == "comment counter"
    assert reasons["最新文檔"] == reasons["年度客訴統計分析簡報"] == "list of related documents"
    assert doc.title == "會員權益說明"
    assert "門市店長月報範本" not in doc.body_text()
    assert section_text(doc, "第一章 權益內容").startswith("會員可享每月一次免運費服務")


def test_content_mentioning_downloads_inside_the_document_is_kept() -> None:
    text = ("第一章 下載說明\n\n客戶可在本網站下載電子發票，下載後請妥善保存，付費會員另有專屬客服。\n\n"
            "退貨申請表.pdf\n\n第二章 其他\n\n其他問題請來電。\n")
    [doc] = plan_text(text)
    assert "本網站下載電子發票" in section_text(doc, "第一章 下載說明")
    assert section_text(doc, "第一章 下載說明").endswith("退貨申請表.pdf")
    assert doc.removed == []


def test_pinyin_annotations_removed_only_when_they_read_the_character() -> None:
    [doc] = plan_text(F.PINYIN)
    assert outline_of(doc) == [(1, "第一章 版權說明")]
    assert section_text(doc, "第一章 版權說明") == "本手冊的版權屬於客服中心，客戶資料不得外傳。"
    assert [(r.text, r.line, r.column) for r in doc.removed] == [
        ("(quán)", 1, 6), ("(quán)", 3, 6), ("(kè)", 3, 20)]
    assert {r.reason for r in doc.removed} == {"pinyin annotation"}
    [kept] = plan_text("第一章 說明\n\n請按(ok)鍵，再輸入密(mì)碼，不是密碼(mì)。\n")
    assert "按(ok)鍵" in kept.body_text()  # not pinyin
    assert "輸入密碼，" in kept.body_text()  # reads 密
    assert "密碼(mì)" in kept.body_text()  # does not read 碼


def test_repeated_article_kept_once() -> None:
    [doc] = plan_text(F.REPEATED_LINES)
    assert section_text(doc, "第一章 時效") == (
        "信用卡退款約需七至十四個工作天入帳。\n\n超商付款的退款以匯款方式辦理。")
    [removal] = doc.removed
    assert removal.reason.startswith("repeated text") and removal.line == 7
    [doc] = plan_text(F.REPEATED_IN_LINE)
    assert section_text(doc, "第一章 开立") == F.ARTICLE
    [removal] = doc.removed
    assert removal.text == F.ARTICLE and (removal.line, removal.column) == (5, len(F.ARTICLE))


def test_short_repeated_lines_are_not_removed() -> None:
    [doc] = plan_text("第一章 確認\n\n好的。\n好的。\n\n請稍候。\n")
    assert section_text(doc, "第一章 確認") == "好的。\n\n好的。\n\n請稍候。"


def test_mojibake_is_left_in_place_and_flagged_with_its_position() -> None:
    [doc] = plan_text(F.MOJIBAKE)
    text = section_text(doc, "第一章 問候")
    assert "??蛻舴?wù)" in text
    [flag] = [f for f in doc.flags if f.kind == "mojibake"]
    assert flag.text == "??蛻舴?wù)"
    assert flag.section == 0 and text[flag.offset:flag.offset + len(flag.text)] == flag.text


@pytest.mark.parametrize("clean", [
    "請問您是要查詢訂單嗎?", "客服熱線 0800-123-456，週一至週五 9:00-18:00。", "The ID is A1B2.",
    "繁體與简体混排的句子，沒有亂碼。",
])
def test_ordinary_text_has_no_mojibake(clean: str) -> None:
    assert mojibake_runs(clean) == []


def test_mojibake_runs_of_replacement_characters() -> None:
    assert mojibake_runs("客戶\ufffd\ufffd資料") == [(2, "\ufffd\ufffd")]


def test_placeholders_in_phrasings_become_double_braces() -> None:
    [doc] = plan_text(F.PHRASING, markdown=True)
    assert doc.kind == "phrasing"
    assert section_text(doc, "延誤道歉") == "> 非常抱歉让您久等了，我是客服专员{{姓名}}，现在为您查询订单。"
    assert section_text(doc, "回电道歉").startswith("> {{客戶稱呼}}您好，我是{{空白1}}，")
    assert sorted(f.text for f in doc.flags if f.kind == "placeholder") == [
        "XX", "[姓名]", "【客戶稱呼】"]


def test_blanks_without_words_are_numbered_never_named() -> None:
    """XX, *** and ____ say nothing of what goes in them: they become 空白1, 空白2, … in the
    document's order and are flagged, never a field filled with the agent's details."""
    text = ("退款话术\n\n## 延误\n\n“预计还需XX分钟送达，已为您申请***元红包。”\n\n"
            "## 照片\n\n“请您在____小时内上传照片，**务必**清晰。”\n\n***\n")
    [doc] = plan_text(text, markdown=True, kind="phrasing")
    assert section_text(doc, "延误") == "> 预计还需{{空白1}}分钟送达，已为您申请{{空白2}}元红包。"
    assert section_text(doc, "照片").startswith("> 请您在{{空白3}}小时内上传照片，**务必**清晰。")
    blanks = [f for f in doc.flags if f.kind == "placeholder"]
    assert [f.text for f in blanks] == ["XX", "***", "____"]
    assert all("name it" in f.detail for f in blanks)


def test_a_blank_keeps_its_own_words_and_only_agent_words_prefill() -> None:
    from kbdesk.core.library.phrasing import AGENT_PLACEHOLDERS

    text = "开场\n\n## 开场\n\n“[客户姓名]您好，我是【坐席姓名】，工号【我的工号】。[姓名]先生。”\n"
    [doc] = plan_text(text, markdown=True, kind="phrasing")
    body = section_text(doc, "开场")
    assert body == "> {{客户姓名}}您好，我是{{坐席姓名}}，工号{{我的工号}}。{{姓名}}先生。"
    assert AGENT_PLACEHOLDERS["坐席姓名"] == "agent_name"
    assert AGENT_PLACEHOLDERS["我的工号"] == "agent_id"
    assert "姓名" not in AGENT_PLACEHOLDERS and "客户姓名" not in AGENT_PLACEHOLDERS


def test_placeholders_in_handbooks_only_inside_quoted_speech() -> None:
    text = "第一章 標示\n\n訊息開頭標示【急】。開場時說“您好，我是客服专员[姓名]”。\n"
    [doc] = plan_text(text)
    assert section_text(doc, "第一章 標示") == "訊息開頭標示【急】。開場時說“您好，我是客服专员{{姓名}}”。"


def test_a_restored_removal_is_put_back_where_it_was() -> None:
    [doc] = plan_text(F.BOILERPLATE)
    download = next(r for r in doc.removed if r.text == "下载本文档")
    [again] = plan_text(F.BOILERPLATE, keep={download.key})
    assert "下载本文档" not in {r.text for r in again.removed}
    assert "下载本文档" in (again.title, again.intro)
    assert len(again.removed) == len(doc.removed) - 1
    toc_doc = plan_text(F.TOC_LINES)[0]
    toc = next(r for r in toc_doc.removed if r.reason == "table of contents")
    [with_toc] = plan_text(F.TOC_LINES, keep={toc.key})
    assert "第一章 密碼重設 ........ 1" in with_toc.body_text()


def test_counters_and_ratios_inside_the_document_are_content() -> None:
    text = "第一章 評分\n\n每通電話滿分為五分，以下為範例：\n\n4/5\n\n第二章 說明\n\n評論區不得留言。\n"
    [doc] = plan_text(text)
    assert section_text(doc, "第一章 評分").endswith("4/5")
    assert doc.removed == []
