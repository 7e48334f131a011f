"""What every exporter is given and returns: the documents in force, and a summary of the run."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kbdesk.core.exporters.site_pages import ChangeInfo
from kbdesk.core.library.model import Document
from kbdesk.core.progress import CancelToken, Progress


@dataclass(frozen=True)
class ExportDocument:
    """A document in force and the publication of that version."""

    doc: Document
    change: ChangeInfo


@dataclass(frozen=True)
class ExportRequest:
    """What to export.

    Attributes:
        library_name: the library's display name (the site's title).
        library_root: the library folder (the output may not be inside it).
        as_of: the day whose documents in force are exported.
        documents: the documents in force on ``as_of``, published and not retired.
        generated_at: the one time stamp of the export (shown on the home page only).
        synonyms: the library's synonym groups (``library.yaml``), as written.
    """

    library_name: str
    library_root: Path
    as_of: dt.date
    documents: tuple[ExportDocument, ...]
    generated_at: dt.datetime
    synonyms: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    outdir: Path
    documents: int
    files: int
    bytes: int
    search_shards: int


class Exporter(Protocol):
    """An exporter plugin (registered in :data:`kbdesk.core.exporters.EXPORTERS`)."""

    name: str

    def export(self, request: ExportRequest, outdir: Path, progress: Progress | None = None,
               cancel: CancelToken | None = None) -> ExportResult:
        """Write ``request`` to ``outdir``."""
        ...
