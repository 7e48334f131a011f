"""Chapter and section detection in Chinese documents: flattened, own-line, TOC, lists, split."""

from __future__ import annotations

from kbdesk.core.importers.numbering import chinese_number
from tests.importers import fixtures as F
from tests.importers.helpers import outline_of, plan_text, section_text


def test_chinese_numbers() -> None:
    assert [chinese_number(t) for t in ("一", "十", "十二", "二十", "二十三", "一百零五", "7")] \
        == [1, 10, 12, 20, 23, 105, 7]
    assert chinese_number("章") is None


def test_flattened_traditional_with_toc_gives_chapters_sections_and_body() -> None:
    [doc] = plan_text(F.FLAT_TRADITIONAL)
    assert doc.title == "門市退換貨作業手冊"
    assert outline_of(doc) == [
        (1, "第一章 退換貨受理"), (2, "1.1 受理前的確認"), (2, "1.2 單據填寫要點"),
        (1, "第二章 特殊情況處理"), (2, "2.1 超過期限的申請"), (2, "2.2 商品已拆封"),
    ]
    assert section_text(doc, "1.1 受理前的確認").startswith("受理前的確認包括核對購買憑證")
    assert section_text(doc, "2.1 超過期限的申請") == (
        "超過七天的申請原則上不予受理，但商品有瑕疵時可轉交店長判斷。")
    assert section_text(doc, "2.2 商品已拆封").endswith("後辦理退貨。")
    # the TOC is removed and reported, not turned into empty sections
    [toc] = [r for r in doc.removed if r.reason == "table of contents"]
    assert "1220311.1受理前的確認" in toc.text and toc.line == 1
    assert not [f for f in doc.flags if f.kind == "heading-guessed"]


def test_flattened_simplified_without_toc() -> None:
    [doc] = plan_text(F.FLAT_SIMPLIFIED)
    assert outline_of(doc) == [
        (1, "第一章 积分规则"), (2, "1.1 积分的获得"), (2, "1.2 积分的有效期"),
        (1, "第二章 积分兑换"), (2, "2.1 兑换流程"),
    ]
    assert section_text(doc, "1.2 积分的有效期") == "在每年十二月三十一日，上一年度获得的积分自动清零。"
    # the one boundary told only by the sentence's first word is flagged for the editor
    guessed = [f.text for f in doc.flags if f.kind == "heading-guessed"]
    assert guessed == ["1.2 积分的有效期"]


def test_every_own_line_heading_style() -> None:
    [doc] = plan_text(F.OWN_LINE_STYLES)
    assert outline_of(doc) == [
        (1, "第1章 总则"), (2, "第一节 适用范围"), (3, "一、升级条件"),
        (4, "（一）一般投诉"), (4, "(二)重大投诉"), (3, "二、升级方式"),
    ]
    assert section_text(doc, "(二)重大投诉") == "由值班主管在两小时内回电。"


def test_decimal_levels() -> None:
    [doc] = plan_text(F.DECIMAL_LEVELS)
    assert outline_of(doc) == [
        (1, "1. 质检范围"), (2, "1.1 抽检方法"), (3, "1.1.1 录音保存"), (2, "1.2 评分方式"),
        (1, "2. 结果运用"),
    ]


def test_numbered_list_stays_a_list() -> None:
    [doc] = plan_text(F.NUMBERED_LIST)
    assert outline_of(doc) == [(1, "第一章 接聽"), (1, "第二章 結束通話")]
    assert section_text(doc, "第一章 接聽").endswith(
        "1. 報出單位與工號\n2. 確認客戶身分\n3. 記錄來電原因")


def test_toc_on_own_lines_with_page_numbers_is_dropped() -> None:
    [doc] = plan_text(F.TOC_LINES)
    assert doc.intro == ""
    assert outline_of(doc)[0] == (1, "第一章 密碼重設")
    assert len(doc.sections) == 5
    assert all("........" not in s.heading for s in doc.sections)
    [toc] = [r for r in doc.removed if r.reason == "table of contents"]
    assert toc.text.startswith("目錄") and "2.1 凍結條件 ........ 3" in toc.text


