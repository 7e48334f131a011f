"""Sign-ins for http(s) Git servers (``kbdesk.core.workstation.credentials``): URLs split and
redacted, the OS keyring when there is one, a private file when there is none, the site
settings' password files, how a server's 401/403 is told apart, and the CLI's
``kbdesk credentials`` and ``kbdesk sync`` sign-in on a terminal."""

from __future__ import annotations

import io
import json
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from dulwich.client import HTTPUnauthorized
from dulwich.errors import GitProtocolError, HangupException
from keyring.backend import KeyringBackend
from keyring.backends import fail

from kbdesk.cli import main
from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.errors import CredentialsError, RemoteUnreachable, ServerDenied, SignInNeeded
from kbdesk.core.storage.drafts import DraftStore
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.sync.sync import Syncer, sync_state
from kbdesk.core.workflow.versioning import Versioning
from kbdesk.core.workstation import credentials
from kbdesk.core.workstation.site import load_site
from tests.clock import now_stamp

URL = "https://git.example.com/cs/kb.git"


class MemoryKeyring(KeyringBackend):
    """A keyring held in memory (stands for the OS keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.entries[(service, username)]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        yield ring
    finally:
        keyring.set_keyring(fail.Keyring())
        credentials.forget_session()


@pytest.fixture(autouse=True)
def _no_session() -> Iterator[None]:
    yield
    credentials.forget_session()


def test_a_url_with_a_password_is_split_and_every_printed_url_redacted() -> None:
    clean, typed = credentials.split_url("https://chen:p%40ss%3Aw0rd@Git.Example.com:8443/kb.git")
    assert clean == "https://Git.Example.com:8443/kb.git"
    assert typed == credentials.Credential("chen", "p@ss:w0rd", "url")
    assert "p@ss" not in repr(typed)
    assert credentials.split_url("https://token@host/kb.git") == (
        "https://host/kb.git", credentials.Credential("token", "", "url"))
    assert credentials.split_url("/srv/share/kb.git") == ("/srv/share/kb.git", None)
    assert credentials.split_url("git@host:kb.git") == ("git@host:kb.git", None)
    assert credentials.origin("HTTPS://Git.Example.com/a") == "https://git.example.com:443"
    assert credentials.origin("http://h:8080/a") == "http://h:8080"
    with pytest.raises(CredentialsError, match="not one"):
        credentials.origin("/srv/share/kb.git")
    text = "cannot reach https://chen:secret@host/kb.git nor http://tok@h2/x (see ssh://a@b/c)"
    assert credentials.redact(text) == (
        "cannot reach https://***@host/kb.git nor http://***@h2/x (see ssh://***@b/c)")


def test_a_servers_401_and_403_are_told_from_a_network_failure() -> None:
    assert credentials.refusal(HTTPUnauthorized(None, URL)) == credentials.SIGNIN_NEEDED
    assert credentials.refusal(
        GitProtocolError(f"unexpected http resp 403 for {URL}")) == credentials.NOT_ALLOWED
    assert credentials.refusal(
        GitProtocolError(f"unexpected http resp 401 for {URL}")) == credentials.SIGNIN_NEEDED
    try:
        try:
            raise HTTPUnauthorized(None, URL)
        except HTTPUnauthorized as inner:
            raise OSError("wrapped") from inner
    except OSError as outer:
        assert credentials.refusal(outer) == credentials.SIGNIN_NEEDED
    assert credentials.refusal(GitProtocolError("unexpected http resp 500 for x")) is None
    assert credentials.refusal(HangupException()) is None
    assert credentials.refusal(OSError("connection refused")) is None


def test_without_a_keyring_sign_ins_go_to_a_private_file(tmp_path: Path) -> None:
    assert not credentials.keyring_usable()
    assert credentials.lookup(URL) is None
    assert credentials.store(URL, "陳小華", "密碼 1") == str(credentials.credentials_file())
    kept = credentials.credentials_file()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    found = credentials.lookup("https://git.example.com/other/repo.git")  # one per server
    assert found == credentials.Credential("陳小華", "密碼 1", "file")
    assert credentials.transport_auth(URL) == {
        "username": "陳小華".encode().decode("latin-1"),
        "password": "密碼 1".encode().decode("latin-1")}  # sent as UTF-8, as git does
    assert credentials.lookup("https://git.example.com:8443/kb.git") is None  # other port
    assert credentials.where(URL) == ("陳小華", str(kept))
    # a file found readable by others is made private again
    kept.chmod(0o644)
    assert credentials.lookup(URL) is not None
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert credentials.clear(URL) and credentials.lookup(URL) is None
    assert not credentials.clear(URL)
    # a damaged file is named, never silently overwritten
    kept.write_text("{not json", "utf-8")
    assert credentials.lookup(URL) is None
    with pytest.raises(CredentialsError, match="damaged"):
        credentials.store(URL, "a", "b")
    assert kept.read_text("utf-8") == "{not json"
    with pytest.raises(CredentialsError, match="user name"):
        credentials.store(URL, "", "b")


def test_the_os_keyring_is_used_when_there_is_one(memory_keyring: MemoryKeyring) -> None:
    assert credentials.keyring_usable()
    assert credentials.store(URL, "chen", "s3cret") == "keyring"
    assert not credentials.credentials_file().exists()
    entry = memory_keyring.entries[("kbdesk", "https://git.example.com:443")]
    assert json.loads(entry) == {"username": "chen", "password": "s3cret"}
    assert credentials.lookup(URL) == credentials.Credential("chen", "s3cret", "keyring")
    # a sign-in for this session only comes first, and is forgotten with the process
    credentials.use_for_session(URL, "chen", "typed-now")
    assert credentials.lookup(URL) == credentials.Credential("chen", "typed-now", "session")
    credentials.forget_session()
    assert credentials.clear(URL) and not memory_keyring.entries


def test_the_site_settings_name_a_password_file_never_a_password(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "git-password"
    secret.write_text("site-pass\n", "utf-8")
    site = tmp_path / "site.yaml"
    site.write_text(
        "git_credentials:\n"
        f"  - {{url: 'https://git.example.com/cs', username: cs-agents, "
        f"password_file: '{secret}'}}\n"
        "  - {url: 'https://other', username: x, password: plain}\n"
        "  - just text\n", "utf-8")
    monkeypatch.setenv("KBDESK_SITE_CONFIG", str(site))
    loaded = load_site()
    assert [c.username for c in loaded.git_credentials] == ["cs-agents"]
    assert any("entry 2" in p and "never written in site.yaml" in p for p in loaded.problems)
    assert any("entry 3" in p and "mapping" in p for p in loaded.problems)
    assert credentials.lookup(URL) == credentials.Credential("cs-agents", "site-pass", "site")
    assert credentials.lookup("https://git.example.com/csv/kb.git") is None  # not under it
    credentials.store(URL, "chen", "mine")  # the user's own comes first
    assert credentials.lookup(URL) == credentials.Credential("chen", "mine", "file")
    credentials.clear(URL)
    secret.unlink()  # an unreadable password file: no sign-in, logged
    assert credentials.lookup(URL) is None


def test_a_password_kept_in_an_old_remote_url_moves_out_of_the_git_config(
        tmp_path: Path, make_library) -> None:
    root = make_library({"a.md": "---\ntitle: A\n---\n"})
    repo = LibraryRepo.init(root, when=now_stamp())
    repo.set_remote_url("http://chen:old-secret@127.0.0.1:9/kb.git")  # a port nobody serves
    repo.close()
    versioning = Versioning(root, clock=SYSTEM_CLOCK)
    try:
        with pytest.raises(RemoteUnreachable) as caught:
            Syncer(versioning, DraftStore(root, SYSTEM_CLOCK)).sync()
    finally:
        versioning.close()
    assert "old-secret" not in str(caught.value)
    config = (root / ".git" / "config").read_text("utf-8")
    assert "old-secret" not in config and "http://127.0.0.1:9/kb.git" in config
    assert credentials.lookup("http://127.0.0.1:9/kb.git") == credentials.Credential(
        "chen", "old-secret", "file")
    assert "old-secret" not in json.dumps(sync_state(root))


def test_errors_name_the_remote_without_user_info() -> None:
    assert isinstance(SignInNeeded("x", URL), Exception) and SignInNeeded("x", URL).url == URL
    assert ServerDenied("y", URL).url == URL


# -- the command line -------------------------------------------------------------------------


def test_credentials_commands(capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("pw-1\n"))
    assert main(["credentials", "set", URL, "--username", "chen", "--password-stdin"]) == 0
    out = capsys.readouterr().out
    assert "signed in to https://git.example.com:443 as chen" in out and "pw-1" not in out
    assert main(["credentials", "show", URL]) == 0
    assert "signed in as chen" in capsys.readouterr().out
    # no terminal and no --password-stdin: says how, asks nothing
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["credentials", "set", URL, "--username", "chen"]) == 2
    assert "--password-stdin" in capsys.readouterr().err
    assert main(["credentials", "set", "/srv/share/kb.git", "--username", "x",
                 "--password-stdin"]) == 2
    assert "http(s) Git servers" in capsys.readouterr().err
    # a URL typed with the password stores it; it is never printed
    assert main(["credentials", "set", "https://wang:pw-2@git.example.com/kb.git"]) == 0
    assert "pw-2" not in capsys.readouterr().out
    assert credentials.lookup(URL) == credentials.Credential("wang", "pw-2", "file")
    assert main(["credentials", "clear", URL]) == 0
    assert "forgot https://git.example.com/cs/kb.git" in capsys.readouterr().out
    assert main(["credentials", "show", URL]) == 1


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_sync_asks_for_a_sign_in_on_a_terminal_once(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        make_library) -> None:
    """On a terminal ``kbdesk sync`` asks once (user name, password without echo, remember?),
    then syncs again; a second refusal is reported, not asked again."""
    root = make_library({"a.md": "---\ntitle: A\n---\n"})
    LibraryRepo.init(root, when=now_stamp()).close()
    tries: list[dict[str, str]] = []

    def refusing(self: Syncer, remote_url: str | None = None, **kwargs: object) -> object:
        tries.append(dict(credentials.transport_auth(URL)))
        raise SignInNeeded(f"sign-in needed: the Git server {URL} asks", URL)

    monkeypatch.setattr(Syncer, "sync", refusing)
    monkeypatch.setattr("sys.stdin", _Terminal("chen\nn\n"))
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "typed-pw")
    code = main(["sync", "--library", str(root)])
    err = capsys.readouterr().err
    assert code == 4 and "sign-in needed" in err and "typed-pw" not in err
    assert tries == [{}, {"username": "chen", "password": "typed-pw"}]
    assert credentials.lookup(URL).source == "session"  # type: ignore[union-attr]
    assert not credentials.credentials_file().exists()  # "n": not remembered
    # without a terminal nothing is asked
    credentials.forget_session()
    tries.clear()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["sync", "--library", str(root)]) == 4
    assert len(tries) == 1 and "sign-in needed" in capsys.readouterr().err


def test_clone_from_a_server_that_asks_says_sign_in_needed(
        tmp_path: Path, make_library, capsys: pytest.CaptureFixture[str]) -> None:
    from dulwich import porcelain

    from tests.gitserver import BasicAuthRemote

    bare = tmp_path / "served.git"
    porcelain.init(str(bare), bare=True).close()
    served = BasicAuthRemote(bare, {"chen": "pw-1"})
    served.start()
    try:
        assert main(["clone", served.url, str(tmp_path / "joined")]) == 4
        err = capsys.readouterr().err
        assert "sign-in needed" in err and "credentials set" in err and "offline" not in err
        assert not (tmp_path / "joined").exists()
        typed = served.url.replace("http://", "http://chen:wrong@")
        assert main(["clone", typed, str(tmp_path / "joined")]) == 4
        err = capsys.readouterr().err
        assert "did not accept" in err and "wrong" not in err and "chen:" not in err
        assert credentials.lookup(served.url) is None  # a refused sign-in is never kept
    finally:
        served.stop()


def test_a_hostile_url_is_refused_without_printing_its_password(
        capsys: pytest.CaptureFixture[str], make_library) -> None:
    root = make_library({"a.md": "---\ntitle: A\n---\n"})
    LibraryRepo.init(root, when=now_stamp()).close()
    assert main(["sync", "--library", str(root), "--remote", "ssh://u:pw-9@-oProxy/x"]) == 2
    err = capsys.readouterr().err
    assert "refused" in err and "pw-9" not in err
