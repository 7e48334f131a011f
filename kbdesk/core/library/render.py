"""Markdown → safe HTML for the reader: render, sanitise, convert the script, highlight terms.

Every function here is pure. Heading ids are made by Python-Markdown's ``toc`` extension with
``slugify_unicode``, the same way ``kbdesk.core.library.parse`` makes ``Section.anchor``, so
a search hit's
anchor finds its heading in the rendered page. Imported content may carry HTML or script, so the
HTML is always cleaned with ``nh3`` (no scripts, no event handlers, no ``javascript:`` links).

Script conversion and highlighting work on the text between tags only, so they never touch ids,
links or markup.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable, Iterable

import markdown
import nh3
from markdown.extensions.toc import slugify_unicode

from kbdesk.core.library.renderguard import bounded
from kbdesk.core.text.folding import SCRIPTS, convert_script, fold, merge_spans

_EXTENSIONS = ["tables", "toc", "sane_lists", "fenced_code"]
_EXTENSION_CONFIGS: dict[str, dict[str, object]] = {
    "toc": {"slugify": slugify_unicode, "separator": "-"},
    "tables": {"use_align_attribute": True},
}

ALLOWED_TAGS: set[str] = set(nh3.ALLOWED_TAGS) | {"mark", "span", "div", "hr"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _attributes() -> dict[str, set[str]]:
    attrs = {tag: set(values) for tag, values in nh3.ALLOWED_ATTRIBUTES.items()}
    for tag in _HEADINGS:
        attrs.setdefault(tag, set()).add("id")
    for tag in ("th", "td"):
        attrs.setdefault(tag, set()).update({"align", "colspan", "rowspan"})
    for tag in ("span", "mark", "code", "div", "pre"):
        attrs.setdefault(tag, set()).add("class")
    attrs.setdefault("a", set()).update({"href", "title", "name"})
    attrs.setdefault("img", set()).update({"src", "alt", "title", "width", "height"})
    return attrs


ALLOWED_ATTRIBUTES = _attributes()
URL_SCHEMES = {"http", "https", "mailto", "tel", "kbdesk"}

_TAG_SPLIT_RE = re.compile(r"(<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)")
_HEADING_ID_RE = re.compile(r"<h([1-6])\b[^>]*\bid=\"([^\"]*)\"", re.IGNORECASE)


_converters = threading.local()


def new_converter() -> markdown.Markdown:
    """A Markdown converter set up as every page of kbdesk is rendered."""
    return markdown.Markdown(extensions=_EXTENSIONS, extension_configs=_EXTENSION_CONFIGS)


def _converter() -> markdown.Markdown:
    """This thread's converter (building one with its extensions costs about 20 ms: more than
    converting a typical page)."""
    md: markdown.Markdown | None = getattr(_converters, "md", None)
    if md is None:
        md = _converters.md = new_converter()
    return md


def markdown_to_html(text: str, converter: markdown.Markdown | None = None) -> str:
    """Render Markdown to HTML (not yet sanitised), within the rendering budget.

    This is the one place the budget is applied (the reader, the editor's preview and the HTML
    export all come here): a text nested too deep or predicted to need more work than its
    budget (:mod:`kbdesk.core.library.renderguard`) is shown as written, with a note; the
    decision depends on the text alone, never on a clock.

    Args:
        text: the Markdown.
        converter: a converter from :func:`new_converter` to reuse (default: this thread's);
            it is reset first.
    """
    md = (converter or _converter()).reset()
    return bounded(md.convert, text)  # never RecursionError, never minutes


def sanitize(html_text: str) -> str:
    """Clean HTML: keep structure, heading ids, tables and marks; drop scripts and handlers."""
    return nh3.clean(
        html_text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def _map_text(html_text: str, func: Callable[[str], str]) -> str:
    """Apply ``func(unescaped text) -> html`` to every text run between tags."""
    out: list[str] = []
    for part in _TAG_SPLIT_RE.split(html_text):
        if part.startswith("<"):
            out.append(part)
        elif part:
            out.append(func(html.unescape(part)))
    return "".join(out)


def convert_html_script(html_text: str, script: str) -> str:
    """Convert the text of an HTML fragment to a display script, leaving markup alone."""
    if not SCRIPTS.get(script):
        return html_text
    return _map_text(html_text, lambda text: html.escape(convert_script(text, script),
                                                         quote=False))


def _spans(folded: str, needles: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for needle in needles:
        start = folded.find(needle)
        while start != -1:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + len(needle))
    return merge_spans(spans)


def highlight_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Return the merged (start, end) spans of the (folded) terms in ``text``, in either script."""
    needles = [n for n in {fold(t).strip() for t in terms if t} if n]
    return _spans(fold(text), needles) if needles else []


def highlight_html(html_text: str, terms: Iterable[str], *, tag: str = "span",
                   css_class: str = "hl") -> str:
    """Wrap every occurrence of the (folded) search terms in the text of an HTML fragment.

    Matching is done in the folded text (Traditional and Simplified alike, any case); since
    folding keeps the length, the offsets apply to the text as written.
    """
    needles = sorted({fold(t).strip() for t in terms if t and t.strip()}, key=len, reverse=True)
    needles = [n for n in needles if n]
    if not needles:
        return html_text
    open_tag = f'<{tag} class="{css_class}">'
    close_tag = f"</{tag}>"

    def mark(text: str) -> str:
        spans = _spans(fold(text), needles)
        if not spans:
            return html.escape(text, quote=False)
        pieces: list[str] = []
        cursor = 0
        for start, end in spans:
            pieces.append(html.escape(text[cursor:start], quote=False))
            pieces.append(open_tag + html.escape(text[start:end], quote=False) + close_tag)
            cursor = end
        pieces.append(html.escape(text[cursor:], quote=False))
        return "".join(pieces)

    return _map_text(html_text, mark)


def heading_ids(html_text: str) -> list[str]:
    """Return the ids of the headings of an HTML fragment, in order."""
    return [html.unescape(match.group(2)) for match in _HEADING_ID_RE.finditer(html_text)]


def render(text: str, *, script: str = "original", highlight: Iterable[str] = (),
           highlight_tag: str = "span") -> str:
    """Render a document body for display.

    Args:
        text: the Markdown body (without front matter).
        script: one of ``textfold.SCRIPTS``; the text is converted, ids stay as written.
        highlight: folded search terms to mark.
        highlight_tag: ``span`` (with class ``hl``, for Qt rich text) or ``mark``.

    Returns:
        Sanitised HTML whose heading ids equal the document's ``Section.anchor`` values.
    """
    result = sanitize(markdown_to_html(text))
    result = convert_html_script(result, script)
    terms = list(highlight)
    if terms:
        result = highlight_html(result, terms, tag=highlight_tag)
    return result
