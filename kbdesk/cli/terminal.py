"""Printing document text on a terminal safely, and ending quietly when the reader goes away.

Document text is written by people and by other programs: a title holding ``ESC ]0;…`` would
retitle the terminal, ``ESC [2J`` clear it. Everything the command line prints from a document
passes through :func:`clean` (control characters removed, line breaks and tabs kept); JSON
output escapes every control character, C1 ones included (:func:`dump_json`).
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, TextIO

_JSON_CONTROL_RE = re.compile("[\x7f-\x9f\u2028\u2029]")


def clean(text: object) -> str:
    """``text`` without terminal control characters (tabs and line breaks are kept); the one
    rule lives in the core (``strip_controls``), which CSV files use too."""
    from kbdesk.core import strip_controls  # imported on first print

    return strip_controls(text)


def inline(text: object) -> str:
    """``text`` for one line of output (a file name, a title): control characters removed,
    line breaks and tabs made spaces."""
    from kbdesk.core import one_line

    return one_line(text)


def dump_json(data: Any, stream: TextIO | None = None) -> None:
    """Write ``data`` as indented JSON with every control character escaped, then a newline."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = _JSON_CONTROL_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    out = stream or sys.stdout
    out.write(text + "\n")


def quiet_broken_pipe() -> int:
    """After a ``BrokenPipeError`` (``kbdesk search … | head -1``): no more output, no noise.

    Returns the exit status to use (that of a process ended by SIGPIPE, as shells report it).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return 141
