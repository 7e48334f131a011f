"""A third-party plugin package, installed for one test: a ``.dist-info`` on ``sys.path``.

``acme_kbplugin`` imports nothing of kbdesk but :mod:`kbdesk.core.plugins`. It registers, by
entry point, an importer of ``.faq`` files (``T:`` title, ``Q:`` question, ``A:`` answer lines)
and an exporter writing the documents as JSON lines (with options), plus two broken plugins: an
importer whose module does not exist and an "exporter" of the wrong shape. The registries are
read again when it is installed and when it is taken away.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kbdesk.core.exporters import EXPORTERS
from kbdesk.core.importers import IMPORTERS

MODULE = "acme_kbplugin"

PLUGIN_SOURCE = '''
"""Acme's kbdesk plugin: FAQ files in, JSON lines out."""

import json
from pathlib import Path

from kbdesk.core.plugins import ExportResult, ImportFailed, Option, SourceText


class FaqImporter:
    name = "faq"
    suffixes = (".faq",)

    def read(self, path, data):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ImportFailed(f"{path.name}: an FAQ file is UTF-8") from None
        title, parts = "", []
        for line in text.splitlines():
            if line.startswith("T: "):
                title = line[3:].strip()
            elif line.startswith("Q: "):
                parts.append("## " + line[3:].strip())
            elif line.startswith("A: "):
                parts.append(line[3:].strip())
            elif line.startswith("X: "):  # a bug of the plugin's own
                parts.append(str(1 // 0))
        if not parts:
            raise ImportFailed(f"{path.name}: no Q: line")
        return SourceText("\\n\\n".join(parts), markdown=True, title=title)


def _positive(value):
    if value < 0:
        raise ValueError(f"must be 0 or more, not {value}")


class JsonLinesExporter:
    name = "jsonl"
    title = "JSON lines"
    options = (
        Option("file", str, "documents.jsonl", help="the file written in OUTDIR"),
        Option("body", bool, False, help="include each document's Markdown body"),
        Option("limit", int, 0, help="at most this many documents (0: all)",
               validate=_positive),
        Option("crash", bool, False, help="fail with a bug of the plugin's own"),
    )

    def export(self, request, outdir, progress=None, cancel=None):
        outdir = Path(outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        items = request.documents
        if request.options["crash"]:
            raise RuntimeError("acme bug")
        if request.options["limit"]:
            items = items[:request.options["limit"]]
        rows = []
        for number, item in enumerate(items):
            if cancel is not None:
                cancel.check()
            row = {"id": item.doc.id, "title": item.doc.title, "as_of": str(request.as_of)}
            if request.options["body"]:
                row["body"] = item.doc.body
            rows.append(json.dumps(row, ensure_ascii=False))
            if progress is not None:
                progress(number + 1, len(items), item.doc.title)
        target = outdir / request.options["file"]
        target.write_text("".join(r + "\\n" for r in rows), "utf-8")
        return ExportResult(outdir, len(rows), 1, target.stat().st_size, {"open": target})


class Shapeless:
    name = "shapeless"
'''

ENTRY_POINTS = f"""[kbdesk.importers]
faq = {MODULE}:FaqImporter
missing = acme_no_such_module:Importer

[kbdesk.exporters]
jsonl = {MODULE}:JsonLinesExporter
shapeless = {MODULE}:Shapeless
html = {MODULE}:JsonLinesExporter
"""

FAQ = "T: 會員常見問題\nQ: 如何重設密碼\nA: 在登入頁按「忘記密碼」。\nQ: 積分多久到帳\nA: 三個工作天內。\n"


def _refresh() -> None:
    IMPORTERS.refresh()
    EXPORTERS.refresh()


@pytest.fixture
def acme_plugin(tmp_path: Path) -> Iterator[Path]:
    """Install ``acme_kbplugin`` (a folder on ``sys.path`` with its ``.dist-info``); yield the
    folder. Taken away, with the registries read again, after the test."""
    site = tmp_path / "site-packages"
    dist = site / "acme_kbplugin-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-kbplugin\nVersion: 1.0\n",
                                   "utf-8")
    (dist / "entry_points.txt").write_text(ENTRY_POINTS, "utf-8")
    (site / f"{MODULE}.py").write_text(PLUGIN_SOURCE, "utf-8")
    sys.path.insert(0, str(site))
    importlib.invalidate_caches()
    _refresh()
    try:
        yield site
    finally:
        sys.path.remove(str(site))
        sys.modules.pop(MODULE, None)
        importlib.invalidate_caches()
        _refresh()
