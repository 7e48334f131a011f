"""Which version of each document is in force on a given day (what agents see and search).

A published version comes into force on its ``effective`` date (or, without one, on the day it
was committed). Until then it is *pending*: agents keep seeing the newest older version that is
in force, read back from git history. Asked about a past day, the same rule answers what was in
force then. A retired version in force stays listed, with status retired (search hides it
unless asked). A library folder without git has no older versions: its files are in force as
they are.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from kbdesk.core.clock import Clock, parse_iso_date
from kbdesk.core.errors import DocumentError
from kbdesk.core.library.model import Document
from kbdesk.core.library.parse import build_document
from kbdesk.core.storage.history import History, VersionInfo
from kbdesk.core.storage.worktree import Change
from kbdesk.core.workflow.versioning import Versioning

log = logging.getLogger(__name__)

#: How many in-force snapshots (one per day asked, history and working files) are kept.
SNAPSHOTS_KEPT = 8


def _fingerprint(working: Mapping[str, Document]) -> frozenset[tuple[str, str, str]]:
    return frozenset((doc_id, doc.path, doc.digest) for doc_id, doc in working.items())


def starts(info: VersionInfo) -> dt.date:
    """The day a version comes into force: its effective date, else the day it was published."""
    return parse_iso_date(info.effective) or info.day


@dataclass(frozen=True)
class TodaySnapshot:
    """The documents in force on one day as one resolution found them; never changed after
    it is made, so any thread reads it without a lock.

    Attributes:
        day: the day it answers for (the clock's today when it was made).
        working: the working documents it was resolved from (the library's own snapshot).
        fingerprint: what those working documents were (id, path, digest).
        history: the history it read, and ``head``: the commit that history was at.
        documents: the documents in force, by id (read-only).
    """

    day: dt.date
    working: Mapping[str, Document]
    fingerprint: frozenset[tuple[str, str, str]]
    history: History | None
    head: str | None
    documents: Mapping[str, Document]


@dataclass(frozen=True)
class Pending:
    """A published version waiting for its effective date."""

    doc_id: str
    path: str
    version: int | None
    effective: dt.date
    in_force_version: int | None


class EffectiveResolver:
    """Resolves the documents in force on a day from the working files and git history.

    Args:
        versioning: the library's versions.
        clock: what today is (the library's clock).
    """

    def __init__(self, versioning: Versioning, clock: Clock) -> None:
        self.versioning = versioning
        self.clock = clock
        self._lock = threading.Lock()
        self._built: dict[tuple[str, str], Document | None] = {}
        self._snapshots: OrderedDict[tuple[object, ...], dict[str, Document]] = OrderedDict()
        #: today's answer of the last resolution, swapped in with one assignment (read freely)
        self._today: TodaySnapshot | None = None

    def today(self) -> dt.date:
        """Today by the resolver's clock."""
        return self.clock.today()

    def _at_commit(self, info: VersionInfo) -> Document | None:
        key = (info.path, info.commit)
        with self._lock:
            if key in self._built:
                return self._built[key]
        repo = self.versioning.repo()
        text = repo.read_text(info.commit, info.path) if repo is not None else None
        doc: Document | None = None
        if text is not None:
            try:
                doc = build_document(info.path, text)
            except DocumentError as exc:
                log.warning(
                    "old version %s@%s cannot be read: %s", info.path, info.commit[:10], exc
                )
        with self._lock:
            self._built[key] = doc
        return doc

    def choose(
        self, path: str, working: Document | None, as_of: dt.date, edited: bool | None = None
    ) -> tuple[Document | None, list[VersionInfo]]:
        """Return the document in force at ``path`` on ``as_of`` and the versions pending then.

        ``edited``: whether the working file was edited since it was last published, when the
        caller already knows (else it is checked here).
        """
        entries = [e for e in self.versioning.versions(path, refresh=False) if not e.superseded]
        if edited is None and working is not None and entries:
            edited = self._edited(path, working)
        if working is not None and entries and edited:
            working = None  # agents see the published version, never an unpublished edit
        use_working = working is not None and as_of >= self.today()
        best: VersionInfo | None = None
        pending: list[VersionInfo] = []
        for info in entries:
            if info.day > as_of:
                continue
            if starts(info) > as_of:
                pending.append(info)
                continue
            if best is None or (info.version or 0) > (best.version or 0):
                best = info
        # a pending version that a later one (a rollback, a correction) replaces before its
        # date never comes into force: it is no longer pending
        pending = [
            p for p in pending
            if not any(
                (o.version or 0) > (p.version or 0) and o.day <= as_of and starts(o) <= starts(p)
                for o in entries
            )
        ]
        if use_working and working is not None:
            start = working.effective or as_of
            if start <= as_of and (best is None or working.version >= (best.version or 0)):
                return working, pending
            if not entries:
                # no history of this file (new, never committed): it is what there is
                return (working, pending) if start <= as_of else (None, pending)
        if best is None:
            return None, pending
        if (
            working is not None
            and working.version == best.version
            and entries
            and entries[0].commit == best.commit
            and use_working
        ):
            return working, pending
        return self._at_commit(best), pending

    def _edited(self, path: str, working: Document) -> bool:
        """True when the working file was edited since it was last published."""
        files = {path: (working.mtime_ns, working.size)}
        return self.versioning.unpublished(files).get(path) is Change.MODIFIED

    def resolve(
        self, working: Mapping[str, Document], as_of: dt.date | None = None
    ) -> dict[str, Document]:
        """Return the documents in force on ``as_of`` (default today), by id.

        Snapshots are cached: asked again for the same day, with the same history and working
        files, the answer is not recomputed.
        """
        day = as_of or self.today()
        fingerprint = _fingerprint(working)
        history = self.versioning.history()
        if history is None:
            self._keep_today(day, working, fingerprint, None, None, working)
            return dict(working)
        history.refresh()
        head = history.head
        key = (day, self.today(), head, fingerprint)
        with self._lock:
            cached = self._snapshots.get(key)
            if cached is not None:
                self._snapshots.move_to_end(key)
        if cached is None:
            cached = self._resolve(working, day, history)
            with self._lock:
                self._snapshots[key] = cached
                while len(self._snapshots) > SNAPSHOTS_KEPT:
                    self._snapshots.popitem(last=False)
        self._keep_today(day, working, fingerprint, history, head, cached)
        return dict(cached)

    def _keep_today(self, day: dt.date, working: Mapping[str, Document],
                    fingerprint: frozenset[tuple[str, str, str]], history: History | None,
                    head: str | None, documents: Mapping[str, Document]) -> None:
        if day == self.today():
            self._today = TodaySnapshot(day, working, fingerprint, history, head,
                                        MappingProxyType(dict(documents)))

    def today_snapshot(self, working: Mapping[str, Document]) -> Mapping[str, Document] | None:
        """The documents in force today, by id, from the last resolution, while it still
        holds: made today, from these working documents (the same ones, or the same files), and
        no newer history read since. None otherwise (then ask ``resolve``).

        It takes no lock and reads no disk or git, so the UI thread may call it while a build,
        a publish or a sync holds the history: it answers what the search index was built
        from (every index sync resolves today's documents first).
        """
        snapshot = self._today
        if snapshot is None or snapshot.day != self.today():
            return None
        if snapshot.history is not None and snapshot.history.head != snapshot.head:
            return None
        if snapshot.working is not working and snapshot.fingerprint != _fingerprint(working):
            return None
        return snapshot.documents

    def today_document(self, doc_id: str, working: Mapping[str, Document]) -> Document | None:
        """The version of one document in force today from the last resolution, while that
        still holds for it: made today, no newer history read since, and its working file the
        same (other files may have changed: a folder re-read whose resolution is still under
        way). None otherwise, also when the resolution found no version in force (then ask
        ``choose``). Like :meth:`today_snapshot`, it takes no lock and reads no disk.
        """
        snapshot = self._today
        if snapshot is None or snapshot.day != self.today():
            return None
        if snapshot.history is not None and snapshot.history.head != snapshot.head:
            return None
        now, then = working.get(doc_id), snapshot.working.get(doc_id)
        if now is None or then is None:
            return None
        if now is not then and (now.path, now.digest) != (then.path, then.digest):
            return None
        return snapshot.documents.get(doc_id)

    def _resolve(
        self, working: Mapping[str, Document], day: dt.date, history: History
    ) -> dict[str, Document]:
        by_path = {doc.path: doc for doc in working.values()}
        paths = set(by_path)
        if day < self.today():
            paths.update(history.paths())
        # every working file against HEAD at once (one look at HEAD, the git index and its tree)
        changes = self.versioning.unpublished(
            {path: (doc.mtime_ns, doc.size) for path, doc in by_path.items()}
        )
        result: dict[str, Document] = {}
        for path in sorted(paths):
            moved = history.moved_away(path) if path not in by_path else None
            if moved is not None and moved <= day:
                continue  # the document lives at its new path from then on
            edited = changes.get(path) is Change.MODIFIED
            doc, _ = self.choose(path, by_path.get(path), day, edited)
            if doc is not None and doc.id not in result:
                result[doc.id] = doc
        return result

    def pending(
        self, working: Mapping[str, Document], as_of: dt.date | None = None
    ) -> list[Pending]:
        """Versions published but not yet in force on ``as_of`` (default today)."""
        day = as_of or self.today()
        out: list[Pending] = []
        if self.versioning.history() is None:
            for doc in working.values():
                if doc.effective and doc.effective > day:
                    out.append(Pending(doc.id, doc.path, doc.version, doc.effective, None))
            return out
        history = self.versioning.history()
        if history is not None:
            history.refresh()
        for doc in working.values():
            chosen, waiting = self.choose(doc.path, doc, day)
            for info in waiting:
                out.append(
                    Pending(
                        doc.id,
                        doc.path,
                        info.version,
                        starts(info),
                        chosen.version if chosen else None,
                    )
                )
        return sorted(out, key=lambda p: (p.effective, p.doc_id))

    def next_change(self, working: Mapping[str, Document]) -> dt.date | None:
        """The next day a pending version comes into force (for the app to re-index then)."""
        dates = [p.effective for p in self.pending(working)]
        return min(dates) if dates else None
