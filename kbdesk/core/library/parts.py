"""The parts of documents that do not depend on the document: phrasings with their avoid
pairs, procedure steps, and the ``{{placeholder}}`` syntax.

``model.Document`` builds them (through ``phrasing`` and ``procedure``); nothing here imports
the model, so the model, phrasings and procedures form no import cycle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDER_RE = re.compile(r"\{\{\s*([^{}\n]+?)\s*\}\}")


def placeholders(text: str) -> list[str]:
    """Return the placeholder names in ``text``, each once, in order."""
    seen: dict[str, None] = {}
    for match in PLACEHOLDER_RE.finditer(text):
        seen.setdefault(match.group(1), None)
    return list(seen)


@dataclass(frozen=True)
class AvoidPair:
    """A phrase agents should not say, and what to say instead."""

    avoid: str
    instead: str
    line: int



@dataclass(frozen=True)
class Phrasing:
    """One standard phrasing: a ``##`` section of a phrasing document."""

    name: str
    anchor: str
    variants: tuple[str, ...]
    notes: str
    avoid: tuple[AvoidPair, ...]

    @property
    def placeholders(self) -> tuple[str, ...]:
        """Return the placeholder names of all variants, in order of first appearance."""
        seen: dict[str, None] = {}
        for text in self.variants:
            for name in placeholders(text):
                seen.setdefault(name, None)
        return tuple(seen)



@dataclass(frozen=True)
class ProcedureStep:
    """One step of a procedure: a ``##`` section of a procedure document.

    Attributes:
        number: 1-based position of the step.
        title: the step's heading.
        anchor: the heading's anchor.
        role: who owns the step ("" when not declared).
        limit_text: the time limit as written ("" when not declared).
        limit_seconds: the limit in seconds from the procedure's start, if it could be read.
        body: the Markdown under the heading, key lines included.
    """

    number: int
    title: str
    anchor: str
    role: str
    limit_text: str
    limit_seconds: int | None
    body: str


@dataclass(frozen=True)
class AvoidEntry:
    """An avoid → say-instead pair with the document and section it comes from."""

    doc_id: str
    anchor: str
    pair: AvoidPair
