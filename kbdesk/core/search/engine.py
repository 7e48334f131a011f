"""Running a parsed query against the index: AND first, OR fallback, filters, snippets.

Each query word is planned (:mod:`kbdesk.core.search.matching`): as typed, with the library's
synonyms and, for Latin letters, as pinyin; then with the service thesaurus; then as its parts.
Words are AND-ed, in stages: the words as typed first, thesaurus words when that fills no page,
parts when it still finds fewer than ``MIN_AND_HITS``. Then, for a query of several words, the
entries holding some of them follow. The candidates are put in order by
:mod:`kbdesk.core.search.ranking`; each hit says whether it holds every word and what a word
was found as. A query of filters alone lists the documents they match, newest first.
"""

from __future__ import annotations

import html
import itertools
import logging
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict, Unpack

from whoosh import query as wq
from whoosh.idsets import BitSet
from whoosh.searching import Hit

from kbdesk.core.library.model import Document, Kind, Status
from kbdesk.core.search.analyzer import terms
from kbdesk.core.search.crisis import crisis_entries
from kbdesk.core.search.index import SearchIndex
from kbdesk.core.search.matching import (
    PARTS,
    THESAURUS,
    TYPED,
    WEAK_DF,
    WordPlan,
    is_cjk,
    plan_word,
    weak_single_joins,
    word_terms,
)
from kbdesk.core.search.query import ParsedQuery
from kbdesk.core.search.ranking import (
    HitMatch,
    morphemes_close,
    only_morphemes,
    rank,
)
from kbdesk.core.search.snippets import make_snippet
from kbdesk.core.search.thesaurus import SynonymTable, spoken_morphemes
from kbdesk.core.text.folding import fold, fold_chars

__all__ = ["SearchHit", "SearchResult", "SynonymTable", "run_search", "word_query"]

log = logging.getLogger(__name__)

MIN_AND_HITS = 3
#: The page a search plans for, whatever ``limit`` asks: with at most this many hits asked for,
#: the same candidates are fetched and ranked, so the first hits never depend on the limit.
PAGE = 30
#: How many candidates Whoosh fetches per query, pool after pool: the first pool's ranking
#: is the head of every result list; a larger pool is read only when more hits are asked for
#: than the pools before found, and adds its hits after theirs. Fixed sizes, never the limit:
#: a pool sized by the limit ranked the same candidates differently for --limit 30 and 60
#: (issue 18, point 6). The last is large enough for the largest limit (500).
POOLS = (2 * PAGE, 8 * PAGE, 1000)
MIN_SINGLE_HITS = 20
MAX_FALLBACK_SUBSETS = 10
#: From this many words, the fallback scores each word once rather than each subset (each
#: word is in several subsets); fewer words read each word's entries too few times for it.
SCORE_ONCE_WORDS = 4
#: Sections of one document shown in the ranking; the document's other hits come after every
#: other document's and are folded under it in the app (issue 18, point 7).
SHOWN_PER_DOC = 2


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
    #: "all" when the hit holds every query word, "partial" when only some, "" when browsing
    match: str = ""
    #: the query words the hit holds, in query order
    words: list[str] = field(default_factory=list)
    #: query word → the text it was found as when not as typed (synonym, thesaurus word,
    #: parts, or the Chinese a pinyin query spelled), in the hit's own script
    expansions: dict[str, str] = field(default_factory=dict)
    #: the hit's place among the hits of its document (1 for the document's best hit)
    group_index: int = 1
    #: beyond the first SHOWN_PER_DOC hits of its document: the app shows it under the
    #: document (expandable), not in the ranking
    folded: bool = False

    @classmethod
    def of_document(cls, doc: Document) -> SearchHit:
        """A whole document as a hit, for lists without a query (browsing): no score, its
        summary (else its first words) as the snippet."""
        first = " ".join(doc.sections[0].body.split())[:90] if doc.sections else ""
        text = doc.summary or first
        return cls(doc.id, doc.title, "", "", doc.kind.value, doc.version, 0.0,
                   html.escape(text, quote=False), text, [], doc.path, doc.category,
                   doc.status.value, 0, tags=list(doc.tags))

    @property
    def found_as(self) -> str:
        """The texts the hit was found as instead of the words typed, e.g. "宕機、故障"."""
        return "、".join(dict.fromkeys(self.expansions.values()))

    @property
    def heading(self) -> str:
        """The hit's first line: "title › section" (the title alone for a whole document)."""
        return f"{self.title} › {self.section}" if self.anchor and self.section else self.title

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
            "match": self.match,
            "matched": list(self.words),
            "expansions": dict(self.expansions),
            "group": {"doc_id": self.doc_id, "index": self.group_index,
                      "folded": self.folded},
        }


