"""Start the desktop app: ``main(argv)`` builds the application, shows the window at once and
opens the library and its index in the background."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from kbdesk import __version__
from kbdesk.core import Settings, paths, workstation_name
from kbdesk.gui.i18n import install_translators, language_for
from kbdesk.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

#: CJK families tried first, Traditional before Simplified; else any font that has Chinese.
CJK_FAMILIES = (
    "Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "Microsoft JhengHei",
    "PingFang TC", "Heiti TC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
    "PingFang SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
)


def cjk_family() -> str | None:
    """Return a font family that shows Chinese, or None when the system has none."""
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            return family
    for system in (QFontDatabase.WritingSystem.TraditionalChinese,
                   QFontDatabase.WritingSystem.SimplifiedChinese):
        found = QFontDatabase.families(system)
        if found:
            return found[0]
    return None


def apply_look(app: QApplication) -> None:
    """Use a CJK font, the app icon and the style sheet (colours come from the palette)."""
    family = cjk_family()
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *font.families()])
        app.setFont(font)
    else:
        log.warning("no font with Chinese characters found; text may show as boxes")
    icon = paths.resources_dir() / "icons" / "kbdesk.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    style = paths.resources_dir() / "styles" / "app.qss"
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Read the app's own options (Qt options are left to Qt)."""
    parser = argparse.ArgumentParser(prog="kbdesk", description="kbdesk desktop app")
    parser.add_argument("--library", help="library folder (default: the setting, or your own)")
    parser.add_argument("--version", action="version", version=f"kbdesk {__version__}")
    args, _unknown = parser.parse_known_args(list(argv))
    return args


def create_window(argv: Sequence[str] = ()) -> MainWindow:
    """Build the application (if needed), the translators and the window; start loading."""
    args = parse_args(argv)
    app = QApplication.instance()
    if app is None:
        # fractional scale factors (125 %, 150 %) are used as they are: sharp text on high DPI
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0] if sys.argv else "kbdesk", *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName("kbdesk")
    app.setApplicationDisplayName("kbdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("kbdesk")
    app.setDesktopFileName("kbdesk")
    settings = Settings.load()
    workstation_name(settings)  # this installation's identity, chosen once at first run
    install_translators(app, language_for(settings.get("ui_language")))
    apply_look(app)
    from kbdesk.gui.joining import first_run_choice  # "Join a shared library" or the demo

    settings = first_run_choice(settings, args.library)
    window = MainWindow(settings, library=args.library)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    QTimer.singleShot(0, window.start)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app; return its exit status."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING,
                            format="%(levelname)s %(name)s: %(message)s")
    argv = list(sys.argv[1:] if argv is None else argv)
    window = create_window(argv)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if os.environ.get(QUIT_WHEN_READY):
        _quit_when_ready(window, app)
    return int(app.exec())


#: set to any value, the app quits (status 0) once its library is open and its index ready, or
#: with status 3 after :data:`READY_TIMEOUT_MS`: how IT and CI check that an install starts
QUIT_WHEN_READY = "KBDESK_QUIT_WHEN_READY"
READY_TIMEOUT_MS = 180_000


def _quit_when_ready(window: MainWindow, app: QApplication) -> None:
    def ready() -> None:
        print("kbdesk: the app started, opened its library and is ready", file=sys.stderr)
        window.close()
        app.exit(0)

    window.indexReady.connect(ready)
    QTimer.singleShot(READY_TIMEOUT_MS, lambda: app.exit(3))
