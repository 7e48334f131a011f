"""``kbdesk export-html``: the library in force as a static site for the intranet."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kbdesk.cli.arguments import iso_day, open_library
from kbdesk.cli.searching import ProgressBar


def cmd_export_html(args: argparse.Namespace) -> int:
    kb = open_library(args.library)
    bar = ProgressBar(sys.stderr, "exporting")
    try:
        result = kb.exports.export("html", args.outdir, as_of=args.as_of, progress=bar)
    finally:
        bar.finish()
        kb.close()
    size_mb = result.bytes / 1_000_000
    print(f"exported {result.documents} documents to {result.outdir} "
          f"({result.files} files, {size_mb:.1f} MB); open {result.outdir / 'index.html'}")
    return 0


def add_commands(sub: Any, library: argparse.ArgumentParser) -> None:
    """Add ``export-html`` to the ``kbdesk`` parser's subcommands."""
    p = sub.add_parser(
        "export-html", parents=[library],
        help="write the documents in force as a static HTML site with offline search",
        description="Write the published documents in force (today, or on --as-of) as a static "
        "site that works from a file share: pages, search, no external resources. OUTDIR must "
        "be new, empty or a previous export holding only the files it wrote (anything else is "
        "refused, named); it is replaced only when the new site is complete.",
    )
    p.add_argument("outdir", metavar="OUTDIR", help="folder to write the site into")
    p.add_argument("--as-of", type=iso_day, metavar="DATE",
                   help="export what is in force on YYYY-MM-DD (default: today)")
    p.set_defaults(func=cmd_export_html)
