"""The agent's own state kept across restarts: favourites, recently viewed, no-results log.

``userstate.json`` (favourites and recents) lives in the app data folder and is written
atomically after every change. A file that cannot be read is kept aside as ``.bak`` and the
state starts empty, so a damaged file never stops the app. Searches that found nothing are
appended, one JSON line each, to ``no-results.jsonl`` so editors can see gaps in the library.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from kbdesk.core.clock import Clock, parse_iso_time
from kbdesk.core.errors import UserStateError
from kbdesk.core.text.folding import fold
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.identity import workstation_name
from kbdesk.core.workstation.storage import append_json_line, atomic_write_text

log = logging.getLogger(__name__)

STATE_FILE = "userstate.json"
NO_RESULTS_FILE = "no-results.jsonl"
RECENTS_CAP = 30
QUERY_CAP = 200
_FORMAT = 1
_log_lock = threading.Lock()


@dataclass(frozen=True)
class Recent:
    """A document the agent opened, and when (timezone-aware)."""

    doc_id: str
    when: dt.datetime


def _parse_time(value: object) -> dt.datetime | None:
    return parse_iso_time(value) if isinstance(value, str) else None


class UserState:
    """Favourites and recently viewed documents of this user.

    Args:
        path: the JSON file; default ``paths.data_dir()/userstate.json``.
        clock: what stamps recents and searches without results (the open library's clock).
    """

    def __init__(self, path: Path | None = None, *, clock: Clock) -> None:
        self.path = path or paths.data_dir() / STATE_FILE
        # a save from a worker (the app writes recents off its UI thread) and one from the UI
        # thread never interleave: the later one writes the newer state
        self._save_lock = threading.Lock()
        self.clock = clock
        self._favourites: list[str] = []
        self._recents: list[Recent] = []

    @classmethod
    def load(cls, path: Path | None = None, *, clock: Clock) -> UserState:
        """Read the state file; a missing file is an empty state, a broken one is set aside."""
        state = cls(path, clock=clock)
        try:
            raw = state.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return state
        except (OSError, UnicodeDecodeError) as exc:
            state._set_aside(f"cannot be read ({exc})")
            return state
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            state._set_aside(f"is not valid ({exc})")
            return state
        state._favourites = _unique_ids(data.get("favourites"))
        state._recents = _recents(data.get("recents"))
        return state

    def _set_aside(self, reason: str) -> None:
        backup = self.path.with_name(self.path.name + ".bak")
        log.warning("%s %s; keeping it as %s and starting empty", self.path, reason, backup)
        try:
            os.replace(self.path, backup)
        except OSError as exc:
            log.warning("cannot keep %s aside: %s", self.path, exc)

    def save(self) -> None:
        """Write the state atomically (UserStateError when it cannot be written); safe to call
        from several threads."""
        with self._save_lock:
            self._save()

    def _save(self) -> None:
        data = {
            "format": _FORMAT,
            "favourites": self._favourites,
            "recents": [{"id": r.doc_id, "when": r.when.isoformat()} for r in self._recents],
        }
        try:
            atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        except OSError as exc:
            raise UserStateError(f"cannot save favourites and recents to {self.path}: {exc}"
                                 ) from exc

    # -- favourites ---------------------------------------------------------------------------

    def favourites(self) -> list[str]:
        """Favourite document ids, in the order they were added."""
        return list(self._favourites)

    def is_favourite(self, doc_id: str) -> bool:
        """Whether a document is a favourite."""
        return doc_id in self._favourites

    def set_favourite(self, doc_id: str, favourite: bool, *, save: bool = True) -> None:
        """Add or remove a favourite (and save; ``save=False``: the caller calls ``save()``,
        as the app does off its UI thread)."""
        if not doc_id:
            raise ValueError("a favourite needs a document id")
        if favourite == self.is_favourite(doc_id):
            return
        if favourite:
            self._favourites.append(doc_id)
        else:
            self._favourites.remove(doc_id)
        if save:
            self.save()

    def toggle_favourite(self, doc_id: str, *, save: bool = True) -> bool:
        """Flip a document's favourite mark (and save, unless ``save=False``); return whether
        it is a favourite now."""
        self.set_favourite(doc_id, not self.is_favourite(doc_id), save=save)
        return self.is_favourite(doc_id)

    # -- recents ------------------------------------------------------------------------------

    def recents(self) -> list[Recent]:
        """Recently viewed documents, most recent first."""
        return list(self._recents)

    def add_recent(self, doc_id: str, when: dt.datetime | None = None, *,
                   save: bool = True) -> None:
        """Record that a document was opened (moves it to the front; keeps the newest 30).

        Args:
            save: write the state at once; False: the caller calls ``save()`` (the app does,
                off its UI thread).
        """
        if not doc_id:
            raise ValueError("a recent entry needs a document id")
        when = when or self.clock.now()
        if when.tzinfo is None:
            when = when.astimezone()
        rest = [r for r in self._recents if r.doc_id != doc_id]
        self._recents = [Recent(doc_id, when), *rest][:RECENTS_CAP]
        if save:
            self.save()

    def clear_recents(self) -> None:
        """Forget every recently viewed document (and save)."""
        self._recents = []
        self.save()

    def forget(self, doc_id: str) -> None:
        """Drop a document from favourites and recents (for example when it was deleted)."""
        before = (len(self._favourites), len(self._recents))
        self._favourites = [f for f in self._favourites if f != doc_id]
        self._recents = [r for r in self._recents if r.doc_id != doc_id]
        if (len(self._favourites), len(self._recents)) != before:
            self.save()

    # -- searches that found nothing ----------------------------------------------------------

    def log_no_results(
        self, query: str, when: dt.datetime | None = None, match: str = "none"
    ) -> None:
        """Append a search that found nothing (or only partial matches) to the log, stamped
        by this state's clock unless ``when`` is given."""
        log_no_results(query, when, match=match, clock=self.clock)

    def no_results(self, since: dt.date | None = None) -> list[tuple[dt.datetime, str, int]]:
        """Return the no-results log aggregated (see :func:`no_results`)."""
        return no_results(since)


def _unique_ids(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    seen: dict[str, None] = {}
    for item in value:
        if isinstance(item, str) and item:
            seen.setdefault(item, None)
    return list(seen)


def _recents(value: object) -> list[Recent]:
    if not isinstance(value, list):
        return []
    out: list[Recent] = []
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, dict):
            continue
        doc_id, when = item.get("id"), _parse_time(item.get("when"))
        if isinstance(doc_id, str) and doc_id and when and doc_id not in seen:
            seen.add(doc_id)
            out.append(Recent(doc_id, when))
    out.sort(key=lambda r: r.when, reverse=True)
    return out[:RECENTS_CAP]


def no_results_path() -> Path:
    """Return the no-results log file."""
    return paths.data_dir() / NO_RESULTS_FILE


def _normal_query(query: str) -> str:
    return re.sub(r"\s+", " ", query).strip()[:QUERY_CAP]


def log_no_results(
    query: str,
    when: dt.datetime | None = None,
    match: str = "none",
    *,
    clock: Clock,
) -> None:
    """Append one search that found nothing (blank queries are ignored).

    It is stamped ``when``, or else now by ``clock`` (the library's: ``kb.clock``).

    ``match`` is "none" for a search without results and "partial" for one whose hits hold
    only some of its words; lines written before this field existed read as "none".

    A log that cannot be written is reported in the log file and otherwise ignored: it must
    never get in the agent's way.
    """
    text = _normal_query(query)
    if not text:
        return
    when = when or clock.now()
    if when.tzinfo is None:
        when = when.astimezone()
    item = {"when": when.isoformat(), "query": text, "workstation": workstation_name()}
    if match != "none":
        item["match"] = match
    with _log_lock:
        append_json_line(no_results_path(), item, "log a search without results to", log)


def no_results(since: dt.date | None = None) -> list[tuple[dt.datetime, str, int]]:
    """Return the logged searches that found nothing (see :func:`search_gaps`), aggregated."""
    return [(r.last, r.query, r.count) for r in search_gaps(since) if r.match == "none"]


def search_gaps(since: dt.date | None = None) -> list[GapRow]:
    """Return the logged searches that found nothing or only partial matches, aggregated.

    Queries that differ only in script, case, width or spacing count as one (per kind of
    match). Each row says when it was last searched, the query as last typed, the times
    searched and the match ("none" or "partial"), most searched first.

    Args:
        since: only searches on or after this date (the wall-clock date where they were made).
    """
    path = no_results_path()
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return []
    rows: dict[str, GapRow] = {}
    bad = 0
    for line in lines:
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if "opened" in item:  # an open after a reformulated search (team/suggestions.py)
                continue
            when = _parse_time(item["when"])
            query = _normal_query(item["query"])
            match = "partial" if item.get("match") == "partial" else "none"
        except (ValueError, KeyError, TypeError, AttributeError):
            bad += 1
            continue
        if when is None or not query:
            bad += 1
            continue
        if since is not None and when.date() < since:
            continue
        row = rows.setdefault(f"{match}\t{fold(query)}", GapRow(query, 0, when))
        row.count += 1
        if match == "partial":
            row.partial += 1
        if when >= row.last:
            row.last, row.query = when, query
    if bad:
        log.warning("%s: skipped %d unreadable line(s)", path, bad)
    return sorted(rows.values(), key=lambda r: (-r.count, -r.last.timestamp(), r.query))


@dataclass
class GapRow:
    """One search that found nothing or only partial matches, aggregated.

    The rows of this workstation's log (:func:`search_gaps`, one row per kind of match) and of
    the whole team (``Team.no_results``, one row per query) are both of this type.
    """

    query: str  # as last typed
    count: int  # times searched
    last: dt.datetime  # when last searched
    partial: int = 0  # how many of those searches found partial matches (no hit held every word)
    workstations: set[str] = field(default_factory=set)  # team rows: who searched it

    @property
    def match(self) -> str:
        """"none" (nothing found), "partial" (only partial matches) or "mixed" (both)."""
        if not self.partial:
            return "none"
        return "partial" if self.partial == self.count else "mixed"
