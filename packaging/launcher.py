"""Entry point of the bundled kbdesk (PyInstaller): the same ``kbdesk`` command as the wheel's
console script — a sub-command runs the CLI, no command opens the desktop app."""

import sys

from kbdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
