"""The exported site's search index: folded character bigrams and segmented words, in shards.

Every section of every document is one *entry*, numbered ``doc << SECTION_BITS | section``.
Its text is folded as the app folds it (tw2s, full-width, lower case) and turned into terms:

* every pair of neighbouring CJK characters (bigrams: any query of two or more characters is
  found, whatever the segmenter thinks),
* the words rjieba finds in search mode (longer words rank the entries that hold them higher),
* Latin words and numbers,
* the single characters of titles and headings (so a one-character query finds them), and in
  the text the characters the segmenter cuts alone (被偷 → 被 | 偷), stop words and spoken
  filler left out, as the app's index holds them.

Each term's postings ``[entry delta, term frequency, …]`` go into one of ``shards`` files
chosen by a hash of the term that ``search.js`` computes the same way, so a query loads only the
shards of its own terms. The browser weighs a posting as BM25 without length normalisation: idf
from the number of postings, the frequency saturated by ``k1``; titles and headings count
several times in the frequency. (Weighing in Python cost a loop over ten million postings of
the benchmark library; the browser only weighs the postings of the query's terms.)

The text for snippets is written in groups of ``TEXT_GROUP`` documents. Every file is a ``.js``
file calling ``KBSearch.load(name, data)``, because browsers refuse ``fetch()`` on ``file://``
pages but do run script tags.
"""

from __future__ import annotations

import itertools
import json
import math
import operator
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import rjieba

from kbdesk.core.exporters.site_tables import search_tables
from kbdesk.core.search.matching import FILLER_CHARS
from kbdesk.core.search.query import STOPWORDS
from kbdesk.core.text.folding import fold

#: entries per document are numbered in this many bits (later sections join the last one)
SECTION_BITS = 6
MAX_SECTIONS = 1 << SECTION_BITS
#: documents per text file
TEXT_GROUP = 16
#: aim for postings files of about this many bytes
SHARD_TARGET_BYTES = 48_000
MAX_SHARDS = 4096
#: how many times a title / heading counts, against once for body text
TITLE_WEIGHT = 4
HEADING_WEIGHT = 3
#: term frequency saturation of the browser's BM25 weight (search.js)
BM25_K1 = 1.2
FORMAT = 2

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN_RE = re.compile(r"[0-9a-z]+")


#: single characters never indexed alone: the query leaves them out (stop words, filler)
_LEFT_OUT = frozenset(STOPWORDS) | frozenset(FILLER_CHARS)


def term_hash(term: str) -> int:
    """FNV-1a (32 bits) over the term's code points; ``search.js`` has the same function."""
    value = 0x811C9DC5
    for ch in term:
        value ^= ord(ch)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


def cjk_bigrams(folded: str) -> list[str]:
    """Every pair of neighbouring CJK characters of a folded text."""
    return [run[i : i + 2] for run in _CJK_RE.findall(folded) for i in range(len(run) - 1)]


def text_terms(folded: str, words: set[str] | None = None, singles: bool = True) -> list[str]:
    """The terms of a folded body text: bigrams, segmented words (3+ chars), Latin words, and
    the characters the segmenter cuts alone (``singles``; not stop words or filler).

    ``words``: the segmented CJK words of two to four characters are added to it (the
    library's words, exported for the site's homophones and parts; see ``site_tables``).
    """
    terms = cjk_bigrams(folded)
    terms.extend(_LATIN_RE.findall(folded))
    for word, _start, _end in rjieba.tokenize(folded, mode="search"):
        if singles and len(word) == 1 and word not in _LEFT_OUT and _CJK_RE.fullmatch(word):
            # a character the segmenter cuts alone (被偷 → 被 | 偷) is a term, as in the app's
            # index: a query's single character finds the sections holding it so
            terms.append(word)
        elif len(word) >= 2 and _CJK_RE.fullmatch(word):
            if len(word) >= 3:
                terms.append(word)
            if words is not None and len(word) <= 4:
                words.add(word)
    return terms


def heading_terms(folded: str, words: set[str] | None = None) -> list[str]:
    """The terms of a title or heading: the text's terms plus its single CJK characters."""
    terms = text_terms(folded, words, singles=False)
    for run in _CJK_RE.findall(folded):
        terms.extend(run)
    return terms


@dataclass
class Entry:
    """One section as the site's search sees it."""

    number: int
    anchor: str
    heading: str
    text: str


@dataclass
class IndexedDocument:
    """One exported document: its page, what results show, and its entries."""

    number: int
    url: str
    title: str
    kind: str
    category: str
    entries: list[Entry] = field(default_factory=list)
    #: the editors' ``keywords:``: searched in the title entry, never shown
    keywords: tuple[str, ...] = ()
    #: the document's tags, for the ``tag:`` filter
    tags: tuple[str, ...] = ()


@dataclass
class SiteIndex:
    """The built index, as file name → JavaScript text."""

    files: dict[str, str]
    shards: int
    terms: int
    entries: int


def _js(name: str, data: object) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # document text stays text: no "</script>" or "<!--" even inside a string
    payload = payload.replace("<", "\\u003c")
    return f"KBSearch.load({json.dumps(name)},{payload});\n"


