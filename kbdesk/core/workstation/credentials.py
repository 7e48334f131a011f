"""Sign-ins for http(s) Git servers: where they are kept, how URLs are cleaned, how a server's
"who are you?" and "no" are told apart from "cannot reach".

A password never lives in a URL that kbdesk keeps or prints. A URL typed with ``user:pass@`` is
split (:func:`split_url`): the URL is kept without them, the sign-in is stored. Every message
that names a remote passes it through :func:`redact` first.

Where a sign-in is looked up, first found wins:

1. this process's sign-ins (the app's "sign in" without "remember": :func:`use_for_session`);
2. the OS keyring (``keyring``: Windows Credential Manager, macOS Keychain, the Secret Service
   on a Linux desktop), one entry per server: service ``kbdesk``, user name the server's origin
   (``https://git.example.com:443``), password a small JSON of user name and password;
3. where no keyring is usable (a headless Linux: ``keyring``'s ``fail`` backend, or its chainer
   with no backend), the file ``credentials.json`` in the user's app data (``KBDESK_DATA_DIR``),
   readable only by the user (0600, written atomically; a file found readable by others is
   tightened and the fact logged);
4. the site settings' ``git_credentials`` (a user name and a root-owned password file that IT
   presets for every user of the machine).

A sign-in belongs to a server (scheme, host and port), not to one repository on it, as git's
own credential helpers do by default.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict
from urllib.parse import unquote, urlsplit, urlunsplit

from kbdesk.core.errors import CredentialsError
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.storage import atomic_write_bytes

log = logging.getLogger(__name__)

#: the keyring service every kbdesk sign-in is stored under
SERVICE = "kbdesk"
FILE_NAME = "credentials.json"
_DEFAULT_PORTS = {"http": 80, "https": 443}
_USERINFO = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)(?P<info>[^/@\s]*)@")
_STATUS = re.compile(r"\bhttp resp(?:onse)? (?P<status>\d{3})\b", re.IGNORECASE)

#: what a server's refusal is called in the sync state and by the clients
SIGNIN_NEEDED = "signin-needed"
NOT_ALLOWED = "not-allowed"


class TransportAuth(TypedDict, total=False):
    """The keyword arguments of dulwich's transports that carry a sign-in."""

    username: str
    password: str


@dataclass(frozen=True)
class Credential:
    """A user name and password for one Git server; ``source`` says where it came from
    (``url``, ``session``, ``keyring``, ``file``, ``site``). The password is never in repr."""

    username: str
    password: str = field(repr=False)
    source: str = ""


# -- URLs --------------------------------------------------------------------------------------


def is_http(url: str) -> bool:
    """True for an http(s) URL (the only remotes that sign in with a password)."""
    return urlsplit(url.strip()).scheme.lower() in _DEFAULT_PORTS


