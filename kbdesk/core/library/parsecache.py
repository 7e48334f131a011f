"""A cache of parsed documents, so a new process does not parse the whole library again.

Parsing every file of a 5,000-document library takes about a second; reading the parsed
documents back takes a fraction of that. The cache is derived data kept beside the search index.
An entry is used only for a file whose modification time and size are what they were when it was
parsed (the rule ``Library.load`` applies between two loads in one process) and whose bytes still
have the same digest (file times are coarse: a quick rewrite of the same length can keep them);
the whole cache is ignored when the parser's code changed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import pickle
from pathlib import Path
from typing import Any

from kbdesk.core.library.model import Document, Section
from kbdesk.core.workstation.storage import atomic_writer

log = logging.getLogger(__name__)

#: Save again once at least this many documents were parsed since the cache was written; fewer
#: are cheaper to parse again at the next start than to rewrite the whole cache now.
SAVE_AFTER_PARSED = 25
_FORMAT = 4
#: Entries are pickled in chunks: one pickle of a whole large library keeps a memo of every
#: object it wrote, tens of MB at the end of the first load.
CHUNK = 250

#: One cached file: the digest of its bytes (see ``file_digest``) and the parsed document.
Entry = tuple[str, Document]


#: Text fields at least this long are pickled as UTF-8 bytes (see ``_Pickler``).
_LONG_TEXT = 64


class _Pickler(pickle.Pickler):
    """Pickles documents and sections with their long texts as UTF-8 bytes.

    Pickling a ``str`` makes CPython keep a UTF-8 copy inside the string for the rest of its
    life: for a large library that is tens of MB held by every loaded document after the cache
    was written once. Encoding the long texts ourselves leaves the strings as they were.
    """

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) in (Document, Section):
            values = {}
            for item in dataclasses.fields(obj):
                value = getattr(obj, item.name)
                if type(value) is str and len(value) >= _LONG_TEXT:
                    value = _Text(value.encode("utf-8"))
                values[item.name] = value
            return _rebuild, (type(obj), values)
        return NotImplemented


class _Text(bytes):
    """Marks text stored as UTF-8 bytes in the cache."""


def _rebuild(cls: type, values: dict[str, Any]) -> Any:
    for name, value in values.items():
        if type(value) is _Text:
            values[name] = value.decode("utf-8")
    return cls(**values)


def file_digest(data: bytes) -> str:
    """Return the digest the cache keeps of a file's bytes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _parser_key() -> str:
    """Return a key that changes whenever the code that builds documents changes."""
    from kbdesk import __version__
    from kbdesk.core.library import model, parse

    digest = hashlib.sha1(f"{_FORMAT}:{__version__}".encode())
    for module in (parse, model):
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:
            pass
    return digest.hexdigest()


class ParseCache:
    """Parsed documents of one library, by relative path, in one file.

    Args:
        path: the cache file (its folder is created when the cache is saved).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._key = ""
        self.unsaved = 0

    def _current_key(self) -> str:
        if not self._key:
            self._key = _parser_key()
        return self._key

    def load(self) -> dict[str, Entry]:
        """Return the cached entries by relative path (empty when there is no usable cache)."""
        entries: dict[str, Any] = {}
        try:
            with self.path.open("rb") as handle:
                head = pickle.load(handle)
                if not isinstance(head, dict) or head.get("key") != self._current_key():
                    return {}
                for _ in range(int(head.get("chunks", 0))):
                    chunk = pickle.load(handle)
                    if not isinstance(chunk, dict):
                        return {}
                    entries.update(chunk)
        except FileNotFoundError:
            return {}
        except Exception as exc:  # unpickling a damaged file can raise almost anything
            log.info("ignoring the parsed-document cache %s: %s", self.path, exc)
            return {}
        return {
            path: entry
            for path, entry in entries.items()
            if isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], Document)
        }

    def note_parsed(self, count: int, entries: dict[str, Entry]) -> None:
        """Record that ``count`` files were parsed; save when enough changed since last time."""
        self.unsaved += count
        if self.unsaved >= SAVE_AFTER_PARSED:
            self.save(entries)

    def save(self, entries: dict[str, Entry]) -> None:
        """Write the entries (by relative path) atomically; a failure only logs."""
        paths = list(entries)
        chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
        try:
            with atomic_writer(self.path) as handle:
                head = {"key": self._current_key(), "chunks": len(chunks)}
                pickle.dump(head, handle, protocol=pickle.HIGHEST_PROTOCOL)
                for chunk in chunks:
                    part = {path: entries[path] for path in chunk}
                    _Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL).dump(part)
            self.unsaved = 0
        except OSError as exc:
            log.info("cannot write the parsed-document cache %s: %s", self.path, exc)

    def clear(self) -> None:
        """Remove the cache file."""
        with contextlib.suppress(OSError):
            self.path.unlink()
