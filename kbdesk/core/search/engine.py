"""Running a parsed query against the index: AND first, OR fallback, filters, snippets.

Words are AND-ed. When that finds fewer than ``MIN_AND_HITS`` and the query has more than one
word, the words are OR-ed and the extra hits ranked by how many query words they match. Every
word is looked up with its synonyms and, for Latin letters, as a pinyin prefix (or whole
initials) of titles and headings.
"""

from __future__ import annotations

import html
import itertools
import logging
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq
from whoosh.idsets import BitSet

from kbdesk.core.library.model import Kind, Status
from kbdesk.core.search.analyzer import terms
from kbdesk.core.search.folding import fold, merge_spans
from kbdesk.core.search.index import SearchIndex
from kbdesk.core.search.query import ParsedQuery

log = logging.getLogger(__name__)

MIN_AND_HITS = 3
MIN_SINGLE_HITS = 20
MAX_FALLBACK_SUBSETS = 10
PER_DOC_HEAD = 3
SNIPPET_CHARS = 90


@dataclass
class SearchHit:
    """One result: a section (or a document's title entry) that matched.

    ``snippet`` is HTML-escaped text with matched terms wrapped in ``<mark>``; ``snippet_text`` is
    the same text unmarked and ``marks`` the (start, end) offsets of the matches in it.
    """

    doc_id: str
    title: str
    section: str
    anchor: str
    kind: str
    version: int
    score: float
    snippet: str
    snippet_text: str
    marks: list[tuple[int, int]]
    path: str
    category: str
    status: str
    level: int
    matched: int = 0
    tags: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """Return the hit as the JSON the CLI prints."""
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "section": self.section,
            "anchor": self.anchor,
            "kind": self.kind,
            "version": self.version,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "snippet_text": self.snippet_text,
            "marks": [list(m) for m in self.marks],
            "path": self.path,
            "category": self.category,
            "status": self.status,
        }


@dataclass
class SearchResult:
    """The hits of one search and how they were found."""

    query: ParsedQuery
    hits: list[SearchHit]
    mode: str  # "and", "or" (fallback used), or "empty"
    highlight_terms: list[str] = field(default_factory=list)
    exact: int = 0  # how many of the hits match every word


class SynonymTable:
    """Folded synonym groups from ``library.yaml``: word → every word of its groups."""

    def __init__(self, groups: Sequence[Sequence[str]] = ()) -> None:
        self._map: dict[str, list[str]] = {}
        for group in groups:
            words = list(dict.fromkeys(fold(w).strip() for w in group if w.strip()))
            for word in words:
                merged = self._map.setdefault(word, [word])
                for other in words:
                    if other not in merged:
                        merged.append(other)

    def expand(self, word: str) -> list[str]:
        """Return the word and its synonyms (the word first)."""
        return self._map.get(word, [word])

    def __len__(self) -> int:
        return len(self._map)


def _any_field(term: str) -> wq.Query:
    return wq.Term("text", term)


def _word_terms(word: str) -> tuple[list[str], bool]:
    """Return the index terms a query word needs, and whether the word itself is one."""
    found = [t.text for t in terms(word, folded=True)]
    if word in found:
        return [word], True
    return list(dict.fromkeys(found)), False


def word_query(word: str, synonyms: SynonymTable | None) -> tuple[wq.Query | None, list[str]]:
    """Build the query for one word with its synonyms; return it and the terms it looks for."""
    options: list[wq.Query] = []
    wanted: list[str] = []
    for alt in synonyms.expand(word) if synonyms else [word]:
        needed, _ = _word_terms(alt)
        if not needed:
            continue
        wanted.extend(needed)
        if len(needed) == 1:
            options.append(_any_field(needed[0]))
        else:
            options.append(wq.And([_any_field(t) for t in needed]))
        if alt.isascii() and alt.isalpha() and len(alt) >= 3:
            options.append(wq.Prefix("pinyin", alt))
            options.append(wq.Term("initials", alt))
    if not options:
        return None, wanted
    return (options[0] if len(options) == 1 else wq.Or(options)), wanted


