"""Markdown importer (``.md``): keeps the Markdown; front matter, if any, gives title and kind."""

from __future__ import annotations

import logging
from pathlib import Path

from kbdesk.core.errors import DocumentError
from kbdesk.core.importers.decoding import decode_bytes
from kbdesk.core.library.frontmatter import parse_meta, split_front_matter
from kbdesk.core.plugins import SourceText

log = logging.getLogger(__name__)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    try:
        front, body, _line = split_front_matter(text)
    except DocumentError:
        return {}, text
    try:
        meta = parse_meta(front)
    except DocumentError as exc:
        log.info("front matter ignored: %s", exc)
        return {}, text
    return {k: str(v) for k, v in meta.items() if isinstance(v, str | int)}, body


class MarkdownImporter:
    """``.md`` files: Markdown headings kept, numbered headings in the text found as in .txt."""

    name = "md"
    suffixes = (".md", ".markdown")

    def read(self, path: Path, data: bytes) -> SourceText:
        text, encoding = decode_bytes(data, path.name)
        fields, body = _front_matter(text)
        return SourceText(body, markdown=True, title=fields.get("title", ""),
                          fields=fields, encoding=encoding)
