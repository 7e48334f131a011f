"""Markdown → plain text for indexing and snippets (no HTML, no markup characters)."""

from __future__ import annotations

import re

# Every rule is linear in the text: no pattern can scan past the next place another attempt
# starts (a tag stops at the next "<", a link at the next bracket or line end, a comment at the
# next "<!--"), and only "[ \t]" (never "\s") spans within a line, so a hostile page of "<x ",
# "[" or blank lines costs what its length costs (issue 16).
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<!--(?:(?!<!--)[\s\S])*?-->"), " "),
    (re.compile(r"^[ \t]{0,3}(`{3,}|~{3,}).*$", re.M), ""),
    (re.compile(r"<[^<>\n]+>"), " "),
    (re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)"), r"\1"),
    (re.compile(r"\[([^\[\]\n]+)\]\([^()\n]*\)"), r"\1"),
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M), ""),
    (re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.M), ""),
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?", re.M), ""),
    (re.compile(r"^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*(?:\|[ \t]*)?$",
                re.M), ""),
    (re.compile(r"\|"), " "),
    (re.compile(r"(\*\*|__|\*|~~|`)"), ""),
    (re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M), ""),
    (re.compile(r"[ \t]+"), " "),
    (re.compile(r"\n{3,}"), "\n\n"),
]


def plain_text(markdown: str) -> str:
    """Return readable plain text for a Markdown fragment."""
    text = markdown
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text.strip()