def _filters(
    parsed: ParsedQuery, kinds: Sequence[Kind], include_retired: bool, categories: Sequence[str]
) -> tuple[wq.Query | None, wq.Query | None]:
    allow: list[wq.Query] = []
    all_kinds = list(dict.fromkeys([*parsed.kinds, *kinds]))
    if all_kinds:
        allow.append(wq.Or([wq.Term("kind", k.value) for k in all_kinds]))
    cats = [*parsed.categories, *(fold(c) for c in categories)]
    if cats:
        allow.append(wq.Or([wq.Term("category", c) for c in cats]))
    for tag in parsed.tags:
        allow.append(wq.Term("tagset", tag))
    deny: list[wq.Query] = [wq.Term("status", Status.DRAFT.value)]
    if not include_retired:
        deny.append(wq.Term("status", Status.RETIRED.value))
    for word in parsed.excludes:
        query, _ = word_query(word, None)
        if query is not None:
            deny.append(query)
    allow_q = None if not allow else (allow[0] if len(allow) == 1 else wq.And(allow))
    return allow_q, wq.Or(deny)


def _marks(text: str, wanted: set[str]) -> list[tuple[int, int]]:
    return merge_spans((t.start, t.end) for t in terms(text) if t.text in wanted)


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


def run_search(
    index: SearchIndex,
    parsed: ParsedQuery,
    *,
    synonyms: SynonymTable | None = None,
    limit: int = 20,
    kinds: Sequence[Kind] = (),
    categories: Sequence[str] = (),
    include_retired: bool = False,
) -> SearchResult:
    """Search the index. Never raises for what the query says; index failures propagate."""
    if parsed.is_empty:
        return SearchResult(parsed, [], "empty")
    limit = max(1, min(limit, 500))
    word_queries: list[tuple[str, wq.Query, list[str]]] = []
    highlight: list[str] = []
    for word in parsed.words:
        query, wanted = word_query(word, synonyms)
        if query is not None:
            word_queries.append((word, query, wanted))
            highlight.extend(wanted)
    phrase_queries: list[wq.Query] = []
    for phrase in parsed.phrases:
        needed = list(dict.fromkeys(t.text for t in terms(phrase, folded=True)))
        highlight.extend(needed)
        if needed:
            phrase_queries.append(wq.And([_any_field(t) for t in needed]))
    if not word_queries and not phrase_queries:
        return SearchResult(parsed, [], "empty")
    allow, deny = _filters(parsed, kinds, include_retired, categories)
    wanted_set = set(highlight)
    fetch = max(limit * 3, 60)

    with index.lock:
        searcher = index.searcher()
        # the same filters as queries, evaluated once per searcher instead of once per search
        allow, deny = index.filter_docs(allow), index.filter_docs(deny)
        and_query = wq.And([q for _, q, _ in word_queries] + phrase_queries)
        # matched terms are only read for OR hits (_matched_words): not collected here
        results = searcher.search(and_query, limit=fetch, filter=allow, mask=deny)
        ranked = [(hit, len(word_queries)) for hit in results if _phrases_ok(hit, parsed.phrases)]
        mode = "and"
        exact = len(ranked)
        if len(ranked) < MIN_AND_HITS and len(word_queries) > 1:
            mode = "or"
            seen = {hit.docnum for hit, _ in ranked}
            ranked.extend(
                _fallback(searcher, [q for _, q, _ in word_queries], phrase_queries,
                          allow, deny, fetch, seen, parsed.phrases)
            )
        # a chunk that is one query word is found literally wherever the word is: only chunks
        # of several words can change the order
        chunks = [chunk for chunk in parsed.chunks if chunk not in parsed.words]
        if chunks:
            ranked = _literal_first(ranked, chunks)
        hits = [_to_hit(hit, matched, wanted_set) for hit, matched in _diversify(ranked, limit)]
    return SearchResult(parsed, hits, mode, list(dict.fromkeys(highlight)), min(exact, len(hits)))


def _phrases_ok(hit: object, phrases: Sequence[str]) -> bool:
    if not phrases:
        return True
    fields = hit.fields()  # type: ignore[attr-defined]
    haystack = "".join(
        fold(" ".join(str(fields.get(name, "")).split())).replace(" ", "")
        for name in ("title", "heading", "body")
    )
    return all(phrase.replace(" ", "") in haystack for phrase in phrases)


def _haystack(hit: Any) -> str:
    fields = hit.fields()
    text = "".join(str(fields.get(name, "")) for name in ("title", "heading", "body"))
    return "".join(filter(str.isalnum, fold(text)))


def _literal_first(ranked: list[tuple[Any, int]], chunks: Sequence[str]) -> list[tuple[Any, int]]:
    """Move hits that hold a typed chunk literally (as one run of text) ahead, stably.

    Segmentation can split a remembered fragment such as 我已经查到 differently in the query
    and in the text; the literal run is the surest sign of the section the agent remembers.
    """
    haystacks = [_haystack(hit) for hit, _ in ranked]
    scored = [(sum(chunk in text for chunk in chunks), i) for i, text in enumerate(haystacks)]
    if not any(count for count, _ in scored):
        return ranked
    order = sorted(scored, key=lambda pair: (-pair[0], pair[1]))
    return [ranked[i] for _, i in order]


