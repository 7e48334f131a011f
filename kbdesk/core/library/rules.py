"""``kb.library_rules``: the rules about a library's content as a whole.

What ``kbdesk check`` reports (files that cannot be loaded, step time limits that cannot be
read, phrasings with nothing to copy, and the checks other parts add, such as the team's
roster), the categories and their counts, the library's working days, and the avoid →
say-instead pairs the reply check reads. The root builds this service with narrow parts
(re-reading the folder, the documents, the library's settings), never the ``KnowledgeBase``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from kbdesk.core.errors import Problem
from kbdesk.core.library.categories import count_categories
from kbdesk.core.library.model import Document, Kind
from kbdesk.core.library.parts import AvoidEntry
from kbdesk.core.library.phrasing import nothing_to_copy

if TYPE_CHECKING:
    from kbdesk.core.library.catalog import LibraryConfig
    from kbdesk.core.library.workdays import WorkingCalendar

#: a check of the documents that another part of the core owns (e.g. the team's roster)
DocumentCheck = Callable[[Sequence[Document]], Iterable[Problem]]


def step_limit_problems(doc: Document) -> list[Problem]:
    """The procedure steps of ``doc`` whose time limit cannot be read."""
    return [
        Problem(doc.path, f"step '{step.title}': time limit {step.limit_text!r} cannot be "
                          "read (write e.g. 30秒內, 24小時內)")
        for step in doc.steps
        if step.limit_text and step.limit_seconds is None
    ]


class LibraryRules:
    """The content rules of one library (see the module docstring).

    Args:
        reload: re-reads the library folder (only changed files) and returns the problems
            of the files that could not be loaded.
        documents: the working documents, by path (loaded on first use).
        config: the library's settings (``library.yaml``), loaded on first use.
        checks: further checks of the documents, each owned elsewhere in the core.
    """

    def __init__(self, *, reload: Callable[[], list[Problem]],
                 documents: Callable[[], list[Document]],
                 config: Callable[[], LibraryConfig],
                 checks: Sequence[DocumentCheck] = ()) -> None:
        self._reload = reload
        self._documents = documents
        self._config = config
        self._checks = tuple(checks)

    def check(self) -> list[Problem]:
        """Re-read the library and return every problem: files that cannot be loaded,
        procedure steps whose time limit cannot be read, phrasings with nothing to copy, and
        what the further checks find."""
        problems = self._reload()
        documents = self._documents()
        for doc in documents:
            problems.extend(step_limit_problems(doc))
            if doc.kind is Kind.PHRASING:
                problems.extend(Problem(doc.path, message) for message in nothing_to_copy(doc))
        for check in self._checks:
            problems.extend(check(documents))
        return problems

    def categories(self) -> list[tuple[str, int]]:
        """Return (category, number of documents), sorted by category; spellings in either
        script are one category, named as most of the library's documents write it."""
        return count_categories(doc.category for doc in self._documents())

    def working_calendar(self) -> WorkingCalendar:
        """Working days of this library (weekends and ``library.yaml`` holidays skipped)."""
        from kbdesk.core.library.workdays import WorkingCalendar

        config = self._config()
        return WorkingCalendar.of(config.holidays, config.workdays)

    def avoid_entries(self) -> list[AvoidEntry]:
        """Every avoid → say-instead pair of the library's phrasing documents."""
        return [
            AvoidEntry(doc.id, phrasing.anchor, pair)
            for doc in self._documents() if doc.kind is Kind.PHRASING
            for phrasing in doc.phrasings
            for pair in phrasing.avoid
        ]


__all__ = ["DocumentCheck", "LibraryRules", "step_limit_problems"]
