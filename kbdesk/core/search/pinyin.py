"""Pinyin keys for titles and headings, so ``kaichangbai``, ``kcb`` or ``ts`` finds them.

Indexing writes each entry's keys into the ``pinyin`` and ``initials`` fields and remembers,
for the whole index, which Chinese text each key stands for (:class:`PinyinMap`), so a search
for letters can also rank the sections whose body holds that text.
"""

from __future__ import annotations

import bisect
import functools
import json
import logging
from collections.abc import Iterable
from pathlib import Path

from kbdesk.core.text.folding import fold
from kbdesk.core.workstation.storage import atomic_write_text

log = logging.getLogger(__name__)

MAX_KEYS = 24
#: The Chinese text a key stands for is its first words only (a typed prefix rarely runs on).
MAP_WORDS = 3
#: At most this many Chinese texts are looked for per typed pinyin word.
MAX_CANDIDATES = 8
#: Initials are also kept for runs of up to this many words inside a title or heading.
MAX_RUN_WORDS = 3


@functools.lru_cache(maxsize=16384)
def _word_pinyin(word: str) -> tuple[str, str] | None:
    if not any("\u4e00" <= ch <= "\u9fff" for ch in word):
        return None
    # imported here: pypinyin's dictionaries take a tenth of a second to load, and searching
    # (as opposed to indexing) never needs them
    from pypinyin import lazy_pinyin

    full = lazy_pinyin(word, errors="ignore")
    if not full:
        return None
    return "".join(full), "".join(syllable[0] for syllable in full if syllable)


def pinyin_entries(text: str) -> list[tuple[str, str, str]]:
    """Return (key, "full" | "initials", Chinese text) for a title or heading.

    Each key starts at a word and runs to the end. For 標準開場白 (words 标准 | 开场白): full
    ``biaozhunkaichangbai`` and ``kaichangbai``, initials ``bzkcb`` and ``kcb``. Full keys are
    searched by prefix (``kaichang`` finds 開場白); initials only whole, since short letter runs
    would otherwise match almost anything. Initials of two letters are kept for a word of two
    syllables (投訴 → ``ts``), whether it starts a run or not, and initials of three letters or
    more for a run of up to ``MAX_RUN_WORDS`` words that ends inside the text (退貨款申請流程 →
    ``thk`` for 退货款).
    """
    import rjieba  # the segmenter loads its dictionary: imported at the first text segmented

    words = [w for w in rjieba.cut(fold(text)) if w.strip()]
    parts = [(w, p) for w, p in ((w, _word_pinyin(w)) for w in words) if p is not None]
    out: dict[tuple[str, str], str] = {}
    for start in range(min(len(parts), MAX_KEYS)):
        run = parts[start:]
        chinese = "".join(w for w, _ in run[:MAP_WORDS])
        full = "".join(p[0] for _, p in run)
        if full:
            out.setdefault((full, "full"), chinese)
        letters = "".join(p[1] for _, p in run)
        if len(letters) >= 3 or (len(letters) == 2 and len(run) == 1):
            out.setdefault((letters, "initials"), chinese)
        word, (_, initials) = parts[start]
        if len(initials) == 2:
            out.setdefault((initials, "initials"), word)
        # a word inside a longer title: the initials of a run of a few words that stops
        # before the end (退 | 货款 → ``thk`` in 退貨款申請流程)
        for end in range(start + 1, min(start + MAX_RUN_WORDS, len(parts))):
            inner = "".join(p[1] for _, p in parts[start:end])
            if len(inner) >= 3:
                out.setdefault((inner, "initials"), "".join(w for w, _ in parts[start:end]))
    return [(key, kind, chinese) for (key, kind), chinese in out.items()]


class PinyinMap:
    """Pinyin keys of an index → the Chinese text they stand for, kept in one JSON file."""

    def __init__(self, rows: Iterable[tuple[str, str, str]] = ()) -> None:
        self._rows: set[tuple[str, str, str]] = set(rows)
        self._full: list[tuple[str, str]] | None = None
        self._initials: dict[str, list[str]] | None = None
        self._loaded = False  # read from a file: the rows are in _full and _initials only

    def __contains__(self, row: object) -> bool:
        if not self._loaded:
            return row in self._rows
        if not isinstance(row, tuple) or len(row) != 3:
            return False
        key, kind, chinese = (str(part) for part in row)
        full, initials = self._sorted()
        if kind == "full":
            at = bisect.bisect_left(full, (key, chinese))
            return at < len(full) and full[at] == (key, chinese)
        return chinese in initials.get(key, ())

    def add(self, rows: Iterable[tuple[str, str, str]]) -> bool:
        """Remember more (key, kind, Chinese) rows; return whether any was new."""
        new = [row for row in set(rows) if row not in self]
        if not new:
            return False
        if self._loaded:
            full, initials = self._sorted()
            self._rows = {(k, "full", c) for k, c in full}
            self._rows.update((k, "initials", c) for k, cs in initials.items() for c in cs)
            self._loaded = False
        self._rows.update(new)
        self._full = self._initials = None
        return True

    def __len__(self) -> int:
        full, initials = self._sorted()
        return len(full) + sum(len(v) for v in initials.values())

    def _sorted(self) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
        if self._full is None or self._initials is None:
            self._full = sorted((k, c) for k, kind, c in self._rows if kind == "full")
            initials: dict[str, list[str]] = {}
            for key, kind, chinese in sorted(self._rows):
                if kind == "initials":
                    initials.setdefault(key, []).append(chinese)
            self._initials = initials
        return self._full, self._initials

    def lookup(self, letters: str) -> dict[str, str]:
        """Chinese texts ``letters`` may stand for → "full" (a pinyin prefix) or "initials"."""
        full, initials = self._sorted()
        found: dict[str, str] = {}
        if len(letters) >= 3:
            at = bisect.bisect_left(full, (letters, ""))
            matches = []
            while at < len(full) and full[at][0].startswith(letters):
                matches.append(full[at][1])
                at += 1
            # the shortest texts first: they are the words the letters spell, not whole headings
            for chinese in sorted(set(matches), key=lambda c: (len(c), c))[:MAX_CANDIDATES]:
                found[chinese] = "full"
        for chinese in initials.get(letters, [])[: MAX_CANDIDATES]:
            found.setdefault(chinese, "initials")
        return found

    def save(self, path: Path) -> None:
        """Write the map (atomically) to ``path``: {"full": [[key, text]…], "initials": {…}}."""
        full, initials = self._sorted()
        data = {"full": full, "initials": initials}
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    @classmethod
    def load(cls, path: Path) -> PinyinMap:
        """Read a map written by :meth:`save`; a missing or damaged file gives an empty map."""
        found = cls()
        try:
            data = json.loads(path.read_text("utf-8"))
            full = [(str(k), str(c)) for k, c in data["full"]]
            initials = {str(k): [str(c) for c in v] for k, v in data["initials"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            log.info("pinyin map %s not read: %s", path, exc)
            return found
        found._full, found._initials = full, initials
        found._loaded = True
        return found
