"""The editors' keys of a library: adopting signing and adding an editor, each a signed commit
changing ``.kbdesk/allowed_signers`` (see ``trust`` for the rules every workstation checks).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kbdesk.core.clock import Clock
from kbdesk.core.errors import KbError, RepoError
from kbdesk.core.storage import signing
from kbdesk.core.storage.keys import HOW_TO_MAKE, EditorKey, load_key
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.storage.trust import ADOPTED_TRAILER

log = logging.getLogger(__name__)


class EditorKeysError(KbError):
    """Adopting signing or adding an editor's key cannot be done; nothing was changed."""


@dataclass(frozen=True)
class KeysChange:
    """A change of the library's editors' keys: the commit that made it."""

    commit: str
    fingerprint: str
    principal: str


def _my_key() -> EditorKey:
    key = load_key()
    if key is None:
        raise EditorKeysError(f"this workstation has no editor key: {HOW_TO_MAKE}")
    return key


def editors(root: Path) -> list[signing.AllowedSigner]:
    """The editors' keys the library lists now (empty when it does not require signing)."""
    with LibraryRepo(root) as repo:
        text = repo.read_text(repo.head(), signing.ALLOWED_SIGNERS)
    return signing.parse_allowed_signers(text) if text is not None else []


def editors_problems(root: Path) -> list[str]:
    """The lines of the library's editors' list that name no readable key (file:line)."""
    with LibraryRepo(root) as repo:
        text = repo.read_text(repo.head(), signing.ALLOWED_SIGNERS)
    return signing.allowed_signers_problems(text) if text is not None else []


def _commit(repo: LibraryRepo, text: str, message: str, author: str | None, clock: Clock
            ) -> str:
    data = text.encode("utf-8")
    try:
        commit = repo.commit({signing.ALLOWED_SIGNERS: data}, message, author=author,
                             when=int(clock.now().timestamp()))
    except RepoError as exc:
        raise EditorKeysError(str(exc)) from exc
    try:
        repo.write_working_file(signing.ALLOWED_SIGNERS, data)
    except (OSError, KbError) as exc:  # the commit is what counts; the file is a copy
        log.warning("committed %s but could not write its working copy: %s",
                    signing.ALLOWED_SIGNERS, exc)
    return commit


def adopt(root: Path, principal: str, author: str | None = None, *, clock: Clock
          ) -> KeysChange:
    """Make the library require signing, with this person's key as its first editor's: a
    signed commit adding ``.kbdesk/allowed_signers`` that accepts the history before it
    (dated by ``clock``, the library's).

    Raises:
        EditorKeysError: no editor key here, no history to adopt, or the library already
            requires signing.
    """
    key = _my_key()
    with LibraryRepo(root) as repo:
        head = repo.head()
        if head is None:
            raise EditorKeysError(f"{root}: the library has no versions yet; publish first")
        if repo.read(head, signing.ALLOWED_SIGNERS) is not None:
            raise EditorKeysError(
                f"{root}: the library already requires signing; add editors with "
                "`kbdesk keys add`"
            )
        line = signing.allowed_line(principal, key.private.public_key())
        message = (
            "採用編輯簽署 / Adopt editors' signatures\n\n"
            f"The history up to {head} is accepted as it is; every later change is signed "
            "by an editor's key listed in .kbdesk/allowed_signers.\n\n"
            f"{ADOPTED_TRAILER}: {head}\nKbdesk-Action: keys-adopt\n"
        )
        commit = _commit(repo, line + "\n", message, author, clock)
    return KeysChange(commit, key.fingerprint, line.split()[0])


def add_editor(root: Path, public_key: str, principal: str,
               author: str | None = None, *, clock: Clock) -> KeysChange:
    """Add an editor's public key (an ``ssh-ed25519 AAAA…`` line) to the library's list: a
    commit signed by this person's key, which the list must already hold (dated by
    ``clock``, the library's).

    Raises:
        EditorKeysError: the key line is not valid, already listed, the library does not
            require signing yet (adopt first), or this person is not an editor.
    """
    try:
        new_key = signing.parse_public(public_key)
    except signing.SignatureError as exc:
        raise EditorKeysError(f"the key to add: {exc}") from None
    fingerprint = signing.fingerprint(new_key)
    _my_key()
    with LibraryRepo(root) as repo:
        text = repo.read_text(repo.head(), signing.ALLOWED_SIGNERS)
        if text is None:
            raise EditorKeysError(
                f"{root}: the library does not require signing yet; an editor adopts it first "
                "with `kbdesk keys adopt`"
            )
        if fingerprint in {s.fingerprint for s in signing.parse_allowed_signers(text)}:
            raise EditorKeysError(f"{fingerprint} is already among the library's editors")
        line = signing.allowed_line(principal, new_key)
        new_text = text if text.endswith("\n") or not text else text + "\n"
        message = (
            f"新增編輯金鑰 / Add an editor's key: {line.split()[0]} {fingerprint}\n\n"
            "Kbdesk-Action: keys-add\n"
        )
        commit = _commit(repo, new_text + line + "\n", message, author, clock)
    return KeysChange(commit, fingerprint, line.split()[0])


#: the names the core's public face gives these (``kbdesk.core``)
adopt_signing = adopt
add_library_editor = add_editor
library_editors = editors
library_editors_problems = editors_problems
