"""The character table the exported site folds queries with, as the app folds text (tw2s).

The browser cannot run OpenCC, so the export ships a table ``character -> folded character`` for
every character whose fold differs from itself: Traditional → Simplified (tw2s, one character at
a time), the variants kbdesk merges (帳/账), full-width → half-width forms and upper → lower case
where the lower case is one character. The whole single-character table is shipped, not only the
characters of the library: a query may be typed in a script the library does not use (投訴
against a library written 投诉), and the table is small (see docs/benchmarks.md).
"""

from __future__ import annotations

import functools
import logging

from kbdesk.core.text.folding import fold

log = logging.getLogger(__name__)

#: The code point ranges looked at: CJK unified ideographs and extension A, compatibility
#: ideographs, full-width forms, Latin (for case), and the ideographic space.
_RANGES: tuple[tuple[int, int], ...] = (
    (0x0041, 0x005B),
    (0x00C0, 0x0250),
    (0x0370, 0x0400),
    (0x0400, 0x0530),
    (0x3000, 0x3001),
    (0x3400, 0x4DC0),
    (0x4E00, 0xA000),
    (0xF900, 0xFB00),
    (0xFF01, 0xFF5F),
)


@functools.lru_cache(maxsize=1)
def fold_table() -> dict[str, str]:
    """Return ``{char: folded}`` for every character in the ranges whose fold differs.

    The characters are folded as one newline-separated text (fast, and no phrase crosses a
    newline), then checked one by one where the length would not line up.
    """
    chars = [chr(code) for start, end in _RANGES for code in range(start, end)]
    folded_text = fold("\n".join(chars))
    folded = folded_text.split("\n")
    if len(folded) != len(chars) or any(len(f) != 1 for f in folded):
        folded = [fold(ch) or ch for ch in chars]
    table = {ch: f for ch, f in zip(chars, folded, strict=True) if f != ch and len(f) == 1
             and not _kept_in_phrases(ch)}
    log.debug("fold table: %d characters", len(table))
    return table


def _kept_in_phrases(ch: str) -> bool:
    """True for a character the app's fold keeps as itself in common phrases although it
    folds it alone (么: 这么, 什么 stay, 么 alone becomes 幺): the browser folds one character
    at a time, so it keeps it too, as queries and the index (folded with phrases) hold it."""
    return any(fold(before + ch)[1] == ch for before in "这什那怎多")


def table_for(characters: set[str] | None) -> dict[str, str]:
    """The part of :func:`fold_table` needed for ``characters`` (None: the whole table).

    A character is needed when it is in the set or folds to a character of the set's folds,
    so that the other script of every library character is covered.
    """
    table = fold_table()
    if characters is None:
        return dict(table)
    targets = {table.get(ch, ch) for ch in characters}
    return {ch: f for ch, f in table.items() if ch in characters or f in targets}


def fold_chars(text: str, table: dict[str, str]) -> str:
    """Fold ``text`` one character at a time with ``table`` (what the browser does)."""
    return "".join(table.get(ch, ch) for ch in text)
