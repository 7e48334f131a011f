"""``Team``: the team-wide view of one library for supervisors and editors.

Read receipts of every workstation (CSV, who has not read a version), flags on sections and
the searches that found nothing, as known after the last sync plus what this workstation has
queued. ``sync`` exchanges them with the shared library (see ``exchange``).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kbdesk.core.clock import Clock, parse_iso_time
from kbdesk.core.errors import KbError, Problem
from kbdesk.core.library.acks import ack_targets, read_within
from kbdesk.core.library.model import Document, Status
from kbdesk.core.reading.receipts import Receipt, ReceiptBook
from kbdesk.core.team.chain import Kept
from kbdesk.core.team.duties import (
    GROUP_COLUMNS,
    Missing,
    MissingRow,
    due_date,
    missing_members,
    overdue_days,
    person_of,
    roster_reads,
    rows_by_group,
)
from kbdesk.core.team.keys import (
    EDITORS_FILE,
    editor_workstations,
    editors_line,
    workstation_key,
)
from kbdesk.core.team.records import (
    FLAGS,
    PAPER,
    RECEIPTS,
    SEARCHLOG,
    Flag,
    FlagBook,
    open_flags,
    parse_lines,
    unique,
)
from kbdesk.core.team.roles import RoleDecision, decide_role, require, shown_text
from kbdesk.core.team.roster import MAX_BYTES as ROSTER_MAX_BYTES
from kbdesk.core.team.roster import (
    TEAM_FILE,
    Roster,
    check_roster,
    load_roster,
    parse_roster,
    read_team_file,
)
from kbdesk.core.text.folding import fold
from kbdesk.core.text.safe import write_csv
from kbdesk.core.workstation.identity import os_account, workstation_name
from kbdesk.core.workstation.settings import Settings
from kbdesk.core.workstation.userstate import GapRow, no_results_path

log = logging.getLogger(__name__)

ACK_COLUMNS = ("doc_id", "version", "agent", "workstation", "time", "title", "account",
               "paper", "signed")


@dataclass(frozen=True)
class TeamReceipt:
    """One agent's "I have read this version", from any workstation."""

    doc_id: str
    version: int
    agent: str
    workstation: str
    time: str
    title: str = ""
    #: the OS account that made it ("" in receipts from before accounts were recorded)
    account: str = ""
    #: a supervisor's record of a paper acknowledgement
    paper: bool = False
    #: for a paper receipt: the roster account of the person who read it
    person: str = ""
    #: False for a peer's receipt from before records were signed (shown 未簽署/unsigned)
    signed: bool = True


@dataclass(frozen=True)
class AckStatus:
    """Who has and has not read the version in force of one ``ack_required`` document.

    With a roster, ``read`` and ``not_read`` hold the people the document's ``ack_required``
    names (display names); without one, every agent known from receipts.
    """

    doc_id: str
    title: str
    version: int
    read: dict[str, str]  # agent -> time
    not_read: list[str]
    #: who has not read it, most overdue first (the same people as ``not_read``)
    missing: tuple[Missing, ...] = ()
    #: the last day to read it (None: no ``read_within``)
    due: dt.date | None = None
    #: the names in ``read`` who read it on paper (a supervisor recorded it)
    paper: frozenset[str] = field(default_factory=frozenset)
    #: whether a roster said who must read it
    roster: bool = False


