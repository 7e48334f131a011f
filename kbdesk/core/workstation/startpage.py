"""What the agent's start screen lists: documents to acknowledge, recently updated documents
with their change notes, and favourites (instead of a blank reader)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from kbdesk.core.errors import KbError

if TYPE_CHECKING:
    from kbdesk.core.library.model import Document
    from kbdesk.core.storage.history import VersionInfo
    from kbdesk.core.team.duties import Missing

RECENT_DAYS = 30


@dataclass(frozen=True)
class StartItem:
    """One document on the start screen (``note``/``date``: of the version in force)."""

    doc_id: str
    title: str
    version: int
    date: dt.date | None = None
    note: str = ""
    #: to acknowledge: the last day to read it (None: no ``read_within``)
    due: dt.date | None = None
    #: to acknowledge: whole days past ``due`` (None without a deadline)
    overdue: int | None = None


@dataclass
class StartPage:
    """The three lists of the start screen."""

    to_acknowledge: list[StartItem] = field(default_factory=list)
    updated: list[StartItem] = field(default_factory=list)
    favourites: list[StartItem] = field(default_factory=list)


class Acknowledgements(Protocol):
    """Who must still read what (``Team`` is one: the roster, else this workstation's
    receipts)."""

    def my_overdue(self, docs: Sequence[Document], agent: str | None = None
                   ) -> list[tuple[Document, Missing]]:
        """The documents this user must still acknowledge with their deadline, most overdue
        first."""
        ...


class VersionHistory(Protocol):
    """The versions of a document (the versions service is one)."""

    def history(self, doc_id: str) -> list[VersionInfo]:
        """The versions of a document, newest first."""
        ...


def start_page(docs: Mapping[str, Document], receipts: Acknowledgements,
               versions: VersionHistory, agent: str, favourites: Sequence[str], *,
               today: dt.date, limit: int = 8) -> StartPage:
    """The start screen of ``agent`` on a library.

    Args:
        docs: the documents in force ``today`` (by the library's clock), by id.
        agent: the agent's name (receipts by others do not count); "" counts any receipt.
            Where the library has a roster, the user's roster entry decides instead, and
            the documents to acknowledge are those ``ack_required`` names them for, most
            overdue first.
        favourites: the agent's favourite document ids, in order.
        limit: at most this many recently updated documents.
    """
    day = today
    page = StartPage()
    for doc, due in receipts.my_overdue(list(docs.values()), agent):  # most overdue first
        page.to_acknowledge.append(StartItem(doc.id, doc.title, doc.version, due=due.due,
                                             overdue=due.overdue if due.due else None))
    updated: list[StartItem] = []
    for doc in docs.values():
        try:
            history = versions.history(doc.id)
        except KbError:
            continue
        info = next((v for v in history if v.version == doc.version and not v.superseded), None)
        if info is None:
            continue
        start = doc.effective or info.day
        if start > day or (day - max(start, info.day)).days > RECENT_DAYS or len(history) < 2:
            continue  # a first version is no update
        updated.append(StartItem(doc.id, doc.title, doc.version, max(start, info.day), info.note))
    updated.sort(key=lambda i: (i.date or day, i.doc_id), reverse=True)
    page.updated = updated[:limit]
    for doc_id in favourites:
        favourite = docs.get(doc_id)
        if favourite is not None:
            page.favourites.append(StartItem(favourite.id, favourite.title, favourite.version))
    return page
