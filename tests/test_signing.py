"""SSH signatures on commits: kbdesk's signatures verify with git, and tampering, another
namespace or an unknown key do not verify (Qt-free)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from dulwich.objects import Commit
from dulwich.repo import Repo

from kbdesk.core.storage import keys, signing
from kbdesk.core.storage.repo import LibraryRepo
from tests.clock import now_stamp

# git verifies with ssh-keygen (.ci/run installs both: git, openssh-client)
GIT = shutil.which("git") or "git"


def _commit(message: str = "一版\n") -> Commit:
    commit = Commit()
    commit.tree = b"4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    commit.parents = []
    commit.author = commit.committer = "編輯 <ed@example.org>".encode()
    commit.author_time = commit.commit_time = 1_700_000_000
    commit.author_timezone = commit.commit_timezone = 8 * 3600
    commit.encoding = b"UTF-8"
    commit.message = message.encode("utf-8")
    return commit


def test_a_signed_commit_verifies_and_names_its_key() -> None:
    key = Ed25519PrivateKey.generate()
    commit = _commit()
    signing.sign_commit(commit, key)
    again = Commit.from_string(commit.as_raw_string())
    found = signing.commit_signature(again)
    assert found is not None
    assert found.fingerprint == signing.fingerprint(key.public_key())
    assert found.fingerprint.startswith("SHA256:")


def test_a_tampered_commit_does_not_verify() -> None:
    commit = _commit("退款24小時\n")
    signing.sign_commit(commit, Ed25519PrivateKey.generate())
    raw = commit.as_raw_string().replace("24小時".encode(), "48小時".encode())
    with pytest.raises(signing.SignatureError, match="not a valid SSH signature"):
        signing.commit_signature(Commit.from_string(raw))


def test_a_signature_for_another_namespace_is_refused() -> None:
    key = Ed25519PrivateKey.generate()
    commit = _commit()
    armored = signing.sign(commit.as_raw_string(), key, namespace="file")
    with pytest.raises(signing.SignatureError, match=r"(?i)namespace of signature b'file'"):
        signing.verify(commit.as_raw_string(), armored)


def test_garbage_in_the_signature_header_is_refused() -> None:
    for armored in ("not a signature", f"{signing.BEGIN}\n!!!\n{signing.END}\n",
                    f"{signing.BEGIN}\nU1NIU0lH\n{signing.END}\n"):
        with pytest.raises(signing.SignatureError):
            signing.verify(b"x", armored)


def test_an_unsigned_commit_has_no_signature() -> None:
    assert signing.commit_signature(_commit()) is None


def test_allowed_signers_lines_round_trip_and_skip_what_they_cannot_read() -> None:
    key = Ed25519PrivateKey.generate()
    line = signing.allowed_line("王 小明", key.public_key())
    text = "# editors\n" + line + "\nbob ssh-rsa AAAAB3Nza rsa-key\nbroken line\n"
    signers = signing.parse_allowed_signers(text)
    assert [(s.principal, s.fingerprint) for s in signers] == [
        ("王_小明", signing.fingerprint(key.public_key()))
    ]


def test_keys_init_writes_a_private_key_only_the_user_can_read(tmp_path: Path) -> None:
    made = keys.init_key("ed@desk")
    assert made.path.is_relative_to(Path(os.environ["KBDESK_DATA_DIR"]))
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    loaded = keys.load_key()
    assert loaded is not None and loaded.fingerprint == made.fingerprint
    assert loaded.public_line.endswith(" ed@desk")
    with pytest.raises(keys.KeyProblem, match="exists already"):
        keys.init_key("again")


def test_a_damaged_key_file_is_named(tmp_path: Path) -> None:
    keys.key_path().parent.mkdir(parents=True)
    keys.key_path().write_text("garbage", "utf-8")
    with pytest.raises(keys.KeyProblem, match=r"editor_ed25519.*not an unencrypted OpenSSH"):
        keys.load_key()


def test_git_verifies_a_commit_kbdesk_signed(make_library, tmp_path: Path) -> None:
    key = keys.init_key("ed@desk")
    root = make_library({"a.md": "# 一\n"})
    LibraryRepo.init(root, author="編輯 <ed@example.org>", when=now_stamp()).close()
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(signing.allowed_line("ed", key.private.public_key()) + "\n", "utf-8")
    config = ["-c", "gpg.format=ssh", "-c", f"gpg.ssh.allowedSignersFile={allowed}"]
    done = subprocess.run([GIT, *config, "verify-commit", "-v", "HEAD"], cwd=root,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert f'Good "git" signature for ed with ED25519 key {key.fingerprint}' in done.stderr
    shown = subprocess.run([GIT, *config, "log", "--show-signature", "-1"], cwd=root,
                           capture_output=True, text=True, check=True)
    assert "Good \"git\" signature" in shown.stdout

    other = tmp_path / "other_signers"
    stranger = Ed25519PrivateKey.generate().public_key()
    other.write_text(signing.allowed_line("ed", stranger) + "\n", "utf-8")
    refused = subprocess.run(
        [GIT, "-c", "gpg.format=ssh", "-c", f"gpg.ssh.allowedSignersFile={other}",
         "verify-commit", "HEAD"], cwd=root, capture_output=True, text=True, check=False)
    assert refused.returncode != 0


def test_kbdesk_verifies_a_commit_git_signed(tmp_path: Path) -> None:
    key = keys.init_key("ed@desk")
    repo = tmp_path / "r"
    env = {**os.environ, "GIT_AUTHOR_NAME": "ed", "GIT_AUTHOR_EMAIL": "ed@x",
           "GIT_COMMITTER_NAME": "ed", "GIT_COMMITTER_EMAIL": "ed@x"}
    subprocess.run([GIT, "init", "-q", "-b", "main", str(repo)], check=True, env=env)
    subprocess.run([GIT, "-c", "gpg.format=ssh", "-c", f"user.signingkey={key.path}",
                    "commit", "-q", "-S", "--allow-empty", "-m", "簽署"],
                   cwd=repo, check=True, env=env)
    with Repo(str(repo)) as r:
        commit = r[r.head()]
        assert isinstance(commit, Commit)
        found = signing.commit_signature(commit)
    assert found is not None and found.fingerprint == key.fingerprint


def test_an_editor_signing_with_git_and_an_rsa_key_is_recognised(tmp_path: Path) -> None:
    key = tmp_path / "id_rsa"
    subprocess.run(["ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-C", "ed",
                    "-f", str(key)], check=True)
    public = (tmp_path / "id_rsa.pub").read_text("utf-8").strip()
    listed = signing.parse_allowed_signers(f'ed namespaces="git" {public}\n')
    repo = tmp_path / "r"
    env = {**os.environ, "GIT_AUTHOR_NAME": "ed", "GIT_AUTHOR_EMAIL": "ed@x",
           "GIT_COMMITTER_NAME": "ed", "GIT_COMMITTER_EMAIL": "ed@x"}
    subprocess.run([GIT, "init", "-q", "-b", "main", str(repo)], check=True, env=env)
    subprocess.run([GIT, "-c", "gpg.format=ssh", "-c", f"user.signingkey={key}", "commit",
                    "-q", "-S", "--allow-empty", "-m", "rsa"], cwd=repo, check=True, env=env)
    with Repo(str(repo)) as r:
        commit = r[r.head()]
        assert isinstance(commit, Commit)
        found = signing.commit_signature(commit)
    assert found is not None and [s.fingerprint for s in listed] == [found.fingerprint]