def _fallback(
    searcher: Any,
    word_queries: Sequence[wq.Query],
    phrase_queries: Sequence[wq.Query],
    allow: Any,
    deny: Any,
    fetch: int,
    seen: set[int],
    phrases: Sequence[str],
) -> list[tuple[Any, int]]:
    """Entries holding some of the words, ranked by how many they hold, then by score.

    One OR of all the words would score every entry holding any of them (thousands on a large
    library, walked in pure Python). Instead, level by level from all words but one down to
    two: the AND of each subset of that many words (intersections are cheap), or for long
    queries with many subsets, the entries counted per word without scoring and only those at
    the level scored. An entry is taken at the first level that finds it, so its level is the
    number of words it holds. Entries holding one word come from each word's own best hits.
    """
    if allow is not None and not isinstance(allow, BitSet):
        allow = BitSet(searcher.docs_for_query(allow), size=searcher.doc_count_all())
    if allow is not None and not allow:
        return []  # the filters let nothing through (Whoosh reads an empty set as no filter)
    count = len(word_queries)
    levels = range(count - 1, 1, -1)
    by_subsets = sum(math.comb(count, level) for level in levels) <= MAX_FALLBACK_SUBSETS
    counts: Counter[int] = Counter()
    if not by_subsets:
        counts.update(
            docnum
            for query in word_queries
            for docnum in searcher.docs_for_query(query)
            if allow is None or docnum in allow
        )
    any_word: wq.Query = wq.Or(list(word_queries))
    found: list[tuple[Any, int]] = []

    def take(query: wq.Query, only: Any, limit: int = fetch) -> list[Any]:
        if phrase_queries:
            query = wq.And([query, *phrase_queries])
        hits = []
        for hit in searcher.search(query, limit=limit, filter=only, mask=deny):
            if hit.docnum not in seen and _phrases_ok(hit, phrases):
                seen.add(hit.docnum)
                hits.append(hit)
        return hits

    for level in levels:
        hits: list[Any] = []
        if by_subsets:
            for subset in itertools.combinations(word_queries, level):
                hits.extend(take(wq.And(list(subset)), allow))
        else:
            candidates = [docnum for docnum, n in counts.items() if n == level]
            if candidates:  # allow is already applied to the counts
                hits = take(any_word, BitSet(candidates, size=searcher.doc_count_all()))
        hits.sort(key=lambda hit: -(hit.score or 0.0))
        found.extend((hit, level) for hit in hits)
        if len(found) >= fetch:
            return found
    singles: list[Any] = []
    single_limit = max(MIN_SINGLE_HITS, fetch // count)
    for query in word_queries:
        # each word's best hits only: a short top list lets Whoosh skip whole blocks
        singles.extend(take(query, allow, single_limit))
    singles.sort(key=lambda hit: -(hit.score or 0.0))
    found.extend((hit, 1) for hit in singles)
    return found


def _diversify(ranked: list[tuple[object, int]], limit: int) -> list[tuple[object, int]]:
    """Keep at most PER_DOC_HEAD hits of one document in the head of the list."""
    head: list[tuple[object, int]] = []
    tail: list[tuple[object, int]] = []
    per_doc: dict[str, int] = {}
    for pair in ranked:
        doc_id = pair[0]["doc_id"]  # type: ignore[index]
        per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
        (head if per_doc[doc_id] <= PER_DOC_HEAD else tail).append(pair)
    return (head + tail)[:limit]


def _to_hit(hit: object, matched: int, wanted: set[str]) -> SearchHit:
    fields = hit.fields()  # type: ignore[attr-defined]
    body = fields.get("body") or ""
    if not body and fields.get("level") == 0:
        body = fields.get("title", "")
    snippet, snippet_text, marks = make_snippet(body, wanted)
    return SearchHit(
        doc_id=fields["doc_id"],
        title=fields.get("title", ""),
        section=fields.get("heading", ""),
        anchor=fields.get("anchor", ""),
        kind=fields.get("kind", ""),
        version=int(fields.get("version") or 1),
        score=float(hit.score or 0.0),  # type: ignore[attr-defined]
        snippet=snippet,
        snippet_text=snippet_text,
        marks=marks,
        path=fields.get("path", ""),
        category=fields.get("category_text", ""),
        status=fields.get("status", ""),
        level=int(fields.get("level") or 0),
        matched=matched,
        tags=list(fields.get("tags_text") or []),
    )
