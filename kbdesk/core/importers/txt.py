"""Plain-text importer (``.txt``): decodes the file; structure is found by the planner."""

from __future__ import annotations

from pathlib import Path

from kbdesk.core.importers.decoding import decode_bytes
from kbdesk.core.plugins import SourceText


class TextImporter:
    """``.txt`` files in UTF-8 (with or without BOM), UTF-16, GB18030/GBK or Big5."""

    name = "txt"
    suffixes = (".txt", ".text")

    def read(self, path: Path, data: bytes) -> SourceText:
        text, encoding = decode_bytes(data, path.name)
        return SourceText(text, markdown=False, encoding=encoding)
