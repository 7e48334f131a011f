"""HTML importer (``.html``) and the web clean-up shared with the Word importer.

The page's main content (``<main>``, ``<article>`` or the body) is kept; navigation, headers,
footers, sidebars, forms, scripts and blocks whose class or id names them (``nav``, ``footer``,
``sidebar``, ``comment``, ``related``, ``breadcrumb``…) are dropped and reported. The rest is
converted to Markdown by markdownify: headings, lists and tables are kept.

Work is bounded whatever the page: a page of more than :data:`MAX_HTML_TAGS` tags is refused
before it is parsed, and elements nested deeper than :data:`MAX_HTML_DEPTH` are flattened into
the text of the element at that depth (one line per piece of text), so neither the parser nor
the converter ever recurses without bound.
"""

from __future__ import annotations

import html
import logging
import re
import warnings
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag
from markdownify import MarkdownConverter

from kbdesk.core.errors import ImportFailed
from kbdesk.core.importers.decoding import decode_bytes
from kbdesk.core.plugins import Removal, SourceText

log = logging.getLogger(__name__)

_DROP_TAGS = {
    "nav": "web page navigation",
    "header": "web page header",
    "footer": "web page footer",
    "aside": "web page sidebar",
    "form": "web page form",
    "script": "script",
    "style": "style sheet",
    "noscript": "script",
    "iframe": "embedded frame",
}
_DROP_NAMES_RE = re.compile(
    r"(^|[-_\s])(nav|navbar|menu|breadcrumbs?|footer|sidebar|side-bar|comments?|related|"
    r"recommend|share|social|advert|ads?|banner|toolbar|pager|pagination|login|copyright)"
    r"($|[-_\s])", re.I)
_CHARSET_RE = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.I)
#: Elements nested deeper than this are flattened into text (real pages: 30-40 at most; each
#: level of a nested list is two, of a nested table three).
MAX_HTML_DEPTH = 100
#: Tags (counted as ``<`` characters) a page or a Word document's HTML may hold: about 3,000
#: pages of formatted text.
MAX_HTML_TAGS = 500_000


def _text(tag: Tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text(" ", strip=True)).strip()


_PLAIN_TABLE = "data-kbdesk-no-header"


def _mark_table_headers(root: Tag) -> None:
    """A table with no header cells gets one only when its first row looks like a header (every
    cell bold); otherwise it is marked to be written as a plain HTML table, since a Markdown
    table cannot be without a header row (an empty one would be invented)."""
    for table in root.find_all("table"):
        if table.find("th") is not None:
            continue
        first = table.find("tr")
        cells = first.find_all("td", recursive=False) if isinstance(first, Tag) else []
        if cells and all(_text(cell) and _text(cell) == " ".join(
                _text(b) for b in cell.find_all(["strong", "b"])) for cell in cells):
            for cell in cells:
                cell.name = "th"
                for bold in cell.find_all(["strong", "b"]):
                    bold.unwrap()  # a header cell is bold already
        else:
            table[_PLAIN_TABLE] = "1"


def _plain_table(table: Tag) -> str:
    rows = []
    for row in table.find_all("tr"):
        cells = "".join(f"<td>{html.escape(_text(cell), quote=False)}</td>"
                        for cell in row.find_all(["td", "th"], recursive=False))
        rows.append(f"<tr>{cells}</tr>")
    return "\n\n<table>\n" + "\n".join(rows) + "\n</table>\n\n"


class _Converter(MarkdownConverter):
    """markdownify with headings as ``#`` lines and ``-`` bullets; a table without a header
    row stays an HTML table."""

    def __init__(self) -> None:
        super().__init__(heading_style="ATX", bullets="-", strip=["a"])

    def convert_table(self, el: Any, text: str, parent_tags: Any) -> str:
        if el.get(_PLAIN_TABLE):
            return _plain_table(el)
        # markdownify's type stubs do not declare its convert_* methods
        return str(super().convert_table(el, text, parent_tags))  # type: ignore[misc]


