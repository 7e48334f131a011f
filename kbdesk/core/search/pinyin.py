"""Pinyin keys for titles and headings, so ``kaichangbai`` or ``kcb`` finds 開場白."""

from __future__ import annotations

import functools

import rjieba

from kbdesk.core.search.folding import fold

MAX_KEYS = 24


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


def pinyin_keys(text: str) -> tuple[list[str], list[str]]:
    """Return the pinyin keys of a heading: (full pinyin keys, initials keys).

    Each key starts at a word and runs to the end. For 標準開場白 (words 标准 | 开场白): full
    ``biaozhunkaichangbai`` and ``kaichangbai``, initials ``bzkcb`` and ``kcb``. Full keys are
    searched by prefix (``kaichang`` finds 開場白); initials only whole, since short letter runs
    would otherwise match almost anything.
    """
    words = [w for w in rjieba.cut(fold(text)) if w.strip()]
    parts = [p for p in (_word_pinyin(w) for w in words) if p is not None]
    full: dict[str, None] = {}
    initials: dict[str, None] = {}
    for start in range(min(len(parts), MAX_KEYS)):
        full.setdefault("".join(p[0] for p in parts[start:]), None)
        letters = "".join(p[1] for p in parts[start:])
        if len(letters) >= 3:
            initials.setdefault(letters, None)
    return [k for k in full if k], list(initials)
