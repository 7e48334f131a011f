"""What counts as a search gap: a search editors want to hear about (logged, reported).

One rule for the desktop app and the command line: a search for some words (not a listing by
filters alone, not an empty box) that found nothing (``none``), or found only hits holding
some of the words (``partial``).
"""

from __future__ import annotations

from kbdesk.core.search.engine import SearchResult


def search_gap(result: SearchResult) -> str | None:
    """``none`` or ``partial`` when ``result`` is a gap (see the module docstring), else None."""
    if result.mode == "browse" or not result.query.raw.strip():
        return None
    if result.exact:
        return None
    return "partial" if result.hits else "none"
