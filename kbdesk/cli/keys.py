"""``kbdesk keys init|show|add|adopt``: the editor's signing key and the library's editors, and
``kbdesk server-hook``, the git hook a team's server runs (see docs/team.md)."""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
from pathlib import Path
from typing import Any

from kbdesk.cli.arguments import open_library, shared
from kbdesk.cli.terminal import clean
from kbdesk.core import KbError


def _principal(args: argparse.Namespace) -> str:
    return (getattr(args, "name", None) or getpass.getuser()).strip()


def cmd_keys_init(args: argparse.Namespace) -> int:
    from kbdesk.core import init_editor_key

    key = init_editor_key(f"{_principal(args)}@{socket.gethostname()}")
    print(f"made your editor key {key.fingerprint}")
    print(f"kept in {key.path} (readable by you only; never copy it into a library)")
    print("an editor adds you with: kbdesk keys add '" + key.public_line + "'")
    return 0


def cmd_keys_show(args: argparse.Namespace) -> int:
    from kbdesk.core import library_editors, library_editors_problems, load_editor_key

    key = load_editor_key()
    if key is None:
        print("no editor key on this workstation; make one with `kbdesk keys init`")
    else:
        print(f"your key: {key.fingerprint}")
        print(key.public_line)
    if args.library_keys:
        root = open_library(args.library).root
        listed = library_editors(root)
        if not listed:
            print(f"{root}: the library does not require signing (no editors' keys)")
        for signer in listed:
            mark = "  (you)" if key is not None and signer.fingerprint == key.fingerprint else ""
            print(clean(f"editor {signer.principal}: {signer.fingerprint}{mark}"))
        for problem in library_editors_problems(root):
            print(clean(f"warning: {problem}"))
    return 0 if key is not None else 1


def _key_text(value: str) -> str:
    path = Path(value).expanduser()
    if not value.startswith("ssh-") and path.is_file():
        try:
            return path.read_text("utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise KbError(f"{path}: cannot read the public key: {exc}") from exc
    return value


def cmd_keys_add(args: argparse.Namespace) -> int:
    from kbdesk.core import add_library_editor

    kb = open_library(args.library)
    change = add_library_editor(kb.root, _key_text(args.key), args.name or "editor",
                                author=args.author, clock=kb.clock)
    print(clean(f"added editor {change.principal} ({change.fingerprint}) in commit "
                f"{change.commit[:10]}; it goes to the shared library with the next sync"))
    return 0


def cmd_keys_adopt(args: argparse.Namespace) -> int:
    from kbdesk.core import adopt_signing

    kb = open_library(args.library)
    root = kb.root
    change = adopt_signing(root, _principal(args), author=args.author, clock=kb.clock)
    print(clean(f"{root}: the library now requires editors' signatures (commit "
                f"{change.commit[:10]}); its first editor's key is {change.fingerprint}"))
    print("the history before it is accepted as it is; preset this fingerprint as "
          "editor_fingerprints in the site settings so new workstations trust it")
    return 0


def cmd_server_hook(args: argparse.Namespace) -> int:
    from kbdesk.core import run_server_hook

    return run_server_hook(sys.stdin.buffer, sys.stderr, ref=args.ref, old=args.old,
                           new=args.new, owners=args.owners, trusted=tuple(args.trust or ()))


def add_commands(sub: Any, library: argparse.ArgumentParser) -> None:
    """Add ``keys`` and ``server-hook`` to the ``kbdesk`` parser."""
    # the shared options its actions take are declared here too (they are checked per command)
    keys = sub.add_parser("keys", parents=[library, shared("author")],
                          help="your editor key and the library's editors' keys")
    ksub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    # every action takes the options the group declares (--author is used by add and adopt)
    common = [library, shared("author")]
    p = ksub.add_parser("init", parents=common,
                        help="make your editor key (kept in your data folder, never shared)")
    p.add_argument("--name", help="how the key is labelled (default: your account name)")
    p.set_defaults(func=cmd_keys_init)

    p = ksub.add_parser("show", parents=common,
                        help="print your public key and its fingerprint")
    p.add_argument("--library-keys", action="store_true",
                   help="also list the editors' keys of the library")
    p.set_defaults(func=cmd_keys_show)

    p = ksub.add_parser("add", parents=common,
                        help="add an editor's public key to the library (a signed commit)")
    p.add_argument("key", help="the editor's `ssh-ed25519 AAAA…` line, or a .pub file")
    p.add_argument("--name", help="the editor's name in the list (no spaces)")
    p.set_defaults(func=cmd_keys_add)

    p = ksub.add_parser("adopt", parents=common,
                        help="make the library require editors' signatures, accepting its "
                        "history so far; your key becomes its first editor's")
    p.add_argument("--name", help="your name in the editors' list (default: your account)")
    p.set_defaults(func=cmd_keys_adopt)

    p = sub.add_parser(
        "server-hook", parents=[shared("verbose")],
        help="git pre-receive/update hook for a shared library's server",
        epilog="as pre-receive: reads 'old new ref' lines on standard input; as update: "
        "`kbdesk server-hook REF OLD NEW`. Exit status 0 accepts the push, 1 refuses it.",
    )
    p.add_argument("ref", nargs="?", help="(update hook) the ref being updated")
    p.add_argument("old", nargs="?", help="(update hook) its old commit id")
    p.add_argument("new", nargs="?", help="(update hook) its new commit id")
    p.add_argument("--owners", help="the file mapping workstations to accounts "
                   "(default: kbdesk-owners in the repository)")
    p.add_argument("--trust", action="append", metavar="FINGERPRINT",
                   help="the key that may adopt signing (SHA256:…); without it, an adoption "
                   "signed by a key its own list holds is taken")
    p.set_defaults(func=cmd_server_hook)