def origin(url: str) -> str:
    """The server a URL names, as sign-ins are kept: ``scheme://host:port`` in lower case.

    Raises:
        CredentialsError: not an http(s) URL with a host.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise CredentialsError(f"{redact(url)!r}: sign-ins are for http(s) Git servers "
                               "(https://host/path); this is not one")
    try:
        port = parts.port or _DEFAULT_PORTS[scheme]
    except ValueError as exc:
        raise CredentialsError(f"{redact(url)!r}: the port is not a number") from exc
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}:{port}"


def split_url(url: str) -> tuple[str, Credential | None]:
    """An http(s) URL without its ``user:password@``, and the sign-in it held (None when it had
    none, or only a user name; other URLs are returned as they are).

    A user name without a password stays out of the URL too, and is returned with an empty
    password (the caller may ask for the password).
    """
    if not is_http(url):
        return url, None
    parts = urlsplit(url.strip())
    if "@" not in parts.netloc:
        return url.strip(), None
    host = parts.netloc.rsplit("@", 1)[1]
    clean = urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    user = unquote(parts.username or "")
    password = unquote(parts.password or "")
    if not user and not password:
        return clean, None
    return clean, Credential(user, password, "url")


def redact(text: str) -> str:
    """``text`` with the user info of every URL in it (``user:pass@``, a token) replaced by
    ``***``: for every message and log line that names a remote."""
    return _USERINFO.sub(lambda m: f"{m.group('scheme')}***@", str(text))


# -- what a server's refusal means ------------------------------------------------------------


def refusal(exc: BaseException) -> str | None:
    """``SIGNIN_NEEDED`` when a transport error (or one it was raised from) is the server's
    HTTP 401, ``NOT_ALLOWED`` for a 403, else None.

    dulwich raises ``HTTPUnauthorized`` for a 401 and a ``GitProtocolError`` ("unexpected http
    resp 403 for …") for any other status it does not expect.
    """
    from dulwich.client import HTTPUnauthorized
    from dulwich.errors import GitProtocolError

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, HTTPUnauthorized):
            return SIGNIN_NEEDED
        if isinstance(current, GitProtocolError):
            found = _STATUS.search(str(current))
            if found and found.group("status") == "401":
                return SIGNIN_NEEDED
            if found and found.group("status") == "403":
                return NOT_ALLOWED
        current = current.__cause__ or current.__context__
    return None


# -- where sign-ins are kept ------------------------------------------------------------------

_session: dict[str, Credential] = {}
_lock = threading.Lock()


def use_for_session(url: str, username: str, password: str) -> None:
    """Use this sign-in for ``url``'s server until the process ends (kept in memory only)."""
    with _lock:
        _session[origin(url)] = Credential(username, password, "session")


def forget_session(url: str | None = None) -> None:
    """Forget this process's sign-in for ``url``'s server (every one when None)."""
    with _lock:
        if url is None:
            _session.clear()
        else:
            _session.pop(origin(url), None)


def _keyring() -> Any | None:
    """The OS keyring backend, or None where none is usable."""
    try:
        import keyring
        from keyring.backends import chainer, fail
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration: use the file
        log.warning("the OS keyring cannot be used (%s); sign-ins go to a private file", exc)
        return None
    if isinstance(backend, fail.Keyring):
        return None
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None
    if getattr(backend, "priority", 1) < 0:  # keyring's null backend: stores nothing
        return None
    return backend


def keyring_usable() -> bool:
    """Whether sign-ins are kept in the OS keyring (else in the private file)."""
    return _keyring() is not None


def credentials_file() -> Path:
    """The private file holding sign-ins where no keyring is usable."""
    return paths.data_dir() / FILE_NAME


def _read_file(path: Path, *, strict: bool) -> dict[str, dict[str, str]]:
    try:
        info = path.stat()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        if strict:
            raise CredentialsError(f"{path}: cannot be read ({exc})") from exc
        log.warning("%s: cannot be read (%s)", path, exc)
        return {}
    if os.name == "posix" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s: was readable by others; now readable only by its owner", path)
        try:
            os.chmod(path, 0o600)
        except OSError as exc:
            log.warning("%s: cannot be made private (%s)", path, exc)
    try:
        data = json.loads(path.read_text("utf-8"))
        servers = data["servers"]
        if not isinstance(servers, dict):
            raise ValueError("'servers' is not a mapping")
        return {
            str(key): {"username": str(value["username"]), "password": str(value["password"])}
            for key, value in servers.items()
        }
    except (OSError, ValueError, KeyError, TypeError) as exc:
        message = (f"{path}: damaged ({type(exc).__name__}: {exc}); remove it and sign in "
                   "again")
        if strict:
            raise CredentialsError(message) from exc
        log.warning("%s", message)
        return {}


def _write_file(path: Path, servers: dict[str, dict[str, str]]) -> None:
    text = json.dumps({"version": 1, "servers": servers}, ensure_ascii=False, indent=2,
                      sort_keys=True) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, text.encode("utf-8"), mode=0o600)
    except OSError as exc:
        raise CredentialsError(f"{path}: cannot be written ({exc})") from exc


def _from_keyring(backend: Any, key: str) -> Credential | None:
    try:
        stored = backend.get_password(SERVICE, key)
    except Exception as exc:  # a locked or broken keyring: look further
        log.warning("the OS keyring could not be read for %s (%s)", key, exc)
        return None
    if not stored:
        return None
    try:
        data = json.loads(stored)
        return Credential(str(data["username"]), str(data["password"]), "keyring")
    except (ValueError, KeyError, TypeError):
        log.warning("the OS keyring's entry for %s is not kbdesk's; ignored", key)
        return None


