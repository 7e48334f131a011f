"""The domain objects of a library: documents, their sections, phrasings and procedure steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from kbdesk.core.library.parts import AvoidPair, Phrasing, ProcedureStep
from kbdesk.core.library.phrasing import phrasings_of
from kbdesk.core.library.procedure import steps_of

__all__ = ["AvoidPair", "Document", "Kind", "Phrasing", "ProcedureStep", "Section", "Status"]


class Kind(StrEnum):
    """What a document is for."""

    HANDBOOK = "handbook"
    PHRASING = "phrasing"
    PROCEDURE = "procedure"


class Status(StrEnum):
    """Where a document is in its life."""

    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"


@dataclass(frozen=True)
class Section:
    """A part of a document under one ``##`` or ``###`` heading (or the introduction).

    Attributes:
        heading: the heading text as written; for the introduction, the document title.
        anchor: the HTML id the reader and the export give this heading ("" for the intro).
        level: 1 for the introduction, 2 or 3 for headings.
        body: the Markdown text under the heading, without the heading line.
        line: the 1-based line of the heading in the file (of the first body line for the intro).
    """

    heading: str
    anchor: str
    level: int
    body: str
    line: int


@dataclass
class Document:
    """One Markdown file of the library, parsed.

    ``meta`` keeps every front-matter field as written, unknown ones included.
    """

    path: str
    id: str
    title: str
    kind: Kind
    category: str
    tags: tuple[str, ...]
    owner: str
    version: int
    status: Status
    effective: dt.date | None
    review_by: dt.date | None
    summary: str
    ack_required: bool
    body: str
    sections: tuple[Section, ...]
    meta: dict[str, object] = field(default_factory=dict)
    body_line: int = 1
    mtime_ns: int = 0
    size: int = 0
    digest: str = ""
    #: editors' own search terms (``keywords:``): searched with their own weight, shown to
    #: editors only
    keywords: tuple[str, ...] = ()

    @property
    def phrasings(self) -> tuple[Phrasing, ...]:
        """Return the phrasings of a phrasing document (empty for other kinds)."""
        return phrasings_of(self) if self.kind is Kind.PHRASING else ()

    @property
    def steps(self) -> tuple[ProcedureStep, ...]:
        """Return the steps of a procedure document (empty for other kinds)."""
        return steps_of(self) if self.kind is Kind.PROCEDURE else ()
