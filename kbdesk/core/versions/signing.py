"""SSH signatures on library commits, in the format ``git commit -S`` makes with
``gpg.format=ssh``: a ``gpgsig`` header holding an armored SSHSIG (namespace ``git``, SHA-512)
over the commit object without that header, so ``git log --show-signature`` with
``gpg.ssh.allowedSignersFile`` verifies what kbdesk signs and kbdesk verifies what git signs.

Only Ed25519 keys are made and checked (``cryptography``); an ``allowed_signers`` file is read
in git's / ssh-keygen's format (``principals [options] keytype base64 [comment]``), lines with
other key types are kept but never match.
"""

from __future__ import annotations

import base64
import hashlib
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
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
    """A verified signature: who made it."""

    key: Ed25519PublicKey
    fingerprint: str


def verify(message: bytes, armored: str | bytes, namespace: str = NAMESPACE) -> Signature:
    """Check an armored SSH signature of ``message``; return the key that made it.

    Raises:
        SignatureError: malformed, another namespace, another hash, another key type, or the
            signature does not match the message.
    """
    text = armored.decode("ascii", "replace") if isinstance(armored, bytes) else armored
    lines = [line.strip() for line in text.strip().splitlines()]
    if len(lines) < 3 or lines[0] != BEGIN or lines[-1] != END:
        raise SignatureError("not an armored SSH signature")
    try:
        blob = base64.b64decode("".join(lines[1:-1]), validate=True)
    except ValueError:
        raise SignatureError("the SSH signature is not valid base64") from None
    if not blob.startswith(MAGIC) or len(blob) < 10:
        raise SignatureError("not an SSH signature (no SSHSIG header)")
    (version,) = struct.unpack(">I", blob[6:10])
    if version != 1:
        raise SignatureError(f"SSH signature version {version} is not supported")
    key_blob, pos = _read_string(blob, 10)
    ns, pos = _read_string(blob, pos)
    _reserved, pos = _read_string(blob, pos)
    hash_alg, pos = _read_string(blob, pos)
    sig_blob, pos = _read_string(blob, pos)
    if ns.decode("utf-8", "replace") != namespace:
        raise SignatureError(
            f"signed for namespace {ns.decode('utf-8', 'replace')!r}, not {namespace!r}"
        )
    if hash_alg.decode("ascii", "replace") not in ("sha512", "sha256"):
        raise SignatureError(f"unsupported hash {hash_alg!r}")
    key = _key_from_blob(key_blob)
    kind, spos = _read_string(sig_blob, 0)
    raw, _ = _read_string(sig_blob, spos)
    if kind != KEY_TYPE.encode():
        raise SignatureError(f"unsupported signature type {kind!r}")
    digest = hashlib.new(hash_alg.decode("ascii"), message).digest()
    data = MAGIC + _string(ns) + _string(b"") + _string(hash_alg) + _string(digest)
    try:
        key.verify(raw, data)
    except InvalidSignature:
        raise SignatureError("the signature does not match (the content was changed)") from None
    return Signature(key, fingerprint_of_blob(key_blob))


# -- allowed signers --------------------------------------------------------------------------


@dataclass(frozen=True)
class AllowedSigner:
    """One line of an allowed-signers file."""

    principal: str
    key_line: str
    fingerprint: str


def parse_allowed_signers(text: str) -> list[AllowedSigner]:
    """Read an allowed-signers file; lines that are not ssh-ed25519 keys are skipped."""
    out: list[AllowedSigner] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        idx = next((i for i, part in enumerate(parts) if part == KEY_TYPE), None)
        if idx is None or idx == 0 or idx + 1 >= len(parts):
            continue
        key_line = f"{parts[idx]} {parts[idx + 1]}"
        try:
            key = parse_public(key_line)
        except SignatureError:
            continue
        out.append(AllowedSigner(parts[0], key_line, fingerprint(key)))
    return out


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
