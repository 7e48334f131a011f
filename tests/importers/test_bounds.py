"""Importing hostile files is bounded work: zip bombs, archives that lie about their sizes,
nesting without end (Word XML, HTML, Markdown), files that are not regular files or are too
large. Each is refused with a message naming the file (and the part), or flattened and imported,
within a time and memory budget."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from kbdesk.core.errors import ImportFailed
from kbdesk.core.importers import archive, nesting, planner, sourcefile, webpage
from kbdesk.core.importers.plan import PlannedDocument
from kbdesk.core.importers.planner import ImportOptions, plan_files
from kbdesk.core.library.renderguard import too_deep
from tests.importers.hostile import (
    XML_HEAD,
    W,
    bomb,
    budget,
    lie_about_sizes,
    paragraph,
    word_document,
)

MiB = 1024 * 1024


def _plan(path: Path) -> list[PlannedDocument]:
    return plan_files([path], ImportOptions()).documents


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# -- .docx zip bombs ---------------------------------------------------------------------------


@pytest.mark.parametrize("member", ["word/document.xml", "docProps/core.xml",
                                    "word/styles.xml"])
def test_a_docx_bomb_is_refused_naming_the_file_and_the_part(tmp_path: Path,
                                                             member: str) -> None:
    # 128 MiB of one byte, deflated to about 130 KB (2 GiB would be 2 MB: the same bomb)
    path = _write(tmp_path, "手冊.docx", bomb(member, 128 * MiB))
    assert path.stat().st_size < MiB // 2
    with budget(60, 64), pytest.raises(ImportFailed) as refused:
        _plan(path)
    message = str(refused.value)
    assert message.startswith("手冊.docx: refused: part ")
    assert member in message and "zip bomb" in message


def test_a_part_that_inflates_past_its_bound_at_a_plausible_ratio_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # varied text deflates at a plausible ratio: the byte bound, not the ratio, stops it
    monkeypatch.setattr(archive, "MAX_PART_BYTES", 2 * MiB)
    body = b"".join(paragraph(f"第{n}條：客戶編號{n * 7919 % 100003}的訂單於{n % 28}日處理。")
                    for n in range(40000))
    path = _write(tmp_path, "long.docx", word_document(body))
    with budget(60, 64), pytest.raises(ImportFailed, match=r"long\.docx: refused: part "
                                       r"word/document\.xml inflates past 2 MiB"):
        _plan(path)


def test_the_parts_are_bounded_in_all_too(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 700 * 1024)  # the template's parts: ~760 KB
    path = _write(tmp_path, "many.docx", word_document(paragraph("說明。")))
    with pytest.raises(ImportFailed, match=r"many\.docx: refused: the parts of the archive "
                                           r"inflate past"):
        _plan(path)


def test_an_archive_lying_about_its_sizes_is_refused_without_inflating_the_rest(
        tmp_path: Path) -> None:
    # the directory says 1,000 bytes; the part inflates to 64 MiB
    data = lie_about_sizes(bomb("word/document.xml", 64 * MiB), "word/document.xml", 1000)
    path = _write(tmp_path, "liar.docx", data)
    with budget(30, 64), pytest.raises(ImportFailed, match=r"liar\.docx: .*word/document\.xml"):
        _plan(path)


def test_a_declared_size_is_never_what_decides(tmp_path: Path) -> None:
    # a small genuine document declaring its body to be 3 GiB imports: sizes are counted
    data = word_document(paragraph("退貨須於七日內申請，逾期不受理。"))
    liar = lie_about_sizes(data, "word/document.xml", 3 * 1024 * MiB)
    # zipfile itself stops at the declared size: a size larger than the part reads it whole
    [doc] = _plan(_write(tmp_path, "ok.docx", liar))
    assert "七日內申請" in doc.body_text()


def test_a_title_declared_a_megabyte_long_is_cut(tmp_path: Path) -> None:
    core = (XML_HEAD + b'<cp:coreProperties xmlns:cp="urn:cp" xmlns:dc="urn:dc"><dc:title>'
            + "手冊".encode() * 500_000 + b"</dc:title></cp:coreProperties>")
    body = paragraph("退貨須於七日內申請，逾期不受理。")
    [doc] = _plan(_write(tmp_path, "titled.docx", word_document(body, docProps__core_xml=core)))
    assert doc.title == "手冊" * (planner.MAX_STORED_TITLE // 2)


def test_word_xml_nested_past_the_bound_is_refused(tmp_path: Path) -> None:
    nested = b"<w:tbl><w:tr><w:tc>" * 3000 + paragraph("深") + b"</w:tc></w:tr></w:tbl>" * 3000
    path = _write(tmp_path, "deep.docx", word_document(nested))
    with budget(30, 64), pytest.raises(ImportFailed, match=r"deep\.docx: refused: part "
                                       r"word/document\.xml nests elements more than 100 deep"):
        _plan(path)


def test_tables_nested_as_deep_as_real_ones_import(tmp_path: Path) -> None:
    nested = (b"<w:tbl><w:tr><w:tc>" * 12 + paragraph("十二層表格裡的說明。")
              + b"</w:tc></w:tr></w:tbl>" * 12)
    [doc] = _plan(_write(tmp_path, "tables.docx", word_document(paragraph("前言說明。") + nested)))
    assert "十二層表格裡的說明" in doc.body_text()


def test_a_document_type_declaration_is_refused(tmp_path: Path) -> None:
    laughs = (XML_HEAD + b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
              + b"".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'.encode()
                         for p, c in zip("abcdefgh", "bcdefghi", strict=True))
              + f']><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p>'
                f"</w:body></w:document>".encode())
    path = _write(tmp_path, "laughs.docx", word_document(None, word__document_xml=laughs))
    with budget(10, 32), pytest.raises(ImportFailed, match=r"laughs\.docx: refused: part "
                                       r"word/document\.xml declares a document type"):
        _plan(path)


def test_too_many_xml_elements_are_refused(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_XML_ELEMENTS", 20_000)
    body = b"".join(paragraph(f"第{n}段。") for n in range(10_000))  # 4 elements each
    path = _write(tmp_path, "elements.docx", word_document(body))
    with pytest.raises(ImportFailed, match=r"elements\.docx: refused: .*20,000 XML elements"):
        _plan(path)


def test_malformed_and_encrypted_parts_are_clear_errors(tmp_path: Path) -> None:
    broken = word_document(None, word__document_xml=XML_HEAD + b"<w:document><w:body>")
    with pytest.raises(ImportFailed, match=r"broken\.docx: part word/document\.xml is not "
                                           r"well-formed XML"):
        _plan(_write(tmp_path, "broken.docx", broken))


def test_a_broken_part_the_reader_does_not_need_is_left_out(tmp_path: Path) -> None:
    data = word_document(paragraph("退貨須於七日內申請，逾期不受理。"),
                         customXml__item1_xml=b"", docProps__app_xml=b"<Properties><broken>")
    [doc] = _plan(_write(tmp_path, "extra.docx", data))
    assert "七日內申請" in doc.body_text()


def test_lists_nested_thousands_deep_by_word_numbering_are_flattened(tmp_path: Path) -> None:
    # list levels far past Word's nine, each paragraph one deeper: mammoth nests the HTML
    items = b"".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{n}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>項目{n}</w:t></w:r></w:p>".encode() for n in range(1000))
    path = _write(tmp_path, "levels.docx", word_document(paragraph("說明。") + items))
    with budget(120, 512, traced=False):
        [doc] = _plan(path)
    body = doc.body_text()
    assert "項目999" in body and not too_deep(body)


# -- deeply nested HTML and Markdown -------------------------------------------------------------


@pytest.mark.parametrize(("name", "opening", "closing", "times"), [
    ("lists", "<ul><li>項目", "</li></ul>", 5000),
    ("tables", "<table><tr><td>格子", "</td></tr></table>", 3000),
    ("quotes", "<blockquote>引用", "</blockquote>", 2000),
    ("divs", "<div>", "</div>", 100_000),
])
def test_deeply_nested_html_is_flattened_not_a_recursion_error(
        tmp_path: Path, name: str, opening: str, closing: str, times: int) -> None:
    page = (f"<html><head><title>{name}</title></head><body><p>頁面說明。</p>"
            + opening * times + "最深處的文字。" + closing * times + "</body></html>")
    path = _write(tmp_path, f"{name}.html", page)
    with budget(120, 1024, traced=False):
        [doc] = _plan(path)
    body = doc.body_text()
    assert "最深處的文字" in body
    assert not too_deep(body)  # the reader renders it as Markdown, not as plain text


def test_scripts_nested_past_the_bound_are_not_imported_as_text(tmp_path: Path) -> None:
    page = ("<html><body><p>說明。</p>" + "<div>" * 150 + "<script>var secret = 1;</script>"
            "<style>p { color: red }</style>可見的文字。" + "</div>" * 150 + "</body></html>")
    [doc] = _plan(_write(tmp_path, "scripted.html", page))
    body = doc.body_text()
    assert "可見的文字" in body
    assert "secret" not in body and "color" not in body


def test_nesting_under_the_bound_is_kept_as_it_is(tmp_path: Path) -> None:
    depth = 20  # 40 elements deep: lists in lists, kept as lists
    page = ("<html><body><p>說明。</p>" + "<ul><li>層" * depth + "底" + "</li></ul>" * depth
            + "</body></html>")
    [doc] = _plan(_write(tmp_path, "kept.html", page))
    lines = [line for line in doc.body_text().split("\n") if line.strip().startswith("- ")]
    assert len(lines) == depth
    assert webpage.MAX_HTML_DEPTH > 2 * depth


def test_a_page_with_too_many_tags_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    page = "<html><body><p>說明。</p>" + "<b>字</b>" * (webpage.MAX_HTML_TAGS // 2 + 1)
    path = _write(tmp_path, "tags.html", page)
    with budget(20, 128), pytest.raises(ImportFailed, match=r"tags\.html: refused: about "):
        _plan(path)


def test_deeply_nested_markdown_is_flattened_under_the_renderers_limits(tmp_path: Path) -> None:
    quotes = ">" * 5000 + " 引用的話。"
    nested = "".join("  " * n + f"- 項目{n}\n" for n in range(400))
    text = f"# 說明\n\n開頭的說明。\n\n{quotes}\n\n{nested}"
    with budget(60, 512):
        [doc] = _plan(_write(tmp_path, "deep.md", text))
    body = doc.body_text()
    assert "引用的話" in body and "項目399" in body
    assert not too_deep(body)
    quoted = next(line for line in body.split("\n") if "引用的話" in line)
    assert quoted.count(">") == nesting.MAX_QUOTE_DEPTH
    deepest = next(line for line in body.split("\n") if "項目399" in line)
    assert len(deepest) - len(deepest.lstrip()) == nesting.MAX_INDENT


# -- what is not a regular file, or is too large ---------------------------------------------------


def _refused(path: Path | str) -> str:
    with budget(10, 32), pytest.raises(ImportFailed) as refused:
        plan_files([path], ImportOptions())
    return str(refused.value)


def test_a_folder_is_not_a_missing_file(tmp_path: Path) -> None:
    folder = tmp_path / "手冊.txt"
    folder.mkdir()
    assert _refused(folder) == f"{folder}: is a folder, not a file (name the files in it)"
    assert _refused(tmp_path / "nowhere.txt") == f"{tmp_path / 'nowhere.txt'}: no such file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_refused_and_never_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it to read would block until a writer came: none will
    assert _refused(fifo) == f"{fifo}: is a named pipe (FIFO), not a regular file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_and_never_read() -> None:
    assert _refused("/dev/zero") == "/dev/zero: is a device, not a regular file"


def test_a_name_too_long_has_its_own_message(tmp_path: Path) -> None:
    path = tmp_path / ("手" * 300 + ".txt")  # 900 bytes: past any file system's 255
    message = _refused(path)
    assert message.endswith(": the name is too long for this system")
    assert len(message) < 300  # the name is shortened, not printed whole


def test_a_file_over_the_size_bound_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: nothing written, nothing to read
        handle.truncate(sourcefile.MAX_FILE_BYTES + 1)
    assert _refused(path).startswith(f"{path}: refused: 64.0 MiB is over the 64 MiB")


def test_a_file_that_grows_past_the_bound_while_read_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "grows.txt", "說明文字。\n" * 1000)
    real: Callable[[Path], int] = sourcefile.check_file
    monkeypatch.setattr(sourcefile, "check_file", real)
    monkeypatch.setattr(sourcefile, "MAX_FILE_BYTES", 100)
    # the first check saw a small file; what is read is counted again
    monkeypatch.setattr(sourcefile, "_check_mode", lambda _path, info: info.st_size)
    with pytest.raises(ImportFailed, match=r"grows\.txt: refused: it grew past"):
        sourcefile.read_file(path)