def _postings(docs: Iterable[IndexedDocument], words: set[str] | None = None
              ) -> tuple[dict[str, array[int]], int]:
    """Return term → ``array[entry, tf, entry, tf, …]`` (entries ascending) and the entry count.

    One flat array of machine integers per term keeps a 5,000-document library's ten million
    postings in tens of megabytes rather than gigabytes of Python objects. ``words``: collects
    the library's words (see :func:`text_terms`).
    """
    postings: dict[str, array[int]] = {}
    total = 0
    for doc in docs:
        title_terms = heading_terms(fold(doc.title), words)
        # every section's text holds the document's title once, as the app's entries do
        context_terms = text_terms(fold(doc.title))
        keyword_terms = [t for k in doc.keywords for t in heading_terms(fold(k), words)]
        for entry in doc.entries:
            bag = Counter(text_terms(fold(entry.text), words))
            for term in heading_terms(fold(entry.heading), words):
                bag[term] += HEADING_WEIGHT
            if entry.number & (MAX_SECTIONS - 1) == 0:
                for term in title_terms:
                    bag[term] += TITLE_WEIGHT
                for term in keyword_terms:  # as the app weighs them: like a heading's words
                    bag[term] += HEADING_WEIGHT
            else:
                bag.update(context_terms)
            number = entry.number
            for term, tf in bag.items():
                values = postings.get(term)
                if values is None:
                    postings[term] = array("I", (number, tf))
                else:
                    values.append(number)
                    values.append(tf)
            total += 1
    return postings, total


def _encode(values: array[int]) -> str:
    """``entry, tf, …`` → ``"delta,tf,…"`` (entry numbers as differences from the previous)."""
    entries = values[0::2]
    out = array("I", values)
    out[0::2] = array("I", map(operator.sub, entries, itertools.chain((0,), entries)))
    return ",".join(map(str, out))


def synonym_groups(groups: Iterable[Iterable[str]]) -> list[list[str]]:
    """The synonym groups as the browser uses them: folded, each word once, two or more words."""
    result: list[list[str]] = []
    for group in groups:
        words = list(dict.fromkeys(w for w in (fold(str(word)).strip() for word in group) if w))
        if len(words) > 1:
            result.append(words)
    return result


def filter_keys(docs: Iterable[IndexedDocument]) -> dict[str, dict[str, list[int]]]:
    """What the query filters read (``kind:``, ``category:``, ``tag:``): each folded value →
    the numbers of the documents holding it, as the app's index stores them."""
    keys: dict[str, dict[str, list[int]]] = {"kind": {}, "category": {}, "tag": {}}
    for doc in docs:
        values = [("kind", doc.kind), ("category", fold(doc.category)),
                  *(("tag", fold(tag)) for tag in dict.fromkeys(doc.tags))]
        for name, value in values:
            if value:
                keys[name].setdefault(value, []).append(doc.number)
    return keys


def build_index(
    docs: list[IndexedDocument],
    progress: Callable[[int, int], None] | None = None,
    synonyms: Iterable[Iterable[str]] = (),
) -> SiteIndex:
    """Build every search file of the site from the exported documents (in their order)."""
    synonyms = [list(group) for group in synonyms]
    words: set[str] = set()
    postings, total_entries = _postings(docs, words)
    size = sum(len(term) * 3 + 6 + 4 * len(values) for term, values in postings.items())
    shards = 1
    while size / shards > SHARD_TARGET_BYTES and shards < MAX_SHARDS:
        shards *= 2
    buckets: list[list[str]] = [[] for _ in range(shards)]
    for term in sorted(postings):
        buckets[term_hash(term) % shards].append(term)
    files: dict[str, str] = {}
    for number, terms in enumerate(buckets):
        body = ",".join(f"{json.dumps(term, ensure_ascii=False)}:[{_encode(postings[term])}]"
                        for term in terms)
        files[f"p{number}.js"] = f'KBSearch.load("p{number}",{{{body}}});\n'
    groups = max(1, math.ceil(len(docs) / TEXT_GROUP))
    for group in range(groups):
        chunk = docs[group * TEXT_GROUP : (group + 1) * TEXT_GROUP]
        data = [
            [d.number, d.url, d.title, d.kind, d.category,
             [[e.number & (MAX_SECTIONS - 1), e.anchor, e.heading, e.text] for e in d.entries]]
            for d in chunk
        ]
        files[f"t{group}.js"] = _js(f"t{group}", data)
        if progress is not None:
            progress(group + 1, groups)
    meta = {
        "format": FORMAT,
        "shards": shards,
        "textGroup": TEXT_GROUP,
        "sectionBits": SECTION_BITS,
        "documents": len(docs),
        "entries": total_entries,
        "k1": BM25_K1,
        # a term counted fewer times than this in an entry is in neither its title nor its
        # heading (search.js: where a pinyin word is found decides how well it matched)
        "placeWeight": min(TITLE_WEIGHT, HEADING_WEIGHT),
        "synonyms": synonym_groups(synonyms),
    }
    files["meta.js"] = _js("meta", meta)
    # the app's tables (thesauruses, crisis intents, spoken morphemes, the library's words and
    # the readings for homophones), loaded by search.js on the first search
    titles = [doc.title for doc in docs]
    headings = list(dict.fromkeys(e.heading for doc in docs for e in doc.entries if e.heading))
    tables = search_tables(synonyms, words, titles, headings)
    tables["documents"] = filter_keys(docs)
    files["apptables.js"] = _js("apptables", tables)
    return SiteIndex(files, shards, len(postings), total_entries)
