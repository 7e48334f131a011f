"""Duplicates: is a planned document's text one the library (or the same import) has already?

Texts are compared by a fingerprint: front matter and heading marks dropped, folded to
Simplified, punctuation and spaces removed. The same fingerprint is a duplicate; so is one that
shares four fifths of its sampled 6-character shingles with a text of about the same length (a copy
with a changed word or two).
"""

from __future__ import annotations

import re
import zlib

from kbdesk.core.text.folding import fold

MIN_CHARS = 20  # shorter texts are not compared
SAMPLED = 100_000  # near-duplicates are judged on the first characters of long texts


def fingerprint(text: str) -> str:
    """The letters of a document's body, folded, without marks, spaces or punctuation."""
    body = text
    if body.startswith("---"):
        end = body.find("\n---", 3)
        body = body[end + 4:] if end > 0 else body
    body = re.sub(r"(?m)^#{1,6}\s*", "", body)
    return re.sub(r"[\W_]+", "", fold(body))


def shingles(text: str, size: int = 6, keep: int = 3) -> set[int]:
    """Hashes of the ``size``-character runs of ``text`` (its first ``SAMPLED`` characters),
    one in ``keep`` chosen by the hash itself (so a word added or dropped does not shift which
    runs are kept)."""
    text = text[:SAMPLED]
    # a stable hash: str hashes change from one process to the next (PYTHONHASHSEED), and
    # with them which runs are kept, so the same two texts could match in one run and not in
    # the next
    runs = {zlib.crc32(text[i:i + size].encode("utf-8"))
            for i in range(max(1, len(text) - size + 1))}
    sample = {h for h in runs if h % keep == 0}
    return sample or runs


class KnownTexts:
    """Texts a new document may duplicate, by a name (a library path).

    Args:
        texts: name -> document text (front matter allowed).
    """

    def __init__(self, texts: dict[str, str] | None = None) -> None:
        self._known: dict[str, tuple[str, set[int]]] = {}
        for name, text in (texts or {}).items():
            self.add(name, text)

    def add(self, name: str, text: str) -> None:
        """Remember ``text`` under ``name`` (too short a text is ignored)."""
        mark = fingerprint(text)
        if len(mark) >= MIN_CHARS:
            self._known[name] = (mark, shingles(mark))

    def match(self, text: str, *, add_as: str = "") -> str | None:
        """The name of a known text ``text`` duplicates, or None; with ``add_as``, remember
        ``text`` under that name afterwards."""
        mine = fingerprint(text)
        if len(mine) < MIN_CHARS:
            return None
        own = shingles(mine)
        found = self._match(mine, own)
        if add_as:
            self._known[add_as] = (mine, own)
        return found

    def _match(self, mine: str, own: set[int]) -> str | None:
        for name, (theirs, their_shingles) in self._known.items():
            if mine == theirs:
                return name
            small, large = sorted((own, their_shingles), key=len)
            if small and len(small) >= 0.7 * len(large) and len(small & large) >= 0.8 * len(small):
                return name
        return None
