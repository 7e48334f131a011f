"""Setting a damaged app-state file aside, so defaults can be used and nothing is overwritten.

Settings, read receipts, last-seen versions, drafts and the index manifest live in the user's
data folder. A file there that cannot be read (not UTF-8, not JSON, the wrong shape) must not
stop the app: it is renamed to ``<name>.damaged`` (kept for whoever wants to look at it), a
warning names it, and the caller goes on with its defaults.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

SUFFIX = ".damaged"


def set_aside(path: Path, reason: object) -> Path:
    """Rename a damaged file to ``<name>.damaged`` (numbered if taken); return where it went.

    When it cannot be renamed it stays where it is; the warning is logged either way.
    """
    target = path.with_name(path.name + SUFFIX)
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}{SUFFIX}{number}")
    try:
        path.replace(target)
    except OSError:
        target = path
    log.warning("%s cannot be read (%s); set aside as %s, defaults are used",
                path, reason, target.name)
    return target
