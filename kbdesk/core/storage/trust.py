"""Which commits of a signed library are trusted: the rules sync, clone and the server hook
share.

A library *requires signing* once ``.kbdesk/allowed_signers`` is on its main branch. From
then on a commit is trusted when it carries a valid SSH signature (see ``signing``) by a key
that the allowed-signers file of its parents lists: so the file itself changes only by a
commit signed by a key already in it. The commit that brings the file in (``kbdesk keys
adopt``: no parent has one) is signed by a key its own file lists; it accepts the history
before it (its parents and everything they reach), unsigned as that history is. Such an
adoption is the root of trust: a new workstation takes it only when its signer's fingerprint
is preset in the site settings, given with ``--trust``, or confirmed by a person.

The main branch moves only forward: a remote branch pointing to an ancestor of the last
trusted remote commit (a rewind), or to a commit that does not descend from it (a fork), is
refused. Libraries without the file behave as before signing existed.
"""

from __future__ import annotations

import stat
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dulwich.diff_tree import tree_changes
from dulwich.object_store import BaseObjectStore
from dulwich.objects import Blob, Commit, ObjectID, Tree
from dulwich.refs import Ref
from dulwich.walk import Walker

from kbdesk.core.errors import SyncError
from kbdesk.core.storage import signing
from kbdesk.core.storage.keys import read_path
from kbdesk.core.storage.repo import LibraryRepo, oid
from kbdesk.core.workstation.site import load_site

#: the trailer of an adoption commit naming the commit whose history it accepts
ADOPTED_TRAILER = "Kbdesk-Adopted"
#: what agents are told when a change was refused
AGENT_MESSAGE = "a change that was not signed by an editor was refused"
#: at most this many files are named per refused commit, and this many commits per refusal
_FILES_SHOWN = 10
_COMMITS_SHOWN = 20


class UntrustedLibrary(SyncError):
    """Joining a signed library whose editors' keys nobody here has confirmed yet.

    ``fingerprints`` lists the keys that adopted signing (to preset or pass with ``--trust``);
    ``editors`` the editors' keys at the remote's newest version.
    """

    def __init__(self, message: str, fingerprints: Sequence[str],
                 editors: Sequence[signing.AllowedSigner]) -> None:
        super().__init__(message)
        self.fingerprints = tuple(fingerprints)
        self.editors = tuple(editors)


@dataclass(frozen=True)
class Refusal:
    """One commit that is not taken, and why."""

    commit: str
    reason: str
    files: tuple[str, ...] = ()

    def describe(self) -> str:
        """The editor's line: which commit, why, which files."""
        text = f"commit {self.commit[:12]}: {self.reason}"
        if self.files:
            text += " (" + ", ".join(self.files) + ")"
        return text


@dataclass
class Verdict:
    """What a check of incoming commits found. ``kind``: ok, rewind, fork or untrusted."""

    kind: str = "ok"
    refusals: list[Refusal] = field(default_factory=list)
    #: adoption commits met (their signers' fingerprints)
    roots: dict[str, str] = field(default_factory=dict)

    @property
    def trusted(self) -> bool:
        return self.kind == "ok"

    def lines(self) -> list[str]:
        """The editor's account of a refusal (empty when trusted; the first few commits)."""
        shown = [refusal.describe() for refusal in self.refusals[:_COMMITS_SHOWN]]
        if len(self.refusals) > _COMMITS_SHOWN:
            shown.append(f"… and {len(self.refusals) - _COMMITS_SHOWN} more commits")
        return shown


