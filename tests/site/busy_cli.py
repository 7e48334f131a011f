"""``python -m tests.clock tests.site.busy_cli OUTDIR ARGS…``: ``kbdesk ARGS…`` with OUTDIR made
to behave like a read-only mount point: renaming it raises ``EBUSY`` and making a folder in it
raises ``EROFS`` (both simulated by patching ``os.replace`` and ``tempfile.mkdtemp``)."""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from kbdesk.cli import main

_real_replace = os.replace
_real_mkdtemp = tempfile.mkdtemp


def _replace(src: Any, dst: Any) -> None:
    if Path(src) == OUT:
        raise OSError(errno.EBUSY, "Device or resource busy", str(src))
    _real_replace(src, dst)


def _mkdtemp(*args: Any, **kwargs: Any) -> str:
    if kwargs.get("dir") is not None and Path(kwargs["dir"]) == OUT:
        raise OSError(errno.EROFS, "Read-only file system", str(OUT))
    return _real_mkdtemp(*args, **kwargs)


if __name__ == "__main__":
    OUT = Path(sys.argv[1]).resolve()
    os.replace = _replace
    tempfile.mkdtemp = _mkdtemp
    sys.exit(main(sys.argv[2:]))
