"""Crisis intents: a caller who speaks of harming themselves or others reaches the crisis procedure.

Callers rarely use a procedure's words (自杀, 恐吓 …); they say 活不下去了 or threaten to come
with a knife. The shipped list ``resources/thesaurus/crisis.yaml`` holds, per intent
(self-harm, threat), indirect phrasings as regular expressions, look-alikes that must never
count (死机, 炸鸡, 累死了 …) and the vocabulary crisis procedures are written with. A search
whose text matches an intent puts the library's entries holding at least ``MIN_VOCABULARY`` of
that vocabulary first (see :mod:`kbdesk.core.search.engine`); a library without such a
procedure is searched as usual.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import query as wq

from kbdesk.core.search.ranking import haystack
from kbdesk.core.text.folding import fold

log = logging.getLogger(__name__)

CRISIS_INTENTS = Path("thesaurus") / "crisis.yaml"
#: An entry is a crisis procedure's when it holds at least this many words of the vocabulary.
MIN_VOCABULARY = 2
#: At most this many entries of a crisis procedure come first when a query speaks a crisis.
CRISIS_HITS = 2
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class CrisisIntent:
    """One intent: its name, the words crisis procedures use, how callers say it."""

    name: str
    vocabulary: tuple[str, ...]
    phrasings: tuple[re.Pattern[str], ...]
    lookalikes: tuple[re.Pattern[str], ...] = ()

    def spoken_in(self, text: str) -> str:
        """Return the piece of ``text`` (folded, compact) that says this intent, or ""."""
        masked = text
        for pattern in self.lookalikes:
            masked = pattern.sub(lambda m: "\x00" * len(m.group(0)), masked)
        for pattern in self.phrasings:
            match = pattern.search(masked)
            if match:
                return match.group(0)
        return ""


def compact(text: str) -> str:
    """The query as intents read it: folded to Simplified, without spaces or punctuation."""
    return _NOT_WORD.sub("", fold(text))


def detect(
    text: str, intents: Sequence[CrisisIntent] | None = None
) -> list[tuple[CrisisIntent, str]]:
    """Return the intents ``text`` speaks, each with the words that said it."""
    said = compact(text)
    found = []
    for intent in shipped_intents() if intents is None else intents:
        piece = intent.spoken_in(said)
        if piece:
            found.append((intent, piece))
    return found


def read_intents(path: Path) -> list[CrisisIntent]:
    """Read an intents file; a bad pattern or entry is skipped with a warning."""
    import yaml

    try:
        # libyaml's safe loader when PyYAML has it (faster at a search's start; same data)
        data = yaml.load(path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader",
                                                                 yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        log.warning("crisis intents %s cannot be read: %s", path, exc)
        return []
    items = data.get("intents") if isinstance(data, dict) else None
    intents: list[CrisisIntent] = []
    for number, item in enumerate(items if isinstance(items, list) else [], start=1):
        if not isinstance(item, dict):
            continue
        try:
            intents.append(CrisisIntent(
                str(item.get("name") or f"intent {number}"),
                tuple(fold(str(w)) for w in item.get("vocabulary") or []),
                tuple(re.compile(fold(str(p))) for p in item.get("phrasings") or []),
                tuple(re.compile(fold(str(p))) for p in item.get("not") or []),
            ))
        except (re.error, TypeError) as exc:
            log.warning("crisis intents %s: entry %d skipped: %s", path, number, exc)
    return intents


@functools.lru_cache(maxsize=1)
def shipped_intents() -> tuple[CrisisIntent, ...]:
    """The shipped crisis intents (read once per process)."""
    from kbdesk.core.workstation.paths import resources_dir

    return tuple(read_intents(resources_dir() / CRISIS_INTENTS))


def crisis_entries(
    searcher: Any, raw: str, allow: Any, deny: Any
) -> list[tuple[Any, tuple[str, str]]]:
    """Entries of the library's crisis procedure, when the query speaks a crisis intent.

    Returns (hit, (what the caller said, the procedure's word it was found as)) pairs, best
    first: entries holding the most words of the intent's vocabulary (at least
    ``MIN_VOCABULARY``), then by score.
    """
    found: dict[int, tuple[int, float, Any, str, str]] = {}
    for intent, said in detect(raw):
        held = [w for w in intent.vocabulary if searcher.doc_frequency("text", w)]
        if len(held) < MIN_VOCABULARY:
            continue
        query = wq.Or([wq.Term("text", w) for w in held])
        for hit in searcher.search(query, limit=20, filter=allow, mask=deny):
            everything = haystack(hit.fields())[3]
            present = [w for w in held if w in everything]
            if len(present) < MIN_VOCABULARY:
                continue
            key = (len(present), float(hit.score or 0.0))
            if hit.docnum not in found or key > found[hit.docnum][:2]:
                found[hit.docnum] = (*key, hit, said, present[0])
    best = sorted(found.values(), key=lambda item: (-item[0], -item[1]))[:CRISIS_HITS]
    return [(hit, (said, via)) for _, _, hit, said, via in best]
