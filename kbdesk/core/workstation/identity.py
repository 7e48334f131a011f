"""This installation's identity as the team sees it: the ``workstation_name`` setting.

Many agents on virtual desktops share one host name, so a new installation is named after the
host *plus a short random id* (``vm-3f9a2c``), chosen once at first run and kept in the
settings (Settings shows it and lets it be changed). A change starts a new identity: records
are stamped with the name when they are made (read receipts, flags, searches), so those made
before stay under the old name.

An installation that already shared records under the bare host name (one made before this
rule: its data folder holds receipts, flags or a search log) keeps the host name, so its
records do not appear twice under two names.
"""

from __future__ import annotations

import getpass
import logging
import secrets
import socket

from kbdesk.core.workstation import paths
from kbdesk.core.workstation.settings import Settings

log = logging.getLogger(__name__)

KEY = "workstation_name"
#: what in the data folder shows that an installation already shared under its host name
_EARLIER_RECORDS = ("receipts", "flags", "no-results.jsonl")


def host_name() -> str:
    """The computer's name (``workstation`` when it has none)."""
    return socket.gethostname().strip() or "workstation"


def new_workstation_name(host: str | None = None, rule: str = "") -> str:
    """A new identity: the host name and six random hex digits (``vm-3f9a2c``), or what the
    organisation's naming rule (site settings ``workstation_naming``: ``{host}``, ``{user}``,
    ``{id}``) makes of them."""
    host = host or host_name()
    token = secrets.token_hex(3)
    if not rule:
        return f"{host}-{token}"
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no user name in this environment
        user = "user"
    return rule.format(host=host, user=user, id=token).strip() or f"{host}-{token}"


def os_account() -> str:
    """The OS account running kbdesk (``getpass.getuser()``): who made a read receipt, and
    whose role the roster gives. The one place kbdesk asks it; "" when there is none."""
    try:
        return getpass.getuser().strip()
    except (OSError, KeyError):  # no user name in this environment
        return ""


def _shared_under_host_name() -> bool:
    data = paths.data_dir()
    return any((data / name).exists() for name in _EARLIER_RECORDS)


def workstation_name(settings: Settings | None = None) -> str:
    """This installation's name; chosen and saved on first use when the settings have none.

    Args:
        settings: the settings to read and, the first time, to complete and save
            (default: loaded from the settings file).
    """
    settings = settings or Settings.load()
    name = str(settings.get(KEY)).strip()
    if name:
        return name
    name = host_name() if _shared_under_host_name() else new_workstation_name(
        rule=settings.site.naming)
    settings.set(KEY, name)
    try:
        settings.save()
    except OSError as exc:  # a read-only data folder: the name holds for this run only
        log.warning("cannot save the workstation name %s: %s", name, exc)
    log.info("this workstation is %s", name)
    return name
