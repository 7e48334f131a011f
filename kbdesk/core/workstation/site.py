"""Settings an IT department presets for every user of a machine (``site.yaml``).

The file lives in the machine-wide configuration folder (platformdirs' site config folder:
``/etc/xdg/kbdesk/site.yaml`` on Linux, ``C:\\ProgramData\\kbdesk\\site.yaml`` on Windows),
where only administrators may write. ``KBDESK_SITE_CONFIG`` names another file (tests, a
portable install). Example::

    library_url: https://git.example.com/cs/kb.git   # joined on first run, no question asked
    settings:                                         # defaults for every user of the machine
      role: agent
      ui_language: zh_TW
      sync_interval_minutes: 10
    workstation_naming: "{host}-{user}"               # how workstations are named
    locked: [role, sync_interval_minutes]             # agents may not change these
    git_credentials:                                  # a sign-in for every user (optional)
      - url: https://git.example.com/                 # remotes under this address
        username: cs-agents
        password_file: /etc/kbdesk/git-password       # never the password itself

Values under ``settings`` are the defaults a user's own settings override; a *locked* one is
not overridden and cannot be changed in the app ("set by your organisation"). Locking is
honoured only when the file can be changed by administrators alone (on POSIX: the file and every
folder above it owned by root and writable by no one else): otherwise anyone could lock a
setting for everyone, and the file's defaults still apply but nothing is locked. A file that
cannot be read or holds a bad value never stops kbdesk: the problem is logged, named with the
file and field, and listed in :attr:`SiteSettings.problems`.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import platformdirs
import yaml

from kbdesk.core.errors import SettingsError

log = logging.getLogger(__name__)

SITE_ENV = "KBDESK_SITE_CONFIG"
FILE_NAME = "site.yaml"
#: a site file larger than this is not read (it is a few lines)
MAX_BYTES = 64 * 1024
#: the placeholders a workstation naming rule may use
NAMING_FIELDS = ("host", "user", "id")
_TOP_KEYS = {"library_url", "settings", "locked", "workstation_naming", "editor_fingerprints",
             "git_credentials"}


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses YAML aliases (no alias bombs in a file IT writes by hand)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.YAMLError(f"line {event.start_mark.line + 1}: aliases (*name) are not "
                                 "allowed in the site settings")
        return super().compose_node(parent, index)


@dataclass(frozen=True)
class SiteCredential:
    """A sign-in the site settings give every user for remotes under ``url``: the user name
    and the file holding the password (read when needed; never the password itself)."""

    url: str
    username: str
    password_file: Path


@dataclass(frozen=True)
class SiteSettings:
    """What the machine's site settings file says.

    Attributes:
        path: the file read (None when there is none).
        library_url: the shared library every user of the machine joins on first run.
        defaults: setting key -> value, the defaults for every user.
        requested_locks: the keys the file asks to lock.
        trusted: the file can be changed by administrators only (locks are honoured).
        naming: the workstation naming rule (``{host}``, ``{user}``, ``{id}``), or "".
        problems: what could not be used, each naming the file and field.
    """

    path: Path | None = None
    library_url: str = ""
    defaults: Mapping[str, Any] = field(default_factory=dict)
    requested_locks: frozenset[str] = frozenset()
    trusted: bool = False
    naming: str = ""
    editor_fingerprints: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    git_credentials: tuple[SiteCredential, ...] = ()

    @property
    def locked(self) -> frozenset[str]:
        """The settings users may not change (none unless the file is trusted)."""
        return self.requested_locks if self.trusted else frozenset()


def site_config_path() -> Path:
    """The site settings file in force: ``KBDESK_SITE_CONFIG`` or the machine-wide one."""
    override = os.environ.get(SITE_ENV)
    if override:
        return Path(override).expanduser()
    folder = platformdirs.site_config_path("kbdesk", appauthor=False, multipath=False)
    return Path(folder) / FILE_NAME


def administrators_only(path: Path) -> bool:
    """True when only administrators can change ``path``: on POSIX the file and every folder
    above it are owned by root and writable by neither group nor others. On Windows the
    machine-wide folder (ProgramData) is taken as such, a file named by the environment not."""
    if os.name != "posix":
        return SITE_ENV not in os.environ
    try:
        for part in [path, *path.resolve().parents]:
            info = part.stat()
            if info.st_uid != 0 or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                if part.is_dir() and info.st_mode & stat.S_ISVTX and part != path.parent:
                    continue  # /tmp-style sticky folders above the file's own folder
                return False
    except OSError:
        return False
    return True


class _Spec(Protocol):
    """A declared setting (``settings.SettingSpec``), as far as the site file needs it."""

    @property
    def key(self) -> str: ...

    def validate(self, value: Any) -> Any: ...


def load_site(path: Path | None = None, specs: Mapping[str, _Spec] | None = None
              ) -> SiteSettings:
    """Read the site settings (an empty :class:`SiteSettings` when there is no file).

    Args:
        specs: the declared settings (``settings.SPEC_BY_KEY``), to check the file's
            ``settings`` and ``locked`` against; without them every name is taken as written.
    """
    path = path or site_config_path()
    try:
        if path.stat().st_size > MAX_BYTES:
            return _bad(path, f"larger than {MAX_BYTES // 1024} KB; not read")
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return SiteSettings()
    except (OSError, ValueError) as exc:
        return _bad(path, f"cannot be read ({exc})")
    try:
        data = yaml.load(text, Loader=_NoAliasLoader) or {}
    except yaml.YAMLError as exc:
        return _bad(path, f"not valid YAML ({exc})".replace("\n", " "))
    if not isinstance(data, dict):
        return _bad(path, "must be a mapping of settings")
    problems: list[str] = []
    for key in sorted(set(map(str, data)) - _TOP_KEYS):
        problems.append(f"{path}: field '{key}' is not a site setting (known: "
                        f"{', '.join(sorted(_TOP_KEYS))})")
    url = data.get("library_url") or ""
    if not isinstance(url, str):
        problems.append(f"{path}: field 'library_url' must be text")
        url = ""
    defaults: dict[str, Any] = {}
    raw = data.get("settings") or {}
    if not isinstance(raw, dict):
        problems.append(f"{path}: field 'settings' must be a mapping")
        raw = {}
    for key, value in raw.items():
        if specs is None:
            defaults[str(key)] = value
            continue
        spec = specs.get(str(key))
        if spec is None:
            problems.append(f"{path}: field 'settings.{key}': no such setting")
            continue
        try:
            defaults[spec.key] = spec.validate(value)
        except SettingsError as exc:
            problems.append(f"{path}: field 'settings.{key}': {exc}")
    locks = data.get("locked") or []
    if not isinstance(locks, list) or not all(isinstance(k, str) for k in locks):
        problems.append(f"{path}: field 'locked' must be a list of setting names")
        locks = []
    known = set(specs) if specs is not None else set(locks)
    for key in locks:
        if key not in known:
            problems.append(f"{path}: field 'locked': no setting named {key!r}")
    naming = data.get("workstation_naming") or ""
    if not isinstance(naming, str) or not _valid_naming(naming):
        problems.append(f"{path}: field 'workstation_naming' may use only "
                        f"{', '.join('{' + f + '}' for f in NAMING_FIELDS)}")
        naming = ""
    prints = data.get("editor_fingerprints") or []
    if not isinstance(prints, list) or not all(isinstance(p, str) for p in prints):
        problems.append(f"{path}: field 'editor_fingerprints' must be a list of text")
        prints = []
    signins = _git_credentials(path, data.get("git_credentials"), problems)
    for message in problems:
        log.warning("%s", message)
    return SiteSettings(path, url.strip(), defaults,
                        frozenset(k for k in locks if k in known),
                        administrators_only(path), naming, tuple(prints), tuple(problems),
                        signins)


def _git_credentials(path: Path, raw: Any, problems: list[str]) -> tuple[SiteCredential, ...]:
    """The ``git_credentials`` entries (each needs ``url``, ``username``, ``password_file``;
    a password written in the file itself is refused: every user of the machine can read it)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(f"{path}: field 'git_credentials' must be a list of entries")
        return ()
    found: list[SiteCredential] = []
    for number, entry in enumerate(raw, 1):
        where = f"{path}: field 'git_credentials' entry {number}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be a mapping (url, username, password_file)")
            continue
        if "password" in entry:
            problems.append(f"{where}: a password is never written in site.yaml (every user "
                            "can read it); name a file readable only by those who may use it "
                            "in 'password_file'")
        values = {key: entry.get(key) for key in ("url", "username", "password_file")}
        bad = [key for key, value in values.items() if not isinstance(value, str) or not value]
        if bad:
            problems.append(f"{where}: needs {', '.join(bad)} (text)")
            continue
        found.append(SiteCredential(str(values["url"]).strip(), str(values["username"]),
                                    Path(str(values["password_file"])).expanduser()))
    return tuple(found)


def _valid_naming(rule: str) -> bool:
    import string

    try:
        names = [name for _text, name, _spec, _conv in string.Formatter().parse(rule) if name]
    except ValueError:
        return False
    return all(name in NAMING_FIELDS for name in names)


def _bad(path: Path, message: str) -> SiteSettings:
    text = f"{path}: {message}; the site settings are not used"
    log.warning("%s", text)
    return SiteSettings(path=path, problems=(text,))
