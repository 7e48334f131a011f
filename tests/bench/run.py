"""``python -m tests.bench.run``: speed and memory of kbdesk's search, beside FTS5 and tantivy.

Generates (or reuses) the synthetic library, copies it to a scratch folder, and runs every phase
in a fresh child process (see ``tests/bench/worker.py``), so each peak RSS is that phase's own.
Prints one table with each figure, its target and PASS/MISS; ``--out FILE`` also writes JSON.

    python -m tests.bench.run                 # 5,000 documents
    python -m tests.bench.run --quick         # a tiny library, to check the bench works
    python -m tests.bench.run --docs 1000 --out bench-out/results.json
    python -m tests.bench.run --scale 1000,20000   # also the same figures at other sizes
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tests.bench.corpus import DEFAULT_DOCS, DEFAULT_SEED, bench_queries, ensure_corpus
from tests.bench.worker import COLD_START_CODE, PEER_COLD_START_CODE

REPO = Path(__file__).resolve().parents[2]
QUICK_DOCS = 30
COLD_RUNS = 5
RSS_SAMPLE_S = 0.1
SYSTEMS = ("kbdesk", "fts5", "tantivy")

#: name → (label, unit, target, lower is better)
TARGETS: dict[str, tuple[str, str, float | None]] = {
    "build_s": ("full index build", "s", 40.0),
    "incremental_s": ("incremental update (1 doc → searchable)", "s", 0.3),
    "search_p50_ms": ("search p50 (warm, fixed queries)", "ms", None),
    "search_p95_ms": ("search p95 (warm, fixed queries)", "ms", 30.0),
    "cold_start_s": ("cold start → first result (median)", "s", 0.6),
    "build_rss_mb": ("peak RSS, build (process tree)", "MB", 400.0),
    "search_rss_mb": ("peak RSS, search process", "MB", 400.0),
}
FTS5_P95_FACTOR = 1.2  # issue 9 (was 1.5)
#: issue 4: opening the history of a document on a library with 10,000 commits
HISTORY_TARGET_MS = 100.0


def run_phase(phase: str, args: dict[str, Any], env: dict[str, str]) -> dict[str, float]:
    """Run one worker phase in a fresh process and return its figures."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.bench.worker", phase,
             json.dumps(args, ensure_ascii=False)],
            cwd=REPO, env=env, stdout=out, stderr=err, text=True,
        )
        tree_peak = _watch_rss(proc)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise SystemExit(f"bench phase {phase} failed:\n{stdout}\n{stderr}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["tree_rss_mb"] = tree_peak
    return result


def _watch_rss(proc: subprocess.Popen[str]) -> float:
    """Wait for ``proc``; return the peak memory (MB) of it and its children, sampled.

    The sum is of proportional set sizes (a page shared by forked workers counts once), or of
    resident set sizes where PSS is not available.
    """
    try:
        import psutil
    except ImportError:
        proc.wait()
        return 0.0
    peak = 0
    try:
        root = psutil.Process(proc.pid)
    except psutil.Error:
        proc.wait()
        return 0.0
    while proc.poll() is None:
        total = 0
        try:
            for member in [root, *root.children(recursive=True)]:
                try:
                    # PSS counts a page shared by several processes of the tree once
                    total += member.memory_full_info().pss
                except (psutil.Error, AttributeError):
                    try:
                        total += member.memory_info().rss
                    except psutil.Error:
                        pass
        except psutil.Error:
            pass
        peak = max(peak, total)
        time.sleep(RSS_SAMPLE_S)
    return peak / 2**20


def cold_start(code: str, argv: list[str], env: dict[str, str], runs: int) -> float:
    """Median seconds from starting ``python -c code`` to it printing its first result."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code, *argv], cwd=REPO, env=env,
                              capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - started)
        if proc.returncode != 0 or not proc.stdout.strip():
            raise SystemExit(f"cold start failed:\n{proc.stdout}\n{proc.stderr}")
    return statistics.median(times)


def machine() -> dict[str, str]:
    """Describe the machine the figures come from."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        import psutil

        mem = f"{psutil.virtual_memory().total / 2**30:.1f} GiB"
    except ImportError:
        pass
    return {"cpu": model, "cpus": str(os.cpu_count()), "memory": mem,
            "python": platform.python_version(), "os": platform.platform()}


def bench(docs: int, quick: bool, seed: int = DEFAULT_SEED, cold_runs: int = COLD_RUNS,
          work: Path | None = None, history: bool = True) -> dict[str, Any]:
    """Run every phase and return the figures by system."""
    corpus = ensure_corpus(docs, seed)
    queries = bench_queries(seed, 10 if quick else 100)
    scratch = Path(tempfile.mkdtemp(prefix="kbdesk-bench-", dir=work))
    try:
        library = scratch / "library"
        shutil.copytree(corpus.path, library)
        # The library sits in a folder kbdesk treats as a project checkout (a .git beside it),
        # so it is read as it is, every document indexed, as the peers index them; the
        # incremental phase changes files on disk (in a library of its own, a hand edit would
        # stay unpublished and the published text would be what is searched).
        (scratch / ".git").mkdir()
        env = dict(os.environ, KBDESK_DATA_DIR=str(scratch / "data"))
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
        kb_index = scratch / "kbdesk-index"
        common = {"library": str(library), "queries": queries}
        results: dict[str, dict[str, float]] = {s: {} for s in SYSTEMS}
        notes: list[str] = []

        build = run_phase("kbdesk-build", {**common, "index": str(kb_index)}, env)
        search = run_phase("kbdesk-search", {**common, "index": str(kb_index)}, env)
        kb = results["kbdesk"]
        kb.update({f"build_{k}": v for k, v in build.items()})
        kb.update(search)
        kb["build_s"] = build["build_s"]
        kb["build_rss_mb"] = max(build["rss_mb"], build["tree_rss_mb"])
        kb["search_rss_mb"] = max(search["rss_mb"], search["tree_rss_mb"])
        kb["peak_rss_mb"] = max(kb["build_rss_mb"], kb["search_rss_mb"])
        kb["cold_start_s"] = cold_start(COLD_START_CODE, [str(library), str(kb_index),
                                                          queries[0]], env, cold_runs)

        entries = scratch / "entries.jsonl"
        tok = run_phase("peer-tokenize", {"library": str(library), "entries": str(entries)},
                        env)
        for peer in ("fts5", "tantivy"):
            index = scratch / f"{peer}-index"
            built = run_phase(f"{peer}-build", {"entries": str(entries), "index": str(index)},
                              env)
            found = run_phase(f"{peer}-search", {**common, "index": str(index)}, env)
            res = results[peer]
            res.update(found)
            res["index_only_s"] = built["index_s"]
            res["build_s"] = tok["load_s"] + tok["tokenize_s"] + built["index_s"]
            res["build_rss_mb"] = max(built["rss_mb"], built["tree_rss_mb"])
            res["search_rss_mb"] = max(found["rss_mb"], found["tree_rss_mb"])
            res["peak_rss_mb"] = max(res["build_rss_mb"], res["search_rss_mb"])
            res["cold_start_s"] = cold_start(PEER_COLD_START_CODE[peer],
                                             [str(library), str(index), queries[0]], env,
                                             cold_runs)
        shared = {"load_s": tok["load_s"], "tokenize_s": tok["tokenize_s"],
                  "entries": tok["entries"], "rss_mb": max(tok["rss_mb"], tok["tree_rss_mb"])}

        history_rows = history_figures(quick, notes) if history else {}
        site = site_figures(docs, seed, quick, notes, work) if history else {}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "corpus": {k: v for k, v in asdict(corpus).items() if k != "path"},
        "queries": len(queries),
        "results": results,
        "peer_shared": shared,
        "history": history_rows,
        "site": site,
        "notes": notes,
    }


