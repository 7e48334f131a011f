"""This person's editor key: an Ed25519 key in OpenSSH's file format, kept in the user's app
data folder (``keys/editor_ed25519``, readable by the user only), never in a library.

``kbdesk keys init`` makes it; every commit kbdesk makes while it exists is signed with it
(see ``kbdesk.core.storage.trust``).
"""

from __future__ import annotations

import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from dulwich.object_store import BaseObjectStore
from dulwich.objects import Blob, Commit, ObjectID, Tree

from kbdesk.core.errors import KbError, RepoError
from kbdesk.core.storage import signing
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.keyfiles import read_ed25519_key, write_private_key
from kbdesk.core.workstation.storage import atomic_write_bytes

KEY_FILE = "editor_ed25519"
HOW_TO_MAKE = "make one with `kbdesk keys init`"


class KeyProblem(KbError):
    """The editor key is missing, unreadable or not an Ed25519 key (the message says which)."""


@dataclass(frozen=True)
class EditorKey:
    """The editor key of this person."""

    private: Ed25519PrivateKey
    path: Path
    comment: str

    @property
    def fingerprint(self) -> str:
        return signing.fingerprint(self.private.public_key())

    @property
    def public_line(self) -> str:
        return signing.public_line(self.private.public_key(), self.comment)


def key_path() -> Path:
    """Where this person's editor key is kept (``KBDESK_DATA_DIR`` moves it)."""
    return paths.data_dir() / "keys" / KEY_FILE


def has_key() -> bool:
    return key_path().is_file()


def init_key(comment: str) -> EditorKey:
    """Make this person's editor key (refused when one exists: a key is never replaced).

    Raises:
        KeyProblem: a key exists already, or the folder cannot be written.
    """
    path = key_path()
    if path.exists():
        raise KeyProblem(f"{path}: an editor key exists already; `kbdesk keys show` shows it")
    key = Ed25519PrivateKey.generate()
    data = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.OpenSSH,
        serialization.NoEncryption(),
    )
    write_private_key(path, data, what="the editor key", error=KeyProblem)
    try:
        pub = path.with_name(KEY_FILE + ".pub")
        atomic_write_bytes(
            pub, (signing.public_line(key.public_key(), comment) + "\n").encode("utf-8"),
            mode=stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH,
        )
    except OSError as exc:
        raise KeyProblem(f"{path}: cannot write the editor key: {exc}") from exc
    return EditorKey(key, path, comment)


def load_key() -> EditorKey | None:
    """This person's editor key; None when none was made.

    Raises:
        KeyProblem: the key file cannot be read or is not an unencrypted Ed25519 OpenSSH key.
    """
    path = key_path()
    key = read_ed25519_key(
        path, lambda data: serialization.load_ssh_private_key(data, password=None),
        what="the editor key", kind="an unencrypted OpenSSH private key",
        remedy=f"move it away and {HOW_TO_MAKE}", error=KeyProblem)
    if key is None:
        return None
    comment = ""
    try:
        parts = path.with_name(KEY_FILE + ".pub").read_text("utf-8").split(maxsplit=2)
        comment = parts[2].strip() if len(parts) > 2 else ""
    except OSError:
        pass
    return EditorKey(key, path, comment)


class SigningRefused(RepoError):
    """A commit to a library that requires signing cannot be signed here (no editor key, or a
    key the library does not list); nothing was committed."""


def read_path(store: BaseObjectStore, commit_id: bytes, path: str) -> bytes | None:
    """The content of ``path`` at a commit of ``store`` (None when it has no such file)."""
    commit = store[ObjectID(commit_id)]
    return read_tree_path(store, commit.tree, path) if isinstance(commit, Commit) else None


def read_tree_path(store: BaseObjectStore, tree_id: bytes, path: str) -> bytes | None:
    """The content of ``path`` in a tree of ``store`` (None when it has no such file)."""
    obj = store[ObjectID(tree_id)]
    for part in path.encode("utf-8").split(b"/"):
        if not isinstance(obj, Tree) or part not in obj:
            return None
        _, sha = obj[part]
        obj = store[sha]
    return obj.data if isinstance(obj, Blob) else None


def sign_for_library(store: BaseObjectStore, commit: Commit) -> None:
    """Sign ``commit`` (about to be written) with this person's editor key, when there is one.

    A library requires signing once a parent lists editors (``.kbdesk/allowed_signers``; a
    sync's merge has two parents); there a commit without a key, or with a key a parent does
    not list, is refused. A library that does not require it gets signed commits from those
    who have a key, unsigned ones from the others (as before signing existed).

    Raises:
        SigningRefused: the library requires signing and this commit cannot be signed.
    """
    key = signing_key_for(store, commit.parents)
    if key is not None:
        signing.sign_commit(commit, key.private)


def signing_key_for(store: BaseObjectStore, parents: Sequence[bytes]) -> EditorKey | None:
    """The key a commit on ``parents`` is signed with (None: it goes unsigned), asked before
    anything is written (a sync asks it before it merges).

    Raises:
        SigningRefused: a parent requires signing and this workstation cannot sign for it.
    """
    lists = [read_path(store, parent, signing.ALLOWED_SIGNERS) for parent in parents]
    listed = [raw for raw in lists if raw is not None]
    try:
        key = load_key()
    except KeyProblem as exc:
        if not listed:
            return None
        raise SigningRefused(f"this library requires an editor's signature: {exc}") from None
    if key is None:
        if not listed:
            return None
        raise SigningRefused(
            "this library requires every change to be signed by an editor's key, and this "
            f"workstation has none: {HOW_TO_MAKE}, then ask an editor to add it with "
            "`kbdesk keys add`"
        )
    for raw in listed:
        known = signing.parse_allowed_signers(raw.decode("utf-8", "replace"))
        if key.fingerprint not in {signer.fingerprint for signer in known}:
            raise SigningRefused(
                f"your editor key {key.fingerprint} is not among this library's editors "
                f"({signing.ALLOWED_SIGNERS}); ask an editor to run `kbdesk keys add` with "
                "the line `kbdesk keys show` prints here"
            )
    return key


#: the names the core's public face gives these (``kbdesk.core``)
init_editor_key = init_key
load_editor_key = load_key
