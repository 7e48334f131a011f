"""Editors' drafts: unpublished text autosaved outside the library, per library and document.

A draft lives in ``<data dir>/drafts/<library key>/<doc id>.json`` with its text, the version
and commit it was started from, the cursor position and when it was saved. Each save writes a
temporary file, flushes it to disk and renames it over the old one, so a crash or a killed
process leaves either the previous draft or the new one, never a torn file. Drafts are never
inside the repository, so agents never see them and sync never sends them.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote, unquote

from kbdesk.core.clock import SYSTEM_CLOCK, Clock
from kbdesk.core.errors import DraftError
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.storage import atomic_write_bytes, library_key

log = logging.getLogger(__name__)

SUFFIX = ".json"


@dataclass(frozen=True)
class Draft:
    """An unpublished text of one document.

    Attributes:
        doc_id: the document's id (of the new document, for one not yet published).
        path: the document's path in the library.
        text: the whole file text being edited.
        base_version: the published version the edit started from (None for a new document).
        base_commit: the commit that version came from (None when unknown).
        cursor: the cursor position in ``text`` (characters).
        saved_at: when it was saved (ISO 8601, UTC).
        origin: ``editor`` for an autosave; ``sync-conflict`` for local text kept when the
            same document changed elsewhere; ``working-file`` for an unpublished file edit.
    """

    doc_id: str
    path: str
    text: str
    base_version: int | None = None
    base_commit: str | None = None
    cursor: int = 0
    saved_at: str = ""
    origin: str = "editor"


def drafts_dir(library_root: Path) -> Path:
    """The folder holding the drafts of one library."""
    return paths.data_dir() / "drafts" / library_key(library_root)


def _file_name(doc_id: str) -> str:
    return quote(doc_id, safe="") + SUFFIX


class DraftStore:
    """The drafts of one library.

    Args:
        library_root: the library folder (drafts are kept apart from it, in the data dir).
        clock: when a draft is saved (default: the system clock).
    """

    def __init__(self, library_root: Path, clock: Clock | None = None) -> None:
        self.clock = clock or SYSTEM_CLOCK
        self.library_root = Path(library_root).expanduser().resolve()
        self.directory = drafts_dir(self.library_root)
        self._lock = threading.Lock()

    def _saved_at(self) -> str:
        return self.clock.now().astimezone(dt.UTC).isoformat(timespec="seconds")

    def _path(self, doc_id: str) -> Path:
        if not doc_id.strip():
            raise DraftError("a draft needs a document id")
        return self.directory / _file_name(doc_id)

    def save(self, draft: Draft) -> Draft:
        """Save (replace) the draft of a document atomically; return it with ``saved_at`` set."""
        stamped = Draft(
            **{**asdict(draft), "saved_at": self._saved_at()}
        )
        target = self._path(draft.doc_id)
        data = json.dumps(asdict(stamped), ensure_ascii=False, indent=1).encode("utf-8")
        with self._lock:
            try:
                atomic_write_bytes(target, data)
            except OSError as exc:
                raise DraftError(f"the draft of {draft.doc_id} cannot be saved: {exc}") from exc
        return stamped

    def load(self, doc_id: str) -> Draft | None:
        """Return the draft of a document, or None when it has none (or it is unreadable)."""
        target = self._path(doc_id)
        try:
            data = json.loads(target.read_text("utf-8"))
            return Draft(**{key: data[key] for key in Draft.__dataclass_fields__ if key in data})
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError) as exc:
            log.warning("draft %s cannot be read: %s", target, exc)
            return None

    def list(self) -> list[Draft]:
        """Every draft of the library, most recently saved first."""
        if not self.directory.is_dir():
            return []
        drafts = []
        for entry in sorted(self.directory.iterdir()):
            if entry.name.startswith(".") or not entry.name.endswith(SUFFIX):
                continue
            draft = self.load(unquote(entry.name[: -len(SUFFIX)]))
            if draft is not None:
                drafts.append(draft)
        return sorted(drafts, key=lambda d: d.saved_at, reverse=True)

    def discard(self, doc_id: str) -> bool:
        """Delete the draft of a document; return True when there was one."""
        target = self._path(doc_id)
        with self._lock:
            try:
                target.unlink()
            except FileNotFoundError:
                return False
            except OSError as exc:
                raise DraftError(f"the draft of {doc_id} cannot be removed: {exc}") from exc
        return True
