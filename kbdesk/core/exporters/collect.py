"""Gathering what an export shows: the documents in force on a day and their last change.

Only published versions in force on the day are exported: drafts (never committed, or marked
``status: draft``), pending versions (their effective date still ahead: the older version in
force is exported instead) and retired documents are left out.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from kbdesk.core.exporters.base import (
    ExportDocument,
    ExportRequest,
    ExportResult,
    Progress,
)
from kbdesk.core.exporters.site_pages import ChangeInfo
from kbdesk.core.library.model import Document, Status
from kbdesk.core.progress import CancelToken

if TYPE_CHECKING:
    from kbdesk.core.kb import KnowledgeBase

log = logging.getLogger(__name__)


def change_of(kb: KnowledgeBase, doc: Document) -> ChangeInfo:
    """When the version of ``doc`` was published and its change note (from git history).

    Without history (a plain folder, or a version never committed) the effective date stands
    in for the publication date and there is no note.
    """
    for info in kb.versions.versioning.versions(doc.path, refresh=False):
        if info.version == doc.version and not info.superseded:
            return ChangeInfo(info.day, info.note, info.author)
    return ChangeInfo(doc.effective, "")


def export_request(kb: KnowledgeBase, as_of: dt.date | None = None,
                   now: dt.datetime | None = None) -> ExportRequest:
    """The documents in force on ``as_of`` (default today), ready for an exporter."""
    day = as_of or kb.today()
    in_force = kb.indexed_documents(day)
    # a plain folder (no git) has no older versions: a file not yet effective is left out
    docs = [doc for _id, doc in sorted(in_force.items()) if doc.status is Status.PUBLISHED
            and (doc.effective is None or doc.effective <= day)]
    items = tuple(ExportDocument(doc, change_of(kb, doc)) for doc in docs)
    stamp = now or kb.clock.now()
    synonyms = tuple(tuple(group) for group in kb.library.config.synonyms)
    return ExportRequest(kb.name, kb.root, day, items, stamp, synonyms)


def export_library(kb: KnowledgeBase, name: str, outdir: Path, as_of: dt.date | None = None,
                   progress: Progress | None = None,
                   cancel: CancelToken | None = None) -> ExportResult:
    """Export the library in force with the exporter called ``name``."""
    from kbdesk.core.exporters import EXPORTERS

    exporter = EXPORTERS.get(name)
    request = export_request(kb, as_of)
    log.info("exporting %d documents in force on %s as %s", len(request.documents),
             request.as_of, name)
    return exporter.export(request, outdir, progress, cancel)  # type: ignore[attr-defined]
