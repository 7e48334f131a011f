"""``kbdesk`` commands for a team on one shared library: init-remote, clone, ack, flag, flags,
team (the roster).

``acks`` (with ``--missing``) lives with the other version commands and ``report no-results
--all`` with the reports; both read the team records kept by ``kbdesk.core.team``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kbdesk.cli.arguments import open_library, shared
from kbdesk.cli.terminal import clean, inline
from kbdesk.core import FLAG_KINDS, PAPER, KbError

if TYPE_CHECKING:
    from kbdesk.core import KnowledgeBase

EDITORS_FILE = ".kbdesk/editor_workstations"


def _flagger(args: argparse.Namespace, kb: KnowledgeBase) -> str:
    """The name a new flag carries: --agent, else this user's (roster, Settings, account)."""
    return str(args.agent or "").strip() or kb.team.my_name()


def cmd_init_remote(args: argparse.Namespace) -> int:
    kb = open_library(args.library)
    folder = kb.sync.init_remote(args.path, author=args.author)
    print(f"made the shared library {folder} from {kb.root}")
    print(f"other workstations join it with: kbdesk clone {folder}")
    return 0


def cmd_clone(args: argparse.Namespace) -> int:
    from kbdesk.cli.signin import sign_in_on_terminal
    from kbdesk.core import (  # git: imported when joining
        Clock,
        ServerDenied,
        SignInNeeded,
        UntrustedLibrary,
        join_library,
    )

    target = Path(args.dir) if args.dir else None
    clock = Clock()  # no library yet, so no library's clock: the system's stamps the first sync

    def join(url: str) -> Path:
        try:
            return join_library(url, target, clock=clock, trusted=tuple(args.trust or ()))
        except UntrustedLibrary as exc:
            if not _confirm_editors(exc):
                raise
            return join_library(url, target, clock=clock, trusted=exc.fingerprints)

    try:
        try:
            folder = join(args.url)
        except SignInNeeded as exc:  # on a terminal: ask once, then try again
            if not sign_in_on_terminal(exc.url):
                raise
            folder = join(exc.url)
    except (SignInNeeded, ServerDenied) as exc:
        print(clean(f"kbdesk: {exc}"), file=sys.stderr)
        return 4
    kb = open_library(folder)
    url = kb.sync.remote_url() or ""  # kept without any user:password@ it was typed with
    kb.sync.sync_team(url)
    print(clean(f"joined {url}: the library is {folder} (now your default library)"))
    refused = [line for line in kb.sync.sync_state().get("refused", "").split("\n") if line]
    for line in refused:
        print(clean(f"not written here: {line}"))
    return 1 if refused else 0


def _confirm_editors(exc: Any) -> bool:
    """Show a signed library's editors' keys once and ask whether to trust them (only when
    someone is at the terminal)."""
    print(clean("this shared library is signed by its editors. The key that adopted signing:"))
    for fingerprint in exc.fingerprints:
        print(f"  {fingerprint}")
    for editor in exc.editors:
        print(clean(f"  editor {editor.principal}: {editor.fingerprint}"))
    if not sys.stdin.isatty():
        return False
    answer = input("compare it with what your editor or IT department gave you; trust it? "
                   "[y/N] ")
    return answer.strip().lower() in ("y", "yes", "是")


def cmd_ack(args: argparse.Namespace) -> int:
    kb = open_library(args.library)
    doc = kb.versions.document_in_force(args.doc)
    if doc is None:
        raise KbError(f"{args.doc}: no version of it is in force today")
    receipt = kb.team.acknowledge(doc, args.agent)
    how = f" ({PAPER}, recorded by {receipt.account})" if receipt.paper else ""
    print(inline(f"{receipt.agent} has read {doc.id} v{doc.version} ({receipt.time}){how}; "
                 "it goes to the shared library with the next sync"))
    return 0


def cmd_flag(args: argparse.Namespace) -> int:
    kb = open_library(args.library)
    doc_id, _, anchor = args.doc.partition("#")
    doc = kb.versions.document_in_force(doc_id)
    if doc is None:
        raise KbError(f"{doc_id}: no version of it is in force today")
    section = next((s.heading for s in doc.sections if s.anchor == anchor), "")
    if anchor and not section:
        raise KbError(f"{doc_id}: no section '#{anchor}'")
    flag = kb.team.flags.flag(doc.id, doc.version, args.kind, args.comment,
                              _flagger(args, kb), anchor=anchor, section=section)
    print(f"flagged {doc.id}{'#' + anchor if anchor else ''} v{doc.version} as {flag.kind} "
          f"(flag {flag.id})")
    return 0


