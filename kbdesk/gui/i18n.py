"""UI languages: pick one from the setting or the system locale, build and install its .qm.

Translations are kept as Qt ``.ts`` sources in ``resources/translations``. The compiled ``.qm``
files are not committed: they are built on first use with the ``lrelease`` that ships with
PySide6 into the cache folder, and rebuilt when the source is newer. The self-contained bundle
(``make dist``) has no ``lrelease``: it ships the ``.qm`` files beside the sources.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kbdesk.core import paths

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, source: str, disambiguation: str | None = None) -> str:
    """Mark ``source`` for translation in ``context`` (lupdate finds the call); return it as is.

    Qt's own returns ``object`` in its type stubs; this one keeps the text typed as ``str``.
    """
    return source

LANGUAGES = ("zh_TW", "zh_CN", "en")


def language_for(setting: str, locale: QLocale | None = None) -> str:
    """Return the UI language to use: the setting, or the system locale's for "system"."""
    if setting in LANGUAGES:
        return setting
    locale = locale or QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    traditional = (locale.script() == QLocale.Script.TraditionalChineseScript
                   or locale.territory() in (QLocale.Country.Taiwan, QLocale.Country.HongKong,
                                             QLocale.Country.Macao))
    return "zh_TW" if traditional else "zh_CN"


def ts_file(language: str) -> Path:
    """Return the translation source of a language."""
    return paths.resources_dir() / "translations" / f"kbdesk_{language}.ts"


def lrelease_tool() -> str | None:
    """Find the ``lrelease`` that ships with PySide6 (or one on the PATH)."""
    import PySide6

    bundled = Path(PySide6.__file__).parent / "lrelease"
    if bundled.is_file():
        return str(bundled)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compiled_qm(language: str) -> Path | None:
    """Return the .qm of a language, building it in the cache when missing or out of date."""
    source = ts_file(language)
    if not source.is_file():
        return None
    target = paths.cache_dir() / "translations" / f"kbdesk_{language}.qm"
    if target.is_file() and target.stat().st_mtime_ns >= source.stat().st_mtime_ns:
        return target
    prebuilt = source.with_suffix(".qm")  # the self-contained bundle ships them compiled
    tool = lrelease_tool()
    if prebuilt.is_file() and (tool is None or
                               prebuilt.stat().st_mtime_ns >= source.stat().st_mtime_ns):
        return prebuilt
    if tool is None:
        log.warning("lrelease not found; the UI stays in English")
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")  # lrelease writes it
    try:
        subprocess.run([tool, "-silent", str(source), "-qm", str(tmp)], check=True,
                       capture_output=True, timeout=30)
        tmp.replace(target)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot build %s: %s", target.name, exc)
        return None
    return target


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the app's and Qt's own translations for a language; return the translators."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qm = compiled_qm(language)
    if qm is not None:
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    return installed
