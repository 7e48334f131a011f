"""Turning one Markdown file into a ``Document``: front matter, validation and sections."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import PurePosixPath
from typing import Any

from kbdesk.core.clock import parse_iso_date
from kbdesk.core.errors import DocumentError, Problem
from kbdesk.core.library.acks import ack_problem, ack_targets_of, read_within_problem
from kbdesk.core.library.frontmatter import default_id, parse_meta, split_front_matter
from kbdesk.core.library.model import Document, Kind, Section, Status

_FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_IDCOUNT_RE = re.compile(r"^(.*)_([0-9]+)$")
_INLINE_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_INLINE_MARK_RE = re.compile(r"[*_`~]+")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID_RE = re.compile(r"^[^\s/\\][^\s\\]*$")

#: the largest version number the search index stores (a signed 32-bit number)
MAX_VERSION = 2**31 - 1

def slug(text: str) -> str:
    """Return the anchor Python-Markdown's ``toc`` gives a heading, before de-duplication."""
    # imported here: a library read from the parse cache needs no Markdown (issue 20)
    from markdown.extensions.toc import slugify_unicode

    plain = _INLINE_MARK_RE.sub("", _INLINE_LINK_RE.sub(r"\1", text))
    return slugify_unicode(plain, "-")


def unique_anchor(anchor: str, used: set[str]) -> str:
    """Make ``anchor`` unique among ``used`` the way ``toc`` does, and record it."""
    while anchor in used or not anchor:
        match = _IDCOUNT_RE.match(anchor)
        if match:
            anchor = f"{match.group(1)}_{int(match.group(2)) + 1}"
        else:
            anchor = f"{anchor}_1"
    used.add(anchor)
    return anchor


def _field_line(front: str, name: str) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(name)}\s*:")
    for number, line in enumerate(front.split("\n"), start=2):
        if pattern.match(line):
            return number
    return None


def _fail(path: str, front: str, name: str, message: str) -> DocumentError:
    return DocumentError(
        Problem(path, f"field '{name}': {message}", line=_field_line(front, name), field=name)
    )


def _date(path: str, front: str, meta: dict[str, Any], name: str) -> dt.date | None:
    value = meta.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DATE_RE.match(value.strip()):
        day = parse_iso_date(value)
        if day is not None:
            return day
    raise _fail(path, front, name, f"must be a date written YYYY-MM-DD, got {value!r}")


def _text(path: str, front: str, meta: dict[str, Any], name: str) -> str:
    value = meta.get(name)
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    raise _fail(path, front, name, f"must be text, got {type(value).__name__}")


def build_document(path: str, text: str, *, mtime_ns: int = 0, size: int = 0) -> Document:
    """Parse and validate one document.

    Args:
        path: the file's path relative to the library root, ``/``-separated.
        text: the file's decoded text.

    Raises:
        DocumentError: naming the file, and the line where there is one.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()
    front, body, body_line = split_front_matter(text, path)
    meta = parse_meta(front, path)

    title = _text(path, front, meta, "title")
    if not title:
        raise DocumentError(Problem(path, "field 'title' is required", field="title"))
    kind_value = meta.get("kind")
    if kind_value is None or kind_value == "":
        raise DocumentError(
            Problem(
                path, "field 'kind' is required (handbook, phrasing or procedure)", field="kind"
            )
        )
    try:
        kind = Kind(str(kind_value).strip().lower())
    except ValueError:
        raise _fail(
            path, front, "kind", f"{kind_value!r} is not one of handbook, phrasing, procedure"
        ) from None

    version_value = meta.get("version", 1)
    if isinstance(version_value, bool) or not isinstance(version_value, int) or version_value < 1:
        raise _fail(path, front, "version", f"must be a whole number >= 1, got {version_value!r}")
    if version_value > MAX_VERSION:
        raise _fail(
            path, front, "version", f"{version_value} is too large (the most is {MAX_VERSION})"
        )

    status_value = meta.get("status", "published") or "published"
    try:
        status = Status(str(status_value).strip().lower())
    except ValueError:
        raise _fail(
            path, front, "status", f"{status_value!r} is not one of draft, published, retired"
        ) from None

    doc_id = _text(path, front, meta, "id") or default_id(path)
    if not _ID_RE.match(doc_id):
        raise _fail(path, front, "id", f"{doc_id!r} must not contain spaces or backslashes")

    tags_value = meta.get("tags") or []
    if isinstance(tags_value, str):
        tags_value = [part for part in re.split(r"[,，、]", tags_value)]
    if not isinstance(tags_value, list):
        raise _fail(path, front, "tags", "must be a list of words, such as [投訴, 退款]")
    tags = tuple(str(tag).strip() for tag in tags_value if str(tag).strip())

    # editors' own search terms: words agents use that the text does not (searched, never shown
    # to agents)
    keywords_value = meta.get("keywords") or []
    if isinstance(keywords_value, str | int):
        keywords_value = [part for part in re.split(r"[,，、]", str(keywords_value))]
    if not isinstance(keywords_value, list):
        raise _fail(path, front, "keywords", "must be a list of words, such as [销户, 退租]")
    keywords = tuple(dict.fromkeys(str(w).strip() for w in keywords_value if str(w).strip()))

    ack_field = meta.get("ack_required", False)
    bad_ack = ack_problem(ack_field)
    if bad_ack is not None:
        raise _fail(path, front, "ack_required", bad_ack)
    ack_value = ack_targets_of(ack_field) is not None
    bad_days = read_within_problem(meta.get("read_within"))
    if bad_days is not None:
        raise _fail(path, front, "read_within", bad_days)

    category = _text(path, front, meta, "category")
    if not category:
        parent = PurePosixPath(path).parent.name
        category = parent
    return Document(
        path=path,
        id=doc_id,
        title=title,
        kind=kind,
        category=category,
        tags=tags,
        owner=_text(path, front, meta, "owner"),
        version=version_value,
        status=status,
        effective=_date(path, front, meta, "effective"),
        review_by=_date(path, front, meta, "review_by"),
        summary=_text(path, front, meta, "summary"),
        ack_required=ack_value,
        body=body,
        sections=split_sections(title, body, body_line),
        meta=meta,
        body_line=body_line,
        keywords=keywords,
        mtime_ns=mtime_ns,
        size=size,
        digest=digest,
    )


def split_sections(title: str, body: str, first_line: int = 1) -> tuple[Section, ...]:
    """Split a Markdown body into sections at its ``##`` and ``###`` headings.

    Anchors are made for every heading (all levels count for uniqueness, as in ``toc``); only
    levels 2 and 3 start a new section.
    """
    used: set[str] = set()
    sections: list[Section] = []
    heading, anchor, level, start = title, "", 1, first_line
    buffer: list[str] = []
    fence: str | None = None

    def flush() -> None:
        text = "\n".join(buffer).strip("\n")
        if level > 1 or text.strip():
            sections.append(Section(heading, anchor, level, text, start))

    for offset, line in enumerate(body.split("\n")):
        fence_match = _FENCE_RE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            buffer.append(line)
            continue
        match = None if fence else _HEADING_RE.match(line)
        if match is None:
            buffer.append(line)
            continue
        hashes, text = match.groups()
        this_anchor = unique_anchor(slug(text), used)
        if len(hashes) in (2, 3):
            flush()
            heading, anchor, level = text.strip(), this_anchor, len(hashes)
            start = first_line + offset
            buffer = []
        else:
            buffer.append(line)
    flush()
    return tuple(sections)
