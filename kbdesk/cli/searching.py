"""``kbdesk`` commands for finding things: search, index, check, report, and the app itself."""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import TYPE_CHECKING, Any, TextIO

from kbdesk.cli.arguments import iso_day, open_library, positive_int
from kbdesk.cli.terminal import clean, dump_json

if TYPE_CHECKING:
    from kbdesk.core import Kind, KnowledgeBase

LOGGER = "kbdesk.cli.searching"

KIND_LABELS = {"handbook": "手冊", "phrasing": "話術", "procedure": "流程"}
_MARK_RE = re.compile(r"<mark>(.*?)</mark>")


class ProgressBar:
    """A one-line progress bar on a terminal; silent when the stream is not a terminal."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream = stream
        self.label = label
        self.enabled = stream.isatty()
        self._last = -1

    def __call__(self, done: int, total: int, message: str = "") -> None:
        if not self.enabled or total <= 0:
            return
        percent = int(done * 100 / total)
        if percent == self._last and done != total:
            return
        self._last = percent
        width = 30
        filled = int(width * done / total)
        bar = "█" * filled + "·" * (width - filled)
        self.stream.write(f"\r{self.label} {bar} {percent:3d}% ({done}/{total})")
        self.stream.flush()

    def finish(self) -> None:
        """End the bar's line."""
        if self.enabled and self._last >= 0:
            self.stream.write("\n")
            self.stream.flush()


def _kinds(value: str | None) -> list[Kind]:
    if not value:
        return []
    from kbdesk.core import KIND_ALIASES, fold

    kind = KIND_ALIASES.get(fold(value.strip()))
    if kind is None:
        raise SystemExit(f"kbdesk: unknown kind {value!r} (handbook, phrasing, procedure)")
    return [kind]


def _open(args: argparse.Namespace) -> KnowledgeBase:
    return open_library(args.library)


def _ensure_index(kb: KnowledgeBase, *, rebuild: bool = False) -> None:
    bar = ProgressBar(sys.stderr, "indexing")
    try:
        stats = kb.ensure_index(bar, rebuild=rebuild)
    finally:
        bar.finish()
    if stats.rebuilt:
        import logging

        logging.getLogger(LOGGER).info("index rebuilt: %s", stats.reason)
    if kb.index_warning:
        print(f"warning: {kb.index_warning}", file=sys.stderr)


def _terminal_snippet(snippet: str, color: bool) -> str:
    import html

    # the document's own text is cleaned after unescaping, before kbdesk adds its colours
    parts = _MARK_RE.split(snippet)
    out = []
    for number, part in enumerate(parts):
        text = clean(html.unescape(part))
        if number % 2:
            text = f"\x1b[1;33m{text}\x1b[0m" if color else f"[{text}]"
        out.append(text)
    return "".join(out)


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    if not query.strip():
        raise SystemExit("kbdesk search: give words to search for (or a filter such as tag:退款)")
    from kbdesk.core import IndexDamaged

    kb = _open(args)
    as_of = getattr(args, "as_of", None)
    if as_of is not None or not kb.use_current_index():  # a current index: searched as it is
        _ensure_index(kb)
    if as_of is not None:  # what was in force that day
        result = kb.search_as_of(query, args.as_of, kinds=_kinds(args.kind), limit=args.limit)
    else:
        try:
            result = kb.search(query, kinds=_kinds(args.kind), limit=args.limit)
        except IndexDamaged as exc:
            print(f"kbdesk: {exc}; rebuilding it now", file=sys.stderr)
            kb.ensure_index(rebuild=True, reload=False)
            result = kb.search(query, kinds=_kinds(args.kind), limit=args.limit)
        _log_gap(query, result, kb.clock)
    if args.json:
        dump_json([hit.to_json() for hit in result.hits])
        return 0
    if not result.hits:
        print("沒有找到結果 / no results")
        return 0
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    notice = partial_notice(result)
    if notice:
        print(notice)
    for number, hit in enumerate(result.hits, start=1):
        where = f"{hit.title} › {hit.section}" if hit.section else hit.title
        kind = KIND_LABELS.get(hit.kind, hit.kind)
        print(clean(f"{number:2d}. {where}  [{kind} v{hit.version}]  {hit.doc_id}#{hit.anchor}"))
        print(f"    {_terminal_snippet(hit.snippet, color)}")
        if hit.expansions:
            found = ", ".join(f"{word} → {via}" for word, via in hit.expansions.items())
            print(f"    (found as: {found})")
    return 0


def partial_notice(result: Any) -> str:
    """The line above a list that holds partial matches ("" when every hit holds every word)."""
    if not result.partial:
        return ""
    if result.exact:
        plural = "hit" if result.exact == 1 else "hits"
        return f"({result.exact} {plural} with every word, then partial matches)"
    return "(no hit has every word; showing partial matches)"


def _log_gap(query: str, result: Any, clock: Any) -> None:
    """Log a search that found nothing or only partial matches, unless the user opted out;
    stamped by the library's ``clock``."""
    gap = result.gap  # the one rule, shared with the app
    if gap is None:
        return  # the settings and the log are read only for a gap (cold start)
    from kbdesk.core import KbError, Settings, log_no_results

    try:
        if not Settings.load().get("log_no_results"):
            return
    except KbError as exc:
        import logging

        logging.getLogger(LOGGER).info("settings not read (%s); logging the search anyway", exc)
    log_no_results(query, match=gap, clock=clock)



