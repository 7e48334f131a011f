"""The library's own words, for the query words it lacks: homophones and words by character.

Built at index time from the index's lexicon (its Chinese words of two to four characters) and
kept in one JSON file beside the index (:class:`WordTable`):

- **homophone keys**: a word with one character replaced by that character's pinyin, folded
  with the fuzzy pairs pinyin input methods confuse (z/zh, c/ch, s/sh, n/l, an/ang, en/eng,
  in/ing). 投诉 gives ``投·su`` and ``·tou诉``; the slip 投述 gives ``投·su`` too, so it finds
  投诉. Only one character may differ: two unrelated words that merely sound alike (景点 and
  经典) never meet.
- **words by character**: each character → the library's words holding it, so that a word the
  library lacks can be looked for as its meaning-bearing characters (补卡 → 补发 … 卡片).
- **readings**: every common character's fuzzy pinyin, so that a query never needs the pinyin
  dictionaries (they take half a second to load).

A search looks any of this up only for a word the library does not hold (see
:mod:`kbdesk.core.search.matching`).
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from kbdesk.core.workstation.storage import atomic_write_text

log = logging.getLogger(__name__)

#: The table's format; a file of another version is read as empty and rebuilt.
TABLE_VERSION = 1
MIN_CHARS, MAX_CHARS = 2, 4
#: At most this many words are kept per character (the first ones seen, shortest first).
MAX_PER_CHAR = 200
_MARK = "·"
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


def homophone_keys(word: str, syllables: Iterable[Iterable[str]]) -> set[str]:
    """Keys of ``word``: each character in turn replaced by one of its fuzzy syllables."""
    keys = set()
    for at, options in enumerate(syllables):
        for syllable in options:
            keys.add(f"{word[:at]}{_MARK}{syllable}{_MARK}{word[at + 1:]}")
    return keys


class WordTable:
    """The library's words by homophone key and by character, with character readings."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.keys: dict[str, list[str]] = {}
        self.chars: dict[str, list[str]] = {}
        self.readings: dict[str, list[str]] = {}

    def __len__(self) -> int:
        return len(self.words)

    def add(self, terms: Iterable[str]) -> bool:
        """Add the library's words among ``terms``; return whether any was new."""
        new = sorted({t for t in terms if MIN_CHARS <= len(t) <= MAX_CHARS and is_han(t)}
                     - self.words, key=lambda w: (len(w), w))
        if not new:
            return False
        # imported here: pypinyin's dictionaries are only needed to build the table
        from pypinyin import lazy_pinyin
        from pypinyin.pinyin_dict import pinyin_dict

        if not self.readings:
            for code, readings in pinyin_dict.items():
                if 0x4E00 <= code <= 0x9FFF:
                    self.readings[chr(code)] = sorted(
                        {fuzzy(_toneless(r)) for r in readings.split(",") if r})
        for word in new:
            self.words.add(word)
            spoken = lazy_pinyin(word, errors="ignore")
            if len(spoken) == len(word):
                for key in homophone_keys(word, [[fuzzy(s)] for s in spoken]):
                    self.keys.setdefault(key, []).append(word)
            for ch in dict.fromkeys(word):
                holders = self.chars.setdefault(ch, [])
                if len(holders) < MAX_PER_CHAR:
                    holders.append(word)
        return True

    def homophones(self, word: str) -> list[str]:
        """The library's words that differ from ``word`` in one character of a near pinyin."""
        if not is_han(word) or not MIN_CHARS <= len(word) <= MAX_CHARS:
            return []
        found: dict[str, None] = {}
        options = [self.readings.get(ch, []) for ch in word]
        for key in sorted(homophone_keys(word, options)):
            for other in self.keys.get(key, []):
                if other != word:
                    found[other] = None
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
        data = {"version": TABLE_VERSION, "keys": self.keys, "chars": self.chars,
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
            table.keys = {str(k): [str(w) for w in v] for k, v in data["keys"].items()}
            table.chars = {str(k): [str(w) for w in v] for k, v in data["chars"].items()}
            for syllable, chars in data["readings"].items():
                for ch in str(chars):
                    table.readings.setdefault(ch, []).append(str(syllable))
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            log.info("word table %s not read: %s", path, exc)
            return cls()
        table.words = {w for words in (*table.chars.values(), *table.keys.values())
                       for w in words}
        return table
