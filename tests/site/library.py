"""A small versioned library for the export tests: every kind, a hostile document, a draft,
a retired document and a version that is not in force yet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.workflow.versioning import set_field
from tests.clock import now_stamp
from tests.conftest import doc, write_files

#: what the hostile document's scripts would set if any of them ran
PWNED_FLAG = "__kbdeskPwned"

HANDBOOK = doc(
    "投訴處理手冊", "handbook",
    "處理客戶投訴的原則。\n\n## 受理投訴\n\n先傾聽，再記錄客戶的訴求原話。\n\n"
    "## 升級條件\n\n金額超過一千元的投訴要升級給值班主管。\n",
    id="complaint-handbook", category="投訴處理", owner="客服品質組", version=1,
    tags="[投訴, 升級]", summary="受理與升級的原則",
)
PHRASING = doc(
    "道歉話術", "phrasing",
    "\n## 一般道歉\n\n> 非常抱歉造成您的不便，{{客戶稱呼}}，我馬上為您處理。\n\n"
    "適用於客戶表達不滿時。\n\n- 不說「這不是我們的問題」→ 改說「我來幫您確認原因」\n",
    id="phrasing-apology", category="話術", owner="客服培訓組", version=1,
)
PROCEDURE = doc(
    "退款處理流程", "procedure",
    "退款依以下步驟辦理。\n\n## 核實訂單\n\n- 角色：一線客服\n- 時限：5分鐘內\n\n"
    "確認訂單號與付款方式。\n\n## 提交退款\n\n- 角色：處理專員\n- 時限：24小時內\n\n"
    "在系統提交退款申請。\n",
    id="sop-refund", category="退款", owner="財務組", version=1,
)
HOSTILE = doc(
    "<script>window.__kbdeskPwned = 'title'</script>危險文件", "handbook",
    "正文有注入的內容。\n\n"
    "<script>window.__kbdeskPwned = 'script'</script>\n\n"
    "<img src=\"x\" onerror=\"window.__kbdeskPwned = 'onerror'\">\n\n"
    "[點我](javascript:window.__kbdeskPwned='link')\n\n"
    "<iframe src=\"javascript:parent.__kbdeskPwned='iframe'\"></iframe>\n\n"
    "<a href=\"#\" onclick=\"window.__kbdeskPwned='click'\" id=\"clicker\">按鈕</a>\n\n"
    "## 小節 <svg onload=\"window.__kbdeskPwned='svg'\">\n\n安全的文字。\n",
    id="../../escape", category="../../up", version=1,
)
DRAFT = doc("草稿文件機密", "handbook", "尚未發布。\n", id="draft-doc", status="draft")
RETIRED = doc("已停用的舊流程", "handbook", "不再使用。\n", id="old-doc", status="retired")
PENDING_V1 = doc("帳單查詢說明", "handbook", "目前版本：舊的說明。\n", id="billing", version=1)


def build_library(root: Path) -> Path:
    """Write the library, commit it, and publish a second version of ``billing`` that comes
    into force ten days from today (so today's export shows version 1)."""
    write_files(root, {
        "handbooks/complaint.md": HANDBOOK,
        "phrasings/apology.md": PHRASING,
        "procedures/refund.md": PROCEDURE,
        "handbooks/hostile.md": HOSTILE,
        "handbooks/draft.md": DRAFT,
        "handbooks/retired.md": RETIRED,
        "handbooks/billing.md": PENDING_V1,
        "library.yaml": "name: 測試知識庫\nsynonyms:\n  - [退钱, 退款, 退費]\n",
    })
    LibraryRepo.init(root, author="初始 <init@example.com>", when=now_stamp()).close()
    kb = KnowledgeBase(root)
    try:
        text = (root / "handbooks/complaint.md").read_text("utf-8")
        kb.publishing.publish("complaint-handbook", text.replace("先傾聽", "先耐心傾聽"),
                   "受理時先耐心傾聽", author="王小明")
        future = dt.date.today() + dt.timedelta(days=10)
        text = (root / "handbooks/billing.md").read_text("utf-8")
        text = set_field(text.replace("舊的說明", "新的說明"), "effective", future.isoformat())
        kb.publishing.publish("billing", text, "下月起的新說明", author="王小明")
    finally:
        kb.close()
    return root
