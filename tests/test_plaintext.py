"""Markdown to plain text (what is indexed and shown in snippets): markup goes, text stays."""

from __future__ import annotations

import pytest

from kbdesk.core.library.plaintext import plain_text


@pytest.mark.parametrize(("markdown", "text"), [
    ("請按 * 鍵轉接主管", "請按 * 鍵轉接主管"),
    ("5*3 = 15", "5*3 = 15"),
    ("面積 2 * 3 * 4", "面積 2 * 3 * 4"),
    ("按 # 或 * 結束", "按 # 或 * 結束"),
    ("撥 *88 查詢", "撥 *88 查詢"),
    ("這是**重點**文字", "這是重點文字"),
    ("這是*強調*文字", "這是強調文字"),
    ("__粗體__ 與 ~~刪除~~", "粗體 與 刪除"),
    ("輸入 `*#06#` 查看", "輸入 *#06# 查看"),
    ("**請按 * 鍵**", "請按 * 鍵"),
    ("snake_case_name 和 a__b", "snake_case_name 和 a__b"),
])
def test_only_markup_is_removed(markdown: str, text: str) -> None:
    assert plain_text(markdown) == text


def test_lists_rules_and_headings_are_still_removed() -> None:
    markdown = "## 標題\n\n* 第一項\n- 第二項\n\n***\n\n> 引用 *重點*\n"
    assert plain_text(markdown).split() == ["標題", "第一項", "第二項", "引用", "重點"]
