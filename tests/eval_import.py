"""The importer on the real samples editors sent (``make eval-import``; not part of pytest).

The samples are kept outside the repository (by default ``../shared/samples`` beside the main
checkout; ``--samples`` or ``KBDESK_SAMPLES`` to point elsewhere), so the test suite never reads
them. Each check plans one sample and asserts what an editor must get: its outline, no site
boilerplate left in the text, and every character either kept or reported as removed.

    python -m tests.eval_import [--samples FOLDER]
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from kbdesk.core.importers.planner import ImportOptions, plan_files
from tests.importers.helpers import accounted, letters, outline_of

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SAMPLES = REPO_ROOT.parent / "shared" / "samples"

Check = Callable[[Path], None]


def flattened_traditional_handbook(samples: Path) -> None:
    path = samples / "handbook-team-communication-web-copy.txt"
    [doc] = plan_files([path], ImportOptions()).documents
    chapters = [h for level, h in outline_of(doc) if level == 1]
    sections = [h for level, h in outline_of(doc) if level == 2]
    assert len(chapters) == 8 and chapters[0].startswith("第一章 "), chapters
    assert len(sections) == 16 and sections[0].startswith("1.1 "), sections
    assert all(len(h) <= 20 for h in chapters + sections)
    assert all(s.text for s in doc.sections if s.level == 2)
    body = doc.body_text()
    for boilerplate in ("本站", "下載", "評論", "溫馨提示", "_第", "TOC"):
        assert boilerplate not in body, boilerplate
    source = path.read_text("utf-8")
    assert accounted(doc, source) == letters(source), "characters dropped silently"


def simplified_handbook_with_toc_and_site_boilerplate(samples: Path) -> None:
    path = samples / "handbook-hotline-web-copy.txt"
    [doc] = plan_files([path], ImportOptions()).documents
    levels = [level for level, _h in outline_of(doc)]
    assert levels.count(1) == 2 and levels.count(2) == 7, levels
    body = doc.body_text()
    for boilerplate in ("VIP", "本站", "下载", "文档", "关注", "查看更多"):
        assert boilerplate not in body, boilerplate
    assert "{{姓名}}" in body
    assert any(f.kind == "toc-missing" for f in doc.flags)  # the copy stops mid-handbook
    assert any(f.kind == "truncated" for f in doc.flags)
    source = path.read_text("utf-8")
    assert accounted(doc, source) == letters(source), "characters dropped silently"


CHECKS: tuple[Check, ...] = (
    flattened_traditional_handbook,
    simplified_handbook_with_toc_and_site_boilerplate,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.eval_import", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=Path,
                        default=Path(os.environ.get("KBDESK_SAMPLES", DEFAULT_SAMPLES)),
                        help="the folder of sample files (default: %(default)s)")
    args = parser.parse_args(argv)
    if not args.samples.is_dir():
        print(f"no samples folder at {args.samples} (use --samples or KBDESK_SAMPLES)",
              file=sys.stderr)
        return 2
    failed = 0
    for check in CHECKS:
        name = check.__name__.replace("_", " ")
        try:
            check(args.samples)
        except Exception:  # a failed assertion or a missing file: report it, run the rest
            failed += 1
            print(f"FAILED  {name}")
            traceback.print_exc(limit=-1)
        else:
            print(f"ok      {name}")
    print(f"{len(CHECKS) - failed} of {len(CHECKS)} checks passed on {args.samples}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
