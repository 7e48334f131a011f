"""``kbdesk`` commands for versioned libraries: publish, history, show, diff, rollback, retire,
sync, acks and the stale-review check. A thin client of the ``KnowledgeBase`` facade.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from kbdesk.cli.arguments import iso_day, open_library, shared
from kbdesk.cli.terminal import clean, dump_json, inline
from kbdesk.core import KbError, RemoteUnreachable, ServerDenied, SignInNeeded

if TYPE_CHECKING:
    from kbdesk.core import KnowledgeBase

AUTHOR_ENV = "KBDESK_AUTHOR"
#: exit status of publish, rollback and retire when the new version was committed here but lost
#: a sync conflict on the way to the shared library: its text is kept as a draft
EXIT_LOST_TO_CONFLICT = 4
SUPERSEDED_BANNER = "此版本已被取代，目前版本為 v{current}"
RETIRED_BANNER = "已停用"
PLAIN_BANNER = ("純文字顯示：此頁的 Markdown 過於複雜，閱讀器與 HTML 匯出依原文顯示 / "
                "shown as plain text in the reader and the HTML export: its Markdown would take "
                "too long to render")


def _open(args: argparse.Namespace) -> KnowledgeBase:
    return open_library(args.library)


def _author(args: argparse.Namespace) -> str:
    import getpass

    return args.author or os.environ.get(AUTHOR_ENV) or getpass.getuser()




def _print_result(kb: KnowledgeBase, verb: str, result: Any, author: str | None = None) -> int:
    """Report a publish (and send it on); return the command's exit status."""
    print(f"{verb} {clean(result.path)} v{result.version} ({result.commit[:10]})")
    if result.dropped_effective is not None:
        print(f"note: effective: {result.dropped_effective.isoformat()} is past; a new version "
              "comes into force on the day it is published", file=sys.stderr)
    day = kb.versions.effective_date(result.doc_id, result.version)
    if day > kb.today():
        print(f"in force from {day.isoformat()} (pending until then; agents see the version "
              "in force today)")
    else:
        print(f"in force from {day.isoformat()}")
    for name in result.kept_drafts:
        print(f"note: {clean(result.path)} had edits that were never published; they are kept "
              f"as a draft ({name})", file=sys.stderr)
    if not result.reindexed:
        print("note: the search index will be updated on the next start", file=sys.stderr)
    return _push(kb, author, result.path)


def _push(kb: KnowledgeBase, author: str | None, *paths: str) -> int:
    """Send a new version to the shared library at once, when there is one.

    Publishing is done once it is committed here: a remote that cannot be reached is reported,
    and the version goes with the next sync. Returns ``EXIT_LOST_TO_CONFLICT`` when the version
    lost a conflict with one published elsewhere (its text is then a draft), else 0.
    ``paths`` are the library paths just published.
    """
    sent = kb.sync.send_published(author)
    if sent.remote is None:
        return 0
    if sent.error is not None or sent.result is None:
        print(f"warning: published here but not sent to {sent.remote}: {sent.error}",
              file=sys.stderr)
        return 0
    if sent.result.untrusted:  # the shared library holds a change no editor signed
        print(f"warning: published here but not sent to {sent.remote}: a change that was not "
              "signed by an editor was refused there; " + "; ".join(sent.result.untrusted),
              file=sys.stderr)
        return 0
    print(f"sent to {sent.remote}")
    status = 0
    for conflict in sent.result.conflicts:
        print(f"conflict: {clean(conflict.path)} changed on both sides; their text is now in "
              "the library, yours is kept as a draft", file=sys.stderr)
        if conflict.path in paths:
            status = EXIT_LOST_TO_CONFLICT
    return status


def cmd_publish(args: argparse.Namespace) -> int:
    kb = open_library(args.library, publishing=args.path)
    author = _author(args)
    result = kb.publishing.publish_file(args.path, args.note, author, effective=args.effective)
    return _print_result(kb, "published", result, author)


def cmd_rollback(args: argparse.Namespace) -> int:
    kb = _open(args)
    author = _author(args)
    result = kb.publishing.rollback(args.doc, args.version, args.note, author)
    return _print_result(kb, f"restored v{args.version} as", result, author)


def cmd_retire(args: argparse.Namespace) -> int:
    kb = _open(args)
    author = _author(args)
    return _print_result(kb, "retired", kb.publishing.retire(args.doc, args.note, author), author)


