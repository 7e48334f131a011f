"""Editors' drafts: unpublished text autosaved outside the library, several per document.

A draft lives in ``<data dir>/drafts/<library key>/`` with its text, the version and commit it
was started from, the cursor position, when it was saved and where it came from (``origin``).
A document has at most one ``editor`` draft (the editor's autosave, replaced at each save) and
any number of kept copies (a sync conflict's local text, a hand edit of the working file, saved
before anything overwrote it); a kept copy is never replaced by another one. File names are a
digest of the document id (``file_key``), so a long or unusual id cannot make a draft fail.

Each save writes a uniquely named temporary file, flushes it to disk and renames it over the
old one, so a crash or a killed process leaves either the previous draft or the new one, never
a torn file. A damaged draft file is set aside (renamed ``*.damaged``) with a warning. Drafts
are never inside the repository, so agents never see them and sync never sends them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from kbdesk.core.clock import Clock
from kbdesk.core.errors import DraftError
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.storage import atomic_write_bytes, file_key, library_key

log = logging.getLogger(__name__)

SUFFIX = ".json"
EDITOR = "editor"


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
        name: the draft's name in the store (set when saved or loaded; ``""`` for a new one).
    """

    doc_id: str
    path: str
    text: str
    base_version: int | None = None
    base_commit: str | None = None
    cursor: int = 0
    saved_at: str = ""
    origin: str = EDITOR
    name: str = ""


#: the JSON types each field may have (a draft with another type is damaged)
_TYPES: dict[str, tuple[type, ...]] = {
    "doc_id": (str,), "path": (str,), "text": (str,), "base_version": (int, type(None)),
    "base_commit": (str, type(None)), "cursor": (int,), "saved_at": (str,), "origin": (str,),
    "name": (str,),
}


def drafts_dir(library_root: Path) -> Path:
    """The folder holding the drafts of one library."""
    return paths.data_dir() / "drafts" / library_key(library_root)


