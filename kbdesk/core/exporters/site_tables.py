"""The app's search tables, exported with the site so that its search answers as the app does.

Issue 18 ("the same search on the intranet"): the site's ``search.js`` reads, from
``search/apptables.js`` (loaded on the first search), the same tables the app searches with:

- ``library`` and ``service``: the library's synonym groups and the shipped service thesaurus
  with its Latin abbreviations (``resources/thesaurus/service.yaml``, ``abbreviations.yaml``),
  folded as the app folds them;
- ``stop``, ``filler``: the query words the app leaves out (question words and spoken
  filler), the characters that never carry a morpheme;
- ``speakers``, ``reporting``: 说 right after a caller or person word (客户, 他, 对方 …) is
  filler too, as the app reads it;
- ``spoken``: the spoken morphemes and their written words (``spoken.yaml``);
- ``split``: the dictionary words the app's segmenter cuts so that a question or filler word
  falls out (see :func:`splits`);
- ``crisis``: the crisis intents (``crisis.yaml``): phrasings, look-alikes, vocabulary;
- ``words``: the library's own words (two to four characters, as the segmenter finds them in
  the exported text), for homophones, meaning-bearing parts and the query's segmentation;
- ``readings``: fuzzy pinyin syllable → the characters read so (the pairs input methods
  confuse folded together, as :mod:`kbdesk.core.search.lexicon` folds them), for homophones;
- ``filters``: the query filters the app reads (``kind:`` ``category:`` ``tag:`` and their
  other names, the kinds' aliases: :func:`kbdesk.core.search.query.parse_query`); the
  documents' values are exported as ``documents`` by :mod:`site_search`;
- ``pinyin``: the pinyin keys of titles and headings (full pinyin, searched by prefix, and
  initials) → the Chinese text they stand for, made as the app makes them
  (:func:`kbdesk.core.search.pinyin.pinyin_entries`), so that ``ts`` or ``tuikuan`` finds
  投訴 and 退款 (titles first, then headings, at most ``MAX_PINYIN_ROWS`` rows).

Everything comes from the app's own modules, so a table edited for the app is the site's too.
"""

from __future__ import annotations

from collections.abc import Iterable

import rjieba

from kbdesk.core.search.crisis import shipped_intents
from kbdesk.core.search.lexicon import WordTable, is_han
from kbdesk.core.search.matching import FILLER_CHARS
from kbdesk.core.search.pinyin import pinyin_entries
from kbdesk.core.search.query import (
    FILTER_NAMES,  # the app's filter names
    KIND_ALIASES,
    REPORTING,
    SPEAKERS,
    STOPWORDS,
)
from kbdesk.core.search.thesaurus import service_groups, spoken_morphemes
from kbdesk.core.text.folding import fold

#: bumped when the tables' shape changes (search.js checks it)
TABLES_FORMAT = 1
#: function characters (not filler: the app keeps them as query words) that the app's
#: segmenter cuts alone between characters it knows no word for (骂到哭 → 骂 | 到 | 哭, 转到人工
#: → 转 | 到 | 人工); the site cuts them out of a run its tables cover with no word before
#: reading the rest two characters at a time (了, 得, 着, 过 are filler, cut already)
CUT_ALONE = "到"
#: at most this many pinyin keys are exported (a large library's headings are left out)
MAX_PINYIN_ROWS = 30_000


def _groups(groups: Iterable[Iterable[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    for group in groups:
        words = list(dict.fromkeys(w for w in (fold(str(word)).strip() for word in group) if w))
        if len(words) > 1:
            out.append(words)
    return out


def readings(words: Iterable[str]) -> dict[str, str]:
    """Fuzzy syllable → every common character read so (one string per syllable)."""
    table = WordTable()
    table.add(list(words)[:1] or ["一二"])  # reads every character's pinyin once
    by_reading: dict[str, str] = {}
    for ch, syllables in sorted(table.readings.items()):
        for syllable in syllables:
            by_reading[syllable] = by_reading.get(syllable, "") + ch
    return by_reading


def splits(words: Iterable[str]) -> dict[str, list[str]]:
    """The words of the site's segmentation dictionary (the library's words, the thesauruses,
    the spoken table, the stop list) that the app's segmenter cuts into pieces of which one
    or more is a question or filler word the app then leaves out (要多久 → 要 多久, both left
    out; 多少钱 → 多少 钱, 钱 kept): word → the app's pieces. The site's query segmenter takes
    the longest dictionary word at each place and cuts these as the app would."""
    out: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        if len(word) < 2 or not is_han(word):
            continue
        pieces = [p for p in rjieba.cut(word) if p.strip()]
        if (len(pieces) > 1 and "".join(pieces) == word
                and any(piece in STOPWORDS for piece in pieces)):
            out[word] = pieces
    return out


def pinyin_keys(titles: Iterable[str], headings: Iterable[str]) -> dict[str, object]:
    """The pinyin keys of ``titles`` then ``headings`` (up to ``MAX_PINYIN_ROWS``):
    ``{"full": [[key, text], …] sorted, "initials": {key: [text, …]}}``."""
    rows: set[tuple[str, str, str]] = set()
    for text in [*titles, *headings]:
        found = pinyin_entries(text)
        if len(rows) + len(found) > MAX_PINYIN_ROWS:
            break
        rows.update(found)
    full = sorted({(key, chinese) for key, kind, chinese in rows if kind == "full"})
    initials: dict[str, list[str]] = {}
    for key, kind, chinese in sorted(rows):
        if kind == "initials":
            initials.setdefault(key, []).append(chinese)
    return {"full": [list(row) for row in full], "initials": initials}


def search_tables(library_groups: Iterable[Iterable[str]], words: Iterable[str],
                  titles: Iterable[str] = (), headings: Iterable[str] = ()
                  ) -> dict[str, object]:
    """The tables ``search.js`` reads (see the module docstring)."""
    library_words = sorted({w for w in words if 2 <= len(w) <= 4 and is_han(w)},
                           key=lambda w: (len(w), w))
    groups = _groups(library_groups)
    service = _groups(service_groups())
    spoken = {key: list(value) for key, value in spoken_morphemes().items()}
    return {
        "format": TABLES_FORMAT,
        "library": groups,
        "service": service,
        "stop": sorted(STOPWORDS),
        "filler": "".join(sorted(FILLER_CHARS)),
        "cut": CUT_ALONE,
        "speakers": sorted(SPEAKERS),
        "reporting": sorted(REPORTING),
        "spoken": spoken,
        "split": splits([*library_words, *STOPWORDS, *spoken,
                         *(w for group in [*groups, *service] for w in group)]),
        "crisis": [{"name": intent.name, "vocabulary": list(intent.vocabulary),
                    "phrasings": [p.pattern for p in intent.phrasings],
                    "not": [p.pattern for p in intent.lookalikes]}
                   for intent in shipped_intents()],
        "words": library_words,
        "readings": readings(library_words),
        "pinyin": pinyin_keys(titles, headings),
        "filters": {"names": dict(FILTER_NAMES),
                    "kinds": {alias: kind.value for alias, kind in KIND_ALIASES.items()}},
    }