def test_toc_entries_missing_from_the_body_are_flagged() -> None:
    truncated = F.TOC_LINES.split("第二章 帳戶凍結\n\n2.1")[0]
    [doc] = plan_text(truncated)
    [flag] = [f for f in doc.flags if f.kind == "toc-missing"]
    assert "帳戶凍結" in flag.text and "凍結條件" in flag.text


def test_split_chapters_one_document_each_with_the_handbook_title() -> None:
    docs = plan_text(F.FLAT_TRADITIONAL, split="chapters")
    assert [d.title for d in docs] == ["門市退換貨作業手冊：第一章 退換貨受理",
                                       "門市退換貨作業手冊：第二章 特殊情況處理"]
    assert [outline_of(d) for d in docs] == [
        [(1, "1.1 受理前的確認"), (1, "1.2 單據填寫要點")],
        [(1, "2.1 超過期限的申請"), (1, "2.2 商品已拆封")],
    ]
    assert {d.category for d in docs} == {"門市退換貨作業手冊"}
    assert docs[0].removed and not docs[1].removed  # reported once


def test_markdown_headings_are_kept() -> None:
    [doc] = plan_text("# 標題\n\n前言。\n\n## 一\n\n內容一。\n\n### 細項\n\n- 甲\n- 乙\n",
                      markdown=True)
    assert doc.title == "標題"
    assert doc.intro == "前言。"
    assert outline_of(doc) == [(1, "一"), (2, "細項")]
    assert section_text(doc, "細項") == "- 甲\n- 乙"


def test_a_copy_that_stops_mid_sentence_is_flagged() -> None:
    [doc] = plan_text(F.FLAT_SIMPLIFIED[:-3])
    [flag] = [f for f in doc.flags if f.kind == "truncated"]
    assert flag.section == len(doc.sections) - 1
    [complete] = plan_text(F.FLAT_SIMPLIFIED)
    assert not [f for f in complete.flags if f.kind == "truncated"]


def test_the_first_item_of_a_numbered_sequence_under_a_chapter_is_a_heading() -> None:
    text = ("供水熱線規範\n一、停水報修\n1、確認範圍\n先問清是單戶還是整棟停水。\n2、登記\n"
            "登記地址與電話。\n二、水費\n1、計費方式\n水費按月抄表計算。\n2、欠費\n欠費兩個月停水。\n")
    [doc] = plan_text(text)
    assert outline_of(doc) == [(1, "一、停水報修"), (2, "1、確認範圍"), (2, "2、登記"),
                               (1, "二、水費"), (2, "1、計費方式"), (2, "2、欠費")]


def test_a_run_on_heading_ends_at_the_space_after_it() -> None:
    text = "物流手冊\n第一章 常見問題 1.1 快遞顯示簽收但客戶沒收到 先請客戶確認家人是否代收。 1.2 包裹破損 請客戶拍照。\n"
    [doc] = plan_text(text)
    headings = [h for _level, h in outline_of(doc)]
    assert headings == ["第一章 常見問題", "1.1 快遞顯示簽收但客戶沒收到", "1.2 包裹破損"]
    assert section_text(doc, "1.1 快遞顯示簽收但客戶沒收到").startswith("先請客戶")


def test_a_run_on_heading_is_never_cut_inside_a_word() -> None:
    """No space, no table of contents: the cut is a guess between two words of the segmenter,
    before a word a sentence opens with, and flagged."""
    text = "帳務手冊\n第一章 帳單\n1.1 延遲繳款超過繳款截止日未繳者將收取違約金。1.2 帳單疑問客戶對金額有疑問時逐筆核對。\n"
    [doc] = plan_text(text)
    assert [h for _level, h in outline_of(doc)] == ["第一章 帳單", "1.1 延遲繳款", "1.2 帳單疑問"]
    assert {f.text for f in doc.flags if f.kind == "heading-guessed"} == {"1.1 延遲繳款",
                                                                          "1.2 帳單疑問"}


