"""Original sample texts for the importer tests, one per pattern, in both scripts.

Written for these tests (not copied from anywhere): they imitate how handbooks arrive when
copied from document-sharing sites: flattened headings, a table of contents with page numbers,
site boilerplate, pinyin annotations, a repeated article and mojibake.
"""

from __future__ import annotations

# Traditional Chinese: chapters and sections run together in one line, after a TOC whose
# entries carry page numbers glued to bookmark numbers (as a Word TOC field copied as text).
FLAT_TRADITIONAL = (
    "門市退換貨作業手冊TOC\\o\"1-2\"\\h\\u4412第一章退換貨受理 1220311.1受理前的確認 1330121.2"
    "單據填寫要點 2210457第二章特殊情況處理 3119822.1超過期限的申請 3128872.2商品已拆封 4\n"
    "第一章退換貨受理1.1受理前的確認受理前的確認包括核對購買憑證與商品狀態。門市人員應先請顧客出示"
    "發票或電子憑證，再檢查商品配件是否齊全。1.2單據填寫要點填寫退換貨單時，須完整記錄顧客姓名、"
    "聯絡電話與退換原因，並由顧客簽名確認。第二章特殊情況處理2.1超過期限的申請超過七天的申請原則上"
    "不予受理，但商品有瑕疵時可轉交店長判斷。2.2商品已拆封當商品已拆封但未使用時，可收取包裝整理費"
    "後辦理退貨。"
)

# Simplified Chinese: the same pattern without a TOC; where a heading ends is told by the body
# repeating the heading's words or opening with a usual sentence start.
FLAT_SIMPLIFIED = (
    "会员积分手册\n"
    "第一章积分规则1.1积分的获得积分的获得以实际付款金额为准，每消费一元累计一分。"
    "1.2积分的有效期在每年十二月三十一日，上一年度获得的积分自动清零。"
    "第二章积分兑换2.1兑换流程兑换流程分为选择礼品、确认地址和扣减积分三步。"
)

# Own-line headings of every numbering style, Simplified.
OWN_LINE_STYLES = """投诉升级指引

第1章 总则

本指引说明投诉在何时、由谁升级。

第一节 适用范围

适用于电话、邮件与在线客服渠道。

一、升级条件

客户连续两次来电仍未解决时，应当升级。

（一）一般投诉

由组长在当日处理完毕。

(二) 重大投诉

由值班主管在两小时内回电。

二、升级方式

在工单系统中选择升级并填写原因。
"""

DECIMAL_LEVELS = """话务质检标准

1. 质检范围

抽检每位坐席每周五通录音。

1.1 抽检方法

随机抽取，不得事先通知坐席。

1.1.1 录音保存

录音保存九十天。

1.2 评分方式

按开场、倾听、解决、结束四项评分。

2. 结果运用

质检结果每月公布一次。
"""

# A numbered list inside a section must stay a list, not become headings.
NUMBERED_LIST = """來電處理要點

第一章 接聽

接起電話後依序完成下列動作：

1、報出單位與工號
2、確認客戶身分
3、記錄來電原因

第二章 結束通話

確認客戶沒有其他問題後再掛斷。
"""

# A table of contents on its own lines with dot leaders and page numbers, Traditional.
TOC_LINES = """帳戶安全手冊

目錄

第一章 密碼重設 ........ 1
1.1 身分驗證 ........ 1
1.2 重設步驟 ........ 2
第二章 帳戶凍結 ........ 3
2.1 凍結條件 ........ 3

第一章 密碼重設

1.1 身分驗證

請客戶提供註冊手機末四碼與最近一次訂單編號。

1.2 重設步驟

發送重設連結後，提醒客戶連結三十分鐘內有效。

第二章 帳戶凍結

2.1 凍結條件

同一帳戶一小時內登入失敗十次即自動凍結。
"""

# Site boilerplate around a short handbook, Simplified (each kind the issue names).
BOILERPLATE = """配送延误处理手册_第1页
配送延误处理手册_第2页
全文预览已结束

下载本文档

版权说明：本文档由用户上传，收益归属内容提供方，若内容存在侵权，请进行举报
配送延误处理手册.docxVIP

第一章 延误判断

订单超过承诺送达时间六小时仍未签收，即视为延误。

第二章 补偿标准

延误一天补偿五元优惠券，最多补偿三天。

温馨提示
  • 1. 本站资源需要安装阅读器才能打开。
  • 2. 本站不保证下载资源的完整性。

文档评论(3)
0/150
提交评论
您可能关注的文档
仓储管理制度汇编.docx
物流企业年度总结.pdf
"""

# The same boilerplate pattern in Traditional script.
BOILERPLATE_TRADITIONAL = """會員權益說明_第3頁
全文預覽已結束
第一章 權益內容

會員可享每月一次免運費服務，並可優先參加門市活動。

溫馨提示
  • 1. 本站所有資源僅供學習參考。
評論
提交評論
最新文檔
門市店長月報範本
年度客訴統計分析簡報
"""

PINYIN = "第一章 版權(quán)說明\n\n本手冊的版權(quán)屬於客服中心，客(kè)戶資料不得外傳。\n"

# A page that repeats its whole article, line by line and within one line.
REPEATED_LINES = """退款時效說明

第一章 時效

信用卡退款約需七至十四個工作天入帳。
超商付款的退款以匯款方式辦理。
信用卡退款約需七至十四個工作天入帳。
超商付款的退款以匯款方式辦理。

第二章 查詢

客戶可在會員中心查詢退款進度。
"""
ARTICLE = "客户来电询问发票时，先确认订单是否已完成，再告知电子发票会在三天内寄到邮箱。"
REPEATED_IN_LINE = f"发票说明\n\n第一章 开立\n\n{ARTICLE}{ARTICLE}\n"

MOJIBAKE = """服務用語

第一章 問候

接聽時先說??蛻舴?wù)您好，再報工號。
"""

PHRASING = """道歉話術

## 延誤道歉

“非常抱歉让您久等了，我是客服专员[姓名]，现在为您查询订单。”

## 回电道歉

「【客戶稱呼】您好，我是XX，關於您昨天反映的問題，現在回電向您說明。」
"""
