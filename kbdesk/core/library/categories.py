"""Categories are the same across scripts: 話術 and 话术 are one category.

Categories are grouped by the Traditional/Simplified fold every domain shares
(:func:`kbdesk.core.text.folding.fold`), and each group is named by the library's own spelling:
the one most of its documents use, the first met on a tie. Search filters fold the category
already; these helpers make the lists (the app's category tree, the exported site) agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kbdesk.core.text.folding import fold


def category_spellings(categories: Iterable[str]) -> dict[str, str]:
    """Map every spelling of a category to the one the library lists it under.

    Args:
        categories: the category of each document, in the library's order (repeats count).
    """
    seen: list[str] = list(categories)
    counts = Counter(seen)
    first = {name: number for number, name in reversed(list(enumerate(seen)))}
    groups: dict[str, list[str]] = {}
    for name in first:
        groups.setdefault(fold(name), []).append(name)
    out: dict[str, str] = {}
    for names in groups.values():
        shown = min(names, key=lambda name: (-counts[name], first[name]))
        out.update(dict.fromkeys(names, shown))
    return out


def count_categories(categories: Iterable[str]) -> list[tuple[str, int]]:
    """(category, number of documents), one entry per category across scripts, sorted."""
    seen = list(categories)
    spelling = category_spellings(seen)
    return sorted(Counter(spelling[name] for name in seen).items())
