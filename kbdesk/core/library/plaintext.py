"""Markdown → plain text for indexing and snippets (no HTML, no markup; text kept as written)."""

from __future__ import annotations

import re

# Every rule is linear in the text: no pattern can scan past the next place another attempt
# starts (a tag stops at the next "<", a link at the next bracket or line end, a comment at the
# next "<!--"), and only "[ \t]" (never "\s") spans within a line, so a hostile page of "<x ",
# "[" or blank lines costs what its length costs (issue 16).
#: the longest emphasis or code span looked for (keeps a line of thousands of markers linear)
SPAN = 400
_SPAN = str(SPAN)

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
    (re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M), ""),
    # emphasis and code markers only where they open and close a span on one line: a lone
    # "*" is text ("請按 * 鍵", "5*3"), as a marker followed by a space cannot open a span.
    # A span is looked for over at most SPAN characters, so a line of thousands of markers
    # costs linear work (a longer span keeps its markers in the plain text: harmless).
    (re.compile(r"(`+)([^`\n]{1," + _SPAN + r"}?)\1(?!`)"), r"\2"),
    (re.compile(r"(\*\*|~~)(?=[^\s*~])([^\n]{0," + _SPAN + r"}?[^\s*~])\1"), r"\2"),
    (re.compile(r"(?<![\w_])__(?=[^\s_])([^\n]{0," + _SPAN + r"}?[^\s_])__(?![\w_])"), r"\1"),
    (re.compile(r"\*(?=[^\s*])([^\n*]{0," + _SPAN + r"}?[^\s*])\*"), r"\1"),
    (re.compile(r"[ \t]+"), " "),
    (re.compile(r"\n{3,}"), "\n\n"),
]


def plain_text(markdown: str) -> str:
    """Return readable plain text for a Markdown fragment."""
    text = markdown
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text.strip()
