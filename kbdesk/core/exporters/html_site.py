"""The ``html`` exporter: the library in force as a static site that works from ``file://``.

The site is written into a staging folder and swapped in when complete (``site_folder``), so a
crash or a cancelled export leaves the previous site as it was. An existing OUTDIR is replaced
only when it is empty or holds nothing but the files of a previous export, as its manifest
(:data:`MARKER`, ``site_manifest``) lists them; the output may not be inside the library. Every
file name comes from a sanitised id (``site_pages.slug``) and is checked to resolve inside the
staging folder. Output is deterministic: documents, lists and JSON keys are sorted, and the only
time stamp is the generated-at line of ``index.html`` (and so the manifest's entry for it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import jinja2

from kbdesk.core.exporters import site_folder
from kbdesk.core.exporters.site_folder import check_outdir
from kbdesk.core.exporters.site_manifest import MARKER, Manifest
from kbdesk.core.exporters.site_pages import (
    KIND_LABELS,
    PageDocument,
    page_document,
    recently_updated,
    search_entries,
    unique_slugs,
)
from kbdesk.core.exporters.site_search import (
    MAX_SECTIONS,
    SECTION_BITS,
    Entry,
    IndexedDocument,
)
from kbdesk.core.exporters.site_worker import SafeWriter, SearchJob
from kbdesk.core.library.categories import category_spellings
from kbdesk.core.library.model import Document
from kbdesk.core.plugins import (
    CancelToken,
    ExportRequest,
    ExportResult,
    Option,
    Progress,
)
from kbdesk.core.workstation import paths

log = logging.getLogger(__name__)

__all__ = ["MARKER", "HtmlSiteExporter", "check_outdir"]

STATIC_FILES = ("site.css", "site.js", "search.js")
#: documents listed under each category on the home page (the category page lists them all)
BROWSE_LIMIT = 8


def site_resources() -> Path:
    """The folder of the site's templates and static files."""
    return paths.resources_dir() / "site"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(site_resources() / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["kind_label"] = lambda kind: KIND_LABELS.get(str(kind), str(kind))
    return env


#: the writer of every export file (a name tests patch to slow an export down)
_Writer = SafeWriter


def _indexed(number: int, url: str, doc: Document) -> IndexedDocument:
    """A document as the search sees it: one entry per section (the last ones joined)."""
    entries: list[Entry] = []
    for position, (anchor, heading, text) in enumerate(search_entries(doc)):
        section = min(position, MAX_SECTIONS - 1)
        if section < position:  # sections past the limit join the last entry
            entries[-1].text += "\n" + heading + "\n" + text
            continue
        entries.append(Entry((number << SECTION_BITS) | section, anchor, heading, text))
    return IndexedDocument(number, url, doc.title, doc.kind.value, doc.category, entries,
                           tuple(doc.keywords), tuple(doc.tags))


def _site_title(request: ExportRequest) -> str:
    """The site's title: the ``title`` option, else the library's name."""
    return str(request.options.get("title") or request.library_name)


class HtmlSiteExporter:
    """Writes a static HTML site with offline Chinese search."""

    name = "html"
    title = "HTML site"
    options = (
        Option("title", str, None, help="the site's title (default: the library's name)"),
    )

    def export(self, request: ExportRequest, outdir: Path, progress: Progress | None = None,
               cancel: CancelToken | None = None) -> ExportResult:
        """Export ``request`` to ``outdir`` (see the module docstring for the guarantees)."""
        with site_folder.folder_errors(Path(outdir)):
            staging = site_folder.prepare(Path(outdir), request.library_root)
            try:
                writer = _Writer(staging.path)
                shards = self._write_site(request, writer, progress, cancel)
                writer.write(MARKER, Manifest.of_folder(staging.path).dumps())
                site_folder.commit(staging)
            except BaseException:
                site_folder.discard(staging)
                raise
        log.info("exported %d documents to %s", len(request.documents), staging.out)
        return ExportResult(staging.out, len(request.documents), writer.files, writer.bytes,
                            {"search_shards": shards, "open": staging.out / "index.html"})

    def _write_site(self, request: ExportRequest, writer: SafeWriter,
                    progress: Progress | None, cancel: CancelToken | None) -> int:
        report: Callable[[int, int, str], None] = progress or (lambda _d, _t, _m: None)
        ordered = sorted(request.documents, key=lambda e: (e.doc.category, e.doc.title, e.doc.id))
        doc_slugs = unique_slugs([e.doc.id for e in ordered])
        # one category across scripts (話術 = 话术), under the library's own spelling
        spelling = category_spellings(e.doc.category for e in ordered)
        categories = sorted(set(spelling.values()))
        cat_slugs = unique_slugs(categories, "category")
        cat_slugs.update({name: cat_slugs[shown] for name, shown in spelling.items()})
        total = len(ordered) + 3
        env = _environment()
        indexed = [_indexed(number, f"d/{doc_slugs[item.doc.id]}.html", item.doc)
                   for number, item in enumerate(ordered)]
        job = SearchJob(writer, indexed, request.synonyms)
        try:
            pages: list[PageDocument] = []
            doc_template = env.get_template("document.html")
            for number, item in enumerate(ordered):
                if cancel is not None:
                    cancel.check()
                doc = item.doc
                page = page_document(doc, doc_slugs[doc.id], cat_slugs[doc.category],
                                     item.change)
                pages.append(page)
                writer.write(page.url, doc_template.render(
                    page=page, doc=doc, root="../", site=_site_title(request),
                    kinds=KIND_LABELS, as_of=request.as_of.isoformat()))
                report(number + 1, total, doc.title)
            self._write_lists(request, writer, env, pages, categories, cat_slugs)
            report(len(ordered) + 1, total, "index.html")
            if cancel is not None:
                cancel.check()
            shards = job.finish(cancel)
        finally:
            job.stop()
        report(len(ordered) + 2, total, "search")
        for name in STATIC_FILES:
            writer.write(f"static/{name}", (site_resources() / "static" / name).read_bytes())
        report(total, total, "")
        return shards

    def _write_lists(self, request: ExportRequest, writer: SafeWriter, env: jinja2.Environment,
                     pages: list[PageDocument], categories: list[str],
                     cat_slugs: dict[str, str]) -> None:
        common = {"site": _site_title(request), "kinds": KIND_LABELS,
                  "as_of": request.as_of.isoformat()}
        by_category = {c: [p for p in pages if cat_slugs[p.doc.category] == cat_slugs[c]]
                       for c in categories}
        by_kind = {k: [p for p in pages if p.doc.kind.value == k] for k in KIND_LABELS}
        stamp = request.generated_at.isoformat(timespec="seconds")
        writer.write("index.html", env.get_template("index.html").render(
            root="", categories=[(c, cat_slugs[c], len(by_category[c])) for c in categories],
            kind_counts=[(k, len(v)) for k, v in by_kind.items() if v],
            recent=recently_updated(pages), total=len(pages), generated_at=stamp,
            by_category=by_category, browse_limit=BROWSE_LIMIT, **common))
        listing = env.get_template("listing.html")
        for category in categories:
            writer.write(f"c/{cat_slugs[category]}.html", listing.render(
                root="../", title=category, crumb="分類", pages=by_category[category], **common))
        for kind, members in by_kind.items():
            writer.write(f"k/{kind}.html", listing.render(
                root="../", title=KIND_LABELS[kind], crumb="類型", pages=members, **common))
        writer.write("search.html", env.get_template("search.html").render(root="", **common))

