"""``kb.exports``: exporting what is in force in a library (``collect.py`` gathers it; the
exporters registered in ``EXPORTERS`` write it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from kbdesk.core.progress import CancelToken, Progress

if TYPE_CHECKING:
    from kbdesk.core.exporters.base import ExportResult
    from kbdesk.core.kb import KnowledgeBase


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
    ) -> ExportResult:
        """Export the published documents in force on ``as_of`` (default today).

        Args:
            name: the exporter (``html``: a static site with offline search).
            outdir: the folder to write; replaced only if empty or a previous export holding
                only the files its manifest lists (``ExportError`` otherwise).
        """
        from kbdesk.core.exporters.collect import export_library

        self._kb.load()  # only files changed since the last load are parsed again
        return export_library(self._kb, name, Path(outdir), as_of, progress, cancel)
