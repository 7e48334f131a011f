"""``kbdesk export --format NAME``: the library in force written by a registered exporter.

``kbdesk export --list-formats`` lists the exporters (built-in and plugins) with their options;
an option reaches the exporter as its own flag (``--title=X``, read once the format is known)
or as ``--set NAME=VALUE`` (repeatable), checked by the core against the exporter's
declaration. ``kbdesk export-html OUTDIR`` is ``kbdesk export --format html OUTDIR``, kept as
it always was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kbdesk.cli.arguments import iso_day, open_library
from kbdesk.cli.searching import ProgressBar
from kbdesk.cli.terminal import dump_json, inline

if TYPE_CHECKING:
    from kbdesk.core import ExportFormat, Option

_TYPE_WORDS = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "bool": "true|false",
               "Path": "PATH"}


def key_value(text: str) -> tuple[str, str]:
    """An argparse type: ``NAME=VALUE`` (the value may be empty, and hold ``=``)."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=VALUE")
    return name.strip(), value


def _value_word(option: Option) -> str:
    if option.choices:
        return "|".join(str(c) for c in option.choices)
    return _TYPE_WORDS.get(option.type.__name__, option.type.__name__.upper())


def _format_json(fmt: ExportFormat) -> dict[str, Any]:
    return {"name": fmt.name, "title": fmt.title, "options": [
        {"name": o.name, "type": o.type.__name__, "default": None if o.default is None
         else str(o.default) if isinstance(o.default, Path) else o.default,
         "help": o.help, "choices": list(o.choices), "required": o.required}
        for o in fmt.options]}


def cmd_list_formats(args: argparse.Namespace) -> int:
    from kbdesk.core import broken_exporters, export_formats

    formats = export_formats()
    broken = broken_exporters()
    if args.json:
        dump_json({"formats": [_format_json(f) for f in formats], "broken": broken})
        return 0
    for fmt in formats:
        print(inline(f"{fmt.name}  {fmt.title}"))
        for option in fmt.options:
            default = "required" if option.required else (
                "no default" if option.default is None else f"default: {option.default}")
            word = _value_word(option)
            print(inline(f"    --{option.name} {word} (or --set {option.name}={word})  "
                         f"{option.help}  ({default})").rstrip())
    for name, problem in sorted(broken.items()):
        print(inline(f"{name}  BROKEN: {problem}"))
    return 0


def declared_flags(fmt: ExportFormat, given: list[str]) -> dict[str, str]:
    """The options given as the exporter's own flags (``--title X``; a true/false option may
    stand alone: ``--body``), by option name. A flag the exporter does not declare stops the
    command (argparse's error, exit status 2)."""
    parser = argparse.ArgumentParser(prog=f"kbdesk export --format {fmt.name}", add_help=False)
    for option in fmt.options:
        extra: dict[str, Any] = {"nargs": "?", "const": "true"} if option.type is bool else {}
        parser.add_argument(f"--{option.name}", dest=option.name, metavar=_value_word(option),
                            default=None, help=option.help, **extra)
    values = vars(parser.parse_args(given))
    return {name: value for name, value in values.items() if value is not None}


def _options(args: argparse.Namespace) -> dict[str, str] | str:
    """The options of the export (``--set`` and the exporter's own flags), or an error."""
    options: dict[str, str] = {}
    for name, value in getattr(args, "set", None) or ():
        if name in options:
            return f"--set {name} is given twice"
        options[name] = value
    given = getattr(args, "declared", None) or []
    if not given:
        return options
    from kbdesk.core import broken_exporters, export_formats

    fmt = next((f for f in export_formats() if f.name == args.format), None)
    if fmt is None:
        broken = broken_exporters()
        return broken.get(args.format) or (
            f"no export format called {args.format!r} (see `kbdesk export --list-formats`)")
    for name, value in declared_flags(fmt, given).items():
        if name in options:
            return f"the option {name} is given twice (--{name} and --set {name}=…)"
        options[name] = value
    return options


def cmd_export(args: argparse.Namespace) -> int:
    if getattr(args, "list_formats", False):
        if getattr(args, "declared", None):
            print(f"kbdesk: unrecognized arguments: {' '.join(args.declared)}", file=sys.stderr)
            return 2
        return cmd_list_formats(args)
    if not args.format or not args.outdir:
        print("kbdesk: export needs --format NAME and OUTDIR (list the formats with "
              "`kbdesk export --list-formats`)", file=sys.stderr)
        return 2
    options = _options(args)
    if isinstance(options, str):
        print(f"kbdesk: {options}", file=sys.stderr)
        return 2
    kb = open_library(args.library)
    bar = ProgressBar(sys.stderr, "exporting")
    try:
        result = kb.exports.export(args.format, args.outdir, as_of=args.as_of, progress=bar,
                                   options=options)
    finally:
        bar.finish()
        kb.close()
    size_mb = result.bytes / 1_000_000
    opening = result.details.get("open")
    print(f"exported {result.documents} documents to {result.outdir} "
          f"({result.files} files, {size_mb:.1f} MB)"
          + (f"; open {opening}" if opening else ""))
    return 0


def add_commands(sub: Any, library: argparse.ArgumentParser) -> None:
    """Add ``export`` and its alias ``export-html`` to the ``kbdesk`` parser's subcommands."""
    p = sub.add_parser(
        "export", parents=[library],
        help="write the documents in force with an exporter (--format; --list-formats)",
        description="Write the published documents in force (today, or on --as-of) with the "
        "exporter named by --format: html (a static site with offline search) or one a "
        "plugin adds (`kbdesk export --list-formats` lists them with their options). For "
        "html, OUTDIR must be new, empty or a previous export holding only the files it wrote; "
        "it is replaced only when the new site is complete.",
    )
    p.add_argument("outdir", metavar="OUTDIR", nargs="?", help="folder to write into")
    p.add_argument("--format", metavar="NAME", help="the exporter (see --list-formats)")
    p.add_argument("--set", type=key_value, action="append", metavar="NAME=VALUE",
                   help="an option of the exporter (repeat for several); each option is also "
                   "its own flag: --NAME VALUE (see --list-formats)")
    p.add_argument("--as-of", type=iso_day, metavar="DATE",
                   help="export what is in force on YYYY-MM-DD (default: today)")
    p.add_argument("--list-formats", action="store_true",
                   help="list the export formats and their options, then stop")
    p.add_argument("--json", action="store_true", help="with --list-formats: print as JSON")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "export-html", parents=[library],
        help="write the documents in force as a static HTML site with offline search "
        "(= export --format html)",
        description="Write the published documents in force (today, or on --as-of) as a static "
        "site that works from a file share: pages, search, no external resources. OUTDIR must "
        "be new, empty or a previous export holding only the files it wrote (anything else is "
        "refused, named); it is replaced only when the new site is complete. The same as "
        "`kbdesk export --format html OUTDIR`.",
    )
    p.add_argument("outdir", metavar="OUTDIR", help="folder to write the site into")
    p.add_argument("--as-of", type=iso_day, metavar="DATE",
                   help="export what is in force on YYYY-MM-DD (default: today)")
    p.set_defaults(func=cmd_export, format="html")