@dataclass
class SearchResult:
    """The hits of one search and how they were found."""

    query: ParsedQuery
    hits: list[SearchHit]
    mode: str  # "and", "or" (fallback used), or "empty"
    highlight_terms: list[str] = field(default_factory=list)
    exact: int = 0  # how many of the hits match every word

    @property
    def partial(self) -> int:
        """How many hits hold only some of the words."""
        return sum(1 for hit in self.hits if hit.match == "partial")

    @property
    def gap(self) -> str | None:
        """Whether this search is a gap editors want to hear about (logged, reported): one
        rule for the desktop app and the command line.

        ``none`` when a search for some words found nothing, ``partial`` when it found only
        hits holding some of the words; None otherwise, also for a listing by filters alone
        and for an empty box.
        """
        if self.mode == "browse" or not self.query.raw.strip():
            return None
        if self.exact:
            return None
        return "partial" if self.hits else "none"


def _any_field(term: str) -> wq.Query:
    return wq.Term("text", term)


def word_query(word: str, synonyms: SynonymTable | None) -> tuple[wq.Query | None, list[str]]:
    """Build the query for one word with its synonyms; return it and the terms it looks for."""
    options: list[wq.Query] = []
    wanted: list[str] = []
    for alt in synonyms.expand(word) if synonyms else [word]:
        needed = word_terms(alt)
        if not needed:
            continue
        wanted.extend(needed)
        if len(needed) == 1:
            options.append(_any_field(needed[0]))
        else:
            options.append(wq.And([_any_field(t) for t in needed]))
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
    for phrase in parsed.exclude_phrases:  # the sections holding every word of the phrase
        needed = list(dict.fromkeys(t.text for t in terms(phrase, folded=True)))
        if needed:
            deny.append(wq.And([_any_field(t) for t in needed]))
    allow_q = None if not allow else (allow[0] if len(allow) == 1 else wq.And(allow))
    return allow_q, wq.Or(deny)


class SearchOptions(TypedDict, total=False):
    """What narrows a search: the keyword arguments every search call takes and passes on
    (``KnowledgeBase.search``/``search_as_of``, ``AsOfIndexes.search`` and
    :func:`run_search`, where the defaults are)."""

    #: only these kinds of document (none: every kind)
    kinds: Sequence[Kind]
    #: only these categories, or their subcategories (none: every category)
    categories: Sequence[str]
    #: at most this many hits (1-500; default 20)
    limit: int
    #: retired documents too
    include_retired: bool


def check_options(options: SearchOptions) -> None:
    """Raise TypeError for a keyword that is no search option (mypy checks it; this at run
    time, as a misspelt keyword argument would)."""
    unknown = sorted(set(options) - set(SearchOptions.__annotations__))
    if unknown:
        raise TypeError(f"unknown search option(s): {', '.join(unknown)}")


