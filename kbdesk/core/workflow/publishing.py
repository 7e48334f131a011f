"""``kb.publishing``: how a new version of a document is made.

Publishing a text (or a file), rolling back, retiring and moving a document, the drafts a
publish settles, new documents from their templates, and the rules clients ask about before
they publish (a change note, the default effective date). It reads the working documents
through a :class:`DocumentSource` and resolves ids through the versions service; it never
refers to the ``KnowledgeBase``. Every method may run on a worker thread.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kbdesk.core.clock import Clock, parse_iso_date
from kbdesk.core.errors import DocumentNotFound, KbError, Problem, PublishError
from kbdesk.core.library import authoring
from kbdesk.core.library.authoring import NewDocument, PathProblem
from kbdesk.core.library.catalog import CONFIG_FILE, parse_config
from kbdesk.core.library.frontmatter import document_id, front_fields
from kbdesk.core.library.model import Kind
from kbdesk.core.library.source import DocumentSource
from kbdesk.core.storage.drafts import EDITOR, DraftStore
from kbdesk.core.workflow import rules
from kbdesk.core.workflow.versioning import FileResult, PublishResult, Versioning, set_field
from kbdesk.core.workstation.liblock import library_lock

if TYPE_CHECKING:  # the importers sit above the workflow; only their type is named here
    from kbdesk.core.importers.apply import ImportedDocument

log = logging.getLogger(__name__)


#: drafts a publish of their document resolves (the editor published over them)
SETTLED_BY_PUBLISH = frozenset({"sync-conflict", "import"})


def _without_version(text: str) -> str:
    """A document's text with its ``version:`` field left out (publishing sets it)."""
    try:
        return set_field(text, "version", None).strip()
    except KbError:
        return text.strip()


def _with_field(problem: Problem) -> str:
    """A problem of ``library.yaml`` with the field it is about."""
    text = str(problem)
    if problem.field and f"'{problem.field}'" not in text:
        return f"{text} (field '{problem.field}')"
    return text


class DocumentPaths(Protocol):
    """Resolves a document id to its library path (the versions service is one)."""

    def path_of(self, doc_id: str) -> str:
        """The library path of a document, by id or path (DocumentNotFound if none)."""
        ...


#: publishes drafts of new documents (by id) as version 1; returns what it published
PublishDrafts = Callable[[list[str], str, "str | None"], "list[ImportedDocument]"]


class Permissions(Protocol):
    """Who may do what (``Team``: the roster's role, the site's, then the local setting)."""

    def require(self, action: str) -> None: ...


