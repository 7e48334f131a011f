"""Import quality on fixtures nobody tuned the importer for (``make eval-import``).

Each fixture in ``fixtures/`` (and each Word file built by :mod:`docx_fixtures`) is planned as
``kbdesk import --dry-run`` would plan it, and compared with what an editor expects
(``expected.yaml``): sections expected and found, site furniture removed and left, the title,
and the characters accounted for (every letter of the decoded or extracted text is in the
document or in a listed removal). Held-out fixtures are reported apart.

Run: ``python -m tests.import_quality.evaluate [--json] [--only NAME]``. Exit status 0 always
(it measures; the tests hold the targets).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kbdesk.core.importers.plan import PlannedDocument
from kbdesk.core.importers.planner import ImportOptions, plan_files, read_source
from tests.import_quality import docx_fixtures

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
EXPECTED = HERE / "expected.yaml"


def _letters(text: str) -> Counter[str]:
    return Counter(re.sub(r"[\W_]+", "", text))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _depths(levels: list[int]) -> list[int]:
    """Levels ranked: the smallest level used is depth 1, the next 2, ..."""
    rank = {level: depth for depth, level in enumerate(sorted(set(levels)), start=1)}
    return [rank[level] for level in levels]


@dataclass
class Result:
    """How one fixture imported."""

    name: str
    heldout: bool
    documents: int = 0
    title_expected: str = ""
    title_found: str = ""
    sections_expected: int = 0
    sections_matched: int = 0
    sections_found: int = 0
    structure_right: bool = False
    furniture_expected: int = 0
    furniture_left: list[str] = field(default_factory=list)
    unaccounted: int = 0
    letters: int = 0
    missing_expected: list[str] = field(default_factory=list)
    forbidden_found: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    outline: list[tuple[int, str]] = field(default_factory=list)
    error: str = ""

    @property
    def title_right(self) -> bool:
        return _squash(self.title_found) == _squash(self.title_expected)

    @property
    def all_right(self) -> bool:
        return (not self.error and self.documents == 1 and self.title_right
                and self.structure_right and not self.furniture_left and self.unaccounted == 0
                and not self.missing_expected and not self.forbidden_found)


def _document_text(doc: PlannedDocument) -> str:
    parts = [doc.title, doc.intro]
    for section in doc.sections:
        parts += [section.heading, section.text]
    return "\n".join(parts)


def _source_letters(path: Path) -> Counter[str]:
    source = read_source(path)
    letters = _letters(source.text)
    for removal in source.removed:
        letters += _letters(removal.text)
    return letters


def evaluate_one(name: str, path: Path, spec: dict[str, Any]) -> Result:
    """Plan ``path`` and compare it with ``spec``."""
    result = Result(name, bool(spec.get("heldout")), title_expected=spec["title"])
    expected = [(int(d), str(h)) for d, h in spec.get("sections", [])]
    furniture = [str(f) for f in spec.get("furniture", [])]
    result.sections_expected = len(expected)
    result.furniture_expected = len(furniture)
    try:
        options = ImportOptions(kind=spec["kind"]) if spec.get("kind") else ImportOptions()
        plan = plan_files([path], options)
        source_letters = _source_letters(path)
    except Exception as exc:  # noqa: BLE001 - a measurement reports every failure
        result.error = f"{type(exc).__name__}: {exc}"
        return result
    docs = plan.documents
    result.documents = len(docs)
    if not docs:
        result.error = "no document planned"
        return result
    doc = docs[0]
    result.title_found = doc.title
    levels = [s.level for s in doc.sections]
    found = list(zip(_depths(levels), (s.heading for s in doc.sections), strict=True))
    result.outline = found
    result.sections_found = len(found)
    wanted = Counter((d, _squash(h)) for d, h in expected)
    got = Counter((d, _squash(h)) for d, h in found)
    result.sections_matched = sum((wanted & got).values())
    result.structure_right = [(d, _squash(h)) for d, h in expected] == \
        [(d, _squash(h)) for d, h in found]
    text = _document_text(doc)
    squashed = _squash(text)
    result.furniture_left = [f for f in furniture if _squash(f) in squashed]
    result.missing_expected = [t for t in spec.get("expect", []) if t not in text]
    result.forbidden_found = [t for t in spec.get("forbid", []) if t in text]
    kept = _letters(" ".join([doc.body_text(), *(r.text for d in docs for r in d.removed)]))
    kept += _letters(doc.title)
    # a placeholder rewritten as {{…}} is listed with the text it replaced
    kept += _letters(" ".join(f.text for d in docs for f in d.flags if f.kind == "placeholder"))
    for other in docs[1:]:
        kept += _letters(other.body_text()) + _letters(other.title)
    result.letters = sum(source_letters.values())
    result.unaccounted = sum((source_letters - kept).values())
    result.flags = sorted({f.kind for d in docs for f in d.flags})
    return result


def fixtures(folder: Path) -> dict[str, Path]:
    """name -> path of every fixture (Word files built into ``folder``)."""
    out = {p.name: p for p in sorted(FIXTURES.iterdir()) if p.is_file()}
    out.update(docx_fixtures.build(folder))
    return dict(sorted(out.items()))


def evaluate(only: str | None = None) -> list[Result]:
    """Evaluate every fixture named in ``expected.yaml`` (or only ``only``)."""
    specs = yaml.safe_load(EXPECTED.read_text("utf-8"))
    with tempfile.TemporaryDirectory(prefix="kbdesk-eval-import-") as tmp:
        paths = fixtures(Path(tmp))
        missing = sorted(set(specs) - set(paths))
        if missing:
            raise SystemExit(f"expected.yaml names fixtures that do not exist: {missing}")
        return [evaluate_one(name, paths[name], spec) for name, spec in specs.items()
                if only is None or only in name]


def _row(r: Result) -> str:
    mark = "ok " if r.all_right else "BAD"
    title = "right" if r.title_right else f"wrong ({r.title_found[:18]!r})"
    return (f"{mark} {r.name:34} sections {r.sections_matched:2}/{r.sections_expected:<2} "
            f"(found {r.sections_found:2}) furniture left {len(r.furniture_left)}/"
            f"{r.furniture_expected:<2} title {title:28} unaccounted {r.unaccounted:3}/"
            f"{r.letters}" + (f"  ERROR {r.error}" if r.error else ""))


def _summary(results: list[Result], label: str) -> str:
    if not results:
        return f"{label}: none"
    right = sum(r.all_right for r in results)
    structure = sum(r.structure_right for r in results)
    titles = sum(r.title_right for r in results)
    furniture = sum(not r.furniture_left for r in results)
    accounted = sum(r.unaccounted == 0 for r in results)
    n = len(results)
    return (f"{label}: {right}/{n} all right; structure {structure}/{n}, title {titles}/{n}, "
            f"no furniture left {furniture}/{n}, nothing unaccounted {accounted}/{n}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--only", help="evaluate the fixtures whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each outline")
    args = parser.parse_args(argv)
    results = evaluate(args.only)
    if args.json:
        print(json.dumps([asdict(r) | {"title_right": r.title_right, "all_right": r.all_right}
                          for r in results], ensure_ascii=False, indent=1))
        return 0
    tuned = [r for r in results if not r.heldout]
    heldout = [r for r in results if r.heldout]
    for label, group in (("tuned", tuned), ("held out", heldout)):
        print(f"== {label} ==")
        for r in group:
            print(_row(r))
            if args.verbose or not r.all_right:
                for depth, heading in r.outline:
                    print(f"      {'  ' * (depth - 1)}{heading}")
                for what, items in (("furniture left", r.furniture_left),
                                    ("missing", r.missing_expected),
                                    ("forbidden", r.forbidden_found)):
                    if items:
                        print(f"      {what}: {items}")
                if r.flags:
                    print(f"      flags: {r.flags}")
    print(_summary(tuned, "tuned"))
    print(_summary(heldout, "held out"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
