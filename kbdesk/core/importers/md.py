"""Markdown importer (``.md``): keeps the Markdown; front matter, if any, gives title and kind."""

from __future__ import annotations

import logging
from pathlib import Path

import yaml

from kbdesk.core.importers.decoding import decode_bytes
from kbdesk.core.importers.plan import SourceText

log = logging.getLogger(__name__)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            try:
                meta = yaml.safe_load("\n".join(lines[1:number]))
            except yaml.YAMLError as exc:
                log.info("front matter ignored: %s", exc)
                return {}, text
            if not isinstance(meta, dict):
                return {}, text
            fields = {str(k): str(v) for k, v in meta.items() if isinstance(v, str | int)}
            return fields, "\n".join(lines[number + 1:])
    return {}, text


class MarkdownImporter:
    """``.md`` files: Markdown headings kept, numbered headings in the text found as in .txt."""

    name = "md"
    suffixes = (".md", ".markdown")

    def read(self, path: Path, data: bytes) -> SourceText:
        text, encoding = decode_bytes(data, path.name)
        fields, body = _front_matter(text)
        return SourceText(body, markdown=True, title=fields.get("title", ""),
                          fields=fields, encoding=encoding)