class _Checker:
    """Reads each commit's editors' list once: by blob, and through a cache of the
    ``.kbdesk`` folder's trees (the same tree in most commits)."""

    def __init__(self, store: BaseObjectStore) -> None:
        self.store = store
        #: commit id -> blob id of its allowed-signers file (None: it has none or is missing)
        self._blob_of: dict[bytes, bytes | None] = {}
        self._folder_blob: dict[bytes, bytes | None] = {}
        self._parsed: dict[bytes, list[signing.AllowedSigner]] = {}
        self._commits: dict[bytes, Commit] = {}

    def remember(self, commits: Iterable[Commit]) -> None:
        """Keep commits already read (the walk's), so they are not read again."""
        for commit in commits:
            self._commits[commit.id] = commit

    def _commit(self, commit_id: bytes) -> Commit | None:
        found = self._commits.get(commit_id)
        if found is not None:
            return found
        try:
            obj = self.store[ObjectID(commit_id)]
        except KeyError:  # a parent this repository does not hold
            return None
        return obj if isinstance(obj, Commit) else None

    def blob_of(self, commit_id: bytes) -> bytes | None:
        if commit_id in self._blob_of:
            return self._blob_of[commit_id]
        found: bytes | None = None
        commit = self._commit(commit_id)
        if commit is not None:
            root = self.store[commit.tree]
            folder, _, name = signing.ALLOWED_SIGNERS.partition("/")
            if isinstance(root, Tree) and folder.encode() in root:
                _, folder_id = root[folder.encode()]
                if folder_id not in self._folder_blob:
                    sub = self.store[folder_id]
                    blob = None
                    if isinstance(sub, Tree) and name.encode() in sub:
                        mode, blob = sub[name.encode()]
                        blob = blob if stat.S_ISREG(mode) else None
                    self._folder_blob[folder_id] = blob
                found = self._folder_blob[folder_id]
        self._blob_of[commit_id] = found
        return found

    def raw_signers(self, commit_id: bytes) -> bytes | None:
        blob = self.blob_of(commit_id)
        if blob is None:
            return None
        obj = self.store[ObjectID(blob)]
        return obj.data if isinstance(obj, Blob) else None

    def signers(self, commit_id: bytes) -> list[signing.AllowedSigner] | None:
        blob = self.blob_of(commit_id)
        if blob is None:
            return None
        if blob not in self._parsed:
            raw = self.raw_signers(commit_id) or b""
            self._parsed[blob] = signing.parse_allowed_signers(raw.decode("utf-8", "replace"))
        return self._parsed[blob]

    def has(self, commit_id: bytes) -> bool:
        return self._commit(commit_id) is not None

    def files(self, commit: Commit) -> tuple[str, ...]:
        base = None
        if commit.parents:
            parent = self.store[commit.parents[0]]
            base = parent.tree if isinstance(parent, Commit) else None
        names = []
        for change in tree_changes(self.store, base, commit.tree):
            entry = change.new if change.new is not None and change.new.path else change.old
            if entry is not None and entry.path is not None:
                names.append(entry.path.decode("utf-8", "replace"))
        shown = tuple(names[:_FILES_SHOWN])
        if len(names) > len(shown):
            return (*shown, f"… {len(names) - len(shown)} more")
        return shown


def requires_signing(store: BaseObjectStore, commit_id: bytes | None) -> bool:
    """True when the library at ``commit_id`` lists editors' keys (it requires signing)."""
    if commit_id is None:
        return False
    return read_path(store, commit_id, signing.ALLOWED_SIGNERS) is not None


def is_ancestor(store: BaseObjectStore, ancestor: bytes, descendant: bytes) -> bool:
    """True when ``ancestor`` is ``descendant`` or reachable from it.

    Breadth first: a branch that moved forward by a few commits is answered after reading
    those few; only a "no" reads the whole history.
    """
    if ancestor == descendant:
        return True
    seen = {descendant}
    todo = deque([descendant])
    while todo:
        commit = store[ObjectID(todo.popleft())]
        if not isinstance(commit, Commit):
            continue
        for parent in commit.parents:
            if parent == ancestor:
                return True
            if parent not in seen and parent in store:
                seen.add(parent)
                todo.append(parent)
    return False


