"""The Chinese-first analyzer: fold, segment with rjieba (search mode), keep Latin and digits.

The analyzer turns text into the terms the index stores and queries look up. Traditional and
Simplified text give the same terms because everything is folded first (segmenting raw
Traditional text gives poor words). Offsets of tokens are offsets in the original text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import NamedTuple, cast

from whoosh.analysis import Analyzer, Token, Tokenizer

from kbdesk.core.text.folding import FOLD_VERSION, fold

#: Bump when tokens change, so indexes built by an older analyzer are rebuilt.
ANALYZER_VERSION = 3 * 100 + FOLD_VERSION

_LATIN_DIGIT_RE = re.compile(r"[0-9a-z][0-9a-z._+\-]*[0-9a-z]|[0-9a-z]")
_NUMBER_RE = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")


def _is_word(text: str) -> bool:
    """True when a segment has a letter, digit or ideograph (not only punctuation/space)."""
    for ch in text:
        if ch.isalnum():
            return True
        cat = unicodedata.category(ch)
        if cat.startswith("L") or cat.startswith("N"):
            return True
    return False


class Term(NamedTuple):
    """One analyzed term and where it came from in the original text."""

    text: str
    start: int
    end: int


#: Values up to this length (titles, headings, tags) are analysed once and remembered: a
#: document's title is indexed again with every one of its sections.
_CACHED_CHARS = 64


def _spans(source: str) -> list[tuple[str, int, int]]:
    """Return (term, start, end) of the folded text ``source`` (see :func:`terms`)."""
    result: list[tuple[str, int, int]] = []
    append = result.append
    previous_number: tuple[str, int, int] | None = None
    import rjieba  # the segmenter loads its dictionary: imported at the first text segmented

    for word, start, end in rjieba.tokenize(source, mode="search"):
        if not word.isalnum():
            if not _is_word(word):
                if word.strip():
                    previous_number = None
                continue
            word = word.strip()
            if not word:
                continue
        append((word, start, end))
        if (
            previous_number is not None
            and not word.isascii()
            and start - previous_number[2] <= 1
            and not source[previous_number[2] : start].strip()
        ):
            number, number_start, _ = previous_number
            append((number + word, number_start, end))
        if "0" <= word[0] <= "9" and _NUMBER_RE.match(word):
            previous_number = (word, start, end)
        else:
            previous_number = None
    return result


@functools.lru_cache(maxsize=8192)
def _short_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(_spans(fold(text)))


def _analyse(text: str) -> Sequence[tuple[str, int, int]]:
    """Return the spans of unfolded ``text``, from the cache for short values."""
    if len(text) <= _CACHED_CHARS:
        return _short_spans(text)
    return _spans(fold(text))


def terms(text: str, *, folded: bool = False) -> list[Term]:
    """Segment text into search terms with offsets into the original text.

    Search mode gives the long words and the shorter words inside them. Runs of Latin letters
    and digits stay whole ("servqual", "360", "covid-19"); a number directly followed by a
    Chinese word also gives the joined term ("48小时", "360度").
    """
    if not text:
        return []
    spans = _spans(text) if folded else _analyse(text)
    return [Term(*span) for span in spans]


class ChineseTokenizer(Tokenizer):
    """Whoosh tokenizer around :func:`terms`."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ChineseTokenizer)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.text = fold(value)
            token.original = value  # type: ignore[attr-defined]
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        for pos, (text, start, end) in enumerate(_analyse(value) if value else ()):
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]  # type: ignore[attr-defined]
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token

    def counts(self, value: str) -> Counter[str]:
        """Return how often each term occurs in ``value`` (what indexing a text needs)."""
        return Counter([span[0] for span in _analyse(value)]) if value else Counter()


def chinese_analyzer() -> Analyzer:
    """Return the analyzer used for title, heading and body fields.

    A Whoosh tokenizer is a complete analyzer by itself: folding and lower-casing happen
    inside :func:`terms`, so no filter chain is needed.
    """
    return cast(Analyzer, ChineseTokenizer())
