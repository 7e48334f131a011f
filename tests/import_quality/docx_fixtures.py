"""The Word fixtures of the import evaluation, built with python-docx from the specs below.

Word files are zip archives whose bytes change with every save (time stamps), so they are
kept here as a list of paragraphs and tables and written when the evaluation runs.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH


def _member_handbook(path: Path) -> None:
    """With Word heading styles, a bulleted list, a table without a header row and one with a
    bold header row, and 【客戶姓名】 / XX月XX日 blanks (Traditional)."""
    document = docx.Document()
    document.add_paragraph("會員服務手冊", style="Title")
    document.add_heading("會員等級", level=1)
    document.add_heading("等級說明", level=2)
    document.add_paragraph("會員依前十二個月的消費金額分級，每年一月一日重新計算。")
    table = document.add_table(rows=2, cols=2)
    for row, (grade, rule) in zip(table.rows, (("銀卡", "消費滿一萬元"), ("金卡", "消費滿五萬元")), strict=False):
        row.cells[0].text = grade
        row.cells[1].text = rule
    document.add_heading("升級規則", level=2)
    document.add_paragraph("達到門檻的次日自動升級", style="List Bullet")
    document.add_paragraph("升級後寄送通知簡訊", style="List Bullet")
    document.add_paragraph("【客戶姓名】您好，您已於XX月XX日升級為金卡會員。")
    document.add_heading("積分兌換", level=1)
    table = document.add_table(rows=3, cols=2)
    rows = (("項目", "所需積分"), ("運費券", "200"), ("折價券", "500"))
    for number, (row, cells) in enumerate(zip(table.rows, rows, strict=False)):
        for cell, text in zip(row.cells, cells, strict=False):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            run.bold = number == 0
    document.add_heading("兌換期限", level=2)
    document.add_paragraph("積分自取得日起兩年內有效，逾期自動失效，恕不補發。")
    document.save(str(path))


def _hotel_handbook(path: Path) -> None:
    """No heading styles: headings are bold Normal paragraphs numbered 一、 and （一）; a site
    notice first and last (Simplified)."""
    document = docx.Document()
    document.add_paragraph("本文档由网友上传，仅供参考，下载后请于24小时内删除。")
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("酒店预订客服手册").bold = True
    body = (
        ("一、预订变更", True), ("（一）修改入住日期", True),
        ("入住日前一天十八点前可免费修改一次，之后修改按酒店规定收取费用。", False),
        ("（二）取消预订", True),
        ("未付款的预订可直接取消；已付款的，按取消政策退款。", False),
        ("二、入住问题", True), ("（一）提前入住", True),
        ("标准入住时间为十四点，提前入住须视酒店房态而定，不作保证。", False),
        ("（二）房型不符", True),
        ("客人到店发现房型与预订不符的，先联系酒店核实，无法解决的可全额退款。", False),
    )
    for text, bold in body:
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = bold
    document.add_paragraph("更多精彩文档请关注本站，欢迎下载收藏。")
    document.save(str(path))


#: file name -> builder
BUILDERS = {
    "t08-member-styles.docx": _member_handbook,
    "t09-hotel-no-styles.docx": _hotel_handbook,
}


def build(folder: Path) -> dict[str, Path]:
    """Write every Word fixture into ``folder``; return name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, builder in BUILDERS.items():
        builder(folder / name)
        out[name] = folder / name
    return out
