"""One benchmark phase in a process of its own, so its peak memory is its own.

``python -m tests.bench.worker PHASE ARGS_JSON`` runs one phase and prints its figures as one
JSON object on the last line of standard output. Every phase reports ``rss_mb``, the peak
resident set size of this process (``VmHWM`` on Linux, else ``ru_maxrss``), and
``children_rss_mb``, the largest ``ru_maxrss`` of any process it started (Whoosh's
multi-process writer). The parent also samples the RSS of the whole process tree with psutil.
"""

from __future__ import annotations

import json
import math
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

INCREMENTAL_RUNS = 5
SEARCH_PASSES = 3


def _peak_mb(who: int) -> float:
    """Peak RSS in MB of this process (``who=RUSAGE_SELF``) or of its largest child."""
    if who == resource.RUSAGE_SELF:
        # Linux carries ru_maxrss over fork and exec, so a child started by a big parent would
        # report the parent's peak: VmHWM is this process's own high-water mark.
        try:
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except (OSError, ValueError, IndexError):
            pass
    # ru_maxrss is in kilobytes on Linux (bytes on macOS)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(who).ru_maxrss / scale


def percentile(values: list[float], fraction: float) -> float:
    """Return the value at ``fraction`` (0..1) of the sorted values (nearest-rank method)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


def time_queries(search: Callable[[str], Any], queries: list[str]) -> dict[str, float]:
    """Warm up with every query, then time ``SEARCH_PASSES`` passes; per-query medians."""
    hits = 0
    for query in queries:
        hits += len(search(query)) > 0
    samples: list[list[float]] = [[] for _ in queries]
    for _ in range(SEARCH_PASSES):
        for number, query in enumerate(queries):
            started = time.perf_counter()
            search(query)
            samples[number].append(time.perf_counter() - started)
    per_query = [statistics.median(s) * 1000 for s in samples]
    return {
        "search_p50_ms": percentile(per_query, 0.50),
        "search_p95_ms": percentile(per_query, 0.95),
        "search_max_ms": max(per_query),
        "queries_with_hits": float(hits),
    }


# -- kbdesk --------------------------------------------------------------------------------------


def kbdesk_build(args: dict[str, Any]) -> dict[str, float]:
    """Full build through the facade: read and parse the library, index every entry."""
    from kbdesk.core.kb import KnowledgeBase

    started = time.perf_counter()
    kb = KnowledgeBase(args["library"], index_dir=Path(args["index"]))
    kb.load()
    loaded = time.perf_counter()
    stats = kb.ensure_index(rebuild=True, reload=False)
    done = time.perf_counter()
    kb.close()
    return {"build_s": done - started, "load_s": loaded - started, "index_s": done - loaded,
            "docs": float(stats.added)}


def kbdesk_search(args: dict[str, Any]) -> dict[str, float]:
    """Warm search latency over the fixed queries, then incremental updates."""
    from kbdesk.core.kb import KnowledgeBase

    started = time.perf_counter()
    kb = KnowledgeBase(args["library"], index_dir=Path(args["index"]))
    stats = kb.ensure_index()
    opened = time.perf_counter() - started
    if stats.changed:
        raise SystemExit(f"the index was not up to date before searching: {stats}")
    result = time_queries(lambda q: kb.search(q, limit=20).hits, args["queries"])
    result["open_s"] = opened
    library = Path(args["library"])
    # drafts, retired documents and versions not yet in force are hidden from search: change
    # documents agents see today
    seen = kb.versions.in_force_on()
    targets = sorted(library / doc.path for doc in seen.values()
                     if doc.status.value == "published" and Path(doc.path).name.startswith("doc"))
    incremental: list[float] = []
    publishing: list[float] = []
    for run in range(INCREMENTAL_RUNS):
        target = targets[(run * 997 + 11) % len(targets)]
        marker = f"benchupdate{run}x{time.time_ns() % 100000}"
        # agents see published versions only (a hand edit of a library file stays a draft):
        # the change is published the way an editor does, then the index brought up to date
        text = target.read_text("utf-8").rstrip("\n") + f"\n\n本段更新 {marker} 已生效。\n"
        started = time.perf_counter()
        kb.publishing.publish(target.relative_to(library).as_posix(), text, "bench update",
                   effective=kb.today())  # in force at once, whatever date the file names
        published = time.perf_counter()
        kb.ensure_index()
        found = kb.search(marker).hits
        incremental.append(time.perf_counter() - published)
        publishing.append(published - started)
        if not found:
            raise SystemExit(f"the changed document {target} is not searchable for {marker}")
    result["incremental_s"] = statistics.median(incremental)
    result["incremental_max_s"] = max(incremental)
    result["publish_s"] = statistics.median(publishing)
    kb.close()
    return result


COLD_START_CODE = """
import sys
from pathlib import Path
from kbdesk.core.kb import KnowledgeBase
kb = KnowledgeBase(sys.argv[1], index_dir=Path(sys.argv[2]))
hits = kb.search(sys.argv[3]).hits
print(len(hits))
"""

# -- peers ---------------------------------------------------------------------------------------


def peer_tokenize(args: dict[str, Any]) -> dict[str, float]:
    """Analyse every entry once with kbdesk's analyzer (shared by both peers)."""
    from tests.bench.peers import tokenize_library

    return tokenize_library(Path(args["library"]), Path(args["entries"]))


