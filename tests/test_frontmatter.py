"""Front matter: one reader, one round-trip editor that keeps every line it does not change."""

from __future__ import annotations

import datetime as dt

import pytest

from kbdesk.core import (
    DocumentError,
    document_id,
    front_block,
    read_meta,
    set_field,
    set_fields,
    yaml_scalar,
)
from kbdesk.core.library.frontmatter import front_fields
from kbdesk.core.library.parse import build_document

COMMENTED = (
    "---\n"
    "# 誰負責這份文件\n"
    "title: 退款流程   # 對外標題\n"
    "kind: handbook\n"
    "tags:\n"
    "  - 退款\n"
    "  - 投訴\n"
    "\n"
    "# 以下由發布填寫\n"
    "version: 3\n"
    "summary: 'a: b'\n"
    "---\n"
    "正文\n"
)


def test_edit_replaces_only_the_field_and_keeps_comments_and_order() -> None:
    out = set_field(COMMENTED, "title", "退款與換貨")
    assert out == COMMENTED.replace("title: 退款流程   #", "title: 退款與換貨   #")
    out = set_field(COMMENTED, "tags", ["換貨"])
    assert out == COMMENTED.replace("tags:\n  - 退款\n  - 投訴\n", "tags: [換貨]\n")
    assert "# 以下由發布填寫\nversion: 3" in out


def test_remove_and_insert_fields() -> None:
    out = set_fields(COMMENTED, {"tags": None, "owner": "品質組", "ack_required": True})
    assert "tags" not in out and "退款\n" not in out.split("---")[1]
    assert out.endswith("summary: 'a: b'\nowner: 品質組\nack_required: true\n---\n正文\n")
    assert read_meta(out)["owner"] == "品質組"
    assert set_field(COMMENTED, "missing", None) == COMMENTED


def test_values_are_written_so_they_read_back() -> None:
    text = "---\ntitle: A\n---\nbody\n"
    for value in ("a: b", "true", "2026-01-01", "#tag", " spaced ", "引號「」", "123"):
        assert read_meta(set_field(text, "summary", value))["summary"] == value
    day = dt.date.today()
    assert read_meta(set_field(text, "effective", day))["effective"] == day
    assert read_meta(set_field(text, "version", 7))["version"] == 7
    assert yaml_scalar("plain") == "plain" and yaml_scalar("a: b") == '"a: b"'


def test_nested_keys_and_the_body_are_never_touched() -> None:
    text = "---\ntitle: T\nnested:\n  version: 1\n---\nversion: 1\n"
    out = set_field(text, "version", 2)
    assert out == "---\ntitle: T\nnested:\n  version: 1\nversion: 2\n---\nversion: 1\n"


def test_bad_front_matter_is_an_error_naming_the_line() -> None:
    with pytest.raises(DocumentError, match="front matter"):
        set_field("no front matter", "title", "x")
    with pytest.raises(DocumentError) as caught:
        set_field("---\ntitle: [unclosed\nkind: x\n---\n", "title", "x", path="a.md")
    assert caught.value.problem.path == "a.md" and caught.value.problem.line is not None


def test_ids_and_quick_fields_agree_with_the_parser() -> None:
    text = "---\ntitle: T\nkind: handbook\nid: 'refund-2'\nversion: 4 # v\n---\n"
    assert document_id("handbooks/refund.md", text) == "refund-2"
    assert document_id("handbooks/refund.md", "---\ntitle: T\n---\n") == "handbooks/refund"
    assert build_document("handbooks/refund.md", text).id == "refund-2"
    assert front_fields(text) == {"id": "refund-2", "version": "4"}
    block, body = front_block(text + "正文")
    assert block.startswith("---\n") and block.endswith("---\n") and body == "正文"
    assert front_block("plain") == ("", "plain")