def run_search(
    index: SearchIndex,
    parsed: ParsedQuery,
    *,
    synonyms: SynonymTable | None = None,
    **options: Unpack[SearchOptions],
) -> SearchResult:
    """Search the index. Never raises for what the query says; index failures propagate.

    A query of filters alone (``tag:``, ``category:``, ``kind:``) lists the documents they
    match, newest first (see :func:`browse`).
    """
    check_options(options)
    limit = max(1, min(options.get("limit", 20), 500))
    kinds = options.get("kinds", ())
    categories = options.get("categories", ())
    include_retired = options.get("include_retired", False)
    if parsed.is_empty:
        if parsed.kinds or parsed.tags or parsed.categories:
            return browse(index, parsed, limit=limit, kinds=kinds, categories=categories,
                          include_retired=include_retired)
        return SearchResult(parsed, [], "empty")
    synonyms = synonyms or SynonymTable()
    allow, deny = _filters(parsed, kinds, include_retired, categories)

    with index.lock:
        searcher = index.searcher()
        plans = _plans(index, searcher, parsed.words, synonyms)
        # the words as typed and their synonyms first; thesaurus words if that fills no page,
        # parts if it still finds too little (see WordPlan.query)
        typed = [(plan, q) for plan in plans if (q := plan.query(TYPED)) is not None]
        highlight = [t for plan in plans for t in plan.highlight]
        phrase_queries: list[wq.Query] = []
        for phrase in parsed.phrases:
            needed = list(dict.fromkeys(t.text for t in terms(phrase, folded=True)))
            highlight.extend(needed)
            if needed:
                phrase_queries.append(wq.And([_any_field(t) for t in needed]))
        if not typed and not phrase_queries:
            return SearchResult(parsed, [], "empty")
        # the same filters as queries, evaluated once per searcher instead of once per search
        allow, deny = index.filter_docs(allow), index.filter_docs(deny)

        def find(queries: list[tuple[WordPlan, wq.Query]], stage: int,
                 fetch: int) -> list[tuple[Any, int]]:
            if not all(plan.found_by(stage) for plan, _ in queries):
                return []  # a word the index holds in no form: no entry has every word
            query = wq.And([q for _, q in queries] + phrase_queries)
            results = searcher.search(query, limit=fetch, filter=allow, mask=deny)
            full[0] = full[0] or results.scored_length() >= fetch
            # a word found by its morphemes holds them close together, or the entry does not
            # hold every word
            by_parts = [plan for plan, _ in queries if stage >= PARTS and only_morphemes(plan)]
            return [(hit, len(queries)) for hit in results if _phrases_ok(hit, parsed.phrases)
                    and (not by_parts or morphemes_close(hit, by_parts))]

        # a chunk that is one query word is found literally wherever the word is: only chunks
        # of several words can change the order
        chunks = [chunk for chunk in parsed.chunks if chunk not in parsed.words]

        #: whether a search of the last pool stopped at its fetch (a larger pool finds more)
        full = [False]

        def pool(fetch: int) -> tuple[str, list[tuple[Any, HitMatch]]]:
            """Fetch up to ``fetch`` candidates per Whoosh query and rank them."""
            full[0] = False
            word_queries = list(typed)
            ranked = find(word_queries, TYPED, fetch)
            for stage, enough in ((THESAURUS, PAGE), (PARTS, MIN_AND_HITS)):
                if len(ranked) < enough and any(plan.widens(stage) for plan, _ in word_queries):
                    word_queries = [(plan, plan.query(stage) or q) for plan, q in word_queries]
                    ranked = find(word_queries, stage, fetch)
            mode = "and"
            complete = len(ranked)
            if len(ranked) < MIN_AND_HITS and len(word_queries) > 1:
                mode = "or"
                seen = {hit.docnum for hit, _ in ranked}
                # in the fallback, parts stand in only for words the index does not hold at all
                # (words the index holds in no form are left out: they match nothing)
                fallback = [plan.query(PARTS if not plan.held else THESAURUS) or q
                            for plan, q in word_queries if plan.found_by(PARTS)]
                if fallback:
                    ranked.extend(
                        _fallback(searcher, fallback, phrase_queries,
                                  allow, deny, fetch, seen, parsed.phrases, len(word_queries),
                                  full)
                    )
            return mode, rank(ranked, [plan for plan, _ in word_queries], chunks, complete)
        wanted = set(highlight)
        crisis = crisis_entries(searcher, parsed.raw, allow, deny)
        wanted.update(via for _, (_, via) in crisis)
        taken = {hit.docnum for hit, _ in crisis}
        per_doc: dict[str, int] = {}
        ordered: list[tuple[Any, HitMatch]] = []
        mode = "and"
        for number, fetch in enumerate(POOLS):
            pool_mode, found = pool(fetch)
            mode = pool_mode if number == 0 else mode
            fresh = [pair for pair in found if pair[0].docnum not in taken]
            taken.update(pair[0].docnum for pair in fresh)
            ordered += _diversify(fresh, per_doc)
            if len(crisis) + len(ordered) >= limit or not full[0]:
                break  # enough hits, or every candidate was fetched: a larger pool adds none
        hits = [_crisis_hit(hit, via, said, number, wanted)
                for number, (hit, (said, via)) in enumerate(crisis)]
        hits += [_to_hit(hit, info, wanted)
                 for hit, info in ordered[:max(limit - len(hits), 0)]]
        hits = hits[:limit]
    _monotone(hits)
    group(hits)
    exact = sum(1 for hit in hits if hit.match == "all")
    return SearchResult(parsed, hits, mode, list(dict.fromkeys(highlight)), exact)