def check_commits(
    store: BaseObjectStore,
    tip: bytes,
    exclude: Iterable[bytes] = (),
    anchors: Iterable[str] | None = None,
    *,
    allow_roots: bool = True,
) -> Verdict:
    """Check every commit reachable from ``tip`` and not from ``exclude`` (already trusted).

    Args:
        anchors: fingerprints an adoption commit's signer must have; None takes any
            adoption whose signature is valid (trust on first use: on a workstation that
            already has the library, unsigned as it was until then).
        allow_roots: False where the library already requires signing: a second adoption
            (a signed history of its own, beside the library's) is refused whoever signed it.
    """
    checker = _Checker(store)
    excluded = [ObjectID(sha) for sha in exclude if checker.has(sha)]
    commits = [entry.commit for entry in Walker(store, [ObjectID(tip)], exclude=excluded)]
    checker.remember(commits)
    verdict = Verdict()
    accepted_history: list[bytes] = []
    roots: list[Commit] = []
    for commit in commits:
        if checker.blob_of(commit.id) is not None and all(
            checker.blob_of(p) is None for p in commit.parents
        ):
            roots.append(commit)
    anchor_set = set(anchors) if anchors is not None else None
    for root in roots:
        refusal = _check_root(checker, root, anchor_set) if allow_roots else Refusal(
            root.id.decode("ascii"),
            "adopts signing again: a history signed apart from the library's own",
            checker.files(root))
        # the history before an adoption is judged with it: a refused adoption is reported
        # once, not again for each unsigned commit before it
        accepted_history.extend(root.parents)
        if refusal is not None:
            verdict.refusals.append(refusal)
        sig = _signature(root)
        verdict.roots[root.id.decode("ascii")] = sig.fingerprint if sig else ""
    history: set[bytes] = set()
    if accepted_history:
        wanted = [ObjectID(sha) for sha in accepted_history if checker.has(sha)]
        history = {entry.commit.id for entry in Walker(store, wanted, exclude=excluded)}
    root_ids = {root.id for root in roots}
    for commit in commits:
        if commit.id in history or commit.id in root_ids:
            continue
        refusal = _check_one(checker, commit)
        if refusal is not None:
            verdict.refusals.append(refusal)
    if verdict.refusals:
        verdict.kind = "untrusted"
    return verdict


def _signature(commit: Commit) -> signing.Signature | None:
    try:
        return signing.commit_signature(commit)
    except signing.SignatureError:
        return None


def _check_root(
    checker: _Checker, commit: Commit, anchors: set[str] | None
) -> Refusal | None:
    files = checker.files(commit)
    try:
        sig = signing.commit_signature(commit)
    except signing.SignatureError as exc:
        return Refusal(commit.id.decode("ascii"), f"adopts signing with a bad signature: {exc}",
                       files)
    if sig is None:
        return Refusal(commit.id.decode("ascii"), "adopts signing but is not signed", files)
    listed = {s.fingerprint for s in checker.signers(commit.id) or []}
    if sig.fingerprint not in listed:
        return Refusal(commit.id.decode("ascii"),
                       f"adopts signing with a key its editors' list does not hold "
                       f"({sig.fingerprint})", files)
    if anchors is not None and sig.fingerprint not in anchors:
        return Refusal(commit.id.decode("ascii"),
                       f"adopts signing with a key not trusted here "
                       f"({sig.fingerprint})", files)
    return None


def _check_one(checker: _Checker, commit: Commit) -> Refusal | None:
    cid = commit.id.decode("ascii")
    known = [lst for lst in map(checker.signers, commit.parents) if lst is not None]
    changes_signers = bool(commit.parents) and (
        checker.blob_of(commit.id) != checker.blob_of(commit.parents[0])
    )
    what = f"changes {signing.ALLOWED_SIGNERS} and " if changes_signers else ""
    if not known:
        return Refusal(cid, f"{what}is not signed by an editor (made outside the signed "
                       "history)", checker.files(commit))
    try:
        sig = signing.commit_signature(commit)
    except signing.SignatureError as exc:
        return Refusal(cid, f"{what}has a signature that does not verify: {exc}",
                       checker.files(commit))
    if sig is None:
        return Refusal(cid, f"{what}is not signed", checker.files(commit))
    allowed = set.intersection(*({s.fingerprint for s in lst} for lst in known))
    if sig.fingerprint not in allowed:
        return Refusal(cid, f"{what}is signed by a key that is not an editor's "
                       f"({sig.fingerprint})", checker.files(commit))
    return None