def _from_json(data: Any) -> Draft:
    """Return the draft a JSON object describes; ValueError when it is not one."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    values: dict[str, Any] = {}
    for item in fields(Draft):
        if item.name not in data:
            continue
        value = data[item.name]
        if isinstance(value, bool) or not isinstance(value, _TYPES[item.name]):
            raise ValueError(f"field '{item.name}' has the wrong type ({type(value).__name__})")
        values[item.name] = value
    for required in ("doc_id", "path", "text"):
        if required not in values:
            raise ValueError(f"field '{required}' is missing")
    return Draft(**values)


class DraftStore:
    """The drafts of one library.

    Args:
        library_root: the library folder (drafts are kept apart from it, in the data dir).
        clock: when a draft is saved (the library's clock).
    """

    def __init__(self, library_root: Path, clock: Clock) -> None:
        self.clock = clock
        self.library_root = Path(library_root).expanduser().resolve()
        self.directory = drafts_dir(self.library_root)
        self._lock = threading.Lock()

    @staticmethod
    def _key(doc_id: str) -> str:
        if not doc_id.strip():
            raise DraftError("a draft needs a document id")
        return file_key(doc_id)

    def save(self, draft: Draft) -> Draft:
        """Save a draft atomically; return it with ``saved_at`` and ``name`` set.

        An ``editor`` draft replaces the document's editor draft; a draft with a ``name``
        replaces that draft; any other draft is kept beside the document's drafts (one with the
        same text as a draft already kept is not stored twice).
        """
        key = self._key(draft.doc_id)
        now = self.clock.now().astimezone(dt.UTC).isoformat(timespec="seconds")
        with self._lock:
            if draft.name:
                name = draft.name
            elif draft.origin == EDITOR:
                name = key
            else:
                for other in self._of(key):
                    if other.origin != EDITOR and other.text == draft.text:
                        return other
                digest = hashlib.sha1(f"{now}{draft.origin}{draft.text}".encode()).hexdigest()
                name = f"{key}.{digest[:12]}"
            if not name.startswith(key):
                raise DraftError(f"draft {name!r} does not belong to {draft.doc_id}")
            stamped = replace(draft, saved_at=now, name=name)
            data = json.dumps(asdict(stamped), ensure_ascii=False, indent=1).encode("utf-8")
            try:
                atomic_write_bytes(self.directory / (name + SUFFIX), data)
            except OSError as exc:
                raise DraftError(f"the draft of {draft.doc_id} cannot be saved: {exc}") from exc
        return stamped

    def _read(self, file: Path) -> Draft | None:
        try:
            draft = _from_json(json.loads(file.read_text("utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:  # UnicodeDecodeError is a ValueError too
            self._set_aside(file, exc)
            return None
        return replace(draft, name=file.name[: -len(SUFFIX)])

    def _set_aside(self, file: Path, reason: Exception) -> None:
        target = file.with_name(file.name + ".damaged")
        try:
            file.replace(target)
        except OSError:
            target = file
        log.warning("draft file %s is damaged (%s); set aside as %s", file, reason, target.name)

    def _files(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        return sorted(
            entry for entry in self.directory.iterdir()
            if not entry.name.startswith(".") and entry.name.endswith(SUFFIX)
        )

    def _of(self, key: str) -> list[Draft]:
        found = []
        for file in self._files():
            stem = file.name[: -len(SUFFIX)]
            if stem == key or stem.startswith(key + "."):
                draft = self._read(file)
                if draft is not None:
                    found.append(draft)
        return sorted(found, key=lambda d: d.saved_at, reverse=True)

    def drafts_of(self, doc_id: str) -> list[Draft]:
        """Every draft of a document (the editor's and the kept copies), newest first."""
        self._migrate()
        return [d for d in self._of(self._key(doc_id)) if d.doc_id == doc_id]

    def editor_draft_name(self, doc_id: str) -> str:
        """The name of the editor's own (autosaved) draft of a document."""
        return self._key(doc_id)

    def discard_editors(self, doc_id: str) -> bool:
        """Delete the editor's own draft of a document (after the editor published it); the
        kept copies stay. Returns True when there was one."""
        return self.discard(doc_id, self._key(doc_id))

    def load(self, doc_id: str) -> Draft | None:
        """The draft to open for a document: the editor's, else the newest kept copy."""
        drafts = self.drafts_of(doc_id)
        for draft in drafts:
            if draft.origin == EDITOR and draft.name == self._key(doc_id):
                return draft
        return drafts[0] if drafts else None

    def list(self) -> list[Draft]:
        """Every draft of the library, most recently saved first."""
        self._migrate()
        drafts = [d for d in (self._read(f) for f in self._files()) if d is not None]
        return sorted(drafts, key=lambda d: d.saved_at, reverse=True)

    def discard(self, doc_id: str, name: str | None = None, *, keep: tuple[str, ...] = ()) -> bool:
        """Delete one draft (by ``name``) or every draft of a document but those in ``keep``.

        Returns:
            True when a draft was deleted.
        """
        targets = [d.name for d in self.drafts_of(doc_id)] if name is None else [name]
        removed = False
        with self._lock:
            for stem in targets:
                if stem in keep:
                    continue
                try:
                    (self.directory / (stem + SUFFIX)).unlink()
                    removed = True
                except FileNotFoundError:
                    continue
                except OSError as exc:
                    raise DraftError(f"the draft of {doc_id} cannot be removed: {exc}") from exc
        return removed

    def _migrate(self) -> None:
        """Rename drafts saved under the document id by older versions to digest names."""
        for file in self._files():
            stem = file.name[: -len(SUFFIX)]
            head = stem.split(".", 1)[0]
            if len(head) == 24 and all(c in "0123456789abcdef" for c in head):
                continue
            draft = self._read(file)
            if draft is None:
                continue
            self.save(replace(draft, name="", origin=draft.origin))
            file.unlink(missing_ok=True)
