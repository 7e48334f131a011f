"""What each page of the exported site shows, built from the documents in force.

This module owns the safe file names of pages (made only from sanitised ids), the rendering of
document bodies by kind (handbook text, phrasings with copyable texts, procedures as checklists
with time limits), tables of contents and the home page's lists. Every piece of document HTML
comes from :func:`kbdesk.core.library.render.render`, which cleans it with nh3; titles, headings
and metadata are plain strings that the templates escape.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from dataclasses import dataclass, field

from kbdesk.core.library.model import Document, Kind
from kbdesk.core.library.phrasing import PLACEHOLDER_RE
from kbdesk.core.library.plaintext import plain_text
from kbdesk.core.library.procedure import _KEY_RE, parse_limit, step_keys
from kbdesk.core.library.render import markdown_to_html, new_converter, sanitize
from kbdesk.core.library.renderguard import renders_as_markdown
from kbdesk.core.plugins import ChangeInfo

#: what the site calls each kind, in the order the home page lists them
KIND_LABELS: dict[str, str] = {"handbook": "手冊", "phrasing": "話術", "procedure": "流程"}
_UNSAFE_RE = re.compile(r"[^\w]+", re.UNICODE)
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                     *(f"lpt{i}" for i in range(10))}
MAX_SLUG = 60
_local = threading.local()


def render(text: str) -> str:
    """Markdown → sanitised HTML, as ``kbdesk.core.library.render.render`` does it.

    One Markdown converter per thread is reset and reused: building one per section would cost
    about half of a large export. The rendering budget applies as in the reader (a text past it
    is shown as written).
    """
    md = getattr(_local, "markdown", None)
    if md is None:
        md = _local.markdown = new_converter()
    return sanitize(markdown_to_html(text, md))


_SPLIT = "<!-- kbdesk:split -->"


def render_many(texts: list[str]) -> list[str]:
    """:func:`render` each text, in one Markdown pass for the lot (a pass per section cost
    most of a large export's page rendering). A text holding the split marker itself, or
    Markdown that would swallow it, makes the parts miscount: then each is rendered alone, and
    so is every text when one of them is past the rendering budget."""
    if len(texts) < 2 or not all(renders_as_markdown(text) for text in texts):
        return [render(text) for text in texts]
    md = getattr(_local, "markdown", None)
    if md is None:
        render("")
        md = _local.markdown
    joined = markdown_to_html(f"\n\n{_SPLIT}\n\n".join(texts), md)
    parts = joined.split(_SPLIT)
    if len(parts) != len(texts) or any(_SPLIT in text for text in texts):
        return [render(text) for text in texts]
    return [sanitize(part.strip("\n")) for part in parts]


def slug(value: str, fallback: str = "doc") -> str:
    """A file-name-safe form of ``value``: letters, digits (any script), ``_`` and ``-`` only.

    Path separators, dots and every other character become ``-``, so no slug can name a parent
    folder, an absolute path or a hidden file.
    """
    text = unicodedata.normalize("NFKC", value)
    text = _UNSAFE_RE.sub("-", text).strip("-_").lower()[:MAX_SLUG].strip("-_")
    if not text or text in _WINDOWS_RESERVED:
        text = f"{fallback}-{text}" if text else fallback
    return text


def unique_slugs(values: list[str], fallback: str = "doc") -> dict[str, str]:
    """Slugs for ``values`` (in order), made unique with a short digest of the value."""
    result: dict[str, str] = {}
    taken: set[str] = set()
    counts: dict[str, int] = {}
    for value in values:
        base = slug(value, fallback)
        counts[base] = counts.get(base, 0) + 1
    for value in values:
        base = slug(value, fallback)
        if counts[base] > 1 or base in taken:
            base = f"{base}-{hashlib.sha1(value.encode('utf-8')).hexdigest()[:8]}"
        taken.add(base)
        result[value] = base
    return result


@dataclass
class Block:
    """One part of a document page: a heading with its HTML, phrasing texts or step keys."""

    anchor: str
    heading: str
    level: int
    html: str
    copies: list[list[tuple[str, bool]]] = field(default_factory=list)
    step: int = 0
    role: str = ""
    limit: str = ""
    limit_seconds: int | None = None
    children: list[Block] = field(default_factory=list)


@dataclass
class TocItem:
    """One line of a page's table of contents, with the ``###`` headings under a ``##``."""

    anchor: str
    heading: str
    children: list[TocItem] = field(default_factory=list)


@dataclass
class PageDocument:
    """A document as its page and the lists show it."""

    doc: Document
    slug: str
    change: ChangeInfo
    category_slug: str
    blocks: list[Block]
    toc: list[TocItem]

    @property
    def url(self) -> str:
        """The page's path from the site root."""
        return f"d/{self.slug}.html"


def _copy_parts(text: str) -> list[tuple[str, bool]]:
    """Split a phrasing text into (text, is placeholder) runs, for highlighting placeholders."""
    parts: list[tuple[str, bool]] = []
    cursor = 0
    for match in PLACEHOLDER_RE.finditer(text):
        if match.start() > cursor:
            parts.append((text[cursor : match.start()], False))
        parts.append((match.group(0), True))
        cursor = match.end()
    if cursor < len(text):
        parts.append((text[cursor:], False))
    return parts


def _without_keys(body: str) -> str:
    return "\n".join(line for line in body.split("\n") if not _KEY_RE.match(line))


def _blocks(doc: Document) -> list[Block]:
    blocks: list[Block] = []
    sources: list[tuple[Block, str]] = []  # each block and the Markdown of its HTML
    phrasings = {p.anchor: p for p in doc.phrasings}
    step = 0
    for section in doc.sections:
        if doc.kind is Kind.PROCEDURE and section.level == 2:
            step += 1
            role, limit = step_keys(section.body)
            block = Block(section.anchor, section.heading, 2, "", step=step, role=role,
                          limit=limit, limit_seconds=parse_limit(limit) if limit else None)
            blocks.append(block)
            sources.append((block, _without_keys(section.body)))
            continue
        if doc.kind is Kind.PROCEDURE and section.level == 3 and step:
            child = Block(section.anchor, section.heading, 3, "")
            blocks[-1].children.append(child)
            sources.append((child, section.body))
            continue
        phrasing = phrasings.get(section.anchor) if section.level == 2 else None
        if phrasing is not None:
            block = Block(section.anchor, section.heading, 2, "",
                          copies=[_copy_parts(v) for v in phrasing.variants])
            blocks.append(block)
            sources.append((block, phrasing.notes))
            continue
        if doc.kind is Kind.PHRASING and section.level == 3:
            continue  # folded into its phrasing (variants and notes)
        block = Block(section.anchor, section.heading, section.level, "")
        blocks.append(block)
        sources.append((block, section.body))
    rendered = render_many([text for _block, text in sources])
    for (block, _text), html in zip(sources, rendered, strict=True):
        block.html = html
    return blocks


def page_document(doc: Document, doc_slug: str, category_slug: str,
                  change: ChangeInfo) -> PageDocument:
    """Everything the page of one document shows."""
    blocks = _blocks(doc)
    toc: list[TocItem] = []
    for section in doc.sections:
        item = TocItem(section.anchor, section.heading)
        if section.level == 2 or (section.level == 3 and not toc):
            toc.append(item)
        elif section.level == 3 and doc.kind is not Kind.PHRASING:
            toc[-1].children.append(item)
    return PageDocument(doc, doc_slug, change, category_slug, blocks, toc)


def search_entries(doc: Document) -> list[tuple[str, str, str]]:
    """(anchor, heading, plain text) of each section, as the site's search indexes them."""
    entries: list[tuple[str, str, str]] = []
    for section in doc.sections:
        text = plain_text(section.body)
        entries.append((section.anchor, section.heading if section.level > 1 else "", text))
    if not entries:
        entries.append(("", "", doc.summary))
    return entries


def recently_updated(pages: list[PageDocument], limit: int = 12) -> list[PageDocument]:
    """The documents published most recently (then by title), newest first."""
    dated = [p for p in pages if p.change.updated is not None]
    dated.sort(key=lambda p: (p.change.updated, p.doc.version, p.doc.id), reverse=True)
    return dated[:limit]
