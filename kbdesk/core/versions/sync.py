"""Syncing a library with a remote git repository (a bare repository on a share, or http(s)).

``sync`` fetches, integrates and pushes. Integration is a fast-forward when only the remote
moved; when both sides moved, a merge commit is built with dulwich by combining the two trees
path by path. When the same file changed on both sides nothing is lost: the local text is kept
as a draft, the remote text goes into the working tree, and a ``Conflict`` with the base,
theirs and mine texts is returned for a three-way view; the editor resolves and publishes. A
working file edited without publishing is also kept as a draft before it is overwritten. An
unreachable remote raises ``RemoteUnreachable``; the library keeps working on its last state.
"""

from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dulwich.client import HTTPUnauthorized
from dulwich.diff_tree import tree_changes
from dulwich.errors import GitProtocolError, NotGitRepository, SendPackError
from dulwich.graph import can_fast_forward, find_merge_base
from dulwich.object_store import commit_tree_changes
from dulwich.objects import Blob, ObjectID
from dulwich.refs import Ref
from dulwich.repo import Repo

from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.errors import RemoteUnreachable, SyncError, UnrelatedHistories, UnsafePath
from kbdesk.core.library.frontmatter import document_id, front_fields
from kbdesk.core.library.safepaths import check_on_disk, is_inside
from kbdesk.core.versions.drafts import Draft, DraftStore
from kbdesk.core.versions.history import SUPERSEDED_TRAILER
from kbdesk.core.versions.repo import FILE_MODE, LibraryRepo, oid
from kbdesk.core.versions.versioning import Versioning
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.liblock import library_lock
from kbdesk.core.workstation.storage import atomic_write_text, library_key

log = logging.getLogger(__name__)

_TRANSPORT_ERRORS = (OSError, GitProtocolError, NotGitRepository, HTTPUnauthorized, ValueError)


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


def _remove_clone(target: Path) -> None:
    """Undo a failed clone into ``target`` (only what the clone wrote)."""
    import shutil

    shutil.rmtree(target / ".git", ignore_errors=True)
    if target.exists() and not any(target.iterdir()):
        target.rmdir()


