"""``python -m tests.site.slow_export LIBRARY OUTDIR``: an export that hangs after its first
document page, for the test that kills an export half-way."""

from __future__ import annotations

import sys
import time

import kbdesk.core.exporters.html_site as site
from kbdesk.core.kb import KnowledgeBase

_real_write = site._Writer.write


def _write_then_hang(self: site._Writer, relative: str, data: str | bytes) -> None:
    _real_write(self, relative, data)
    if relative.startswith("d/"):
        time.sleep(600)


if __name__ == "__main__":
    site._Writer.write = _write_then_hang  # type: ignore[method-assign]
    KnowledgeBase(sys.argv[1]).export("html", sys.argv[2])
