"""git's own smart HTTP server for tests: ``git http-backend`` behind lighttpd with basic auth,
on 127.0.0.1 and a free port, its configuration and logs in the test's temporary folder.

Every request needs a user name and password (lighttpd's ``mod_auth``, an htpasswd file of
``{SHA}`` lines); pushing (``git-receive-pack``) is for the users named as pushers only: a small
CGI wrapper answers ``403 Forbidden`` to the others before running ``git http-backend``.
``install_hook`` puts a hook script (``pre-receive``, ``update`` …) into the served repository.

Without lighttpd the tests fail under CI (``CI=true``: ``.ci/run`` installs it, so a missing
server is a broken setup) and are skipped, with the reason, on a developer's machine.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import socket
import stat
import subprocess
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.remotes import HttpRemote

LIGHTTPD_PLACES = ("/usr/sbin/lighttpd", "/usr/local/sbin/lighttpd")

_WRAPPER = """#!/bin/sh
# Only the users named in KBDESK_PUSHERS may push; git http-backend serves everything else.
case "$QUERY_STRING $PATH_INFO" in
  *git-receive-pack*)
    case " $KBDESK_PUSHERS " in
      *" $REMOTE_USER "*) ;;
      *) printf 'Status: 403 Forbidden\\r\\nContent-Type: text/plain\\r\\n\\r\\n'
         printf '%s may not push here\\n' "$REMOTE_USER"
         exit 0 ;;
    esac ;;
esac
exec "$KBDESK_HTTP_BACKEND"
"""


def lighttpd_path() -> str | None:
    """lighttpd (``KBDESK_LIGHTTPD`` overrides), or None."""
    override = os.environ.get("KBDESK_LIGHTTPD")
    if override:
        return override if Path(override).exists() else None
    found = shutil.which("lighttpd")
    if found:
        return found
    return next((place for place in LIGHTTPD_PLACES if Path(place).exists()), None)


def http_backend_path() -> str | None:
    """git's ``git-http-backend`` program, or None."""
    git = shutil.which("git")
    if git is None:
        return None
    run = subprocess.run([git, "--exec-path"], capture_output=True, text=True, check=False)
    backend = Path(run.stdout.strip()) / "git-http-backend"
    return str(backend) if run.returncode == 0 and backend.exists() else None


def missing(reason: str) -> None:
    """Fail in CI, skip elsewhere: the server tests may never silently pass without a server."""
    message = f"{reason}; install it with: apt-get install -y lighttpd git (bash .ci/run does)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _htpasswd_line(user: str, password: str) -> str:
    digest = base64.b64encode(hashlib.sha1(password.encode("utf-8")).digest()).decode("ascii")
    return f"{user}:{{SHA}}{digest}"


