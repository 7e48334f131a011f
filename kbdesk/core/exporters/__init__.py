"""Exporters: write the library in force as something else (a static HTML site, ...).

Each format is one module registered in :data:`EXPORTERS` by name; other packages add theirs
through the ``kbdesk.exporters`` entry-point group (the API: :mod:`kbdesk.core.plugins`).
"""

from __future__ import annotations

from dataclasses import dataclass

from kbdesk.core.plugins import Exporter, Option, check_exporter
from kbdesk.core.registry import Registry

#: name -> "module:attribute" of the exporters that ship with kbdesk.
BUILTIN: dict[str, str] = {
    "html": "kbdesk.core.exporters.html_site:HtmlSiteExporter",
}

EXPORTERS: Registry[Exporter] = Registry("kbdesk.exporters", BUILTIN, check_exporter)


@dataclass(frozen=True)
class ExportFormat:
    """An export format as clients list it: name (``--format``), title and options."""

    name: str
    title: str
    options: tuple[Option, ...]


def export_formats() -> list[ExportFormat]:
    """Every usable exporter, by name (broken plugins left out: see :func:`broken_exporters`)."""
    return [ExportFormat(name, exporter.title or name, tuple(exporter.options))
            for name, exporter in EXPORTERS.plugins()]


def broken_exporters() -> dict[str, str]:
    """Exporters that cannot be used: name -> what is wrong (after :func:`export_formats`)."""
    return EXPORTERS.broken()
