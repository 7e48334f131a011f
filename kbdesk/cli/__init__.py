"""The ``kbdesk`` command line: a thin client of :class:`kbdesk.core.KnowledgeBase`.

Sub-commands live in the modules named in :data:`COMMAND_MODULES`; each has an
``add_commands(sub, library)`` that adds its parsers and sets ``func`` on each. A new command
group is one new module and one line here.

Cold start (issue 20): ``kbdesk --version`` answers before anything else is imported, building
the parser (``--help``) imports no part of the core but a few constants, and each command
imports the core it needs when it runs (``tests/test_cold_start.py``).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

from kbdesk import __version__
from kbdesk.cli.arguments import (
    GLOBAL_OPTIONS,
    SHARED_OPTIONS,
    add_shared_defaults,
    shared,
    takes,
)
from kbdesk.cli.terminal import clean, quiet_broken_pipe

VERSION = f"kbdesk {__version__}"

#: The modules that add sub-commands, in the order ``kbdesk --help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "kbdesk.cli.searching",  # search, index, check, report
    "kbdesk.cli.versions",  # publish, history, show, diff, rollback, retire, sync, acks
    "kbdesk.cli.exporting",  # export (--format, --list-formats), export-html
    "kbdesk.cli.importing",  # import
    "kbdesk.cli.team",  # init-remote, clone, ack, flag, flags, team
    "kbdesk.cli.signin",  # credentials
    "kbdesk.cli.keys",  # keys init|show|add|adopt, server-hook
    "kbdesk.cli.doctor",  # doctor
)


class CommandLine(argparse.ArgumentParser):
    """The ``kbdesk`` parser; :attr:`commands` maps each command's name to its parser."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands: dict[str, argparse.ArgumentParser] = {}


def build_parser() -> CommandLine:
    """The whole ``kbdesk`` argument parser, with every registered sub-command.

    The options shared by the commands (:data:`kbdesk.cli.arguments.SHARED_OPTIONS`) are
    honoured before the command as well as after it.
    """
    parser = CommandLine(
        prog="kbdesk",
        description="Offline knowledge base for customer-service teams. "
        "Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=VERSION)
    add_shared_defaults(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = shared(*GLOBAL_OPTIONS)
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_commands(sub, common)
    parser.commands = dict(sub.choices)
    return parser


def _check_shared_options(parser: CommandLine, args: argparse.Namespace) -> None:
    """Refuse a shared option given before a command that does not take it (never ignore it)."""
    command = parser.commands.get(args.command) if args.command else None
    for dest, (flags, _kwargs) in SHARED_OPTIONS.items():
        if getattr(args, dest, None) in (None, False):
            continue
        if command is None:
            if dest not in GLOBAL_OPTIONS:
                parser.error(f"{flags[-1]} needs a command that takes it")
        elif not takes(command, dest):
            parser.error(f"{flags[-1]} does not apply to {args.command}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        print(VERSION)  # what argparse prints, without building the parser and its commands
        return 0
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    _check_shared_options(parser, args)
    if extra and getattr(args, "command", None) == "search":
        # a query word that looks like an option (-部分: exclude 部分) belongs to the query
        args.query = [*args.query, *extra]
    elif extra and getattr(args, "command", None) == "export":
        args.declared = extra  # the exporter's own flags, read once its format is known
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    import logging  # after parsing: --help and a parse error need no logging

    from kbdesk.core import KbError

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