class GitHttpServer:
    """One bare repository, ``kb.git``, served by ``git http-backend`` behind lighttpd.

    Args:
        folder: where the repository, the configuration and the logs go (a tmp_path).
        users: user name -> password (every request needs one of them).
        pushers: the users allowed to push (the others get HTTP 403 when they try).
    """

    def __init__(self, folder: Path, users: Mapping[str, str], pushers: Iterable[str]) -> None:
        lighttpd, backend = lighttpd_path(), http_backend_path()
        if lighttpd is None:
            missing("lighttpd (the web server in front of git http-backend) is not installed")
        if backend is None:
            missing("git (its git-http-backend program) is not installed")
        assert lighttpd is not None and backend is not None
        self.lighttpd, self.backend = lighttpd, backend
        self.folder = folder
        self.root = folder / "served"
        self.bare = self.root / "kb.git"
        self.root.mkdir(parents=True)
        subprocess.run(["git", "init", "-q", "--bare", "--initial-branch=main", str(self.bare)],
                       check=True)
        subprocess.run(["git", "-C", str(self.bare), "config", "http.receivepack", "true"],
                       check=True)
        self.users = dict(users)
        self.pushers = list(pushers)
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The repository's URL (no user info)."""
        return f"http://127.0.0.1:{self.port}/git/kb.git"

    def url_with(self, user: str, password: str) -> str:
        """The repository's URL with ``user:password@`` typed in (quoted as URLs need)."""
        return f"http://{quote(user, safe='')}:{quote(password, safe='')}@127.0.0.1:" \
               f"{self.port}/git/kb.git"

    def install_hook(self, name: str, script: Path) -> Path:
        """Install ``script`` as the served repository's hook ``name`` (``pre-receive``,
        ``update`` …), executable; returns where it went."""
        target = self.bare / "hooks" / name
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(script, target)
        target.chmod(target.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return target

    def _configure(self) -> Path:
        users = self.folder / "users.htpasswd"
        users.write_text("".join(_htpasswd_line(u, p) + "\n" for u, p in self.users.items()),
                         "utf-8")
        users.chmod(0o600)
        wrapper = self.folder / "git-cgi.sh"
        wrapper.write_text(_WRAPPER, "utf-8")
        wrapper.chmod(0o755)
        conf = self.folder / "lighttpd.conf"
        conf.write_text(f"""
server.modules = ("mod_auth", "mod_authn_file", "mod_alias", "mod_setenv", "mod_cgi")
server.document-root = "{self.root}"
server.bind = "127.0.0.1"
server.port = {self.port}
server.errorlog = "{self.folder / 'error.log'}"
auth.backend = "htpasswd"
auth.backend.htpasswd.userfile = "{users}"
auth.require = ( "/" => ( "method" => "basic", "realm" => "kbdesk test",
                          "require" => "valid-user" ) )
alias.url = ( "/git/" => "{wrapper}/" )
$HTTP["url"] =~ "^/git/" {{
    cgi.assign = ( "" => "" )
    setenv.add-environment = (
        "GIT_PROJECT_ROOT" => "{self.root}",
        "GIT_HTTP_EXPORT_ALL" => "1",
        "KBDESK_HTTP_BACKEND" => "{self.backend}",
        "KBDESK_PUSHERS" => "{' '.join(self.pushers)}",
    )
}}
""", "utf-8")
        return conf

    def start(self) -> None:
        """Start lighttpd on a free port of 127.0.0.1 (the same port again after ``stop``)."""
        for _attempt in range(5):
            if not self.port:
                self.port = _free_port()
            conf = self._configure()
            with (self.folder / "stderr.log").open("ab") as errors:
                self.process = subprocess.Popen(
                    [self.lighttpd, "-D", "-f", str(conf)], stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL, stderr=errors)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and self.process.poll() is None:
                try:
                    socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                    return
                except OSError:
                    time.sleep(0.05)
            self.stop()
            self.port = 0  # taken meanwhile, or lighttpd refused: another port
        log = "".join(p.read_text("utf-8", "replace") for p in
                      (self.folder / "stderr.log", self.folder / "error.log") if p.exists())
        raise RuntimeError(f"lighttpd did not start: {log}")

    def stop(self) -> None:
        """Stop the server (the repository stays)."""
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
            self.process = None

    def git(self, *args: str) -> str:
        """Run git in the served repository; its output."""
        return subprocess.run(["git", "-C", str(self.bare), *args], capture_output=True,
                              text=True, check=True).stdout


class BasicAuthRemote(HttpRemote):
    """A bare repository served by dulwich's smart HTTP server on 127.0.0.1 behind HTTP basic
    auth (a few lines of WSGI): for tests that need a server asking for a sign-in but not git's
    own server (the app's dialogs). ``users``: user name -> password; ``readers`` may fetch
    but get 403 when they push."""

    def __init__(self, bare: Path, users: Mapping[str, str], readers: Iterable[str] = ()) -> None:
        super().__init__(bare)
        self.users, self.readers = dict(users), set(readers)

    def _app(self, app: Any) -> Any:
        def guarded(environ: dict[str, Any], start_response: Any) -> Any:
            header = environ.get("HTTP_AUTHORIZATION", "")
            user = password = None
            if header.startswith("Basic "):
                decoded = base64.b64decode(header[6:]).decode("utf-8", "replace")
                user, _, password = decoded.partition(":")
            if user is None or self.users.get(user) != password:
                start_response("401 Unauthorized",
                               [("WWW-Authenticate", 'Basic realm="kbdesk test"'),
                                ("Content-Type", "text/plain")])
                return [b"sign in\n"]
            pushing = "git-receive-pack" in (environ.get("PATH_INFO", "") +
                                             environ.get("QUERY_STRING", ""))
            if pushing and user in self.readers:
                start_response("403 Forbidden", [("Content-Type", "text/plain")])
                return [b"not allowed\n"]
            return app(environ, start_response)

        return guarded
