"""Run-time hook of the bundle (``packaging/kbdesk.spec``): where Qt finds its plugins.

It stands in for PyInstaller's own PySide6 hook, which imports ``PySide6.QtCore`` (and with it
the Qt libraries) at every start, ``kbdesk --version`` and ``kbdesk search`` included: that
was a fifth of the bundled CLI's cold start (issue 20). This one only sets the environment the
app needs once it imports Qt itself; PySide6's wheels make their own Qt relocatable (its
embedded ``qt.conf``), so nothing else is needed. kbdesk uses no QML.
"""

import os
import sys


def _qt_environment() -> None:
    base = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
    if sys.platform.startswith("win"):
        qt = os.path.join(base, "PySide6")
        # QtNetwork looks for OpenSSL's DLLs on PATH
        os.environ["PATH"] = os.pathsep.join(filter(None, [base, os.environ.get("PATH")]))
    else:
        qt = os.path.join(base, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt, "qml")


_qt_environment()
del _qt_environment
