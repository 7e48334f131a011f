"""The one YAML reader of kbdesk, bounded: front matter, ``library.yaml``, thesaurus files.

YAML lets a short file stand for a huge value: a nine-line "billion laughs" of anchors and
aliases expands to a thousand million strings, and a few kilobytes of brackets nest thousands
of levels deep (recursive readers then raise ``RecursionError``). kbdesk reads YAML that others
write, so every read goes through :func:`load_yaml`, which composes the document into its node
graph (aliases are shared nodes there, so composing costs what the text costs), counts what the
graph expands to and how deep it nests, iteratively, and only then builds Python values:

- :data:`MAX_ALIAS_NODES`: the values aliases may add beyond those written out;
- :data:`MAX_YAML_DEPTH`: how deep mappings and lists may nest.

A file past either bound is a :class:`~kbdesk.core.errors.DocumentError` naming the file and
the line, like any other malformed file: the loader records it and skips the file, ``check``
lists it, ``publish`` refuses it.

Reading uses PyYAML's C safe loader where there is one: it is the hot path of a build. An
impossible date (2026-13-45) stays text, so the field's own check names the file and line.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from kbdesk.core.errors import DocumentError, Problem

#: values (scalars, lists, mappings) that aliases may add to a file beyond those written out
MAX_ALIAS_NODES = 10_000
#: how deep lists and mappings may nest in a file
MAX_YAML_DEPTH = 50

try:  # the C loader is several times faster on large libraries
    _BaseLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):
    """The safe loader, except that an impossible date (2026-13-45) stays text.

    PyYAML turns anything shaped like a date into one and raises a bare ``ValueError`` for a
    day that does not exist; kept as text, the field's own check names the file and line.
    """


def _timestamp(loader: Any, node: Any) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _line(node: Node) -> int:
    mark = node.start_mark
    return mark.line if mark is not None else 0


def check_bounds(root: Node) -> tuple[str, int] | None:
    """Why the node graph ``root`` is past the bounds, and the 0-based line at fault, or None.

    Each distinct node is visited once (aliases share nodes), without recursion; the size a
    node expands to and its height are one more than its children's, kept per node.
    """
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    distinct = 0
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            children = _children(node)
            size[key] = 1 + sum(size[id(child)] for child in children)
            height[key] = 1 + max((height[id(child)] for child in children), default=0)
            if height[key] > MAX_YAML_DEPTH:
                return f"nested deeper than {MAX_YAML_DEPTH} levels", _line(node)
            if size[key] > distinct + MAX_ALIAS_NODES:
                return (f"aliases expand to more than {MAX_ALIAS_NODES:,} values beyond those "
                        "written out (a YAML alias bomb); write the values out instead",
                        _line(node))
            continue
        if key in size:
            continue
        size[key] = height[key] = 0  # visiting: an alias back to a node being built adds nothing
        distinct += 1
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in size)
    return None


def load_yaml(text: str, path: str = "-", *, first_line: int = 1, subject: str = "") -> Any:
    """Parse YAML safely and within the bounds; impossible dates are kept as text.

    Args:
        text: the YAML.
        path: the file it comes from, for the problem.
        first_line: the file's line number of the text's first line (2 for front matter).
        subject: what the text is, to open messages (``"front matter"``); "" for a whole file.

    Returns:
        The value (None for an empty text).

    Raises:
        DocumentError: malformed YAML, aliases past :data:`MAX_ALIAS_NODES`, nesting past
        :data:`MAX_YAML_DEPTH`; the problem names ``path`` and the line.
    """
    invalid = f"{subject} is not valid YAML" if subject else "not valid YAML"
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        bound = check_bounds(node)
        if bound is not None:
            reason, at = bound
            lead = f"{subject}: " if subject else ""
            raise DocumentError(Problem(path, lead + reason, line=at + first_line))
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark
        where = mark.line + first_line if mark is not None else None
        reason = exc.problem or "syntax error"
        raise DocumentError(Problem(path, f"{invalid}: {reason}", line=where)) from None
    except yaml.YAMLError as exc:
        raise DocumentError(Problem(path, f"{invalid}: {exc}")) from None
    except (ValueError, KeyError, TypeError, OverflowError) as exc:  # x: !!int abc
        raise DocumentError(
            Problem(path, f"{invalid}: a value does not fit its tag ({exc})")
        ) from None
    except RecursionError:  # only without the C loader: the pure-Python composer recurses
        raise DocumentError(
            Problem(path, f"{invalid}: nested deeper than {MAX_YAML_DEPTH} levels")
        ) from None
    finally:
        loader.dispose()
