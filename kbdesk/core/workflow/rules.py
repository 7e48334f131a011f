"""The editorial rules the clients ask about before they call an operation.

Each was once written in the desktop app (and some differently in the CLI); here each is one
function without Qt, which the services expose (``kb.publishing.note_missing``,
``default_effective``, ``effective_to_set``; ``kb.versions.versions_to_compare``): what a change
note must be, which day a new version comes into force unless the editor says otherwise, which
two versions "compare" means for one selected version (how a sync conflict kept as a draft is
opened again is ``kbdesk.core.sync.service.conflict_from_drafts``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from kbdesk.core.storage.history import VersionInfo
from kbdesk.core.workflow.versioning import change_note

__all__ = [
    "change_note",
    "default_effective",
    "effective_to_set",
    "note_missing",
    "versions_to_compare",
]


def note_missing(note: str | None) -> bool:
    """True when ``note`` is no change note (every publish, rollback, retire and move needs
    one: blank text is none)."""
    return not (note or "").strip()


def default_effective(written: dt.date | None, today: dt.date) -> dt.date:
    """The day a new version comes into force unless the editor picks another: the
    ``effective:`` date its text carries when that is later than today, else today."""
    return max(written, today) if written is not None else today


def effective_to_set(
    chosen: dt.date | None, written: dt.date | None, today: dt.date
) -> dt.date | None:
    """The ``effective:`` date a publish writes for the day the editor ``chosen``: that day
    when it is later than today or the text already names a day; None (no field: in force
    at once) when the editor kept today for a text without one."""
    if chosen is None:
        return None
    return chosen if chosen > today or written is not None else None


def versions_to_compare(
    versions: Sequence[VersionInfo], selected: Sequence[int]
) -> tuple[int, int] | None:
    """The two versions a comparison shows, oldest first.

    Two or more selected: the oldest and the newest of them. One selected: it and the
    newest version before it that was in force (a superseded version, which lost a sync
    conflict, is never compared). None when there is nothing to compare with.
    """
    usable = {v.version for v in versions if v.version is not None and not v.superseded}
    numbers = sorted(set(selected) & usable)
    if len(numbers) == 1:
        older = [v for v in usable if v < numbers[0]]
        return (max(older), numbers[0]) if older else None
    if len(numbers) < 2:
        return None
    return numbers[0], numbers[-1]
