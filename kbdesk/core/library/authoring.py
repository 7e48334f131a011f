"""Rules of writing documents: where a new one goes, its template, and the text that is published.

The editor (GUI) and any other client ask these functions instead of checking paths or front
matter themselves: a new document's path from its kind and a name, whether a path may hold a
new document (and why not), the text of a new document from its kind's template, and the text
actually published (a document still marked ``status: draft`` is published as ``published``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kbdesk.core.errors import KbError
from kbdesk.core.library.frontmatter import default_id, front_fields, set_field
from kbdesk.core.library.model import Kind, Status
from kbdesk.core.workstation import paths

KIND_FOLDERS: dict[Kind, str] = {
    Kind.HANDBOOK: "handbooks",
    Kind.PHRASING: "phrasings",
    Kind.PROCEDURE: "procedures",
}
_BAD_NAME = re.compile(r"[\\:*?\"<>|]|^\.|/\.|\.\.")


class PathProblem(StrEnum):
    """Why a path cannot hold a new document (clients word it in the user's language)."""

    BAD_NAME = "bad-name"
    EXISTS = "exists"


@dataclass(frozen=True)
class NewDocument:
    """A document not yet in the library: where it will go and its first text."""

    doc_id: str
    path: str
    text: str


def new_document_path(kind: Kind | str, name: str) -> str:
    """The library path of a new document: ``<kind folder>/<name>.md`` (name may hold folders)."""
    name = name.strip().strip("/")
    if name.endswith(".md"):
        name = name[:-3]
    folder = KIND_FOLDERS[Kind(kind)]
    return f"{name}.md" if "/" in name else f"{folder}/{name}.md"


def normal_path(path: str) -> str:
    """A path as typed, made a ``/``-separated ``.md`` path (not yet checked)."""
    path = path.strip().replace("\\", "/")
    return path if path.endswith(".md") else path + ".md"


def path_problem(root: Path, path: str) -> PathProblem | None:
    """Why ``path`` cannot hold a new document in the library at ``root`` (None when it can)."""
    stem = path[:-3] if path.endswith(".md") else path
    if (
        not stem.strip("/ ")
        or _BAD_NAME.search(path)
        or path.startswith("/")
        or ".." in path.split("/")
    ):
        return PathProblem.BAD_NAME
    if (root / path).exists():
        return PathProblem.EXISTS
    return None


def template_text(kind: Kind | str) -> str:
    """The bundled template of a new document of ``kind``."""
    kind = Kind(kind)
    path = paths.resources_dir() / "templates" / f"{kind.value}.md"
    try:
        return path.read_text("utf-8")
    except OSError as exc:
        raise KbError(f"the template for {kind.value} documents is missing ({path})") from exc


def new_document(root: Path, kind: Kind | str, path: str, title: str = "") -> NewDocument:
    """A new document of ``kind`` at library path ``path``, from its template.

    Raises:
        KbError: the path leaves the library or a document already lives there.
    """
    path = normal_path(path)
    problem = path_problem(root, path)
    if problem is PathProblem.BAD_NAME:
        raise KbError(f"'{path}' is not a path inside the library")
    if problem is PathProblem.EXISTS:
        raise KbError(f"{path} already exists in the library: choose another name")
    text = template_text(kind)
    if title.strip():
        text = set_field(text, "title", title.strip())
    return NewDocument(default_id(path), path, text)


def is_marked_draft(text: str) -> bool:
    """Whether a document's front matter still says ``status: draft``."""
    return front_fields(text).get("status", "").strip().lower() == Status.DRAFT.value


def text_to_publish(text: str) -> str:
    """The text published from an editor: ``status: draft`` becomes ``published``."""
    return set_field(text, "status", Status.PUBLISHED.value) if is_marked_draft(text) else text
