"""The ``kbdesk`` command line: a thin client of :class:`kbdesk.core.KnowledgeBase`.

Sub-commands live in the modules named in :data:`COMMAND_MODULES`; each has an
``add_commands(sub, library)`` that adds its parsers and sets ``func`` on each. A new command
group is one new module and one line here.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from kbdesk import __version__
from kbdesk.cli.terminal import clean, quiet_broken_pipe
from kbdesk.core import KbError

#: The modules that add sub-commands, in the order ``kbdesk --help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "kbdesk.cli.searching",  # search, index, check, report
    "kbdesk.cli.versions",  # publish, history, show, diff, rollback, retire, sync, acks
    "kbdesk.cli.exporting",  # export-html
    "kbdesk.cli.importing",  # import
    "kbdesk.cli.team",  # init-remote, clone, ack, flag, flags
)


def build_parser() -> argparse.ArgumentParser:
    """The whole ``kbdesk`` argument parser, with every registered sub-command."""
    parser = argparse.ArgumentParser(
        prog="kbdesk",
        description="Offline knowledge base for customer-service teams. "
        "Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"kbdesk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    library = argparse.ArgumentParser(add_help=False)
    library.add_argument(
        "--library", metavar="DIR", default=None,
        help="library folder (default: $KBDESK_LIBRARY or your own library)",
    )
    parser.add_argument("--library", metavar="DIR", default=None, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_commands(sub, library)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and getattr(args, "command", None) == "search":
        # a query word that looks like an option (-部分: exclude 部分) belongs to the query
        args.query = [*args.query, *extra]
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )
    func = getattr(args, "func", None)
    try:
        if func is None:
            from kbdesk.cli.searching import cmd_gui

            return cmd_gui(args)
        return int(func(args))
    except KbError as exc:
        print(clean(f"kbdesk: {exc}"), file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (kbdesk search … | head -1)
        return quiet_broken_pipe()
    except KeyboardInterrupt:
        return 130
