"""Fuzzing the importers: whatever the file holds, an import gives a plan or refuses with
``ImportFailed`` (the project's own error), within a memory and a time budget per case.

Strategies make what broke the importers before: nesting without end (HTML elements, Markdown
quotes and lists, Word XML and Word list levels), huge runs of one character, random bytes and
text in several encodings, and ``.docx`` archives that inflate far past their size (a long run
of one byte, deflated). ``make test`` runs a few fixed-seed examples of each; ``make fuzz``
many random ones (tests/fuzz/conftest.py).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kbdesk.core.errors import ImportFailed
from kbdesk.core.importers import archive
from kbdesk.core.importers.planner import ImportOptions, plan_files
from kbdesk.core.library.renderguard import too_deep
from tests.importers.hostile import bomb, budget, paragraph, word_document

MiB = 1024 * 1024
SECONDS = 120  # generous: the machine running the suite may be busy
MEMORY = 512  # MiB of Python allocations at the peak, for any one file

HTML_TAGS = ("div", "ul", "ol", "li", "table", "tr", "td", "blockquote", "p", "span",
             "section", "article", "b", "em", "h2", "pre", "code", "a", "font")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "gb18030", "gbk", "big5",
             "cp950", "latin-1", "shift_jis")
WORD_PARTS = ("word/document.xml", "docProps/core.xml", "word/styles.xml",
              "word/numbering.xml", "word/_rels/document.xml.rels", "[Content_Types].xml")

words = st.text(alphabet=st.sampled_from("退款申請客戶訂單說明。，、：ab1 \n<>&#[]*-"),
                max_size=30)


def import_bytes(name: str, data: bytes, *, traced: bool = True) -> bool:
    """Plan the import of ``data`` as a file called ``name`` within the budget (Python's
    allocations traced, or with ``traced=False`` the growth of the peak resident size: for the
    long cases, which tracing would slow several times).

    Returns:
        True when a plan was made, False when the file was refused with ``ImportFailed``;
        any other exception fails the test.
    """
    with tempfile.TemporaryDirectory(prefix="kbdesk-fuzz-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        with budget(SECONDS, MEMORY, traced=traced):
            try:
                plan = plan_files([path], ImportOptions())
            except ImportFailed as exc:
                assert str(exc), "a refusal says why"
                return False
    for doc in plan.documents:
        assert doc.title and "\n" not in doc.title and "\x1b" not in doc.title
        assert not too_deep(doc.body_text()), "an imported document renders as Markdown"
    return True


@st.composite
def nested_html(draw: st.DrawFn) -> str:
    """A page nesting a random pattern of elements up to thousands deep, closed or not."""
    pattern = draw(st.lists(st.sampled_from(HTML_TAGS), min_size=1, max_size=4))
    depth = draw(st.integers(1, 2000))
    text = draw(words)
    opening = "".join(f"<{tag}>{text}" for tag in pattern)
    closing = "".join(f"</{tag}>" for tag in reversed(pattern))
    closed = draw(st.booleans())
    return ("<html><head><title>頁</title></head><body><p>頁面說明。</p>" + opening * depth
            + "最深處。" + (closing * depth if closed else "") + "</body></html>")


@given(nested_html())
def test_nested_html_imports_or_is_refused(page: str) -> None:
    import_bytes("page.html", page.encode("utf-8"), traced=False)


@st.composite
def nested_markdown(draw: st.DrawFn) -> str:
    """Markdown quoting and indenting lists thousands deep, with text of its own."""
    depth = draw(st.integers(1, 3000))
    text = draw(words)
    kind = draw(st.sampled_from(["quotes", "list", "mixed", "ordered"]))
    if kind == "quotes":
        body = ">" * depth + " " + text
    elif kind == "list":
        body = "".join(" " * (2 * n) + f"- {text}{n}\n" for n in range(min(depth, 600)))
    elif kind == "ordered":
        body = "".join(" " * (3 * n) + f"1. {text}\n" for n in range(min(depth, 600)))
    else:
        body = "".join("> " * n + "- " * (n % 7) + f"{text}\n" for n in range(min(depth, 400)))
    return f"# 說明\n\n開頭。\n\n{body}\n"


@given(nested_markdown())
def test_nested_markdown_imports_or_is_refused(text: str) -> None:
    import_bytes("deep.md", text.encode("utf-8"), traced=False)


@given(st.characters(codec="utf-8"), st.integers(1, 200_000),
       st.sampled_from(["run.txt", "run.md", "run.html"]))
def test_a_huge_run_of_one_character_imports_or_is_refused(char: str, length: int,
                                                           name: str) -> None:
    text = char * length
    if name.endswith(".html"):
        text = f"<html><body><p>{text}</p></body></html>"
    import_bytes(name, text.encode("utf-8", "surrogatepass"))


@given(st.text(max_size=3000), st.sampled_from(ENCODINGS),
       st.sampled_from(["text.txt", "text.md", "text.html"]))
def test_text_in_any_encoding_imports_or_is_refused(text: str, encoding: str,
                                                    name: str) -> None:
    import_bytes(name, text.encode(encoding, "replace"))


@given(st.binary(max_size=20_000), st.sampled_from(["bytes.txt", "bytes.md", "bytes.html",
                                                    "bytes.docx"]))
def test_random_bytes_import_or_are_refused(data: bytes, name: str) -> None:
    import_bytes(name, data)


#: Fills that are XML text: a part made of them is well-formed as far as it goes.
XML_FILLS = (b" ", b"a", b"ab ", b"\n", "啊".encode())


@given(st.sampled_from(WORD_PARTS),
       st.integers(archive.RATIO_FREE_BYTES + MiB, archive.MAX_PART_BYTES + 4 * MiB),
       st.one_of(st.sampled_from(XML_FILLS), st.binary(min_size=1, max_size=3)))
def test_a_docx_inflating_far_past_its_size_is_refused(member: str, inflated: int,
                                                      fill: bytes) -> None:
    data = bomb(member, inflated, fill=fill)
    assert len(data) * 100 < inflated  # far past its size
    imported = import_bytes("bomb.docx", data)
    if fill in XML_FILLS or member == archive.MAIN_PART:
        assert not imported, "a bomb is refused"
    # else a part that is not XML past its first bytes is left out, uninflated: the budget held


@given(st.integers(1, 3000), st.sampled_from([b"<w:tbl><w:tr><w:tc>", b"<w:sdt><w:sdtContent>",
                                              b"<w:hyperlink>", b"<w:smartTag>"]),
       st.integers(0, 3000))
def test_a_docx_nesting_xml_or_list_levels_deeply_imports_or_is_refused(
        depth: int, wrapper: bytes, levels: int) -> None:
    closing = b"".join(b"</" + tag.strip(b"<>") + b">"
                       for tag in reversed(wrapper.replace(b"><", b">\n<").split(b"\n")))
    items = b"".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{n}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>項目{n}</w:t></w:r></w:p>".encode() for n in range(0, levels, 7))
    body = paragraph("說明。") + wrapper * depth + paragraph("深處。") + closing * depth + items
    import_bytes("nested.docx", word_document(body), traced=False)