def history_figures(quick: bool, notes: list[str]) -> dict[str, float]:
    """Run the document-history benchmark (``tests/bench/history.py``) when it exists."""
    try:
        module = importlib.import_module("tests.bench.history")
    except ModuleNotFoundError as exc:
        if exc.name != "tests.bench.history":
            raise
        notes.append("history benchmark skipped: tests/bench/history.py is not there yet")
        return {}
    return dict(module.run(quick))


def site_figures(docs: int, seed: int, quick: bool, notes: list[str],
                 work: Path | None) -> dict[str, Any]:
    """Run the HTML export benchmark (``tests/bench/site.py``); a note says why when it cannot."""
    import pytest

    from tests.bench.site import bench_site

    try:
        return bench_site(docs, seed, quick=quick, work=work)
    except (Exception, pytest.skip.Exception, pytest.fail.Exception) as exc:
        notes.append(f"HTML export bench not run: {exc}")
        return {}


def verdicts(report: dict[str, Any]) -> list[tuple[str, str, str, str, str, str, str]]:
    """Return the table rows: figure, kbdesk, FTS5, tantivy, unit, target, PASS/MISS."""
    res = report["results"]
    rows = []
    for key, (label, unit, target) in TARGETS.items():
        values = [res[s].get(key) for s in SYSTEMS]
        cells = ["-" if v is None else _fmt(v, unit) for v in values]
        kb_value = values[0]
        verdict, target_text = "", "-"
        if target is not None and kb_value is not None:
            target_text = f"<= {_fmt(target, unit)}"
            verdict = "PASS" if kb_value <= target else "MISS"
        if key == "search_p95_ms" and kb_value is not None and values[1]:
            limit = FTS5_P95_FACTOR * values[1]
            target_text += f" and <= {FTS5_P95_FACTOR}x FTS5 ({_fmt(limit, unit)})"
            if kb_value > limit:
                verdict = "MISS"
        rows.append((label, *cells, unit, target_text, verdict))
    for key, value in report.get("history", {}).items():
        unit = {"ms": "ms", "s": "s", "mb": "MB"}.get(key.rsplit("_", 1)[-1], "")
        target = HISTORY_TARGET_MS if unit == "ms" else None
        verdict = "" if target is None else ("PASS" if value <= target else "MISS")
        rows.append((f"history: {key.removeprefix('history_')}", _fmt(value, unit), "-", "-",
                     unit, f"<= {target:g} ms" if target else "-", verdict))
    return rows


