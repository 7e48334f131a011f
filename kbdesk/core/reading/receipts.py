"""Read receipts ("I have read this version") and the version each agent last saw.

Receipts are appended to a JSON-lines file in the data dir (one per library), so a crash can at
worst lose the line being written; a torn last line is skipped on reading. The last version an
agent opened of each document is kept beside it (a small JSON map written atomically) and
drives the 已更新 marks and "what changed since you last read it".
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from kbdesk.core.clock import Clock
from kbdesk.core.errors import KbError
from kbdesk.core.library.model import Document, Status
from kbdesk.core.text.safe import write_csv
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.damaged import set_aside
from kbdesk.core.workstation.identity import os_account, workstation_name
from kbdesk.core.workstation.storage import atomic_write_text, library_key

log = logging.getLogger(__name__)

CSV_COLUMNS = ("doc_id", "version", "time", "agent", "title")


@dataclass(frozen=True)
class Receipt:
    """One "I have read this version" confirmation."""

    doc_id: str
    version: int
    time: str
    agent: str
    title: str = ""
    #: the workstation's name when the receipt was taken ("" in receipts from before it was kept)
    workstation: str = ""
    #: the OS account that made the receipt ("" in receipts from before it was kept)
    account: str = ""
    #: a supervisor's record of a paper acknowledgement (``agent`` read it on paper)
    paper: bool = False
    #: for a paper receipt: the roster account of the person who read it ("" otherwise)
    person: str = ""

    def record(self) -> dict[str, object]:
        """The receipt as a shared record: the fields added since receipts were first shared
        appear only when set, so an older receipt is the same line it always was."""
        item: dict[str, object] = {
            "doc_id": self.doc_id, "version": self.version, "time": self.time,
            "agent": self.agent, "title": self.title, "workstation": self.workstation}
        if self.account:
            item["account"] = self.account
        if self.paper:
            item["paper"] = True
        if self.person:
            item["person"] = self.person
        return item


class ReceiptBook:
    """Read receipts and last-seen versions of one library on this workstation.

    Args:
        library_root: the library folder (the records live in the data dir, keyed by it).
        clock: when receipts are taken (the library's clock).
    """

    def __init__(self, library_root: Path, clock: Clock) -> None:
        key = library_key(library_root)
        base = paths.data_dir() / "receipts"
        self.receipts_file = base / f"{key}.jsonl"
        self.seen_file = base / f"{key}.seen.json"
        self.clock = clock
        self._lock = threading.Lock()
        #: the seen file as last read or written here: (its stamp, the map), never changed
        self._seen: tuple[tuple[int, int, int], Mapping[str, int]] | None = None

    def _now(self) -> str:
        return self.clock.now().isoformat(timespec="seconds")

    # -- receipts -----------------------------------------------------------------------------

    def acknowledge(self, doc: Document, agent: str, *, account: str | None = None,
                    paper: bool = False, person: str = "") -> Receipt:
        """Record that ``agent`` has read the version of ``doc`` they are looking at.

        Args:
            account: the OS account making the receipt (default: the one running kbdesk).
            paper: a supervisor records that ``agent`` (roster account ``person``) read it on
                paper; who may is decided by the caller (``Team.acknowledge``).
        """
        if not agent.strip():
            raise KbError("field 'agent' is required: set your name in Settings")
        receipt = Receipt(doc.id, doc.version, self._now(), agent.strip(), doc.title,
                          workstation_name(), os_account() if account is None else account,
                          paper, person if paper else "")
        line = json.dumps(receipt.record(), ensure_ascii=False) + "\n"
        with self._lock:
            try:
                self.receipts_file.parent.mkdir(parents=True, exist_ok=True)
                with open(self.receipts_file, "a", encoding="utf-8") as handle:
                    handle.write(line)
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError as exc:
                raise KbError(f"the read receipt cannot be saved: {exc}") from exc
        self.mark_seen(doc)
        return receipt

    def receipts(self) -> list[Receipt]:
        """Every receipt, oldest first (a damaged line is skipped)."""
        try:
            lines = self.receipts_file.read_bytes().splitlines()
        except FileNotFoundError:
            return []
        out = []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:  # one damaged line (not UTF-8, not JSON) never hides the others
                data = json.loads(line.decode("utf-8"))
                out.append(
                    Receipt(
                        str(data["doc_id"]),
                        int(data["version"]),
                        str(data["time"]),
                        str(data["agent"]),
                        str(data.get("title", "")),
                        str(data.get("workstation", "")),
                        str(data.get("account", "")),
                        data.get("paper") is True,
                        str(data.get("person", "")),
                    )
                )
            except (ValueError, KeyError, TypeError):
                log.warning("%s:%d: damaged receipt skipped", self.receipts_file, number)
        return out

    def acknowledged(self, doc: Document, agent: str | None = None) -> bool:
        """True when the document's current version was acknowledged (by ``agent``)."""
        return any(
            r.doc_id == doc.id and r.version == doc.version and (agent is None or r.agent == agent)
            for r in self.receipts()
        )

    def needs_acknowledgement(self, doc: Document, agent: str | None = None) -> bool:
        """The rule: ``doc`` asks for a receipt, is not retired, and ``agent`` (anyone, for
        None) has not confirmed its version."""
        return (
            doc.ack_required
            and doc.status is not Status.RETIRED
            and not self.acknowledged(doc, agent)
        )

    def unacknowledged(self, docs: Iterable[Document], agent: str | None = None) -> list[Document]:
        """Documents flagged ``ack_required`` whose current version is not acknowledged."""
        done = {(r.doc_id, r.version) for r in self.receipts() if agent is None or r.agent == agent}
        return [
            doc
            for doc in docs
            if doc.ack_required
            and doc.status is not Status.RETIRED
            and (doc.id, doc.version) not in done
        ]

    def to_csv(self) -> str:
        """Every receipt as CSV (header: doc_id, version, time, agent, title), safe to open in
        a spreadsheet."""
        return write_csv(CSV_COLUMNS, ([r.doc_id, r.version, r.time, r.agent, r.title]
                                       for r in self.receipts()))

    # -- last seen ----------------------------------------------------------------------------

    def _seen_stamp(self) -> tuple[int, int, int] | None:
        """What the seen file is now (None: there is none, or it cannot be looked at)."""
        try:
            st = self.seen_file.stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size, st.st_ino

    def _read_seen(self) -> dict[str, int]:
        """The versions last seen: kept in memory as read, read again only when the file is
        another one (a write here or by another process replaces it: a new file)."""
        stamp = self._seen_stamp()
        kept = self._seen
        if stamp is not None and kept is not None and kept[0] == stamp:
            return dict(kept[1])
        try:
            data = json.loads(self.seen_file.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            set_aside(self.seen_file, exc)
            return {}
        if not isinstance(data, dict) or not all(
            type(v) is int for v in data.values()
        ):
            set_aside(self.seen_file, "not a map of document id to version number")
            return {}
        seen = {str(k): v for k, v in data.items()}
        if stamp is not None:
            self._seen = (stamp, MappingProxyType(dict(seen)))
        return seen

    def mark_seen(self, doc: Document) -> None:
        """Remember that the version of ``doc`` was opened on this workstation."""
        with self._lock:
            seen = self._read_seen()
            if seen.get(doc.id) == doc.version:
                return
            seen[doc.id] = doc.version
            atomic_write_text(self.seen_file, json.dumps(seen, ensure_ascii=False))
            stamp = self._seen_stamp()
            self._seen = (stamp, MappingProxyType(seen)) if stamp is not None else None

    def seen_versions(self) -> dict[str, int]:
        """Every document opened here with the version last seen (one read for a whole list)."""
        return self._read_seen()

    def last_seen(self, doc_id: str) -> int | None:
        """The version of a document last opened here (None when never)."""
        return self._read_seen().get(doc_id)

    def updated_since_seen(self, doc: Document) -> bool:
        """True when the document changed since it was last opened here (the 已更新 mark)."""
        seen = self.last_seen(doc.id)
        return seen is not None and seen < doc.version
