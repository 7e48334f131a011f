"""``kbdesk`` commands for a team on one shared library: init-remote, clone, ack, flag, flags.

``acks`` (with ``--missing``) lives with the other version commands and ``report no-results
--all`` with the reports; both read the team records kept by ``kbdesk.core.team``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kbdesk.cli.arguments import open_library, shared
from kbdesk.cli.terminal import clean
from kbdesk.core import FLAG_KINDS, KbError


def _agent(args: argparse.Namespace) -> str:
    from kbdesk.core import Settings

    name = (args.agent or Settings.load().get("agent_name") or "").strip()
    if not name:
        raise KbError("no agent name: pass --agent NAME or set your name in Settings")
    return str(name)


def cmd_init_remote(args: argparse.Namespace) -> int:
    kb = open_library(args.library)
    folder = kb.init_remote(args.path, author=args.author)
    print(f"made the shared library {folder} from {kb.root}")
    print(f"other workstations join it with: kbdesk clone {folder}")
    return 0


def cmd_clone(args: argparse.Namespace) -> int:
    from kbdesk.core import join_library  # git: imported when joining

    folder = join_library(args.url, Path(args.dir) if args.dir else None)
    kb = open_library(folder)
    kb.sync_team(args.url)
    print(clean(f"joined {args.url}: the library is {folder} (now your default library)"))
    refused = [line for line in kb.sync_state().get("refused", "").split("\n") if line]
    for line in refused:
        print(clean(f"not written here: {line}"))
    return 1 if refused else 0


def cmd_ack(args: argparse.Namespace) -> int:
    kb = open_library(args.library)
    doc = kb.document_in_force(args.doc)
    if doc is None:
        raise KbError(f"{args.doc}: no version of it is in force today")
    receipt = kb.receipts.acknowledge(doc, _agent(args))
    print(f"{receipt.agent} has read {doc.id} v{doc.version} ({receipt.time}); "
          "it goes to the shared library with the next sync")
    return 0


def cmd_flag(args: argparse.Namespace) -> int:
    kb = open_library(args.library)
    doc_id, _, anchor = args.doc.partition("#")
    doc = kb.document_in_force(doc_id)
    if doc is None:
        raise KbError(f"{doc_id}: no version of it is in force today")
    section = next((s.heading for s in doc.sections if s.anchor == anchor), "")
    if anchor and not section:
        raise KbError(f"{doc_id}: no section '#{anchor}'")
    flag = kb.team.flags.flag(doc.id, doc.version, args.kind, args.comment, _agent(args),
                              anchor=anchor, section=section)
    print(f"flagged {doc.id}{'#' + anchor if anchor else ''} v{doc.version} as {flag.kind} "
          f"(flag {flag.id})")
    return 0


def cmd_flags(args: argparse.Namespace) -> int:
    kb = open_library(args.library)
    if args.clear:
        known = {f.id for f in kb.team.open_flags()}
        for flag_id in args.clear:
            if flag_id not in known:
                raise KbError(f"no open flag {flag_id}")
            kb.team.flags.clear(flag_id, _agent(args))
            print(f"cleared {flag_id}")
        return 0
    flags = kb.team.open_flags()
    for f in flags:
        where = f"{f.doc_id}#{f.anchor}" if f.anchor else f.doc_id
        print(f"{f.id}  {f.time[:16].replace('T', ' ')}  {where} v{f.version}  {f.kind}  "
              f"{f.agent}@{f.workstation}  {f.comment}")
    if not flags:
        print("沒有待處理的標記 / no open flags")
    return 0


def add_commands(sub: Any, library: argparse.ArgumentParser) -> None:
    """Add init-remote, clone, ack, flag and flags to the ``kbdesk`` parser."""
    agent = shared("agent")

    p = sub.add_parser("init-remote", parents=[library, shared("author")],
                       help="make a shared library (a bare git repository) from this one")
    p.add_argument("path", help="a new folder, e.g. on a file share")
    p.set_defaults(func=cmd_init_remote)

    p = sub.add_parser(
        "clone", parents=[shared("verbose")],
        help="join a shared library; it becomes your default library",
        epilog="exit status: 0 joined; 1 joined, but some files of the shared library were "
        "not written here (links, submodules, names differing only in letter case; listed); "
        "2 nothing was made (a dangerous path or a file too large on the share, a bad URL "
        "or folder, or the shared library cannot be reached)",
    )
    p.add_argument("url", help="a folder or an http(s) git URL")
    p.add_argument("dir", nargs="?", help="where to keep it (default: in your data folder)")
    p.set_defaults(func=cmd_clone)

    p = sub.add_parser("ack", parents=[library, agent],
                       help="I have read the version in force of a document")
    p.add_argument("doc", help="document id or path")
    p.set_defaults(func=cmd_ack)

    p = sub.add_parser("flag", parents=[library, agent],
                       help="flag a document or section as outdated or unclear")
    p.add_argument("doc", help="document id, optionally with #section")
    p.add_argument("--kind", choices=FLAG_KINDS, default="outdated")
    p.add_argument("--comment", default="", help="what is wrong, in a few words")
    p.set_defaults(func=cmd_flag)

    p = sub.add_parser("flags", parents=[library, agent],
                       help="open flags of the whole team (editors clear them)")
    p.add_argument("--clear", nargs="+", metavar="ID", help="clear these flags (handled)")
    p.set_defaults(func=cmd_flags)
