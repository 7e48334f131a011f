"""``Team``: the team-wide view of one library for supervisors and editors.

Read receipts of every workstation (CSV, who has not read a version), flags on sections and
the searches that found nothing, as known after the last sync plus what this workstation has
queued. ``sync`` exchanges them with the shared library (see ``exchange``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kbdesk.core.clock import parse_iso_time
from kbdesk.core.library.model import Document, Status
from kbdesk.core.team import exchange as refs
from kbdesk.core.team.records import (
    FLAGS,
    RECEIPTS,
    SEARCHLOG,
    Flag,
    FlagBook,
    open_flags,
    parse_lines,
    unique,
)
from kbdesk.core.text.folding import fold
from kbdesk.core.versions.receipts import ReceiptBook
from kbdesk.core.workstation.identity import workstation_name
from kbdesk.core.workstation.settings import Settings
from kbdesk.core.workstation.userstate import GapRow, no_results_path

log = logging.getLogger(__name__)

ACK_COLUMNS = ("doc_id", "version", "agent", "workstation", "time", "title")


@dataclass(frozen=True)
class TeamReceipt:
    """One agent's "I have read this version", from any workstation."""

    doc_id: str
    version: int
    agent: str
    workstation: str
    time: str
    title: str = ""


@dataclass(frozen=True)
class AckStatus:
    """Who has and has not read the version in force of one ``ack_required`` document."""

    doc_id: str
    title: str
    version: int
    read: dict[str, str]  # agent -> time
    not_read: list[str]


class Team:
    """The team records of one library.

    Args:
        root: the library folder (a git repository once it syncs).
        receipts: this workstation's read receipts.
        settings: where the workstation name and privacy choice come from (default: loaded).
    """

    def __init__(self, root: Path, receipts: ReceiptBook, settings: Settings | None = None
                 ) -> None:
        self.root = root
        self.receipts = receipts
        self._settings = settings
        self.flags = FlagBook(root, None)

    @property
    def settings(self) -> Settings:
        return self._settings or Settings.load()

    @property
    def workstation(self) -> str:
        """This workstation's name as the team sees it."""
        return workstation_name(self.settings)

    # -- this workstation's queue -------------------------------------------------------------

    def own_records(self, kind: str) -> list[dict[str, object]]:
        """What this workstation shares of ``kind`` (its local files)."""
        station = self.workstation
        if kind == RECEIPTS:
            return [
                {"doc_id": r.doc_id, "version": r.version, "agent": r.agent,
                 "workstation": r.workstation or station, "time": r.time, "title": r.title}
                for r in self.receipts.receipts()
            ]
        if kind == FLAGS:
            return self.flags.lines()
        if kind == SEARCHLOG:
            if not self.settings.get("share_search_log"):
                return []
            try:
                lines = parse_lines(no_results_path().read_bytes())
            except FileNotFoundError:
                return []
            return [{"workstation": station, **item} for item in lines]
        raise ValueError(kind)

    def records(self, kind: str) -> list[dict[str, object]]:
        """Every workstation's records of ``kind`` known here (fetched ones and the queue)."""
        team: list[dict[str, object]] = []
        if (self.root / ".git").exists():
            team = refs.read_team(self.root, kind)
        return list(unique([*team, *self.own_records(kind)]))

    def sync(self, url: str) -> int:
        """Exchange records with the shared library at ``url`` (raises when unreachable)."""
        self.flags._workstation = self.workstation
        return refs.exchange(self.root, url, self.workstation, self.own_records)

    # -- read receipts ------------------------------------------------------------------------

    def receipts_all(self) -> list[TeamReceipt]:
        """Every receipt of every workstation, oldest first."""
        out = []
        for item in self.records(RECEIPTS):
            try:
                out.append(TeamReceipt(
                    str(item["doc_id"]), int(str(item["version"])), str(item["agent"]),
                    str(item.get("workstation", "")), str(item.get("time", "")),
                    str(item.get("title", "")),
                ))
            except (KeyError, ValueError):
                continue
        return sorted(out, key=lambda r: (r.time, r.agent))

    def acks_csv(self) -> str:
        """Every workstation's receipts as CSV (doc_id, version, agent, workstation, time,
        title)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(ACK_COLUMNS)
        for r in self.receipts_all():
            writer.writerow([r.doc_id, r.version, r.agent, r.workstation, r.time, r.title])
        return buffer.getvalue()

    def known_agents(self) -> list[str]:
        """Every agent who has shared a receipt (anyone the team knows), sorted."""
        return sorted({r.agent for r in self.receipts_all()})

    def ack_status(self, doc: Document) -> AckStatus:
        """Who has read the version ``doc`` is at, and which known agents have not."""
        read: dict[str, str] = {}
        for r in self.receipts_all():
            if r.doc_id == doc.id and r.version == doc.version:
                read.setdefault(r.agent, r.time)
        missing = [agent for agent in self.known_agents() if agent not in read]
        return AckStatus(doc.id, doc.title, doc.version, read, missing)

    def ack_table(self, docs: Sequence[Document]) -> list[AckStatus]:
        """The status of every ``ack_required`` document (not retired) among ``docs``."""
        return [
            self.ack_status(doc) for doc in docs
            if doc.ack_required and doc.status is not Status.RETIRED
        ]

    @staticmethod
    def ack_table_csv(table: Sequence[AckStatus]) -> str:
        """The supervisor's table as CSV: doc_id, version, title, agent, read, time."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(("doc_id", "version", "title", "agent", "read", "time"))
        for status in table:
            for agent, when in sorted(status.read.items()):
                writer.writerow((status.doc_id, status.version, status.title, agent, "yes", when))
            for agent in status.not_read:
                writer.writerow((status.doc_id, status.version, status.title, agent, "no", ""))
        return buffer.getvalue()

    # -- flags --------------------------------------------------------------------------------

    def open_flags(self) -> list[Flag]:
        """Flags of every workstation not yet cleared, newest first."""
        return open_flags(self.records(FLAGS))

    # -- content gaps -------------------------------------------------------------------------

    def no_results(self, since: dt.date | None = None) -> list[GapRow]:
        """Every workstation's searches that found nothing or only partial matches, most
        frequent first (queries differing only in script, case or width count as one)."""
        rows: dict[str, GapRow] = {}
        for item in self.records(SEARCHLOG):
            query = " ".join(str(item.get("query", "")).split())
            when = parse_iso_time(item.get("when"))
            if not query or when is None:
                continue
            if since is not None and when.date() < since:
                continue
            row = rows.setdefault(fold(query), GapRow(query, 0, when))
            row.count += 1
            if _is_partial(item):
                row.partial += 1
            row.workstations.add(str(item.get("workstation", "")))
            if when >= row.last:
                row.last, row.query = when, query
        return sorted(rows.values(), key=lambda r: (-r.count, r.query))


def _is_partial(item: dict[str, object]) -> bool:
    """Whether a logged search found some matches (only partial ones) rather than none."""
    if item.get("partial") or item.get("match") == "partial":
        return True
    return str(item.get("result", item.get("mode", ""))) in ("partial", "or")
