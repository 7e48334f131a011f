"""Markdown → plain text for indexing and snippets (no HTML, no markup; text kept as written)."""

from __future__ import annotations

import re

_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<!--.*?-->", re.S), " "),
    (re.compile(r"^\s{0,3}(`{3,}|~{3,}).*$", re.M), ""),
    (re.compile(r"<[^>\n]+>"), " "),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.M), ""),
    (re.compile(r"^\s{0,3}(?:>\s?)+", re.M), ""),
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?", re.M), ""),
    (re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$", re.M), ""),
    (re.compile(r"[ \t]*\|[ \t]*"), " "),
    (re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$", re.M), ""),
    # emphasis and code markers only where they open and close a span on one line: a lone
    # "*" is text ("請按 * 鍵", "5*3"), as a marker followed by a space cannot open a span
    (re.compile(r"(`+)([^`\n]+?)\1(?!`)"), r"\2"),
    (re.compile(r"(\*\*|~~)(?=[^\s*~])([^\n]*?[^\s*~])\1"), r"\2"),
    (re.compile(r"(?<![\w_])__(?=[^\s_])([^\n]*?[^\s_])__(?![\w_])"), r"\1"),
    (re.compile(r"\*(?=[^\s*])([^\n*]*?[^\s*])\*"), r"\1"),
    (re.compile(r"[ \t]+"), " "),
    (re.compile(r"\n{3,}"), "\n\n"),
]


def plain_text(markdown: str) -> str:
    """Return readable plain text for a Markdown fragment."""
    text = markdown
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text.strip()
