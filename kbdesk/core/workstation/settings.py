"""User settings: every setting declared once (key, type, default, description), kept as JSON.

The settings file is ``paths.data_dir()/settings.json``, written atomically (temp file +
``os.replace``). Window geometry and splitter positions are not settings; the desktop app keeps
them in ``QSettings``.

A settings file that cannot be read, or holds a value that is no longer valid, never stops the
app: the bad values fall back to their defaults and are listed in ``Settings.problems``.
Setting a value through ``Settings.set`` is strict and raises a ``SettingsError`` naming the key.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kbdesk.core.errors import InvalidSetting, SettingLocked, SettingsError, UnknownSetting
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.damaged import set_aside
from kbdesk.core.workstation.site import SiteSettings, load_site
from kbdesk.core.workstation.storage import atomic_write_json

log = logging.getLogger(__name__)

FILE_NAME = "settings.json"


@dataclass(frozen=True)
class SettingSpec:
    """The declaration of one setting.

    Attributes:
        key: the name used in the file and in code.
        type: ``str``, ``bool`` or ``int``.
        default: the value used when the file does not set it.
        description: what the setting does, in plain words.
        choices: the allowed values, when the setting is a choice.
        minimum: the smallest allowed value of an ``int`` setting.
        maximum: the largest allowed value of an ``int`` setting.
    """

    key: str
    type: type
    default: Any
    description: str
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def validate(self, value: Any) -> Any:
        """Return ``value`` if this setting can take it.

        Raises:
            InvalidSetting: naming the key and what is wrong.
        """
        if self.type is bool:
            if not isinstance(value, bool):
                raise InvalidSetting(self.key, f"must be true or false, got {value!r}")
            return value
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidSetting(self.key, f"must be a whole number, got {value!r}")
            if self.minimum is not None and value < self.minimum:
                raise InvalidSetting(self.key, f"must be at least {self.minimum}, got {value}")
            if self.maximum is not None and value > self.maximum:
                raise InvalidSetting(self.key, f"must be at most {self.maximum}, got {value}")
            return value
        if not isinstance(value, str):
            raise InvalidSetting(self.key, f"must be text, got {value!r}")
        if self.choices and value not in self.choices:
            raise InvalidSetting(
                self.key, f"{value!r} is not one of {', '.join(self.choices)}"
            )
        return value


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("library_dir", str, "",
                "The library folder; empty means the user's own library (made from the demo)."),
    SettingSpec("display_script", str, "original",
                "How Chinese text is shown: as written, Traditional (Taiwan), Traditional "
                "(Hong Kong) or Simplified.", choices=("original", "tw", "hk", "cn")),
    SettingSpec("ui_language", str, "system",
                "The language of the app's own text; 'system' follows the system locale.",
                choices=("system", "zh_TW", "zh_CN", "en")),
    SettingSpec("agent_name", str, "", "The agent's name, pre-filled into phrasings."),
    SettingSpec("agent_team", str, "", "The agent's team, pre-filled into phrasings."),
    SettingSpec("agent_id", str, "", "The agent's staff number, pre-filled into phrasings."),
    SettingSpec("log_no_results", bool, True,
                "Log searches that found nothing, so editors can see gaps in the library."),
    SettingSpec("role", str, "agent",
                "Whether the app is used by an agent, a supervisor or an editor (only where the "
                "library has no team.yaml; see docs/team.md).",
                choices=("agent", "supervisor", "editor")),
    SettingSpec("workstation_name", str, "",
                "This workstation's name as the team sees it: the computer's name and a short "
                "id, set at first run. A new name starts a new identity; records made before "
                "stay under the old one."),
    SettingSpec("share_search_log", bool, True,
                "Send the searches that found nothing to the shared library for the editors."),
    SettingSpec("sync_interval_minutes", int, 15,
                "How often the library is synced with its shared copy, in minutes.",
                minimum=1, maximum=24 * 60),
)

SPEC_BY_KEY: dict[str, SettingSpec] = {spec.key: spec for spec in SPECS}


def spec(key: str) -> SettingSpec:
    """Return the declaration of a setting.

    Raises:
        UnknownSetting: when no setting has this key.
    """
    try:
        return SPEC_BY_KEY[key]
    except KeyError:
        raise UnknownSetting(key, "there is no such setting") from None


def default_path() -> Path:
    """Return where the settings file lives."""
    return paths.data_dir() / FILE_NAME


class Settings:
    """The user's settings: declared defaults overlaid with the values in the settings file.

    Args:
        path: the settings file; default ``paths.data_dir()/settings.json``.
    """

    def __init__(self, path: Path | None = None, site: SiteSettings | None = None) -> None:
        self.path = path or default_path()
        self.site = site if site is not None else load_site(specs=SPEC_BY_KEY)
        self._values: dict[str, Any] = {s.key: self.default(s.key) for s in SPECS}
        self._extra: dict[str, Any] = {}
        self._own: set[str] = set()  # keys the user's file or set() gave a value
        self.problems: list[str] = list(self.site.problems)

    def default(self, key: str) -> Any:
        """The value a setting has unless the user changes it: the site settings' (set by the
        organisation), else the declared default."""
        return self.site.defaults.get(key, spec(key).default)

    def locked(self, key: str) -> bool:
        """True when the organisation's site settings lock this setting."""
        return key in self.site.locked

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read the settings file; a missing file gives the defaults, bad values are skipped."""
        settings = cls(path)
        try:
            raw = settings.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return settings
        except OSError as exc:
            settings._note(f"{settings.path}: cannot be read ({exc}); using the defaults")
            return settings
        except ValueError as exc:  # not UTF-8
            aside = set_aside(settings.path, exc)
            settings._note(f"{settings.path}: not UTF-8 text; set aside as {aside.name}, "
                           "using the defaults")
            return settings
        try:
            data = json.loads(raw)
        except ValueError as exc:
            aside = set_aside(settings.path, exc)
            settings._note(f"{settings.path}: not valid JSON ({exc}); set aside as {aside.name}, "
                           "using the defaults")
            return settings
        if not isinstance(data, dict):
            aside = set_aside(settings.path, "not a JSON object")
            settings._note(f"{settings.path}: not a JSON object; set aside as {aside.name}, "
                           "using the defaults")
            return settings
        for key, value in data.items():
            if key not in SPEC_BY_KEY:
                settings._extra[key] = value  # kept for newer versions of the app
                continue
            if settings.locked(key):
                continue  # the organisation's value stands
            try:
                settings._values[key] = SPEC_BY_KEY[key].validate(value)
                settings._own.add(key)
            except SettingsError as exc:
                settings._note(f"{exc}; using the default")
        return settings

    def _note(self, message: str) -> None:
        log.warning("%s", message)
        self.problems.append(message)

    def get(self, key: str) -> Any:
        """Return the value of a setting (UnknownSetting for a key that is not declared)."""
        spec(key)
        return self._values[key]

    def set(self, key: str, value: Any) -> None:
        """Change a setting in memory; ``save()`` writes it.

        Raises:
            UnknownSetting: when no setting has this key.
            InvalidSetting: when the value is of the wrong type or not allowed.
            SettingLocked: when the organisation's site settings lock it.
        """
        value = spec(key).validate(value)
        if self.locked(key):
            if value == self._values[key]:
                return
            raise SettingLocked(key, f"set by your organisation ({self.site.path}); it "
                                     "cannot be changed here")
        self._values[key] = value
        self._own.add(key)

    def reset(self, key: str) -> None:
        """Put a setting back to its default (the organisation's, where it sets one)."""
        self._values[key] = self.default(key)
        self._own.discard(key)

    def is_default(self, key: str) -> bool:
        """True when a setting has its default (the organisation's, where it sets one)."""
        return bool(self.get(key) == self.default(key))

    def as_dict(self) -> dict[str, Any]:
        """Return every setting's current value."""
        return dict(self._values)

    def save(self) -> None:
        """Write the settings file atomically (temp file in the same folder + os.replace)."""
        # a value that only comes from the site settings is not copied into the user's file:
        # when IT changes the site file, the new default reaches every user
        own = {key: value for key, value in self._values.items()
               if not self.locked(key) and (key in self._own or key not in self.site.defaults)}
        atomic_write_json(self.path, {**self._extra, **own})
        log.info("saved settings to %s", self.path)
