"""``kbdesk keys init|show|add|adopt``, ``kbdesk clone --trust`` and what ``kbdesk sync`` says
about a refused change (CLI, Qt-free)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.core.storage import keys, signing
from kbdesk.core.storage.repo import LibraryRepo
from tests.clock import now_stamp
from tests.remotes import TWO_DOCUMENTS, hostile_commit


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def be(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    monkeypatch.setenv("KBDESK_DATA_DIR", str(tmp_path / f"data-{name}"))


def test_keys_init_and_show(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "keys", "show")
    assert code == 1 and "kbdesk keys init" in out
    code, out, _ = run(capsys, "keys", "init", "--name", "ed")
    key = keys.load_key()
    assert code == 0 and key is not None and key.fingerprint in out
    assert "kbdesk keys add 'ssh-ed25519 " in out
    code, out, _ = run(capsys, "keys", "show")
    assert code == 0 and out.splitlines() == [f"your key: {key.fingerprint}", key.public_line]
    code, _, err = run(capsys, "keys", "init")
    assert code == 2 and "exists already" in err


def test_adopt_add_and_show_the_library_editors(capsys, make_library, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_library(TWO_DOCUMENTS)
    LibraryRepo.init(root, when=now_stamp()).close()
    code, _, err = run(capsys, "keys", "adopt", "--library", str(root))
    assert code == 2 and "no editor key" in err and "kbdesk keys init" in err
    be(monkeypatch, tmp_path, "second")
    run(capsys, "keys", "init", "--name", "second")
    second = keys.load_key()
    assert second is not None
    (tmp_path / "second.pub").write_text(second.public_line + "\n", "utf-8")
    code, _, err = run(capsys, "keys", "add", str(tmp_path / "second.pub"), "--name", "second",
                       "--library", str(root))
    assert code == 2 and "adopt" in err  # nothing to add to before signing is adopted

    be(monkeypatch, tmp_path, "first")
    run(capsys, "keys", "init", "--name", "first")
    first = keys.load_key()
    assert first is not None
    code, out, _ = run(capsys, "keys", "adopt", "--library", str(root), "--name", "first")
    assert code == 0 and first.fingerprint in out and "editor_fingerprints" in out
    code, out, _ = run(capsys, "keys", "add", str(tmp_path / "second.pub"), "--name", "second",
                       "--library", str(root))
    assert code == 0 and second.fingerprint in out
    code, out, _ = run(capsys, "keys", "show", "--library-keys", "--library", str(root))
    assert f"editor first: {first.fingerprint}  (you)" in out
    assert f"editor second: {second.fingerprint}" in out
    code, _, err = run(capsys, "keys", "add", "ssh-rsa AAAA nonsense", "--library", str(root))
    assert code == 2 and "ssh-ed25519" in err
    listed = (root / signing.ALLOWED_SIGNERS).read_text("utf-8")
    assert len(signing.parse_allowed_signers(listed)) == 2
    LibraryRepo(root).commit({signing.ALLOWED_SIGNERS: (listed + "typo ssh-ed25519 AAAA\n"
                                                        ).encode()}, "a typo", when=now_stamp())
    code, out, _ = run(capsys, "keys", "show", "--library-keys", "--library", str(root))
    assert f"warning: {signing.ALLOWED_SIGNERS}:3: no key kbdesk can read" in out


def test_clone_asks_for_the_fingerprint_and_sync_reports_a_refused_change(
    capsys, make_library, bare: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    be(monkeypatch, tmp_path, "editor")
    root = make_library(TWO_DOCUMENTS)
    LibraryRepo.init(root, when=now_stamp()).close()
    assert run(capsys, "sync", "--library", str(root), "--remote", str(bare))[0] == 0
    run(capsys, "keys", "init")
    run(capsys, "keys", "adopt", "--library", str(root))
    assert run(capsys, "sync", "--library", str(root))[0] == 0
    key = keys.load_key()
    assert key is not None

    be(monkeypatch, tmp_path, "agent")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, out, err = run(capsys, "clone", str(bare), str(tmp_path / "agent"))
    assert code == 2 and key.fingerprint in out and "--trust" in err
    assert not (tmp_path / "agent").exists()
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)  # a person answers at the terminal
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    code, out, err = run(capsys, "clone", str(bare), str(tmp_path / "agent"))
    assert code == 2 and key.fingerprint in out and not (tmp_path / "agent").exists()
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    code, out, _ = run(capsys, "clone", str(bare), str(tmp_path / "asked"))
    assert code == 0 and (tmp_path / "asked" / signing.ALLOWED_SIGNERS).is_file()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, out, _ = run(capsys, "clone", str(bare), str(tmp_path / "agent"),
                       "--trust", key.fingerprint)
    assert code == 0, out

    bad = hostile_commit(bare, {(b"refund.md",): (0o100644, b"unsigned\n")})
    code, out, _ = run(capsys, "sync", "--library", str(tmp_path / "agent"))
    assert code == 1 and "sync: untrusted" in out
    assert "a change that was not signed by an editor was refused" in out
    assert bad.decode()[:12] not in out  # an agent is not shown the details
    be(monkeypatch, tmp_path, "editor")
    code, out, _ = run(capsys, "sync", "--library", str(root))
    assert code == 1 and f"refused: commit {bad.decode()[:12]}: is not signed" in out
    assert "refund.md" in out
    text = (root / "greeting.md").read_text("utf-8").replace("很高興", "非常高興")
    (root / "greeting.md").write_text(text, "utf-8")
    code, out, err = run(capsys, "publish", str(root / "greeting.md"), "--note", "n",
                         "--library", str(root))
    assert code == 0 and "published greeting.md v2" in out and "sent to" not in out
    assert "not sent" in err and "not signed by an editor was refused" in err
