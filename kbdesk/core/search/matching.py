"""What one query word may match, and how well a hit matched it.

A query word is looked for as itself and as its alternatives, each of a kind that ranks below
the one before:

=========== ==================================================================== =======
kind        what                                                                 quality
=========== ==================================================================== =======
word        the word as typed (folded)                                           1.0
synonym     a word of one of the library's synonym groups                        0.85
thesaurus   a word of the service thesaurus                                      0.75
general     a word of a general-language thesaurus, when one is given (kbdesk    0.65
            ships none; see :mod:`kbdesk.core.search.thesaurus`)
part        a piece of a word the index does not hold well: the segmenter's      <= 0.6
            search-mode sub-words and character bigrams, each looked up in the
            index's lexicon (发短信 → 短信; 改开发票 → 改开 + 发票)
pinyin      Latin letters read as pinyin: a title, heading or body word whose    0.95 /
            full pinyin starts with them or whose initials they are              0.9 / 0.6
homophone   for a word the library lacks: a word of the library differing from   0.5
            it in one character of a near pinyin (投述 → 投诉; see
            :mod:`kbdesk.core.search.lexicon`)
morpheme    for a word the library lacks: its characters (or spoken pieces such  <= 0.45
            as 没到), each as itself or as a written word of the shipped table
            ``resources/thesaurus/spoken.yaml`` (坏 → 损坏/破损), close together
            in one section in either order (补卡 → 補發…卡片)
=========== ==================================================================== =======

A part's quality grows with how much of the word the parts found in a hit cover. Qualities
only order hits (see :mod:`kbdesk.core.search.ranking`); Whoosh's boosts follow them so that
the best hits are among those fetched.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from whoosh import query as wq

from kbdesk.core.search.analyzer import terms
from kbdesk.core.search.query import STOPWORDS

QUALITY = {"word": 1.0, "synonym": 0.85, "thesaurus": 0.75, "general": 0.65, "part": 0.6,
           "homophone": 0.5, "morpheme": 0.45}
BOOST = {"word": 1.0, "synonym": 0.5, "thesaurus": 0.4, "general": 0.3, "part": 0.25,
         "pinyin": 0.6, "homophone": 0.3, "morpheme": 0.2}
TYPED, THESAURUS, PARTS = 1, 2, 3
STAGE = {"word": TYPED, "synonym": TYPED, "thesaurus": THESAURUS, "general": THESAURUS,
         "part": PARTS, "homophone": THESAURUS, "morpheme": PARTS}
#: At most this many library words stand for one homophone or one morpheme of a query word.
MAX_HOMOPHONES = 3
MAX_MORPHEME_WORDS = 24
#: Characters allowed between a word's morphemes in a section (beyond their own length).
MORPHEME_GAP = 8
#: A spoken piece (线) found as itself inside another word, not as a written word it stands
#: for (线路): the match counts this much (once per such piece).
BARE_SPOKEN = 0.6
PINYIN_QUALITY = {"title": 0.95, "heading": 0.9, "body": 0.55}
#: A Latin abbreviation (SLA) found in an entry's text but not in its heading or title.
ABBREVIATION_MENTIONED = 0.97
#: A word held by fewer entries than this is also looked for as its parts.
WEAK_DF = 3
MIN_PINYIN = 2


def is_cjk(text: str) -> bool:
    """True when every character is a CJK ideograph."""
    return bool(text) and all("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
                              for ch in text)


def word_terms(word: str) -> list[str]:
    """Return the index terms a query word needs (itself when it is one term)."""
    found = [t.text for t in terms(word, folded=True)]
    if word in found:
        return [word]
    return list(dict.fromkeys(found))


@dataclass
class Alternative:
    """One way a query word may be found: a text, its kind and the index terms it needs."""

    text: str
    kind: str
    needed: list[str]
    #: for a part found as one of its own synonyms: the piece of the word it stands for
    stands_for: str = ""
    #: every term it needs is in the index (otherwise it cannot match)
    held: bool = True


@dataclass
class WordPlan:
    """A query word with every alternative it is looked for as."""

    word: str
    alternatives: list[Alternative] = field(default_factory=list)
    #: Chinese text of titles and headings → "full" or "initials": what the letters may be
    pinyin: dict[str, str] = field(default_factory=dict)
    pinyin_query: wq.Query | None = None
    #: how much the word weighs among the query's words (its inverse document frequency)
    weight: float = 1.0
    #: the index holds the word as typed (or a synonym of it) somewhere
    held: bool = True
    #: for a word the library lacks: per morpheme, the texts it may be found as (itself first)
    morphemes: list[list[str]] = field(default_factory=list)
    morpheme_query: wq.Query | None = None
    #: the share of the word's morphemes the library holds (those it lacks are left out)
    morpheme_share: float = 1.0

    @property
    def highlight(self) -> list[str]:
        """The index terms to mark in snippets."""
        out = [t for alt in self.alternatives for t in alt.needed]
        for chinese in self.pinyin:
            out.extend(word_terms(chinese))
        return list(dict.fromkeys(out))

    def found_by(self, stage: int) -> bool:
        """True when the index holds the word as something looked for up to ``stage``."""
        return bool(self.pinyin or self.pinyin_query is not None) or any(
            alt.held and STAGE[alt.kind] <= stage for alt in self.alternatives) or (
            self.morpheme_query is not None and STAGE["morpheme"] <= stage)

    def widens(self, stage: int) -> bool:
        """True when ``stage`` looks for this word as more than the stage before did."""
        return any(STAGE[alt.kind] == stage for alt in self.alternatives) or (
            self.morpheme_query is not None and STAGE["morpheme"] == stage)

    def query(self, stage: int = PARTS) -> wq.Query | None:
        """The Whoosh query for this word: its alternatives up to ``stage``, boosted by kind.

        A search looks for the words as typed, their library synonyms and pinyin first
        (``TYPED``); then adds thesaurus words (``THESAURUS``) when that fills no page, then
        parts (``PARTS``) when it still finds too little: a common word is not slowed down
        by expansions that could not outrank it.
        """
        options: list[wq.Query] = []
        for alt in self.alternatives:
            if not alt.needed or STAGE[alt.kind] > stage:
                continue
            boost = BOOST[alt.kind]
            if len(alt.needed) == 1:
                options.append(wq.Term("text", alt.needed[0], boost=boost))
            else:
                options.append(wq.And([wq.Term("text", t) for t in alt.needed], boost=boost))
        for chinese, how in self.pinyin.items():
            if how == "full":  # initials name too many words to look for in bodies
                needed = word_terms(chinese)
                if len(needed) == 1:
                    options.append(wq.Term("text", needed[0], boost=BOOST["pinyin"]))
                elif needed:
                    options.append(wq.And([wq.Term("text", t) for t in needed],
                                          boost=BOOST["pinyin"]))
        if self.pinyin_query is not None:
            options.append(self.pinyin_query)
        if self.morpheme_query is not None and STAGE["morpheme"] <= stage:
            options.append(self.morpheme_query)
        if not options:
            return None
        # (Whoosh's DisjunctionMax would count only the best alternative, but its scores are
        # wrong in whoosh3: constant block qualities; the ranking weighs expansions instead)
        return options[0] if len(options) == 1 else wq.Or(options)


def sub_words(word: str, in_index: Callable[[str], bool]) -> list[str]:
    """Pieces of a Chinese word that the index holds: search-mode sub-words, then bigrams.

    Single characters and filler words are never pieces (a common character alone says
    nothing about what was meant).
    """
    candidates = [t.text for t in terms(word, folded=True) if t.text != word]
    for start, end in _cjk_runs(word):
        candidates.extend(word[i : i + 2] for i in range(start, end - 1))
    out: list[str] = []
    for piece in dict.fromkeys(candidates):
        if len(piece) >= 2 and piece not in STOPWORDS and in_index(piece):
            out.append(piece)
    return out


def _cjk_runs(text: str) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = None
    for i, ch in enumerate(text):
        if is_cjk(ch):
            if start is None:
                start = i
        elif start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(text)))
    return runs


def plan_word(
    word: str,
    alternatives: dict[str, str],
    doc_frequency: Callable[[str], int],
    pinyin_words: Callable[[str], dict[str, str]] | None = None,
    expand: Callable[[str], list[str]] | None = None,
    lexicon: Lexicon | None = None,
    spoken: Mapping[str, Sequence[str]] | None = None,
) -> WordPlan:
    """Plan how to look for one query word.

    Args:
        word: the folded query word.
        alternatives: its synonym/thesaurus alternatives (alternative → kind), itself first.
        doc_frequency: how many index entries hold a term.
        pinyin_words: Latin letters → the Chinese words they may be pinyin of.
        lexicon: the library's words by homophone and by character, for a word it lacks.
        spoken: spoken morphemes → the written words handbooks use for them.
    """
    plan = WordPlan(word)
    for text, kind in alternatives.items():
        needed = word_terms(text)
        # an alternative the index cannot hold is left out (the word itself always stays)
        held = bool(needed) and all(doc_frequency(t) > 0 for t in needed)
        if needed and (kind == "word" or held):
            plan.alternatives.append(Alternative(text, kind, needed, held=held))
    literal = plan.alternatives[0] if plan.alternatives else None
    weak = literal is None or min((doc_frequency(t) for t in literal.needed), default=0) < WEAK_DF
    plan.held = any(alt.needed and all(doc_frequency(t) > 0 for t in alt.needed)
                    for alt in plan.alternatives)
    if (weak and is_cjk(word) and len(word) >= 3) or (weak and is_cjk(word) and len(word) == 2
                                                      and literal is not None
                                                      and len(literal.needed) > 1):
        taken = {alt.needed[0] for alt in plan.alternatives if len(alt.needed) == 1}
        for piece in sub_words(word, lambda t: True):
            # the piece itself where the index holds it, and its own synonyms (找经理 → 主管)
            others = [(other, word_terms(other)) for other in
                      (expand(piece) if expand else [piece])[1:]]
            for text, needed in [(piece, [piece]), *others]:
                if text in taken or not needed:
                    continue
                if all(doc_frequency(t) > 0 for t in needed):
                    taken.add(text)
                    plan.alternatives.append(
                        Alternative(text, "part", needed, "" if text == piece else piece))
    # a word the library lacks: not a term of the index (退宽 is only held as 退 and 宽), and
    # no synonym of it is held either
    lacking = doc_frequency(word) == 0 and not any(
        alt.held and alt.kind != "word" for alt in plan.alternatives)
    if lacking and is_cjk(word) and lexicon is not None and (len(word) >= 2 or word in
                                                              (spoken or {})):
        _plan_lacking(plan, doc_frequency, lexicon, spoken or {})
    if word.isascii() and word.isalpha() and len(word) >= MIN_PINYIN:
        options: list[wq.Query] = []
        if len(word) >= 3:
            options.append(wq.Prefix("pinyin", word))
        options.append(wq.Term("initials", word))
        plan.pinyin_query = wq.Or(options, boost=BOOST["pinyin"])
        if pinyin_words is not None:
            plan.pinyin = pinyin_words(word)
    return plan


class Lexicon(Protocol):
    """What planning needs of :class:`kbdesk.core.search.lexicon.WordTable`."""

    def homophones(self, word: str, held: Callable[[str], bool] | None = None) -> list[str]:
        ...

    def holding(self, piece: str) -> list[str]: ...


def _plan_lacking(plan: WordPlan, doc_frequency: Callable[[str], int], lexicon: Lexicon,
                  spoken: Mapping[str, Sequence[str]]) -> None:
    """Add homophones and morphemes for a word the library does not hold."""
    taken = {alt.text for alt in plan.alternatives}
    held = [(doc_frequency(w), w) for w in
            lexicon.homophones(plan.word, lambda w: doc_frequency(w) > 0) if w not in taken]
    for _, other in sorted(((df, w) for df, w in held if df > 0), reverse=True)[:MAX_HOMOPHONES]:
        plan.alternatives.append(Alternative(other, "homophone", [other]))
    pieces = morphemes(plan.word, spoken)
    if len(pieces) < 2 and not (pieces == [plan.word] and plan.word in spoken):
        return  # one common character alone says nothing (a spoken one has written words)
    groups: list[list[str]] = []
    found: list[str] = []
    queries: list[wq.Query] = []
    for piece in pieces:
        # a piece is looked for as the written words the library holds for it (断 as 中断)
        # and as itself inside any word (補發 for 补); a spoken piece found only as itself
        # counts less (线 in 第一线 is not a line, see BARE_SPOKEN)
        options: list[wq.Query] = []
        texts: list[str] = []
        for written in spoken.get(piece, ()):
            needed = word_terms(written)
            if needed and all(doc_frequency(t) > 0 for t in needed):
                texts.append(written)
                options.append(wq.Term("text", needed[0]) if len(needed) == 1
                               else wq.And([wq.Term("text", t) for t in needed]))
        texts.append(piece)
        holders = sorted(((doc_frequency(w), w) for w in lexicon.holding(piece)
                          if w not in texts), reverse=True)
        words = [w for df, w in holders if df > 0][:MAX_MORPHEME_WORDS]
        if doc_frequency(piece) > 0:
            words.append(piece)
        options.extend(wq.Term("text", w) for w in words)
        if options:  # a piece the library holds in no word is left out
            found.append(piece)
            groups.append(texts)
            queries.append(wq.Or(options))
    if len(groups) < 2 and not (len(groups) == 1 and found[0] in spoken):
        return  # one common character alone says nothing (a spoken one has written words)
    plan.morpheme_share = len(groups) / len(pieces)
    plan.morphemes = groups
    plan.morpheme_query = wq.And(queries, boost=BOOST["morpheme"])


def morphemes(word: str, spoken: Mapping[str, Sequence[str]]) -> list[str]:
    """The meaning-bearing pieces of a word: spoken pieces of the table (没到), else characters.

    Filler characters (了, 的 …) are left out.
    """
    out: list[str] = []
    at = 0
    while at < len(word):
        for size in (3, 2):
            if word[at:at + size] in spoken and len(word[at:at + size]) == size:
                out.append(word[at:at + size])
                at += size
                break
        else:
            if word[at] not in STOPWORDS and word[at] not in FILLER_CHARS:
                out.append(word[at])
            at += 1
    return list(dict.fromkeys(out))


#: Characters that never carry a morpheme's meaning on their own.
FILLER_CHARS = frozenset("了的得地着过吗呢吧啊呀么嘛哦就都也还又再才很太")


def join_weak_singles(words: Sequence[str], weak: Callable[[str], bool]) -> list[str]:
    """Join a single Chinese character to a neighbouring word the index does not hold well.

    The segmenter cuts 改开发票 into 改 | 开发票: alone, 改 is a common character; with its
    neighbour it gives the pieces 改开 and 发票 that the text holds.
    """
    return ["".join(pieces) for pieces in weak_single_joins(words, weak)]


def weak_single_joins(words: Sequence[str], weak: Callable[[str], bool]) -> list[list[str]]:
    """The words of :func:`join_weak_singles`, each as the words it joins (one when none)."""
    out: list[list[str]] = []
    for word in words:
        last = out[-1] if out else []
        if (len(last) == 1 and is_cjk(word) and is_cjk(last[0])
                and ((len(last[0]) == 1 and weak(word))
                     or (len(word) == 1 and weak(last[0])))):
            last.append(word)  # a join takes no more characters
        else:
            out.append([word])
    return out


@dataclass
class WordMatch:
    """How a hit matched one query word: the quality, and the text it matched as."""

    quality: float = 0.0
    via: str = ""  # the alternative found when it is not the word itself
    kind: str = ""
    spans: list[int] = field(default_factory=list)  # where in the haystack


def match_word(plan: WordPlan, haystack: str, title: str, heading: str, level: int) -> WordMatch:
    """Return how well ``haystack`` (the hit's folded text, letters and digits only) matched."""
    best = WordMatch()
    pieces: list[Alternative] = []
    for alt in plan.alternatives:
        if alt.kind == "part":
            pieces.append(alt)
            continue
        where = _find(haystack, alt.text, alt.needed)
        quality = QUALITY[alt.kind]
        if where is not None and alt.kind == "word" and _abbreviation(plan.word):
            # an abbreviation in a section's heading (or a document's title) is what the
            # section is about: it ranks above an entry that only mentions it
            named = heading if level > 0 else title
            quality = quality if plan.word in named else ABBREVIATION_MENTIONED
        if where is not None and quality > best.quality:
            best = WordMatch(quality, "" if alt.kind == "word" else alt.text, alt.kind,
                             [where])
    if best.quality < QUALITY["part"] and pieces:
        covered: set[int] = set()
        found: list[str] = []
        spans: list[int] = []
        for alt in pieces:
            where = haystack.find(alt.text)
            if where < 0:
                continue
            found.append(alt.text)
            spans.append(where)
            piece = alt.stands_for or alt.text
            start = plan.word.find(piece)
            covered.update(range(start, start + len(piece)))
        if found:
            quality = QUALITY["part"] * len(covered) / max(len(plan.word), 1)
            if quality > best.quality:
                best = WordMatch(quality, "+".join(found), "part", spans)
    if plan.morphemes and best.quality < QUALITY["morpheme"]:
        window = morpheme_window(haystack, plan.morphemes)
        if window is not None:
            start, end, gap, found = window
            bare = sum(1 for text, group in zip(found, plan.morphemes, strict=True)
                       if len(group) > 1 and text == group[-1])
            quality = QUALITY["morpheme"] * plan.morpheme_share * BARE_SPOKEN ** bare * (
                1 - gap / (4 * (MORPHEME_GAP + 1)))
            via = haystack[start:end] if end - start <= 2 * len(plan.word) + 2 else "+".join(found)
            best = WordMatch(quality, via, "morpheme", [start])
    if plan.pinyin and best.quality < PINYIN_QUALITY["title"]:
        for chinese, how in plan.pinyin.items():
            if level == 0 and chinese in title:
                quality = PINYIN_QUALITY["title"]
            elif level > 0 and chinese in heading:
                quality = PINYIN_QUALITY["heading"]
            elif how == "full" and chinese in haystack:
                quality = PINYIN_QUALITY["body"]
            else:
                continue
            if quality > best.quality:
                best = WordMatch(quality, chinese, "pinyin", [max(haystack.find(chinese), 0)])
    return best


def morpheme_window(haystack: str, groups: Sequence[Sequence[str]]
                    ) -> tuple[int, int, int, list[str]] | None:
    """The closest spot of ``haystack`` holding one text of every group, in any order.

    Returns (start, end, characters between the texts, the texts found) when that gap is at
    most ``MORPHEME_GAP``, else None.
    """
    events: list[tuple[int, int, int, str]] = []
    for number, texts in enumerate(groups):
        spots = [(at, at + len(text), number, text) for text in texts
                 for at in _spots(haystack, text)]
        if not spots:
            return None
        events.extend(spots)
    events.sort(key=lambda event: (event[0], event[0] - event[1]))  # the longest text first
    best: tuple[int, int, int, list[str]] | None = None
    for i, (start, _, _, _) in enumerate(events):
        chosen: dict[int, tuple[int, int, str]] = {}
        for s_, e_, number, text in events[i:]:
            if s_ - start > MORPHEME_GAP + 8:
                break
            chosen.setdefault(number, (s_, e_, text))
            if len(chosen) == len(groups):
                break
        if len(chosen) < len(groups):
            continue
        end = max(e for _, e, _ in chosen.values())
        covered = len(set().union(*(range(s, e) for s, e, _ in chosen.values())))
        gap = max(0, end - start - covered)
        if gap <= MORPHEME_GAP and (best is None or gap < best[2]):
            best = (start, end, gap, [chosen[n][2] for n in range(len(groups))])
    return best


def _spots(haystack: str, text: str, limit: int = 32) -> list[int]:
    out: list[int] = []
    at = haystack.find(text)
    while at >= 0 and len(out) < limit:
        out.append(at)
        at = haystack.find(text, at + 1)
    return out


def _abbreviation(word: str) -> bool:
    """True for a query word of Latin letters only, such as sla or ivr."""
    return word.isascii() and word.isalpha() and 2 <= len(word) <= 6


def _find(haystack: str, text: str, needed: Sequence[str]) -> int | None:
    compact = "".join(filter(str.isalnum, text))
    where = haystack.find(compact) if compact else -1
    if where >= 0:
        return where
    if len(needed) > 1:
        spots = [haystack.find(t) for t in needed]
        if all(s >= 0 for s in spots):
            return min(spots)
    return None
