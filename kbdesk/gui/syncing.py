"""Background sync of the library with its shared copy: on start, every N minutes, on demand.

``SyncController`` runs ``KnowledgeBase.sync`` on the task runner's writer (so it never overlaps
a publish or an index update) and turns the outcome into signals and one status line for the
status bar. Offline, the app keeps working on the last synced state and the status line says
since when. A Git server that asks for a sign-in (HTTP 401) is not "offline": the status line
says "sign-in needed" and ``signInNeeded`` asks the window to open the sign-in dialog, once per
server until the user signs in or syncs by hand; one that says no (HTTP 403) is "not allowed".
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kbdesk.core import (
    KbError,
    KnowledgeBase,
    RemoteUnreachable,
    ServerDenied,
    Settings,
    SignInNeeded,
    SyncError,
    SyncResult,
    credentials,
    parse_iso_time,
)
from kbdesk.gui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

Now = Callable[[], dt.datetime]


def parse_time(value: str | None) -> dt.datetime | None:
    """Read a stored ISO time (None when missing or unreadable)."""
    return parse_iso_time(value) if value else None


class SyncController(QObject):
    """Pulls (and pushes) the library in the background.

    Args:
        kb: the knowledge base.
        runner: the app's task runner.
        settings: where ``sync_interval_minutes`` and the author name come from.
        interval_ms: overrides the interval from the settings (tests).
        now: the clock used for the status line (injectable for tests).

    Signals:
        synced(object): a sync finished; the ``datetime`` it finished at.
        pulled(list): library paths that changed because of a sync.
        failed(str): the sync failed (offline, refused); the app keeps working.
        conflict(object): a ``Conflict`` to resolve (the same document changed on both sides).
        stateChanged(str): the status line changed.
        signInNeeded(str): the Git server at this URL (no user info) asks for a sign-in; sent
            once per server until :meth:`sign_in` or a sync by hand (``sync_now(ask=True)``).
    """

    synced = Signal(object)
    pulled = Signal(list)
    failed = Signal(str)
    conflict = Signal(object)
    stateChanged = Signal(str)
    signInNeeded = Signal(str)

    #: the sync states kept from the last run (the others start as "idle")
    KEPT_STATES = ("offline", "signin-needed", "not-allowed", "untrusted")

    def __init__(
        self,
        kb: KnowledgeBase,
        runner: TaskRunner,
        *,
        settings: Settings | None = None,
        interval_ms: int | None = None,
        now: Now | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.kb, self.runner = kb, runner
        self.now: Now = now or kb.clock.now
        self.settings = settings or Settings.load()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self._interval_override = interval_ms
        self.apply_settings(self.settings)
        state = kb.sync.sync_state()
        self.last_synced: dt.datetime | None = parse_time(state.get("last_synced"))
        last = state.get("last_status", "")
        self.state = last if last in self.KEPT_STATES else "idle"
        #: the servers already asked for a sign-in (not asked again by the timer)
        self._asked: set[str] = set()
        #: a sign-in to keep once a sync succeeded with it (url, user name, password)
        self._to_remember: tuple[str, str, str] | None = None
        self.last_error = state.get("last_error", "")
        self.last_result: SyncResult | None = None
        self._task: Task | None = None

    def apply_settings(self, settings: Settings) -> None:
        """Take the sync interval from the settings (after they were changed)."""
        self.settings = settings
        minutes = int(settings.get("sync_interval_minutes"))
        interval = self._interval_override or minutes * 60_000
        self.timer.setInterval(interval)

    @property
    def busy(self) -> bool:
        """True while a sync is queued or running."""
        return self._task is not None

    def start(self) -> None:
        """Sync now, then every interval."""
        self.sync_now()
        self.timer.start()

    def stop(self) -> None:
        """Stop syncing by the clock (a sync under way finishes)."""
        self.timer.stop()

    def sync_now(self, *, ask: bool = False) -> Task | None:
        """Start a sync in the background (None when one is already under way).

        Args:
            ask: a sync the user asked for: a server that wants a sign-in is asked about again.
        """
        if ask:
            self._asked.clear()
        if self._task is not None:
            return None
        author = str(self.settings.get("agent_name") or "").strip() or None
        self._set_state("syncing")
        task = self.runner.submit(lambda _p, _c: self.kb.sync.sync(author=author), name="sync",
                                  write=True, owner=self)
        self._task = task
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        return task

    def _finished(self) -> None:
        self._task = None

    def _succeeded(self, result: SyncResult) -> None:
        self.last_result = result
        self.last_synced = parse_time(result.last_synced) or self.now()
        self.last_error = ""
        self._remember()
        if result.untrusted:  # the remote's change was refused: the version in force stays
            self.last_error = self.untrusted_message(result.untrusted)
            self._set_state("untrusted")
            self.failed.emit(self.last_error)
        else:
            self._set_state("synced")
        if result.pulled_paths:
            self.pulled.emit(list(result.pulled_paths))
        for found in result.conflicts:
            self.conflict.emit(found)
        self.synced.emit(self.last_synced)

    def _failed(self, error: KbError) -> None:
        self.last_error = str(error)
        if isinstance(error, RemoteUnreachable):
            self._set_state("offline")
        elif isinstance(error, SignInNeeded):
            self._to_remember = None  # the server did not take it
            self._set_state("signin-needed")
            log.warning("sync: %s", error)
            self.failed.emit(self.last_error)
            if error.url and error.url not in self._asked:
                self._asked.add(error.url)
                self.signInNeeded.emit(error.url)
            return
        elif isinstance(error, ServerDenied):
            self._set_state("not-allowed")
        elif isinstance(error, SyncError) and "no remote" in str(error):
            self.timer.stop()  # a library of this workstation only: nothing to sync with
            self._set_state("local")
            return
        else:
            self._set_state("error")
        log.warning("sync failed: %s", error)
        self.failed.emit(self.last_error)

    def sign_in(self, url: str, username: str, password: str, remember: bool) -> Task | None:
        """Use a sign-in for ``url`` from now on (in memory) and sync again; with ``remember``
        it is kept (keyring, off the UI thread) once the server took it."""
        credentials.use_for_session(url, username, password)
        self._asked.discard(url)  # a wrong password is asked about once more
        self._to_remember = (url, username, password) if remember else None
        return self.sync_now()

    def _remember(self) -> None:
        from kbdesk.gui.signin import remember_sign_in

        given, self._to_remember = self._to_remember, None
        if given is None:
            return
        task = self.runner.submit(lambda _p, _c: remember_sign_in(*given), name="sign-in",
                                  ordered=True, owner=self)
        task.failed.connect(lambda error: self.failed.emit(str(error)))

    def untrusted_message(self, lines: list[str]) -> str:
        """What a person is told of a refused change: agents the sentence, editors also which
        commit and which files."""
        text = self.tr("A change that was not signed by an editor was refused; the version in "
                       "force stays.")
        if self.settings.get("role") == "editor":
            text += " " + "; ".join(lines)
        return text

    def _set_state(self, state: str) -> None:
        self.state = state
        self.stateChanged.emit(self.status_text())

    def _when(self) -> str:
        if self.last_synced is None:
            return self.tr("never")
        moment = self.last_synced.astimezone(self.now().tzinfo)
        if moment.date() == self.now().date():
            return moment.strftime("%H:%M")
        return moment.strftime("%Y-%m-%d %H:%M")

    def status_text(self) -> str:
        """One line for the status bar: when the library last synced, and whether it can."""
        when = self._when()
        if self.state == "syncing":
            return self.tr("Syncing… (last synced %1)").replace("%1", when)
        if self.state == "offline":
            return self.tr("Offline: working on the copy last synced %1").replace("%1", when)
        if self.state == "error":
            return self.tr("Sync failed (last synced %1)").replace("%1", when)
        if self.state == "signin-needed":
            return self.tr("Sign-in needed for the shared library (last synced %1)").replace(
                "%1", when)
        if self.state == "not-allowed":
            return self.tr("The Git server does not allow this sign-in (last synced %1)"
                           ).replace("%1", when)
        if self.state == "local":
            return self.tr("Not shared: this library has no remote")
        if self.state == "untrusted":
            return self.tr("A change not signed by an editor was refused (last synced %1)"
                           ).replace("%1", when)
        return self.tr("Last synced %1").replace("%1", when)
