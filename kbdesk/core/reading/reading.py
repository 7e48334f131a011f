"""What readers see: the version each role reads, 已更新 marks, receipts due, the review list.

These are the rules the desktop app and the CLI used to carry themselves; ``KnowledgeBase``
exposes them as ``kb.reading``. Agents read the version in force (a version waiting for its
effective date stays hidden from them); editors read the newest. A document is *updated* for
this workstation when the version shown is newer than the one last opened here. A document
needs an acknowledgement when it asks for one, is not retired, and the agent has not confirmed
the version shown. The agent's start screen (to acknowledge, recently updated, favourites) and
the supervisor's acknowledgement table are read over the documents in force here too.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from kbdesk.core.clock import Clock, parse_iso_date
from kbdesk.core.errors import DocumentNotFound, KbError
from kbdesk.core.library.model import Document, Kind
from kbdesk.core.library.source import DocumentSource
from kbdesk.core.reading.receipts import ReceiptBook
from kbdesk.core.storage.diff import TextDiff
from kbdesk.core.text.folding import fold

if TYPE_CHECKING:  # the workflow and the team sit above reading; only types are named
    from kbdesk.core.storage.history import VersionInfo
    from kbdesk.core.team.board import AckStatus
    from kbdesk.core.team.duties import Missing
    from kbdesk.core.team.records import Flag
    from kbdesk.core.workflow.effective import Pending
    from kbdesk.core.workstation.startpage import StartPage

log = logging.getLogger(__name__)


class NotInForce(DocumentNotFound):
    """The document exists, but no version of it is in force yet (agents cannot read it)."""

    def __init__(self, doc_id: str, message: str = "") -> None:
        super().__init__(message or f"{doc_id} is not in force yet")
        self.doc_id = doc_id


class ReviewReason(StrEnum):
    """Why a document is on the review list."""

    STALE = "stale"  # past its review date
    PENDING = "pending"  # a version waits for its effective date
    FLAG = "flag"  # an agent flagged a section outdated or unclear
    UNPUBLISHED = "unpublished"  # the file was edited outside kbdesk and not published


@dataclass(frozen=True)
class ReviewItem:
    """One row of the review list.

    Attributes:
        reason: past its review date, a version pending, flagged by an agent, or edited
            outside kbdesk and not published (``in_force`` is then the version agents see,
            None for a file never published; ``detail`` is ``modified`` or ``new``).
        date: the review date, the day the pending version comes into force, or the day of
            the flag.
        version: the pending version (None for a stale document); for a flag, the version
            the agent saw.
        in_force: the version agents see meanwhile (pending rows).
        flag_id: the flag's id (flag rows).
        flag_kind: ``outdated`` or ``unclear`` (flag rows; clients word it).
        detail: for a flag, where, the comment and who: `` › section: comment (agent @ pc)``.
    """

    reason: ReviewReason
    doc_id: str
    title: str
    date: dt.date
    owner: str = ""
    version: int | None = None
    in_force: int | None = None
    flag_id: str = ""
    flag_kind: str = ""
    detail: str = ""


def _in_category(doc: Document, category: str) -> bool:
    """Whether ``doc`` is in ``category`` or below it; the same in either script (話術 = 话术)."""
    if not category:
        return True
    mine, wanted = fold(doc.category), fold(category)
    return mine == wanted or mine.startswith(wanted + "/")


class InForce(Protocol):
    """Which version agents see (the versions service is one)."""

    def document_in_force(self, doc_id: str, as_of: dt.date | None = None) -> Document | None:
        """The version of a document in force on ``as_of`` (default today)."""
        ...

    def in_force_on(self, as_of: dt.date | None = None) -> dict[str, Document]:
        """The documents in force on ``as_of`` (default today), by id."""
        ...

    def in_force_now(self) -> Mapping[str, Document] | None:
        """Today's documents in force from the last resolution, without a lock (None when it
        no longer holds)."""
        ...

    def document_in_force_now(self, doc_id: str) -> Document | None:
        """One document's version in force today from the last resolution, without a lock
        (None when it no longer holds for it)."""
        ...

    def what_changed(self, doc_id: str) -> TextDiff | None:
        """Diff from the version last opened here to the one in force."""
        ...

    def diff(self, doc_id: str, old: int, new: int) -> TextDiff:
        """Compare two versions of a document."""
        ...

    def stale_documents(self, today: dt.date | None = None) -> list[Document]:
        """Documents past their review date."""
        ...

    def pending_versions(self) -> Sequence[Pending]:
        """Published versions waiting for their effective date."""
        ...

    def history(self, doc_id: str) -> list[VersionInfo]:
        """The versions of a document, newest first."""
        ...


class Acknowledgements(Protocol):
    """Who must read what, and who has (the team's records: ``Team`` is one)."""

    def my_overdue(self, docs: Sequence[Document], agent: str | None = None
                   ) -> list[tuple[Document, Missing]]:
        """The documents among ``docs`` this user must still acknowledge, most overdue
        first."""
        ...

    def ack_table(self, docs: Sequence[Document]) -> list[AckStatus]:
        """Who has and has not read each ``ack_required`` document among ``docs``."""
        ...


class Reading:
    """The reading rules of one library (see the module docstring).

    Args:
        source: the working documents.
        versions: which version is in force, diffs, stale and pending versions.
        receipts: read receipts and the versions last opened here.
        clock: the library's clock.
        unpublished: library files edited outside kbdesk, by path (modified/new).
        open_flags: the sections agents flagged that no editor has cleared yet.
        acknowledgements: who must read what and who has (the start screen, the table).
    """

    def __init__(self, source: DocumentSource, versions: InForce, receipts: ReceiptBook,
                 clock: Clock, unpublished: Callable[[], Mapping[str, str]],
                 open_flags: Callable[[], Sequence[Flag]],
                 acknowledgements: Acknowledgements) -> None:
        self._source = source
        self._versions = versions
        self.receipts = receipts
        self.clock = clock
        self._unpublished = unpublished
        self._open_flags = open_flags
        self._acknowledgements = acknowledgements

    # -- which version ----------------------------------------------------------------------

    def document_for(self, doc_id: str, *, editor: bool) -> Document:
        """The version of a document a reader opens: in force for agents, newest for editors.

        Raises:
            NotInForce: an agent asked for a document none of whose versions is in force.
            DocumentNotFound: no such document.
        """
        if editor:
            return self._source.document(doc_id)
        try:
            key = self._source.document(doc_id).id  # by id or path
        except DocumentNotFound:
            key = doc_id  # gone from the folder: history may still know it
        doc = self._in_force_today(key)
        if doc is None:
            raise NotInForce(doc_id)
        return doc

    def _in_force_today(self, doc_id: str) -> Document | None:
        """The version of a document in force today: from today's snapshot while it holds for
        this document (no lock, no disk: a window opens documents while history is busy), else
        resolved from history."""
        found = self._versions.document_in_force_now(doc_id)
        return found if found is not None else self._versions.document_in_force(doc_id)

    def _all_in_force_today(self) -> Mapping[str, Document]:
        """The documents in force today, by id (the snapshot when it holds)."""
        today = self._versions.in_force_now()
        return today if today is not None else self._versions.in_force_on()

    def browse(self, kind: Kind | None = None, category: str = "") -> list[Document]:
        """The documents agents see, filtered by kind and category (with its sub-categories),
        by kind then title."""
        docs = [
            doc
            for doc in self._all_in_force_today().values()
            if (kind is None or doc.kind is kind) and _in_category(doc, category)
        ]
        return sorted(docs, key=lambda d: (d.kind, d.title))

    # -- updated since last seen (已更新) -----------------------------------------------------

    def seen_versions(self) -> dict[str, int]:
        """The version of each document last opened here (empty when it cannot be read)."""
        try:
            return self.receipts.seen_versions()
        except (KbError, OSError, ValueError) as exc:
            log.info("last-seen versions not read: %s", exc)
            return {}

    @staticmethod
    def updated(seen: int | None, version: int) -> bool:
        """The rule: updated when a version was seen here and the one shown is newer."""
        return seen is not None and seen < version

    def updated_among(self, versions: Mapping[str, int]) -> set[str]:
        """Which of ``{doc id: version shown}`` changed since last opened here (one read)."""
        seen = self.seen_versions()
        return {doc_id for doc_id, v in versions.items() if self.updated(seen.get(doc_id), v)}

    def updated_documents(self) -> set[str]:
        """The ids of the documents in force that changed since last opened here."""
        docs = self._all_in_force_today()
        return self.updated_among({doc_id: doc.version for doc_id, doc in docs.items()})

    def is_updated(self, doc_id: str, version: int | None = None) -> bool:
        """Whether a document changed since it was last opened here.

        Args:
            version: the version the caller shows; without it the version in force is looked
                up (which reads history).
        """
        seen = self.receipts.last_seen(doc_id)
        if seen is None:
            return False
        if version is None:
            try:
                doc = self._versions.document_in_force(doc_id)
            except KbError:
                return False
            if doc is None:
                return False
            version = doc.version
        return self.updated(seen, version)

    def mark_seen(self, doc: Document | str) -> None:
        """Remember that a document was opened here (a document id: its version in force)."""
        if isinstance(doc, str):
            try:
                found = self._versions.document_in_force(doc)
            except KbError as exc:
                log.info("cannot mark %s as seen: %s", doc, exc)
                return
            if found is None:
                return
            doc = found
        self.receipts.mark_seen(doc)

    def changes_since(self, doc_id: str, since: int | None = None) -> TextDiff | None:
        """The diff from version ``since`` (default: the one last seen) to the one in force."""
        if since is None:
            return self._versions.what_changed(doc_id)
        doc = self._versions.document_in_force(doc_id)
        if doc is None or doc.version <= since:
            return None
        diff = self._versions.diff(doc_id, since, doc.version)
        diff.old_label, diff.new_label = f"v{since}", f"v{doc.version}"
        return diff

    # -- read receipts ------------------------------------------------------------------------

    def needs_acknowledgement(self, doc: Document, agent: str | None) -> bool:
        """Whether ``agent`` (anyone, for None) still has to confirm the version ``doc`` is."""
        return self.receipts.needs_acknowledgement(doc, agent)

    def version_to_acknowledge(self, doc: Document, agent: str | None) -> Document | None:
        """The version a reader of ``doc`` is asked to confirm, or None when nothing is due.

        A receipt is for the version agents are held to: the one in force, whichever version
        is shown (an editor reads the newest, which may be pending until its date).
        """
        try:
            in_force = self._in_force_today(doc.id)
        except KbError as exc:
            log.info("no version in force of %s to acknowledge: %s", doc.id, exc)
            return None
        if in_force is None or not self.needs_acknowledgement(in_force, agent):
            return None
        return in_force

    def ack_table(self) -> list[AckStatus]:
        """Who has and has not read the version in force of each ``ack_required`` document
        (the supervisor's table), by library path."""
        docs = sorted(self._versions.in_force_on().values(), key=lambda doc: doc.path)
        return self._acknowledgements.ack_table(docs)

    # -- the agent's start screen -------------------------------------------------------------

    def start_page(self, agent: str, favourites: Sequence[str]) -> StartPage:
        """The agent's start screen: to acknowledge, recently updated, favourites (over the
        documents in force today, by the library's clock)."""
        from kbdesk.core.workstation.startpage import start_page

        return start_page(self._versions.in_force_on(), self._acknowledgements, self._versions,
                          agent, favourites, today=self.clock.today())

    # -- review list --------------------------------------------------------------------------

    def review_items(self, today: dt.date | None = None) -> list[ReviewItem]:
        """Documents past their review date (oldest first), versions pending, then the
        sections agents flagged."""
        day = today or self.clock.today()
        items: list[ReviewItem] = []
        stale = sorted(self._versions.stale_documents(day),
                       key=lambda d: (d.review_by or day, d.id))
        for doc in stale:
            assert doc.review_by is not None
            items.append(
                ReviewItem(ReviewReason.STALE, doc.id, doc.title, doc.review_by, doc.owner)
            )
        for pending in self._versions.pending_versions():
            try:
                title = self._source.document(pending.doc_id).title
            except DocumentNotFound:
                title = pending.path
            items.append(
                ReviewItem(
                    ReviewReason.PENDING,
                    pending.doc_id,
                    title,
                    pending.effective,
                    "",
                    pending.version,
                    pending.in_force_version,
                )
            )
        for path, change in sorted(self._unpublished().items()):
            try:
                doc = self._source.document(path)
                title, doc_id = doc.title, doc.id
            except DocumentNotFound:
                title, doc_id = path, path
            try:
                mtime = (self._source.root / path).stat().st_mtime
                edited = dt.datetime.fromtimestamp(mtime, dt.UTC)
                edited_on = edited.astimezone().date()
            except OSError:
                edited_on = day
            published = None
            if change == "modified":
                in_force = self._versions.document_in_force(doc_id)
                published = in_force.version if in_force is not None else None
            items.append(
                ReviewItem(ReviewReason.UNPUBLISHED, doc_id, title, edited_on, "", None,
                           published, detail=change)
            )
        for flag in self._open_flags():
            try:
                title = self._source.document(flag.doc_id).title
            except DocumentNotFound:
                title = flag.doc_id
            where = f" › {flag.section}" if flag.section else ""
            detail = f"{where}: {flag.comment or '—'} ({flag.agent} @ {flag.workstation})"
            items.append(
                ReviewItem(
                    ReviewReason.FLAG,
                    flag.doc_id,
                    title,
                    parse_iso_date(flag.time[:10]) or day,
                    "",
                    flag.version,
                    None,
                    flag.id,
                    flag.kind,
                    detail,
                )
            )
        return items