class Team:
    """The team records of one library.

    Args:
        root: the library folder (a git repository once it syncs).
        receipts: this workstation's read receipts.
        settings: where the workstation name and privacy choice come from (default: loaded).
        clock: the library's clock (what is overdue today; when a flag is raised; when the
            team records are committed).
    """

    def __init__(self, root: Path, receipts: ReceiptBook, settings: Settings | None = None,
                 *, clock: Clock,
                 effective_of: Callable[[Document], dt.date | None] | None = None) -> None:
        self.root = root
        self.receipts = receipts
        self._settings = settings
        self.clock = clock
        self.flags = FlagBook(root, clock, None)
        self._effective_of = effective_of or (lambda doc: doc.effective)
        self._today = clock.today
        self._roster_lock = threading.Lock()
        self._roster_key: object = object()
        self._roster: Roster | None = None
        self._sync_problems: list[str] = []

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
            return [{**r.record(), "workstation": r.workstation or station}
                    for r in self.receipts.receipts()]
        if kind == FLAGS:  # signed with this workstation's key when they are sent
            try:
                mark: dict[str, object] = {"_key": workstation_key().public}
            except KbError as exc:  # no key (data folder not writable): clearings do not count
                log.warning("%s", exc)
                mark = {}
            return [{**item, **mark} for item in self.flags.lines()]
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
            from kbdesk.core.team import exchange as refs  # git: only with a shared library

            team = refs.read_team(self.root, kind)  # one chain per peer: no repeats
        return [*team, *unique(self.own_records(kind))]

    def sync(self, url: str) -> int:
        """Exchange records with the shared library at ``url`` (raises when unreachable)."""
        self.flags._workstation = self.workstation
        self._sync_problems = []
        from kbdesk.core.team import exchange as refs

        return refs.exchange(self.root, url, self.workstation, self._queued,
                             self._sync_problems, clock=self.clock)

    def _queued(self, kind: str) -> list[dict[str, object]]:
        return [{k: v for k, v in item.items() if not k.startswith("_")}
                for item in self.own_records(kind)]

    def key_line(self) -> str:
        """This workstation's public key as the line an editor adds to
        ``.kbdesk/editor_workstations`` (the key is made the first time)."""
        return editors_line(self.workstation)

    def enrol_editor_workstation(self, author: str | None = None,
                                 settings: Settings | None = None) -> str:
        """List this workstation's key in ``.kbdesk/editor_workstations``, so that its
        clearings of flags count on every workstation once they have synced: a commit of the
        library (signed, as every change, where the library requires signing). Editors only.
        Returns the commit id.

        Raises:
            NotAllowed: this user is not an editor.
            KbError: the workstation is listed already, or the library has no history.
        """
        from kbdesk.core.errors import RepoError
        from kbdesk.core.storage.repo import LibraryRepo
        from kbdesk.core.workstation.liblock import library_lock

        require(self.role(settings), "enrol_workstation")
        line = editors_line(self.workstation)
        key = line.split()[0]
        rel = EDITORS_FILE.as_posix()
        with library_lock(self.root, "publish"), LibraryRepo(self.root) as repo:
            head = repo.head()
            if head is None:
                raise KbError(f"{self.root}: the library has no versions yet; publish first")
            text = repo.read_text(head, rel) or ""
            listed = {row.split()[0] for row in text.splitlines()
                      if row.strip() and not row.lstrip().startswith("#")}
            if key in listed:
                raise KbError(f"this workstation ({self.workstation}) is already listed in "
                              f"{rel}")
            new = (text if not text or text.endswith("\n") else text + "\n") + line + "\n"
            message = (f"列入編輯工作站 / List an editor's workstation: {self.workstation}\n\n"
                       "Kbdesk-Action: enrol-workstation\n")
            try:
                commit = repo.commit({rel: new.encode("utf-8")}, message, author=author,
                                     when=int(self.clock.now().timestamp()))
            except RepoError as exc:
                raise KbError(str(exc)) from exc
            try:
                repo.write_working_file(rel, new.encode("utf-8"))
            except (OSError, KbError) as exc:  # the commit is what counts
                log.warning("committed %s but could not write its working copy: %s", rel, exc)
        return commit

    def is_editor_workstation(self) -> bool:
        """Whether this workstation's key is listed as an editor's (its clearings count)."""
        return workstation_key().public in editor_workstations(self.root)

    def forget_workstation(self, name: str) -> int:
        """Forget the key pinned for workstation ``name`` and its kept records (an
        administrator's step after that workstation was set up again with a new key); the
        local copies of its refs go too, so the next sync reads the shared library's."""
        count = Kept(self.root).forget(name)
        if (self.root / ".git").exists():
            from kbdesk.core.team import exchange as refs

            refs.drop_refs(self.root, name)
        return count

    def problems(self) -> list[str]:
        """What is wrong with the team records of other workstations (refused, forged, past
        their bound: see ``chain``), as of the last sync; one line each."""
        return [*self._sync_problems, *Kept(self.root).problems()]

    # -- read receipts ------------------------------------------------------------------------

    def receipts_all(self) -> list[TeamReceipt]:
        """Every receipt of every workstation, oldest first."""
        out = []
        for item in self.records(RECEIPTS):
            try:
                out.append(TeamReceipt(
                    str(item["doc_id"]), int(str(item["version"])), str(item["agent"]),
                    str(item.get("workstation", "")), str(item.get("time", "")),
                    str(item.get("title", "")), str(item.get("account", "")),
                    item.get("paper") is True, str(item.get("person", "")),
                    bool(item.get("_signed", True)),
                ))
            except (KeyError, ValueError):
                continue
        return sorted(out, key=lambda r: (r.time, r.agent))

    def acks_csv(self) -> str:
        """Every workstation's receipts as CSV (doc_id, version, agent, workstation, time,
        title, account, paper, signed), safe to open in a spreadsheet."""
        receipts = self.receipts_all()
        return write_csv(ACK_COLUMNS, (
            [r.doc_id, r.version, name, r.workstation, r.time, r.title, r.account,
             PAPER if r.paper else "", "yes" if r.signed else "no"]
            for r, name in zip(receipts, self.shown_names(receipts), strict=True)))

    def shown_names(self, receipts: Sequence[TeamReceipt]) -> list[str]:
        """The person each receipt shows: the roster member it counts for (the account that
        made it; for a supervisor's paper receipt, the person it names), else the name written
        on it."""
        roster = self.roster()
        if roster is None:
            return [r.agent for r in receipts]
        out = []
        for r in receipts:
            person = person_of(r, roster)
            out.append(person.name if person is not None else r.agent)
        return out

    def known_agents(self) -> list[str]:
        """Every agent who has shared a receipt (anyone the team knows), sorted."""
        return sorted({r.agent for r in self.receipts_all()})

    def ack_status(self, doc: Document, *, today: dt.date | None = None,
                   receipts: Sequence[TeamReceipt] | None = None,
                   roster: Roster | Literal["in force"] | None = "in force") -> AckStatus:
        """Who has read the version ``doc`` is at, and who has not, with days overdue.

        With a roster: the people ``ack_required`` names (everyone for ``true``); a receipt
        counts for the person whose account made it (see ``duties``). Without one: every
        agent known from receipts, by the name on them.
        """
        day = today or self._today()
        everything = self.receipts_all() if receipts is None else receipts
        if roster == "in force":  # not given: the one in force (callers of many pass it)
            roster = self.roster()
        days = read_within(doc.meta)
        if days is None and roster is not None:
            days = roster.read_within
        due = due_date(self._effective_of(doc) if days is not None else None, days)
        if roster is None:
            read: dict[str, str] = {}
            paper: set[str] = set()
            for r in everything:
                if r.doc_id == doc.id and r.version == doc.version and r.agent not in read:
                    read[r.agent] = r.time
                    if r.paper:
                        paper.add(r.agent)
            known = sorted({r.agent for r in everything})
            late = overdue_days(due, day)
            missing = [Missing(agent, due=due, overdue=late) for agent in known
                       if agent not in read]
            return AckStatus(doc.id, doc.title, doc.version, read, [m.name for m in missing],
                             tuple(missing), due, frozenset(paper))
        members = roster.members(ack_targets(doc.meta) or ())
        reads = roster_reads(everything, roster, doc.id, doc.version)
        named = {p.account: p.name for p in members}
        shown = {named[a]: when for a, (when, _) in reads.items() if a in named}
        on_paper = frozenset(named[a] for a, (_, p) in reads.items() if p and a in named)
        late_ones = missing_members(members, reads, due, day)
        return AckStatus(doc.id, doc.title, doc.version, shown, [m.name for m in late_ones],
                         tuple(late_ones), due, on_paper, True)

    def ack_table(self, docs: Sequence[Document]) -> list[AckStatus]:
        """The status of every ``ack_required`` document (not retired) among ``docs``."""
        receipts = self.receipts_all()
        today = self._today()
        roster = self.roster()
        return [
            self.ack_status(doc, today=today, receipts=receipts, roster=roster) for doc in docs
            if doc.ack_required and doc.status is not Status.RETIRED
        ]

    @staticmethod
    def ack_table_csv(table: Sequence[AckStatus]) -> str:
        """The supervisor's table as CSV: doc_id, version, title, agent, read, time,
        days_overdue (``read`` is yes, no or 紙本/paper)."""
        rows: list[list[object]] = []
        for status in table:
            for agent, when in sorted(status.read.items()):
                rows.append([status.doc_id, status.version, status.title, agent,
                             PAPER if agent in status.paper else "yes", when, ""])
            for m in status.missing:
                rows.append([status.doc_id, status.version, status.title, m.name, "no", "",
                             m.overdue])
        return write_csv(("doc_id", "version", "title", "agent", "read", "time",
                          "days_overdue"), rows)

    @staticmethod
    def missing_by_group(table: Sequence[AckStatus]) -> dict[str, list[MissingRow]]:
        """Who has not read what, per group, most overdue first ("" holds people in no
        group; see ``duties.rows_by_group``)."""
        return rows_by_group(table)

    @staticmethod
    def missing_csv(table: Sequence[AckStatus]) -> str:
        """The supervisor's per-group view as CSV (group, name, account, role, doc_id, version,
        title, due, days_overdue), safe to open in a spreadsheet."""
        return write_csv(GROUP_COLUMNS, (
            [r.group, r.name, r.account, r.role, r.doc_id, r.version, r.title,
             r.due.isoformat() if r.due else "", r.overdue]
            for rows in rows_by_group(table).values() for r in rows))

    # -- the roster and roles -----------------------------------------------------------------

    def roster(self) -> Roster | None:
        """The team's roster: ``team.yaml`` as last published (the working file in a library
        that is not a git repository); None when the library has none."""
        key, text = self._roster_source()
        with self._roster_lock:
            if key != self._roster_key:
                self._roster = load_roster(text)
                self._roster_key = key
            return self._roster

    def _roster_source(self) -> tuple[object, str | None]:
        if (self.root / ".git").exists():
            from kbdesk.core.storage.repo import LibraryRepo

            try:
                repo = LibraryRepo(self.root)
            except KbError:
                repo = None
            if repo is not None:
                try:
                    head = repo.head()
                    if head is not None:
                        blob = repo.blob_id(head, TEAM_FILE)
                        if blob is None:
                            return ("none",), None
                        data = repo.read(head, TEAM_FILE) or b""
                        if len(data) > ROSTER_MAX_BYTES:  # a roster that names nobody
                            log.warning("team.yaml is larger than %d KB; not read",
                                        ROSTER_MAX_BYTES // 1024)
                            return blob, ""
                        return blob, data.decode("utf-8", "replace")
                finally:
                    repo.close()
        try:
            text = read_team_file(self.root)
        except KbError as exc:  # a link, too large, not UTF-8: a roster that names nobody
            log.warning("%s", exc)
            return ("bad", str(exc)), ""
        return ("file", text), text

    def role(self, settings: Settings | None = None) -> RoleDecision:
        """This user's role on this library (see ``roles.decide_role``).

        Args:
            settings: where the site settings and the local ``role`` come from (default: this
                team's; the app passes the window's).
        """
        settings = settings or self.settings
        return decide_role(os_account(), self.roster(), settings.site, settings.get("role"))

    def require(self, action: str) -> None:
        """Refuse ``action`` unless this user's role allows it (``NotAllowed``)."""
        require(self.role(), action)

    def shown_text(self, text: str, path: str = "-", settings: Settings | None = None) -> str:
        """A document's text as this user is shown it: an agent's without the fields only
        editors see (``keywords:``; see ``roles.shown_text``)."""
        return shown_text(self.role(settings), text, path)

    def my_name(self, fallback: str | None = None) -> str:
        """The name this user's receipts and flags show: the roster's, else ``fallback``,
        else the ``agent_name`` setting, else the OS account."""
        decision = self.role()
        if decision.person is not None:
            return decision.person.name
        return ((fallback or "").strip() or str(self.settings.get("agent_name") or "").strip()
                or decision.account)

    def acknowledge(self, doc: Document, on_behalf: str | None = None, *,
                    name: str | None = None) -> Receipt:
        """Record that this user has read the version of ``doc`` in front of them; with
        ``on_behalf``, a supervisor records that someone else read it on paper.

        Args:
            name: the user's name where the roster does not give one (the app's settings).

        Raises:
            NotAllowed: ``on_behalf`` from someone who is not a supervisor.
            KbError: ``on_behalf`` names nobody on the roster.
        """
        decision = self.role()
        if on_behalf is None or not on_behalf.strip():
            return self.receipts.acknowledge(doc, self.my_name(name), account=decision.account)
        require(decision, "paper_ack")
        roster = self.roster()
        if roster is None:
            return self.receipts.acknowledge(doc, on_behalf.strip(), account=decision.account,
                                             paper=True)
        person = roster.find(on_behalf)
        if person is None:
            raise KbError(f"{on_behalf.strip()}: nobody in team.yaml has this account or name")
        return self.receipts.acknowledge(doc, person.name, account=decision.account,
                                         paper=True, person=person.account)

    def my_overdue(self, docs: Sequence[Document], agent: str | None = None
                   ) -> list[tuple[Document, Missing]]:
        """The documents among ``docs`` this user must still acknowledge, with their deadline,
        most overdue first, then by title.

        With a roster: those whose ``ack_required`` names this user's roster entry, counted
        by the receipts of every workstation. Without one: this workstation's receipts by
        ``agent`` (default: this user's name; "" counts anyone's), as before rosters.
        """
        roster = self.roster()
        decision = self.role()
        today = self._today()
        team_receipts = self.receipts_all() if decision.person is not None else ()
        local = self.receipts.receipts() if decision.person is None else []
        name = self.my_name() if agent is None else agent.strip()
        out = []
        for doc in docs:
            if not doc.ack_required or doc.status is Status.RETIRED:
                continue
            mine: Missing | None
            if decision.person is not None:
                status = self.ack_status(doc, today=today, receipts=team_receipts,
                                         roster=roster)
                mine = next((m for m in status.missing
                             if m.account == decision.person.account), None)
            elif any(r.doc_id == doc.id and r.version == doc.version
                     and (not name or r.agent == name) for r in local):
                mine = None
            else:
                days = read_within(doc.meta)
                due = due_date(self._effective_of(doc) if days is not None else None, days)
                mine = Missing(name, due=due, overdue=overdue_days(due, today))
            if mine is not None:
                out.append((doc, mine))
        return sorted(out, key=lambda item: (-item[1].overdue, item[0].title))

    def publish_roster(self, note: str, author: str | None = None) -> str:
        """Publish the working ``team.yaml`` as the team's roster; return the commit id.

        Raises:
            NotAllowed: this user is not an editor (once a roster is in force).
            KbError: no change note, problems in the file, or the new roster would leave this
                user without the editor role (nobody could undo it from here).
        """
        from kbdesk.core.storage.repo import LibraryRepo
        from kbdesk.core.workflow import rules

        self.require("edit_team")
        if rules.note_missing(note):
            raise KbError("a change note is required: say what changed in the team and why")
        text = read_team_file(self.root)
        if text is None:
            raise KbError(f"{self.root / TEAM_FILE}: no such file")
        new = parse_roster(text)
        if new.problems:
            raise KbError("team.yaml is not published: "
                          + "; ".join(str(p) for p in new.problems))
        me = new.by_account(os_account())
        if me is None or me.role != "editor":
            raise KbError("team.yaml is not published: it must keep your account "
                          f"({os_account()}) as an editor, or nobody here could change it again")
        when = int(self.clock.now().timestamp())
        repo = LibraryRepo.ensure(self.root, when=when, author=author)
        try:
            return repo.commit({TEAM_FILE: text.encode("utf-8")}, note.strip(), author=author,
                               when=when)
        finally:
            repo.close()

    def clear_flag(self, flag_id: str, settings: Settings | None = None) -> None:
        """Record that an editor handled a flag.

        Args:
            settings: the user's settings (default: this team's; the app passes its own).

        Raises:
            NotAllowed: this user is not an editor.
            KbError: no open flag has this id, or this workstation's key is not an editor's
                (its clearing would be ignored by every workstation, so nothing is recorded).
        """
        require(self.role(settings), "clear_flags")
        if not self.is_editor_workstation():
            raise KbError(f"only an editor's workstation clears flags: this workstation's key "
                          f"is not listed in {EDITORS_FILE.as_posix()} of the library (an "
                          "editor adds the line `kbdesk workstation-key` prints there)")
        if flag_id not in {f.id for f in self.open_flags()}:
            raise KbError(f"no open flag {flag_id}")
        self.flags.clear(flag_id, self.my_name())

    # -- flags --------------------------------------------------------------------------------

    def open_flags(self) -> list[Flag]:
        """Flags of every workstation not yet cleared, newest first.

        A clearing counts only when signed by a workstation key the library lists as an
        editor's (``.kbdesk/editor_workstations``); any other is ignored."""
        editors = editor_workstations(self.root)
        return open_flags(item for item in self.records(FLAGS)
                          if "clear" not in item or item.get("_key") in editors)

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


def check_team(root: Path, docs: Sequence[Document]) -> list[Problem]:
    """The problems of a library's working ``team.yaml`` and of the documents whose
    ``ack_required`` names groups or roles it does not have (``kbdesk check``)."""
    named = [(doc.path, ack_targets(doc.meta) or ()) for doc in docs]
    return check_roster(root, named)


def _is_partial(item: dict[str, object]) -> bool:
    """Whether a logged search found some matches (only partial ones) rather than none."""
    if item.get("partial") or item.get("match") == "partial":
        return True
    return str(item.get("result", item.get("mode", ""))) in ("partial", "or")
