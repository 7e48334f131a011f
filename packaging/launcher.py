"""Entry point of the bundled kbdesk (PyInstaller): the same ``kbdesk`` command as the wheel's
console script — a sub-command runs the CLI, no command opens the desktop app. A frozen program
has no ``python -m``: the app's index-build child is this executable with
``KBDESK_INDEX_BUILD_CHILD`` set (``kbdesk.core.search.building``). The exported site's search
files may be built in a ``multiprocessing`` child (spawned: this executable again), which
``freeze_support`` runs instead of the command line (PyInstaller's runtime hook has already
imported ``multiprocessing``)."""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if os.environ.get("KBDESK_INDEX_BUILD_CHILD"):
        from kbdesk.core.search.building import run_child

        run_child()
    from kbdesk.cli import main

    sys.exit(main())
