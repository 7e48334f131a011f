"""Folding text for search: Traditional → Simplified, full-width → half-width, lower case.

Folding is length-preserving: character ``i`` of the folded text stands for character ``i`` of
the original, so offsets found in folded text (highlights, snippets) map straight back to the
text as written.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable

import opencc

#: Bump when folding changes, so indexes built with the old folding are rebuilt.
FOLD_VERSION = 2

_local = threading.local()
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space
# Variants OpenCC leaves apart but readers treat as one character (帳/账 for accounts).
_VARIANTS = str.maketrans({"帐": "账"})


def _converter(config: str) -> opencc.OpenCC:
    # OpenCC converters are not documented as thread-safe: keep one per thread.
    cache = getattr(_local, "converters", None)
    if cache is None:
        cache = _local.converters = {}
    conv = cache.get(config)
    if conv is None:
        conv = cache[config] = opencc.OpenCC(config)
    return conv


@functools.lru_cache(maxsize=65536)
def _fold_char(char: str) -> str:
    folded = _converter("tw2s").convert(char)
    return folded if len(folded) == 1 else char


def to_simplified(text: str) -> str:
    """Convert Traditional (Taiwan usage) text to Simplified, character for character."""
    if not text:
        return text
    converted = _converter("tw2s").convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase changed length: convert one character at a time to keep offsets aligned.
    return "".join(_fold_char(ch) for ch in text)


def fold(text: str) -> str:
    """Return the search form of ``text``: same length, Simplified, half-width, lower case."""
    if not text:
        return text
    text = text.translate(_FULLWIDTH)
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return to_simplified(lowered).translate(_VARIANTS)


class _CharFolds(dict[int, str]):
    """code point → its folded character, filled on first use (a ``str.translate`` table)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _FULLWIDTH.get(code)
        if folded is not None:
            char = chr(folded)
        if len(char.lower()) == 1:
            char = char.lower()
        if ord(char) > 0x2E7F:  # CJK and beyond: OpenCC's character-level conversion
            char = _fold_char(char)
        char = char.translate(_VARIANTS)
        self[code] = char
        return char


_CHAR_FOLDS = _CharFolds()


def fold_chars(text: str) -> str:
    """Fold ``text`` character by character: like :func:`fold`, without OpenCC's phrase rules.

    A few times faster than :func:`fold` on long text; used to look for already folded words
    in stored text (ranking, snippets), where a phrase-dependent conversion does not matter.
    """
    return text.translate(_CHAR_FOLDS)


#: Display scripts: id → OpenCC configuration ("" = as written).
SCRIPTS: dict[str, str] = {
    "original": "",
    "tw": "s2twp",
    "hk": "s2hk",
    "cn": "t2s",
}


def convert_script(text: str, script: str) -> str:
    """Convert text for display in one of ``SCRIPTS`` ("original" leaves it as written).

    Taiwan and Hong Kong conversions first fold to Simplified so that text written in either
    script comes out consistently.
    """
    config = SCRIPTS.get(script, "")
    if not config or not text:
        return text
    if config in ("s2twp", "s2hk"):
        text = _converter("tw2s").convert(text)
    return _converter(config).convert(text)


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort (start, end) offsets and join the ones that overlap or touch."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
