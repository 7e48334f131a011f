"""``make screenshots`` renders every main view to a PNG of the expected size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage, QPalette
from pytestqt.qtbot import QtBot

from kbdesk.gui.results import mark_colours
from kbdesk.gui.screenshots import HEIGHT, WIDTH, render_all

NAMES = {"search-results.png", "reader-section.png", "phrasing-fill-in.png",
         "procedure-checklist.png", "reply-check.png", "settings.png", "editor.png",
         "history-diff.png"}
#: the team's views, at their own sizes (dialogs, the desk at 1024×640)
TEAM = {"start-screen.png": (WIDTH, HEIGHT), "read-receipts.png": (720, 560),
        "review-flags.png": (960, 360), "desk-1024x640.png": (1024, 640),
        "desk-1366x768.png": (1366, 768)}


def test_screenshots_render_every_view(qtbot: QtBot, tmp_path: Path) -> None:
    files = render_all(tmp_path / "shots")
    assert {f.name for f in files} == NAMES | set(TEAM) | {"first-run.png"}
    for path in files:
        image = QImage(str(path))
        assert not image.isNull(), path
        if path.name in NAMES:
            assert (image.width(), image.height()) == (WIDTH, HEIGHT), path
        elif path.name in TEAM:
            assert (image.width(), image.height()) == TEAM[path.name], path
    # the UI language of the screenshots does not leak into the running app
    assert QCoreApplication.translate("Actions", "Copy phrasing") == "Copy phrasing"


def test_highlight_colours_follow_light_and_dark_palettes(qtbot: QtBot) -> None:
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Base, "#ffffff")
    dark.setColor(QPalette.ColorRole.Base, "#202020")
    light_bg, light_fg = mark_colours(light)
    dark_bg, dark_fg = mark_colours(dark)
    assert light_bg.lightness() > dark_bg.lightness()
    assert light_fg.lightness() < dark_fg.lightness()
