"""Phrasings: copyable texts with ``{{placeholders}}``, and avoid → say-instead pairs."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from kbdesk.core.library.parts import PLACEHOLDER_RE, AvoidPair, Phrasing
from kbdesk.core.library.parts import placeholders as placeholders  # part of this module's API

if TYPE_CHECKING:
    from kbdesk.core.library.model import Document

_AVOID_RE = re.compile(
    r"^\s*[-*+]\s*(?:不說|不说|避免說|避免说|避免)\s*[:：]?\s*「(?P<avoid>[^」]+)」\s*[，,]?\s*"
    r"(?:→|->|⇒)\s*(?:改說|改说|建議說|建议说|建議|建议|改為|改为)\s*[:：]?\s*「(?P<instead>[^」]+)」"
)
_QUOTE_RE = re.compile(r"^\s{0,3}>\s?(.*)$")

#: Placeholder names filled from the agent's own settings, by setting key: only names that say
#: in so many words that the agent is meant. A bare {{姓名}} is not one (it is usually the
#: customer's name), so it is asked for like any other blank.
AGENT_PLACEHOLDERS: Mapping[str, str] = {
    "坐席姓名": "agent_name",
    "客服姓名": "agent_name",
    "我的姓名": "agent_name",
    "坐席工號": "agent_id",
    "坐席工号": "agent_id",
    "我的工號": "agent_id",
    "我的工号": "agent_id",
    "團隊": "agent_team",
    "团队": "agent_team",
    "工號": "agent_id",
    "工号": "agent_id",
}




def missing_placeholders(text: str, values: Mapping[str, str]) -> list[str]:
    """The placeholders of ``text`` without a value: a phrasing is not copied until none is
    left (``{{客戶稱呼}}`` must never reach the customer)."""
    return [name for name in placeholders(text) if not values.get(name, "").strip()]


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace each ``{{name}}`` that has a non-empty value; leave the others as written."""

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1), "")
        return value if value else match.group(0)

    return PLACEHOLDER_RE.sub(replace, text)


def avoid_pairs_in(markdown: str, first_line: int = 1) -> tuple[AvoidPair, ...]:
    """Return every avoid → say-instead list item in a Markdown text."""
    pairs = []
    for offset, line in enumerate(markdown.split("\n")):
        match = _AVOID_RE.match(line)
        if match:
            pairs.append(
                AvoidPair(
                    match.group("avoid").strip(),
                    match.group("instead").strip(),
                    first_line + offset,
                )
            )
    return tuple(pairs)


def _quotes(body: str) -> tuple[list[str], str]:
    """Split a section body into its block quotes (each one text) and the other lines."""
    variants: list[str] = []
    notes: list[str] = []
    current: list[str] | None = None
    for line in body.split("\n"):
        match = _QUOTE_RE.match(line)
        if match:
            if current is None:
                current = []
            current.append(match.group(1).rstrip())
            continue
        if current is not None:
            variants.append(_join_quote(current))
            current = None
        notes.append(line)
    if current is not None:
        variants.append(_join_quote(current))
    return [v for v in variants if v], "\n".join(notes).strip()


def _join_quote(lines: list[str]) -> str:
    paragraphs: list[str] = []
    para: list[str] = []
    for line in lines:
        if line.strip():
            para.append(line.strip())
        elif para:
            paragraphs.append("".join(_join_cjk(para)))
            para = []
    if para:
        paragraphs.append("".join(_join_cjk(para)))
    return "\n".join(paragraphs)


def _join_cjk(lines: list[str]) -> list[str]:
    """Join wrapped quote lines: no space between CJK, one space between Latin words."""
    out: list[str] = []
    for line in lines:
        if out and out[-1] and out[-1][-1].isascii() and line[0].isascii():
            out.append(" " + line)
        else:
            out.append(line)
    return out


def phrasings_of(doc: Document) -> tuple[Phrasing, ...]:
    """Return the phrasings (``##`` sections) of a phrasing document.

    ``###`` sections are folded into the ``##`` phrasing they belong to.
    """
    result: list[Phrasing] = []
    for section in doc.sections:
        if section.level == 1:
            continue
        variants, notes = _quotes(section.body)
        pairs = avoid_pairs_in(section.body, section.line + 1)
        if section.level == 3 and result:
            last = result[-1]
            result[-1] = Phrasing(
                last.name,
                last.anchor,
                last.variants + tuple(variants),
                (last.notes + "\n\n" + notes).strip(),
                last.avoid + pairs,
            )
            continue
        result.append(Phrasing(section.heading, section.anchor, tuple(variants), notes, pairs))
    return tuple(result)


def nothing_to_copy(doc: Document) -> list[str]:
    """Messages for a phrasing document with no text to copy at all, or for each of its
    phrasings (``##`` sections) that has none (an agent would see "guidance only")."""
    phrasings = phrasings_of(doc)
    if not any(p.variants for p in phrasings):
        return ["a phrasing document with nothing to copy: no section holds a phrasing "
                "written as a '> ' quote"]
    return [f"section '{p.name}': nothing to copy (write the phrasing as a '> ' quote)"
            for p in phrasings if not p.variants and not p.avoid]
