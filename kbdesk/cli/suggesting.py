"""``kbdesk report suggestions``: words the team searched before opening a document found with
other words, as keywords or synonym groups to add (see ``kbdesk.core.team.suggestions``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kbdesk.cli.arguments import open_library, positive_int
from kbdesk.cli.terminal import clean, dump_json, inline


def cmd_suggestions(args: argparse.Namespace) -> int:
    """List the suggestions, or accept one (``--accept ID``, editors only)."""
    from kbdesk.core import Settings, suggestions

    kb = open_library(args.library)
    rows = suggestions.of_team(kb.team, kb.documents(), args.min_workstations)
    if args.accept:
        from kbdesk.cli.versions import _author, _print_result, _push

        if args.words is not None and args.accept_as != suggestions.SYNONYM:
            raise suggestions.SuggestionError("--words goes with --as synonym (the words of "
                                              "the synonym group to publish)")
        settings = Settings.load()
        suggestions.require_editor(kb.team, settings)  # before anything is looked up or written
        row = suggestions.find(rows, args.accept)
        author = args.publish_author or _author(args)
        if args.accept_as == suggestions.SYNONYM:
            done = suggestions.accept_as_synonym(kb, row, settings, author, args.note,
                                                 words=args.words)
            words = "、".join(done.change.group)
            where = (f"group {done.change.extended} of library.yaml extended with "
                     f"{'、'.join(done.change.added)}" if done.change.extended is not None
                     else "added to library.yaml")
            print(clean(f"accepted {row.id}: synonym group {words} {where}"))
            print(inline(f"change note: {done.note}"))
            print(f"published library.yaml ({done.result.commit[:10]})")
            if not done.result.reindexed:
                print("note: the search index will be updated on the next start",
                      file=sys.stderr)
            return _push(kb, author, "library.yaml")
        result = suggestions.accept(kb, row, settings, author, args.note)
        print(clean(f"accepted {row.id}: keyword {row.keyword!r} added to {row.doc_id}"))
        print(inline(f"change note: {args.note or suggestions.change_note(row)}"))
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
    from kbdesk.core import suggestions

    return {
        "id": row.id, "keyword": row.keyword, "doc_id": row.doc_id, "title": row.title,
        "count": row.count, "workstations": sorted(row.workstations),
        "found_with": row.found_with,
        "synonym_group": suggestions.synonym_words(row),
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
                   "publish it, or with --as synonym add a synonym group to library.yaml "
                   "(ID from the list, or its number)")
    r.add_argument("--as", dest="accept_as", choices=("keyword", "synonym"), default="keyword",
                   help="with --accept: as a keyword of the document (default), or as a "
                   "synonym group of library.yaml (the first words' meaningful words with "
                   "the words that worked; a group holding one of them is extended)")
    r.add_argument("--words", metavar="WORDS",
                   help="with --as synonym: the group to publish instead of the proposed one, "
                   "its words separated by commas (\"钱没回来,退款到账\"; at least two, none "
                   "empty); see the proposed group with --json")
    # its own dest: the shared --author belongs to the publishing commands, not to `report`
    r.add_argument("--author", dest="publish_author", metavar="AUTHOR",
                   help="with --accept: who publishes (default: $KBDESK_AUTHOR or login)")
    r.add_argument("--note", help="the change note (default: says where the words came from)")
    r.set_defaults(func=cmd_suggestions)
