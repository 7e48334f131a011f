"""SSH signatures on library commits, in the format ``git commit -S`` makes with
``gpg.format=ssh``: a ``gpgsig`` header holding an armored SSHSIG (namespace ``git``, SHA-512)
over the commit object without that header, so ``git log --show-signature`` with
``gpg.ssh.allowedSignersFile`` verifies what kbdesk signs and kbdesk verifies what git signs.

kbdesk makes and signs with Ed25519 keys (``cryptography``); signatures are checked with
``sshsig`` (the SSHSIG format as ``ssh-keygen -Y`` reads it, Ed25519 and RSA keys). An
``allowed_signers`` file is read in git's / ssh-keygen's format (``principals [options] keytype
base64 [comment]``).
"""

from __future__ import annotations

import base64
import hashlib
import struct
from dataclasses import dataclass

import sshsig
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from dulwich.objects import Commit

MAGIC = b"SSHSIG"
NAMESPACE = "git"
HASH = "sha512"
KEY_TYPE = "ssh-ed25519"
BEGIN = "-----BEGIN SSH SIGNATURE-----"
END = "-----END SSH SIGNATURE-----"
#: where a library lists its editors' public keys (git's allowed-signers format)
ALLOWED_SIGNERS = ".kbdesk/allowed_signers"


class SignatureError(ValueError):
    """A signature or key that cannot be read or does not verify (the message says why)."""


# -- the SSH wire format ----------------------------------------------------------------------


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def _read_string(data: bytes, pos: int) -> tuple[bytes, int]:
    if pos + 4 > len(data):
        raise SignatureError("truncated signature")
    (size,) = struct.unpack(">I", data[pos : pos + 4])
    end = pos + 4 + size
    if end > len(data):
        raise SignatureError("truncated signature")
    return data[pos + 4 : end], end


def _key_blob(key: Ed25519PublicKey) -> bytes:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return _string(KEY_TYPE.encode()) + _string(raw)


def fingerprint_of_blob(blob: bytes) -> str:
    """OpenSSH's fingerprint of a public key blob: ``SHA256:`` and unpadded base64."""
    digest = base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii").rstrip("=")
    return f"SHA256:{digest}"


def fingerprint(key: Ed25519PublicKey) -> str:
    """The fingerprint ``ssh-keygen -l`` shows for ``key``."""
    return fingerprint_of_blob(_key_blob(key))


def public_line(key: Ed25519PublicKey, comment: str = "") -> str:
    """The key as one OpenSSH public-key line (``ssh-ed25519 AAAA… comment``)."""
    text = f"{KEY_TYPE} {base64.b64encode(_key_blob(key)).decode('ascii')}"
    return f"{text} {comment}".rstrip()


def parse_public(text: str) -> Ed25519PublicKey:
    """Read an OpenSSH public-key line (``ssh-ed25519 AAAA… [comment]``).

    Raises:
        SignatureError: not an Ed25519 public key in OpenSSH's format.
    """
    parts = text.strip().split()
    if len(parts) < 2 or parts[0] != KEY_TYPE:
        raise SignatureError("not an ssh-ed25519 public key line ('ssh-ed25519 AAAA…')")
    try:
        return _key_from_blob(base64.b64decode(parts[1], validate=True))
    except (ValueError, SignatureError) as exc:
        raise SignatureError(f"not a valid ssh-ed25519 public key: {exc}") from None


def _key_from_blob(blob: bytes) -> Ed25519PublicKey:
    kind, pos = _read_string(blob, 0)
    raw, pos = _read_string(blob, pos)
    if kind != KEY_TYPE.encode() or len(raw) != 32 or pos != len(blob):
        raise SignatureError("not an ssh-ed25519 key")
    return Ed25519PublicKey.from_public_bytes(raw)


# -- SSHSIG -----------------------------------------------------------------------------------


def _signed_data(message: bytes, namespace: str) -> bytes:
    return (
        MAGIC
        + _string(namespace.encode())
        + _string(b"")
        + _string(HASH.encode())
        + _string(hashlib.sha512(message).digest())
    )


