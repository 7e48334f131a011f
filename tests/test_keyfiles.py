"""Private key files (the workstation's and the editor's keys): written for the user only, read
back with every fault named."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from kbdesk.core.errors import KbError
from kbdesk.core.workstation.keyfiles import read_ed25519_key, write_private_key


class Refused(KbError):
    """A caller's own error type."""


def _pem(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _load(data: bytes) -> object:
    return serialization.load_pem_private_key(data, password=None)


def _read(path: Path) -> Ed25519PrivateKey | None:
    return read_ed25519_key(path, _load, what="the test key", kind="a PEM key",
                            remedy="move it away", error=Refused)


def test_a_key_is_written_for_the_user_only_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "test.pem"
    key = Ed25519PrivateKey.generate()
    write_private_key(path, _pem(key), what="the test key")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    read = _read(path)
    assert read is not None and _pem(read) == _pem(key)


def test_an_open_folder_is_closed_to_others(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    write_private_key(folder / "test.pem", _pem(Ed25519PrivateKey.generate()), what="a key")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_no_file_is_no_key(tmp_path: Path) -> None:
    assert _read(tmp_path / "keys" / "missing.pem") is None


def test_a_damaged_file_is_named_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "test.pem"
    path.write_bytes(b"-----BEGIN PRIVATE KEY-----\nnot a key\n")
    with pytest.raises(Refused, match=r"test\.pem: not a PEM key \(.*\); move it away"):
        _read(path)
    assert path.read_bytes().startswith(b"-----BEGIN")  # never replaced


def test_another_kind_of_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "test.pem"
    path.write_bytes(_pem(X25519PrivateKey.generate()))
    with pytest.raises(Refused, match=r"test\.pem: the test key is not an Ed25519 key.*move it"):
        _read(path)


def test_a_file_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "test.pem"
    folder.mkdir()  # a folder where the file should be: reading it fails
    with pytest.raises(Refused, match=r"test\.pem: cannot read the test key"):
        _read(folder)


def test_a_key_that_cannot_be_written_is_named_and_nothing_is_left(tmp_path: Path) -> None:
    blocker = tmp_path / "keys"
    blocker.write_text("a file where the folder should be", "utf-8")
    with pytest.raises(Refused, match=r"keys/test\.pem: cannot write the test key"):
        write_private_key(blocker / "test.pem", b"secret", what="the test key", error=Refused)
    assert blocker.read_text("utf-8") == "a file where the folder should be"
