"""Writing the site's files safely, and building the search files beside the page rendering.

:class:`SafeWriter` is the only way the exporter writes: every path must stay inside the
staging folder. :class:`SearchJob` builds the search files (``site_search``) either in this
process or, for a large library, in a second process started with ``spawn`` (safe in a program
with threads, such as the desktop app), while this process renders the pages: on two or more
cores the export then takes about as long as the longer of the two.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from kbdesk.core.errors import ExportError, KbError
from kbdesk.core.exporters.site_folding import fold_table
from kbdesk.core.exporters.site_search import IndexedDocument, build_index
from kbdesk.core.progress import CancelToken

log = logging.getLogger(__name__)

#: libraries with fewer documents build their search files in the exporting process
PARALLEL_MIN_DOCUMENTS = 400
_POLL_S = 0.2


class SafeWriter:
    """Writes files under one folder, refusing any path that would leave it."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.files = 0
        self.bytes = 0

    def write(self, relative: str, data: str | bytes) -> None:
        """Write ``data`` to ``root/relative`` (folders made as needed)."""
        target = (self.root / relative).resolve()
        if not target.is_relative_to(self.root) or target == self.root:
            raise ExportError(f"refusing to write {relative!r} outside the export folder")
        if not self.root.is_dir():  # removed under us (a killed export's leftover): stop
            raise ExportError(f"{self.root}: the export folder disappeared")
        target.parent.mkdir(parents=True, exist_ok=True)
        payload = data.encode("utf-8") if isinstance(data, str) else data
        target.write_bytes(payload)
        self.files += 1
        self.bytes += len(payload)


def write_search_files(writer: SafeWriter, indexed: list[IndexedDocument],
                       synonyms: tuple[tuple[str, ...], ...]) -> int:
    """Write ``search/``: postings shards, texts, meta and the fold table; return the shards."""
    index = build_index(indexed, synonyms=synonyms)
    for name, text in sorted(index.files.items()):
        writer.write(f"search/{name}", text)
    table = fold_table()
    keys = "".join(sorted(table))
    folded = "".join(table[k] for k in keys)
    writer.write("search/fold.js", "KBSearch.foldTable(" + json.dumps(keys, ensure_ascii=False)
                 + "," + json.dumps(folded, ensure_ascii=False) + ");\n")
    return index.shards


def _child(root: str, indexed: list[IndexedDocument], synonyms: tuple[tuple[str, ...], ...],
           conn: Connection) -> None:
    try:
        writer = SafeWriter(Path(root))
        shards = write_search_files(writer, indexed, synonyms)
        conn.send(("ok", writer.files, writer.bytes, shards))
    except BaseException as exc:  # reported to the parent, which raises it as a KbError
        conn.send(("error", f"{type(exc).__name__}: {exc}", 0, 0))
    finally:
        conn.close()


class SearchJob:
    """The search files of one export, built in a second process or on :meth:`finish`.

    Args:
        writer: the export's writer (its counts include the search files at the end).
        indexed: the documents as the search sees them.
        synonyms: the library's synonym groups.
        parallel: use a second process (default: for libraries of ``PARALLEL_MIN_DOCUMENTS``
            documents or more, when the machine has two cores or more).
    """

    def __init__(self, writer: SafeWriter, indexed: list[IndexedDocument],
                 synonyms: tuple[tuple[str, ...], ...], parallel: bool | None = None) -> None:
        self.writer = writer
        self.indexed = indexed
        self.synonyms = synonyms
        if parallel is None:
            parallel = (len(indexed) >= PARALLEL_MIN_DOCUMENTS
                        and (multiprocessing.cpu_count() or 1) >= 2)
        self.process: Any = None
        self.conn: Connection | None = None
        if parallel:
            context = multiprocessing.get_context("spawn")
            receive, send = context.Pipe(duplex=False)
            self.process = context.Process(
                target=_child, args=(str(writer.root), indexed, synonyms, send),
                name="kbdesk-export-search", daemon=True)
            self.process.start()
            send.close()
            self.conn = receive
            log.info("building the search files in process %s", self.process.pid)

    def finish(self, cancel: CancelToken | None = None) -> int:
        """Wait for (or build) the search files; return the number of postings shards."""
        if self.process is None:
            return write_search_files(self.writer, self.indexed, self.synonyms)
        assert self.conn is not None
        while not self.conn.poll(_POLL_S):
            if cancel is not None:
                cancel.check()
            if not self.process.is_alive() and not self.conn.poll():
                raise KbError("the search files could not be built (the worker process "
                              f"ended with code {self.process.exitcode})")
        status, first, second, shards = self.conn.recv()
        self.process.join()
        if status != "ok":
            raise KbError(f"the search files could not be built: {first}")
        self.writer.files += first
        self.writer.bytes += second
        return int(shards)

    def stop(self) -> None:
        """End the worker process, if any (after a failure or a cancel)."""
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join(5)
        if self.conn is not None:
            self.conn.close()
