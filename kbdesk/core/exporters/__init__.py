"""Exporters: write the library in force as something else (a static HTML site, ...).

Each format is one module registered in :data:`EXPORTERS` by name; other packages add theirs
through the ``kbdesk.exporters`` entry-point group.
"""

from __future__ import annotations

from kbdesk.core.registry import Registry

#: name -> "module:attribute" of the exporters that ship with kbdesk.
BUILTIN: dict[str, str] = {
    "html": "kbdesk.core.exporters.html_site:HtmlSiteExporter",
}

EXPORTERS: Registry[object] = Registry("kbdesk.exporters", BUILTIN)
