"""Keeping Markdown rendering bounded whatever a document holds: a budget of work, not of time.

Python-Markdown is recursive and, for some inputs, quadratic. The costly cases found so far:

- every ``<`` followed by a letter makes the raw-HTML pass (``html.parser``) scan for the end of
  a start tag: without a ``>`` it scans to the end of the text, so 20,000 characters of ``<x ``
  or ``<http://a`` cost seconds;
- every inline match (``\\``, ``*``, ``` ` ```, ``&``, ``<b>`` …) rebuilds the text of its
  block, and every line that splits a block (setext underlines, headings) re-scans the rest of
  the block, so long blocks of either are quadratic;
- lists and quotes nest by recursion (``RecursionError`` a few hundred levels down), and a line
  of list markers (``1. 1. 1. …``) nests as deep as it is long.

Before rendering, :func:`render_work` predicts the work a text needs with one linear pass
(counting, never timing, so an export is byte-identical on any machine). A text whose predicted
work is past :data:`RENDER_WORK_BUDGET`, or that nests deeper than the ``MAX_*`` bounds, is
shown as plain text (escaped, as written) with a note; a ``RecursionError`` that still happens
falls back to plain text too. :data:`QUICK_RENDER_WORK` is how much work the reader may do on
the UI thread.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable

#: Work is counted in units of roughly a microsecond of rendering on an ordinary 2020s laptop
#: (only the counts matter, never a clock). A page may need this much work, plus
#: :data:`RENDER_WORK_PER_CHAR` for each of its characters; past that it is shown as plain text.
#: Real documents need about 1.5 units a character, so the budget only stops work that grows
#: faster than the text (a 20,000-character page may take about a second, a 1 MB one eight).
RENDER_WORK_BUDGET = 1_000_000
RENDER_WORK_PER_CHAR = 7
#: A page predicted to need at most this much work may be rendered on the UI thread (about
#: 15 ms, a frame); the reader renders anything more on a worker.
QUICK_RENDER_WORK = 15_000

#: brackets in one block (paragraph) beyond which the document is shown as written
MAX_BRACKETS = 200
#: leading columns (list indentation), ``>`` markers or list markers on one line beyond which a
#: document is plain text
MAX_INDENT = 160
MAX_QUOTES = 40
MAX_LIST_MARKERS = 40

# -- the cost model (units per event; see ``tests/test_renderguard.py`` for the measurements) --
#: every character is read by several passes (preprocessors, block parser, inline, serialiser)
UNITS_PER_CHAR = 1.0
#: making a converter and serialising the page
UNITS_PER_PAGE = 500
#: an inline pattern's match: a placeholder, a stashed node, a rebuilt text
UNITS_PER_INLINE_MATCH = 15.0
#: rebuilding the text of a block after a match, per character of the block
UNITS_PER_REBUILT_CHAR = 0.0004
#: a line of a block; a line that splits the block (a heading, an underline, a rule) makes the
#: block parser re-scan the rest of the block
UNITS_PER_LINE = 30.0
UNITS_PER_RESCANNED_CHAR = 0.002
#: a start tag handled by the raw-HTML pass, and each character its end is searched through
UNITS_PER_TAG = 30.0
UNITS_PER_TAG_SCAN_CHAR = 0.06
#: the reader's rich-text import (Qt) is quadratic in the anchors of a page (every heading has
#: an id) and in the items of one list: units per pair of them, and per item
UNITS_PER_ANCHOR_PAIR = 0.06
UNITS_PER_LIST_ITEM = 40.0
UNITS_PER_LIST_ITEM_PAIR = 0.03
#: a character of a page shown as plain text
UNITS_PER_PLAIN_CHAR = 1.0

PLAIN_NOTE = (
    "此頁的 Markdown 過於複雜，依原文以純文字顯示。"
    " / The Markdown of this page would take too long to render; it is shown as written."
)

_BLOCK_SPLIT_RE = re.compile(r"(\n[ \t]*\n)")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_QUOTES_RE = re.compile(r"^[ \t]*((?:>[ \t]*)+)", re.MULTILINE)
_LIST_MARKERS_RE = re.compile(
    rf"^[ \t>]*((?:(?:[-*+]|\d{{1,9}}[.)])[ \t]+){{{MAX_LIST_MARKERS + 1},}})", re.MULTILINE
)
_SPLITTING_LINE_RE = re.compile(r"^[ ]{0,3}(?:[=-]+[ \t]*$|#|(?:[-*_][ \t]*){3,}$)", re.MULTILINE)
_ANCHOR_RE = re.compile(r"^[ ]{0,3}#|^[ ]{0,3}[=-]+[ \t]*$|\b(?:name|id)[ \t]*=", re.MULTILINE)
_LIST_ITEM_RE = re.compile(r"^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]", re.MULTILINE)
_START_TAG_RE = re.compile(r"<[A-Za-z]")
_TAG_END_RE = re.compile(r"[>'\"]")
_SMALL_BLOCK = 256
#: characters at which an inline pattern of Python-Markdown can match
_INLINE_SPECIALS = ("\\", "`", "*", "_", "[", "!", "<", "&", "  \n")


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
    if any(m.group(1).count(">") > MAX_QUOTES for m in _QUOTES_RE.finditer(text)):
        return True
    return _LIST_MARKERS_RE.search(text) is not None


def _tag_scan(text: str) -> tuple[int, int]:
    """The start tags of ``text`` and the characters the raw-HTML pass scans to end them.

    A start tag's end is searched up to the next ``>`` outside quotes (to the end of the text
    when there is none). Computed for all tags at once, right to left, in linear time.
    """
    starts = [m.start() for m in _START_TAG_RE.finditer(text)]
    if not starts:
        return 0, 0
    n = len(text)
    marks = [(m.start(), m.group()) for m in _TAG_END_RE.finditer(text)]
    reach = [n] * (len(marks) + 1)  # reach[k]: where a scan starting at marks[k] ends
    next_same: dict[str, int] = {}
    for k in range(len(marks) - 1, -1, -1):
        position, char = marks[k]
        if char == ">":
            reach[k] = position
        else:  # a quote: its value runs to the next same quote, or to the end
            closing = next_same.get(char)
            reach[k] = n if closing is None else reach[closing + 1]
            next_same[char] = k
    positions = [position for position, _char in marks]
    scanned = sum(reach[bisect.bisect_left(positions, start)] - start for start in starts)
    return len(starts), scanned


def render_work(text: str) -> int:
    """Predict the work of rendering ``text``, in units (see :data:`RENDER_WORK_BUDGET`).

    One linear pass: what each block costs (its inline matches rebuild it, its splitting lines
    re-scan it), what the raw-HTML pass costs (each start tag scans to its end) and what showing
    the page costs (the reader's rich-text import is quadratic in anchors and list items).
    """
    matches = sum(text.count(special) for special in _INLINE_SPECIALS)
    work = UNITS_PER_PAGE + UNITS_PER_CHAR * len(text) + UNITS_PER_INLINE_MATCH * matches
    work += UNITS_PER_LINE * text.count("\n")
    work += UNITS_PER_ANCHOR_PAIR * len(_ANCHOR_RE.findall(text)) ** 2
    for block in _BLANK_LINE_RE.split(text):
        size = len(block)
        if size < _SMALL_BLOCK:  # what a small block re-scans is already in the counts above
            continue
        matches = sum(block.count(special) for special in _INLINE_SPECIALS)
        splits = len(_SPLITTING_LINE_RE.findall(block)) if "\n" in block else 0
        items = len(_LIST_ITEM_RE.findall(block))
        work += size * (matches * UNITS_PER_REBUILT_CHAR + splits * UNITS_PER_RESCANNED_CHAR)
        work += items * UNITS_PER_LIST_ITEM + items * items * UNITS_PER_LIST_ITEM_PAIR
    tags, scanned = _tag_scan(text)
    work += tags * UNITS_PER_TAG + scanned * UNITS_PER_TAG_SCAN_CHAR
    return int(work)


def planned_work(text: str) -> int | None:
    """The work of rendering ``text`` as Markdown, or None when it is to be shown as plain text
    (nested too deep, or past its budget: see :func:`work_budget`)."""
    if too_deep(text) or _bracket_storm(text):
        return None
    work = render_work(text)
    return work if work <= work_budget(text) else None


def work_budget(text: str) -> int:
    """The work ``text`` may take to render: :data:`RENDER_WORK_BUDGET` plus
    :data:`RENDER_WORK_PER_CHAR` a character."""
    return RENDER_WORK_BUDGET + RENDER_WORK_PER_CHAR * len(text)


def renders_as_markdown(text: str) -> bool:
    """True when ``text`` is rendered as Markdown; False when it is shown as plain text."""
    return planned_work(text) is not None


def is_quick_to_render(text: str) -> bool:
    """True when rendering ``text`` takes no more than a frame (:data:`QUICK_RENDER_WORK`).

    A page shown as plain text costs :data:`UNITS_PER_PLAIN_CHAR` a character (escaping,
    cleaning, script conversion, highlighting).
    """
    work = planned_work(text)
    if work is None:
        work = int(UNITS_PER_PLAIN_CHAR * len(text))
    return work <= QUICK_RENDER_WORK


def plain_html(text: str) -> str:
    """The text shown as written (escaped, in a ``pre`` block), after a note saying why."""
    return (
        f'<div class="kb-plain-note"><p><em>{html.escape(PLAIN_NOTE)}</em></p></div>'
        f'<pre class="kb-plain">{html.escape(text)}</pre>'
    )


def bounded(convert: Callable[[str], str], text: str) -> str:
    """``convert(text)`` (Markdown to HTML), or the text as written when it is past the bounds."""
    if planned_work(text) is None:
        return plain_html(text)
    try:
        return convert(text)
    except RecursionError:
        return plain_html(text)