def sign(message: bytes, key: Ed25519PrivateKey, namespace: str = NAMESPACE) -> str:
    """Return the armored SSH signature of ``message`` (what ``ssh-keygen -Y sign`` writes)."""
    signature = key.sign(_signed_data(message, namespace))
    blob = (
        MAGIC
        + struct.pack(">I", 1)
        + _string(_key_blob(key.public_key()))
        + _string(namespace.encode())
        + _string(b"")
        + _string(HASH.encode())
        + _string(_string(KEY_TYPE.encode()) + _string(signature))
    )
    text = base64.b64encode(blob).decode("ascii")
    lines = [text[i : i + 70] for i in range(0, len(text), 70)]
    return "\n".join([BEGIN, *lines, END]) + "\n"


@dataclass(frozen=True)
class Signature:
    """A verified signature: the key that made it."""

    key: sshsig.PublicKey
    fingerprint: str


def verify(message: bytes, armored: str | bytes, namespace: str = NAMESPACE) -> Signature:
    """Check an armored SSH signature of ``message`` (with ``sshsig``, as ``ssh-keygen -Y
    check-novalidate`` does); return the key that made it.

    Raises:
        SignatureError: malformed, made for another namespace, of a kind not supported, or not
            matching the message.
    """
    try:
        key = sshsig.check_signature(message, armored, namespace)
    except (sshsig.InvalidSignature, NotImplementedError, ValueError) as exc:
        raise SignatureError(f"not a valid SSH signature of it ({exc or type(exc).__name__})"
                             ) from None
    except Exception as exc:  # a truncated or garbled blob the parser trips over
        raise SignatureError(f"not a readable SSH signature ({type(exc).__name__})") from None
    return Signature(key, key.sha256_str())


# -- allowed signers --------------------------------------------------------------------------


@dataclass(frozen=True)
class AllowedSigner:
    """One line of an allowed-signers file."""

    principal: str
    key_line: str
    fingerprint: str


#: the key types an allowed-signers line may name (those ``sshsig`` verifies: an editor who
#: signs with git and an RSA key is listed too; kbdesk itself makes Ed25519 keys)
_KEY_TYPES = ("ssh-ed25519", "ssh-rsa", "rsa-sha2-")


def parse_allowed_signers(text: str) -> list[AllowedSigner]:
    """Read an allowed-signers file; lines without a key ``sshsig`` can read are skipped."""
    out: list[AllowedSigner] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        idx = next((i for i, part in enumerate(parts) if part.startswith(_KEY_TYPES)), None)
        if idx is None or idx == 0 or idx + 1 >= len(parts):
            continue
        key_line = f"{parts[idx]} {parts[idx + 1]}"
        try:
            key = sshsig.PublicKey.from_openssh_str(key_line)
        except (ValueError, NotImplementedError):
            continue
        out.append(AllowedSigner(parts[0], key_line, key.sha256_str()))
    return out


def allowed_signers_problems(text: str) -> list[str]:
    """The lines of an allowed-signers file that name no key kbdesk can read (each with its
    line number); those lines let nobody sign."""
    problems = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line and not line.startswith("#") and not parse_allowed_signers(line):
            problems.append(f"{ALLOWED_SIGNERS}:{number}: no key kbdesk can read; this line "
                            "lets nobody sign")
    return problems


def allowed_line(principal: str, key: Ed25519PublicKey) -> str:
    """One allowed-signers line for ``key`` (the principal spelled without spaces/commas)."""
    name = "".join("_" if ch.isspace() or ch in ',"#' else ch for ch in principal) or "editor"
    return f'{name} namespaces="git" {public_line(key)}'


# -- commits ----------------------------------------------------------------------------------


def sign_commit(commit: Commit, key: Ed25519PrivateKey) -> None:
    """Put the SSH signature of ``commit`` in its ``gpgsig`` header (as git does)."""
    commit.gpgsig = None
    payload = commit.as_raw_string()
    commit.gpgsig = sign(payload, key).rstrip("\n").encode("ascii")


def commit_signature(commit: Commit) -> Signature | None:
    """The verified SSH signature of ``commit``; None when it carries none.

    Raises:
        SignatureError: it carries a signature that is not a valid SSH signature of it.
    """
    armored = commit.gpgsig
    if not armored:
        return None
    return verify(commit.raw_without_sig(), armored)
