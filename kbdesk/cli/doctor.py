"""``kbdesk doctor``: what is wrong with this workstation, one line each, with the fix.

Exit status 0 only when every check passes, 1 otherwise. The checks live in the core
(``kbdesk.core.run_checks``); this prints them.
"""

from __future__ import annotations

import argparse
from typing import Any

from kbdesk.cli.terminal import clean, dump_json


def cmd_doctor(args: argparse.Namespace) -> int:
    from kbdesk.core import run_checks

    checks = run_checks(args.library)
    if args.json:
        dump_json([{"name": c.name, "ok": c.ok, "detail": c.detail, "fix": c.fix}
                   for c in checks])
    else:
        for check in checks:
            mark = "ok  " if check.ok else "FAIL"
            fix = f" — fix: {check.fix}" if check.fix else ""
            print(clean(f"{mark}  {check.name}: {check.detail}{fix}"))
        failed = sum(not c.ok for c in checks)
        print("all checks passed" if not failed else f"{failed} check(s) failed")
    return 0 if all(c.ok for c in checks) else 1


def add_commands(sub: Any, library: argparse.ArgumentParser) -> None:
    """Add ``doctor`` to the ``kbdesk`` parser's subcommands."""
    p = sub.add_parser(
        "doctor", parents=[library],
        help="check this workstation: Qt and its system libraries, fonts, data folder, "
        "library, index, shared library",
        epilog="exit status: 0 when every check passes, 1 otherwise")
    p.add_argument("--json", action="store_true", help="print the checks as JSON")
    p.set_defaults(func=cmd_doctor)
