"""Each format and encoding: .txt in every Chinese encoding, .md, .docx built with python-docx,
.html; and bad files (binary, empty, fake docx), which give clear errors and import nothing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from kbdesk.core.importers.decoding import decode_bytes
from kbdesk.core.importers.plan import ImportFailed
from kbdesk.core.importers.planner import ImportOptions, plan_files
from tests.importers import fixtures as F
from tests.importers.helpers import outline_of, section_text

TRAD = "第一章 服務原則\n\n客戶來電時，請先確認身分，再說明處理流程。我們會在二十四小時內回覆。\n"
SIMP = "第一章 服务原则\n\n客户来电时，请先确认身份，再说明处理流程。我们会在二十四小时内回复。\n"


def _plan(path: Path, **options: object):  # type: ignore[no-untyped-def]
    return plan_files([path], ImportOptions(**options)).documents  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "encoding"), [
    (TRAD, "utf-8"), (SIMP, "utf-8-sig"), (TRAD, "utf-16"), (SIMP, "utf-16-le"),
    (TRAD, "utf-16-be"), (SIMP, "gb18030"), (SIMP, "gbk"), (TRAD, "big5"),
    (F.FLAT_TRADITIONAL, "big5"), (F.BOILERPLATE, "gb18030"), (F.NUMBERED_LIST, "big5"),
])
def test_each_encoding_decodes(text: str, encoding: str) -> None:
    decoded, _found = decode_bytes(text.encode(encoding), "a.txt")
    assert decoded == text


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-16"])
def test_txt_file_in_a_chinese_encoding_imports(tmp_path: Path, encoding: str) -> None:
    text = TRAD if encoding == "big5" else SIMP
    path = tmp_path / "guide.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = _plan(path)
    assert outline_of(doc)[0][1] in ("第一章 服務原則", "第一章 服务原则")
    assert doc.sections[0].text == text.split("\n\n")[1].strip()


def test_windows_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(TRAD.replace("\n", "\r\n").encode("utf-8"))
    [doc] = _plan(path)
    assert "\r" not in doc.body_text()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "empty.txt: the file is empty"),
    ("blank.txt", b" \n\n \n", "blank.txt: the file is empty"),
    ("photo.txt", bytes(range(256)) * 20, "photo.txt: binary data"),
    ("fake.docx", b"this is plain text, not a zip", "fake.docx: not a Word document"),
    ("empty.docx", b"", "empty.docx: the file is empty"),
    ("page.html", b"just words without markup", "page.html: not an HTML page"),
    ("notes.pdf", b"%PDF-1.4", "notes.pdf: cannot import .pdf files"),
])
def test_bad_files_give_clear_errors(tmp_path: Path, name: str, data: bytes,
                                     message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFailed, match=message.replace(".", r"\.")):
        _plan(path)


def test_a_docx_that_is_a_zip_of_something_else(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
        archive.writestr("data/table.csv", "a,b\n1,2\n")
    path = tmp_path / "report.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ImportFailed, match=r"report\.docx: a zip archive but not a Word document"):
        _plan(path)


def test_undecodable_text_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "正常開頭".encode() + b"\xff\xfe\xfa" * 10)
    with pytest.raises(ImportFailed, match=r"broken\.txt: .*not valid utf-8-sig"):
        _plan(path)


def test_one_bad_file_stops_the_whole_plan(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TRAD, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    with pytest.raises(ImportFailed, match=r"bad\.txt"):
        plan_files([good, bad], ImportOptions())


def _word_document(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "內部標題"
    document.add_paragraph("電話禮儀手冊", style="Title")
    document.add_paragraph("本手冊適用於所有客服同仁。")
    document.add_heading("接聽電話", level=1)
    document.add_paragraph("鈴響三聲內接起。")
    document.add_heading("轉接", level=2)
    document.add_paragraph("先說明轉接原因", style="List Bullet")
    document.add_paragraph("確認對方可以接聽", style="List Bullet")
    document.add_paragraph("第二章 結束通話")  # a heading written as text, in a plain paragraph
    document.add_paragraph("道別後等客戶先掛斷。")
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate((("情況", "時限"), ("一般", "24小時"))):
        for column, value in enumerate(cells):  # the header row bold, as Word users make it
            table.cell(row, column).paragraphs[0].add_run(value).bold = row == 0
    document.save(str(path))
    return path


def test_docx_headings_from_styles_and_numbering_lists_and_tables(tmp_path: Path) -> None:
    [doc] = _plan(_word_document(tmp_path / "etiquette.docx"))
    assert doc.title == "電話禮儀手冊"
    assert doc.intro == "本手冊適用於所有客服同仁。"
    headings = [h for _level, h in outline_of(doc)]
    assert headings == ["接聽電話", "轉接", "第二章 結束通話"]
    assert outline_of(doc)[1][0] == outline_of(doc)[0][0] + 1
    assert section_text(doc, "轉接") == "- 先說明轉接原因\n- 確認對方可以接聽"
    table = section_text(doc, "第二章 結束通話")
    assert table.startswith("道別後等客戶先掛斷。")
    assert "| 情況 | 時限 |" in table and "| 一般 | 24小時 |" in table


PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>退貨說明 - 範例網</title></head>
<body>
<header><a href="/">範例網首頁</a></header>
<nav class="menu"><ul><li>首頁</li><li>客服中心</li></ul></nav>
<main>
<h1>退貨說明</h1>
<p>本頁說明門市與網購的退貨方式。</p>
<h2>網購退貨</h2>
<ol><li>登入會員中心</li><li>選擇訂單並申請退貨</li></ol>
<h2>門市退貨</h2>
<table><tr><th>商品</th><th>期限</th></tr><tr><td>一般商品</td><td>七天</td></tr></table>
<div class="related-docs">相關文章：換貨說明</div>
</main>
<aside>熱門文章：會員升級</aside>
<footer>版權所有 範例網</footer>
</body></html>"""


