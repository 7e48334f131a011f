"""Word importer (``.docx``): mammoth reads the document (headings from Word styles, lists and
tables kept), the HTML it gives is turned into Markdown like a web page's.

The archive's XML parts are first inflated within the bounds of :mod:`.archive` (a zip bomb is
refused there, naming the part); mammoth reads only those checked parts, and pictures are never
inflated (their alternative text is kept).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import mammoth
import mammoth.images

from kbdesk.core.errors import ImportFailed
from kbdesk.core.importers.archive import read_parts, rebuild
from kbdesk.core.importers.webpage import html_to_markdown
from kbdesk.core.plugins import Removal, SourceText

log = logging.getLogger(__name__)

STYLE_MAP = """
p[style-name='Title'] => p.doc-title:fresh
p[style-name='標題'] => p.doc-title:fresh
p[style-name='标题'] => p.doc-title:fresh
p[style-name='Subtitle'] => p:fresh
"""
_CORE_TITLE_RE = re.compile(r"<dc:title>([^<]*)</dc:title>")
#: Pictures are not imported: only their alternative text is kept (their bytes never inflated).
_IMAGE_ALT_ONLY = mammoth.images.img_element(lambda _image: {})


class WordImporter:
    """``.docx`` files (Word 2007 and later)."""

    name = "docx"
    suffixes = (".docx",)

    def read(self, path: Path, data: bytes) -> SourceText:
        if not data:
            raise ImportFailed(f"{path.name}: the file is empty")
        parts = read_parts(data, path.name)  # bounded: a zip bomb stops here
        if "word/document.xml" not in parts:
            raise ImportFailed(f"{path.name}: a zip archive but not a Word document "
                               "(it has no word/document.xml)")
        core_title = ""
        if "docProps/core.xml" in parts:
            core = parts["docProps/core.xml"].decode("utf-8", "replace")
            found = _CORE_TITLE_RE.search(core)
            core_title = found.group(1).strip() if found else ""
        try:
            result = mammoth.convert_to_html(rebuild(parts), style_map=STYLE_MAP,
                                             convert_image=_IMAGE_ALT_ONLY)
        except RecursionError:
            raise ImportFailed(f"{path.name}: the Word document nests too deeply to be read"
                               ) from None
        except Exception as exc:  # mammoth raises many kinds on broken files
            raise ImportFailed(f"{path.name}: the Word document cannot be read ({exc})") from exc
        for message in result.messages:
            log.info("%s: %s", path.name, message)
        removed: list[Removal] = []
        markdown, title = html_to_markdown(f"<body>{result.value}</body>", removed, path.name)
        if not markdown.strip():
            raise ImportFailed(f"{path.name}: the Word document has no text")
        return SourceText(markdown, markdown=True, title=title or core_title, removed=removed,
                          encoding="docx")
