"""Search quality: hit@3 and MRR@10 per query group (``make eval``).

Two libraries are measured: the demo library (``content/``, ``queries.yaml``) and a second,
unrelated one written for the evaluation (``telecom/``, ``telecom-queries.yaml``), so that the
thesaurus and the ranking are not tuned to one library's words.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from kbdesk.core import KnowledgeBase

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


def evaluate(library: Path = CONTENT, queries: Path = QUERIES) -> list[Outcome]:
    """Run every query against a fresh index of the library."""
    with tempfile.TemporaryDirectory() as index_dir:
        kb = KnowledgeBase(library, index_dir=Path(index_dir) / "index")
        kb.ensure_index()
        outcomes = [
            Outcome(q["group"], q["query"], list(q["expect"]), ranked_documents(kb, q["query"]))
            for q in load_queries(queries)
        ]
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


def evaluate_all(suites: tuple[tuple[Path, Path], ...] = SUITES) -> list[Outcome]:
    """Run every suite; the query groups of each stay apart."""
    return [o for library, queries in suites for o in evaluate(library, queries)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--library", type=Path, help="one library (default: every suite)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--misses", action="store_true", help="list queries that missed top 3")
    args = parser.parse_args(argv)
    if args.library is not None:
        outcomes = evaluate(args.library, args.queries)
    else:
        outcomes = evaluate_all()
    table = summarise(outcomes)
    print(f"{'group':<14}{'queries':>8}{'hit@3':>9}{'MRR@10':>9}")
    for name, (count, hit3, mrr) in table.items():
        print(f"{name:<14}{count:>8}{hit3:>9.1%}{mrr:>9.3f}")
    misses = [o for o in outcomes if not o.hit3]
    if misses:
        print("\nmissed hit@3:")
        for o in misses:
            print(f"  [{o.group}] {o.query!r}: expected {o.expect}, got {o.ranked[:5]}")
    failing = [g for g in ("ALL", *COLLOQUIAL_GROUPS) if g in table and table[g][1] < TARGET]
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
