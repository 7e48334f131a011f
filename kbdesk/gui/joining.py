"""Joining a shared library from the app: the first-run choice ("Use the demo library" or "Join
a shared library (URL or folder)") and File → Join a shared library.

The clone runs on a task runner; the library joined becomes the ``library_dir`` setting (the
same rule as ``kbdesk clone``, ``kbdesk.core.team.remote.join_library``). A Git server that asks
for a sign-in shows the user name and password fields under the URL (once); the next Join keeps
the sign-in ("remember": in the keyring) and tries again.

Signals of :class:`JoinDialog`:
    joined(str folder): the shared library was cloned into ``folder`` and is the default now.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import KbError, Settings, SignInNeeded, paths
from kbdesk.gui.signin import SignInForm, remember_sign_in
from kbdesk.gui.tasks import TaskRunner

log = logging.getLogger(__name__)


def is_first_run(settings: Settings, library_arg: str | None) -> bool:
    """True when no library was chosen yet and the user's own library does not exist. Never
    when the organisation's site settings preset a shared library: that one is joined by
    itself, with no question asked."""
    return (
        not library_arg
        and not os.environ.get("KBDESK_LIBRARY")
        and not settings.get("library_dir")
        and not settings.site.library_url
        and not paths.default_library_dir().exists()
    )


class JoinDialog(QDialog):
    """Join a shared library by URL or folder; on the first run, or use the demo library.

    Args:
        first_run: also offer "Use the demo library" (the dialog's reject).
    """

    joined = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, first_run: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to kbdesk") if first_run
                            else self.tr("Join a shared library"))
        self.runner = TaskRunner(self)
        self.folder = ""
        intro = QLabel(self.tr("Your team keeps its library in one shared place (a folder on a "
                               "file share, or a Git server). Join it, and this workstation "
                               "syncs with it.") if first_run else
                       self.tr("The library joined is used from the next start."), self)
        intro.setWordWrap(True)
        self.url = QLineEdit(self)
        self.url.setObjectName("joinUrl")
        self.url.setPlaceholderText(self.tr("Folder or URL, e.g. //server/share/kb.git"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.join_button = QPushButton(self.tr("Join a shared library (URL or folder)"), self)
        self.join_button.setObjectName("joinButton")
        self.join_button.setDefault(True)
        self.join_button.clicked.connect(self.join)
        self.demo_button = QPushButton(self.tr("Use the demo library"), self)
        self.demo_button.setObjectName("demoButton")
        self.demo_button.clicked.connect(self.reject)
        self.demo_button.setVisible(first_run)
        self.error = QLabel(self)
        self.error.setObjectName("joinError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.sign_in = SignInForm(self)
        self.sign_in.setObjectName("joinSignIn")
        self.sign_in.hide()
        # a signed library: its editors' key, shown once for a person to confirm
        self.trust_label = QLabel(self)
        self.trust_label.setObjectName("joinTrust")
        self.trust_label.setWordWrap(True)
        self.trust_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trust_label.hide()
        self.trust_button = QPushButton(self.tr("Trust this key and join"), self)
        self.trust_button.setObjectName("joinTrustButton")
        self.trust_button.clicked.connect(self._trust_and_join)
        self.trust_button.hide()
        self._fingerprints: tuple[str, ...] = ()
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(browse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.join_button)
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        if not first_run:
            cancel = QPushButton(self.tr("Cancel"), self)
            cancel.clicked.connect(self.reject)
            buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.sign_in)
        layout.addWidget(self.trust_label)
        layout.addWidget(self.trust_button)
        layout.addLayout(buttons)
        self.resize(560, 200)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("The shared library's folder"))
        if folder:
            self.url.setText(folder)

    def join(self, trusted: tuple[str, ...] = ()) -> Any:
        """Clone the shared library named in the box (off the UI thread).

        Args:
            trusted: the editors' fingerprints the person confirmed (a signed library).
        """
        url = self.url.text().strip()
        if not url:
            self._fail(self.tr("Type the folder or URL of the shared library."))
            return None
        if self.sign_in.isVisible() and not self.sign_in.filled():
            self._fail(self.tr("Type your user name and password for the Git server."))
            return None
        self.error.hide()
        self.trust_label.hide()
        self.trust_button.hide()
        self.join_button.setEnabled(False)
        form = self.sign_in
        given = (form.username.text().strip(), form.password.text(),
                 form.remember.isChecked()) if form.isVisible() else None

        def clone(_progress: Any, _cancel: Any) -> str:
            from kbdesk.core import Clock, CredentialsError, credentials, join_library

            server = credentials.split_url(url)[0]
            if given is not None:
                credentials.use_for_session(server, given[0], given[1])
            # no library yet, so no library's clock: the system's stamps the first sync
            folder = str(join_library(url, clock=Clock(), trusted=trusted))
            if given is not None and given[2]:  # remember: kept once the server took it
                try:
                    remember_sign_in(server, given[0], given[1])
                except CredentialsError as exc:
                    log.warning("the sign-in was not kept: %s", exc)
            return folder

        task = self.runner.submit(clone, name="join", write=True, owner=self)
        task.succeeded.connect(self._joined)
        task.failed.connect(self._failed)
        return task

    def _failed(self, error: Exception) -> None:
        from kbdesk.core import UntrustedLibrary

        if isinstance(error, SignInNeeded):
            first = not self.sign_in.isVisible()
            self.sign_in.show()
            self.sign_in.username.setFocus()
            self._fail(self.tr("The Git server asks for your user name and password.") if first
                       else self.tr("The Git server did not accept this user name and "
                                    "password."))
            return
        if not isinstance(error, UntrustedLibrary):
            self._fail(str(error))
            return
        self.join_button.setEnabled(True)
        self._fingerprints = error.fingerprints
        lines = [self.tr("This shared library is signed by its editors. Compare the key below "
                         "with the one your editor or IT department gave you before trusting "
                         "it:")]
        lines += [f"  {fingerprint}" for fingerprint in error.fingerprints]
        if error.editors:
            lines.append(self.tr("Editors now:"))
            lines += [f"  {e.principal}: {e.fingerprint}" for e in error.editors]
        self.trust_label.setText("\n".join(lines))
        self.trust_label.show()
        self.trust_button.show()

    def _trust_and_join(self) -> Any:
        return self.join(self._fingerprints)

    def _joined(self, folder: str) -> None:
        self.folder = folder
        self.joined.emit(folder)
        self.accept()

    def _fail(self, message: str) -> None:
        self.join_button.setEnabled(True)
        self.error.setText(message)
        self.error.show()

    def done(self, result: int) -> None:
        self.runner.shutdown()
        super().done(result)


def first_run_choice(settings: Settings, library_arg: str | None) -> Settings:
    """On the first run, ask whether to join a shared library; return the settings to use."""
    if not is_first_run(settings, library_arg):
        return settings
    dialog = JoinDialog(first_run=True)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return Settings.load()  # join_library saved library_dir
    except KbError as exc:
        log.warning("joining failed: %s", exc)
    finally:
        dialog.deleteLater()
    return settings
