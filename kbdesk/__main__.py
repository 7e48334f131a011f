"""Allow ``python -m kbdesk``."""

from kbdesk.cli import main

raise SystemExit(main())