def cmd_history(args: argparse.Namespace) -> int:
    from kbdesk.core import Status


    kb = _open(args)
    versions = kb.versions.history(args.doc)
    if args.json:
        dump_json([v.to_json() for v in versions])
        return 0
    if not versions:
        print("沒有版本紀錄 / no history (the library is not a git repository yet)")
        return 0
    for v in versions:
        flags = []
        if v.effective:
            flags.append(f"生效 {v.effective}")
        if v.status == Status.RETIRED:
            flags.append(RETIRED_BANNER)
        if v.superseded:
            flags.append("同步衝突中被取代 / lost a sync conflict")
        extra = f"  [{'; '.join(flags)}]" if flags else ""
        version = f"v{v.version}" if v.version is not None else "v?"
        print(clean(f"{version:>5}  {v.date[:16].replace('T', ' ')}  {v.author}  {v.note}{extra}"))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from kbdesk.core import Status, renders_as_markdown


    kb = _open(args)
    current = kb.versions.document_in_force(args.doc)
    if args.version is not None:
        text = kb.team.shown_text(kb.versions.text_at(args.doc, args.version), args.doc)
        if current is not None and current.version != args.version:
            print(SUPERSEDED_BANNER.format(current=current.version), file=sys.stderr)
        sys.stdout.write(clean(text if text.endswith("\n") else text + "\n"))
        return 0
    doc = kb.versions.document_in_force(args.doc, args.as_of)
    if doc is None:
        day = args.as_of or kb.today()
        print(f"kbdesk: {args.doc} was not in force on {day.isoformat()}", file=sys.stderr)
        return 1
    if doc.status is Status.RETIRED:
        print(RETIRED_BANNER, file=sys.stderr)
    if args.as_of is None:
        for pending in kb.versions.pending_versions():
            if pending.doc_id == doc.id:
                print(
                    f"v{pending.version} 待生效 / pending until {pending.effective}",
                    file=sys.stderr,
                )
    if not renders_as_markdown(doc.body):
        print(PLAIN_BANNER, file=sys.stderr)
    # the editors' keywords: shown to editors only (the core's role rule decides)
    text = kb.team.shown_text(kb.versions.text_of(args.doc, doc.version), doc.path)
    sys.stdout.write(clean(text if text.endswith("\n") else text + "\n"))
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    kb = _open(args)
    diff = kb.versions.diff(args.doc, args.old, args.new)
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.write(diff.unified(color=color))
    return 0


def _is_editor() -> bool:
    """Whether this person edits: the editor role, or an editor key of their own."""
    from kbdesk.core import Settings, load_editor_key

    if Settings.load().get("role") == "editor":
        return True
    try:
        return load_editor_key() is not None
    except KbError:
        return True  # a damaged key file is an editor's


def cmd_sync(args: argparse.Namespace) -> int:
    from kbdesk.cli.signin import sign_in_on_terminal
    from kbdesk.core import credentials

    kb = _open(args)
    try:
        try:
            result = kb.sync.sync(args.remote, _author(args))
        except SignInNeeded as exc:  # on a terminal: ask once, then try again
            if not sign_in_on_terminal(exc.url):
                raise
            remote = credentials.split_url(args.remote)[0] if args.remote else None
            result = kb.sync.sync(remote, _author(args))
    except RemoteUnreachable as exc:
        print(f"kbdesk: offline: {exc}", file=sys.stderr)
        return 3
    except (SignInNeeded, ServerDenied) as exc:
        print(clean(f"kbdesk: {exc}"), file=sys.stderr)
        return 4
    print(
        f"sync: {result.status}; {len(result.pulled_paths)} file(s) updated"
        + ("; pushed" if result.pushed and result.status != "pushed" else "")
        + f"; last synced {result.last_synced}"
    )
    if result.untrusted:
        print("一項未經編輯簽署的變更被拒絕 / a change that was not signed by an editor was "
              "refused; the last trusted version stays in force")
        if _is_editor():  # an agent sees the sentence above; an editor which commit and file
            for line in result.untrusted:
                print(clean(f"refused: {line}"))
    for draft in result.kept_drafts:
        print(f"kept an unpublished edit of {clean(draft)} as a draft")
    for refused in result.refused:
        print(f"conflict: not written here: {clean(refused)}")
    for problem in kb.team.problems():
        print(clean(f"warning: team records: {problem}"))
    for conflict in result.conflicts:
        if conflict.mine is None:
            continue  # a refused path, reported above
        print(
            f"conflict: {clean(conflict.path)} changed here and on the remote; their text is "
            f"now in the library, yours is kept as a draft of {clean(conflict.doc_id)}"
        )
    return 1 if result.conflicts or result.refused or result.untrusted else 0


def cmd_acks(args: argparse.Namespace) -> int:
    from kbdesk.core import PAPER

    kb = _open(args)
    if args.missing:
        return _acks_missing(kb, args.missing)
    if args.csv:  # every workstation's receipts known after the last sync
        sys.stdout.write(kb.team.acks_csv())
        return 0
    _team_warnings(kb)
    receipts = kb.team.receipts_all()
    names = kb.team.shown_names(receipts)
    for r, name in zip(receipts, names, strict=True):  # peers' records: one line, no controls
        how = f"  {PAPER} ({r.account})" if r.paper else ""
        print(inline(f"{r.time}  {name}@{r.workstation}  {r.doc_id} v{r.version}  "
                     f"{r.title}{how}" + ("" if r.signed else "  未簽署/unsigned")))
    if not receipts:
        print("沒有已讀紀錄 / no read receipts")
    return 0


