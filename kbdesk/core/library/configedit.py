"""Editing ``library.yaml`` in place: a synonym group added, or an existing group extended.

The file is the library's own, written by hand: its comments, key order, quoting, blank lines
and indentation are the editors'. As with front matter (``frontmatter.py``), ruamel.yaml's
round-trip loader only *finds* where things are (the ``synonyms`` key, each group and its
words); the edit then inserts or rewrites the few characters that change, so every other line
stays byte for byte and a diff of the publish shows only the new words.

What is changed:

- no ``synonyms:`` yet (or no file): ``synonyms:`` and the group are added at the end;
- a group holding one of the new words (compared by ``same``, the search's query form): that
  group gets the words it lacks (a ``[flow, list]`` gets them before its ``]``, a block list a
  line each, a group written as one string ``顾客 = 客户`` is rewritten as a flow list);
- otherwise: a new ``- [word, word]`` line after the last group, indented like the others.

The result is read back and compared with what was meant (the old groups plus the change); a
file written in a way this cannot edit safely is refused with an error naming ``library.yaml``
and the field, and nothing is written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from kbdesk.core.errors import DocumentError, KbError
from kbdesk.core.library.catalog import CONFIG_FILE, parse_config
from kbdesk.core.library.frontmatter import yaml_scalar
from kbdesk.core.library.yamlread import load_yaml
from kbdesk.core.text.folding import fold

_FLOW_SPECIAL = set(",[]{}#:'\"&*!|>%@`")


class ConfigEditError(KbError):
    """``library.yaml`` cannot take the change (broken, or written in a way not edited here)."""


@dataclass(frozen=True)
class GroupChange:
    """What :func:`add_synonym_group` did.

    Attributes:
        group: the group's words after the change, as written.
        added: the words that were added to it.
        extended: the position (from 1) of the existing group that was extended; None when
            a new group was added.
    """

    group: tuple[str, ...]
    added: tuple[str, ...]
    extended: int | None = None


def _refuse(message: str) -> ConfigEditError:
    return ConfigEditError(f"{CONFIG_FILE}: field 'synonyms': {message}")


def _flow_scalar(word: str) -> str:
    """``word`` as an item of a flow list (quoted when a plain scalar would read otherwise)."""
    if not word or word != word.strip() or any(ch in _FLOW_SPECIAL for ch in word):
        return json.dumps(word, ensure_ascii=False)
    return yaml_scalar(word)


def _flow_list(words: Sequence[str]) -> str:
    return "[" + ", ".join(_flow_scalar(w) for w in words) + "]"


class _Text:
    """The file's text with (line, column) → offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        for number, ch in enumerate(text):
            if ch == "\n":
                self.starts.append(number + 1)

    def offset(self, line: int, col: int) -> int:
        return self.starts[line] + col

    def line(self, line: int) -> str:
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[line]:end]

    def end_of_line(self, line: int) -> int:
        """The offset just after the line's newline (the end of the text on the last line)."""
        return self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)

    def line_of(self, offset: int) -> int:
        low, high = 0, len(self.starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low


def _close_of(text: str, start: int) -> int:
    """The offset of the bracket closing the flow collection opened at ``start``."""
    depth, i, quote = 0, start, ""
    last = ""  # the last significant character outside quotes
    while i < len(text):
        ch = text[i]
        if quote:
            if quote == '"' and ch == "\\":
                i += 2
                continue
            if ch == quote:
                if quote == "'" and text[i + 1:i + 2] == "'":
                    i += 2
                    continue
                quote, last = "", ch
        elif ch in "\"'" and last in ("[", "{", ",", ":"):
            quote = ch
        elif ch in "[{":
            depth, last = depth + 1, ch
        elif ch in "]}":
            depth, last = depth - 1, ch
            if depth == 0:
                return i
        elif ch == "#" and i > 0 and text[i - 1] in " \t\n":
            while i < len(text) and text[i] != "\n":
                i += 1
            continue
        elif not ch.isspace():
            last = ch
        i += 1
    raise _refuse("a list whose closing bracket cannot be found")


def _scalar_end(text: str, start: int) -> int:
    """The offset just after the scalar starting at ``start`` (quoted, or plain on one line)."""
    quote = text[start]
    if quote in "\"'":
        i = start + 1
        while i < len(text):
            if quote == '"' and text[i] == "\\":
                i += 2
                continue
            if text[i] == quote:
                if quote == "'" and text[i + 1:i + 2] == "'":
                    i += 2
                    continue
                return i + 1
            i += 1
        raise _refuse("a quoted group that is not closed")
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    comment = text.find(" #", start, end)
    if comment != -1:
        end = comment
    return start + len(text[start:end].rstrip())


def _round_trip(text: str) -> Any:
    """The file read with ruamel.yaml's round-trip loader (positions of every node)."""
    try:
        load_yaml(text, CONFIG_FILE)  # the bounds first: ruamel recurses and expands aliases
    except DocumentError as exc:
        raise ConfigEditError(str(exc)) from None
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError as RuamelError

    loader = YAML(typ="rt")
    loader.allow_duplicate_keys = True
    try:
        return loader.load(text)
    except (RuamelError, RecursionError) as exc:
        raise ConfigEditError(f"{CONFIG_FILE}: not valid YAML: {exc}".split("\n")[0]) from None


def _flow(node: Any) -> bool:
    """Whether a list is written in flow style (``[a, b]``)."""
    return bool(node.fa.flow_style())


def _item(node: Any, index: int) -> tuple[int, int]:
    """The (line, column) where item ``index`` of a list starts."""
    where = node.lc.item(index)
    if where is None:
        raise _refuse("written in a way kbdesk cannot edit safely")
    return int(where[0]), int(where[1])


def _words_of(group: Any) -> list[str] | None:
    """The words of one group as the library reads them (None: not a group)."""
    if isinstance(group, str):
        group = group.replace("，", ",").replace("=", ",").split(",")
    if not isinstance(group, list):
        return None
    return [str(word).strip() for word in group if str(word).strip()]


def add_synonym_group(text: str, words: Sequence[str],
                      same: Callable[[str], str] = fold) -> tuple[str, GroupChange]:
    """``text`` (a ``library.yaml``, "" when there is none) with ``words`` as a synonym group.

    When an existing group holds one of ``words`` (compared by ``same``), that group is
    extended with the words it lacks; otherwise a new group is added. See the module docstring
    for what is written where.

    Raises:
        ConfigEditError: the file is not a readable ``library.yaml``, its ``synonyms`` are not
            a list of groups, nothing would change, or the file is written in a way that
            cannot be edited safely; the message names ``library.yaml`` and the field.
    """
    wanted = list(dict.fromkeys(w.strip() for w in words if w.strip()))
    keys = list(dict.fromkeys(same(w) for w in wanted))
    if len(keys) < 2:
        raise _refuse(f"a synonym group needs two different words ({', '.join(wanted)})")
    problems = parse_config(text)[1]
    if problems:
        raise ConfigEditError(f"{CONFIG_FILE} has problems; fix them first: "
                              + "; ".join(str(p) for p in problems))
    data = _round_trip(text) if text.strip() else None
    if data is not None and not isinstance(data, dict):
        raise ConfigEditError(f"{CONFIG_FILE}: must be a mapping (name:, synonyms:)")
    groups = data.get("synonyms") if data is not None else None
    found: int | None = None
    if isinstance(groups, list):
        for number, group in enumerate(groups):
            existing = _words_of(group) or []
            if {same(w) for w in existing} & set(keys):
                found = number
                break
    if found is not None:
        assert isinstance(groups, list)
        existing = _words_of(groups[found]) or []
        have = {same(w) for w in existing}
        added: list[str] = []
        for word in wanted:
            if same(word) not in have:
                have.add(same(word))
                added.append(word)
        if not added:
            raise _refuse(f"group {found + 1} ({', '.join(existing)}) already holds "
                          f"{', '.join(wanted)}")
        new_text = _extend(_Text(text), groups, found, existing, added)
        change = GroupChange((*existing, *added), tuple(added), found + 1)
    else:
        new_text = _add(_Text(text), data, groups, wanted)
        change = GroupChange(tuple(wanted), tuple(wanted), None)
    _check(text, new_text, change)
    return new_text, change


def _check(text: str, new_text: str, change: GroupChange) -> None:
    """The edited file must read as the old groups plus the change, nothing else."""
    data = load_yaml(text, CONFIG_FILE) or {}
    raw = [_words_of(group) or [] for group in data.get("synonyms") or []]
    if change.extended is None:
        raw.append(list(change.group))
    else:
        raw[change.extended - 1] = list(change.group)
    expected = [words for words in raw if len(words) >= 2]  # as the loader keeps them
    before, _ = parse_config(text)
    after, problems = parse_config(new_text)
    if problems or after.synonyms != expected or (after.name, after.holidays, after.workdays) != (
            before.name, before.holidays, before.workdays):
        raise _refuse("written in a way kbdesk cannot edit safely; add the group by hand: "
                      + _flow_list(change.group))


def _extend(doc: _Text, groups: Any, index: int, existing: list[str], added: list[str]) -> str:
    text = doc.text
    line, col = _item(groups, index)
    start = doc.offset(line, col)
    group = groups[index]
    if isinstance(group, str):  # one string: rewritten as a flow list of its words
        end = _scalar_end(text, start)
        return text[:start] + _flow_list([*existing, *added]) + text[end:]
    if not isinstance(group, list):
        raise _refuse(f"group {index + 1} is not a list")
    if _flow(group):
        if text[start:start + 1] != "[":
            raise _refuse(f"group {index + 1} is written in a way kbdesk cannot edit safely")
        close = _close_of(text, start)
        inner = text[start + 1:close]
        at = start + 1 + len(inner.rstrip())
        joined = ", ".join(_flow_scalar(w) for w in added)
        return text[:at] + (", " if inner.strip() else "") + joined + text[at:]
    # a block list: a line per new word after its last item, at that item's dash
    last_line, last_col = _item(group, len(group) - 1)
    dash = doc.line(last_line).rfind("-", 0, last_col)
    if dash == -1:
        raise _refuse(f"group {index + 1} is written in a way kbdesk cannot edit safely")
    lines = "".join(" " * dash + "- " + yaml_scalar(w) + "\n" for w in added)
    at = doc.end_of_line(last_line)
    prefix = "" if text[:at].endswith("\n") else "\n"
    return text[:at] + prefix + lines + text[at:]


def _item_end_line(doc: _Text, groups: Any, index: int) -> int:
    """The last line of the group at ``index`` of a block list."""
    line, col = _item(groups, index)
    group = groups[index]
    start = doc.offset(line, col)
    if isinstance(group, list) and _flow(group) and doc.text[start:start + 1] == "[":
        return doc.line_of(_close_of(doc.text, start))
    if isinstance(group, list) and group:
        return _item_end_line(doc, group, len(group) - 1)
    if isinstance(group, str):
        return doc.line_of(max(start, _scalar_end(doc.text, start) - 1))
    return line


def _add(doc: _Text, data: Any, groups: Any, words: list[str]) -> str:
    text = doc.text
    item = _flow_list(words)
    if data is None or "synonyms" not in data:
        sep = "" if not text or text.endswith("\n") else "\n"
        return text + sep + "synonyms:\n  - " + item + "\n"
    if groups is None:  # `synonyms:` with nothing after it
        line, col = data.lc.key("synonyms")
        rest = doc.line(line)[col:].split("#", 1)[0]
        if rest.strip() != "synonyms:":
            raise _refuse("written in a way kbdesk cannot edit safely (write `synonyms:` "
                          "followed by one `- [word, word]` line per group)")
        at = doc.end_of_line(line)
        prefix = "" if text[:at].endswith("\n") else "\n"
        return text[:at] + prefix + " " * (col + 2) + "- " + item + "\n" + text[at:]
    if not isinstance(groups, list):
        raise _refuse("must be a list of word lists")
    if _flow(groups) or not groups:  # synonyms: [[a, b], …] or []
        line, col = data.lc.value("synonyms")
        start = doc.offset(line, col)
        if text[start:start + 1] != "[":
            raise _refuse("written in a way kbdesk cannot edit safely")
        close = _close_of(text, start)
        inner = text[start + 1:close]
        at = start + 1 + len(inner.rstrip())
        return text[:at] + (", " if inner.strip() else "") + item + text[at:]
    last = len(groups) - 1
    line, col = _item(groups, last)
    dash = doc.line(line).rfind("-", 0, col)
    if dash == -1:
        raise _refuse("written in a way kbdesk cannot edit safely")
    end_line = _item_end_line(doc, groups, last)
    at = doc.end_of_line(end_line)
    prefix = "" if text[:at].endswith("\n") else "\n"
    return text[:at] + prefix + " " * dash + "- " + item + "\n" + text[at:]

