"""Site furniture recognised by its shape, in both scripts, at the start, middle and end."""

from __future__ import annotations

import pytest

from kbdesk.core.importers.furniture import counter_spans, line_reason
from kbdesk.core.text.folding import fold
from tests.importers.helpers import outline_of, plan_text


@pytest.mark.parametrize(("line", "kind"), [
    ("首页 > 资料库 > 服务 > 退换货", "breadcrumb"),
    ("首頁 › 知識庫 › 客服規範", "breadcrumb"),
    ("Home » 文庫 » 售後", "breadcrumb"),
    ("閱讀 88 次 | 下載 5 次 | 評論(2)", "counters"),
    ("浏览量：1,024　收藏：33", "counters"),
    ("3,201次阅读 · 12人收藏", "counters"),
    ("分享到： 微信 | QQ空间 | 微博", "links"),
    ("列印 | 舉報 | 收藏 | 分享到LINE", "links"),
    ("上傳時間：2024-05-01　文件大小：88KB", "upload details"),
    ("文档格式：DOCX", "upload details"),
    ("版權聲明：本站資料由網友上傳，如有侵權請聯繫刪除。", "notice"),
    ("本资料由平台用户分享，仅供学习交流使用", "notice"),
    ("—— 第 3 頁 ——", "page break"),
    ("第2页 / 共5页", "page break"),
])
def test_furniture_lines_by_shape(line: str, kind: str) -> None:
    assert kind in line_reason(fold(line))


@pytest.mark.parametrize("line", [
    "客户来电查询物流时，先核实订单号和收货人手机号后四位。",
    "1.1 核實身分",
    "退款 > 500 元需主管審核",
    "客戶反映帳號被盜用時，立即凍結帳戶。",
    "每通電話滿分為五分。",
    "文件不齊時，以簡訊通知客戶補件。",
    "公司商標及文案的版權歸公司所有，對外使用須經法務同意。",
    "第 2 頁的表格列出各等級的門檻。",
])
def test_content_lines_are_not_furniture(line: str) -> None:
    assert line_reason(fold(line)) == ""


def test_counter_runs_inside_a_flattened_line() -> None:
    text = "請客戶重啟光貓。 瀏覽 77 次 · 下載 3 次 · 收藏 1 2.1 預約時間"
    [(start, end)] = counter_spans(fold(text))
    assert text[start:end].startswith("瀏覽 77 次") and "收藏 1" in text[start:end]
    assert counter_spans(fold("退款 3 次以上的帳戶須人工審核。")) == []


FLAT_WITH_FURNITURE = (
    "首頁 › 文庫 › 售後服務\n"
    "分享到 微信 | 微博 | 列印\n"
    "售後維修手冊\n"
    "第一章 報修\n"
    "請客戶提供機身序號與購買憑證。\n"
    "相關文檔推薦\n"
    "維修站一覽表\n"
    "保固條款範本\n"
    "閱讀 512 次 | 下載 20 次\n"
    "第二章 取件\n"
    "維修完成後以簡訊通知客戶取件。\n"
    "評論(2)\n"
    "網友A：很實用\n"
    "登入後即可發表評論\n"
)


def test_furniture_at_start_middle_and_end_is_removed_and_listed() -> None:
    [doc] = plan_text(FLAT_WITH_FURNITURE)
    assert doc.title == "售後維修手冊"
    assert [h for _level, h in outline_of(doc)] == ["第一章 報修", "第二章 取件"]
    body = doc.body_text()
    for gone in ("文庫", "分享到", "相關文檔", "維修站一覽表", "保固條款範本", "閱讀", "網友",
                 "發表評論"):
        assert gone not in body
    removed = {r.text: r.reason for r in doc.removed}
    assert removed["首頁 › 文庫 › 售後服務"].endswith("breadcrumb")
    assert "related documents" in removed["相關文檔推薦"]
    assert removed["保固條款範本"]
    assert "counters" in removed["閱讀 512 次 | 下載 20 次"]
    assert "comments" in removed["評論(2)"] or removed["評論(2)"] == "comment counter"


def test_a_removed_piece_of_furniture_can_be_restored() -> None:
    [doc] = plan_text(FLAT_WITH_FURNITURE)
    key = next(r.key for r in doc.removed if r.text.startswith("閱讀 512"))
    [again] = plan_text(FLAT_WITH_FURNITURE, keep={key})
    assert "閱讀 512 次" in again.body_text()
