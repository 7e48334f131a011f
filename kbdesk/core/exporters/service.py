"""``kb.exports``: exporting what is in force in a library (``collect.py`` gathers it; the
exporters registered in ``EXPORTERS`` write it).

The root builds this service with one narrow part, never the ``KnowledgeBase``: a function
that brings the library up to date and returns the :class:`~collect.ExportSource` an export
reads (its name and folder, the clock, the documents in force on a day, their versions, its
synonyms).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kbdesk.core.progress import CancelToken, Progress

if TYPE_CHECKING:
    from kbdesk.core.exporters.collect import ExportSource
    from kbdesk.core.plugins import ExportResult


class Exports:
    """Exports of one library.

    Args:
        source: called at the start of each export; re-reads what changed in the library
            and returns what the export reads of it.
    """

    def __init__(self, source: Callable[[], ExportSource]) -> None:
        self._source = source

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
        from kbdesk.core.exporters.collect import export_library

        return export_library(self._source(), name, Path(outdir), as_of, progress, cancel,
                              options)
