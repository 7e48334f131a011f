"""Who still has to read what: the roster members a document's ``ack_required`` names who have
not acknowledged the version in force, and by how many days they are overdue.

A version's readers have ``read_within`` days (the document's field, else ``team.yaml``'s) from
the day the version came into force; past that day, each day counts as one day overdue, by the
library's clock. Without a deadline nobody is overdue (``due`` is None).

A receipt counts for the person the roster gives its account; a paper receipt (a supervisor's
record that someone read it on paper) counts for the person it names only when the account
that made it is a supervisor's. Receipts from before accounts were recorded, and receipts by
accounts the roster does not name, are listed but count for nobody.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from kbdesk.core.team.roster import Person, Roster

if TYPE_CHECKING:
    from kbdesk.core.team.board import AckStatus

NO_GROUP = ""


@dataclass(frozen=True)
class Missing:
    """One person who has not acknowledged the version in force of a document.

    Attributes:
        name: as the roster shows them (without a roster: the name on their receipts).
        account: their first account ("" without a roster).
        role: their role ("" without a roster).
        groups: their groups.
        due: the last day to read it (None: no deadline).
        overdue: whole days past ``due`` (0 when not yet due or without a deadline).
    """

    name: str
    account: str = ""
    role: str = ""
    groups: tuple[str, ...] = ()
    due: dt.date | None = None
    overdue: int = 0


@dataclass(frozen=True)
class MissingRow:
    """One line of the supervisor's view per group: a person, a document, days overdue."""

    group: str
    name: str
    account: str
    role: str
    doc_id: str
    version: int
    title: str
    due: dt.date | None
    overdue: int


GROUP_COLUMNS = ("group", "name", "account", "role", "doc_id", "version", "title", "due",
                 "days_overdue")


def due_date(effective: dt.date | None, days: int | None) -> dt.date | None:
    """The last day to read a version in force from ``effective`` (None: no deadline)."""
    if effective is None or days is None:
        return None
    return effective + dt.timedelta(days=days)


def overdue_days(due: dt.date | None, today: dt.date) -> int:
    """Whole days past ``due`` on ``today`` (0 before or on it, or without a deadline)."""
    return max(0, (today - due).days) if due is not None else 0


class _Receipt(Protocol):  # the fields of a team receipt this module reads (TeamReceipt)
    @property
    def doc_id(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def agent(self) -> str: ...
    @property
    def account(self) -> str: ...
    @property
    def paper(self) -> bool: ...
    @property
    def person(self) -> str: ...
    @property
    def time(self) -> str: ...


def person_of(receipt: _Receipt, roster: Roster) -> Person | None:
    """The roster member a receipt counts for (None: nobody)."""
    if receipt.paper:
        maker = roster.by_account(receipt.account) if receipt.account else None
        if maker is None or maker.role != "supervisor":
            return None
        return roster.find(receipt.person or receipt.agent)
    return roster.by_account(receipt.account) if receipt.account else None


def roster_reads(receipts: Iterable[_Receipt], roster: Roster, doc_id: str, version: int
                 ) -> dict[str, tuple[str, bool]]:
    """Who on the roster has read ``version`` of ``doc_id``: first account -> (time, on
    paper), the earliest receipt each."""
    read: dict[str, tuple[str, bool]] = {}
    for r in receipts:
        if r.doc_id != doc_id or r.version != version:
            continue
        person = person_of(r, roster)
        if person is not None and person.account not in read:
            read[person.account] = (r.time, r.paper)
    return read


def missing_members(members: Sequence[Person], read: Iterable[str], due: dt.date | None,
                    today: dt.date) -> list[Missing]:
    """The ``members`` (of a document's target) whose first account is not in ``read``, most
    overdue first, then by name."""
    done = set(read)
    late = overdue_days(due, today)
    out = [Missing(p.name, p.account, p.role, p.groups, due, late)
           for p in members if p.account not in done]
    return sorted(out, key=lambda m: (-m.overdue, m.name))


def rows_by_group(table: Iterable[AckStatus]) -> dict[str, list[MissingRow]]:
    """The missing acknowledgements of every document of ``table`` (``AckStatus`` items),
    per group (a person in two groups is in both; "" holds those in none), each group's rows
    most overdue first; groups in order of their most overdue row, then by name."""
    groups: dict[str, list[MissingRow]] = {}
    for status in table:
        for m in status.missing:
            for group in m.groups or (NO_GROUP,):
                groups.setdefault(group, []).append(MissingRow(
                    group, m.name, m.account, m.role, status.doc_id, status.version,
                    status.title, m.due, m.overdue))
    for rows in groups.values():
        rows.sort(key=lambda r: (-r.overdue, r.name, r.doc_id))
    order = sorted(groups, key=lambda g: (-groups[g][0].overdue, g == NO_GROUP, g))
    return {group: groups[group] for group in order}
