"""Per-query search timing on a bench library (a script for tuning, not a timed test).

    .venv/bin/python -m tests.bench.querytimes [--docs 1000] [--work /tmp/p95] [--dump out.json]

Builds the bench library of ``--docs`` documents once under ``--work`` (reused on later runs),
then times each bench query (limit 20, warm, median of ``--passes``) and prints p50/p95 and
the slowest queries. ``--dump`` writes every query's hits (doc, anchor, score) so that two
versions of the search can be compared for identical results.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import time
from pathlib import Path

from tests.bench.corpus import DEFAULT_SEED, bench_queries, ensure_corpus
from tests.bench.worker import percentile


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/p95"))
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--slowest", type=int, default=15)
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args(argv)
    from kbdesk.core.kb import KnowledgeBase

    base = args.work / f"bench-{args.docs}"
    library, index = base / "library", base / "index"
    if not (base / "built").exists():
        shutil.rmtree(base, ignore_errors=True)
        corpus = ensure_corpus(args.docs, DEFAULT_SEED)
        shutil.copytree(corpus.path, library)
        (base / ".git").mkdir()  # read as a project checkout, as tests/bench/run.py does
        started = time.perf_counter()
        kb = KnowledgeBase(str(library), index_dir=index)
        kb.load()
        kb.ensure_index(rebuild=True, reload=False)
        kb.close()
        print(f"built in {time.perf_counter() - started:.1f} s")
        (base / "built").write_text("ok")
    kb = KnowledgeBase(str(library), index_dir=index)
    kb.ensure_index()
    queries = bench_queries(DEFAULT_SEED, 100)
    dump = {}
    for query in queries:
        hits = kb.search(query, limit=20).hits
        dump[query] = [(h.doc_id, h.anchor, round(h.score, 6), h.match) for h in hits]
    samples: list[list[float]] = [[] for _ in queries]
    for _ in range(args.passes):
        for number, query in enumerate(queries):
            started = time.perf_counter()
            kb.search(query, limit=20)
            samples[number].append((time.perf_counter() - started) * 1000)
    per_query = [statistics.median(s) for s in samples]
    print(f"p50 {percentile(per_query, 0.5):.1f} ms  p95 {percentile(per_query, 0.95):.1f} ms  "
          f"max {max(per_query):.1f} ms  mean {statistics.mean(per_query):.1f} ms")
    for ms, query in sorted(zip(per_query, queries, strict=True), reverse=True)[:args.slowest]:
        print(f"  {ms:7.1f}  {query}")
    if args.dump:
        args.dump.write_text(json.dumps(dump, ensure_ascii=False, indent=0), "utf-8")
    kb.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
