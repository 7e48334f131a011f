"""Helpers of the importer tests: plan a text as if read from a file."""

from __future__ import annotations

from kbdesk.core.importers.plan import PlannedDocument, SourceText
from kbdesk.core.importers.planner import ImportOptions, plan_source


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
