"""The exported site's search index: folded character bigrams and segmented words, in shards.

Every section of every document is one *entry*, numbered ``doc << SECTION_BITS | section``.
Its text is folded as the app folds it (tw2s, full-width, lower case) and turned into terms:

* every pair of neighbouring CJK characters (bigrams: any query of two or more characters is
  found, whatever the segmenter thinks),
* the words rjieba finds in search mode (longer words rank the entries that hold them higher),
* Latin words and numbers,
* the single characters of titles and headings (so a one-character query finds them).

Each term's postings ``[entry delta, weight, …]`` go into one of ``shards`` files chosen by a
hash of the term that ``search.js`` computes the same way, so a query loads only the shards of
its own terms. The weights are BM25 term weights (idf included), headings and titles counted
several times. The text for snippets is written in groups of ``TEXT_GROUP`` documents. Every
file is a ``.js`` file calling ``KBSearch.load(name, data)``, because browsers refuse
``fetch()`` on ``file://`` pages but do run script tags.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import rjieba

from kbdesk.core.text.folding import fold

#: entries per document are numbered in this many bits (later sections join the last one)
SECTION_BITS = 6
MAX_SECTIONS = 1 << SECTION_BITS
#: documents per text file
TEXT_GROUP = 16
#: aim for postings files of about this many bytes
SHARD_TARGET_BYTES = 48_000
#: how many times a title / heading counts, against once for body text
TITLE_WEIGHT = 4
HEADING_WEIGHT = 3
BM25_K1 = 1.2
BM25_B = 0.75
FORMAT = 1

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN_RE = re.compile(r"[0-9a-z]+")


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


def text_terms(folded: str) -> list[str]:
    """The terms of a folded body text: bigrams, segmented words (3+ chars), Latin words."""
    terms = cjk_bigrams(folded)
    terms.extend(_LATIN_RE.findall(folded))
    for word, _start, _end in rjieba.tokenize(folded, mode="search"):
        if len(word) >= 3 and _CJK_RE.fullmatch(word):
            terms.append(word)
    return terms


def heading_terms(folded: str) -> list[str]:
    """The terms of a title or heading: the text's terms plus its single CJK characters."""
    terms = text_terms(folded)
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


def _postings(docs: Iterable[IndexedDocument]) -> tuple[dict[str, list[int]], int]:
    """Return term → ``[entry delta, weight, entry delta, weight, …]`` and the entry count.

    Entries are taken in number order, so each term's entries are ascending and stored as the
    difference from the previous one (smaller files). Weights are BM25 (idf included) × 100.
    """
    counts: list[tuple[int, Counter[str], int]] = []
    for doc in docs:
        title_terms = heading_terms(fold(doc.title))
        for entry in doc.entries:
            bag: Counter[str] = Counter()
            for term in title_terms if entry.number & (MAX_SECTIONS - 1) == 0 else ():
                bag[term] += TITLE_WEIGHT
            for term in heading_terms(fold(entry.heading)):
                bag[term] += HEADING_WEIGHT
            body = text_terms(fold(entry.text))
            bag.update(body)
            counts.append((entry.number, bag, max(1, len(body))))
    counts.sort(key=lambda item: item[0])
    total = len(counts)
    average = sum(length for _n, _b, length in counts) / total if total else 1.0
    frequency: Counter[str] = Counter()
    for _number, bag, _length in counts:
        frequency.update(bag.keys())
    scale = 100 * (BM25_K1 + 1)
    idf = {term: scale * math.log(1 + (total - n + 0.5) / (n + 0.5))
           for term, n in frequency.items()}
    flat: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    for number, bag, length in counts:
        norm = BM25_K1 * (1 - BM25_B + BM25_B * length / average)
        for term, tf in bag.items():
            weight = int(idf[term] * tf / (tf + norm) + 0.5) or 1
            values = flat.get(term)
            if values is None:
                flat[term] = [number, weight]
            else:
                values.append(number - last[term])
                values.append(weight)
            last[term] = number
    return flat, total


def build_index(
    docs: list[IndexedDocument],
    progress: Callable[[int, int], None] | None = None,
) -> SiteIndex:
    """Build every search file of the site from the exported documents (in their order)."""
    encoded, total_entries = _postings(docs)
    size = sum(len(term) * 3 + 6 + 4 * len(values) for term, values in encoded.items())
    shards = 1
    while size / shards > SHARD_TARGET_BYTES and shards < 4096:
        shards *= 2
    buckets: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for term in sorted(encoded):
        buckets[term_hash(term) % shards][term] = encoded[term]
    files: dict[str, str] = {}
    for number, bucket in enumerate(buckets):
        files[f"p{number}.js"] = _js(f"p{number}", bucket)
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
    }
    files["meta.js"] = _js("meta", meta)
    return SiteIndex(files, shards, len(encoded), total_entries)