def test_chinese_numbered_headings_run_on_in_one_line() -> None:
    """A flattened article: 一、 chapters and （一） sections straight after text, the first
    section right after its chapter's heading."""
    text = ("會員手冊\n一、入會資格（一）年齡限制申請人須年滿十八歲。（二）身分驗證請上傳證件正反面。"
            "二、會員權益（一）折扣會員購物享九五折。（二）生日禮生日當月贈送購物金。\n")
    [doc] = plan_text(text)
    assert outline_of(doc) == [
        (1, "一、入會資格"), (2, "（一）年齡限制"), (2, "（二）身分驗證"),
        (1, "二、會員權益"), (2, "（一）折扣"), (2, "（二）生日禮")]
    assert section_text(doc, "（一）年齡限制") == "申請人須年滿十八歲。"


def test_enumerations_inside_a_sentence_are_not_headings() -> None:
    text = "退貨說明\n第一章 條件\n退貨分為兩種情形：（一）七天內無理由；（二）品質問題。請依情形處理。\n"
    [doc] = plan_text(text)
    assert outline_of(doc) == [(1, "第一章 條件")]


def test_a_table_of_contents_in_one_line_with_dot_leaders() -> None:
    text = ("理賠要點\n目錄 第一章 報案........1 第二章 文件........2 第三章 給付........3\n"
            "第一章 報案 (一)車險 記錄出險時間與地點。(二)火險 先確認人員安全。"
            "第二章 文件 (一)必備 申請書與證明。第三章 給付 (一)時限 十五個工作天內給付。\n")
    [doc] = plan_text(text)
    assert outline_of(doc) == [(1, "第一章 報案"), (2, "(一)車險"), (2, "(二)火險"),
                               (1, "第二章 文件"), (2, "(一)必備"), (1, "第三章 給付"),
                               (2, "(一)時限")]
    assert any(r.reason == "table of contents" for r in doc.removed)


def test_bare_chapter_numbers_of_a_decimal_document() -> None:
    """1 / 1.1 / 1.1.1 numbering (chapters written "1 總則"), with a table of contents that
    has no page numbers, and a page-break line in the middle."""
    text = ("設備報修手冊\n目錄\n1 受理\n1.1 登記\n1.2 分派\n2 維修\n2.1 到場\n"
            "1 受理\n報修電話由一線客服接聽。\n1.1 登記\n記錄地址與故障現象。\n1.2 分派\n"
            "依區域分派工程師。\n第 2 頁\n2 維修\n2.1 到場\n2.1.1 聯繫\n出發前先電話聯繫客戶。\n")
    [doc] = plan_text(text)
    assert outline_of(doc) == [(1, "1 受理"), (2, "1.1 登記"), (2, "1.2 分派"), (1, "2 維修"),
                               (2, "2.1 到場"), (3, "2.1.1 聯繫")]
    assert {r.reason for r in doc.removed} >= {"table of contents", "site furniture: page break"}


def test_bare_chapter_numbers_run_on_in_one_line() -> None:
    text = ("寬頻指南\n1 報障 先核實帳號。1.1 無法上網 請客戶查看燈號。2 維修 派單處理。"
            "2.1 預約 四小時內聯繫客戶。\n")
    [doc] = plan_text(text)
    assert outline_of(doc) == [(1, "1 報障"), (2, "1.1 無法上網"), (1, "2 維修"),
                               (2, "2.1 預約")]


def test_a_bare_number_in_a_sentence_is_not_a_chapter() -> None:
    text = "退款規則\n第一章 次數\n同一帳戶每月可退款。超過 3 次的，須主管審核。\n3 次以內免審。\n"
    [doc] = plan_text(text)
    assert outline_of(doc) == [(1, "第一章 次數")]
