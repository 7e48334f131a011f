"""``kbdesk server-hook`` installed as the pre-receive hook of a bare repository, pushed to with
the real ``git`` binary over file:// (which runs hooks): unsigned or unknown-key commits and
non-fast-forwards on main, and writes to another workstation's team records, are refused."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.storage import keys, signing
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.team import serverhook
from kbdesk.core.workflow import editors
from tests.clock import now_stamp

GIT = shutil.which("git") or "git"


def _git(*args: str, cwd: Path, user: str = "", check: bool = True,
         key: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "x", "GIT_AUTHOR_EMAIL": "x@y",
           "GIT_COMMITTER_NAME": "x", "GIT_COMMITTER_EMAIL": "x@y", "REMOTE_USER": user}
    config = ["-c", "gpg.format=ssh", "-c", "protocol.file.allow=always"]
    if key is not None:
        config += ["-c", f"user.signingkey={key}", "-c", "commit.gpgsign=true"]
    return subprocess.run([GIT, *config, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, check=check)


@pytest.fixture
def server(tmp_path: Path) -> Path:
    """A bare repository whose pre-receive hook is kbdesk's, with an owners file."""
    bare = tmp_path / "server.git"
    _git("init", "-q", "--bare", "-b", "main", str(bare), cwd=tmp_path)
    hook = bare / "hooks" / "pre-receive"
    hook.write_text(f"#!/bin/sh\nexec {sys.executable} -m kbdesk server-hook\n", "utf-8")
    hook.chmod(0o755)
    (bare / "kbdesk-owners").write_text("# workstation account\ndesk-1 alice\ndesk-2 bob\n",
                                        "utf-8")
    return bare


@pytest.fixture
def signed_clone(server: Path, make_library, tmp_path: Path) -> tuple[Path, keys.EditorKey]:
    """An editor's library that adopted signing, pushed to the server; and the editor's key."""
    root = make_library({"refund.md": "# 退款\n\n24小時\n"})
    LibraryRepo.init(root, when=now_stamp()).close()
    key = keys.init_key("ed@desk")
    editors.adopt(root, "ed", clock=SYSTEM_CLOCK)
    _git("push", "-q", f"file://{server}", "main:main", cwd=root)
    work = tmp_path / "work"
    _git("clone", "-q", f"file://{server}", str(work), cwd=tmp_path)
    return work, key


def _commit_file(work: Path, text: str, *, key: Path | None = None) -> None:
    (work / "refund.md").write_text(text, "utf-8")
    _git("add", "refund.md", cwd=work)
    _git("commit", "-q", "-m", "change", cwd=work, key=key)


def test_an_editor_signed_push_is_accepted(signed_clone, server: Path) -> None:
    work, key = signed_clone
    _commit_file(work, "48小時\n", key=key.path)
    done = _git("push", "origin", "main", cwd=work, check=False)
    assert done.returncode == 0, done.stderr


def test_an_unsigned_push_to_main_is_refused(signed_clone, server: Path) -> None:
    work, _ = signed_clone
    before = _git("rev-parse", "main", cwd=server).stdout
    _commit_file(work, "72小時\n")
    done = _git("push", "origin", "main", cwd=work, check=False)
    assert done.returncode != 0
    assert "kbdesk: refused refs/heads/main" in done.stderr and "is not signed" in done.stderr
    assert "refund.md" in done.stderr
    assert _git("rev-parse", "main", cwd=server).stdout == before