def clone_library(url: str, target: Path) -> Path:
    """Make ``target`` (missing or empty) a working copy of the library at ``url``.

    Raises:
        RemoteUnreachable: the remote cannot be reached (``target`` is left as it was).
        SyncError: ``target`` exists and is not empty.
    """
    target = Path(target).expanduser()
    if target.exists() and any(target.iterdir()):
        raise SyncError(f"{target}: folder is not empty; sync it instead of cloning")
    try:
        try:
            # kbdesk's libraries use main; a bare repository made by plain git init may still
            # point its HEAD at master while main is the branch that holds the library
            _porcelain().clone(url, str(target), errstream=io.BytesIO(), branch="main").close()
        except ValueError:  # no main there: a library kept on another branch (master …)
            _remove_clone(target)
            _porcelain().clone(url, str(target), errstream=io.BytesIO()).close()
    except _TRANSPORT_ERRORS as exc:
        if target.exists() and not any(p.name != ".git" for p in target.iterdir()):
            import shutil

            shutil.rmtree(target / ".git", ignore_errors=True)
        raise RemoteUnreachable(f"cannot clone {url}: {type(exc).__name__}: {exc}") from exc
    _save_state(
        target,
        last_synced=SYSTEM_CLOCK.now().isoformat(timespec="seconds"),
        last_status="cloned",
        last_error="",
    )
    return target


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
        self, versioning: Versioning, drafts: DraftStore, author: str | None = None
    ) -> None:
        self.versioning = versioning
        self.drafts = drafts
        self.author = author

    @property
    def repo(self) -> LibraryRepo:
        repo = self.versioning.repo(create=True, author=self.author)
        assert repo is not None
        return repo

    def sync(self, remote_url: str | None = None, *, push: bool = True) -> SyncResult:
        """Fetch, integrate and (with ``push``) push; store the time of a successful sync.

        Raises:
            RemoteUnreachable: the remote cannot be reached (nothing local changed).
            SyncError: no remote is configured, or the remote refused the update.
        """
        repo = self.repo
        previous_url = repo.remote_url()
        if remote_url and remote_url != previous_url:
            # tried first; it stays the library's remote only once a sync with it succeeded
            with self.versioning.lock:
                repo.set_remote_url(remote_url)
            try:
                return self._sync(repo, remote_url, push)
            except BaseException:
                with self.versioning.lock:
                    repo.set_remote_url(previous_url)
                raise
        if not previous_url:
            raise SyncError("no remote configured: run 'kbdesk sync --remote URL' once")
        return self._sync(repo, previous_url, push)

    def _sync(self, repo: LibraryRepo, url: str, push: bool) -> SyncResult:
        diverged = _porcelain().DivergedBranches
        root = self.versioning.root
        try:
            result = self._pull(repo, url)
            if push:
                try:
                    self._push(repo, result)
                except diverged:  # the remote moved meanwhile: once more
                    again = self._pull(repo, url)
                    if again.status != "up-to-date":
                        result.status = again.status
                    result.pulled_paths += again.pulled_paths
                    result.conflicts += again.conflicts
                    result.kept_drafts += again.kept_drafts
                    self._push(repo, result)
        except (SendPackError, diverged) as exc:  # reached, but it refused the update
            reason = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
            _save_state(root, last_status="refused", last_error=reason)
            raise SyncError(
                f"the remote {url} refused the update ({reason}); your versions are kept "
                "here and will be sent on the next sync"
            ) from exc
        except _TRANSPORT_ERRORS as exc:
            state = sync_state(root)
            reason = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
            _save_state(root, last_status="offline", last_error=reason)
            since = state.get("last_synced") or "never"
            raise RemoteUnreachable(
                f"cannot reach the remote {url} ({reason}); working on the last synced "
                f"state (last synced: {since})"
            ) from exc
        now = SYSTEM_CLOCK.now().isoformat(timespec="seconds")
        _save_state(root, last_synced=now, last_status=result.status, last_error="")
        result.last_synced = now
        return result

    # -- pull ---------------------------------------------------------------------------------

    def _pull(self, repo: LibraryRepo, url: str) -> SyncResult:
        # the network work uses its own handle on the repository (dulwich's pack files are not
        # thread-safe), so history and search keep reading while a slow remote answers
        with Repo(str(repo.root)) as net:
            _porcelain().fetch(
                net, "origin", outstream=io.StringIO(), errstream=io.BytesIO(), quiet=True
            )
        # publishing (here and in other processes) waits only for the integration
        with library_lock(repo.root, "sync"), self.versioning.lock, repo.lock:
            repo.clear_stale_locks()
            return self._integrate(repo, url)

    def _integrate(self, repo: LibraryRepo, url: str) -> SyncResult:
        branch = repo.branch
        remote_ref = Ref(b"refs/remotes/origin/" + branch[len(b"refs/heads/") :])
        theirs = repo.repo.refs[remote_ref] if remote_ref in repo.repo.refs else None
        mine = repo.head()
        if theirs is None or (mine is not None and theirs.decode() == mine):
            return SyncResult("up-to-date")
        theirs_id = theirs.decode("ascii")
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
        """Update the working files from commit ``old`` to a tree; keep edited ones as drafts."""
        store = repo.repo.object_store
        old_tree = repo.tree_of(old) if old else None
        changed: list[str] = []
        for change in tree_changes(store, old_tree, new_tree):
            entry = change.new if change.new is not None and change.new.path else change.old
            if entry is None or entry.path is None:
                continue
            path = entry.path.decode("utf-8", "replace")
            new_sha = change.new.sha if change.new is not None else None
            data = None
            if new_sha is not None:
                blob = store[new_sha]
                assert isinstance(blob, Blob)
                data = blob.data
            try:
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
            when=None,
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
        with Repo(str(repo.root)) as net:
            _porcelain().push(
                net,
                "origin",
                refspecs=[branch + b":" + branch],
                outstream=io.BytesIO(),
                errstream=io.BytesIO(),
            )
        with repo.lock:
            repo.repo.refs[remote_ref] = oid(head)
        result.pushed = True
        if result.status == "up-to-date":
            result.status = "pushed"
