"""The one error tree of kbdesk: every error the core raises on purpose is a ``KbError``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath


class KbError(Exception):
    """Base class of every error the core raises for the user to see."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a library file: what the loader reports and skips.

    Attributes:
        path: the file's path relative to the library root, with ``/`` separators.
        message: what is wrong, in plain words.
        line: the 1-based line the problem is on, where there is one.
        field: the front-matter field at fault, where there is one.
    """

    path: str
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class DocumentError(KbError):
    """A library file that cannot be loaded."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class LibraryError(KbError):
    """A library folder that cannot be used at all (missing, not a folder, unreadable)."""


class DocumentNotFound(KbError):
    """No document with the given id or path."""


class SearchIndexError(KbError):
    """The search index cannot be opened or written (after a rebuild was tried)."""


class IndexBusy(SearchIndexError):
    """Another writer holds the index lock past the timeout."""


class IndexDamaged(SearchIndexError):
    """A search found the index unreadable; it is rebuilt by the next index update."""


class Cancelled(KbError):
    """A long job was cancelled through its cancel token."""


# -- workstation/userstate ------------------------------------------------------------------------


class UserStateError(KbError):
    """The user state file cannot be written."""


# -- workstation/settings -------------------------------------------------------------------------


class SettingsError(KbError):
    """A setting that does not exist or a value it cannot take. ``key`` names the setting."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"setting '{key}': {message}")
        self.key = key


class UnknownSetting(SettingsError):
    """No setting has this key."""


class InvalidSetting(SettingsError):
    """The value has the wrong type or is not one of the allowed choices."""


class SettingLocked(SettingsError):
    """The organisation's site settings lock this setting."""


# -- library/replycheck ---------------------------------------------------------------------------


class StaleFinding(KbError):
    """The draft changed and no longer holds the text a finding points at."""


# -- registry -------------------------------------------------------------------------------------


class UnknownPlugin(KbError):
    """No plugin of that name is registered."""


class BrokenPlugin(KbError):
    """A registered plugin that cannot be used (it fails to import, or has the wrong shape).

    ``name`` is the plugin's registered name; the message says what is wrong with it.
    """

    def __init__(self, message: str, name: str = "") -> None:
        super().__init__(message)
        self.name = name


class InvalidOption(KbError):
    """An option a plugin does not declare, or a value its declaration refuses.

    ``option`` names the option; the message names the plugin, the option and the value.
    """

    def __init__(self, message: str, option: str = "") -> None:
        super().__init__(message)
        self.option = option


# -- workflow/versioning --------------------------------------------------------------------------


class PublishError(KbError):
    """A publish, rollback or retirement that cannot be done; nothing was changed."""


# -- storage/repo ---------------------------------------------------------------------------------


class RepoError(KbError):
    """The library's git repository cannot be used or changed as asked."""


# -- sync/sync ------------------------------------------------------------------------------------


class SyncError(KbError):
    """The library cannot be synced (no remote configured, remote refused the push...)."""


class UnrelatedHistories(SyncError):
    """The remote holds another library (no common history); nothing was changed."""


class RemoteUnreachable(SyncError):
    """The remote cannot be reached; the library keeps working on its last synced state."""


class SignInNeeded(SyncError):
    """The Git server asked for a user name and password (HTTP 401) and none it takes was
    given; nothing changed. ``url`` is the remote without user info."""

    def __init__(self, message: str, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class ServerDenied(SyncError):
    """The Git server knows the user but does not allow what was asked (HTTP 403)."""

    def __init__(self, message: str, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class CredentialsError(KbError):
    """Credentials that cannot be stored, read or removed (the message says where)."""


class RemoteRefused(SyncError):
    """The remote holds something kbdesk does not take (a huge file, a hostile name, a URL
    that could be read as an option); the message names it and nothing was changed."""


# -- storage/drafts -------------------------------------------------------------------------------


class DraftError(KbError):
    """A draft that cannot be saved or read."""


# -- library/safepaths, workstation/liblock -----------------------------------------------------


class UnsafePath(KbError):
    """A library path kbdesk refuses to read or write (it would leave the library)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path!r}: {reason}")
        self.path = path
        self.reason = reason


class LibraryBusy(KbError):
    """Another kbdesk kept the library locked for longer than the timeout."""


# -- importers ----------------------------------------------------------------------------------


class ImportFailed(KbError):
    """A file that cannot be imported (unreadable, undecodable, empty, not what it claims)."""


# -- exporters ----------------------------------------------------------------------------------


class ExportError(KbError):
    """An export that cannot be written (bad output folder, unreadable resources)."""


def rel(path: PurePosixPath | str) -> str:
    """Return a path as the ``/``-separated string used in messages."""
    return str(path).replace("\\", "/")
