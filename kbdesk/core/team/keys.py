"""This workstation's key for team records, and which workstation keys are editors'.

Each workstation signs the records it shares (receipts, flags, clearings, failed searches) with
an Ed25519 key of its own, made on first use and kept in the per-user app data
(``<data dir>/keys/team-ed25519.pem``, readable only by the user, never in the library). Its
public key travels in every record it signs; the others pin the first key they see for a
workstation (see ``chain``).

Clearing a flag is an editor's act: a clearing is honoured only when the workstation key that
signed it is listed in the library's ``.kbdesk/editor_workstations`` (one ``<key> <name>`` a
line, ``#`` comments), a file editors commit like any other change to the library.
"""

from __future__ import annotations

import base64
import binascii
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kbdesk.core.workstation import paths
from kbdesk.core.workstation.keyfiles import read_ed25519_key, write_private_key

log = logging.getLogger(__name__)

KEY_FILE = "team-ed25519.pem"
EDITORS_FILE = Path(".kbdesk") / "editor_workstations"
_lock = threading.Lock()


def key_path() -> Path:
    """Where this workstation's private key is kept (per user, outside any library)."""
    return paths.data_dir() / "keys" / KEY_FILE


def encode_public(key: Ed25519PublicKey) -> str:
    """A public key as the text records carry (base64 of its 32 raw bytes)."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def decode_public(text: str) -> Ed25519PublicKey | None:
    """The public key ``text`` names (None when it is not one)."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw) if len(raw) == 32 else None
    except (ValueError, binascii.Error, UnicodeEncodeError):
        return None


@dataclass(frozen=True)
class WorkstationKey:
    """This workstation's signing key."""

    private: Ed25519PrivateKey

    @property
    def public(self) -> str:
        return encode_public(self.private.public_key())

    def sign(self, message: bytes) -> str:
        return base64.b64encode(self.private.sign(message)).decode("ascii")


def workstation_key() -> WorkstationKey:
    """This workstation's key, made (and saved with mode 0600) the first time.

    Raises:
        KbError: the key file is damaged or cannot be written (named, never replaced: records
            signed with it would no longer match).
    """
    path = key_path()
    what = "the workstation key"
    with _lock:
        loaded = read_ed25519_key(
            path, lambda data: serialization.load_pem_private_key(data, password=None),
            what=what, kind="a workstation key",
            remedy="move it aside to make a new one (the team will then see a new key for this "
            "workstation)")
        if loaded is not None:
            return WorkstationKey(loaded)
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(serialization.Encoding.PEM,
                                    serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        write_private_key(path, pem, what=what)
        log.info("made this workstation's key for team records: %s", path)
        return WorkstationKey(private)


_public_cache: dict[str, Ed25519PublicKey | None] = {}


def verify(public: str, signature: str, message: bytes) -> bool:
    """Whether ``signature`` (base64) is ``public``'s signature of ``message``."""
    key = _public_cache.get(public)
    if key is None and public not in _public_cache:
        key = _public_cache.setdefault(public, decode_public(public))
    if key is None:
        return False
    try:
        key.verify(base64.b64decode(signature.encode("ascii"), validate=True), message)
    except (InvalidSignature, ValueError, binascii.Error, UnicodeEncodeError):
        return False
    return True


def editor_workstations(root: Path) -> dict[str, str]:
    """The workstation keys the library names as editors' (key -> name); a line that holds
    no key is skipped and logged with its number."""
    path = root / EDITORS_FILE
    try:
        text = path.read_text("utf-8", errors="replace")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        log.warning("%s: cannot be read: %s", path, exc)
        return {}
    out: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key, _, name = line.partition(" ")
        if decode_public(key) is None:
            log.warning("%s:%d: not a workstation key; line skipped", path, number)
            continue
        out[key] = name.strip()
    return out


def editors_line(name: str) -> str:
    """The line an editor adds to ``.kbdesk/editor_workstations`` for this workstation."""
    return f"{workstation_key().public} {name}"
