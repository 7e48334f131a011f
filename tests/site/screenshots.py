"""``python -m tests.site.screenshots OUTDIR``: PNG screenshots of the exported demo library.

Exports the bundled demo library to a scratch folder and photographs, in headless Chromium from
``file://``: the home page, a procedure, a phrasing page, search results, and a document at
phone width. Used to look at the site; ``docs/screenshots/`` keeps the three in ``FOR_DOCS``
(``--all`` writes every one).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from kbdesk.core.clock import SYSTEM_CLOCK
from tests.site.browser import launched

SHOTS: tuple[tuple[str, str, int, int], ...] = (
    ("site-home.png", "index.html", 1100, 900),
    ("site-procedure.png", "d/sop-complaint.html", 1100, 900),
    ("site-phrasing.png", "d/phrasing-opening.html", 1100, 900),
    ("site-search.png", "search.html?q=投诉 升级", 1100, 900),
    ("site-phone.png", "d/sop-refund.html", 390, 844),
)
FOR_DOCS = ("site-search.png", "site-procedure.png", "site-phrasing.png")


def main(argv: list[str]) -> int:
    every = "--all" in argv
    argv = [a for a in argv if a != "--all"]
    target = Path(argv[0] if argv else "docs/screenshots")
    target.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="kbdesk-site-shots-"))
    os.environ["KBDESK_DATA_DIR"] = str(scratch / "data")
    from kbdesk.core.kb import KnowledgeBase, install_demo_library

    try:
        kb = KnowledgeBase(install_demo_library(scratch / "library", clock=SYSTEM_CLOCK))
        site = kb.exports.export("html", scratch / "site").outdir
        kb.close()
        with launched() as context:
            for name, rel, width, height in SHOTS:
                if not every and name not in FOR_DOCS:
                    continue
                page = context.new_page()
                page.set_viewport_size({"width": width, "height": height})
                path, _, query = rel.partition("?")
                page.goto((site / path).as_uri() + (f"?{query}" if query else ""))
                if query:
                    page.wait_for_selector("body[data-search-done]", timeout=10_000)
                page.screenshot(path=str(target / name))
                page.close()
                print(target / name)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