def cmd_index(args: argparse.Namespace) -> int:
    kb = _open(args)
    bar = ProgressBar(sys.stderr, "indexing")
    try:
        stats = kb.ensure_index(bar, rebuild=args.rebuild)
    finally:
        bar.finish()
    what = "rebuilt" if stats.rebuilt else "updated"
    print(
        f"index {what}: {kb.document_count()} documents "
        f"({stats.added} added, {stats.updated} changed, {stats.removed} removed)"
        + (f"; {stats.reason}" if stats.rebuilt else "")
    )
    for problem in kb.problems:
        print(clean(f"skipped {problem}"), file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    if getattr(args, "stale", False):
        from kbdesk.cli.versions import cmd_check_stale

        return cmd_check_stale(args)
    kb = _open(args)
    problems = kb.library_rules.check()
    for problem in problems:
        print(clean(problem))
    for path, change in sorted(kb.sync.unpublished().items()):
        what = "edited since it was last published" if change == "modified" else "never published"
        print(clean(f"{path}: unpublished: {what}; agents see the published version"
                    if change == "modified" else f"{path}: unpublished: {what}"))
    count = kb.document_count()
    if problems:
        print(f"{len(problems)} problem(s); {count} document(s) loaded", file=sys.stderr)
        return 1
    print(f"ok: {count} documents, no problems")
    return 0







def cmd_report(args: argparse.Namespace) -> int:
    """``kbdesk report no-results``: searches that found nothing or only partial matches."""
    from kbdesk.core import search_gaps

    if getattr(args, "all", False):
        return _report_team(args)
    rows = search_gaps(args.since)
    if args.json:
        dump_json([{"query": row.query, "count": row.count, "last": row.last.isoformat(),
                    "match": row.match} for row in rows])
        return 0
    if not rows:
        since = f" since {args.since.isoformat()}" if args.since else ""
        print(f"no searches without results{since}")
        return 0
    print(f"{'count':>5}  {'last searched':16}  {'found':7}  query")
    for row in rows:
        found = "nothing" if row.match == "none" else "partial"
        print(clean(f"{row.count:5d}  {row.last.strftime('%Y-%m-%d %H:%M'):16}  {found:7}  "
                    f"{row.query}"))
    return 0


def _report_team(args: argparse.Namespace) -> int:
    """``report no-results --all``: every workstation's failed searches, most frequent first."""
    rows = open_library(args.library).team.no_results(args.since)
    if args.json:
        dump_json([{"query": r.query, "count": r.count, "partial": r.partial,
                    "last": r.last.isoformat(timespec="seconds"),
                    "workstations": len(r.workstations)} for r in rows])
        return 0
    if not rows:
        print("no searches without results on any workstation")
        return 0
    print(f"{'count':>5}  {'partial':>7}  {'places':>6}  {'last searched':16}  query")
    for r in rows:
        print(clean(f"{r.count:5d}  {r.partial:7d}  {len(r.workstations):6d}  "
                    f"{r.last.strftime('%Y-%m-%d %H:%M'):16}  {r.query}"))
    return 0


def no_display_reason() -> str | None:
    """Why the desktop app cannot open a window here (Linux without a display), or None.

    Checked before Qt starts: Qt aborts the process when it finds no display.
    """
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs ... need no desktop display
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("kbdesk: no display to open the app on (DISPLAY and WAYLAND_DISPLAY are not set); "
            "run it on a desktop, or use a command such as `kbdesk search WORDS`")


def cmd_gui(args: argparse.Namespace) -> int:
    reason = no_display_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 1
    try:
        from kbdesk.gui.app import main as gui_main
    except ImportError as exc:
        print(f"kbdesk: the desktop app cannot start: {exc}", file=sys.stderr)
        return 2
    argv = [] if args.library is None else ["--library", str(args.library)]
    return gui_main(argv)


def add_commands(sub: Any, library: argparse.ArgumentParser) -> None:
    """Add search, index, check and report to the ``kbdesk`` parser's subcommands."""
    p = sub.add_parser("search", parents=[library], help="search the library")
    # "*": the parser of kbdesk.cli adds words that look like options (-部分) to the query
    p.add_argument("query", nargs="*", help="words, \"exact phrase\", -exclude, kind:, tag:")
    p.add_argument("--kind", help="only this kind: handbook, phrasing or procedure")
    p.add_argument("--limit", type=positive_int, default=10, help="number of hits (default 10)")
    p.add_argument("--json", action="store_true", help="print hits as JSON")
    p.add_argument("--as-of", type=iso_day, metavar="YYYY-MM-DD",
                   help="search what was in force on this day")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("index", parents=[library], help="bring the search index up to date")
    p.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("check", parents=[library], help="list every problem in the library")
    p.add_argument("--stale", action="store_true", help="list documents past their review date")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("report", parents=[library], help="reports for editors")
    reports = p.add_subparsers(dest="report", metavar="REPORT", required=True)
    r = reports.add_parser("no-results", parents=[library],
                           help="searches that found nothing or only partial matches, "
                           "most frequent first")
    r.add_argument("--since", type=iso_day, metavar="YYYY-MM-DD",
                   help="only searches on or after this date")
    r.add_argument("--json", action="store_true", help="print rows as JSON")
    r.add_argument("--all", action="store_true",
                   help="every workstation's searches (shared through the library's remote)")
    r.set_defaults(func=cmd_report)
    from kbdesk.cli.suggesting import add_report

    add_report(reports, library)
