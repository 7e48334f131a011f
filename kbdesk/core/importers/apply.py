"""Writing an import plan: each planned document as a draft, or published as version 1.

Drafts go to the library's draft store (outside the library, for the editor to review in the
editor); publishing commits each document through the versioning the rest of kbdesk uses.
Every document's text is made and checked with the library's own parser before the first one
is written, so a plan that would give an invalid document writes nothing.

Publishing never publishes a duplicate (a document whose text is already in the library, or
one published earlier by the same import): it is skipped and said so. So an import killed
halfway is finished by running it again: what it published is skipped, and a document whose
publish was cut short between writing its file and committing it is committed as it was
written.
"""

from __future__ import annotations

import builtins
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kbdesk.core.errors import DocumentError, ImportFailed
from kbdesk.core.importers.duplicates import fingerprint
from kbdesk.core.importers.plan import ImportPlan, PlannedDocument, document_text
from kbdesk.core.library.frontmatter import set_field
from kbdesk.core.library.model import Document
from kbdesk.core.library.parse import build_document
from kbdesk.core.storage.drafts import Draft
from kbdesk.core.workflow.versioning import PublishResult

log = logging.getLogger(__name__)


class DraftShelf(Protocol):
    """Where an import keeps its drafts (the library's draft store)."""

    def save(self, draft: Draft) -> Draft: ...

    def load(self, doc_id: str) -> Draft | None: ...

    def list(self) -> builtins.list[Draft]: ...

    def discard(self, doc_id: str) -> bool: ...


class ImportTarget(Protocol):
    """What writing an import needs of a library, and nothing more: its folder and documents,
    what is not yet published, publishing one document, and the draft store."""

    @property
    def root(self) -> Path: ...

    @property
    def drafts(self) -> DraftShelf: ...

    def documents(self) -> list[Document]: ...

    def unpublished(self) -> dict[str, str]: ...

    def publish(self, doc: str, text: str, note: str, author: str | None = None
                ) -> PublishResult: ...


@dataclass(frozen=True)
class ImportedDocument:
    """One document an import wrote.

    Attributes:
        path: its library path; doc_id: its id; title: its title.
        published: True when published (a commit), False when saved as a draft or skipped.
        version: the published version (None for a draft).
        skipped: for a duplicate a publish left out, the path of the document it duplicates
            ("" otherwise).
    """

    path: str
    doc_id: str
    title: str
    published: bool
    version: int | None = None
    skipped: str = ""


def write_plan(
    target: ImportTarget,
    plan: ImportPlan,
    *,
    publish: bool = False,
    note: str = "",
    author: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    force: bool = False,
) -> list[ImportedDocument]:
    """Save every planned document as a draft, or publish each with ``note``.

    A plan in which no structure was found is not published unless ``force``: it goes to
    the editor as a draft, whose headings they check first.
    """
    if publish and not note.strip():
        raise ImportFailed("publishing an import needs a change note (--note)")
    if publish and not force:
        unsure = [doc.source for doc in plan.documents if doc.confidence == "low"]
        if unsure:
            raise ImportFailed(
                f"{', '.join(dict.fromkeys(unsure))}: no structure found (no chapters or "
                "sections); import as drafts and check the headings, or publish anyway with "
                "--force")
    texts = []
    for doc in plan.documents:
        text = document_text(doc, status="published" if publish else "draft")
        try:
            build_document(doc.path, text)
        except DocumentError as exc:  # pragma: no cover - the plan makes valid front matter
            raise ImportFailed(f"{doc.source}: the imported document is not valid: {exc}") from exc
        texts.append(text)
    written: list[ImportedDocument] = []
    total = len(plan.documents)
    unpublished = target.unpublished() if publish else {}
    for number, (doc, text) in enumerate(zip(plan.documents, texts, strict=True)):
        if progress is not None:
            progress(number, total, doc.title)
        if publish and doc.duplicate_of:
            written.append(_publish_duplicate(target, doc, unpublished, note, author))
        elif publish:
            result = target.publish(doc.path, text, note, author)
            written.append(ImportedDocument(doc.path, doc.doc_id, doc.title, True,
                                            result.version))
        else:
            target.drafts.save(Draft(doc.doc_id, doc.path, text, origin="import"))
            written.append(ImportedDocument(doc.path, doc.doc_id, doc.title, False))
        log.info("imported %s from %s", doc.path, doc.source)
    if progress is not None:
        progress(total, total, "")
    return written


def _publish_duplicate(target: ImportTarget, doc: PlannedDocument, unpublished: dict[str, str],
                       note: str, author: str | None) -> ImportedDocument:
    """A duplicate is not published again; one whose file a killed publish wrote but never
    committed (the same text, never published) is committed as it is."""
    original = doc.duplicate_of or ""
    if unpublished.get(original) == "new":
        try:
            there = (target.root / original).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            there = ""
        if there and fingerprint(there) == fingerprint(doc.body_text()):
            result = target.publish(original, there, note, author)
            log.info("finished publishing %s (imported from %s)", original, doc.source)
            return ImportedDocument(original, result.doc_id, doc.title, True, result.version)
    log.info("not published: %s duplicates %s", doc.source, original)
    return ImportedDocument(doc.path, doc.doc_id, doc.title, False, skipped=original)


def new_document_drafts(target: ImportTarget) -> list[Draft]:
    """Drafts of documents never published (an import's, or a new document's), newest first;
    one an editor went on editing stays in the list."""
    published = {doc.path for doc in target.documents()}
    return [draft for draft in target.drafts.list()
            if draft.base_version is None and draft.path not in published
            and draft.origin in ("import", "editor")]


def publish_drafts(
    target: ImportTarget, doc_ids: list[str], note: str, author: str | None = None
) -> list[ImportedDocument]:
    """Publish drafts of new documents (by id) as version 1 with ``note``; each draft is then
    gone.

    Every draft is checked before the first is published: an unknown id or an invalid text
    publishes nothing.
    """
    if not note.strip():
        raise ImportFailed("publishing drafts needs a change note (--note)")
    chosen = []
    for doc_id in doc_ids:
        draft = target.drafts.load(doc_id)
        if draft is None:
            raise ImportFailed(f"{doc_id}: no draft of that id (list them with `kbdesk drafts`)")
        try:
            text = set_field(draft.text, "status", "published", draft.path)
            doc = build_document(draft.path, text)
        except DocumentError as exc:
            raise ImportFailed(f"{draft.path}: the draft is not a valid document: {exc}") from exc
        chosen.append((draft, text, doc.title))
    out = []
    for draft, text, title in chosen:
        result = target.publish(draft.path, text, note, author)
        target.drafts.discard(draft.doc_id)
        out.append(ImportedDocument(draft.path, result.doc_id, title, True, result.version))
    return out