def _plans(
    index: SearchIndex, searcher: Any, words: Sequence[str], synonyms: SynonymTable
) -> list[WordPlan]:
    """Plan every query word: thesaurus phrases joined, weak single characters joined."""

    def doc_frequency(term: str) -> int:
        return int(searcher.doc_frequency("text", term))

    def weak(word: str) -> bool:
        if word in synonyms or not is_cjk(word):
            return False
        return min((doc_frequency(t) for t in word_terms(word)), default=0) < WEAK_DF

    def lookup(letters: str) -> dict[str, str]:
        return index.pinyin_map().lookup(letters)  # read on the first query in letters

    lexicon = _IndexWords(index)

    def planned(word: str) -> WordPlan:
        return plan_word(word, synonyms.alternatives(word), doc_frequency, lookup,
                         synonyms.expand, lexicon, spoken_morphemes())

    # a join that the index finds in no form is undone: 难听 | 骂 joined as 难听骂 (held
    # nowhere, its morphemes nowhere close) lost 骂, the word that decides the search
    by_word: dict[str, WordPlan] = {}
    for pieces in weak_single_joins(synonyms.join_known(words), weak):
        joined = "".join(pieces)
        if joined in by_word:
            continue
        plan = planned(joined)
        if len(pieces) > 1 and not _found_anywhere(searcher, plan):
            for piece in pieces:
                if piece not in by_word:
                    by_word[piece] = planned(piece)
        else:
            by_word[joined] = plan

    entries = max(int(searcher.doc_count()), 1)
    plans = []
    for plan in by_word.values():
        held = sum(doc_frequency(alt.needed[0]) for alt in plan.alternatives if alt.needed)
        plan.weight = math.log(1 + entries / max(1, min(held, entries)))
        plans.append(plan)
    return plans


#: Entries read to learn whether a word found only by its morphemes has them close anywhere.
FOUND_CHECK = 50


def _found_anywhere(searcher: Any, plan: WordPlan) -> bool:
    """True when some entry of the index holds the word in one of the forms it is looked for."""
    if any(alt.held for alt in plan.alternatives) or plan.pinyin or plan.pinyin_query is not None:
        return True
    if plan.morpheme_query is None:
        return False
    return any(morphemes_close(hit, [plan])
               for hit in searcher.search(plan.morpheme_query, limit=FOUND_CHECK))


#: The score of the first crisis entry: above any hit holding every word (1 to 1.1).
CRISIS_SCORE = 1.2


def _crisis_hit(hit: Any, via: str, said: str, number: int, wanted: set[str]) -> SearchHit:
    found = _to_hit(hit, None, wanted)
    found.score = CRISIS_SCORE - 0.01 * number
    found.match = "partial"
    found.expansions = _as_written({said: via}, hit.fields())
    return found


def group(hits: Sequence[SearchHit]) -> None:
    """Number each hit within its document; fold those beyond the first ``SHOWN_PER_DOC``."""
    seen: Counter[str] = Counter()
    for hit in hits:
        seen[hit.doc_id] += 1
        hit.group_index = seen[hit.doc_id]
        hit.folded = hit.group_index > SHOWN_PER_DOC


