"""Argument types and the options shared by the CLI's command modules.

The shared options (``--library``, ``-v``, ``--author``, ``--agent``) are declared once in
:data:`SHARED_OPTIONS`. The main parser holds each with its real default; a command takes them
through :func:`shared` whose options default to ``argparse.SUPPRESS``, so a command given no
value leaves the main parser's value alone: ``kbdesk --library DIR search …`` and ``kbdesk
search … --library DIR`` mean the same. (Dates are read by the core's parser.)

The command modules import the core where a command runs, not at the top: building the parser
(``kbdesk --help``, ``--version``) then loads no part of the core but the few constants the
parser shows (``tests/test_cold_start.py``).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from kbdesk.core import KnowledgeBase

#: dest -> (option strings, keyword arguments of ``add_argument`` without the default)
SHARED_OPTIONS: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {
    "library": (("--library",), {
        "metavar": "DIR",
        "help": "library folder (default: $KBDESK_LIBRARY or your own library)",
    }),
    "verbose": (("-v", "--verbose"), {"action": "store_true", "help": "log what happens"}),
    "author": (("--author",), {
        "help": "who publishes or makes the versions (default: $KBDESK_AUTHOR or login)",
    }),
    "agent": (("--agent",), {"metavar": "NAME", "help": "your name (default: Settings)"}),
}
#: the options every command takes
GLOBAL_OPTIONS: tuple[str, ...] = ("library", "verbose")


def add_shared_defaults(parser: argparse.ArgumentParser) -> None:
    """Give the main parser every shared option with its real default (None or False)."""
    for flags, kwargs in SHARED_OPTIONS.values():
        default = False if kwargs.get("action") == "store_true" else None
        parser.add_argument(*flags, default=default, **kwargs)


def shared(*names: str) -> argparse.ArgumentParser:
    """A parent parser with the shared options ``names`` for a command (defaults suppressed)."""
    parent = argparse.ArgumentParser(add_help=False)
    for dest in names:
        flags, kwargs = SHARED_OPTIONS[dest]
        parent.add_argument(*flags, default=argparse.SUPPRESS, **kwargs)
    return parent


def takes(command: argparse.ArgumentParser, dest: str) -> bool:
    """Whether a command's parser declares the shared option ``dest``."""
    return command.get_default(dest) == argparse.SUPPRESS


def open_library(library: str | Path | None, *, publishing: str | None = None
                 ) -> KnowledgeBase:
    """The knowledge base of a library folder (None: the default one); ``publishing``: the
    file a ``publish`` is about to commit (see ``KnowledgeBase``).

    The facade, and with it the search engine and git, is imported here, when a command runs,
    not when the parser is built: ``kbdesk --version`` and ``--help`` stay light.
    """
    from kbdesk.core import KnowledgeBase

    return KnowledgeBase(library, publishing=publishing)


def iso_day(value: str) -> dt.date:
    """An argparse type: a day written ``YYYY-MM-DD``."""
    from kbdesk.core import parse_iso_date

    day = parse_iso_date(value)
    if day is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date written YYYY-MM-DD")
    return day


def positive_int(value: str) -> int:
    """An argument that is a whole number of at least 1 (argparse ``type``)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number