def _from_site(url: str) -> Credential | None:
    from kbdesk.core.workstation.site import load_site

    target = url.strip()
    for entry in load_site().git_credentials:
        prefix = entry.url.rstrip("/")
        if target != prefix and not target.startswith(prefix + "/"):
            continue
        try:
            password = entry.password_file.read_text("utf-8").strip()
        except (OSError, ValueError) as exc:
            log.warning("site settings: the password file %s for %s cannot be read (%s)",
                        entry.password_file, redact(entry.url), exc)
            continue
        return Credential(entry.username, password, "site")
    return None


def lookup(url: str) -> Credential | None:
    """The sign-in to use for ``url`` (None for a URL that is not http(s), or none known)."""
    clean, typed = split_url(url)
    if typed is not None and typed.password:
        return typed
    if not is_http(clean):
        return None
    try:
        key = origin(clean)
    except CredentialsError:
        return None
    with _lock:
        found = _session.get(key)
    if found is not None:
        return found
    backend = _keyring()
    if backend is not None:
        found = _from_keyring(backend, key)
        if found is not None:
            return found
    entry = _read_file(credentials_file(), strict=False).get(key)
    if entry is not None:
        return Credential(entry["username"], entry["password"], "file")
    return _from_site(clean)


def transport_auth(url: str, given: Credential | None = None) -> TransportAuth:
    """The ``username``/``password`` keyword arguments of dulwich's transports for ``url``:
    ``given`` when it has a password, else the one :func:`lookup` finds (empty when none).

    HTTP basic auth is sent as UTF-8, as git does; dulwich (through urllib3) encodes the
    header as Latin-1, so the UTF-8 bytes are handed over as the Latin-1 text that encodes to
    them (a password such as ``密碼`` would otherwise fail before anything is sent).
    """
    found = given if given is not None and given.password else lookup(url)
    if found is None:
        return TransportAuth()
    return TransportAuth(username=_wire(found.username), password=_wire(found.password))


def _wire(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def store(url: str, username: str, password: str) -> str:
    """Keep a sign-in for ``url``'s server: in the OS keyring, or where there is none in the
    private file. Returns where (``keyring`` or the file's path).

    Raises:
        CredentialsError: not an http(s) URL, an empty user name, or it cannot be kept.
    """
    key = origin(url)
    if not username:
        raise CredentialsError("a sign-in needs a user name")
    backend = _keyring()
    if backend is not None:
        secret = json.dumps({"username": username, "password": password})
        try:
            backend.set_password(SERVICE, key, secret)
        except Exception as exc:
            raise CredentialsError(f"the OS keyring did not take the sign-in for {key} "
                                   f"({type(exc).__name__}: {exc}); unlock it and try "
                                   "again") from exc
        with _lock:
            _session.pop(key, None)
        return "keyring"
    path = credentials_file()
    with _lock:
        servers = _read_file(path, strict=True)
        servers[key] = {"username": username, "password": password}
        _write_file(path, servers)
        _session.pop(key, None)
    return str(path)


def clear(url: str) -> bool:
    """Forget every kept sign-in for ``url``'s server (this process's, the keyring's, the
    file's); True when there was one. The site settings' are IT's and stay."""
    key = origin(url)
    removed = False
    with _lock:
        removed = _session.pop(key, None) is not None
    backend = _keyring()
    if backend is not None and _from_keyring(backend, key) is not None:
        try:
            backend.delete_password(SERVICE, key)
            removed = True
        except Exception as exc:
            raise CredentialsError(f"the OS keyring did not remove the sign-in for {key} "
                                   f"({type(exc).__name__}: {exc})") from exc
    path = credentials_file()
    with _lock:
        servers = _read_file(path, strict=False)
        if key in servers:
            del servers[key]
            _write_file(path, servers)
            removed = True
    return removed


def where(url: str) -> tuple[str, str] | None:
    """(user name, where it is kept) of the sign-in ``url`` would use, never the password."""
    found = lookup(url)
    if found is None:
        return None
    place = {"file": str(credentials_file()), "keyring": "the OS keyring",
             "session": "this session only", "site": "the site settings",
             "url": "the URL"}.get(found.source, found.source)
    return found.username, place
