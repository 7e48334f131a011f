"""Bounding how deeply imported Markdown nests: quotes and list indentation.

An imported document is kept as Markdown (a ``.md`` file as written; a ``.docx`` or ``.html``
through its HTML). Nesting deeper than any real handbook's is flattened at import, line by line
(linear, no recursion): more than :data:`MAX_QUOTE_DEPTH` ``>`` markers become that many, and
more than :data:`MAX_INDENT` columns of indentation become that many. The limits sit well under
those past which the reader shows a page as plain text (``library/renderguard.py``), so an
imported document always renders as Markdown.
"""

from __future__ import annotations

import re

#: ``>`` markers one line may keep (quotes in quotes in a real handbook: two or three).
MAX_QUOTE_DEPTH = 16
#: Columns of indentation one line may keep (16 levels of a nested list).
MAX_INDENT = 64

_QUOTES_RE = re.compile(r"^[ \t]*((?:>[ \t]*)+)")


def flatten_markdown(text: str) -> tuple[str, int]:
    """``text`` with nesting past the bounds flattened; return it and how many lines changed."""
    out: list[str] = []
    changed = 0
    for line in text.split("\n"):
        new = line
        found = _QUOTES_RE.match(new)
        if found and found.group(1).count(">") > MAX_QUOTE_DEPTH:
            new = "> " * MAX_QUOTE_DEPTH + new[found.end():]
        stripped = new.lstrip(" \t")
        if len(new[:len(new) - len(stripped)].expandtabs(4)) > MAX_INDENT:
            new = " " * MAX_INDENT + stripped
        changed += new != line
        out.append(new)
    return "\n".join(out), changed
