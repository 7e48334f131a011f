"""Importers: turn files editors already have (txt, md, docx, html) into library documents.

Each format is one module registered in :data:`IMPORTERS` by name; other packages add theirs
through the ``kbdesk.importers`` entry-point group.
"""

from __future__ import annotations

from kbdesk.core.registry import Registry

#: name -> "module:attribute" of the importers that ship with kbdesk.
BUILTIN: dict[str, str] = {}

IMPORTERS: Registry[object] = Registry("kbdesk.importers", BUILTIN)
