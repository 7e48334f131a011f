"""``python -m tests.clock tests.site.stopping_export STAGE LIBRARY OUTDIR``: an export that stops
at a chosen point, for the tests that ``kill -9`` an export there.

When the export reaches STAGE the child prints ``stopped`` on its standard output and then
waits on its standard input, which the test never writes: the test reads that line (a barrier,
no sleeping) and kills the child. The stages:

- ``render``: after the first document page is written to the staging folder;
- ``swap``: after OUTDIR was renamed aside, before the new site takes its place;
- ``removal``: after three files of the set-aside previous site were deleted;
- ``in-place``: OUTDIR cannot be renamed (``os.replace`` of OUTDIR raises ``EBUSY``, as for a
  mount point) and three of its files have been replaced by new ones.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Any

import kbdesk.core.exporters.html_site as site
from kbdesk.core.exporters import site_folder
from kbdesk.core.kb import KnowledgeBase


def stop() -> None:
    print("stopped", flush=True)
    sys.stdin.read()  # never written: the test kills this process
    raise SystemExit("the test did not kill the export")


def install(stage: str, out: Path) -> None:
    real_replace = os.replace
    if stage == "render":
        real_write = site._Writer.write

        def write(self: Any, relative: str, data: str | bytes) -> None:
            real_write(self, relative, data)
            if relative.startswith("d/"):
                stop()

        site._Writer.write = write  # type: ignore[method-assign]
    elif stage == "swap":
        def replace(src: Any, dst: Any) -> None:
            if Path(dst) == out and site_folder.STAGING_TAG in Path(src).name:
                stop()
            real_replace(src, dst)

        os.replace = replace
    elif stage == "removal":
        removed: list[Path] = []
        real_remove = site_folder._remove_file

        def remove(path: Path) -> None:
            real_remove(path)
            removed.append(path)
            if len(removed) == 3:
                stop()

        site_folder._remove_file = remove
    elif stage == "in-place":
        placed: list[Path] = []
        real_place = site_folder._place

        def busy_replace(src: Any, dst: Any) -> None:
            if Path(src) == out:
                raise OSError(errno.EBUSY, "Device or resource busy", str(src))
            real_replace(src, dst)

        def place(source: Path, target: Path) -> None:
            real_place(source, target)
            placed.append(target)
            if len(placed) == 3:
                stop()

        os.replace = busy_replace
        site_folder._place = place
    else:
        raise SystemExit(f"unknown stage {stage!r}")


if __name__ == "__main__":
    stage, library, outdir = sys.argv[1:4]
    install(stage, Path(outdir).resolve())
    KnowledgeBase(library).exports.export("html", outdir)