def flatten_deep(soup: BeautifulSoup, limit: int = MAX_HTML_DEPTH) -> int:
    """Replace what is nested below depth ``limit`` by its text; return how many elements were
    flattened. Linear in the size of the tree, without recursion."""
    depth: dict[int, int] = {id(soup): 0}
    cut: list[Tag] = []
    for element in soup.descendants:
        if not isinstance(element, Tag):
            continue
        level = depth.get(id(element.parent), 0) + 1
        depth[id(element)] = level
        if level == limit:
            cut.append(element)
    flattened = 0
    for element in cut:
        if element.find(True) is None:
            continue
        for hidden in element.find_all(("script", "style", "noscript")):
            hidden.decompose()  # never text, however deep
        text = element.get_text("\n", strip=True)
        element.clear()
        element.append(text)
        flattened += 1
    return flattened


def html_to_markdown(html: str, removed: list[Removal], source: str = "the page"
                     ) -> tuple[str, str]:
    """Convert a page (or a Word document's HTML) to Markdown; return (markdown, title).

    Raises:
        ImportFailed: more than :data:`MAX_HTML_TAGS` tags (the message names ``source``).
    """
    tags = html.count("<")
    if tags > MAX_HTML_TAGS:
        raise ImportFailed(f"{source}: refused: about {tags:,} tags, more than the "
                           f"{MAX_HTML_TAGS:,} an import reads")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html, "html.parser")
    if flatten_deep(soup):
        log.info("%s: elements nested deeper than %d were flattened into text", source,
                 MAX_HTML_DEPTH)
    title_tag = soup.find("title")
    title = _text(title_tag) if isinstance(title_tag, Tag) else ""
    title = re.split(r"\s+[-|–—_]\s+|_", title)[0].strip()
    if len(soup.find_all("h1")) == 1:
        title = ""  # the page's one h1 is its title (the planner takes it)
    doc_title = soup.find(class_="doc-title")
    if isinstance(doc_title, Tag):
        title = _text(doc_title)
        doc_title.decompose()
    found = soup.find("main") or soup.find("article") or soup.find("body")
    root: Tag = found if isinstance(found, Tag) else soup
    count = 0

    def note(text: str, reason: str) -> None:
        nonlocal count
        if text:
            removed.append(Removal(text, reason, 0, count))
            count += 1

    if root.name in ("main", "article") and isinstance(soup.find("body"), Tag):
        body = soup.find("body")
        assert isinstance(body, Tag)
        for sibling in list(body.find_all(recursive=False)):
            if sibling is not root and root not in sibling.descendants:
                note(_text(sibling), "outside the page's main content")
                sibling.decompose()
    for name, reason in _DROP_TAGS.items():
        for tag in list(root.find_all(name)):
            if name not in ("script", "style", "noscript"):
                note(_text(tag), reason)
            tag.decompose()
    for tag in list(root.find_all(True)):
        if tag.decomposed:
            continue
        classes: Any = tag.get("class") or []
        names = " ".join([*(classes if isinstance(classes, list) else [str(classes)]),
                          str(tag.get("id") or "")])
        if names.strip() and _DROP_NAMES_RE.search(names):
            note(_text(tag), f"web page block ({names.strip()})")
            tag.decompose()
    for img in list(root.find_all("img")):
        note(str(img.get("alt") or img.get("src") or "image"), "image (not imported)")
        img.decompose()
    _mark_table_headers(root)
    try:
        markdown = _Converter().convert_soup(root)
    except RecursionError:  # not reached within MAX_HTML_DEPTH; never let it escape
        raise ImportFailed(f"{source}: nested too deeply to convert") from None
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"
    return markdown, title


class HtmlImporter:
    """``.html``/``.htm`` pages, main text only, as Markdown."""

    name = "html"
    suffixes = (".html", ".htm", ".xhtml")

    def read(self, path: Path, data: bytes) -> SourceText:
        declared = _CHARSET_RE.search(data[:4096])
        text = None
        if declared:
            try:
                text, encoding = data.decode(declared.group(1).decode("ascii")), "declared"
            except (LookupError, UnicodeDecodeError):
                text = None
        if text is None:
            text, encoding = decode_bytes(data, path.name)
        if "<" not in text:
            raise ImportFailed(f"{path.name}: not an HTML page (no markup)")
        removed: list[Removal] = []
        markdown, title = html_to_markdown(text, removed, path.name)
        if not markdown.strip():
            raise ImportFailed(f"{path.name}: the page has no text to import")
        return SourceText(markdown, markdown=True, title=title, removed=removed,
                          encoding=encoding)