def _team_warnings(kb: KnowledgeBase) -> None:
    """One line on stderr per problem with other workstations' records (forged, refused,
    past their bound), so a supervisor knows what the figures leave out."""
    for problem in kb.team.problems():
        print(clean(f"warning: team records: {problem}"), file=sys.stderr)


def _acks_missing(kb: KnowledgeBase, doc_id: str) -> int:
    """The agents the team knows who have not read the version in force of ``doc_id``."""
    doc = kb.versions.document_in_force(doc_id)
    if doc is None:
        print(f"kbdesk: {doc_id} has no version in force today", file=sys.stderr)
        return 2
    _team_warnings(kb)
    if not doc.ack_required:
        print(f"note: {doc.id} does not ask for read receipts (no ack_required): everyone is "
              "listed", file=sys.stderr)
    status = kb.team.ack_status(doc)
    for m in status.missing:
        parts = [m.name]
        if m.account:
            parts.append(f"({m.account})")
        if m.groups:
            parts.append(f"[{', '.join(m.groups)}]")
        if m.due is not None and m.overdue:
            parts.append(f"逾期 {m.overdue} 天 / {m.overdue} day(s) overdue "
                         f"(due {m.due.isoformat()})")
        elif m.due is not None:
            parts.append(f"due {m.due.isoformat()}")
        print(inline("  ".join(parts)))
    total = len(status.read) + len(status.not_read)
    who = ("people in team.yaml who must read it" if status.roster
           else "agents known after the last sync")
    print(f"{doc.id} v{doc.version}: {len(status.read)} read, {len(status.not_read)} not read "
          f"(of {total} {who})", file=sys.stderr)
    return 0


def cmd_check_stale(args: argparse.Namespace) -> int:
    """``kbdesk check --stale``: documents past their review date (exit 1 when any)."""
    kb = _open(args)
    stale = kb.versions.stale_documents()
    for doc in stale:
        print(clean(
            f"{doc.path}: review was due on {doc.review_by} ({doc.title}, owner {doc.owner or '-'})"
        ))
    if stale:
        print(f"{len(stale)} document(s) past review", file=sys.stderr)
        return 1
    print("ok: no document is past its review date")
    return 0


def add_commands(sub: Any, library: argparse.ArgumentParser) -> None:
    """Add the versioning commands to the ``kbdesk`` parser's subcommands."""
    author = shared("author")

    p = sub.add_parser(
        "publish", parents=[library, author], help="publish a document",
        epilog=f"exit status: 0 published; 2 refused (nothing changed); "
        f"{EXIT_LOST_TO_CONFLICT} published here but lost a conflict with the shared library "
        "(your text is kept as a draft)",
    )
    p.add_argument("path", help="the document file (in the library, or outside with an id)")
    p.add_argument("--note", required=True, help="change note: what changed and why")
    p.add_argument("--effective", type=iso_day, metavar="DATE",
                   help="the day it comes into force, YYYY-MM-DD (default: the document's "
                   "'effective' field, else today)")
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("history", parents=[library], help="versions of a document")
    p.add_argument("doc", help="document id or path")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("show", parents=[library], help="print a document as in force")
    p.add_argument("doc", help="document id or path")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--version", type=int, help="print this version")
    group.add_argument("--as-of", type=iso_day, metavar="DATE", help="as in force on YYYY-MM-DD")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("diff", parents=[library], help="compare two versions of a document")
    p.add_argument("doc", help="document id or path")
    p.add_argument("old", type=int, metavar="V1")
    p.add_argument("new", type=int, metavar="V2")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser(
        "rollback", parents=[library, author], help="publish an old version again as a new version"
    )
    p.add_argument("doc", help="document id or path")
    p.add_argument("version", type=int)
    p.add_argument("--note", required=True, help="why")
    p.set_defaults(func=cmd_rollback)

    p = sub.add_parser("retire", parents=[library, author], help="retire a document")
    p.add_argument("doc", help="document id or path")
    p.add_argument("--note", required=True, help="why")
    p.set_defaults(func=cmd_retire)

    p = sub.add_parser(
        "sync", parents=[library, author], help="pull from and push to the remote",
        epilog="An http(s) remote typed with user:password@ is kept without them; the sign-in "
        "is kept as `kbdesk credentials set` keeps it. When the server asks for a sign-in, "
        "sync asks for it on a terminal, else says how to give it. exit status: 0 synced; "
        "1 synced with conflicts; 2 error; 3 offline (working on the last synced state); "
        "4 the server wants a sign-in (HTTP 401) or does not allow it (HTTP 403)")
    p.add_argument("--remote", metavar="URL", help="set the remote (a bare repository or URL)")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("acks", parents=[library],
                       help="read receipts of every workstation (known after the last sync)")
    p.add_argument("--csv", action="store_true",
                   help="print CSV for a supervisor: doc_id, version, agent, workstation, time")
    p.add_argument("--missing", metavar="DOC",
                   help="the agents who have not read the version in force of DOC")
    p.set_defaults(func=cmd_acks)