class _IndexWords:
    """The index's word table, read only when a query word the library lacks needs it."""

    def __init__(self, index: SearchIndex) -> None:
        self._index = index

    def homophones(self, word: str, held: Callable[[str], bool] | None = None) -> list[str]:
        return self._index.word_table().homophones(word, held)

    def holding(self, piece: str) -> list[str]:
        return self._index.word_table().holding(piece)


def _monotone(hits: list[SearchHit]) -> None:
    """Cap each score at the one above it (a hit moved down for variety keeps its order)."""
    for above, hit in itertools.pairwise(hits):
        if hit.score > above.score:
            hit.score = above.score


def browse(
    index: SearchIndex,
    parsed: ParsedQuery,
    *,
    limit: int = 20,
    kinds: Sequence[Kind] = (),
    categories: Sequence[str] = (),
    include_retired: bool = False,
) -> SearchResult:
    """List the documents the filters of ``parsed`` match, newest first (by effective date)."""
    allow, deny = _filters(parsed, kinds, include_retired, categories)
    with index.lock:
        searcher = index.searcher()
        allow, deny = index.filter_docs(allow), index.filter_docs(deny)
        results = searcher.search(wq.Every(), limit=None, scored=False, filter=allow, mask=deny)
        entries = [hit for hit in results if int(hit.get("level") or 0) == 0]
        entries.sort(key=lambda hit: (str(hit.get("effective") or ""),
                                      int(hit.get("version") or 1)), reverse=True)
        hits = []
        for hit in entries[:limit]:
            found = _to_hit(hit, None, set())
            found.score = 0.0
            hits.append(found)
    return SearchResult(parsed, hits, "browse")


def _phrases_ok(hit: object, phrases: Sequence[str]) -> bool:
    if not phrases:
        return True
    fields = hit.fields()  # type: ignore[attr-defined]
    haystack = "".join(
        fold(" ".join(str(fields.get(name, "")).split())).replace(" ", "")
        for name in ("title", "heading", "body")
    )
    return all(phrase.replace(" ", "") in haystack for phrase in phrases)


