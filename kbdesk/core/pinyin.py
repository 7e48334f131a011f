"""Pinyin keys for titles and headings, so ``kaichangbai`` or ``kcb`` finds 開場白."""

from __future__ import annotations

import functools

import rjieba
from pypinyin import lazy_pinyin

from kbdesk.core.textfold import fold

MAX_KEYS = 24


@functools.lru_cache(maxsize=16384)
def _word_pinyin(word: str) -> tuple[str, str] | None:
    if not any("\u4e00" <= ch <= "\u9fff" for ch in word):
        return None
    full = lazy_pinyin(word, errors="ignore")
    if not full:
        return None
    return "".join(full), "".join(syllable[0] for syllable in full if syllable)


def pinyin_keys(text: str) -> list[str]:
    """Return pinyin keys of a heading: full pinyin and initials from each word onwards.

    For 標準開場白 (words 标准 | 开场白): ``biaozhunkaichangbai``, ``kaichangbai``,
    ``bzkcb`` and ``kcb``. Searching by prefix then also finds ``kaichang``.
    """
    words = [w for w in rjieba.cut(fold(text)) if w.strip()]
    parts = [p for p in (_word_pinyin(w) for w in words) if p is not None]
    keys: dict[str, None] = {}
    for start in range(len(parts)):
        full = "".join(p[0] for p in parts[start:])
        initials = "".join(p[1] for p in parts[start:])
        if full:
            keys.setdefault(full, None)
        if len(initials) >= 3:
            keys.setdefault(initials, None)
        if len(keys) >= MAX_KEYS:
            break
    return list(keys)
