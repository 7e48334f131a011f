"""Word importer (``.docx``): mammoth reads the document (headings from Word styles, lists and
tables kept), the HTML it gives is turned into Markdown like a web page's."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import Path

import mammoth

from kbdesk.core.errors import ImportFailed
from kbdesk.core.importers.plan import Removal, SourceText
from kbdesk.core.importers.webpage import html_to_markdown

log = logging.getLogger(__name__)

STYLE_MAP = """
p[style-name='Title'] => p.doc-title:fresh
p[style-name='標題'] => p.doc-title:fresh
p[style-name='标题'] => p.doc-title:fresh
p[style-name='Subtitle'] => p:fresh
"""
_CORE_TITLE_RE = re.compile(r"<dc:title>([^<]*)</dc:title>")


class WordImporter:
    """``.docx`` files (Word 2007 and later)."""

    name = "docx"
    suffixes = (".docx",)

    def read(self, path: Path, data: bytes) -> SourceText:
        if not data:
            raise ImportFailed(f"{path.name}: the file is empty")
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            names = set(archive.namelist())
        except zipfile.BadZipFile:
            raise ImportFailed(f"{path.name}: not a Word document (.docx is a zip archive; "
                               "this file is not one)") from None
        if "word/document.xml" not in names:
            raise ImportFailed(f"{path.name}: a zip archive but not a Word document "
                               "(it has no word/document.xml)")
        core_title = ""
        if "docProps/core.xml" in names:
            core = archive.read("docProps/core.xml").decode("utf-8", "replace")
            found = _CORE_TITLE_RE.search(core)
            core_title = found.group(1).strip() if found else ""
        try:
            result = mammoth.convert_to_html(io.BytesIO(data), style_map=STYLE_MAP)
        except Exception as exc:  # mammoth raises many kinds on broken files
            raise ImportFailed(f"{path.name}: the Word document cannot be read ({exc})") from exc
        for message in result.messages:
            log.info("%s: %s", path.name, message)
        removed: list[Removal] = []
        markdown, title = html_to_markdown(f"<body>{result.value}</body>", removed)
        if not markdown.strip():
            raise ImportFailed(f"{path.name}: the Word document has no text")
        return SourceText(markdown, markdown=True, title=title or core_title, removed=removed,
                          encoding="docx")
