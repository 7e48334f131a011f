"""Importers: turn files editors already have (txt, md, docx, html) into library documents.

Each format is one module registered in :data:`IMPORTERS` by name; other packages add theirs
through the ``kbdesk.importers`` entry-point group.
"""

from __future__ import annotations

from kbdesk.core.registry import Registry

#: name -> "module:attribute" of the importers that ship with kbdesk.
BUILTIN: dict[str, str] = {
    "txt": "kbdesk.core.importers.txt:TextImporter",
    "md": "kbdesk.core.importers.md:MarkdownImporter",
    "docx": "kbdesk.core.importers.word:WordImporter",
    "html": "kbdesk.core.importers.webpage:HtmlImporter",
}

IMPORTERS: Registry[object] = Registry("kbdesk.importers", BUILTIN)
