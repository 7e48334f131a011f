"""``kbdesk report suggestions``: words the team searched before opening a document found with
other words, as keywords to add (see ``kbdesk.core.team.suggestions``)."""

from __future__ import annotations

import argparse
from typing import Any

from kbdesk.cli.arguments import open_library, positive_int
from kbdesk.cli.terminal import clean, dump_json, inline


def cmd_suggestions(args: argparse.Namespace) -> int:
    """List the suggestions, or accept one (``--accept ID``, editors only)."""
    from kbdesk.core import Settings, suggestions

    kb = open_library(args.library)
    rows = suggestions.of_team(kb.team, kb.documents(), args.min_workstations)
    if args.accept:
        from kbdesk.cli.versions import _author, _print_result

        settings = Settings.load()
        suggestions.require_editor(kb.team, settings)  # before anything is looked up or written
        row = suggestions.find(rows, args.accept)
        author = args.publish_author or _author(args)
        result = suggestions.accept(kb, row, settings, author, args.note)
        print(clean(f"accepted {row.id}: keyword {row.keyword!r} added to {row.doc_id}"))
        return _print_result(kb, "published", result, author)
    if args.json:
        dump_json([_json(row) for row in rows])
        return 0
    if not rows:
        print(f"no suggestions (a pair must be seen from {args.min_workstations} or more "
              "workstations; only shared search logs count)")
        return 0
    print(f"{'id':8}  {'times':>5}  {'places':>6}  searched → opened (found with)")
    for row in rows:
        worked = "、".join(row.found_with[:3])
        print(inline(f"{row.id:8}  {row.count:5d}  {len(row.workstations):6d}  "
                     f"{row.keyword} → {row.title} [{row.doc_id}] ({worked})"))
    return 0


def _json(row: Any) -> dict[str, Any]:
    return {
        "id": row.id, "keyword": row.keyword, "doc_id": row.doc_id, "title": row.title,
        "count": row.count, "workstations": sorted(row.workstations),
        "found_with": row.found_with,
        "evidence": [{"workstation": e.workstation, "when": e.when.isoformat(timespec="seconds"),
                      "searched": e.searched, "found_with": e.found_with}
                     for e in row.evidence],
    }



def add_report(reports: Any, library: argparse.ArgumentParser) -> None:
    """Add ``report suggestions`` to the ``report`` sub-commands."""
    r = reports.add_parser(
        "suggestions", parents=[library],
        help="keywords to add: words agents searched before opening a document found otherwise")
    r.add_argument("--min-workstations", type=positive_int, default=2, metavar="N",
                   help="only pairs seen from N or more workstations (default 2)")
    r.add_argument("--json", action="store_true", help="print suggestions with their evidence")
    r.add_argument("--accept", metavar="ID",
                   help="editors: add the suggestion's words to the document's keywords and "
                   "publish it (ID from the list, or its number)")
    # its own dest: the shared --author belongs to the publishing commands, not to `report`
    r.add_argument("--author", dest="publish_author", metavar="AUTHOR",
                   help="with --accept: who publishes (default: $KBDESK_AUTHOR or login)")
    r.add_argument("--note", help="the change note (default: says where the words came from)")
    r.set_defaults(func=cmd_suggestions)