def fts5_build(args: dict[str, Any]) -> dict[str, float]:
    """Index the pre-tokenized entries in SQLite FTS5."""
    from tests.bench.peers import fts5_build as build

    started = time.perf_counter()
    build(Path(args["entries"]), Path(args["index"]))
    return {"index_s": time.perf_counter() - started}


def fts5_search(args: dict[str, Any]) -> dict[str, float]:
    """Warm search latency of FTS5 (query analysis with kbdesk's analyzer included)."""
    from tests.bench.peers import Fts5Searcher

    searcher = Fts5Searcher(Path(args["index"]))
    result = time_queries(searcher.search, args["queries"])
    searcher.close()
    return result


def tantivy_build(args: dict[str, Any]) -> dict[str, float]:
    """Index the pre-tokenized entries in tantivy."""
    from tests.bench.peers import tantivy_build as build

    started = time.perf_counter()
    build(Path(args["entries"]), Path(args["index"]))
    return {"index_s": time.perf_counter() - started}


def tantivy_search(args: dict[str, Any]) -> dict[str, float]:
    """Warm search latency of tantivy (query analysis with kbdesk's analyzer included)."""
    from tests.bench.peers import TantivySearcher

    searcher = TantivySearcher(Path(args["index"]))
    result = time_queries(searcher.search, args["queries"])
    searcher.close()
    return result


PEER_COLD_START_CODE = {
    "fts5": """
import sys
from pathlib import Path
from tests.bench.peers import Fts5Searcher
print(len(Fts5Searcher(Path(sys.argv[2])).search(sys.argv[3])))
""",
    "tantivy": """
import sys
from pathlib import Path
from tests.bench.peers import TantivySearcher
print(len(TantivySearcher(Path(sys.argv[2])).search(sys.argv[3])))
""",
}

PHASES: dict[str, Callable[[dict[str, Any]], dict[str, float]]] = {
    "kbdesk-build": kbdesk_build,
    "kbdesk-search": kbdesk_search,
    "peer-tokenize": peer_tokenize,
    "fts5-build": fts5_build,
    "fts5-search": fts5_search,
    "tantivy-build": tantivy_build,
    "tantivy-search": tantivy_search,
}


def main(argv: list[str]) -> int:
    """Run one phase: ``worker PHASE ARGS_JSON``."""
    phase, raw = argv[0], argv[1]
    result = PHASES[phase](json.loads(raw))
    result["rss_mb"] = _peak_mb(resource.RUSAGE_SELF)
    result["children_rss_mb"] = _peak_mb(resource.RUSAGE_CHILDREN)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
