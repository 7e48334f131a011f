"""Nothing is dropped silently: every character of a source is in the planned document (title,
headings, text) or in one of its reported removals. Checked on every fixture and on the real
samples editors sent (read from ../shared/samples, never copied into the project)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kbdesk.core.importers.plan import PlannedDocument
from kbdesk.core.importers.planner import ImportOptions, plan_files
from tests.conftest import REPO_ROOT
from tests.importers import fixtures as F
from tests.importers.helpers import outline_of, plan_text

SAMPLES = REPO_ROOT.parent / "shared" / "samples"


def _letters(text: str) -> Counter[str]:
    return Counter(re.sub(r"[\W_]+", "", text))


def _accounted(doc: PlannedDocument, source: str) -> Counter[str]:
    """The letters of the document and its removals (the title counted once when it is a line
    of its own, not at all when it was read off a removed line such as 手冊_第1頁)."""
    kept = _letters(" ".join([doc.body_text(), *(r.text for r in doc.removed)]))
    with_title = kept + _letters(doc.title)
    return with_title if with_title == _letters(source) else kept


@pytest.mark.parametrize("name", [
    "FLAT_TRADITIONAL", "FLAT_SIMPLIFIED", "OWN_LINE_STYLES", "DECIMAL_LEVELS", "NUMBERED_LIST",
    "TOC_LINES", "BOILERPLATE", "BOILERPLATE_TRADITIONAL", "REPEATED_LINES", "REPEATED_IN_LINE",
    "MOJIBAKE",
])
def test_every_character_is_kept_or_reported(name: str) -> None:
    source = getattr(F, name)
    [doc] = plan_text(source)
    assert _accounted(doc, source) == _letters(source)


def _sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.is_file():  # pragma: no cover - the samples travel beside the repository
        pytest.fail(f"sample {path} is missing")
    return path


def test_sample_flattened_traditional_handbook() -> None:
    path = _sample("handbook-team-communication-web-copy.txt")
    [doc] = plan_files([path], ImportOptions()).documents
    chapters = [h for level, h in outline_of(doc) if level == 1]
    sections = [h for level, h in outline_of(doc) if level == 2]
    assert len(chapters) == 8 and chapters[0].startswith("第一章 ")
    assert len(sections) == 16 and sections[0].startswith("1.1 ")
    assert all(len(h) <= 20 for h in chapters + sections)
    assert all(s.text for s in doc.sections if s.level == 2)
    body = doc.body_text()
    for boilerplate in ("本站", "下載", "評論", "溫馨提示", "_第", "TOC"):
        assert boilerplate not in body
    source = path.read_text("utf-8")
    assert _accounted(doc, source) == _letters(source)


def test_sample_simplified_handbook_with_toc_and_site_boilerplate() -> None:
    path = _sample("handbook-hotline-web-copy.txt")
    [doc] = plan_files([path], ImportOptions()).documents
    levels = [level for level, _h in outline_of(doc)]
    assert levels.count(1) == 2 and levels.count(2) == 7
    body = doc.body_text()
    for boilerplate in ("VIP", "本站", "下载", "文档", "关注", "查看更多"):
        assert boilerplate not in body
    assert "{{姓名}}" in body
    assert any(f.kind == "toc-missing" for f in doc.flags)  # the copy stops mid-handbook
    assert any(f.kind == "truncated" for f in doc.flags)
    source = path.read_text("utf-8")
    assert _accounted(doc, source) == _letters(source)