def _fallback(
    searcher: Any,
    word_queries: Sequence[wq.Query],
    phrase_queries: Sequence[wq.Query],
    allow: Any,
    deny: Any,
    fetch: int,
    seen: set[int],
    phrases: Sequence[str],
    words: int | None = None,
    full: list[bool] | None = None,
) -> list[tuple[Any, int]]:
    """Entries holding some of the words, with how many they hold, best scored first.

    One OR of all the words would score every entry holding any of them (thousands on a large
    library, walked in pure Python). Instead, level by level from all words but one down to
    two: the AND of each subset of that many words (intersections are cheap), or for long
    queries with many subsets, the entries counted per word without scoring and only those at
    the level scored. An entry is taken at the first level that finds it, so its level is the
    number of words it holds. Entries holding one word come from each word's own best hits:
    they are always looked for, since a hit holding only the query's rarest word may rank above
    one holding several common words (see :func:`kbdesk.core.search.ranking.coverage`).
    From ``SCORE_ONCE_WORDS`` words (without phrases), each word is searched and scored once and
    the subsets' and single words' hits are drawn from those scores: the same hits, in the same
    order, as one Whoosh search each, in fewer searches (each word is in several subsets).
    ``full[0]`` is set when a search stopped at its limit (a larger fetch would find more).
    """
    if allow is not None and not isinstance(allow, BitSet):
        allow = BitSet(searcher.docs_for_query(allow), size=searcher.doc_count_all())
    if allow is not None and not allow:
        return []  # the filters let nothing through (Whoosh reads an empty set as no filter)
    count = len(word_queries)
    # ``words``: the query's words, when some that match nothing were left out of word_queries
    levels = range(min(count, (words or count) - 1), 1, -1)
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
        results = searcher.search(query, limit=limit, filter=only, mask=deny)
        if full is not None and results.scored_length() >= limit:
            full[0] = True  # a larger fetch would find more
        for hit in results:
            if hit.docnum not in seen and _phrases_ok(hit, phrases):
                seen.add(hit.docnum)
                hits.append(hit)
        return hits

    # each word scored once (not once per subset holding it): an AND's score is the sum of its
    # words' scores, its entries those holding every word (not with phrases: they score too)
    scores: list[dict[int, float]] = []
    source: Any = None
    if by_subsets and count >= SCORE_ONCE_WORDS and not phrase_queries and not phrases:
        for query in word_queries:
            source = searcher.search(query, limit=None, filter=allow, mask=deny)
            scores.append({docnum: score or 0.0 for docnum, score in source.items()})

    def take_all(subset: Sequence[int], limit: int = fetch) -> list[Any]:
        """``take`` of the AND of these words, from the words' own scores."""
        docs = set(scores[subset[0]]).intersection(*(scores[i] for i in subset[1:]))
        # Whoosh's order: best score first, the lower document number first among equals
        best = sorted(((sum(scores[i][d] for i in subset), d) for d in docs),
                      key=lambda pair: (-pair[0], pair[1]))
        if full is not None and len(best) >= limit:
            full[0] = True
        hits = []
        for position, (score, docnum) in enumerate(best[:limit]):
            if docnum not in seen:
                seen.add(docnum)
                hits.append(Hit(source, docnum, position, score))
        return hits

    for level in levels:
        hits: list[Any] = []
        if by_subsets and scores:
            for numbers in itertools.combinations(range(count), level):
                hits.extend(take_all(numbers))
        elif by_subsets:
            for subset in itertools.combinations(word_queries, level):
                hits.extend(take(wq.And(list(subset)), allow))
        else:
            candidates = [docnum for docnum, n in counts.items() if n == level]
            if candidates:  # allow is already applied to the counts
                hits = take(any_word, BitSet(candidates, size=searcher.doc_count_all()))
        hits.sort(key=lambda hit: -(hit.score or 0.0))
        found.extend((hit, level) for hit in hits)
    singles: list[Any] = []
    single_limit = max(MIN_SINGLE_HITS, fetch // count)
    for number, query in enumerate(word_queries):
        # each word's best hits only: a short top list lets Whoosh skip whole blocks
        singles.extend(take_all([number], single_limit) if scores
                       else take(query, allow, single_limit))
    singles.sort(key=lambda hit: -(hit.score or 0.0))
    found.extend((hit, 1) for hit in singles)
    return found


def _diversify(ranked: list[tuple[Any, HitMatch]],
               per_doc: dict[str, int] | None = None) -> list[tuple[Any, HitMatch]]:
    """Keep at most SHOWN_PER_DOC hits of one document in the head of the list.

    ``per_doc``: the hits each document already has in the lists before this one (updated).
    """
    head: list[tuple[Any, HitMatch]] = []
    tail: list[tuple[Any, HitMatch]] = []
    per_doc = {} if per_doc is None else per_doc
    for pair in ranked:
        doc_id = pair[0]["doc_id"]
        per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
        (head if per_doc[doc_id] <= SHOWN_PER_DOC else tail).append(pair)
    return head + tail


def _to_hit(hit: Any, info: HitMatch | None, wanted: set[str]) -> SearchHit:
    fields = hit.fields()
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
        score=info.score if info is not None else float(hit.score or 0.0),
        snippet=snippet,
        snippet_text=snippet_text,
        marks=marks,
        path=fields.get("path", ""),
        category=fields.get("category_text", ""),
        status=fields.get("status", ""),
        level=int(fields.get("level") or 0),
        matched=info.level if info is not None else 0,
        tags=list(fields.get("tags_text") or []),
        match="" if info is None else ("all" if info.complete else "partial"),
        words=[] if info is None else info.matched,
        expansions={} if info is None else _as_written(info.expansions, fields),
    )


def _as_written(expansions: dict[str, str], fields: dict[str, Any]) -> dict[str, str]:
    """Show each expansion as the hit writes it (宕機, not the folded 宕机), where it can."""
    text = " ".join(str(fields.get(name) or "") for name in ("title", "heading", "body"))
    folded = fold_chars(text)
    out = {}
    for word, via in expansions.items():
        shown = []
        for piece in via.split("+"):
            at = folded.find(piece)
            shown.append(text[at : at + len(piece)] if at >= 0 else piece)
        out[word] = "+".join(shown)
    return out
