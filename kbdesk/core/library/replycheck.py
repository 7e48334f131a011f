"""Reply check: find the library's "avoid" phrases in an agent's draft reply.

Every phrasing document may list avoid → say-instead pairs (``不說「X」→ 改說「Y」``). The check
looks for each avoid phrase in a draft, whichever script either side is written in: both are
compared in folded form (:func:`kbdesk.core.text.folding.fold` keeps lengths, so offsets found in
the folded draft are offsets into the draft as typed). A suggestion is put back in the script
the draft is written in.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import opencc

from kbdesk.core.errors import StaleFinding
from kbdesk.core.library.parts import AvoidEntry
from kbdesk.core.library.phrasing import PLACEHOLDER_RE
from kbdesk.core.text.folding import SCRIPTS, convert_script, fold, to_simplified

log = logging.getLogger(__name__)

#: Longest stretch of text one ``{{placeholder}}`` in an avoid phrase stands for.
PLACEHOLDER_SPAN = 12
_QUOTES = "「」『』\"“”"
# Trailing punctuation of an avoid phrase is optional in the draft ("喂？" also flags "喂，").
_TRAILING_PUNCT = "?!.,;:~。，、；：！？…"
_local = threading.local()


@dataclass(frozen=True)
class ReplyFinding:
    """One avoid phrase found in a draft.

    Attributes:
        start: offset of the first matched character in the draft.
        end: offset just past the match.
        text: the matched text as the agent wrote it.
        avoid: the avoid phrase as the library writes it.
        suggestion: the say-instead wording as the library writes it.
        doc_id: the phrasing document the pair comes from.
        anchor: the phrasing (section) the pair belongs to.
        line: the pair's line in that document.
    """

    start: int
    end: int
    text: str
    avoid: str
    suggestion: str
    doc_id: str
    anchor: str
    line: int


def _clean(phrase: str) -> str:
    """Strip corner brackets, quotes and surrounding white space from a library phrase."""
    return phrase.strip().strip(_QUOTES).strip()


@functools.lru_cache(maxsize=4096)
def _key(avoid: str) -> str:
    """Return the folded form that identifies an avoid phrase."""
    return fold(_clean(avoid))


@functools.lru_cache(maxsize=4096)
def _pattern(avoid: str) -> re.Pattern[str] | None:
    """Return the regex that finds ``avoid`` in folded text, or None for an empty phrase.

    A placeholder in the avoid phrase matches any short stretch of text on one line.
    """
    folded = fold(_clean(avoid))
    body = folded.rstrip(_TRAILING_PUNCT + " ")
    tail = folded[len(body):].strip()
    if not PLACEHOLDER_RE.sub("", body).strip():
        return None
    parts: list[str] = []
    pos = 0
    for match in PLACEHOLDER_RE.finditer(body):
        parts.append(_literal(body[pos:match.start()]))
        parts.append(f"[^\\n]{{1,{PLACEHOLDER_SPAN}}}?")
        pos = match.end()
    parts.append(_literal(body[pos:]))
    if tail:
        parts.append(f"(?:{re.escape(tail[0])})?")
    return re.compile("".join(parts))


def _literal(text: str) -> str:
    """Escape text for a regex; runs of white space match any run of white space."""
    return r"\s+".join(re.escape(word) for word in re.split(r"\s+", text)) if text else ""


def check_reply(text: str, entries: Sequence[AvoidEntry]) -> list[ReplyFinding]:
    """Return every avoid phrase found in ``text``, in order of position.

    Overlapping matches are resolved longest first (then earliest); the same avoid phrase listed
    in several documents is reported once, for the first entry that lists it.
    """
    if not text or not entries:
        return []
    folded = fold(text)
    candidates: list[tuple[int, int, AvoidEntry]] = []
    seen: set[str] = set()
    for entry in entries:
        key = _key(entry.pair.avoid)
        if key in seen:
            continue
        seen.add(key)
        pattern = _pattern(entry.pair.avoid)
        if pattern is None:
            log.debug("skipping empty avoid phrase in %s#%s", entry.doc_id, entry.anchor)
            continue
        for match in pattern.finditer(folded):
            if match.end() > match.start():
                candidates.append((match.start(), match.end(), entry))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, AvoidEntry]] = []
    for start, end, entry in candidates:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, entry))
    taken.sort(key=lambda c: c[0])
    return [
        ReplyFinding(start, end, text[start:end], _clean(entry.pair.avoid),
                     _clean(entry.pair.instead), entry.doc_id, entry.anchor, entry.pair.line)
        for start, end, entry in taken
    ]


def _to_traditional(text: str) -> str:
    conv = getattr(_local, "s2t", None)
    if conv is None:
        conv = _local.s2t = opencc.OpenCC("s2t")
    return conv.convert(text)


def detect_script(text: str) -> str:
    """Return "tw" when ``text`` reads as Traditional, "cn" as Simplified, else "original".

    Characters shared by both scripts say nothing; the side with more telling characters wins.
    """
    if not text:
        return "original"
    simplified = to_simplified(text)
    traditional = _to_traditional(text)
    trad = sum(1 for a, b in zip(text, simplified, strict=True) if a != b)
    if len(traditional) == len(text):
        simp = sum(1 for a, b in zip(text, traditional, strict=True) if a != b)
    else:
        simp = 1 if traditional != text else 0
    if trad > simp:
        return "tw"
    if simp > trad:
        return "cn"
    return "original"


def suggestion_in(suggestion: str, script: str) -> str:
    """Return a suggestion converted to ``script``, its ``{{placeholders}}`` kept as written.

    A suggestion already written in that script is returned as the library words it.
    """
    if script not in SCRIPTS:
        raise ValueError(f"unknown script {script!r} (one of {', '.join(SCRIPTS)})")
    cleaned = _clean(suggestion)
    written = detect_script(PLACEHOLDER_RE.sub("", cleaned))
    if written == script:
        return cleaned  # already in that script: keep the library's own wording
    out: list[str] = []
    pos = 0
    for match in PLACEHOLDER_RE.finditer(cleaned):
        out.append(convert_script(cleaned[pos:match.start()], script))
        out.append(match.group(0))
        pos = match.end()
    out.append(convert_script(cleaned[pos:], script))
    return "".join(out)


def reply_script(text: str, finding: ReplyFinding) -> str:
    """Return the script a finding's suggestion should be written in.

    The matched words decide; when they read the same in both scripts, the whole draft does.
    """
    script = detect_script(finding.text)
    if script == "original":
        script = detect_script(text)
    return script


def locate(text: str, finding: ReplyFinding) -> tuple[int, int]:
    """Return where a finding's text is in ``text`` now (StaleFinding when it is gone).

    The draft may have been edited since the check; the occurrence nearest the old offset wins.
    """
    if text[finding.start:finding.end] == finding.text:
        return finding.start, finding.end
    positions = [m.start() for m in re.finditer(re.escape(finding.text), text)]
    if not positions or not finding.text:
        raise StaleFinding(f"the draft no longer contains {finding.text!r}")
    start = min(positions, key=lambda p: abs(p - finding.start))
    return start, start + len(finding.text)


def apply_suggestion(text: str, finding: ReplyFinding, script: str | None = None) -> str:
    """Return ``text`` with ``finding`` replaced by its suggestion.

    Args:
        text: the draft as it is now.
        finding: a finding from :func:`check_reply` on this draft (or an earlier version).
        script: the script to write the suggestion in ("original", "tw", "hk", "cn"); None
            detects it from the matched words, then from the whole draft.

    Raises:
        StaleFinding: the draft no longer holds the finding's text.
        ValueError: ``script`` is not a known script.
    """
    start, end = locate(text, finding)
    wording = suggestion_in(finding.suggestion, script or reply_script(text, finding))
    return text[:start] + wording + text[end:]


def apply_all(text: str, findings: Sequence[ReplyFinding], script: str | None = None) -> str:
    """Return ``text`` with every finding replaced (last first, so offsets stay valid)."""
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        text = apply_suggestion(text, finding, script)
    return text
