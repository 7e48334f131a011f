"""Heading numbers of Chinese documents: 第一章 / 第1章 / 第一節, 1. / 1.1 / 1.1.1, 一、,
（一）/ (一), 1、, and Markdown ``#`` headings.

:func:`find_markers` finds every place a heading number may start; :class:`Sequence` says
whether a number continues the document's numbering (第二章 after 第一章, 1.2 after 1.1), which
is what lets headings be found in the middle of a flattened line of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "零〇一二两兩三四五六七八九十百"

#: kinds of heading numbers, from the highest level to the lowest
RANKS = ("h1", "h2", "h3", "h4", "h5", "h6", "chapter", "section", "cn", "cnp", "dn", "d1", "d2",
         "d3")

MARKER_RE = re.compile(
    rf"(?P<chapter>第\s*(?P<chn>[{_CN_NUM}\d]{{1,4}})\s*(?:章|篇|部分))"
    rf"|(?P<section>第\s*(?P<secn>[{_CN_NUM}\d]{{1,4}})\s*[節节])"
    rf"|(?P<cnp>[(（](?P<cnpn>[{_CN_NUM}]{{1,3}})[)）])"
    rf"|(?P<cn>(?P<cnn>[{_CN_NUM}]{{1,3}})、)"
    r"|(?P<dec>(?P<decn>\d{1,3}(?:[.．]\d{1,3}){0,2})(?P<decend>[.．、](?!\d))?)(?![\d.．])"
)


def chinese_number(text: str) -> int | None:
    """The value of a number written in Chinese numerals or digits (十二 → 12), None if not."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch not in "十百" for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_DIGITS[ch]
    return total + current


@dataclass(frozen=True)
class Marker:
    """A heading number found in the text.

    Attributes:
        rank: one of :data:`RANKS`.
        numbers: the numbers it carries (``(1, 2)`` for 1.2, ``(3,)`` for 第三章).
        start: offset of its first character; end: offset just after it.
    """

    rank: str
    numbers: tuple[int, ...]
    start: int
    end: int


def _is_word_char(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or char.isalpha()


def marker_at(match: re.Match[str]) -> Marker | None:
    """The heading number of one :data:`MARKER_RE` match (None when it reads as no number)."""
    start, end = match.start(), match.end()
    if match.group("chapter"):
        n = chinese_number(match.group("chn"))
        return Marker("chapter", (n,), start, end) if n else None
    if match.group("section"):
        n = chinese_number(match.group("secn"))
        return Marker("section", (n,), start, end) if n else None
    if match.group("cnp"):
        n = chinese_number(match.group("cnpn"))
        return Marker("cnp", (n,), start, end) if n else None
    if match.group("cn"):
        n = chinese_number(match.group("cnn"))
        return Marker("cn", (n,), start, end) if n else None
    parts = tuple(int(p) for p in re.split(r"[.．]", match.group("decn")))
    if len(parts) == 1:
        if not match.group("decend"):
            # a bare number is a heading number only as "1 總則" (space, then a word), the
            # chapters of a document numbered 1 / 1.1 / 1.1.1; the scanner wants 1.1 to follow
            after = match.string[end:end + 2]
            if len(after) == 2 and after[0] in " \u3000" and _is_word_char(after[1]):
                return Marker("dn", parts, start, end)
            return None
        return Marker("d1", parts, start, end)
    return Marker("d2" if len(parts) == 2 else "d3", parts, start, end)


def find_markers(text: str, start: int = 0, end: int | None = None) -> list[Marker]:
    """Every heading number in ``text[start:end]``; a decimal glued to digits before it
    (``1185221.1`` in a table of contents) is also tried without them."""
    out = []
    for match in MARKER_RE.finditer(text, start, len(text) if end is None else end):
        marker = marker_at(match)
        if marker is not None:
            out.append(marker)
    return out


def readings(marker: Marker) -> list[Marker]:
    """``marker`` and, for a decimal glued to digits before it, the same number without them
    (``221.1`` → ``21.1``, ``1.1``)."""
    out = [marker]
    if marker.rank not in ("d2", "d3"):
        return out
    digits = str(marker.numbers[0])
    for cut in range(1, len(digits)):
        first = int(digits[cut:])
        if first:
            out.append(Marker(marker.rank, (first, *marker.numbers[1:]), marker.start + cut,
                              marker.end))
    return out


class Sequence:
    """The numbering seen so far: which numbers may come next."""

    def __init__(self) -> None:
        self.last: dict[str, tuple[int, ...]] = {}
        self.order: list[str] = []

    def fits(self, marker: Marker) -> bool:
        """True when ``marker`` continues the numbering (next number, or 1 under a new parent)."""
        rank, numbers = marker.rank, marker.numbers
        if rank.startswith("h"):
            return True
        last = self.last.get(rank)
        if rank in ("d2", "d3"):
            parent = numbers[:-1]
            if last is not None and last[:-1] == parent and numbers[-1] == last[-1] + 1:
                return True
            if numbers[-1] != 1:
                return False
            if last is None:
                return self._parent_ok(parent)
            return parent > last[:-1] and self._parent_ok(parent)
        if last is not None and numbers[0] == last[0] + 1:
            return True
        return numbers[0] == 1 and (last is None or self._restarted(rank))

    def _parent_ok(self, parent: tuple[int, ...]) -> bool:
        chapter = (self.last.get("chapter") or self.last.get("dn") or self.last.get("d1")
                   or self.last.get("cn"))
        if len(parent) == 1:
            return chapter is None or parent[0] in (chapter[0], chapter[0] + 1)
        d2 = self.last.get("d2")
        return d2 is None or parent == d2 or parent[0] == d2[0] + 1

    def _restarted(self, rank: str) -> bool:
        """True when a higher kind of heading came after the last heading of ``rank``."""
        if rank not in self.order:
            return True
        position = len(self.order) - 1 - self.order[::-1].index(rank)
        return any(RANKS.index(r) < RANKS.index(rank) for r in self.order[position + 1:])

    def accept(self, marker: Marker) -> None:
        """Record ``marker`` as the latest heading of its kind."""
        self.last[marker.rank] = marker.numbers
        self.order.append(marker.rank)
        if marker.rank == "d2":
            self.last["d3"] = (*marker.numbers, 0)
        if marker.rank in ("chapter", "dn") and "d2" in self.last:
            self.last["d2"] = (marker.numbers[0], 0)
