"""The import plan: what an import would write, shown before anything is written.

An :class:`ImportPlan` holds one :class:`PlannedDocument` per document to create, each with its
title, kind, category, sections, everything clean-up took out (:class:`Removal`) and everything
the editor should look at (:class:`Flag`: mojibake, a duplicate of a library document, a guessed
heading). The CLI prints it as JSON; the wizard shows it; :func:`document_text` turns a planned
document into a library file (front matter and Markdown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kbdesk.core.errors import ImportFailed
from kbdesk.core.library.authoring import KIND_FOLDERS
from kbdesk.core.library.frontmatter import FieldValue, yaml_value
from kbdesk.core.library.model import Kind
from kbdesk.core.plugins import Removal

# C0 and C1 controls (line breaks and tabs too), DEL, the line and paragraph separators and the
# bidirectional overrides (which reorder what a terminal or a list shows)
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")


def one_line(text: str) -> str:
    """``text`` as a title, heading or category is stored: control characters (line breaks,
    ESC, bidirectional overrides…) become one space; spaces at either end are dropped."""
    return re.sub(r" {2,}", " ", _CONTROL_RE.sub(" ", text)).strip()


@dataclass(frozen=True)
class Flag:
    """Something the editor should check; the text is left as it is.

    Attributes:
        kind: ``mojibake``, ``duplicate``, ``heading-guessed``, ``placeholder``,
            ``no-structure``, ``huge-section``, ``title-guessed``, ``nothing-to-copy``,
            ``toc-missing`` or ``truncated``.
        text: the text concerned.
        section: index of the section it is in (-1: the introduction or the whole document).
        offset: character offset in that section's text.
        detail: more words (e.g. the path of the document this one duplicates).
    """

    kind: str
    text: str
    section: int = -1
    offset: int = 0
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text,
                "position": {"section": self.section, "offset": self.offset},
                "detail": self.detail}


#: flags that make a plan's confidence ``medium`` (``no-structure`` makes it ``low``)
UNSURE = frozenset({"heading-guessed", "huge-section", "title-guessed", "toc-missing",
                    "nothing-to-copy", "mojibake", "truncated"})


@dataclass
class PlannedSection:
    """A ``##`` (level 1) or ``###`` (level 2) section; deeper levels become ``####``."""

    heading: str
    text: str
    level: int = 1

    def to_json(self) -> dict[str, Any]:
        return {"heading": self.heading, "level": self.level, "text": self.text}


@dataclass
class PlannedDocument:
    """One document an import would create.

    Attributes:
        source: the file it comes from.
        path: the library path it would be written to.
        doc_id: its ``id`` field.
        intro: text before the first section.
        duplicate_of: path of a library document with the same text, if any.
    """

    source: str
    title: str
    kind: str
    category: str
    path: str = ""
    doc_id: str = ""
    intro: str = ""
    summary: str = ""
    sections: list[PlannedSection] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    duplicate_of: str | None = None

    @property
    def confidence(self) -> str:
        """How sure the plan is: ``low`` when no structure was found, ``medium`` when something
        was guessed or looks wrong (a flag of :data:`UNSURE`), ``high`` otherwise."""
        kinds = {flag.kind for flag in self.flags}
        if "no-structure" in kinds:
            return "low"
        return "medium" if kinds & UNSURE else "high"

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "confidence": self.confidence,
            "title": self.title,
            "kind": self.kind,
            "category": self.category,
            "path": self.path,
            "id": self.doc_id,
            "summary": self.summary,
            "intro": self.intro,
            "sections": [s.to_json() for s in self.sections],
            "removed": [r.to_json() for r in self.removed],
            "flags": [f.to_json() for f in self.flags],
            "duplicate_of": self.duplicate_of,
        }

    def revise(self, *, title: str | None = None, kind: str | None = None,
               category: str | None = None) -> None:
        """Apply the editor's corrections; a new kind moves the path to that kind's folder."""
        if title is not None:
            if not one_line(title):
                raise ImportFailed(f"{self.source}: a document needs a title")
            self.title = one_line(title)
        if category is not None:
            self.category = one_line(category) or self.category
        if kind is not None and kind != self.kind:
            if kind not in {k.value for k in KIND_FOLDERS}:
                raise ImportFailed(f"{self.source}: unknown kind {kind!r} "
                                   f"({', '.join(k.value for k in KIND_FOLDERS)})")
            self.kind = kind
            if self.path:
                self.path = f"{KIND_FOLDERS[Kind(kind)]}/{self.path.rsplit('/', 1)[-1]}"

    def body_text(self) -> str:
        """The document's Markdown body (no front matter)."""
        parts = [self.intro.strip()] if self.intro.strip() else []
        for section in self.sections:
            marks = "#" * min(section.level + 1, 4)
            parts.append(f"{marks} {section.heading}")
            if section.text.strip():
                parts.append(section.text.strip())
        return "\n\n".join(parts) + "\n"


@dataclass
class ImportPlan:
    """Every document an import of some files would create, in order."""

    documents: list[PlannedDocument] = field(default_factory=list)

    def to_json(self) -> list[dict[str, Any]]:
        return [doc.to_json() for doc in self.documents]


def document_text(doc: PlannedDocument, *, status: str = "draft") -> str:
    """The library file of a planned document: front matter and Markdown body."""
    fields: list[tuple[str, FieldValue]] = [
        ("title", doc.title),
        ("kind", doc.kind),
        ("id", doc.doc_id),
        ("category", doc.category),
        ("version", 1),
        ("status", status),
        ("summary", doc.summary),
    ]
    front = "\n".join(f"{name}: {yaml_value(value)}" for name, value in fields)
    return f"---\n{front}\n---\n\n{doc.body_text()}"
