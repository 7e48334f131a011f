"""``kbdesk import``: turn handbooks and SOPs editors already have into library documents.

A thin client of ``KnowledgeBase.plan_import`` / ``import_files``: ``--dry-run`` prints the plan
(``--json`` as a JSON list) and writes nothing; otherwise documents become drafts, or are
published with ``--publish --note``.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from kbdesk.cli.arguments import open_library, shared
from kbdesk.cli.terminal import dump_json, inline

if TYPE_CHECKING:
    from kbdesk.core import ImportPlan, PlannedDocument

KINDS = ("handbook", "phrasing", "procedure")


def _print_plan(plan: ImportPlan) -> None:
    for doc in plan.documents:
        print(inline(f"{doc.source} → {doc.path}  [{doc.kind}] {doc.title}  ({doc.category})"))
        for section in doc.sections:
            indent = "  " * section.level
            print(indent + inline(f"{'#' * (section.level + 1)} {section.heading}  "
                                  f"({len(section.text)} characters)"))
        _print_notes(doc)


_CONFIDENCE = {
    "high": "confidence: high",
    "medium": "confidence: medium (something was guessed: see 'check' below)",
    "low": "confidence: low: NO STRUCTURE FOUND (no chapters or sections)",
}


def _print_notes(doc: PlannedDocument) -> None:
    print(f"  {_CONFIDENCE[doc.confidence]}")
    if doc.removed:
        print(f"  removed {len(doc.removed)}:")
        for removal in doc.removed:
            text = inline(removal.text)
            text = text if len(text) <= 60 else text[:57] + "…"
            print(f"    line {removal.line}: " + inline(f"{removal.reason}: {text}"))
    for flag in doc.flags:
        where = "document" if flag.section < 0 else f"section {flag.section + 1}"
        print(f"  check ({flag.kind}, {where}): " + inline(f"{flag.text} {flag.detail}").rstrip())


def cmd_import(args: argparse.Namespace) -> int:
    if args.publish and not (args.note or "").strip():
        print("kbdesk: --publish needs --note TEXT (say where the documents come from)",
              file=sys.stderr)
        return 2
    kb = open_library(args.library)
    plan = kb.imports.plan_import(args.files, kind=args.kind or "", category=args.category or "",
                          split=args.split)
    if args.dry_run:
        if args.json:
            dump_json(plan.to_json())
        else:
            _print_plan(plan)
        return 0
    from kbdesk.cli.versions import _author, _push

    author = _author(args)
    written = kb.imports.import_files(plan, publish=args.publish, note=args.note or "",
                                      author=author, force=args.force)
    if args.json:
        dump_json([{"path": w.path, "id": w.doc_id, "title": w.title, "published": w.published,
                    "version": w.version, "skipped_duplicate_of": w.skipped or None}
                   for w in written])
    else:
        for doc, item in zip(plan.documents, written, strict=True):
            if item.skipped:
                print(inline(f"not published (duplicate of {item.skipped}): {doc.source}  "
                             f"{item.title}"))
                continue
            state = f"published v{item.version}" if item.published else "draft saved"
            print(inline(f"{state}: {item.path}  {item.title}"))
            _print_notes(doc)
        if not args.publish:
            print("the drafts wait for review: open them in the app's editor, or publish them "
                  "with `kbdesk drafts publish ID… --note TEXT`")
    if args.publish:
        return _push(kb, author, *(item.path for item in written if item.published))
    return 0


def cmd_drafts(args: argparse.Namespace) -> int:
    """``kbdesk drafts``: drafts of documents never published (imports, new documents);
    ``kbdesk drafts publish ID… --note`` publishes them."""
    kb = open_library(args.library)
    if args.action == "publish":
        if not args.ids or not (args.note or "").strip():
            print("kbdesk: drafts publish needs draft ids and --note TEXT", file=sys.stderr)
            return 2
        from kbdesk.cli.versions import _author, _push

        author = _author(args)
        published = kb.publishing.publish_drafts(args.ids, args.note, author)
        for item in published:
            print(inline(f"published v{item.version}: {item.path}  {item.title}"))
        return _push(kb, author, *(item.path for item in published))
    drafts = kb.imports.new_document_drafts()
    if args.json:
        dump_json([{"id": d.doc_id, "path": d.path, "saved_at": d.saved_at} for d in drafts])
        return 0
    if not drafts:
        print("no drafts of new documents")
    for draft in drafts:
        title = next((line[6:].strip() for line in draft.text.split("\n")[:12]
                      if line.startswith("title:")), "")
        print(inline(f"{draft.doc_id}  {draft.path}  {title}  (saved {draft.saved_at[:16]})"))
    return 0


def add_commands(sub: Any, library: argparse.ArgumentParser) -> None:
    """Add ``import`` and ``drafts`` to the ``kbdesk`` parser's subcommands."""
    p = sub.add_parser(
        "import", parents=[library, shared("author")],
        help="import .txt, .md, .docx or .html handbooks (or a plugin's format) as drafts "
        "(or publish them)")
    p.add_argument("files", nargs="+", metavar="FILE", help="files to import")
    p.add_argument("--kind", choices=KINDS, help="kind of every document (default: guessed)")
    p.add_argument("--category", help="category of every document")
    p.add_argument("--split", choices=("chapters", "none"), default="none",
                   help="chapters: one document per chapter (default: none)")
    p.add_argument("--dry-run", action="store_true", help="print what would be imported")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.add_argument("--publish", action="store_true",
                   help="publish at once instead of saving drafts (needs --note)")
    p.add_argument("--note", help="change note of the published versions")
    p.add_argument("--force", action="store_true",
                   help="publish even a file in which no structure was found")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("drafts", parents=[library, shared("author")],
                       help="drafts of new documents (imports); `drafts publish ID… --note`")
    p.add_argument("action", nargs="?", choices=("list", "publish"), default="list")
    p.add_argument("ids", nargs="*", metavar="ID", help="draft ids to publish")
    p.add_argument("--note", help="change note of the published versions")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=cmd_drafts)
