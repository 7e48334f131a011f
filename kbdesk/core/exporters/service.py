"""``kb.exports``: exporting what is in force in a library (``collect.py`` gathers it; the
exporters registered in ``EXPORTERS`` write it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kbdesk.core.progress import CancelToken, Progress

if TYPE_CHECKING:
    from kbdesk.core.kb import KnowledgeBase
    from kbdesk.core.plugins import ExportResult


class Exports:
    """Exports of one library."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb

    def export(
        self,
        name: str,
        outdir: Path | str,
        as_of: dt.date | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> ExportResult:
        """Export the published documents in force on ``as_of`` (default today).

        Args:
            name: the exporter (``html``: a static site with offline search).
            outdir: the folder to write; replaced only if empty or a previous export holding
                only the files its manifest lists (``ExportError`` otherwise).
            options: the exporter's options by name (text or typed values), checked against
                its declaration (``InvalidOption`` names a bad one).
        """
        from kbdesk.core.exporters.collect import ExportSource, export_library

        kb = self._kb
        kb.load()  # only files changed since the last load are parsed again
        source = ExportSource(kb.name, kb.root, kb.clock, kb.indexed_documents,
                              kb.versions.versioning, kb.library.config.synonyms)
        return export_library(source, name, Path(outdir), as_of, progress, cancel, options)