def _fmt(value: float, unit: str) -> str:
    if not unit:
        return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"
    if unit == "ms":
        return f"{value:.1f}"
    if unit == "MB":
        return f"{value:.0f}" if value >= 10 else f"{value:.1f}"
    return f"{value:.3f}" if value < 1 else f"{value:.2f}"


def format_report(report: dict[str, Any]) -> str:
    """Return the report as a plain-text table with the context needed to read it."""
    corpus = report["corpus"]
    mach = report["machine"]
    lines = [
        f"kbdesk bench, {report['date']}: {corpus['docs']} documents, {corpus['sections']} "
        f"sections, {corpus['chars'] / 1e6:.1f} M characters ({corpus['traditional_docs']} "
        f"in Traditional), {report['queries']} queries",
        f"machine: {mach['cpu']}, {mach['cpus']} CPUs, {mach['memory']}, Python {mach['python']}",
        "",
    ]
    header = ("figure", "kbdesk", "FTS5", "tantivy", "unit", "target (kbdesk)", "")
    rows = [header, *verdicts(report)]
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(header))]
    for number, row in enumerate(rows):
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    shared = report["peer_shared"]
    kb = report["results"]["kbdesk"]
    lines += [
        "",
        f"kbdesk build = parse library {kb['build_load_s']:.2f} s + analyse and index "
        f"{kb['build_index_s']:.2f} s; peers' build = parse library {shared['load_s']:.2f} s + "
        f"kbdesk analyzer {shared['tokenize_s']:.2f} s + their own indexing "
        f"(FTS5 {report['results']['fts5']['index_only_s']:.2f} s, tantivy "
        f"{report['results']['tantivy']['index_only_s']:.2f} s).",
        f"peers' analysis process (kbdesk analyzer over every entry): peak RSS "
        f"{shared['rss_mb']:.0f} MB.",
        f"queries with hits: kbdesk {kb['queries_with_hits']:.0f}, FTS5 "
        f"{report['results']['fts5']['queries_with_hits']:.0f}, tantivy "
        f"{report['results']['tantivy']['queries_with_hits']:.0f} of {report['queries']}.",
    ]
    if corpus["docs"] != DEFAULT_DOCS:
        lines.append(f"note: the targets are for the default {DEFAULT_DOCS:,} documents")
    if report.get("site"):
        from tests.bench.site import format_site

        lines += ["", format_site(report["site"])]
    lines += [f"note: {n}" for n in report["notes"]]
    return "\n".join(lines)


