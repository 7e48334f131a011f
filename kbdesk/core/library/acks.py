"""Who must confirm reading a document, and by when: the ``ack_required`` and ``read_within``
front-matter fields.

``ack_required`` is ``true`` (everyone on the team's roster), ``false``, or the groups and roles
of ``team.yaml`` that must read it: a list (``[一線客服, supervisor]``) or one text with commas
(``一線客服, 品質組``). ``read_within`` is how many days after a version comes into force its
readers have (a whole number from 1 to :data:`MAX_READ_WITHIN`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: the most days ``read_within`` may give (ten years: anything more is a typo)
MAX_READ_WITHIN = 3650
_SPLIT = re.compile(r"[,，、]")


def ack_targets_of(value: object) -> tuple[str, ...] | None:
    """The groups and roles an ``ack_required`` value names: () for ``true`` (everyone), the
    names for a list or text, None when it is not one of those (or ``false``/absent)."""
    if value is True:
        return ()
    if value is None or value is False:
        return None
    if isinstance(value, str) and value.strip().lower() in ("true", "false", ""):
        return () if value.strip().lower() == "true" else None  # a quoted 'true' or 'false'
    if isinstance(value, str):
        parts = [part.strip() for part in _SPLIT.split(value)]
        names = tuple(dict.fromkeys(p for p in parts if p))
        return names or None
    if isinstance(value, list) and all(isinstance(item, str | int) and not isinstance(item, bool)
                                       for item in value):
        names = tuple(dict.fromkeys(str(item).strip() for item in value if str(item).strip()))
        return names or None
    return None


def ack_problem(value: object) -> str | None:
    """Why an ``ack_required`` value cannot be used (None when it can)."""
    if value is None or isinstance(value, bool) or value == []:
        return None
    if isinstance(value, str) and value.strip().lower() in ("true", "false", ""):
        return None
    if ack_targets_of(value) is None:
        return ("must be true, false, or the groups or roles of team.yaml that must read it "
                f"(such as [一線客服, supervisor]), got {value!r}")
    return None


def read_within_problem(value: object) -> str | None:
    """Why a ``read_within`` value cannot be used (None when it can, or when absent)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not (
            1 <= value <= MAX_READ_WITHIN):
        return f"must be a whole number of days from 1 to {MAX_READ_WITHIN}, got {value!r}"
    return None


def ack_targets(meta: Mapping[str, object]) -> tuple[str, ...] | None:
    """The groups and roles a document's front matter asks to read it (see
    :func:`ack_targets_of`)."""
    return ack_targets_of(meta.get("ack_required"))


def read_within(meta: Mapping[str, object]) -> int | None:
    """The days a document's readers have to confirm a version (None: no deadline)."""
    value = meta.get("read_within")
    return value if read_within_problem(value) is None and isinstance(value, int) else None
