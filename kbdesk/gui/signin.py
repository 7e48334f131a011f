"""Signing in to an http(s) Git server: the form (user name, password, "remember on this
computer") and the dialog the app opens once when a sync is told "sign-in needed".

Where a sign-in is kept is the core's rule (``kbdesk.core.credentials``). A sign-in typed here is
used at once for this session (in memory); with "remember" it is kept in the OS keyring (or the
private file where there is none) once the server took it, so a mistyped password is never
kept. Keeping it may talk to the keyring (slow): :func:`remember_sign_in` runs on the task
runner, never on the UI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import credentials


def remember_sign_in(url: str, username: str, password: str) -> str:
    """Keep a sign-in the server took (keyring, or the private file); return where. Raises
    ``CredentialsError``. Runs off the UI thread."""
    return credentials.store(url, username, password)


class SignInForm(QWidget):
    """User name, password (never shown) and "Remember on this computer" (on by default)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.username = QLineEdit(self)
        self.username.setObjectName("signInUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember on this computer"), self)
        self.remember.setObjectName("signInRemember")
        self.remember.setChecked(True)
        self.remember.setToolTip(self.tr("Kept in the system's keyring (or a file only you can "
                                         "read where there is none), never in the library"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)

    def filled(self) -> bool:
        """True when a user name was typed."""
        return bool(self.username.text().strip())


class SignInDialog(QDialog):
    """Asks a user name and password for the Git server at ``url`` (shown without user info)."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = credentials.split_url(url)[0]
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to the shared library"))
        intro = QLabel(self.tr("The Git server at %1 asks for your user name and password.")
                       .replace("%1", credentials.redact(self.url)), self)
        intro.setWordWrap(True)
        self.form = SignInForm(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.resize(480, 220)

    def _accept(self) -> None:
        if not self.form.filled():
            self.form.username.setFocus()
            return
        self.accept()