def markdown_table(report: dict[str, Any]) -> str:
    """Return the figures as a Markdown table (for docs/benchmarks.md)."""
    header = ("figure", "kbdesk (Whoosh)", "SQLite FTS5", "tantivy", "unit", "target (kbdesk)",
              "")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in verdicts(report):
        cells = [c.replace("|", "\\|") for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


#: the figures of the scaling table: key, label, unit
SCALE_FIGURES = (
    ("build_s", "full build", "s"),
    ("search_p50_ms", "search p50", "ms"),
    ("search_p95_ms", "search p95", "ms"),
    ("cold_start_s", "cold start", "s"),
    ("peak_rss_mb", "peak RSS", "MB"),
)


def scaling_rows(reports: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    """Rows of the scaling table: one per size, kbdesk's figures with FTS5's beside them."""
    rows = []
    for report in reports:
        kb, fts = report["results"]["kbdesk"], report["results"]["fts5"]
        cells = [f"{report['corpus']['docs']:,}", f"{report['corpus']['sections']:,}"]
        for key, _label, unit in SCALE_FIGURES:
            cells.append(f"{_fmt(kb[key], unit)} ({_fmt(fts[key], unit)})")
        p95_ratio = kb["search_p95_ms"] / fts["search_p95_ms"] if fts["search_p95_ms"] else 0.0
        cells.append(f"{p95_ratio:.2f}x")
        rows.append(tuple(cells))
    return rows


def scaling_table(reports: list[dict[str, Any]], markdown: bool = False) -> str:
    """The scaling table as text or Markdown: kbdesk (FTS5) per figure and size."""
    header = ("documents", "sections", *(f"{label} ({unit})" for _, label, unit in SCALE_FIGURES),
              "p95 / FTS5")
    rows = [header, *scaling_rows(reports)]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
                     for row in rows)


def _sizes(value: str) -> list[int]:
    try:
        sizes = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of document counts: {value!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"document counts must be at least 1: {value!r}")
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the bench, print the table (and write JSON with --out)."""
    parser = argparse.ArgumentParser(prog="python -m tests.bench.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=None, help=f"documents (default {DEFAULT_DOCS})")
    parser.add_argument("--quick", action="store_true", help=f"tiny run ({QUICK_DOCS} documents)")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument("--markdown", action="store_true",
                        help="also print the table in Markdown (for docs/benchmarks.md)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=_sizes, default=[], metavar="N,N",
                        help="also run the bench at these library sizes (e.g. 1000,20000) and "
                        "print a scaling table")
    args = parser.parse_args(argv)
    docs = args.docs or (QUICK_DOCS if args.quick else DEFAULT_DOCS)
    if docs < 1:
        parser.error("--docs must be at least 1")
    print(f"preparing {docs} documents and running every phase (this takes a while)…",
          file=sys.stderr, flush=True)
    report = bench(docs, args.quick, args.seed, cold_runs=1 if args.quick else COLD_RUNS)
    print(format_report(report))
    if args.markdown:
        print()
        print(markdown_table(report))
    scaled = [report]
    for size in args.scale:
        if size == docs:
            continue
        print(f"scaling: {size} documents…", file=sys.stderr, flush=True)
        scaled.append(bench(size, args.quick, args.seed,
                            cold_runs=1 if args.quick else COLD_RUNS, history=False))
    if len(scaled) > 1:
        scaled.sort(key=lambda r: r["corpus"]["docs"])
        print("\nscaling: kbdesk (FTS5 in the same run)")
        print(scaling_table(scaled))
        if args.markdown:
            print()
            print(scaling_table(scaled, markdown=True))
        report["scaling"] = [r for r in scaled if r is not report]
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
