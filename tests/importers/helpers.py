"""Helpers of the importer tests: plan a text as if read from a file."""

from __future__ import annotations

import re
from collections import Counter

from kbdesk.core.importers.plan import PlannedDocument
from kbdesk.core.importers.planner import ImportOptions, plan_source
from kbdesk.core.plugins import SourceText


def plan_text(text: str, *, markdown: bool = False, **options: object) -> list[PlannedDocument]:
    """Plan the documents of ``text`` (a .txt file's content unless ``markdown``)."""
    return plan_source(SourceText(text, markdown=markdown), "sample.txt",
                       ImportOptions(**options), "sample")  # type: ignore[arg-type]


def outline_of(doc: PlannedDocument) -> list[tuple[int, str]]:
    """(level, heading) of every section."""
    return [(section.level, section.heading) for section in doc.sections]


def section_text(doc: PlannedDocument, heading: str) -> str:
    """The text of the section whose heading is ``heading``."""
    for section in doc.sections:
        if section.heading == heading:
            return section.text
    raise AssertionError(f"no section {heading!r} in {[s.heading for s in doc.sections]}")


def letters(text: str) -> Counter[str]:
    """The letters (word characters but "_") of a text, counted."""
    return Counter(re.sub(r"[\W_]+", "", text))


def accounted(doc: PlannedDocument, source: str) -> Counter[str]:
    """The letters of the document and its removals (the title counted once when it is a line
    of its own, not at all when it was read off a removed line such as 手冊_第1頁)."""
    kept = letters(" ".join([doc.body_text(), *(r.text for r in doc.removed)]))
    with_title = kept + letters(doc.title)
    return with_title if with_title == letters(source) else kept