def cmd_flags(args: argparse.Namespace) -> int:
    kb = open_library(args.library)
    if args.clear:
        if getattr(args, "agent", None):
            raise KbError("--agent does not apply to --clear: a clear carries the name of the "
                          "editor who makes it")
        for flag_id in args.clear:
            kb.team.clear_flag(flag_id)
            print(inline(f"cleared {flag_id}"))
        return 0
    flags = kb.team.open_flags()
    for f in flags:  # records of other workstations: one line each, no control characters
        where = f"{f.doc_id}#{f.anchor}" if f.anchor else f.doc_id
        print("  ".join(inline(part) for part in (
            f.id, f.time[:16].replace("T", " "), f"{where} v{f.version}", f.kind,
            f"{f.agent}@{f.workstation}", f.comment)))
    if not flags:
        print("沒有待處理的標記 / no open flags")
    return 0


def cmd_team(args: argparse.Namespace) -> int:
    kb = open_library(args.library)
    if args.action == "publish":
        commit = kb.team.publish_roster(args.note or "", args.author)
        print(f"published team.yaml ({commit[:10]}); it is in force here now, and for the "
              "team after the next sync")
        return 0
    decision = kb.team.role()
    roster = kb.team.roster()
    who = decision.person.name if decision.person else kb.team.my_name()
    print(inline(f"you: {who} ({decision.account or '?'}), role {decision.role} "
                 f"(from {decision.source})"))
    if roster is None:
        print("this library has no team.yaml: agents are known from their receipts")
        return 0
    for person in roster.people:
        print(inline(f"{person.name}  {', '.join(person.accounts)}  {person.role}  "
                     f"{', '.join(person.groups)}"))
    for problem in roster.problems:
        print(clean(f"problem: {problem}"), file=sys.stderr)
    return 1 if roster.problems else 0


def cmd_workstation_key(args: argparse.Namespace) -> int:
    kb = open_library(args.library)
    if args.enrol:
        commit = kb.team.enrol_editor_workstation(args.author)
        print(clean(f"listed this workstation ({kb.team.workstation}) as an editor's in "
                    f"{EDITORS_FILE} (commit {commit[:10]}); its clearings of flags count "
                    "for every workstation once they have synced"))
        return 0
    if args.forget:
        count = kb.team.forget_workstation(args.forget)
        print(clean(f"forgot {args.forget}: its key and records ({count} kind(s)); they are "
                    "read again, under the key its refs now hold, at the next sync"))
        return 0
    print(clean(kb.team.key_line()))
    print(f"(an editor's workstation is one whose line is in {EDITORS_FILE} of the library)",
          file=sys.stderr)
    return 0


def add_commands(sub: Any, library: argparse.ArgumentParser) -> None:
    """Add init-remote, clone, ack, flag, flags and team to the ``kbdesk`` parser."""
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
        "or folder, or the shared library cannot be reached); 4 nothing was made: the Git "
        "server wants a sign-in (asked on a terminal; else `kbdesk credentials set URL`) or "
        "does not allow it",
    )
    p.add_argument("url", help="a folder or an http(s) git URL")
    p.add_argument("dir", nargs="?", help="where to keep it (default: in your data folder)")
    p.add_argument("--trust", action="append", metavar="FINGERPRINT",
                   help="the fingerprint (SHA256:…) of the key that adopted signing, as your "
                   "editor gave it (a signed library is joined only with it, a preset one, "
                   "or a confirmation at the terminal)")
    p.set_defaults(func=cmd_clone)

    p = sub.add_parser(
        "ack", parents=[library, shared("agent")],
        help="I have read the version in force of a document",
        epilog="--agent NAME: a supervisor records that NAME (an account or name in team.yaml) "
        f"read it on paper; the receipt shows as {PAPER}. Refused for anyone else.")
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
    p.add_argument("--clear", nargs="+", metavar="ID",
                   help="clear these flags (handled; editors only)")
    p.set_defaults(func=cmd_flags)

    p = sub.add_parser(
        "team", parents=[library, shared("author")],
        help="the team's roster (team.yaml): show it and your role, or publish a change",
        epilog="publish: editors only (once the library has a roster); the file is checked "
        "first and must keep your own account as an editor")
    p.add_argument("action", nargs="?", choices=("show", "publish"), default="show")
    p.add_argument("--note", help="change note (publish)")
    p.set_defaults(func=cmd_team)

    p = sub.add_parser("workstation-key", parents=[library, shared("author")],
                       help="this workstation's public key for team records, as the line an "
                       "editor adds to .kbdesk/editor_workstations")
    p.add_argument("--enrol", action="store_true",
                   help="editors: list this workstation's key as an editor's (a commit of the "
                   "library) so that its clearings of flags count everywhere")
    p.add_argument("--forget", metavar="WORKSTATION",
                   help="forget the key pinned for another workstation and its records (it "
                   "was set up again with a new key); they are read again at the next sync")
    p.set_defaults(func=cmd_workstation_key)
