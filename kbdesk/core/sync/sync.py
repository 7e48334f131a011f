"""Syncing a library with a remote git repository (a bare repository on a share, or http(s)).

``sync`` fetches, integrates and pushes. Integration is a fast-forward when only the remote
moved; when both sides moved, a merge commit is built with dulwich by combining the two trees
path by path. When the same file changed on both sides nothing is lost: the local text is kept
as a draft, the remote text goes into the working tree, and a ``Conflict`` with the base,
theirs and mine texts is returned for a three-way view; the editor resolves and publishes. A
working file edited without publishing is also kept as a draft before it is overwritten. An
unreachable remote raises ``RemoteUnreachable``; the library keeps working on its last state.

What the remote brings passes the checks of ``incoming`` first (a size bound read from object
headers, no links, submodules or case twins written, dangerous names refused), and ``clone`` is
a sync into an empty folder, so both take a remote by the same rules. A push that loses the race
for the shared branch to another workstation is pulled (merged) and tried again.
"""

from __future__ import annotations

import io
import json
import logging
import random
import re
import stat
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dulwich.client import HTTPUnauthorized, StrangeHostname, get_transport_and_path
from dulwich.diff_tree import tree_changes
from dulwich.errors import GitProtocolError, NotGitRepository, SendPackError
from dulwich.file import FileLocked
from dulwich.graph import can_fast_forward, find_merge_base
from dulwich.object_store import commit_tree_changes, iter_tree_contents
from dulwich.objects import Blob, ObjectID
from dulwich.refs import Ref
from dulwich.repo import Repo

from kbdesk.core.clock import Clock
from kbdesk.core.errors import (
    CredentialsError,
    RemoteRefused,
    RemoteUnreachable,
    ServerDenied,
    SignInNeeded,
    SyncError,
    UnrelatedHistories,
    UnsafePath,
)
from kbdesk.core.library.frontmatter import document_id, front_fields
from kbdesk.core.library.safepaths import check_name, check_on_disk, is_inside
from kbdesk.core.storage import trust
from kbdesk.core.storage.drafts import Draft, DraftStore
from kbdesk.core.storage.history import SUPERSEDED_TRAILER
from kbdesk.core.storage.keys import signing_key_for
from kbdesk.core.storage.repo import FILE_MODE, LibraryRepo, oid
from kbdesk.core.sync import incoming
from kbdesk.core.workflow.versioning import Versioning
from kbdesk.core.workstation import credentials, paths
from kbdesk.core.workstation.liblock import library_lock
from kbdesk.core.workstation.storage import atomic_write_text, library_key

log = logging.getLogger(__name__)

#: how many times a push that lost a race for the shared branch is pulled and tried again
PUSH_ATTEMPTS = 6

_TRANSPORT_ERRORS = (OSError, GitProtocolError, NotGitRepository, HTTPUnauthorized, ValueError)


class HookDeclined(SendPackError):
    """The server's hook refused the update: trying again would not change its mind."""


def _porcelain() -> Any:
    """dulwich's porcelain, imported on first use (it is slow to import; most runs never sync)."""
    from dulwich import porcelain

    return porcelain


def unrelated_message(url: str) -> str:
    """What to do when a library and a remote have unrelated histories."""
    return (
        f"{url} holds a different library (its history shares nothing with this one); "
        "nothing was changed on either side. To work on the shared library, join it with "
        f"`kbdesk clone {url}`; to share this library, make a new shared library with "
        "`kbdesk init-remote PATH`"
    )


@dataclass(frozen=True)
class Conflict:
    """A file changed on both sides. Theirs is now in the library; mine is kept as a draft."""

    doc_id: str
    path: str
    base: str | None
    theirs: str | None
    mine: str | None
    #: the name of the draft holding mine ("" when there is none)
    draft: str = ""


