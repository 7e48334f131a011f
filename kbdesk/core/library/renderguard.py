"""Keeping Markdown rendering bounded whatever a document holds.

Python-Markdown is recursive and, for some inputs, quadratic: a list nested a few hundred levels
deep raises ``RecursionError``, and a paragraph of thousands of ``[`` takes minutes. A document
is shown whatever it holds, so one with a block holding more brackets than any real text, or
nested deeper than any real one, is shown as plain text (escaped, as written); a
``RecursionError`` that still happens falls back to plain text too.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

#: brackets in one block (paragraph) beyond which the document is shown as written
MAX_BRACKETS = 200
#: leading columns (list indentation) or ``>`` markers beyond which a document is plain text
MAX_INDENT = 160
MAX_QUOTES = 40

_BLOCK_SPLIT_RE = re.compile(r"(\n[ \t]*\n)")
_QUOTES_RE = re.compile(r"^[ \t]*((?:>[ \t]*)+)", re.MULTILINE)


def _bracket_storm(text: str) -> bool:
    """True when a block holds more brackets than any real paragraph (their parsing is slow)."""
    if text.count("[") + text.count("]") <= MAX_BRACKETS:
        return False
    return any(
        block.count("[") + block.count("]") > MAX_BRACKETS for block in _BLOCK_SPLIT_RE.split(text)
    )


def too_deep(text: str) -> bool:
    """True when the text nests deeper than rendering can follow."""
    for line in text.split("\n"):
        stripped = line.lstrip(" \t")
        if len(line.expandtabs(4)) - len(stripped) > MAX_INDENT:
            return True
    return any(m.group(1).count(">") > MAX_QUOTES for m in _QUOTES_RE.finditer(text))


def plain_html(text: str) -> str:
    """The text shown as written (escaped, in a ``pre`` block)."""
    return f"<pre>{html.escape(text)}</pre>"


def bounded(convert: Callable[[str], str], text: str) -> str:
    """``convert(text)`` (Markdown to HTML) with pathological input tamed or shown as text."""
    if too_deep(text) or _bracket_storm(text):
        return plain_html(text)
    try:
        return convert(text)
    except RecursionError:
        return plain_html(text)
