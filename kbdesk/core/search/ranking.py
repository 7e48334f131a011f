"""Putting fetched hits in order: words matched, how well, how close together, then Whoosh's score.

Whoosh finds the candidates (every word, or as many as possible) and scores them with BM25F.
This module re-reads each candidate's stored text once to learn, per query word, what it matched
(the word itself, a synonym, a thesaurus word, parts of it, or pinyin; see
:mod:`kbdesk.core.search.matching`) and where, and orders the hits by:

1. the hits holding every query word first; then the others by the share of the query's
   information they hold (:func:`coverage`: each word weighs what it is worth, its rarity in
   the library, IDF-like), never by a bare count of words: a hit holding the rare word of a
   query comes before one holding two common ones;
2. how many typed runs of several words (我已经查到) it holds as written: segmentation can
   split a remembered fragment differently in the query and in the text;
3. for a query of one word, what it matched as (the word itself 1.0, expansions less): a word
   as typed ranks above its synonyms, a whole compound above its parts, a pinyin title above a
   heading above a body;
4. a relevance that multiplies Whoosh's score by the match quality of the words (weighted by
   how rare each word is: holding the rare word of a query counts more) and by a proximity
   factor (the words close together in one section: up to ``PROXIMITY_BONUS`` more).

The score a hit reports is that share (1.0 when it holds every word) plus a fraction below
``ORDER_SPAN`` that orders hits of equal share (literal runs, then relevance / (relevance +
SCORE_HALF)); scores decrease with rank.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kbdesk.core.search.matching import WordMatch, WordPlan, match_word
from kbdesk.core.text.folding import fold_chars

PROXIMITY_BONUS = 0.6
#: Characters between the words (beyond their own length) at which the bonus is halved.
PROXIMITY_HALF = 12
SCORE_HALF = 10.0
#: The part of a score that orders hits holding the same share of the query's information.
ORDER_SPAN = 0.1
MAX_OCCURRENCES = 16
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass
class HitMatch:
    """What one hit matched: per query word, how (see :class:`WordMatch`)."""

    words: dict[str, WordMatch] = field(default_factory=dict)
    level: int = 0  # query words the hit holds
    total: int = 0  # query words in the query
    literal: int = 0  # typed runs of several words the hit holds as written
    quality: float = 0.0  # mean match quality of the query words
    #: share of the query's information (words weighted by rarity) the hit holds, 0 to 1
    coverage: float = 0.0
    relevance: float = 0.0
    score: float = 0.0

    @property
    def complete(self) -> bool:
        """True when the hit holds every word of the query."""
        return self.level >= self.total

    @property
    def matched(self) -> list[str]:
        """The query words the hit holds, in query order."""
        return [w for w, m in self.words.items() if m.quality > 0]

    @property
    def expansions(self) -> dict[str, str]:
        """Query word → the text it was found as, for words not found as typed."""
        return {w: m.via for w, m in self.words.items() if m.quality > 0 and m.via}


def morphemes_close(hit: Any, plans: Sequence[WordPlan]) -> bool:
    """True when every word found only by its morphemes has them close together in ``hit``."""
    title, heading, _, everything = haystack(hit.fields())
    level = int(hit.get("level") or 0)
    return all(match_word(plan, everything, title, heading, level).quality > 0
               for plan in plans if only_morphemes(plan))


def haystack(fields: dict[str, Any]) -> tuple[str, str, str, str]:
    """Return the folded (title, heading, heading + body, all) texts, letters and digits only."""
    def compact(text: object) -> str:
        return _NOT_WORD.sub("", fold_chars(str(text or "")))

    title, heading, body = compact(fields.get("title")), compact(fields.get("heading")), compact(
        fields.get("body"))
    # a document's title entry is about its title: the title counts as its section's text
    section = heading + body if fields.get("level") else title + body
    # an editor's keywords (title entries only) are matched, never shown
    keywords = compact(fields.get("keywords"))
    return title, heading, section, title + heading + body + keywords


def _positions(text: str, needle: str) -> list[int]:
    out: list[int] = []
    at = text.find(needle)
    while at >= 0 and len(out) < MAX_OCCURRENCES:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def proximity(section: str, needles: Sequence[str]) -> float:
    """Return the factor (1 to 1 + PROXIMITY_BONUS) for how close the needles are in ``section``.

    The smallest window of the section holding one occurrence of every needle is measured; the
    factor falls as the characters between them grow. Needles not all in the section give 1.
    """
    if len(needles) < 2:
        return 1.0
    events: list[tuple[int, int, int]] = []  # (start, end, needle)
    for number, needle in enumerate(needles):
        spots = _positions(section, needle)
        if not spots:
            return 1.0
        events.extend((s, s + len(needle), number) for s in spots)
    events.sort()
    best: int | None = None
    counts = [0] * len(needles)
    have = 0
    left = 0
    for start, _end, number in events:
        counts[number] += 1
        if counts[number] == 1:
            have += 1
        while have == len(needles):
            lo = events[left][0]
            width = max(e for s, e, _ in events[left:] if s <= start) - lo
            gap = max(0, width - sum(len(n) for n in needles))
            best = gap if best is None else min(best, gap)
            counts[events[left][2]] -= 1
            if counts[events[left][2]] == 0:
                have -= 1
            left += 1
    if best is None:
        return 1.0
    return 1.0 + PROXIMITY_BONUS * PROXIMITY_HALF / (PROXIMITY_HALF + best)


def rank(
    ranked: Sequence[tuple[Any, int]],
    plans: Sequence[WordPlan],
    chunks: Sequence[str],
    complete: int,
) -> list[tuple[Any, HitMatch]]:
    """Order fetched hits (hit, words matched) and say what each matched.

    Args:
        ranked: hits with the number of query words Whoosh found in them.
        plans: the query words' plans.
        chunks: typed runs of several words; a hit holding one literally gets a bonus.
        complete: the first ``complete`` hits of ``ranked`` hold every word (the AND stage).
    """
    total = len(plans)
    out: list[tuple[Any, HitMatch]] = []
    for position, (hit, level) in enumerate(ranked):
        fields = hit.fields()
        title, heading, section, everything = haystack(fields)
        level_no = int(fields.get("level") or 0)
        info = HitMatch(total=total)
        for plan in plans:
            match = match_word(plan, everything, title, heading, level_no)
            if match.quality == 0.0 and position < complete:
                match = WordMatch(0.5, "", "index")  # found by the index (pinyin keys)
            info.words[plan.word] = match
        held = sum(1 for m in info.words.values() if m.quality > 0)
        if not held and any(only_morphemes(plan) for plan in plans):
            continue  # found by morphemes far apart, and nothing else
        info.level = total if position < complete else max(level, min(held, total))
        weights = sum(plan.weight for plan in plans) or 1.0
        info.coverage = 1.0 if info.complete else coverage(plans, info.words)
        quality = sum(info.words[plan.word].quality * plan.weight for plan in plans) / weights
        needles = [_needle(plan, info.words[plan.word]) for plan in plans]
        near = proximity(section, [n for n in needles if n]) if all(needles) else 1.0
        info.literal = sum(1 for c in chunks if c in everything)
        # one word: what it matched as decides the order (the word, then its synonyms, then
        # its parts; a pinyin title, then a heading, then a body); several words: it weighs in
        info.quality = round(quality, 2) if total == 1 else 0.0
        info.relevance = float(hit.score or 0.0) * max(quality, 0.05) * near
        out.append((hit, info))
    out.sort(key=lambda pair: (-pair[1].coverage, -pair[1].literal, -pair[1].quality,
                               -pair[1].relevance))
    for _, info in out:
        fraction = info.relevance / (info.relevance + SCORE_HALF)
        info.score = info.coverage + ORDER_SPAN * (
            info.literal + (info.quality + fraction) / 2) / (len(chunks) + 1)
    return out


def coverage(plans: Sequence[WordPlan], words: dict[str, WordMatch]) -> float:
    """Return the share of the query's information a hit holds (0 to 1).

    Each query word weighs its :attr:`WordPlan.weight` (how rare it is in the library); a word
    the hit holds counts its whole weight, whatever it was found as (what it was found as
    orders hits of equal share). A hit holding one rare word thus comes before one holding
    several common ones.
    """
    weights = sum(plan.weight for plan in plans)
    if weights <= 0:
        return 0.0
    held = sum(plan.weight for plan in plans
               if (match := words.get(plan.word)) is not None and match.quality > 0)
    return held / weights


def only_morphemes(plan: WordPlan) -> bool:
    """True when the index can only have found the word by its morphemes (whose closeness
    in the entry only :func:`match_word` checks)."""
    return plan.morpheme_query is not None and not plan.pinyin and plan.pinyin_query is None \
        and not any(alt.held and alt.kind != "part" for alt in plan.alternatives[1:]) \
        and not (plan.alternatives and plan.alternatives[0].held
                 and len(plan.alternatives[0].needed) == 1)


def _needle(plan: WordPlan, match: WordMatch) -> str:
    if match.quality <= 0:
        return ""
    if match.kind == "word":
        return "".join(filter(str.isalnum, plan.word))
    if match.kind == "part":
        return match.via.split("+")[0]
    return "".join(filter(str.isalnum, match.via))
