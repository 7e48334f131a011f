"""``kb.imports``: planning and writing imports of handbooks and SOPs into a library.

The writer (``apply.py``) reads and publishes through ``LibraryTarget``, a narrow view of the
library (``apply.ImportTarget``); this service is the one route clients call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kbdesk.core.importers.plan import ImportPlan

if TYPE_CHECKING:
    from kbdesk.core.importers.apply import ImportedDocument
    from kbdesk.core.kb import KnowledgeBase
    from kbdesk.core.library.model import Document
    from kbdesk.core.storage.drafts import Draft
    from kbdesk.core.workflow.versioning import PublishResult


class LibraryTarget:
    """What writing an import reads and does in the library (``apply.ImportTarget``)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self.root = kb.root
        self.drafts = kb.drafts

    def documents(self) -> list[Document]:
        return self._kb.documents()

    def unpublished(self) -> dict[str, str]:
        return self._kb.sync.unpublished()

    def publish(self, doc: str, text: str, note: str, author: str | None = None
                ) -> PublishResult:
        return self._kb.publishing.publish(doc, text, note, author)


class Imports:
    """Imports into one library."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        #: the narrow view of the library the writer of an import gets
        self.target = LibraryTarget(kb)

    def plan_import(
        self,
        files: Sequence[Path | str],
        *,
        kind: str = "",
        category: str = "",
        split: str = "none",
        keep: set[str] | None = None,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> ImportPlan:
        """What importing ``files`` would create (nothing is written).

        Args:
            kind: handbook, phrasing or procedure for every document ("" guesses).
            split: ``none`` or ``chapters`` (one document per chapter).
            keep: keys of removals the editor restored.
        """
        from kbdesk.core.importers.planner import ImportOptions, plan_files

        kb = self._kb
        existing = {}
        for doc in kb.documents():
            try:
                existing[doc.path] = (kb.root / doc.path).read_text("utf-8")
            except OSError:
                continue
        drafts = {draft.path for draft in kb.drafts.list()}
        options = ImportOptions(kind=kind, category=category, split=split, keep=set(keep or ()),
                                taken_paths={d.path for d in kb.documents()} | drafts,
                                existing=existing)
        return plan_files(files, options, progress)

    def import_files(
        self,
        plan: ImportPlan,
        *,
        publish: bool = False,
        note: str = "",
        author: str | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        force: bool = False,
    ) -> list[ImportedDocument]:
        """Write a plan: drafts for the editor to review, or published with ``note`` (a plan
        with no structure found only with ``force``)."""
        from kbdesk.core.importers.apply import write_plan

        if publish:
            self._kb.team.require("import_publish")
        return write_plan(self.target, plan, publish=publish, note=note, author=author,
                          progress=progress, force=force)

    def new_document_drafts(self) -> list[Draft]:
        """Drafts of documents never published (imports, new documents), newest first."""
        from kbdesk.core.importers.apply import new_document_drafts

        return new_document_drafts(self.target)