def test_a_push_signed_by_an_unknown_key_is_refused(signed_clone, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    work, _ = signed_clone
    monkeypatch.setenv("KBDESK_DATA_DIR", str(tmp_path / "stranger"))
    stranger = keys.init_key("stranger@desk")
    _commit_file(work, "hacked\n", key=stranger.path)
    done = _git("push", "origin", "main", cwd=work, check=False)
    assert done.returncode != 0
    assert f"not an editor's ({stranger.fingerprint})" in done.stderr


def test_a_force_push_to_main_is_refused(signed_clone, server: Path) -> None:
    work, key = signed_clone
    _git("reset", "-q", "--hard", "HEAD~1", cwd=work)
    _commit_file(work, "rewritten\n", key=key.path)
    done = _git("push", "--force", "origin", "main", cwd=work, check=False)
    assert done.returncode != 0 and "not a fast-forward" in done.stderr
    deleted = _git("push", "origin", ":main", cwd=work, check=False)
    assert deleted.returncode != 0


def test_team_records_only_from_their_owner(signed_clone, server: Path) -> None:
    work, _ = signed_clone
    _git("update-ref", "refs/kbdesk/receipts/desk-1", "HEAD~1", cwd=work)
    own = _git("push", "origin", "refs/kbdesk/receipts/desk-1", cwd=work, user="alice",
               check=False)
    assert own.returncode == 0, own.stderr
    _git("update-ref", "refs/kbdesk/receipts/desk-2", "HEAD~1", cwd=work)
    forged = _git("push", "origin", "refs/kbdesk/receipts/desk-2", cwd=work, user="alice",
                  check=False)
    assert forged.returncode != 0
    assert "alice may not write the records of workstation 'desk-2'" in forged.stderr
    unknown = _git("push", "origin", "HEAD~1:refs/kbdesk/flags/desk-9", cwd=work,
                   user="alice", check=False)
    assert unknown.returncode != 0 and "'desk-9' is not in kbdesk-owners" in unknown.stderr
    grown = _git("push", "origin", "HEAD:refs/kbdesk/receipts/desk-1", cwd=work,
                 user="alice", check=False)
    assert grown.returncode == 0, grown.stderr  # HEAD descends from HEAD~1: it grows
    deleted = _git("push", "origin", ":refs/kbdesk/receipts/desk-1", cwd=work, user="alice",
                   check=False)
    assert deleted.returncode != 0 and "cannot be deleted" in deleted.stderr
    back = _git("push", "--force", "origin", "HEAD~1:refs/kbdesk/receipts/desk-1",
                cwd=work, user="alice", check=False)
    assert back.returncode != 0 and "only grow" in back.stderr


def test_the_hook_reads_update_hook_arguments_and_refuses_bad_input(tmp_path: Path) -> None:
    err = io.StringIO()
    assert serverhook.run(io.BytesIO(b"garbage\n"), err, git_dir=tmp_path) == 1
    assert "expected 'old new ref'" in err.getvalue()
    err = io.StringIO()
    assert serverhook.run(io.BytesIO(b""), err, ref="refs/heads/x", old="0" * 40,
                          new=None, git_dir=tmp_path) == 1
    assert "REF OLD NEW" in err.getvalue()


def test_owners_file_errors_name_the_line(tmp_path: Path) -> None:
    owners = tmp_path / "kbdesk-owners"
    owners.write_text("desk-1 alice\nlonely\n", "utf-8")
    with pytest.raises(ValueError, match=r"kbdesk-owners:2"):
        serverhook.read_owners(owners)


def test_the_main_check_without_signing_takes_any_fast_forward(
    server: Path, make_library, tmp_path: Path
) -> None:
    root = make_library({"a.md": "# a\n"})
    LibraryRepo.init(root, when=now_stamp()).close()  # no key, no signing: a library as before
    done = _git("push", f"file://{server}", "main:main", cwd=root, check=False)
    assert done.returncode == 0, done.stderr
    (root / "a.md").write_text("# b\n", "utf-8")
    _git("commit", "-q", "-am", "unsigned", cwd=root)
    assert _git("push", f"file://{server}", "main:main", cwd=root, check=False).returncode == 0
    _git("reset", "-q", "--hard", "HEAD~1", cwd=root)
    forced = _git("push", "--force", f"file://{server}", "main:main", cwd=root, check=False)
    assert forced.returncode != 0 and "not a fast-forward" in forced.stderr


def test_adopting_signing_by_push_then_unsigned_is_refused(
    server: Path, make_library, tmp_path: Path
) -> None:
    root = make_library({"a.md": "# a\n"})
    LibraryRepo.init(root, when=now_stamp()).close()
    _git("push", f"file://{server}", "main:main", cwd=root)
    stranger = Ed25519PrivateKey.generate()
    # an adoption whose signer is not in its own list is refused
    (root / ".kbdesk").mkdir()
    (root / signing.ALLOWED_SIGNERS).write_text(
        signing.allowed_line("x", stranger.public_key()) + "\n", "utf-8")
    _git("add", "-f", signing.ALLOWED_SIGNERS, cwd=root)
    _git("commit", "-q", "-m", "adopt unsigned", cwd=root)
    done = _git("push", f"file://{server}", "main:main", cwd=root, check=False)
    assert done.returncode != 0 and "adopts signing but is not signed" in done.stderr


def test_as_an_update_hook_it_refuses_the_same(signed_clone, server: Path) -> None:
    work, key = signed_clone
    (server / "hooks" / "pre-receive").unlink()
    hook = server / "hooks" / "update"
    hook.write_text(f'#!/bin/sh\nexec {sys.executable} -m kbdesk server-hook "$1" "$2" "$3"\n',
                    "utf-8")
    hook.chmod(0o755)
    _commit_file(work, "unsigned\n")
    done = _git("push", "origin", "main", cwd=work, check=False)
    assert done.returncode != 0 and "is not signed" in done.stderr
    _git("reset", "-q", "--hard", "HEAD~1", cwd=work)
    _commit_file(work, "signed\n", key=key.path)
    done = _git("push", "origin", "main", cwd=work, check=False)
    assert done.returncode == 0, done.stderr


def test_with_trust_only_that_key_may_adopt_signing(server: Path, make_library,
                                                    tmp_path: Path) -> None:
    hook = server / "hooks" / "pre-receive"
    hook.write_text(f"#!/bin/sh\nexec {sys.executable} -m kbdesk server-hook "
                    "--trust SHA256:the-it-departments-key\n", "utf-8")
    root = make_library({"refund.md": "# 退款\n"})
    LibraryRepo.init(root, when=now_stamp()).close()
    _git("push", "-q", f"file://{server}", "main:main", cwd=root)
    key = keys.init_key("ed@desk")
    editors.adopt(root, "ed", clock=SYSTEM_CLOCK)
    done = _git("push", f"file://{server}", "main:main", cwd=root, check=False)
    assert done.returncode != 0
    assert f"adopts signing with a key not trusted here ({key.fingerprint})" \
        in done.stderr
    hook.write_text(f"#!/bin/sh\nexec {sys.executable} -m kbdesk server-hook "
                    f"--trust {key.fingerprint}\n", "utf-8")
    done = _git("push", f"file://{server}", "main:main", cwd=root, check=False)
    assert done.returncode == 0, done.stderr
