"""Text others wrote, made safe to print and to open in a spreadsheet: the one place for both.

Team records come from other workstations (a flag's comment, an agent's name, a document title
typed by someone): they are data, never commands.

- :func:`strip_controls` removes terminal control characters: C0 controls but tab and line
  feed, DEL and the C1 controls (0x9b is a one-byte CSI), so no ``ESC ]52;…`` clipboard write,
  title change or screen clear reaches a terminal or a CSV file.
- :func:`csv_cell` neutralises what a spreadsheet would read as a formula: a cell that starts
  with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (as OWASP's
  advice on CSV injection says), after the control characters are removed.
- :func:`write_csv` writes rows with every cell passed through :func:`csv_cell`: every CSV
  kbdesk writes goes through it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

# C0 controls but tab and newline, DEL, and the C1 controls (0x9b is a one-byte CSI)
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: what makes a spreadsheet read a cell as a formula (or hide one behind a tab or line start)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def strip_controls(text: object) -> str:
    """``text`` without terminal control characters (tabs and line breaks are kept; a CR LF
    becomes a line feed, a lone CR is removed)."""
    return CONTROL_RE.sub("", str(text).replace("\r\n", "\n"))


def one_line(text: object) -> str:
    """``text`` for one line of output: control characters removed, line breaks and tabs made
    spaces."""
    return strip_controls(str(text).replace("\n", " ").replace("\t", " ").replace("\r", " "))


def csv_cell(value: object) -> str:
    """One CSV cell, safe to open in a spreadsheet: controls removed, a formula start quoted."""
    raw = "" if value is None else str(value)
    if raw.startswith(FORMULA_STARTS):
        return "'" + strip_controls(raw)
    text = strip_controls(raw)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text (``\\n`` line ends) of ``header`` and ``rows``, every cell through
    :func:`csv_cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([csv_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()
