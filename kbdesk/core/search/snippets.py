"""Snippets: the window of a hit's text shown under its heading, with the matched words marked."""

from __future__ import annotations

import html

from kbdesk.core.text.folding import fold, fold_chars, merge_spans

SNIPPET_CHARS = 90


def _marks(text: str, wanted: set[str]) -> list[tuple[int, int]]:
    """Where the wanted terms occur in ``text`` (folded, so any script matches).

    Terms are found as substrings: a single character is marked only where no longer term is,
    so a query word such as 查 does not light up every 查 of a paragraph that holds 快递.
    """
    folded = fold_chars(text)
    spans: list[tuple[int, int]] = []
    for size_one in (False, True):
        for term in wanted:
            if (len(term) == 1) != size_one or not term.strip():
                continue
            at = folded.find(term)
            while at >= 0:
                spans.append((at, at + len(term)))
                at = folded.find(term, at + len(term))
        if spans:
            break
    return merge_spans(spans)


def make_snippet(
    text: str, wanted: set[str], width: int = SNIPPET_CHARS
) -> tuple[str, str, list[tuple[int, int]]]:
    """Cut the best window of ``text`` around matched terms.

    Returns:
        (html with <mark>, plain window text, mark offsets in the window)
    """
    text = " ".join(text.split())
    spans = _marks(text, wanted)
    if not spans:
        window = text[:width]
        suffix = "…" if len(text) > width else ""
        return html.escape(window) + suffix, window + suffix, []
    best_start, best_score = 0, -1
    for i, (start, _) in enumerate(spans):
        lo = max(0, start - width // 4)
        inside = {text[s:e] for s, e in spans[i:] if e <= lo + width}
        score = len({fold(x) for x in inside})
        if score > best_score:
            best_start, best_score = lo, score
    lo = best_start
    if lo > 0:
        # start at a sentence or clause boundary when one is close
        for k in range(lo, max(-1, lo - 12), -1):
            if k == 0 or text[k - 1] in "。！？；，、.!?;, ":
                lo = k
                break
    hi = min(len(text), lo + width)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    window = text[lo:hi]
    local = [(s - lo, e - lo) for s, e in spans if s >= lo and e <= hi]
    parts: list[str] = []
    cursor = 0
    for s, e in local:
        parts.append(html.escape(window[cursor:s]))
        parts.append(f"<mark>{html.escape(window[s:e])}</mark>")
        cursor = e
    parts.append(html.escape(window[cursor:]))
    shift = len(prefix)
    return (
        prefix + "".join(parts) + suffix,
        prefix + window + suffix,
        [(s + shift, e + shift) for s, e in local],
    )