@dataclass
class SyncResult:
    """What one sync did. ``status``: up-to-date, pushed, pulled or merged."""

    status: str
    pulled_paths: list[str] = field(default_factory=list)
    pushed: bool = False
    conflicts: list[Conflict] = field(default_factory=list)
    kept_drafts: list[str] = field(default_factory=list)
    last_synced: str = ""
    #: files from the remote that were not written here, and why (unsafe name, symlink...)
    refused: list[str] = field(default_factory=list)
    #: the remote's changes were not taken: not signed by an editor, or the branch was moved
    #: back or replaced (status "untrusted"); each line names the commit, why, and its files
    untrusted: list[str] = field(default_factory=list)


def _state_file(root: Path) -> Path:
    return paths.data_dir() / "sync" / f"{library_key(root)}.json"


def sync_state(root: Path) -> dict[str, str]:
    """The stored sync state of a library: ``last_synced``, ``last_status``, ``last_error``."""
    try:
        data = json.loads(_state_file(root).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _save_state(root: Path, **values: str) -> dict[str, str]:
    state = sync_state(root)
    state.update(values)
    atomic_write_text(_state_file(root), json.dumps(state, ensure_ascii=False))
    return state


def _undo_clone(target: Path, made: bool) -> None:
    """Undo a failed clone into ``target``: it was missing (``made``) or empty before."""
    import shutil

    if made:
        shutil.rmtree(target, ignore_errors=True)
        return
    for child in list(target.iterdir()) if target.is_dir() else []:
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def clone_library(url: str, target: Path, trusted: tuple[str, ...] = (), *, clock: Clock
                  ) -> Path:
    """Make ``target`` (missing or empty) a working copy of the library at ``url``.

    The clone is a sync into an empty library: the same checks of what the remote brings
    (``incoming``) and the same checkout. A remote tree holding a dangerous name (``..``,
    ``.git``, an absolute path…) is refused as a whole. Files that are not written here
    (links, submodules, case twins) are listed in the sync state's ``refused``. ``clock``
    stamps the sync (a new library has none of its own yet: the client's choice).

    Raises:
        RemoteUnreachable: the remote cannot be reached.
        RemoteRefused: the remote holds what kbdesk does not take (named), or a change not
            signed by its editors (see ``trust``).
        UntrustedLibrary: the library is signed and no fingerprint of its editors is trusted
            here yet (``trusted``, the site settings).
        SyncError: ``target`` is a file, or a folder that is not empty.
        (``target`` is left as it was in every case.)
    """
    target = Path(target).expanduser()
    incoming.check_url(url)
    if target.exists() and not target.is_dir():
        raise SyncError(f"{target}: is a file, not a folder; choose a new folder to clone into")
    if target.is_dir() and any(target.iterdir()):
        raise SyncError(f"{target}: folder is not empty; sync it instead of cloning")
    made = not target.exists()
    try:
        target.mkdir(parents=True, exist_ok=True)
        Repo.init(str(target)).close()
    except OSError as exc:
        _undo_clone(target, made)
        raise SyncError(f"{target}: cannot create the library folder: {exc}") from exc
    versioning = Versioning(target, clock=clock)
    try:
        syncer = Syncer(versioning, DraftStore(target, clock), trusted=trusted)
        result = syncer.sync(url, push=False, joining=True)
        if result.untrusted:
            raise RemoteRefused(
                f"{url}: {trust.AGENT_MESSAGE}; nothing was joined: "
                + "; ".join(result.untrusted)
            )
    except BaseException:
        versioning.close()
        _undo_clone(target, made)
        raise
    versioning.close()
    _save_state(target, last_status="cloned", refused="\n".join(result.refused))
    return target


def _fetch_branches(root: Path, url: str, auth: credentials.TransportAuth | None = None
                    ) -> bool:
    """Fetch the remote's branches (only: not its other refs, whose files nobody sized) and
    point ``refs/remotes/origin/*`` at them; False when a branch moved while fetching.

    dulwich reads a folder's refs again after copying its objects, so a push landing in between
    names a commit not copied: that ref is left as it was, and the caller fetches again.
    """
    heads = b"refs/heads/"
    # the network work uses its own handle on the repository (dulwich's pack files are not
    # thread-safe), so history and search keep reading while a slow remote answers
    with Repo(str(root)) as net:
        client, path = get_transport_and_path(url, config=net.get_config_stack(), quiet=True,
                                              **(auth or {}))

        def wants(refs: Any, depth: Any = None) -> list[Any]:
            return [sha for name, sha in refs.items()
                    if name.startswith(heads) and sha and sha not in net.object_store]

        fetched = client.fetch(path, net, determine_wants=wants)
        complete = True
        for name, sha in (fetched.refs or {}).items():
            if not name.startswith(heads) or not sha:
                continue
            if sha not in net.object_store:
                complete = False
                continue
            net.refs[Ref(b"refs/remotes/origin/" + name[len(heads):])] = sha
        return complete


#: the lines dulwich itself writes while pushing, and progress counters (the rest came from the
#: server, e.g. a hook's reason for refusing)
_DULWICH_PUSH_LINE = re.compile(
    r"^(counting objects|compressing objects|found \d+ deltas|total \d+|push to .* successful"
    r"|push of ref .* failed|ref .* updated"
    r"|[\w ]+:\s+\d+%|[\w ]+:\s+\d+/\d+|[\w ]+:\s+\d+(, done)?\.?$)", re.IGNORECASE)


def _server_said(errors: bytes, limit: int = 500) -> str:
    """What the server printed during a push (a hook's reason for refusing), one line, bounded;
    without control characters and user info."""
    lines = [line.strip() for line in errors.decode("utf-8", "replace").splitlines()]
    kept = [line for line in lines if line and not _DULWICH_PUSH_LINE.match(line)]
    text = " / ".join(kept)
    text = "".join(ch for ch in text if ch.isprintable())
    return credentials.redact(text[:limit])


def _doc_id(path: str, text: str | None) -> str:
    if text is not None and path.endswith(".md"):
        return document_id(path, text)
    return path


class Syncer:
    """Pull and push one library.

    Args:
        versioning: the library's versions (its lock serialises sync with publishing).
        drafts: where local text that cannot stay in the library is kept.
        author: the committer of merge commits.
    """

    def __init__(
        self, versioning: Versioning, drafts: DraftStore, author: str | None = None,
        trusted: tuple[str, ...] = (),
    ) -> None:
        self.versioning = versioning
        self.drafts = drafts
        self.author = author
        #: a sign-in typed into the URL of this sync (kept once the sync succeeded)
        self._typed: credentials.Credential | None = None
        #: the sign-in of each URL, looked up once per sync (a keyring may be slow to ask)
        self._auths: dict[str, credentials.TransportAuth] = {}
        #: editors' fingerprints a person confirmed (joining a signed library)
        self.trusted = trusted

    @property
    def repo(self) -> LibraryRepo:
        repo = self.versioning.repo(create=True, author=self.author)
        assert repo is not None
        return repo

    def sync(
        self, remote_url: str | None = None, *, push: bool = True, joining: bool = False
    ) -> SyncResult:
        """Fetch, integrate and (with ``push``) push; store the time of a successful sync.

        Args:
            joining: the library is a new, empty clone: follow the branch the remote keeps
                and refuse the whole remote when its tree holds a dangerous name.

        Raises:
            RemoteUnreachable: the remote cannot be reached (nothing local changed).
            RemoteRefused: the remote holds what kbdesk does not take (nothing changed).
            SyncError: no remote is configured, or the remote refused the update.
        """
        repo = self.repo
        previous_url = self._clean_kept_url(repo)
        if remote_url:
            # a URL typed with user:password@ is kept without them; the sign-in is stored
            # once the sync succeeded
            remote_url, self._typed = credentials.split_url(remote_url)
            incoming.check_url(remote_url)
        if remote_url and remote_url != previous_url:
            # tried first; it stays the library's remote only once a sync with it succeeded
            with self.versioning.lock:
                repo.set_remote_url(remote_url)
            try:
                return self._sync(repo, remote_url, push, joining)
            except BaseException:
                with self.versioning.lock:
                    repo.set_remote_url(previous_url)
                raise
        if not previous_url:
            raise SyncError("no remote configured: run 'kbdesk sync --remote URL' once")
        incoming.check_url(previous_url)
        return self._sync(repo, previous_url, push, joining)

    def _clean_kept_url(self, repo: LibraryRepo) -> str | None:
        """The library's remote URL; one kept with a password (before kbdesk split them) is
        rewritten without it and its sign-in stored."""
        kept = repo.remote_url()
        if not kept:
            return kept
        clean, typed = credentials.split_url(kept)
        if typed is None or clean == kept:
            return kept
        if typed.password:
            try:
                credentials.store(clean, typed.username, typed.password)
            except CredentialsError as exc:
                log.warning("the password kept in the remote URL was dropped: %s", exc)
        with self.versioning.lock:
            repo.set_remote_url(clean)
        log.info("the remote URL no longer holds a sign-in: %s", clean)
        return clean

    def _auth(self, url: str) -> credentials.TransportAuth:
        """dulwich's ``username``/``password`` for ``url`` (the typed sign-in, else a kept one)."""
        if url not in self._auths:
            self._auths[url] = credentials.transport_auth(url, self._typed)
        return self._auths[url]

    def _keep_typed(self, url: str) -> None:
        typed, self._typed = self._typed, None
        if typed is None or not typed.password or not credentials.is_http(url):
            return
        try:
            credentials.store(url, typed.username, typed.password)
        except CredentialsError as exc:
            log.warning("the sign-in typed in the URL was not kept: %s", exc)

    def _refused_by_server(self, root: Path, url: str, kind: str, exc: BaseException
                           ) -> SyncError:
        """The error (and sync state) for a server that wants a sign-in or says no."""
        typed = self._typed
        used = typed if typed is not None and typed.password else credentials.lookup(url)
        user = used.username if used is not None else ""
        reason = credentials.redact(f"{type(exc).__name__}: {exc}".strip().rstrip(":"))
        _save_state(root, last_status=kind, last_error=reason)
        if kind == credentials.NOT_ALLOWED:
            who = f"the user {user!r}" if user else "this workstation (no sign-in)"
            return ServerDenied(
                f"the Git server {url} does not allow {who} to do this (HTTP 403); ask its "
                "administrator for access. Your versions are kept here", url)
        if user:
            return SignInNeeded(
                f"sign-in needed: the Git server {url} did not accept the user name and "
                f"password of {user!r}; sign in again (`kbdesk credentials set {url}`). "
                "Nothing was changed", url)
        return SignInNeeded(
            f"sign-in needed: the Git server {url} asks for a user name and password; sign in "
            f"(`kbdesk credentials set {url}`) and sync again. Nothing was changed", url)

    def _sync(self, repo: LibraryRepo, url: str, push: bool, joining: bool) -> SyncResult:
        diverged = _porcelain().DivergedBranches
        root = self.versioning.root
        try:
            result = self._pull(repo, url, joining)
            if push and not result.untrusted:
                self._push_racing(repo, url, result)
        except RemoteRefused as exc:
            _save_state(root, last_status="refused", last_error=credentials.redact(str(exc)))
            raise
        except StrangeHostname as exc:  # a form check_url did not read: dulwich refused it
            _save_state(root, last_status="refused", last_error=credentials.redact(str(exc)))
            raise RemoteRefused(
                f"{url!r}: the host name {exc.args[0]!r} looks like an option; nothing was run"
            ) from exc
        except (SendPackError, diverged) as exc:  # reached, but it refused the update
            reason = credentials.redact(f"{type(exc).__name__}: {exc}".strip().rstrip(":"))
            _save_state(root, last_status="refused", last_error=reason)
            raise SyncError(
                f"the remote {url} refused the update ({reason}); your versions are kept "
                "here and will be sent on the next sync"
            ) from exc
        except _TRANSPORT_ERRORS as exc:
            kind = credentials.refusal(exc)
            if kind is not None:  # the server answered: "who are you?" or "no"
                raise self._refused_by_server(root, url, kind, exc) from exc
            state = sync_state(root)
            reason = credentials.redact(f"{type(exc).__name__}: {exc}".strip().rstrip(":"))
            _save_state(root, last_status="offline", last_error=reason)
            since = state.get("last_synced") or "never"
            raise RemoteUnreachable(
                f"cannot reach the remote {url} ({reason}); working on the last synced "
                f"state (last synced: {since})"
            ) from exc
        self._keep_typed(url)
        now = self.versioning.clock.now().isoformat(timespec="seconds")  # the library's
        error = "; ".join(result.untrusted)
        _save_state(root, last_synced=now, last_status=result.status, last_error=error)
        result.last_synced = now
        return result

    # -- pull ---------------------------------------------------------------------------------

    def _push_racing(self, repo: LibraryRepo, url: str, result: SyncResult) -> None:
        """Push; when another workstation's push won the race for the branch, pull (merging,
        nothing lost) and push again, a few times, waiting a little longer each time."""
        diverged = _porcelain().DivergedBranches
        for attempt in range(PUSH_ATTEMPTS):
            try:
                self._push(repo, result)
                return
            except HookDeclined:
                raise
            except (diverged, SendPackError, KeyError, FileLocked) as exc:
                # DivergedBranches/SendPackError: the branch moved; KeyError/FileLocked: a
                # push to the same folder was half-way through while this one read it
                if attempt == PUSH_ATTEMPTS - 1:
                    if isinstance(exc, (KeyError, FileLocked)):
                        raise SendPackError(f"the shared library was busy: {exc!r}") from exc
                    raise
                log.info("the shared library moved during the push (%r); pulling again", exc)
                time.sleep(random.uniform(0.05, 0.2) * (attempt + 1))
            again = self._pull(repo, url)
            if again.untrusted:  # what won the race is not signed by an editor: stop here
                result.status, result.untrusted = again.status, again.untrusted
                return
            if again.status != "up-to-date":
                result.status = again.status
            result.pulled_paths += again.pulled_paths
            result.conflicts += again.conflicts
            result.kept_drafts += again.kept_drafts
            result.refused += again.refused

    def _pull(self, repo: LibraryRepo, url: str, joining: bool = False) -> SyncResult:
        self._fetch(repo, url)
        # publishing (here and in other processes) waits only for the integration
        with library_lock(repo.root, "sync"), self.versioning.lock, repo.writing():
            repo.clear_stale_locks()
            if joining:
                incoming.follow_remote_branch(repo)
                incoming.refuse_dangerous_names(repo, url)
            return self._integrate(repo, url)

    def _fetch(self, repo: LibraryRepo, url: str) -> None:
        """Fetch, with every new file sized first: before anything is copied from a remote
        folder, and before anything is read from the repository otherwise."""
        store = repo.repo.object_store
        folder = incoming.local_folder(url)
        if folder is not None and (folder / "objects").is_dir():
            with Repo(str(folder)) as remote:
                tips = list(remote.refs.as_dict(Ref(b"refs/heads")).values())
                incoming.oversized(remote.object_store, tips, lambda sha: sha in store)
        # the network work uses its own handle on the repository (dulwich's pack files are not
        # thread-safe), so history and search keep reading while a slow remote answers
        for _attempt in range(PUSH_ATTEMPTS):
            if _fetch_branches(repo.root, url, self._auth(url)):
                break
            log.info("the shared library moved while fetching; fetching again")
        else:
            raise RemoteUnreachable(f"{url} kept changing while fetching; try again")
        if folder is None:
            with repo.lock:
                incoming.size_fetched(repo)

    def _integrate(self, repo: LibraryRepo, url: str) -> SyncResult:
        branch = repo.branch
        remote_ref = Ref(b"refs/remotes/origin/" + branch[len(b"refs/heads/") :])
        theirs = repo.repo.refs[remote_ref] if remote_ref in repo.repo.refs else None
        mine = repo.head()
        if theirs is None or (mine is not None and theirs.decode() == mine):
            return SyncResult("up-to-date")
        theirs_id = theirs.decode("ascii")
        # a signed library takes only what its editors signed, and only forward (see trust)
        verdict = trust.gate(repo, mine, theirs, self.trusted)
        if not verdict.trusted:
            log.warning("refused the remote's %s: %s", theirs_id[:12], "; ".join(verdict.lines()))
            return SyncResult("untrusted", untrusted=verdict.lines())
        trust.remember_remote(repo, theirs)
        if mine is not None and can_fast_forward(repo.repo, theirs, oid(mine)):
            return SyncResult("up-to-date")
        if mine is not None and not find_merge_base(repo.repo, [oid(mine), theirs]):
            raise UnrelatedHistories(unrelated_message(url))
        if mine is None or can_fast_forward(repo.repo, oid(mine), theirs):
            result = SyncResult("pulled")
            result.pulled_paths = self._checkout(repo, mine, repo.tree_of(theirs_id), result)
            if not repo.repo.refs.set_if_equals(branch, oid(mine) if mine else None, theirs):
                raise SyncError("the library changed during sync; try again")
            repo.refresh_index(result.pulled_paths)
            return result
        return self._merge(repo, mine, theirs_id, url)

    def _checkout(
        self, repo: LibraryRepo, old: str | None, new_tree: ObjectID, result: SyncResult
    ) -> list[str]:
        """Update the working files from commit ``old`` to a tree; keep edited ones as drafts.

        Only plain files are written (see ``incoming``): links, submodules, dangerous names and
        case twins are reported in ``result.refused`` and stay in the history only. Removals
        come first, so a file renamed in letter case only is written after the old name went.
        """
        store = repo.repo.object_store
        old_tree = repo.tree_of(old) if old else None
        twins = incoming.case_twins(
            (
                entry.path.decode("utf-8", "replace")
                for entry in iter_tree_contents(store, new_tree)
                if entry.path is not None and entry.mode is not None
                and stat.S_ISREG(entry.mode)
            ),
            keep=repo.blob_ids(old).keys() if old else (),
        )
        changes = sorted(
            tree_changes(store, old_tree, new_tree),
            key=lambda c: c.new is not None and c.new.path is not None,
        )
        changed: list[str] = []
        for change in changes:
            new = change.new if change.new is not None and change.new.path else None
            entry = new or change.old
            if entry is None or entry.path is None or entry.mode is None:
                continue
            path = entry.path.decode("utf-8", "replace")
            if new is None and not stat.S_ISREG(entry.mode):
                continue  # a link or submodule that was never made here goes away
            data = None
            try:
                if new is not None:
                    assert new.mode is not None and new.sha is not None
                    problem = incoming.refusal(path, new.mode, twins)
                    if problem is None and (twin := incoming.disk_twin(repo.root, path)):
                        problem = f"differs only in letter case from {twin} here"
                    if problem is not None:
                        raise UnsafePath(path, problem)
                    check_name(path)
                    blob = store[new.sha]
                    assert isinstance(blob, Blob)
                    data = blob.data
                check_on_disk(repo.root, path, writing_file=data is not None)
            except UnsafePath as exc:
                self._refuse(path, data, exc, result)
                continue
            self._keep_unpublished(repo, old, path, data, result)
            repo.write_working_file(path, data)
            changed.append(path)
        return changed

    @staticmethod
    def _refuse(path: str, data: bytes | None, exc: UnsafePath, result: SyncResult) -> None:
        """Report a remote file that is not written here (nothing is written through it)."""
        log.warning("not written from the remote: %s", exc)
        result.refused.append(str(exc))
        if "folder here" in exc.reason and data is not None:
            text = data.decode("utf-8", "replace")
            result.conflicts.append(Conflict(_doc_id(path, text), path, None, text, None))

    def _keep_unpublished(
        self,
        repo: LibraryRepo,
        old: str | None,
        path: str,
        incoming: bytes | None,
        result: SyncResult,
    ) -> None:
        full = repo.root / path
        if not is_inside(repo.root, path) or not full.is_file():
            return
        current = full.read_bytes()
        if current in (repo.read(old, path), incoming):
            return
        text = current.decode("utf-8", "replace")
        doc_id = _doc_id(path, text)
        if any(d.text == text for d in self.drafts.drafts_of(doc_id)):
            return
        self.drafts.save(Draft(doc_id, path, text, base_commit=old, origin="working-file"))
        result.kept_drafts.append(doc_id)
        log.warning("%s was edited but not published; kept as a draft", path)

    def _merge(self, repo: LibraryRepo, mine: str, theirs: str, url: str) -> SyncResult:
        store = repo.repo.object_store
        # a signed library's merge commit is signed too: refused here, before any file is
        # written, when this workstation cannot sign it
        signing_key_for(store, [oid(mine), oid(theirs)])
        bases = find_merge_base(repo.repo, [oid(mine), oid(theirs)])
        base = bases[0].decode("ascii") if bases else None
        base_tree = repo.tree_of(base) if base else None

        def changes(tip: str) -> dict[str, ObjectID | None]:
            out: dict[str, ObjectID | None] = {}
            for change in tree_changes(store, base_tree, repo.tree_of(tip)):
                if change.new is not None and change.new.path is not None:
                    out[change.new.path.decode("utf-8")] = change.new.sha
                if (
                    change.old is not None
                    and change.old.path is not None
                    and (change.new is None or change.new.path != change.old.path)
                ):
                    out.setdefault(change.old.path.decode("utf-8"), None)
            return out

        ours, theirs_changes = changes(mine), changes(theirs)
        result = SyncResult("merged")
        tree_edits: list[tuple[bytes, int | None, ObjectID | None]] = []
        superseded: list[str] = []
        for path, sha in sorted(ours.items()):
            if path not in theirs_changes:
                tree_edits.append((path.encode("utf-8"), FILE_MODE if sha else None, sha))
            elif theirs_changes[path] != sha:
                if sha is not None and self._had(repo, theirs, path, sha):
                    continue  # mine is an older version of theirs (unrelated histories)
                if theirs_changes[path] is not None and self._had(
                    repo, mine, path, theirs_changes[path]
                ):
                    tree_edits.append((path.encode("utf-8"), FILE_MODE if sha else None, sha))
                    continue
                result.conflicts.append(self._conflict(repo, path, base, mine, theirs))
                superseded += self._last_commits(repo, path, mine, base)
        merged_tree = commit_tree_changes(store, repo.tree_of(theirs), tree_edits)
        message = (
            f"同步：合併 {url} 的更新 / Sync: merge changes from {url}\n\n"
            f"Kbdesk-Action: sync-merge\n"
        )
        if superseded:
            message += f"{SUPERSEDED_TRAILER}: {' '.join(superseded)}\n"
        # working files first (local edits kept as drafts), then the branch
        result.pulled_paths = self._checkout(repo, mine, merged_tree, result)
        repo.write_commit(
            merged_tree,
            [mine, theirs],
            message,
            author=self.author,
            when=self.versioning.stamp(),  # the library's clock
            expected_head=mine,
            paths=result.pulled_paths,
        )
        return result

    def _conflict(
        self, repo: LibraryRepo, path: str, base: str | None, mine: str, theirs: str
    ) -> Conflict:
        full = repo.root / path
        mine_text = repo.read_text(mine, path)
        if is_inside(repo.root, path) and full.is_file():
            mine_text = full.read_text("utf-8", errors="replace")
        theirs_text = repo.read_text(theirs, path)
        conflict = Conflict(
            _doc_id(path, mine_text or theirs_text),
            path,
            repo.read_text(base, path) if base else None,
            theirs_text,
            mine_text,
        )
        if mine_text is not None:
            version = front_fields(theirs_text or "").get("version")
            # a new draft beside any the editor has: a conflict never replaces a draft
            kept = self.drafts.save(
                Draft(
                    conflict.doc_id,
                    path,
                    mine_text,
                    base_version=int(version) if version and version.isdigit() else None,
                    base_commit=theirs,
                    origin="sync-conflict",
                )
            )
            conflict = replace(conflict, draft=kept.name)
        log.warning("%s changed on both sides; the local text is kept as a draft", path)
        return conflict

    @staticmethod
    def _had(repo: LibraryRepo, tip: str, path: str, blob: bytes | None) -> bool:
        """True when ``path`` had content ``blob`` in some commit reachable from ``tip``."""
        walker = repo.repo.get_walker(include=[oid(tip)], paths=[path.encode("utf-8")])
        return any(repo.blob_id(entry.commit.id, path) == blob for entry in walker)

    @staticmethod
    def _last_commits(repo: LibraryRepo, path: str, mine: str, base: str | None) -> list[str]:
        walker = repo.repo.get_walker(
            include=[oid(mine)],
            exclude=[oid(base)] if base else None,
            paths=[path.encode("utf-8")],
        )
        return [entry.commit.id.decode("ascii") for entry in walker]

    # -- push ---------------------------------------------------------------------------------

    def _push(self, repo: LibraryRepo, result: SyncResult) -> None:
        head = repo.head()
        if head is None:
            return
        branch = repo.branch
        remote_ref = Ref(b"refs/remotes/origin/" + branch[len(b"refs/heads/") :])
        if remote_ref in repo.repo.refs and repo.repo.refs[remote_ref].decode() == head:
            return
        before = repo.repo.refs[remote_ref] if remote_ref in repo.repo.refs else None
        said = io.BytesIO()  # dulwich's own lines and what the server's hooks printed
        with Repo(str(repo.root)) as net:
            sent = _porcelain().push(
                net,
                "origin",
                refspecs=[branch + b":" + branch],
                outstream=io.BytesIO(),
                errstream=said,
                **self._auth(repo.remote_url() or ""),
            )
        # dulwich reports a branch the share moved meanwhile (its compare-and-set refused
        # the update) in ref_status and returns normally: that push did not happen
        refused = (getattr(sent, "ref_status", None) or {}).get(branch)
        if refused:
            # dulwich moves the remote-tracking ref even for a refused update: put it back, or
            # the next attempt would take the branch for sent
            with repo.lock:
                if before is None:
                    repo.repo.refs.remove_if_equals(remote_ref, None)
                else:
                    repo.repo.refs[remote_ref] = before
            server = _server_said(said.getvalue())
            error = HookDeclined if "hook declined" in str(refused) else SendPackError
            raise error(f"the shared library did not take the update of its branch "
                                f"(moved meanwhile, or refused by the server: {refused})"
                                + (f"; the server said: {server}" if server else ""))
        with repo.lock:
            repo.repo.refs[remote_ref] = oid(head)
            trust.remember_remote(repo, head)
        result.pushed = True
        if result.status == "up-to-date":
            result.status = "pushed"
