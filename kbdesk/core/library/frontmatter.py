"""Front matter: the one place that splits, reads and edits the YAML block of a document.

Reading for the library (every file, on every load) goes through the one bounded YAML reader,
:func:`kbdesk.core.library.yamlread.load_yaml` (PyYAML's C safe loader: it is the hot path of a
build; aliases and nesting bounded). Reading a few fields of many old versions (git history) uses
:func:`front_fields`, a line scan. Editing is round-trip: ruamel.yaml's round-trip loader finds
each top-level key, the lines its value spans and its trailing comment, and only those lines are
rewritten, so every other line (comments, key order, quoting, blank lines) stays byte for byte
and a diff shows only what was meant to change.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any

from kbdesk.core.errors import DocumentError, Problem
from kbdesk.core.library.yamlread import load_yaml

_QUICK_FIELDS = ("id", "version", "effective", "status")
_QUICK_RE = re.compile(
    rf"^({'|'.join(_QUICK_FIELDS)})[ \t]*:[ \t]*(.*?)[ \t]*(?:#.*)?$"
)

FieldValue = str | int | bool | dt.date | Sequence[str] | None
"""What an edit may write: text, a number, a flag, a day, a list of words; None removes."""


# -- splitting and reading ----------------------------------------------------------------------


def split_front_matter(text: str, path: str = "-") -> tuple[str, str, int]:
    """Split a file's text into its front matter, its body and the body's first line number.

    Raises:
        DocumentError: when the file does not start with a closed ``---`` block.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise DocumentError(
            Problem(path, "no front matter: a document must start with a '---' line", line=1)
        )
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            front = "\n".join(lines[1 : number - 1])
            body = "\n".join(lines[number:])
            return front, body, number + 1
    raise DocumentError(
        Problem(path, "front matter is not closed: add a '---' line after the fields", line=1)
    )


def parse_meta(front: str, path: str = "-") -> dict[str, Any]:
    """Parse the YAML of a front-matter block into a mapping.

    Raises:
        DocumentError: for malformed YAML, YAML past the bounds of ``yamlread`` (an alias
        bomb, nesting too deep) or YAML that is not a mapping.
    """
    meta = load_yaml(front, path, first_line=2, subject="front matter") if front.strip() else {}
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DocumentError(Problem(path, "front matter must be a mapping of field: value", line=2))
    return {str(key): value for key, value in meta.items()}


def read_meta(text: str, path: str = "-") -> dict[str, Any]:
    """The front-matter fields of a whole document text (DocumentError when unreadable)."""
    front, _body, _line = split_front_matter(text, path)
    return parse_meta(front, path)


def front_block(text: str) -> tuple[str, str]:
    """A document's front-matter block with its ``---`` lines, and its body ("" and the text
    when it has none)."""
    try:
        front, body, _line = split_front_matter(text)
    except DocumentError:
        return "", text
    return "---\n" + front + "\n---\n", body


def front_fields(text: str) -> dict[str, str]:
    """Read the top-level id/version/effective/status of a document's front matter, fast.

    A line scan for reading many old versions; values are the text written (quotes removed).
    """
    fields: dict[str, str] = {}
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].rstrip() != "---":
        return fields
    for line in lines[1:]:
        if line.rstrip() in ("---", "..."):
            break
        match = _QUICK_RE.match(line)
        if match:
            fields[match.group(1)] = match.group(2).strip().strip("'\"")
    return fields


def default_id(path: str) -> str:
    """Return the id a document gets from its path when its front matter gives none."""
    return str(PurePosixPath(path).with_suffix(""))


def document_id(path: str, text: str) -> str:
    """The id of the document ``text`` stored at ``path``: its ``id`` field, else its path."""
    return front_fields(text).get("id") or default_id(path)


# -- writing ------------------------------------------------------------------------------------


def yaml_scalar(value: str) -> str:
    """Write ``value`` as a YAML scalar that reads back as the same text (quoted when needed)."""
    if value and value == value.strip() and "\n" not in value:
        try:
            if parse_meta(f"k: {value}").get("k") == value:
                return value
        except DocumentError:
            pass
    return json.dumps(value, ensure_ascii=False)


def yaml_value(value: FieldValue) -> str:
    """The YAML text of one field value, on one line (lists in flow style)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return yaml_scalar(value)
    if value is None:
        return "null"
    return "[" + ", ".join(yaml_scalar(str(item)) for item in value) + "]"


def _round_trip(front: str, path: str) -> Mapping[str, Any]:
    if front.strip():
        parse_meta(front, path)  # within the bounds first: ruamel.yaml recurses and expands
    # ruamel is imported for an edit only: reading (every load) needs PyYAML alone (issue 20)
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError as RuamelError

    loader = YAML(typ="rt")
    loader.allow_duplicate_keys = True
    try:
        data = loader.load(front) if front.strip() else None
    except RecursionError:  # pragma: no cover - the bounds above keep nesting shallow
        raise DocumentError(Problem(path, "front matter is nested too deeply")) from None
    except RuamelError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise DocumentError(
            Problem(path, f"front matter is not valid YAML: {exc}".split("\n")[0], line=line)
        ) from None
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise DocumentError(Problem(path, "front matter must be a mapping of field: value", line=2))
    return data


def set_fields(text: str, changes: Mapping[str, FieldValue], path: str = "-") -> str:
    """Set (or, with None, remove) top-level front-matter fields, keeping everything else.

    A field's line (with the lines of a block value) is replaced in place, keeping a trailing
    ``# comment``; a new field goes just before the closing ``---``.

    Raises:
        DocumentError: the text has no front matter, or its YAML cannot be read.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    front, body, _line = split_front_matter(text, path)
    lines = front.split("\n") if front else []
    for name, value in changes.items():
        lines = _set_one(lines, name, value, path)
    return bom + "---\n" + "\n".join(lines) + "\n---\n" + body


def set_field(text: str, name: str, value: FieldValue, path: str = "-") -> str:
    """Set (or, with None, remove) one top-level front-matter field; see :func:`set_fields`."""
    return set_fields(text, {name: value}, path)


def _set_one(lines: list[str], name: str, value: FieldValue, path: str) -> list[str]:
    data = _round_trip("\n".join(lines), path)
    if name not in data:
        if value is None:
            return lines
        while lines and not lines[-1].strip():  # an empty block, or trailing blank lines
            lines = lines[:-1]
        return [*lines, f"{name}: {yaml_value(value)}"]
    starts = sorted(data.lc.key(key)[0] for key in data)  # type: ignore[attr-defined]
    start = data.lc.key(name)[0]  # type: ignore[attr-defined]
    later = [line for line in starts if line > start]
    end = later[0] if later else len(lines)
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # blank lines and comments before the next field are not part of the value
    if value is None:
        return lines[:start] + lines[end:]
    new = f"{name}: {yaml_value(value)}"
    comment = data.ca.items.get(name) if hasattr(data, "ca") else None
    token = comment[2] if comment and len(comment) > 2 else None
    if token is not None and end == start + 1:
        column = token.column
        original = lines[start]
        if column < len(original) and original[column] == "#":
            spacing = original[:column][len(original[:column].rstrip()) :] or " "
            new += spacing + original[column:]
    return [*lines[:start], new, *lines[end:]]
