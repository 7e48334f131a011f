"""Importers: turn files editors already have (txt, md, docx, html) into library documents.

Each format is one module registered in :data:`IMPORTERS` by name; other packages add theirs
through the ``kbdesk.importers`` entry-point group (the API: :mod:`kbdesk.core.plugins`).
"""

from __future__ import annotations

from dataclasses import dataclass

from kbdesk.core.plugins import Importer, check_importer
from kbdesk.core.registry import Registry

#: name -> "module:attribute" of the importers that ship with kbdesk.
BUILTIN: dict[str, str] = {
    "txt": "kbdesk.core.importers.txt:TextImporter",
    "md": "kbdesk.core.importers.md:MarkdownImporter",
    "docx": "kbdesk.core.importers.word:WordImporter",
    "html": "kbdesk.core.importers.webpage:HtmlImporter",
}

IMPORTERS: Registry[Importer] = Registry("kbdesk.importers", BUILTIN, check_importer)


@dataclass(frozen=True)
class ImportFormat:
    """A file format the import reads: an importer's name and the suffixes it claims.

    Clients build their file choosers from these (the wizard's filter, the CLI's help).
    """

    name: str
    suffixes: tuple[str, ...]


def import_formats() -> list[ImportFormat]:
    """Every usable importer's format, by name (broken plugins left out: see
    :func:`broken_importers`)."""
    return [ImportFormat(name, tuple(s.lower() for s in importer.suffixes))
            for name, importer in IMPORTERS.plugins()]


def broken_importers() -> dict[str, str]:
    """Importers that cannot be used: name -> what is wrong (after :func:`import_formats`)."""
    return IMPORTERS.broken()
