"""Benchmark of the HTML export: export time, site size, and query time in headless Chromium.

``python -m tests.bench.site [--docs N] [--out FILE]`` exports the benchmark library (a fresh
process, so imports and the library load count), then opens ``search.html`` from ``file://`` in
Debian's Chromium: the *first query* is a fresh page load with ``?q=`` (scripts, shard loads and
rendering included, measured in the page from navigation start to results shown), the *warm
queries* are the bench queries typed one after another on the same page (medians and p95 of the
in-page search time). ``tests/bench/run.py`` runs it as part of ``make bench``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.bench.corpus import DEFAULT_DOCS, DEFAULT_SEED, bench_queries, ensure_corpus

REPO = Path(__file__).resolve().parents[2]

#: name → (label, unit, target)
TARGETS: dict[str, tuple[str, str, float | None]] = {
    "export_s": ("HTML export (process start → site written)", "s", 120.0),
    "site_mb": ("site size on disk", "MB", None),
    "search_files_mb": ("  of which search index and text", "MB", None),
    "first_query_ms": ("first query from file:// (page load → results)", "ms", 1000.0),
    "query_p50_ms": ("in-browser query p50 (warm page)", "ms", None),
    "query_p95_ms": ("in-browser query p95 (warm page)", "ms", 300.0),
}

EXPORT_CODE = """
import sys, time
t = time.perf_counter()
from kbdesk.core.kb import KnowledgeBase
kb = KnowledgeBase(sys.argv[1])
result = kb.exports.export("html", sys.argv[2])
print(time.perf_counter() - t, result.documents, result.details["search_shards"])
"""


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(-(-share * len(ordered) // 1)) - 1))]


def browser_figures(site: Path, queries: list[str], first_runs: int = 5) -> dict[str, float]:
    """Query times in headless Chromium (see the module docstring)."""
    from tests.site.browser import launched

    firsts: list[float] = []
    warm: list[float] = []
    with launched() as context:
        for query in queries[:first_runs]:
            page = context.new_page()
            page.goto((site / "search.html").as_uri() + "?q=" + query)
            page.wait_for_selector("body[data-search-done]", timeout=30_000)
            # performance.now() counts from the navigation's start
            firsts.append(float(page.get_attribute("body", "data-done-at") or 0))
            page.close()
        page = context.new_page()
        page.goto((site / "search.html").as_uri())
        for query in queries:
            page.evaluate("q => window.KBSearch.search(q)", query)
            warm.append(float(page.get_attribute("body", "data-search-ms") or 0))
        page.close()
    return {
        "first_query_ms": statistics.median(firsts),
        "query_p50_ms": statistics.median(warm),
        "query_p95_ms": _percentile(warm, 0.95),
    }


def bench_site(docs: int = DEFAULT_DOCS, seed: int = DEFAULT_SEED, quick: bool = False,
               work: Path | None = None) -> dict[str, Any]:
    """Export the benchmark library and measure the site; return the figures."""
    corpus = ensure_corpus(docs, seed)
    queries = bench_queries(seed, 10 if quick else 100)
    scratch = Path(tempfile.mkdtemp(prefix="kbdesk-bench-site-", dir=work))
    try:
        library = scratch / "library"
        shutil.copytree(corpus.path, library)
        site = scratch / "site"
        env = dict(os.environ, KBDESK_DATA_DIR=str(scratch / "data"))
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", EXPORT_CODE, str(library), str(site)],
                             cwd=REPO, env=env, capture_output=True, text=True, check=True)
        wall = time.perf_counter() - started
        _inner, exported, shards = out.stdout.split()
        figures: dict[str, Any] = {
            "export_s": wall,
            "documents": int(exported),
            "shards": int(shards),
            "site_mb": _size(site) / 1e6,
            "search_files_mb": _size(site / "search") / 1e6,
            "files": sum(1 for p in site.rglob("*") if p.is_file()),
        }
        figures.update(browser_figures(site, queries))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return figures


def format_site(figures: dict[str, Any]) -> str:
    """The figures as table rows: label, value, target, PASS/MISS."""
    lines = [f"HTML export: {figures['documents']} documents, {figures['files']} files, "
             f"{figures['shards']} index shards"]
    for key, (label, unit, target) in TARGETS.items():
        value = figures[key]
        verdict = "" if target is None else ("PASS" if value <= target else "MISS")
        shown = f"{value:.1f} {unit}" if unit != "ms" else f"{value:.0f} ms"
        limit = "" if target is None else f"< {target:g} {unit}"
        lines.append(f"  {label:50} {shown:>10}  {limit:>10}  {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS)
    parser.add_argument("--quick", action="store_true", help="a 30-document library")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    figures = bench_site(30 if args.quick else args.docs, quick=args.quick)
    print(format_site(figures))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(figures, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
