"""What workstations share: read receipts, "outdated/unclear" flags and searches that found
nothing (or only partial matches); this workstation's flag book; reading them team-wide.

Each kind is a list of JSON lines. This workstation's own lines come from its local files (the
queue: receipts from the ``ReceiptBook``, flags from the ``FlagBook``, searches from the
no-results log); other workstations' lines come from the refs fetched at the last sync. Only
the name the agent configured and the workstation's name identify anybody.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from kbdesk.core.clock import Clock
from kbdesk.core.errors import KbError
from kbdesk.core.workstation.storage import library_key

log = logging.getLogger(__name__)

RECEIPTS, FLAGS, SEARCHLOG = "receipts", "flags", "searchlog"
KINDS = (RECEIPTS, FLAGS, SEARCHLOG)
FLAG_KINDS = ("outdated", "unclear")
#: how a paper acknowledgement shows in ``acks`` and the CSV files
PAPER = "紙本/paper"
COMMENT_CAP = 500
_REF_UNSAFE = re.compile(r"[\x00-\x20~^:?*\[\\\x7f]+|\.\.|@\{|/")


def ref_part(name: str) -> str:
    """``name`` made safe as one part of a git ref name (the workstation's ref)."""
    part = _REF_UNSAFE.sub("-", name).strip(".-") or "workstation"
    return part.removesuffix(".lock") or "workstation"


def parse_lines(data: bytes | str) -> list[dict[str, object]]:
    """JSON objects from JSON lines; damaged lines are skipped (and logged)."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    out: list[dict[str, object]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            log.warning("damaged shared record skipped (line %d)", number)
            continue
        if isinstance(item, dict):
            out.append(item)
    return out


def dump_line(item: dict[str, object]) -> str:
    """One record as a JSON line (keys sorted, so equal records are equal lines)."""
    return json.dumps(item, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Flag:
    """An agent's note that a section is outdated or unclear, on the version they saw."""

    id: str
    doc_id: str
    anchor: str
    section: str
    version: int
    kind: str
    comment: str
    agent: str
    workstation: str
    time: str

    @classmethod
    def from_record(cls, item: dict[str, object]) -> Flag | None:
        """The flag a shared record holds (None for a clearing or a damaged record)."""
        try:
            return cls(
                str(item["id"]), str(item["doc_id"]), str(item.get("anchor", "")),
                str(item.get("section", "")), int(str(item.get("version", 0))),
                str(item.get("kind", "unclear")), str(item.get("comment", "")),
                str(item.get("agent", "")), str(item.get("workstation", "")),
                str(item.get("time", "")),
            )
        except (KeyError, ValueError):
            return None


class FlagBook:
    """This workstation's flags and clearings of one library, appended to a JSON-lines file.

    Args:
        library_root: the library (the file lives in the data dir, keyed by it).
        clock: the library's clock (when a flag is raised or cleared).
        workstation: this workstation's name (recorded in each flag).
    """

    def __init__(self, library_root: Path, clock: Clock, workstation: str | None = None
                 ) -> None:
        self.clock = clock
        # the data folder and the workstation's name are imported when used: the command
        # line's parser reads FLAG_KINDS from here, and `kbdesk --help` stays light
        from kbdesk.core.workstation import paths

        self.file = paths.data_dir() / "flags" / f"{library_key(library_root)}.jsonl"
        self._workstation = workstation
        self._lock = threading.Lock()

    @property
    def workstation(self) -> str:
        """The name flags are recorded under."""
        from kbdesk.core.workstation.identity import workstation_name

        return self._workstation or workstation_name()

    def _append(self, item: dict[str, object]) -> None:
        with self._lock:
            try:
                self.file.parent.mkdir(parents=True, exist_ok=True)
                with open(self.file, "a", encoding="utf-8") as handle:
                    handle.write(dump_line(item) + "\n")
                    handle.flush()
            except OSError as exc:
                raise KbError(f"the flag cannot be saved to {self.file}: {exc}") from exc

    def flag(
        self, doc_id: str, version: int, kind: str, comment: str, agent: str, *,
        anchor: str = "", section: str = "", now: dt.datetime | None = None,
    ) -> Flag:
        """Record that a section of ``doc_id`` (version seen) is outdated or unclear.

        Raises:
            KbError: an unknown kind, or no agent name.
        """
        if kind not in FLAG_KINDS:
            raise KbError(f"field 'kind': {kind!r} is not one of {', '.join(FLAG_KINDS)}")
        if not agent.strip():
            raise KbError("field 'agent' is required: set your name in Settings")
        when = (now or self.clock.now()).isoformat(timespec="seconds")
        comment = " ".join(comment.split())[:COMMENT_CAP]
        ident = hashlib.sha1(
            f"{self.workstation}\0{when}\0{doc_id}\0{anchor}\0{comment}".encode()
        ).hexdigest()[:12]
        flag = Flag(ident, doc_id, anchor, section, int(version), kind, comment,
                    agent.strip(), self.workstation, when)
        self._append(asdict(flag))
        return flag

    def clear(self, flag_id: str, by: str, now: dt.datetime | None = None) -> None:
        """Record that a flag was handled (an editor clears it)."""
        when = (now or self.clock.now()).isoformat(timespec="seconds")
        self._append({"clear": flag_id, "agent": by.strip(), "workstation": self.workstation,
                      "time": when})

    def lines(self) -> list[dict[str, object]]:
        """Every record written here, oldest first."""
        try:
            return parse_lines(self.file.read_bytes())
        except FileNotFoundError:
            return []


def open_flags(records: Iterable[dict[str, object]]) -> list[Flag]:
    """The flags not cleared, newest first."""
    items = list(records)
    cleared = {str(item["clear"]) for item in items if "clear" in item}
    flags: dict[str, Flag] = {}
    for item in items:
        if "clear" in item:
            continue
        flag = Flag.from_record(item)
        if flag is not None and flag.id not in cleared:
            flags[flag.id] = flag
    return sorted(flags.values(), key=lambda f: f.time, reverse=True)


def unique(items: Iterable[dict[str, object]]) -> Iterator[dict[str, object]]:
    """Records without repeats (the same line may come from the queue and from the ref)."""
    seen: set[str] = set()
    for item in items:
        line = dump_line(item)
        if line not in seen:
            seen.add(line)
            yield item
