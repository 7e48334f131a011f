"""Settings: declared once, validated by key, stored atomically as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kbdesk.core.errors import KbError
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.settings import (
    SPECS,
    InvalidSetting,
    Settings,
    SettingsError,
    UnknownSetting,
    default_path,
)


def test_defaults_without_a_file() -> None:
    settings = Settings.load()
    assert settings.get("display_script") == "original"
    assert settings.get("ui_language") == "system"
    assert settings.get("log_no_results") is True
    assert settings.get("role") == "agent"
    assert settings.get("sync_interval_minutes") == 15
    assert settings.get("library_dir") == ""
    assert settings.problems == []


def test_every_setting_declared_once_with_a_description() -> None:
    keys = [s.key for s in SPECS]
    assert len(keys) == len(set(keys))
    for key in ("library_dir", "display_script", "ui_language", "agent_name", "agent_team",
                "agent_id", "log_no_results", "role", "sync_interval_minutes"):
        assert key in keys
    assert all(s.description for s in SPECS)
    for s in SPECS:  # every default is itself valid
        assert s.validate(s.default) == s.default


def test_settings_file_lives_in_the_data_dir() -> None:
    assert default_path() == paths.data_dir() / "settings.json"


def test_set_save_and_load_round_trip() -> None:
    settings = Settings.load()
    settings.set("agent_name", "王小明")
    settings.set("display_script", "cn")
    settings.set("log_no_results", False)
    settings.set("sync_interval_minutes", 30)
    settings.save()
    data = json.loads(default_path().read_text(encoding="utf-8"))
    assert data["agent_name"] == "王小明"
    again = Settings.load()
    assert again.get("agent_name") == "王小明"
    assert again.get("display_script") == "cn"
    assert again.get("log_no_results") is False
    assert again.get("sync_interval_minutes") == 30


def test_save_leaves_no_temp_files(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "sub" / "settings.json")
    settings.set("agent_team", "A組")
    settings.save()
    settings.save()
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == ["settings.json"]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("display_script", "klingon"),
        ("ui_language", "fr"),
        ("log_no_results", "yes"),
        ("log_no_results", 1),
        ("sync_interval_minutes", "15"),
        ("sync_interval_minutes", True),
        ("sync_interval_minutes", 0),
        ("agent_name", 42),
        ("role", "admin"),
    ],
)
def test_invalid_values_raise_naming_the_key(key: str, value: object) -> None:
    settings = Settings.load()
    with pytest.raises(InvalidSetting) as info:
        settings.set(key, value)
    assert info.value.key == key
    assert key in str(info.value)
    assert isinstance(info.value, KbError)


def test_unknown_keys_raise() -> None:
    settings = Settings.load()
    with pytest.raises(UnknownSetting) as info:
        settings.get("colour")
    assert info.value.key == "colour"
    with pytest.raises(SettingsError):
        settings.set("colour", "red")


def test_bad_file_values_fall_back_to_defaults() -> None:
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"display_script": "xx", "agent_name": "李",
                                "future_key": [1, 2]}), encoding="utf-8")
    settings = Settings.load()
    assert settings.get("display_script") == "original"
    assert settings.get("agent_name") == "李"
    assert any("display_script" in p for p in settings.problems)
    settings.save()  # unknown keys from newer versions survive a save
    assert json.loads(path.read_text(encoding="utf-8"))["future_key"] == [1, 2]


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", ""])
def test_broken_file_gives_defaults(content: str) -> None:
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    settings = Settings.load()
    assert settings.get("role") == "agent"
    assert settings.problems


def test_reset_and_is_default() -> None:
    settings = Settings.load()
    settings.set("role", "editor")
    assert not settings.is_default("role")
    settings.reset("role")
    assert settings.is_default("role")