class Publishing:
    """Publishing in one library (see the module docstring).

    Args:
        source: the working documents.
        paths: resolves ids to library paths.
        versioning: the git-backed versions (commits, then re-indexes).
        drafts: the editors' drafts (a publish settles some).
        clock: the library's clock (no version comes into force before today).
        publish_drafts: publishes drafts of new documents (the importers' rule).
        permissions: refuses an action the user's role does not allow (``NotAllowed``).
    """

    def __init__(self, source: DocumentSource, paths: DocumentPaths, versioning: Versioning,
                 drafts: DraftStore, clock: Clock, publish_drafts: PublishDrafts,
                 permissions: Permissions) -> None:
        self._source = source
        self.root = source.root
        self._versions = paths
        self._versioning = versioning
        self.drafts = drafts
        self.clock = clock
        self._publish_drafts = publish_drafts
        self._permissions = permissions

    # -- publishing ---------------------------------------------------------------------------

    def _target_path(self, doc_id_or_path: str, text: str) -> str:
        """The path to publish to: a document's (by id or path), or a new ``.md`` path."""
        try:
            return self._versions.path_of(doc_id_or_path)
        except DocumentNotFound:
            pass
        if doc_id_or_path.endswith(".md") and not Path(doc_id_or_path).is_absolute():
            return doc_id_or_path.replace("\\", "/")
        doc_id = front_fields(text).get("id")
        if doc_id:
            try:
                return self._versions.path_of(doc_id)
            except DocumentNotFound:
                pass
        raise DocumentNotFound(f"no document '{doc_id_or_path}': give a library path ending .md")

    # -- publishing ---------------------------------------------------------------------------

    def publish(
        self, doc_id_or_path: str, text: str, note: str | None, author: str | None = None,
        effective: dt.date | None = None, *, from_editor: bool = False,
    ) -> PublishResult:
        """Publish ``text`` as the next version of a document (new when the path is new).

        Args:
            effective: the day the version comes into force (its ``effective:`` field); never
                before today. An ``effective:`` the text carries that is already past is
                dropped: the version is in force from the day it is published.

        Raises:
            PublishError: ``effective`` is before today.
            from_editor: the text is the editor's own: its autosave is settled too.
        """
        self._permissions.require("publish")
        if effective is not None and effective < self.clock.today():
            raise PublishError(
                f"field 'effective': {effective.isoformat()} is past; a new version comes into "
                f"force on the day it is published ({self.clock.today().isoformat()}) or later"
            )
        if effective is not None:
            text = set_field(text, "effective", effective)
        with library_lock(self.root, "publish"):
            path = self._target_path(doc_id_or_path, text)
            new_id = document_id(path, text)
            other = self._source.working_documents().get(new_id)
            if other is not None and other.path != path:
                raise PublishError(
                    f"{path}: field 'id': '{new_id}' is already used by {other.path}"
                )
            result = self._versioning.publish(path, text, note, author=author)
        self._discard_published_drafts(result, text, from_editor)
        return result

    def publish_library_config(
        self, change: str | Callable[[str], str], note: str | None, author: str | None = None,
    ) -> FileResult:
        """Publish a change of ``library.yaml`` (name, synonyms, holidays …) as a version.

        Args:
            change: the new text, or a function given the published text ("" when the
                library has none) that returns it; it runs under the library's write lock.
            note: the change note (required).

        Raises:
            NotAllowed: this user may not publish (the editors' rule of every publish).
            PublishError: no change note, the new text has problems (the message names
                ``library.yaml`` and the field; nothing is written), unpublished edits of the
                file, nothing changed, or the commit failed.
        """
        self._permissions.require("edit_library")

        def edited(published: str | None) -> str:
            text = change(published or "") if callable(change) else change
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            problems = parse_config(text, self.root.name)[1]
            if problems:
                raise PublishError(f"{CONFIG_FILE} is not published: "
                                   + "; ".join(_with_field(p) for p in problems))
            return text

        with library_lock(self.root, "publish"):
            return self._versioning.publish_library_file(CONFIG_FILE, edited, note, author=author)

    def _discard_published_drafts(self, result: PublishResult, text: str,
                                  from_editor: bool = False) -> None:
        """Remove the document's drafts that this publish settles: conflict copies and imports
        (the published text resolves them) and an editor's autosave of this very text, or the
        editor's own autosave when the editor published from it (``from_editor``). Otherwise
        an editor's autosave of another text and a kept hand edit stay, whoever published:
        they are work nobody has reviewed yet."""
        published = _without_version(text)
        own = self.drafts.editor_draft_name(result.doc_id) if from_editor else None
        for draft in self.drafts.drafts_of(result.doc_id):
            if draft.name in result.kept_drafts:
                continue
            editors = draft.origin == EDITOR and (
                draft.name == own or _without_version(draft.text) == published)
            if editors or draft.origin in SETTLED_BY_PUBLISH:
                self.drafts.discard(result.doc_id, draft.name)

    def publish_file(
        self, file: Path | str, note: str | None, author: str | None = None,
        effective: dt.date | None = None,
    ) -> PublishResult:
        """Publish the content of a file: one in the library, or outside it (matched by id),
        or the working file of a document given by its id (``kbdesk publish refund-policy``).

        Raises:
            DocumentNotFound: no such file, and no document with that id either (the message
                names both).
        """
        path = Path(file).expanduser()
        candidates = [path] if path.is_absolute() else [Path.cwd() / path, self.root / path]
        if not any(candidate.is_file() for candidate in candidates):
            by_id = self._working_file_of(str(file))
            if by_id is not None:
                candidates = [self.root / by_id]
        for candidate in candidates:
            if candidate.is_file():
                link = self._link_on_the_way(candidate)
                if link is not None:
                    raise KbError(
                        f"{file}: {link} is a symbolic link; kbdesk never publishes through a "
                        "link (it could lead anywhere): put the file itself in the library"
                    )
                text = candidate.read_text("utf-8")
                full = candidate.resolve()
                if full.is_relative_to(self.root):
                    return self.publish(
                        full.relative_to(self.root).as_posix(), text, note, author, effective
                    )
                doc_id = front_fields(text).get("id")
                if not doc_id:
                    raise KbError(
                        f"{file}: outside the library and without an 'id' field; "
                        "copy it into the library folder first"
                    )
                return self.publish(doc_id, text, note, author, effective)
        raise DocumentNotFound(f"{file}: no such file, and no document with the id '{file}' "
                               f"in the library {self.root}")

    def _working_file_of(self, doc_id: str) -> str | None:
        """The library path of the working document ``doc_id`` (by its id, as the catalogue
        knows it), or None when the library has no such document."""
        if not doc_id or "/" in doc_id or "\\" in doc_id:
            return None
        try:
            doc = self._source.document(doc_id)
        except DocumentNotFound:
            return None
        return doc.path if doc.id == doc_id else None

    def _link_on_the_way(self, candidate: Path) -> Path | None:
        """The symbolic link ``candidate`` is, or goes through inside the library (None)."""
        full = Path(os.path.abspath(candidate))
        if full.is_symlink():
            return full
        if full.is_relative_to(self.root):
            for parent in full.parents:
                if parent == self.root or not parent.is_relative_to(self.root):
                    break
                if parent.is_symlink():
                    return parent
        return None

    def move(
        self, doc_id: str, new_path: str, note: str | None, author: str | None = None
    ) -> PublishResult:
        """Rename or move a document to ``new_path`` (a new version; history follows it)."""
        self._permissions.require("move")
        with library_lock(self.root, "publish"):
            old = self._versions.path_of(doc_id)
            return self._versioning.move(old, new_path, note, author=author)

    def rollback(
        self, doc_id: str, version: int, note: str | None = None, author: str | None = None
    ) -> PublishResult:
        """Restore an old version's text as a new version."""
        self._permissions.require("rollback")
        with library_lock(self.root, "publish"):
            path = self._versions.path_of(doc_id)
            return self._versioning.rollback(path, version, note, author=author)

    def retire(self, doc_id: str, note: str | None, author: str | None = None) -> PublishResult:
        """Publish a document as retired."""
        self._permissions.require("retire")
        with library_lock(self.root, "publish"):
            return self._versioning.retire(self._versions.path_of(doc_id), note, author=author)

    def publish_drafts(self, doc_ids: Sequence[str], note: str, author: str | None = None
                       ) -> list[ImportedDocument]:
        """Publish drafts of new documents (by id) as version 1; none if one is bad."""
        self._permissions.require("publish")
        return self._publish_drafts(list(doc_ids), note, author)

    # -- new documents (library/authoring.py) -------------------------------------------------

    def new_document(self, kind: Kind | str, path: str, title: str = "") -> NewDocument:
        """A new document of ``kind`` at library path ``path`` from its template (not saved).

        Raises:
            KbError: the path leaves the library or a document already lives there.
        """
        return authoring.new_document(self.root, kind, path, title)

    def new_path_problem(self, path: str) -> PathProblem | None:
        """Why ``path`` cannot hold a new document in this library (None when it can)."""
        return authoring.path_problem(self.root, path)

    @staticmethod
    def template_text(kind: Kind | str) -> str:
        """The bundled template of a new document of ``kind``."""
        return authoring.template_text(kind)

    @staticmethod
    def text_to_publish(text: str) -> str:
        """The text an editor publishes: a document still marked draft becomes published."""
        return authoring.text_to_publish(text)

    # -- the rules clients ask about before they publish (rules.py) ---------------------------

    @staticmethod
    def note_missing(note: str | None) -> bool:
        """True when ``note`` is no change note (blank): publish, rollback, retire and move
        refuse it (``PublishError``)."""
        return rules.note_missing(note)

    @staticmethod
    def effective_in_text(text: str) -> dt.date | None:
        """The ``effective:`` date a document's text carries (None without a valid one)."""
        return parse_iso_date(front_fields(text).get("effective"))

    def default_effective(self, text: str) -> dt.date:
        """The day a new version of ``text`` comes into force unless the editor picks another
        (its ``effective:`` date when later than today, else today by this library's clock)."""
        return rules.default_effective(self.effective_in_text(text), self.clock.today())

    def effective_to_set(self, text: str, chosen: dt.date | None) -> dt.date | None:
        """The ``effective`` to publish ``text`` with when the editor chose the day ``chosen``
        (None: no field is written, the version is in force at once)."""
        return rules.effective_to_set(chosen, self.effective_in_text(text), self.clock.today())
