"""``kbdesk doctor``: one line per check with its fix; exit 0 only when every check passes.

The machine is stood in for by ``Probes`` (a plugin folder, what ``ldd`` reports, the fonts),
so the checks are tested for machines this one is not; the library checks run for real.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from kbdesk.cli import main
from kbdesk.core import KnowledgeBase, run_checks
from kbdesk.core.doctor import Probes, check_data_folder, check_fonts, check_qt
from tests.conftest import doc


def machine(tmp_path: Path, *, missing: set[str] | None = None,
            fonts: tuple[str, ...] = ("Noto Sans CJK TC",), **environ: str) -> Probes:
    """A Linux machine with Qt's plugins, ``missing`` libraries and ``fonts``."""
    plugins = tmp_path / "platforms"
    plugins.mkdir(exist_ok=True)
    for name in ("xcb", "offscreen", "wayland"):
        (plugins / f"libq{name}.so").write_bytes(b"")
    return Probes(environ=environ, platform="linux", qt_plugin_dir=lambda: plugins,
                  missing_libraries=lambda _plugin: set(missing or ()),
                  cjk_fonts=lambda: list(fonts), probe_remote=lambda _url: None)


def by_name(checks) -> dict:
    return {check.name.split(" (")[0]: check for check in checks}


def test_missing_xcb_libraries_are_named_with_their_debian_packages(tmp_path) -> None:
    probes = machine(tmp_path, missing={"libxcb-icccm.so.4", "libxcb-keysyms.so.1"},
                     DISPLAY=":0")
    checks = by_name(check_qt(probes))
    qt = checks["Qt platform plugin"]
    assert not qt.ok and "(xcb)" in check_qt(probes)[0].name
    assert "libxcb-icccm.so.4" in qt.detail
    assert qt.fix == "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"
    assert checks["display"].ok


def test_an_unknown_library_is_named_for_apt_file(tmp_path) -> None:
    [qt, _display] = check_qt(machine(tmp_path, missing={"libfoo.so.9", "libxcb1.so.1"},
                                      DISPLAY=":0"))
    assert "apt-file search" in qt.fix and "libfoo.so.9" in qt.fix


def test_no_display_says_how_to_run_without_one(tmp_path) -> None:
    checks = by_name(check_qt(machine(tmp_path)))
    assert checks["Qt platform plugin"].ok
    assert not checks["display"].ok and "QT_QPA_PLATFORM=offscreen" in checks["display"].fix
    offscreen = check_qt(machine(tmp_path, QT_QPA_PLATFORM="offscreen"))
    assert [c.ok for c in offscreen] == [True] and "(offscreen)" in offscreen[0].name


def test_an_unknown_platform_and_a_missing_qt(tmp_path) -> None:
    [wrong] = check_qt(machine(tmp_path, QT_QPA_PLATFORM="eglfs"))
    assert not wrong.ok and "offscreen" in wrong.fix and "xcb" in wrong.fix
    probes = machine(tmp_path, DISPLAY=":0")
    probes.qt_plugin_dir = lambda: None
    assert not check_qt(probes)[0].ok and "PySide6" in check_qt(probes)[0].detail


def test_fonts(tmp_path) -> None:
    assert check_fonts(machine(tmp_path)).ok
    none = check_fonts(machine(tmp_path, fonts=()))
    assert not none.ok and none.fix == "sudo apt-get install fonts-noto-cjk"


def test_a_data_folder_that_cannot_be_written(tmp_path, monkeypatch) -> None:
    assert check_data_folder().ok
    (tmp_path / "a-file").write_text("x", "utf-8")
    monkeypatch.setenv("KBDESK_DATA_DIR", str(tmp_path / "a-file" / "data"))
    check = check_data_folder()
    assert not check.ok and "KBDESK_DATA_DIR" in check.fix


def test_library_index_remote_and_last_sync(tmp_path, make_library, bare) -> None:
    probes = machine(tmp_path, QT_QPA_PLATFORM="offscreen")
    probes.probe_remote = Probes().probe_remote  # the real one: a bare repository on disk
    root = make_library({"a.md": doc("退款須知", id="refund", body="退款在五日內到帳。")})
    checks = by_name(run_checks(root, probes))
    assert checks["library"].ok and "1 documents" in checks["library"].detail
    assert not checks["search index"].ok and "index" in checks["search index"].fix
    assert checks["shared library"].ok and "none" in checks["shared library"].detail
    assert "last sync" not in checks
    kb = KnowledgeBase(root)
    kb.ensure_index()
    kb.sync.sync(str(bare), "王小明")
    kb.close()
    checks = by_name(run_checks(root, probes))
    assert all(check.ok for check in checks.values()), checks
    assert "last synced" in checks["last sync"].detail
    shutil.rmtree(bare)
    checks = by_name(run_checks(root, probes))
    assert not checks["shared library"].ok and "network" in checks["shared library"].fix


def test_a_missing_or_broken_library(tmp_path, make_library) -> None:
    probes = machine(tmp_path, QT_QPA_PLATFORM="offscreen")
    [missing] = [c for c in run_checks(tmp_path / "nowhere", probes) if c.name == "library"]
    assert not missing.ok and "kbdesk clone" in missing.fix
    root = make_library({"a.md": doc("甲"), "bad.md": "---\ntitle: [\n---\n"})
    library = by_name(run_checks(root, probes))["library"]
    assert not library.ok and "1 problem" in library.detail and "check" in library.fix


def test_the_command_prints_one_line_each_and_exits_1_on_a_failure(
        tmp_path, make_library, monkeypatch, capsys) -> None:
    from kbdesk.core import doctor

    root = make_library({"a.md": doc("甲")})
    probes = machine(tmp_path, QT_QPA_PLATFORM="offscreen", fonts=())
    monkeypatch.setattr(doctor, "Probes", lambda: probes)
    assert main(["doctor", "--library", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "2 check(s) failed"  # no Chinese font, index not built
    fonts = next(line for line in out if "Chinese fonts" in line)
    assert fonts.startswith("FAIL") and "fix: sudo apt-get install fonts-noto-cjk" in fonts
    KnowledgeBase(root).ensure_index()
    probes.cjk_fonts = lambda: ["Noto Sans CJK SC"]
    assert main(["--library", str(root), "doctor", "--json"]) == 0
    assert all(item["ok"] for item in json.loads(capsys.readouterr().out))
