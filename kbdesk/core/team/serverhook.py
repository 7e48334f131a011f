"""``kbdesk server-hook``: the git hook a shared library's server runs on every push.

Installed as ``hooks/pre-receive`` (the lines ``old new ref`` on standard input) or
``hooks/update`` (``REF OLD NEW`` as arguments) of the bare repository, it refuses:

- on the main branch: a deletion, a push that is not a fast-forward, and — once the library
  requires signing (``.kbdesk/allowed_signers``) — any new commit that is unsigned or signed by
  a key its parents' editors' list does not hold (the rules of ``versions.trust``);
- on a workstation's team records (``refs/kbdesk/<kind>/<workstation>``): a push by an account
  that does not own that workstation, a deletion, and a push that is not a fast-forward (the
  records are an append-only chain).

The pusher is the account the web server signed in (``REMOTE_USER``, set by Apache or nginx
with basic auth for ``git http-backend``), else the operating-system account the hook runs
as (``USER``: git over ssh). Which accounts own which workstation is a file in the
repository, ``kbdesk-owners`` (another with ``--owners``): one line per workstation, its name
(as in the ref) and then the accounts that may push its records; ``#`` starts a comment. A
workstation the file does not name is refused, and so is everything when the file is
missing: an administrator adds a line when a workstation joins.

Commits arriving in a push sit in git's quarantine folder until the hook accepts them
(``GIT_OBJECT_DIRECTORY``); they are read from there and from the repository.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from dulwich.object_store import BaseObjectStore, DiskObjectStore, OverlayObjectStore
from dulwich.objects import ObjectID
from dulwich.refs import Ref
from dulwich.repo import Repo

from kbdesk.core.storage import trust

ZERO = b"0" * 40
MAIN = b"refs/heads/main"
TEAM_PREFIX = b"refs/kbdesk/"
OWNERS_FILE = "kbdesk-owners"


@dataclass(frozen=True)
class Update:
    """One ref a push updates."""

    old: bytes
    new: bytes
    ref: bytes


def parse_updates(lines: Iterable[bytes]) -> list[Update]:
    """The ``old new ref`` lines git gives a pre-receive hook (malformed ones raise)."""
    out = []
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 3 or len(parts[0]) != 40 or len(parts[1]) != 40:
            raise ValueError(f"standard input line {number}: expected 'old new ref'")
        out.append(Update(parts[0], parts[1], parts[2]))
    return out


def pusher() -> str:
    """Who pushes: the web server's signed-in account, else the account running the hook."""
    for name in ("REMOTE_USER", "USER", "LOGNAME"):
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return ""


def read_owners(path: Path) -> dict[str, set[str]] | None:
    """``kbdesk-owners``: workstation -> the accounts that may push its records (None when
    the file is missing).

    Raises:
        ValueError: a line with a workstation but no account (naming the file and line).
    """
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return None
    owners: dict[str, set[str]] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) < 2:
            raise ValueError(f"{path}:{number}: expected 'WORKSTATION ACCOUNT…'")
        owners.setdefault(parts[0], set()).update(parts[1:])
    return owners


def object_store(git_dir: Path) -> tuple[Repo, BaseObjectStore]:
    """The repository and a store that sees the pushed objects still in quarantine."""
    repo = Repo(str(git_dir))
    quarantine = os.environ.get("GIT_OBJECT_DIRECTORY")
    if quarantine and Path(quarantine).resolve() != (git_dir / "objects").resolve():
        return repo, OverlayObjectStore([DiskObjectStore(quarantine), repo.object_store])
    return repo, repo.object_store


def _main_branch(repo: Repo) -> bytes:
    try:
        chain, _ = repo.refs.follow(Ref(b"HEAD"))
    except (KeyError, ValueError):
        return MAIN
    return chain[-1] if len(chain) > 1 else MAIN


def check_main(store: BaseObjectStore, update: Update,
               anchors: Iterable[str] | None = None) -> list[str]:
    """Why an update of the main branch is refused (empty: accepted).

    Args:
        anchors: the fingerprints an adoption of signing must be signed with (``--trust``);
            None takes an adoption signed by a key its own list holds.
    """
    if update.new == ZERO:
        return ["the main branch cannot be deleted"]
    if ObjectID(update.new) not in store:
        return [f"{update.new.decode()[:12]} is not in the push"]
    signed_before = False
    if update.old != ZERO:
        if ObjectID(update.old) in store and not trust.is_ancestor(
            store, update.old, update.new
        ):
            return ["not a fast-forward: the main branch only moves forward (sync first)"]
        exclude = [update.old]
        signed_before = trust.requires_signing(store, update.old)
        if not (signed_before or trust.requires_signing(store, update.new)):
            return []
    else:
        exclude = []
        if not trust.requires_signing(store, update.new):
            return []
    verdict = trust.check_commits(store, update.new, exclude, anchors,
                                  allow_roots=not signed_before)
    return verdict.lines()


def check_team_ref(store: BaseObjectStore, update: Update, who: str,
                   owners: dict[str, set[str]] | None) -> list[str]:
    """Why an update of a workstation's team records is refused (empty: accepted)."""
    parts = update.ref.split(b"/")
    if len(parts) != 4 or not parts[3]:
        return ["not a team records ref (refs/kbdesk/<kind>/<workstation>)"]
    station = parts[3].decode("utf-8", "replace")
    if owners is None:
        return [f"this server has no {OWNERS_FILE} file naming who owns each workstation"]
    allowed = owners.get(station)
    if allowed is None:
        return [f"workstation {station!r} is not in {OWNERS_FILE}; the server's administrator "
                f"adds a line '{station} ACCOUNT'"]
    if who not in allowed:
        return [f"{who or 'an unknown account'} may not write the records of workstation "
                f"{station!r}"]
    if update.new == ZERO:
        return ["team records cannot be deleted"]
    if update.old != ZERO and ObjectID(update.old) in store and not trust.is_ancestor(
        store, update.old, update.new
    ):
        return ["team records only grow: this push replaces or rewinds them"]
    return []


def run(stdin: IO[bytes], err: IO[str], *, ref: str | None = None, old: str | None = None,
        new: str | None = None, owners: str | None = None,
        git_dir: Path | None = None, trusted: Iterable[str] = ()) -> int:
    """Check a push; write why to ``err``; return 0 (accept) or 1 (refuse)."""
    folder = Path(git_dir or os.environ.get("GIT_DIR") or ".").resolve()
    try:
        if ref is not None:
            if old is None or new is None:
                raise ValueError("the update hook takes REF OLD NEW")
            updates = [Update(old.encode(), new.encode(), ref.encode())]
        else:
            updates = parse_updates(stdin.read().splitlines())
        owner_map = read_owners(Path(owners) if owners else folder / OWNERS_FILE)
        repo, store = object_store(folder)
    except (ValueError, OSError) as exc:
        err.write(f"kbdesk: push refused: {exc}\n")
        return 1
    who = pusher()
    refused = False
    try:
        main = _main_branch(repo)
        for update in updates:
            if update.ref == main:
                reasons = check_main(store, update, tuple(trusted) or None)
            elif update.ref.startswith(TEAM_PREFIX):
                reasons = check_team_ref(store, update, who, owner_map)
            else:
                reasons = []
            for reason in reasons:
                refused = True
                err.write(f"kbdesk: refused {update.ref.decode('utf-8', 'replace')}: "
                          f"{reason}\n")
    finally:
        repo.close()
    return 1 if refused else 0


#: the name the core's public face gives it (``kbdesk.core``)
run_server_hook = run
