"""Writing an import plan: each planned document as a draft, or published as version 1.

Drafts go to the library's draft store (outside the library, for the editor to review in the
editor); publishing commits each document through the versioning the rest of kbdesk uses.
Every document's text is made and checked with the library's own parser before the first one
is written, so a plan that would give an invalid document writes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kbdesk.core.errors import DocumentError, ImportFailed
from kbdesk.core.importers.plan import ImportPlan, document_text
from kbdesk.core.library.frontmatter import set_field
from kbdesk.core.library.parse import build_document
from kbdesk.core.versions.drafts import Draft

if TYPE_CHECKING:
    from kbdesk.core.kb import KnowledgeBase

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportedDocument:
    """One document an import wrote.

    Attributes:
        path: its library path; doc_id: its id; title: its title.
        published: True when published (a commit), False when saved as a draft.
        version: the published version (None for a draft).
    """

    path: str
    doc_id: str
    title: str
    published: bool
    version: int | None = None


def write_plan(
    kb: KnowledgeBase,
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
    for number, (doc, text) in enumerate(zip(plan.documents, texts, strict=True)):
        if progress is not None:
            progress(number, total, doc.title)
        if publish:
            result = kb.publish(doc.path, text, note, author)
            written.append(ImportedDocument(doc.path, doc.doc_id, doc.title, True,
                                            result.version))
        else:
            kb.drafts.save(Draft(doc.doc_id, doc.path, text, origin="import"))
            written.append(ImportedDocument(doc.path, doc.doc_id, doc.title, False))
        log.info("imported %s from %s", doc.path, doc.source)
    if progress is not None:
        progress(total, total, "")
    return written


def new_document_drafts(kb: KnowledgeBase) -> list[Draft]:
    """Drafts of documents never published (an import's, or a new document's), newest first;
    one an editor went on editing stays in the list."""
    published = {doc.path for doc in kb.documents()}
    return [draft for draft in kb.drafts.list()
            if draft.base_version is None and draft.path not in published
            and draft.origin in ("import", "editor")]


def publish_drafts(
    kb: KnowledgeBase, doc_ids: list[str], note: str, author: str | None = None
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
        draft = kb.drafts.load(doc_id)
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
        result = kb.publish(draft.path, text, note, author)
        kb.drafts.discard(draft.doc_id)
        out.append(ImportedDocument(draft.path, result.doc_id, title, True, result.version))
    return out