def check_update(
    store: BaseObjectStore,
    mine: bytes | None,
    theirs: bytes,
    trusted_remote: bytes | None,
    anchors: Iterable[str] | None = None,
) -> Verdict:
    """Decide whether the remote branch at ``theirs`` may be taken into a library at ``mine``.

    Args:
        mine: the local branch (trusted: everything here was checked or made here).
        trusted_remote: the remote commit last taken (None when unknown).
        anchors: the fingerprints trusted for an adoption (site preset); None takes any.

    A library at ``mine`` that does not require signing takes an unsigned remote as before;
    one that does refuses rewinds, forks and commits the rules above do not trust.
    """
    if mine is not None and not requires_signing(store, mine):
        if not requires_signing(store, theirs):
            return Verdict()
        return check_commits(store, theirs, [mine], anchors)
    if mine is None:
        if not requires_signing(store, theirs):
            return Verdict()
        return check_commits(store, theirs, [], anchors)
    if (trusted_remote is not None and ObjectID(trusted_remote) in store
            and theirs != trusted_remote and not is_ancestor(store, trusted_remote, theirs)):
        if is_ancestor(store, theirs, trusted_remote):
            return Verdict("rewind", [Refusal(
                theirs.decode("ascii"),
                f"the shared library's main branch was moved back to an older version "
                f"(from {trusted_remote.decode('ascii')[:12]})")])
        return Verdict("fork", [Refusal(
            theirs.decode("ascii"),
            f"the shared library's main branch was replaced by a history that does not "
            f"continue the one in force ({trusted_remote.decode('ascii')[:12]})")])
    if theirs == mine:
        return Verdict()
    # only what ``mine`` does not hold is read (nothing when the remote is behind)
    return check_commits(store, theirs, [mine], anchors, allow_roots=False)


def editors_at(store: BaseObjectStore, commit_id: bytes) -> list[signing.AllowedSigner]:
    """The editors' keys the library lists at a commit."""
    return _Checker(store).signers(commit_id) or []


# -- a library's sync ----------------------------------------------------------------------


#: the remote commit last taken into a signed library (a local ref, never pushed)
TRUSTED_REF = Ref(b"refs/kbdesk-trust/main")


def trusted_remote(repo: LibraryRepo) -> bytes | None:
    """The remote commit last taken (None before the first signed sync)."""
    refs = repo.repo.refs
    return refs[TRUSTED_REF] if TRUSTED_REF in refs else None


def remember_remote(repo: LibraryRepo, commit_id: str | bytes) -> None:
    """Record ``commit_id`` as the remote commit last taken, when the library is signed."""
    sha = oid(commit_id)
    if requires_signing(repo.repo.object_store, sha):
        repo.repo.refs[TRUSTED_REF] = sha


def site_anchors() -> tuple[str, ...]:
    """The editors' fingerprints preset in the site settings (``editor_fingerprints``)."""
    return tuple(p.strip() for p in load_site().editor_fingerprints if p.strip())


def gate(
    repo: LibraryRepo, mine: str | None, theirs: bytes, trust: Iterable[str] = ()
) -> Verdict:
    """Whether the fetched remote branch ``theirs`` may be taken into the library at ``mine``.

    Args:
        trust: fingerprints this person confirmed (``--trust``, the join dialog), trusted
            besides the site's preset ones.

    Raises:
        UntrustedLibrary: joining (``mine`` is None) a signed library when no fingerprint is
            trusted here: the caller shows the fingerprints and asks.
    """
    store = repo.repo.object_store
    anchors = set(site_anchors()) | {t.strip() for t in trust if t.strip()}
    if mine is None and requires_signing(store, theirs) and not anchors:
        verdict = check_commits(store, theirs, [], None)
        if verdict.trusted:
            prints = sorted(set(verdict.roots.values()))
            raise UntrustedLibrary(
                "this shared library is signed by its editors; confirm the key that adopted "
                f"signing ({', '.join(prints)}) with `--trust FINGERPRINT`, or ask your IT "
                "department to preset it (editor_fingerprints in the site settings)",
                prints, editors_at(store, theirs),
            )
        return verdict
    return check_update(store, oid(mine) if mine else None, theirs, trusted_remote(repo),
                        anchors or None)
