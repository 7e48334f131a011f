"""``kbdesk credentials set|clear|show URL``: sign-ins for http(s) Git servers, and the sign-in
``kbdesk sync`` asks for on a terminal when the server wants one.

The password is asked on the terminal (never echoed) or read from standard input with
``--password-stdin``; it is never an argument (arguments are visible to every user in the
process list). Where it is kept is the core's rule (``kbdesk.core.credentials``): the OS
keyring, or a file readable only by the user where there is none.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from kbdesk.cli.terminal import clean
from kbdesk.core import KbError


def _ask_password(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except EOFError as exc:
        raise KbError("no password given") from exc


def _library_remote(args: argparse.Namespace) -> str:
    from kbdesk.cli.arguments import open_library

    url = open_library(args.library).sync.remote_url()
    if not url:
        raise KbError("the library has no remote: name the Git server's URL")
    return url


def cmd_credentials(args: argparse.Namespace) -> int:
    from kbdesk.core import credentials  # the keyring: only for this command

    url, typed = credentials.split_url(args.url or _library_remote(args))
    shown = credentials.redact(url)
    if args.action == "show":
        found = credentials.where(url)
        if found is None:
            print(clean(f"no sign-in kept for {shown}"))
            return 1
        user, place = found
        print(clean(f"{shown}: signed in as {user} (kept in {place})"))
        return 0
    if args.action == "clear":
        removed = credentials.clear(url)
        print(clean(f"{'forgot' if removed else 'no sign-in was kept for'} {shown}"
                    + (" (the site settings' sign-in, if any, stays)" if removed else "")))
        return 0
    credentials.origin(url)  # an http(s) URL, or a clear error before any question
    username = args.username or (typed.username if typed else "")
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not username:
            raise KbError("--password-stdin needs --username USER")
    elif typed is not None and typed.password:
        password = typed.password
    elif sys.stdin.isatty():
        if not username:
            username = input(f"user name for {shown}: ").strip()
        password = _ask_password(f"password for {username} at {shown}: ")
    else:
        raise KbError("no terminal to ask the password on: pass --username USER and "
                      "--password-stdin (the password on standard input)")
    if not username:
        raise KbError("a sign-in needs a user name (--username USER)")
    place = credentials.store(url, username, password)
    kept = "the OS keyring" if place == "keyring" else f"{place} (readable only by you)"
    print(clean(f"signed in to {credentials.origin(url)} as {username}; kept in {kept}"))
    return 0


def sign_in_on_terminal(url: str) -> bool:
    """Ask a user name and password for ``url`` on the terminal (True when given); keep them
    when the user says so, else use them for this run only. False without a terminal."""
    from kbdesk.core import credentials

    if not sys.stdin.isatty():
        return False
    shown = credentials.redact(url)
    print(clean(f"sign-in needed for {shown}"), file=sys.stderr)
    try:
        username = input("user name: ").strip()
        if not username:
            return False
        password = _ask_password("password: ")
        remember = input("remember it on this computer? [Y/n] ").strip().lower()
    except (EOFError, KbError):
        return False
    if remember in ("", "y", "yes"):
        place = credentials.store(url, username, password)
        print(clean("kept in " + ("the OS keyring" if place == "keyring" else place)),
              file=sys.stderr)
    else:
        credentials.use_for_session(url, username, password)
    return True


def add_commands(sub: Any, library: argparse.ArgumentParser) -> None:
    """Add ``credentials`` to the ``kbdesk`` parser."""
    p = sub.add_parser(
        "credentials", parents=[library],
        help="sign in to an http(s) Git server (kept in the OS keyring), or forget it",
        description="Keep, show or forget the user name and password kbdesk uses for an "
        "http(s) Git server (one per server: scheme, host and port). They are kept in the OS "
        "keyring, or where there is none in a file of your app data readable only by you; "
        "never in the library's settings, a URL or a message.",
        epilog="examples: kbdesk credentials set https://git.example.com/cs/kb.git "
        "--username chen; printf '%%s\\n' \"$PW\" | kbdesk credentials set URL --username "
        "chen --password-stdin; kbdesk credentials clear (the library's remote). "
        "exit status: 0 done; 1 show found none; 2 error",
    )
    p.add_argument("action", choices=("set", "clear", "show"))
    p.add_argument("url", nargs="?",
                   help="the Git server's URL (default: the library's remote)")
    p.add_argument("--username", metavar="USER", help="the user name (set)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from standard input (set; for scripts)")
    p.set_defaults(func=cmd_credentials)
