"""Gathering what an export shows: the documents in force on a day and their last change.

Only published versions in force on the day are exported: drafts (never committed, or marked
``status: draft``), pending versions (their effective date still ahead: the older version in
force is exported instead) and retired documents are left out.

An export reads the library through :class:`ExportSource` only (its name and folder, the
documents in force on a day, their versions, its synonyms, the clock), never the whole
``KnowledgeBase``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from kbdesk.core.clock import Clock
from kbdesk.core.errors import ExportError, KbError
from kbdesk.core.library.model import Document, Status
from kbdesk.core.plugins import (
    ChangeInfo,
    ExportDocument,
    ExportRequest,
    ExportResult,
    resolve_options,
)
from kbdesk.core.progress import CancelToken, Progress
from kbdesk.core.storage.history import VersionInfo

log = logging.getLogger(__name__)


class VersionSource(Protocol):
    """Where the versions of a document are read (the library's git history)."""

    def versions(self, path: str, *, refresh: bool = True) -> list[VersionInfo]:
        """The versions of the document at ``path``, newest first."""
        ...


@dataclass(frozen=True)
class ExportSource:
    """What an export reads of a library.

    Attributes:
        name: the library's display name.
        root: the library folder.
        clock: the library's clock (today, and the export's time stamp).
        in_force: the documents in force on a day, by id.
        history: the versions of each document.
        synonyms: the library's synonym groups, as written.
    """

    name: str
    root: Path
    clock: Clock
    in_force: Callable[[dt.date], Mapping[str, Document]]
    history: VersionSource
    synonyms: Sequence[Sequence[str]] = ()


def change_of(source: ExportSource, doc: Document) -> ChangeInfo:
    """When the version of ``doc`` was published and its change note (from git history).

    Without history (a plain folder, or a version never committed) the effective date stands
    in for the publication date and there is no note.
    """
    for info in source.history.versions(doc.path, refresh=False):
        if info.version == doc.version and not info.superseded:
            return ChangeInfo(info.day, info.note, info.author)
    return ChangeInfo(doc.effective, "")


def export_request(source: ExportSource, as_of: dt.date | None = None,
                   now: dt.datetime | None = None,
                   options: Mapping[str, Any] | None = None) -> ExportRequest:
    """The documents in force on ``as_of`` (default today), ready for an exporter."""
    day = as_of or source.clock.today()
    in_force = source.in_force(day)
    # a plain folder (no git) has no older versions: a file not yet effective is left out
    docs = [doc for _id, doc in sorted(in_force.items()) if doc.status is Status.PUBLISHED
            and (doc.effective is None or doc.effective <= day)]
    items = tuple(ExportDocument(doc, change_of(source, doc)) for doc in docs)
    stamp = now or source.clock.now()
    synonyms = tuple(tuple(group) for group in source.synonyms)
    return ExportRequest(source.name, source.root, day, items, stamp, synonyms,
                         dict(options or {}))


def export_library(source: ExportSource, name: str, outdir: Path, as_of: dt.date | None = None,
                   progress: Progress | None = None, cancel: CancelToken | None = None,
                   options: Mapping[str, Any] | None = None) -> ExportResult:
    """Export the library in force with the exporter called ``name``.

    Raises:
        UnknownPlugin, BrokenPlugin: no usable exporter has that name.
        InvalidOption: ``options`` the exporter does not declare, or a value it refuses
            (checked before anything is read or written).
    """
    from kbdesk.core.exporters import EXPORTERS

    exporter = EXPORTERS.get(name)
    values = resolve_options(name, exporter.options, options)
    request = export_request(source, as_of, options=values)
    log.info("exporting %d documents in force on %s as %s", len(request.documents),
             request.as_of, name)
    try:
        result = exporter.export(request, Path(outdir), progress, cancel)
    except (KbError, MemoryError):
        raise
    except Exception as exc:  # a plugin's own bug: said by name, never a traceback
        log.warning("exporter %s failed", name, exc_info=True)
        raise ExportError(f"the {name} exporter failed ({type(exc).__name__}: {exc})") from exc
    if not isinstance(result, ExportResult):
        raise ExportError(f"the {name} exporter gave {type(result).__name__}, not ExportResult")
    return result
