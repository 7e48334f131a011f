"""The library's own words, for the query words it lacks: homophones and words by character.

Built at index time from the index's lexicon (its Chinese words of two to four characters) and
kept in one JSON file beside the index (:class:`WordTable`):

- **words by character**: each character → the library's words holding it, so that a word the
  library lacks can be looked for as its meaning-bearing characters (补卡 → 补发 … 卡片).
- **readings**: every common character with its pinyin, folded with the fuzzy pairs pinyin
  input methods confuse (z/zh, c/ch, s/sh, n/l, an/ang, en/eng, in/ing), so that a
  query never needs the pinyin dictionaries (they take half a second to load).

A homophone of a word the library lacks is a library word that differs from it in exactly one
character, of a near pinyin: 投述 (tou shu) finds 投诉 (tou su). The candidates are made by
replacing one character at a time with the library's characters of a near reading, and each is
looked up in the index: a lookup per candidate, nothing stored per word. Two unrelated words
that merely sound alike (景点 and 经典: both characters differ) never meet.

A search looks any of this up only for a word the library does not hold (see
:mod:`kbdesk.core.search.matching`).
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from kbdesk.core.workstation.storage import atomic_write_text

log = logging.getLogger(__name__)

#: The table's format; a file of another version is read as empty and rebuilt.
TABLE_VERSION = 2
MIN_CHARS, MAX_CHARS = 2, 4
#: At most this many words are kept per character (the first ones seen, shortest first).
MAX_PER_CHAR = 200
#: At most this many candidate words are looked up for one homophone search.
MAX_CANDIDATES = 400
_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"))
_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


def fuzzy(syllable: str) -> str:
    """Fold a toneless pinyin syllable with the pairs input methods confuse (shu → su)."""
    s = syllable.lower().replace("ü", "v")
    for long, short in _INITIALS:
        if s.startswith(long):
            s = short + s[len(long):]
            break
    else:
        if s.startswith("l"):
            s = "n" + s[1:]
    for long, short in _FINALS:
        if s.endswith(long):
            s = s[: -len(long)] + short
            break
    return s


def _toneless(reading: str) -> str:
    decomposed = unicodedata.normalize("NFD", reading)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", plain).replace("ü", "v")


def is_han(text: str) -> bool:
    """True when every character is a CJK ideograph of the basic block."""
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" for ch in text)


class WordTable:
    """The library's words by character, and the fuzzy readings of their characters."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.chars: dict[str, list[str]] = {}
        self.readings: dict[str, list[str]] = {}
        self._by_reading: dict[str, list[str]] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def add(self, terms: Iterable[str]) -> bool:
        """Add the library's words among ``terms``; return whether any was new."""
        new = sorted({t for t in terms if MIN_CHARS <= len(t) <= MAX_CHARS and is_han(t)}
                     - self.words, key=lambda w: (len(w), w))
        if not new:
            return False
        # imported here: pypinyin's dictionary is only needed to build the table
        from pypinyin.pinyin_dict import pinyin_dict

        if not self.readings:  # every character's, so that a query's slip can be read too
            for code, readings in pinyin_dict.items():
                if 0x4E00 <= code <= 0x9FFF:
                    self.readings[chr(code)] = sorted(
                        {fuzzy(_toneless(r)) for r in str(readings).split(",") if r})
        for word in new:
            self.words.add(word)
            for ch in dict.fromkeys(word):
                holders = self.chars.setdefault(ch, [])
                if len(holders) < MAX_PER_CHAR:
                    holders.append(word)
        self._by_reading = None
        return True

    def _near(self) -> dict[str, list[str]]:
        if self._by_reading is None:
            by_reading: dict[str, list[str]] = {}
            for ch in self.chars:  # a homophone is a library word: made of library characters
                for syllable in self.readings.get(ch, ()):
                    by_reading.setdefault(syllable, []).append(ch)
            self._by_reading = by_reading
        return self._by_reading

    def homophones(self, word: str, held: Callable[[str], bool] | None = None) -> list[str]:
        """Words differing from ``word`` in one character of a near pinyin that ``held`` (the
        index holds it; by default: the table knows it) accepts."""
        if not is_han(word) or not MIN_CHARS <= len(word) <= MAX_CHARS:
            return []
        held = held or self.words.__contains__
        near = self._near()
        found: dict[str, None] = {}
        tried = 0
        for at, ch in enumerate(word):
            syllables = self.readings.get(ch, ())
            for other in sorted({c for s in syllables for c in near.get(s, ()) if c != ch}):
                candidate = word[:at] + other + word[at + 1:]
                tried += 1
                if tried > MAX_CANDIDATES:
                    return list(found)
                if held(candidate):
                    found[candidate] = None
        return list(found)

    def holding(self, piece: str) -> list[str]:
        """The library's words that hold ``piece`` (a character or a run of characters)."""
        if not piece:
            return []
        return [w for w in self.chars.get(piece[0], []) if piece in w]

    def save(self, path: Path) -> None:
        """Write the table (atomically) to ``path``."""
        by_reading: dict[str, str] = {}
        for ch, syllables in self.readings.items():
            for syllable in syllables:
                by_reading[syllable] = by_reading.get(syllable, "") + ch
        data = {"version": TABLE_VERSION, "chars": self.chars,
                "words": sorted(self.words - {w for ws in self.chars.values() for w in ws}),
                "readings": by_reading}
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    @classmethod
    def load(cls, path: Path) -> WordTable:
        """Read a table written by :meth:`save`; a missing or damaged file gives an empty one."""
        table = cls()
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("version") != TABLE_VERSION:
                raise ValueError(f"table version {data.get('version')}")
            table.chars = {str(k): [str(w) for w in v] for k, v in data["chars"].items()}
            for syllable, chars in data["readings"].items():
                for ch in str(chars):
                    table.readings.setdefault(ch, []).append(str(syllable))
            table.words = {str(w) for w in data["words"]}
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            log.info("word table %s not read: %s", path, exc)
            return cls()
        table.words.update(w for words in table.chars.values() for w in words)
        return table