def test_html_keeps_headings_lists_tables_and_drops_navigation(tmp_path: Path) -> None:
    path = tmp_path / "return.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = _plan(path)
    assert doc.title == "退貨說明"
    assert doc.intro == "本頁說明門市與網購的退貨方式。"
    assert outline_of(doc) == [(1, "網購退貨"), (1, "門市退貨")]
    assert section_text(doc, "網購退貨") == "1. 登入會員中心\n2. 選擇訂單並申請退貨"
    assert "| 一般商品 | 七天 |" in section_text(doc, "門市退貨")
    body = doc.body_text()
    for dropped in ("範例網首頁", "客服中心", "相關文章", "熱門文章", "版權所有"):
        assert dropped not in body
    removed = " ".join(r.text for r in doc.removed)
    for dropped in ("範例網首頁", "客服中心", "相關文章", "熱門文章", "版權所有"):
        assert dropped in removed


def test_html_in_big5_with_declared_charset(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="big5"')
    path = tmp_path / "big5.html"
    path.write_bytes(page.encode("big5"))
    [doc] = _plan(path)
    assert outline_of(doc) == [(1, "網購退貨"), (1, "門市退貨")]


def test_markdown_file_with_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "apology.md"
    path.write_text("---\ntitle: 道歉話術\nkind: phrasing\ncategory: 話術\n---\n\n" +
                    F.PHRASING.split("\n", 1)[1], encoding="utf-8")
    [doc] = _plan(path)
    assert (doc.title, doc.kind, doc.category) == ("道歉話術", "phrasing", "話術")
    assert section_text(doc, "延誤道歉").startswith("> 非常抱歉")


def test_paths_are_ascii_unique_and_in_the_kind_folder(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text("來電須知\n\n" + TRAD, encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("來電須知\n\n" + SIMP, encoding="utf-8")
    plan = plan_files([first, second], ImportOptions(
        taken_paths={"handbooks/lai-dian-xu-zhi.md"}))
    assert [d.path for d in plan.documents] == [
        "handbooks/lai-dian-xu-zhi-2.md", "handbooks/lai-dian-xu-zhi-3.md"]
    assert [d.doc_id for d in plan.documents] == ["lai-dian-xu-zhi-2", "lai-dian-xu-zhi-3"]


def test_progress_is_reported_per_stage_of_each_file(tmp_path: Path) -> None:
    files = []
    for name, text in (("a.txt", TRAD), ("b.txt", SIMP)):
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    calls: list[tuple[int, int, str]] = []
    plan_files(files, ImportOptions(), lambda done, total, name: calls.append((done, total, name)))
    assert [c[0] for c in calls] == sorted(c[0] for c in calls)
    assert {c[1] for c in calls} == {8}
    assert calls[0] == (0, 8, "a.txt") and calls[-1] == (8, 8, "")
    assert (4, 8, "b.txt") in calls and len(calls) == 9


def test_markdown_with_an_unknown_kind_names_the_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "odd.md"
    path.write_text("---\ntitle: 舊文件\nkind: manual\n---\n\n## 一\n\n內容。\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"odd\.md: field 'kind': 'manual' is not one of"):
        _plan(path)


def _word_with_tables(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("費率", level=1)
    plain = document.add_table(rows=2, cols=2)
    for row, cells in zip(plain.rows, (("一般", "每分鐘一元"), ("夜間", "每分鐘五角")), strict=False):
        for cell, text in zip(row.cells, cells, strict=False):
            cell.text = text
    headed = document.add_table(rows=2, cols=2)
    for number, (row, cells) in enumerate(zip(headed.rows, (("方案", "月費"), ("基本", "99")), strict=False)):
        for cell, text in zip(row.cells, cells, strict=False):
            cell.paragraphs[0].add_run(text).bold = number == 0
    document.save(str(path))
    return path


def test_a_word_table_gets_a_header_row_only_when_its_first_row_looks_like_one(
        tmp_path: Path) -> None:
    path = _word_with_tables(tmp_path / "費率.docx")
    [doc] = plan_files([path], ImportOptions()).documents
    body = doc.body_text()
    assert "| 方案 | 月費 |\n| --- | --- |\n| 基本 | 99 |" in body
    assert "<tr><td>一般</td><td>每分鐘一元</td></tr>" in body
    assert "|  |" not in body and "| | |" not in body


def test_word_without_heading_styles_numbered_bold_lines_are_headings(tmp_path: Path) -> None:
    """An editor's Word file with no heading styles: the title and the numbered headings are
    bold Normal paragraphs."""
    document = docx.Document()
    document.add_paragraph().add_run("退訂作業說明").bold = True
    for text, bold in (("第一章 受理", True), ("1.1 查核訂單", True), ("核對訂單編號與付款狀態。", False),
                       ("1.2 說明費用", True), ("依退訂日距出發日計算手續費。", False),
                       ("第二章 退款", True), ("2.1 退款方式", True), ("原付款方式退回。", False)):
        document.add_paragraph().add_run(text).bold = bold
    path = tmp_path / "退訂.docx"
    document.save(str(path))
    [doc] = plan_files([path], ImportOptions()).documents
    assert doc.title == "退訂作業說明"
    assert outline_of(doc) == [(1, "第一章 受理"), (2, "1.1 查核訂單"), (2, "1.2 說明費用"),
                               (1, "第二章 退款"), (2, "2.1 退款方式")]
    assert section_text(doc, "1.1 查核訂單") == "核對訂單編號與付款狀態。"


def test_web_page_with_bold_paragraph_headings(tmp_path: Path) -> None:
    path = tmp_path / "faq.html"
    path.write_text(
        "<html><body><div class='content'><p><b>停車場常見問題</b></p>"
        "<p><strong>1. 收費</strong></p><p>每小時三十元，當日上限兩百元。</p>"
        "<p><strong>2. 月租</strong></p><p>月租車位須預先登記車牌。</p>"
        "<p><strong>注意</strong>：夜間不開放臨停。</p></div></body></html>", encoding="utf-8")
    [doc] = plan_files([path], ImportOptions()).documents
    assert doc.title == "停車場常見問題"
    assert outline_of(doc) == [(1, "1. 收費"), (1, "2. 月租")]
    assert "**注意**：夜間不開放臨停。" in section_text(doc, "2. 月租")
