"""Settings an IT department presets (site.yaml): defaults, locks honoured only from a file that
only administrators can change, clear problems for bad files, and a preset shared library joined
on first use with no question asked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.errors import SettingLocked
from kbdesk.core.opening import resolve_library_dir
from kbdesk.core.workstation import site as site_module
from kbdesk.core.workstation.settings import Settings
from kbdesk.core.workstation.site import SITE_ENV, administrators_only, load_site

SITE = """\
settings:
  role: editor
  ui_language: zh_TW
  sync_interval_minutes: 10
locked: [sync_interval_minutes, ui_language]
workstation_naming: "{host}-{id}"
"""


@pytest.fixture
def site_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "etc" / "site.yaml"
    path.parent.mkdir()
    path.write_text(SITE, "utf-8")
    monkeypatch.setenv(SITE_ENV, str(path))
    return path


def test_site_values_are_defaults_a_user_may_override(site_file, tmp_path) -> None:
    settings = Settings.load(tmp_path / "user.json")
    assert settings.get("role") == "editor" and settings.get("sync_interval_minutes") == 10
    settings.set("role", "agent")
    settings.save()
    again = Settings.load(tmp_path / "user.json")
    assert again.get("role") == "agent"
    again.reset("role")
    assert again.get("role") == "editor" and again.is_default("role")


def test_a_site_only_value_is_not_copied_into_the_users_file(site_file, tmp_path) -> None:
    settings = Settings.load(tmp_path / "user.json")
    settings.set("agent_name", "王小明")
    settings.save()
    site_file.write_text(SITE.replace("zh_TW", "zh_CN").replace("role: editor", "role: agent"),
                         "utf-8")
    again = Settings.load(tmp_path / "user.json")
    assert again.get("role") == "agent"  # IT's new default reached the user
    assert again.get("agent_name") == "王小明"


def test_locks_hold_only_from_a_file_only_administrators_can_change(
        site_file, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(site_module, "administrators_only", lambda _path: True)
    user = tmp_path / "user.json"
    user.write_text('{"sync_interval_minutes": 60, "role": "agent"}', "utf-8")
    settings = Settings.load(user)
    assert settings.locked("sync_interval_minutes") and not settings.locked("role")
    assert settings.get("sync_interval_minutes") == 10  # the user's file cannot override a lock
    assert settings.get("role") == "agent"
    with pytest.raises(SettingLocked, match="set by your organisation"):
        settings.set("sync_interval_minutes", 30)
    settings.set("sync_interval_minutes", 10)  # the same value is no change
    monkeypatch.setattr(site_module, "administrators_only", lambda _path: False)
    untrusted = Settings.load(user)
    assert not untrusted.locked("sync_interval_minutes")
    assert untrusted.get("sync_interval_minutes") == 60


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_file_others_can_write_is_not_administrators_only(site_file) -> None:
    site_file.chmod(0o666)
    assert not administrators_only(site_file)
    site_file.chmod(0o644)
    if os.getuid() != 0:
        assert not administrators_only(site_file)  # owned by a user, not by root


@pytest.mark.parametrize(("text", "named"), [
    ("settings:\n  role: boss\n", "field 'settings.role'"),
    ("settings:\n  no_such: 1\n", "field 'settings.no_such'"),
    ("libary_url: x\n", "field 'libary_url'"),
    ("locked: [nothing]\n", "field 'locked'"),
    ("workstation_naming: '{host}-{mac}'\n", "field 'workstation_naming'"),
    ("a: &a [1, 2]\nb: [*a, *a]\n", "aliases"),
    ("- just\n- a list\n", "mapping"),
    ("settings: [\n", "not valid YAML"),
])
def test_bad_site_files_are_named_and_never_stop_kbdesk(site_file, tmp_path, text, named) -> None:
    site_file.write_text(text, "utf-8")
    loaded = Settings.load(tmp_path / "other.json").site
    assert any(named in problem and str(site_file) in problem for problem in loaded.problems)
    settings = Settings.load(tmp_path / "user.json")
    assert settings.get("role") in ("agent", "editor")
    assert any(named in problem for problem in settings.problems)


def test_a_huge_site_file_is_not_read(site_file) -> None:
    site_file.write_text("# " + "x" * (site_module.MAX_BYTES + 10), "utf-8")
    assert "not read" in load_site().problems[0]


def test_first_use_joins_the_preset_shared_library_with_no_question(
        site_file, versioned_library, bare) -> None:
    from kbdesk.core.kb import KnowledgeBase

    with KnowledgeBase(versioned_library) as editor:
        assert editor.sync.sync(str(bare)).pushed
    site_file.write_text(f"library_url: {bare}\n", "utf-8")
    folder = resolve_library_dir(None, clock=SYSTEM_CLOCK)
    assert (folder / "handbooks" / "complaint.md").is_file()
    assert Path(Settings.load().get("library_dir")) == folder
    assert resolve_library_dir(None, clock=SYSTEM_CLOCK) == folder  # joined once; later uses open it


def test_no_first_run_question_when_a_shared_library_is_preset(site_file, tmp_path) -> None:
    from kbdesk.gui.joining import is_first_run

    assert is_first_run(Settings.load(tmp_path / "user.json"), None)
    site_file.write_text("library_url: /srv/share/kb.git\n", "utf-8")
    assert not is_first_run(Settings.load(tmp_path / "user.json"), None)


def test_a_new_workstation_is_named_by_the_organisations_rule(site_file, tmp_path) -> None:
    import getpass

    from kbdesk.core.workstation.identity import host_name, workstation_name

    site_file.write_text('workstation_naming: "{host}-{user}"\n', "utf-8")
    settings = Settings.load(tmp_path / "user.json")
    assert workstation_name(settings) == f"{host_name()}-{getpass.getuser()}"
    assert Settings.load(tmp_path / "user.json").get("workstation_name") == \
        f"{host_name()}-{getpass.getuser()}"  # chosen once, kept


def test_settings_dialog_shows_a_locked_setting_greyed(qtbot, site_file, tmp_path,
                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from kbdesk.gui.settingsdialog import SettingsDialog

    monkeypatch.setattr(site_module, "administrators_only", lambda _path: True)
    settings = Settings.load(tmp_path / "user.json")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert not dialog.editors["sync_interval_minutes"].isEnabled()
    assert dialog.editors["role"].isEnabled()
    assert any("Set by your organisation" in label.text()
               for label in dialog.findChildren(QLabel))
    assert dialog.apply()  # a locked setting is left as the organisation set it
    assert settings.get("sync_interval_minutes") == 10


def test_doctor_says_which_site_settings_are_in_force(site_file) -> None:
    from kbdesk.core.doctor import check_site_settings

    check = check_site_settings()
    assert check.ok and str(site_file) in check.detail and "defaults" in check.detail
    site_file.write_text("settings:\n  role: boss\n", "utf-8")
    bad = check_site_settings()
    assert not bad.ok and "settings.role" in bad.detail and bad.fix
