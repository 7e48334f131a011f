"""Private key files of this user: written readable by the user only, read back with every
fault named.

Two keys live in the user's app data folder (``<data dir>/keys``): the workstation's key that
signs the team's records (``team/keys.py``) and the editor's key that signs commits
(``storage/keys.py``). Both are Ed25519 keys in a file only the user may read: the folder is
closed to others (0700), the file written atomically with mode 0600, so a half-written key
never replaces a good one. A key is never replaced silently: a file that holds no key, or
another kind of key, is an error naming the file and what to do.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kbdesk.core.errors import KbError
from kbdesk.core.workstation.storage import atomic_write_bytes

#: a private key file: read and written by the user only
PRIVATE_MODE = stat.S_IRUSR | stat.S_IWUSR
#: the folder of the key files: the user's only
FOLDER_MODE = stat.S_IRWXU


def write_private_key(path: Path, data: bytes, *, what: str,
                      error: type[KbError] = KbError) -> None:
    """Write the private key ``data`` to ``path``: the folder made and closed to others, the
    file written atomically with mode 0600.

    Args:
        what: the key, as messages name it ("the editor key").
        error: the error raised (a ``KbError`` subclass of the caller's).

    Raises:
        error: the folder or the file cannot be written (the message names the file).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, FOLDER_MODE)
        atomic_write_bytes(path, data, mode=PRIVATE_MODE)
    except OSError as exc:
        raise error(f"{path}: cannot write {what}: {exc}") from exc


def read_ed25519_key(path: Path, load: Callable[[bytes], object], *, what: str, kind: str,
                     remedy: str, error: type[KbError] = KbError) -> Ed25519PrivateKey | None:
    """The Ed25519 private key in the file at ``path``; None when there is no such file.

    Args:
        load: reads the file's bytes as a private key (raises ``ValueError``/``TypeError``
            when they are not one), e.g. a ``cryptography`` ``load_*_private_key``.
        what: the key, as messages name it ("the editor key").
        kind: what the file should hold ("an unencrypted OpenSSH private key").
        remedy: what the user does about a file that holds no usable key.
        error: the error raised (a ``KbError`` subclass of the caller's).

    Raises:
        error: the file cannot be read, holds no key ``load`` reads, or not an Ed25519 key.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise error(f"{path}: cannot read {what}: {exc}") from exc
    try:
        key = load(data)
    except (ValueError, TypeError) as exc:
        raise error(f"{path}: not {kind} ({exc}); {remedy}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise error(f"{path}: {what} is not an Ed25519 key (only those are used); {remedy}")
    return key
