"""The library learns its team's words: suggestions from the shared search log (issue 18).

When an agent searches, finds nothing useful (a *gap*: nothing found, or only partial
matches, by ``SearchResult.gap``), searches again with other words and
opens a document from those results, the pair "first words → the document" is worth an editor's
look: agents say those words, the document does not. :func:`note_opened` records such an open on
this workstation, as one more line of the search log (``no-results.jsonl``)::

    {"when": …, "workstation": …, "opened": DOC_ID, "after": FIRST_WORDS, "found_with": WORDS}

The line has no ``query`` field, so every reader of gaps skips it; it travels to the team with
the rest of the log, and only when the log is shared (setting ``share_search_log``).

:func:`gather` turns every workstation's lines into :class:`Suggestion` rows, one per (first
words folded, document), proposed when seen from at least ``min_workstations`` workstations,
with counts and the evidence. :func:`accept` adds the first words to the document's
``keywords:`` and publishes it through the library's publish service (a new version with a
change note), after which those words find the document. A suggestion whose words are already
among the document's keywords is no longer proposed.

:func:`accept_as_synonym` instead adds a synonym group to ``library.yaml`` (published through
``kb.publishing.publish_library_config``, a normal publish with a change note): the agents'
first words (their meaningful words, :func:`first_words`: a lone decisive character kept with
the word it belongs to, 钱咋还没回来 → 钱没回来) and the words that worked, or the editor's own
group (:func:`group_words`, ``--words`` and the app's confirmation field). When one of those
words is already in a group of the library, that group is extended instead. A suggestion whose
first words share a group with one of the words that worked is no longer proposed.

Only editors may accept: :func:`require_editor` asks the core's role rule (``team/roles.py``:
the roster, then the site settings, then the local setting), as every editor action does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from kbdesk.core.clock import Clock, parse_iso_time
from kbdesk.core.errors import KbError
from kbdesk.core.library.catalog import load_config
from kbdesk.core.library.configedit import ConfigEditError, GroupChange, add_synonym_group
from kbdesk.core.library.frontmatter import set_field
from kbdesk.core.library.model import Document
from kbdesk.core.library.parse import build_document
from kbdesk.core.team.board import Team
from kbdesk.core.team.records import SEARCHLOG
from kbdesk.core.team.roles import require
from kbdesk.core.text.folding import fold
from kbdesk.core.workflow.versioning import FileResult, PublishResult
from kbdesk.core.workstation.identity import workstation_name
from kbdesk.core.workstation.settings import Settings
from kbdesk.core.workstation.storage import append_json_line
from kbdesk.core.workstation.userstate import no_results_path

log = logging.getLogger(__name__)

#: an open counts when it follows a gap search of the same workstation within this time
WINDOW = dt.timedelta(minutes=10)
#: a suggestion needs the pair seen from this many workstations (``--min-workstations``)
MIN_WORKSTATIONS = 2
#: how much of the end of the log :func:`note_opened` reads to find the gap before an open
TAIL_BYTES = 64 * 1024
#: a keyword longer than this is not proposed (a pasted paragraph is not a search word)
MAX_KEYWORD = 30
OPENED = "opened"
#: how a suggestion is accepted: a keyword of the document, or a synonym group
KEYWORD, SYNONYM = "keyword", "synonym"
#: at most this many entries of the first words go into a synonym group
MAX_FIRST_WORDS = 3
#: at most this many of the words that worked (the most frequent) go into a synonym group
MAX_WORKED = 2
_lock = threading.Lock()


class SuggestionError(KbError):
    """A suggestion that cannot be accepted (unknown, or the document cannot take it)."""


def require_editor(team: Team, settings: Settings) -> None:
    """Refuse unless this user may accept suggestions (an editor's action, roster or not).

    Raises:
        NotAllowed: the message names the role needed and where the user's role came from.
    """
    require(team.role(settings), "accept_suggestion")


def _normal(text: str) -> str:
    return " ".join(str(text).split())


def _tail(path: Path) -> list[dict[str, object]]:
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - TAIL_BYTES))
            data = handle.read()
    except FileNotFoundError:
        return []
    lines = data.decode("utf-8", errors="replace").splitlines()
    if size > TAIL_BYTES and lines:
        lines = lines[1:]  # the first may be cut
    items: list[dict[str, object]] = []
    for line in lines:
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if isinstance(item, dict):
            items.append(item)
    return items


def note_opened(doc_id: str, query: str, *, when: dt.datetime | None = None,
                clock: Clock, settings: Settings | None = None) -> bool:
    """Record that ``doc_id`` was opened from the results of a search for ``query``.

    Recorded only when this workstation's last gap search, within :data:`WINDOW` before, was
    made with other words (a reformulation); return whether a line was written. A log that
    cannot be read or written is reported in the log file and otherwise ignored.
    """
    query = _normal(query)
    if not doc_id or not query:
        return False
    when = when or clock.now()
    if when.tzinfo is None:
        when = when.astimezone()
    path = no_results_path()
    with _lock:
        try:
            items = _tail(path)
        except OSError as exc:
            log.warning("cannot read the search log %s: %s", path, exc)
            return False
        gap: str | None = None
        for item in reversed(items):
            stamp = parse_iso_time(item.get("when")) if isinstance(item.get("when"), str) else None
            if stamp is None:
                continue
            if stamp < when - WINDOW:
                break
            if stamp > when:
                continue
            if OPENED in item:
                if item.get(OPENED) == doc_id and gap is None:
                    return False  # this open after this gap is already recorded
                continue
            text = _normal(str(item.get("query", "")))
            if text:
                gap = text
                break
        if gap is None or fold(gap) == fold(query):
            return False
        return append_json_line(
            path, {"when": when.isoformat(), "workstation": workstation_name(settings),
                   OPENED: doc_id, "after": gap, "found_with": query},
            "add to the search log", log)


@dataclass(frozen=True)
class Evidence:
    """One agent's search that led to a suggestion."""

    workstation: str
    when: dt.datetime
    searched: str  # the first words, that found nothing useful
    found_with: str  # the words the document was opened from


@dataclass
class Suggestion:
    """A proposed keyword: words agents searched before opening a document found otherwise."""

    id: str  # stable while the log grows: made of the folded words and the document
    keyword: str  # the words as last typed
    doc_id: str
    title: str
    count: int = 0  # times seen
    workstations: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def found_with(self) -> list[str]:
        """The words that worked, most frequent first."""
        counts = Counter(e.found_with for e in self.evidence)
        return [words for words, _n in counts.most_common()]

    def describe(self) -> str:
        """One line: 'agents searched 手机号换了, then opened 變更聯絡電話 (3 times, 2 places)'."""
        return (f"agents searched {self.keyword}, then opened {self.title} "
                f"({self.count} times, {len(self.workstations)} workstations)")


def suggestion_id(keyword: str, doc_id: str) -> str:
    """The id of the suggestion of ``keyword`` for ``doc_id`` (8 hex digits)."""
    digest = hashlib.sha1(f"{fold(keyword)}\t{doc_id}".encode()).hexdigest()
    return digest[:8]


def gather(records: Iterable[Mapping[str, object]], documents: Mapping[str, Document],
           min_workstations: int = MIN_WORKSTATIONS,
           synonyms: Sequence[Sequence[str]] = ()) -> list[Suggestion]:
    """Every workstation's opened lines as suggestions, most workstations and times first.

    A pair is proposed when seen from at least ``min_workstations`` workstations, for a
    document the library still has, whose keywords do not hold the words yet, and whose
    first words share no group of ``synonyms`` (the library's) with the words that worked.
    Lines that are not opened lines, or are incomplete, are skipped.
    """
    rows: dict[str, Suggestion] = {}
    for item in records:
        doc_id = item.get(OPENED)
        after = _normal(str(item.get("after", "")))
        found_with = _normal(str(item.get("found_with", "")))
        raw_when = item.get("when")
        when = parse_iso_time(raw_when) if isinstance(raw_when, str) else None
        if not isinstance(doc_id, str) or not after or when is None:
            continue
        doc = documents.get(doc_id)
        if doc is None or len(after) > MAX_KEYWORD:
            continue
        if fold(after) in {fold(k) for k in doc.keywords}:
            continue  # accepted already
        key = suggestion_id(after, doc_id)
        row = rows.get(key)
        if row is None:
            row = rows[key] = Suggestion(key, after, doc_id, doc.title)
        station = str(item.get("workstation", ""))
        row.count += 1
        row.workstations.add(station)
        row.evidence.append(Evidence(station, when, after, found_with))
    out = [r for r in rows.values() if len(r.workstations) >= min_workstations]
    for row in out:
        row.evidence.sort(key=lambda e: e.when)
        row.keyword = row.evidence[-1].searched  # as last typed
    if synonyms:
        keyed = _keyed(synonyms)
        out = [row for row in out if not _covered(row, keyed)]
    return sorted(out, key=lambda r: (-len(r.workstations), -r.count, r.keyword, r.doc_id))


def of_team(team: Team, documents: Iterable[Document],
            min_workstations: int = MIN_WORKSTATIONS) -> list[Suggestion]:
    """The suggestions of every workstation's shared search log (see :func:`gather`), with
    the synonym groups of the library's ``library.yaml``."""
    groups = load_config(team.root)[0].synonyms
    return gather(team.records(SEARCHLOG), {d.id: d for d in documents}, min_workstations,
                  groups)


class VersionTexts(Protocol):
    """The versions of documents (``kb.versions``)."""

    def history(self, doc_id: str) -> Sequence[object]: ...

    def text_at(self, doc_id: str, version: int) -> str: ...


class Publishes(Protocol):
    """Publishing a new version (``kb.publishing``)."""

    def publish(self, doc: str, text: str, note: str, author: str | None = None
                ) -> PublishResult: ...

    def publish_library_config(self, change: Callable[[str], str], note: str | None,
                               author: str | None = None) -> FileResult: ...


class Publisher(Protocol):
    """What :func:`accept` needs of a library (``KnowledgeBase`` is one)."""

    def document(self, doc_id: str) -> Document: ...

    @property
    def versions(self) -> VersionTexts: ...

    @property
    def publishing(self) -> Publishes: ...

    @property
    def team(self) -> Team: ...


def with_keyword(text: str, keyword: str, path: str = "-") -> str:
    """``text`` with ``keyword`` added to its ``keywords:`` (kept as they are, no duplicate).

    Raises:
        DocumentError: the text is not a document kbdesk can read.
    """
    words = list(build_document(path, text).keywords)
    if fold(keyword) in {fold(w) for w in words}:
        return text
    return set_field(text, "keywords", [*words, keyword], path)


def change_note(suggestion: Suggestion) -> str:
    """The change note of an accepted suggestion."""
    return (f"搜尋建議：新增關鍵詞「{suggestion.keyword}」（{len(suggestion.workstations)} 台工作站"
            f"共 {suggestion.count} 次搜尋「{suggestion.keyword}」後，改用其他字詞開啟本文件）")


def accept(library: Publisher, suggestion: Suggestion, settings: Settings,
           author: str | None = None, note: str | None = None) -> PublishResult:
    """Add the suggestion's words to its document's keywords and publish the document.

    The text published is the document's latest published version (an editor's unpublished
    edit of the file is not published with it). Returns the publish result.

    Raises:
        NotAllowed: this user is not an editor.
        SuggestionError: the document has no published version.
    """
    require_editor(library.team, settings)
    doc = library.document(suggestion.doc_id)
    versions = library.versions.history(doc.id)
    if not versions:
        raise SuggestionError(f"{doc.path}: the document has no published version yet; "
                              "publish it before adding keywords")
    latest = max(int(getattr(v, "version", 0)) for v in versions)
    text = library.versions.text_at(doc.id, latest)
    new_text = with_keyword(text, suggestion.keyword, doc.path)
    if new_text == text:
        raise SuggestionError(f"{doc.path}: '{suggestion.keyword}' is already a keyword")
    return library.publishing.publish(doc.id, new_text, note or change_note(suggestion), author)


# -- accepting as a synonym group -------------------------------------------------------------

def _same(word: str) -> str:
    """How words of synonym groups compare: as the search reads them (folded, filler out)."""
    from kbdesk.core.search.thesaurus import query_form

    return query_form(word)


def first_words(searched: str, found_with: Sequence[str] = ()) -> list[str]:
    """The meaningful words of the agents' first words, as typed, for a synonym group.

    A whole sentence is a poor synonym (``客人一直骂人怎么办`` would have to be typed again
    exactly), so the first words are read as the search reads them: segmented, question and
    spoken filler words (怎么办, 一直, 了 …) left out. What remains is kept in runs: words next
    to each other in the query stay one entry, as typed (``资料异动``; ``手机号换``, which the
    search finds again when ``手机号换了`` is typed); a left-out word or a space ends a run.
    A run of single characters alone would expand every query holding it, so it is never an
    entry of its own: when only filler (no space) separates it from the next run, or else from
    the previous one, it is kept with that run, the filler left out (``钱咋还没回来`` →
    ``钱没回来``, which the search joins again when ``钱咋还没回来`` is typed: 钱 says what
    did not come back); otherwise it is left out. A run the words that worked already hold
    adds nothing and is left out. At most :data:`MAX_FIRST_WORDS` entries; when nothing is
    left, the first words themselves (spaces tidied).
    """
    from kbdesk.core.search.query import STOPWORDS, segment
    from kbdesk.core.search.thesaurus import MAX_JOIN

    text = _normal(searched)
    folded = fold(text)
    if len(folded) != len(text):  # the fold keeps lengths; if not, work on the folded text
        text = folded
    worked = [fold(_normal(w)) for w in found_with]
    runs: list[list[tuple[int, int]]] = []  # kept words next to each other: (start, end)
    joinable: list[bool] = []  # [i]: only filler separates runs[i] from runs[i + 1]
    current: list[tuple[int, int]] = []
    filler_only = True

    def close() -> None:
        nonlocal current, filler_only
        if current:
            runs.append(current)
            current, filler_only = [], True

    position = 0
    for word in segment(folded):
        start = folded.find(word, position)
        if start == -1:
            continue
        if start != position:  # a space
            close()
            filler_only = False
        if word in STOPWORDS:
            close()
        else:
            if len(current) >= MAX_JOIN:
                close()
                filler_only = False  # a full run is never joined with more
            if not current and runs:
                joinable.append(filler_only)
            current.append((start, start + len(word)))
        position = start + len(word)
    close()
    out: list[str] = []
    for run in _with_lone_characters(runs, joinable, MAX_JOIN):
        entry = "".join(text[start:end] for start, end in run)
        if any(fold(entry) in w for w in worked) or entry in out:
            continue
        out.append(entry)
    return out[:MAX_FIRST_WORDS] or ([text] if text else [])


def _with_lone_characters(runs: list[list[tuple[int, int]]], joinable: Sequence[bool],
                          most: int) -> list[list[tuple[int, int]]]:
    """``runs`` with each run of single characters kept with the next run (else the previous
    one) when only filler separates them and the two hold at most ``most`` words; a run of
    single characters that cannot be kept so is left out."""
    def lone(run: list[tuple[int, int]]) -> bool:
        return all(end - start < 2 for start, end in run)

    runs = [list(run) for run in runs]
    out: list[list[tuple[int, int]]] = []
    previous_out = False  # whether runs[number - 1] is out[-1] as it was
    for number, run in enumerate(runs):
        if not lone(run):
            out.append(run)
            previous_out = True
            continue
        following = runs[number + 1] if number + 1 < len(runs) else None
        if (following is not None and joinable[number]
                and len(run) + len(following) <= most):
            runs[number + 1] = run + following  # kept with the next (lone ones chain on)
        elif previous_out and joinable[number - 1] and len(out[-1]) + len(run) <= most:
            out[-1] = out[-1] + run
        previous_out = False
    return out


def _worked(suggestion: Suggestion) -> list[str]:
    """The words that worked, most frequent first, each once as the search reads it, at most
    :data:`MAX_WORKED`."""
    out: dict[str, str] = {}
    for word in suggestion.found_with:
        key = _same(word)
        if key and key not in out:
            out[key] = word
    return list(out.values())[:MAX_WORKED]


def synonym_words(suggestion: Suggestion) -> list[str]:
    """The words a synonym group made of ``suggestion`` holds: its first words
    (:func:`first_words`), then the words that worked, most frequent first (at most
    :data:`MAX_WORKED`), each once as the search reads it."""
    worked = _worked(suggestion)
    words: list[str] = []
    seen: set[str] = set()
    for word in [*first_words(suggestion.keyword, worked), *worked]:
        key = _same(word)
        if key and key not in seen:
            seen.add(key)
            words.append(word)
    return words


def in_synonym_group(suggestion: Suggestion, groups: Sequence[Sequence[str]]) -> bool:
    """Whether one of ``groups`` holds the suggestion's first words with a word that worked
    (it was accepted as a synonym group, or an editor wrote that group by hand)."""
    return _covered(suggestion, _keyed(groups))


def _keyed(groups: Sequence[Sequence[str]]) -> list[set[str]]:
    return [{_same(str(w)) for w in group} for group in groups]


def _covered(suggestion: Suggestion, groups: Sequence[set[str]]) -> bool:
    """Whether a group holds a word that worked with the first words: all of
    :func:`first_words`, or (an editor's own words) a word of two or more characters that the
    first words hold, as the search reads them, and the words that worked do not."""
    first = {_same(w) for w in first_words(suggestion.keyword, _worked(suggestion))}
    worked = {_same(w) for w in suggestion.found_with}
    searched = _same(suggestion.keyword)

    def part(word: str) -> bool:
        return len(word) >= 2 and word in searched and not any(word in w for w in worked)

    return any(bool(worked & words) and (first <= words or any(part(w) for w in words))
               for words in groups)


#: what separates the words of a group an editor writes (``钱没回来,退款到账``)
GROUP_SEPARATORS = ",，、"


def split_group(text: str) -> list[str]:
    """The entries of a group as an editor writes it, split at ``,``, ``，`` or ``、``, spaces
    around each tidied (no check: see :func:`group_words`)."""
    for separator in GROUP_SEPARATORS[1:]:
        text = text.replace(separator, GROUP_SEPARATORS[0])
    return [_normal(part) for part in text.split(GROUP_SEPARATORS[0])]


def group_words(words: str | Sequence[str]) -> list[str]:
    """An editor's synonym group, checked: a text of entries separated by ``,`` ``，`` or
    ``、`` (``钱没回来,退款到账``), or the entries themselves.

    Raises:
        SuggestionError: an empty entry, an entry longer than :data:`MAX_KEYWORD`, two entries
            the search reads as the same word, or fewer than two entries; the message names
            the group and the entry.
    """
    entries = split_group(words) if isinstance(words, str) else [_normal(w) for w in words]
    shown = words if isinstance(words, str) else "、".join(str(w) for w in words)
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        if not entry:
            raise SuggestionError(f"synonym group '{shown}': entry {number} is empty "
                                  f"(separate the words with commas: 钱没回来,退款到账)")
        if len(entry) > MAX_KEYWORD:
            raise SuggestionError(f"synonym group '{shown}': entry {number} is longer than "
                                  f"{MAX_KEYWORD} characters")
        key = _same(entry)
        if key in seen:
            raise SuggestionError(f"synonym group '{shown}': entries {seen[key]} and {number} "
                                  "are the same word to the search")
        seen[key] = number
    if len(entries) < 2:
        raise SuggestionError(f"synonym group '{shown}': a group needs at least two words, "
                              "separated by commas (钱没回来,退款到账)")
    return entries


def synonym_note(suggestion: Suggestion, words: Sequence[str]) -> str:
    """The change note of a suggestion accepted as a synonym group."""
    return (f"搜尋建議：同義詞組加入「{'、'.join(words)}」（{len(suggestion.workstations)} 台"
            f"工作站共 {suggestion.count} 次搜尋「{suggestion.keyword}」後，改用"
            f"「{'、'.join(_worked(suggestion))}」開啟「{suggestion.title}」）")


@dataclass(frozen=True)
class SynonymAccepted:
    """What accepting a suggestion as a synonym group did.

    Attributes:
        result: the publish of ``library.yaml`` (commit, re-indexed).
        change: the group written (and whether an existing group was extended).
        note: the change note it was published with.
    """

    result: FileResult
    change: GroupChange
    note: str


def accept_as_synonym(library: Publisher, suggestion: Suggestion, settings: Settings,
                      author: str | None = None, note: str | None = None,
                      words: str | Sequence[str] | None = None) -> SynonymAccepted:
    """Add the suggestion's words (:func:`synonym_words`) to ``library.yaml`` as a synonym
    group, or to the group that already holds one of them, and publish it (a change note says
    where the words came from). The library is re-read and re-indexed: the first words find
    the document from then on, and the suggestion is no longer proposed.

    Args:
        words: the editor's group instead of the proposed one (checked by
            :func:`group_words`: ``钱没回来,退款到账``).

    Raises:
        NotAllowed: this user is not an editor.
        SuggestionError: the editor's words are not a group (an empty entry, fewer than two),
            the group would change nothing, or ``library.yaml`` cannot take it
            (broken, or its synonyms written in a way that cannot be edited safely); the
            message names ``library.yaml`` and the field, and nothing is written.
        PublishError: the publish was refused (unpublished edits of ``library.yaml`` …).
    """
    require_editor(library.team, settings)
    group = group_words(words) if words is not None else synonym_words(suggestion)
    if len(group) < 2:
        raise SuggestionError(f"'{suggestion.keyword}' and the words that worked read as the "
                              "same words: no synonym group to add")
    done: list[GroupChange] = []

    def change(text: str) -> str:
        try:
            new_text, changed = add_synonym_group(text, group, _same)
        except ConfigEditError as exc:
            raise SuggestionError(str(exc)) from None
        done.append(changed)
        return new_text

    text = note or synonym_note(suggestion, group)
    result = library.publishing.publish_library_config(change, text, author)
    return SynonymAccepted(result, done[-1], text)


def find(suggestions: Sequence[Suggestion], wanted: str) -> Suggestion:
    """The suggestion with id ``wanted`` (or its number in the list, from 1)."""
    for row in suggestions:
        if row.id == wanted:
            return row
    if wanted.isdigit() and 1 <= int(wanted) <= len(suggestions):
        return suggestions[int(wanted) - 1]
    raise SuggestionError(f"no suggestion '{wanted}' (see `kbdesk report suggestions`)")
