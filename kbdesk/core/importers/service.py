"""``kb.imports``: planning and writing imports of handbooks and SOPs into a library.

The root builds this service with narrow parts, never the ``KnowledgeBase``: the writer
(``apply.py``) reads and publishes through a :class:`LibraryTarget` (an ``apply.ImportTarget``
made of the library folder, its draft store and three functions), and publishing an import is
checked against the user's role through an :class:`ImportPermission`. This service is the one
route clients call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kbdesk.core.importers.plan import ImportPlan

if TYPE_CHECKING:
    from kbdesk.core.importers.apply import DraftShelf, ImportedDocument, ImportTarget
    from kbdesk.core.library.model import Document
    from kbdesk.core.storage.drafts import Draft
    from kbdesk.core.workflow.versioning import PublishResult


class ImportPermission(Protocol):
    """Whether this user may do something (the team's roles: ``Team`` is one)."""

    def require(self, action: str) -> None:
        """Refuse ``action`` unless this user's role allows it (``NotAllowed``)."""
        ...


class LibraryTarget:
    """What writing an import reads and does in the library (``apply.ImportTarget``).

    Args:
        root: the library folder.
        drafts: the library's draft store.
        documents: the working documents, by path.
        unpublished: library files edited outside kbdesk and not published, by path.
        publish: publishes one document's text with a change note (the publishing service's
            ``publish``).
    """

    def __init__(self, root: Path, drafts: DraftShelf, *,
                 documents: Callable[[], list[Document]],
                 unpublished: Callable[[], dict[str, str]],
                 publish: Callable[[str, str, str, str | None], PublishResult]) -> None:
        self.root = root
        self.drafts = drafts
        self._documents = documents
        self._unpublished = unpublished
        self._publish = publish

    def documents(self) -> list[Document]:
        return self._documents()

    def unpublished(self) -> dict[str, str]:
        return self._unpublished()

    def publish(self, doc: str, text: str, note: str, author: str | None = None
                ) -> PublishResult:
        return self._publish(doc, text, note, author)


class Imports:
    """Imports into one library.

    Args:
        target: what the writer of an import reads and does in the library.
        permission: checks the user's role before an import is published.
    """

    def __init__(self, target: ImportTarget, permission: ImportPermission) -> None:
        #: the narrow view of the library the writer of an import gets
        self.target = target
        self._permission = permission

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

        target = self.target
        documents = target.documents()
        existing = {}
        for doc in documents:
            try:
                existing[doc.path] = (target.root / doc.path).read_text("utf-8")
            except OSError:
                continue
        drafts = {draft.path for draft in target.drafts.list()}
        options = ImportOptions(kind=kind, category=category, split=split, keep=set(keep or ()),
                                taken_paths={d.path for d in documents} | drafts,
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
            self._permission.require("import_publish")
        return write_plan(self.target, plan, publish=publish, note=note, author=author,
                          progress=progress, force=force)

    def new_document_drafts(self) -> list[Draft]:
        """Drafts of documents never published (imports, new documents), newest first."""
        from kbdesk.core.importers.apply import new_document_drafts

        return new_document_drafts(self.target)
