"""Rendering Markdown for the reader: anchors, sanitising, script conversion, highlighting."""

from __future__ import annotations

import pytest

from kbdesk.core.library.catalog import Library
from kbdesk.core.library.parse import build_document
from kbdesk.core.library.render import (
    convert_html_script,
    heading_ids,
    highlight_html,
    render,
    sanitize,
)
from tests.conftest import CONTENT_DIR, doc

BODY = """導言段落。

## 1. 標準開場白（來電）

> 您好，這裡是客服中心。

## 投訴分級

| 等級 | 時限 |
|:---|---:|
| 一般 | 24 小時內 |

### 投訴分級

重複的標題。

```
code 投訴
```

1. 第一
2. 第二
"""


def test_heading_ids_equal_section_anchors() -> None:
    document = build_document("h.md", doc("手冊", body=BODY))
    anchors = [s.anchor for s in document.sections if s.anchor]
    assert heading_ids(render(document.body)) == anchors
    assert anchors[0] == "1-標準開場白來電"
    assert anchors[2] == "投訴分級_1"


@pytest.mark.skipif(not CONTENT_DIR.is_dir(), reason="demo library not present")
def test_demo_library_anchors_all_match() -> None:
    library = Library(CONTENT_DIR)
    library.load()
    checked = 0
    for document in library:
        anchors = [s.anchor for s in document.sections if s.anchor]
        ids = heading_ids(render(document.body))
        for anchor in anchors:
            assert anchor in ids, (document.path, anchor)
            checked += 1
    assert checked > 20


def test_tables_lists_and_code_render() -> None:
    html = render(BODY)
    assert "<table>" in html and 'align="right"' in html
    assert "<ol>" in html and "<li>第一</li>" in html
    assert "<pre><code>" in html
    assert "<blockquote>" in html


@pytest.mark.parametrize(
    "evil",
    [
        "<script>alert(1)</script>",
        '<img src="x.png" onerror="alert(1)">',
        '<a href="javascript:alert(1)">點我</a>',
        '<p onclick="steal()">文字</p>',
        "<style>body{display:none}</style>",
        '<iframe src="https://example.com"></iframe>',
    ],
)
def test_sanitising_removes_script(evil: str) -> None:
    html = render(f"正文\n\n{evil}\n")
    lowered = html.lower()
    for bad in ("<script", "alert(", "onerror", "onclick", "javascript:", "<style",
                "<iframe", "display:none"):
        assert bad not in lowered


def test_sanitize_keeps_ids_and_marks() -> None:
    html = sanitize('<h2 id="投訴">投訴</h2><p><mark>重點</mark><span class="hl">x</span></p>')
    assert 'id="投訴"' in html
    assert "<mark>重點</mark>" in html
    assert 'class="hl"' in html


def test_safe_links_kept() -> None:
    html = render("[說明](https://example.com/a) [信箱](mailto:a@b.c) [頁](other.md#段)")
    assert 'href="https://example.com/a"' in html
    assert 'href="mailto:a@b.c"' in html
    assert 'href="other.md#段"' in html


def test_script_conversion_changes_text_not_ids() -> None:
    html = render("## 投訴處理\n\n客戶投訴時請先道歉。\n", script="cn")
    assert 'id="投訴處理"' in html
    assert ">投诉处理</h2>" in html
    assert "客户投诉时请先道歉" in html
    back = render("## 投诉处理\n\n客户投诉\n", script="tw")
    assert "客戶投訴" in back
    assert 'id="投诉处理"' in back


def test_original_script_leaves_text_alone() -> None:
    assert convert_html_script("<p>投訴 投诉</p>", "original") == "<p>投訴 投诉</p>"
    assert convert_html_script("<p>投訴</p>", "unknown") == "<p>投訴</p>"


def test_highlight_matches_folded_terms_in_either_script() -> None:
    html = render("## 投訴分級\n\n處理投訴與客訴。ABC abc\n", highlight=["投诉", "abc"])
    assert '<span class="hl">投訴</span>分級' in html
    assert 'id="投訴分級"' in html  # ids are never touched
    assert '處理<span class="hl">投訴</span>與' in html
    assert html.count('<span class="hl">') == 4  # heading, body, ABC, abc


def test_highlight_with_mark_tag_and_escaping() -> None:
    html = highlight_html("<p>a &lt;b&gt; 退款 &amp; 退款</p>", ["退款"], tag="mark")
    assert html == "<p>a &lt;b&gt; <mark class=\"hl\">退款</mark> &amp; <mark class=\"hl\">退款</mark></p>"


def test_highlight_ignores_markup_and_empty_terms() -> None:
    source = '<p><a href="https://x.com/退款" title="a>退款">退款</a></p>'
    html = highlight_html(source, ["退款", "", "  "])
    assert 'href="https://x.com/退款"' in html
    assert html.count('class="hl"') == 1
    assert highlight_html("<p>x</p>", []) == "<p>x</p>"


def test_overlapping_terms_merge() -> None:
    html = highlight_html("<p>退款流程</p>", ["退款", "款流", "流程"])
    assert html == '<p><span class="hl">退款流程</span></p>'


def test_render_is_pure() -> None:
    assert render(BODY) == render(BODY)


def test_highlight_spans_in_plain_text() -> None:
    from kbdesk.core.library.render import highlight_spans

    assert highlight_spans("客戶投訴與投诉", ["投诉"]) == [(2, 4), (5, 7)]
    assert highlight_spans("abc", []) == []
    assert highlight_spans("", ["x"]) == []
