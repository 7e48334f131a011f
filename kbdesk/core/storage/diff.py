"""Differences between two versions of a document, down to the character for Chinese text.

Lines are matched first; inside each changed pair of lines the characters are compared with
``difflib.SequenceMatcher``, and a short run of equal characters caught between two edits is
folded into them, so ``24小時`` → ``48小時`` marks ``24`` → ``48`` instead of a scatter of
single digits. The result comes as inline lines and as side-by-side rows (for the app) and as
a unified text rendering (for the terminal).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

SegmentKind = Literal["equal", "insert", "delete"]
LineKind = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True)
class Segment:
    """A run of characters of one line: unchanged, inserted or deleted."""

    kind: SegmentKind
    text: str


@dataclass(frozen=True)
class InlineLine:
    """One line of the inline view; a replaced line carries deleted and inserted segments."""

    kind: LineKind
    old_no: int | None
    new_no: int | None
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class SideRow:
    """One row of the side-by-side view: the old line on the left, the new on the right."""

    kind: LineKind
    old_no: int | None
    old: tuple[Segment, ...]
    new_no: int | None
    new: tuple[Segment, ...]


@dataclass
class TextDiff:
    """The difference between two texts, in the shapes the views need."""

    old_label: str
    new_label: str
    inline: list[InlineLine] = field(default_factory=list)
    rows: list[SideRow] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when the texts differ."""
        return any(line.kind != "equal" for line in self.inline)

    def changed_segments(self) -> list[Segment]:
        """Every inserted or deleted segment, in order."""
        return [seg for line in self.inline for seg in line.segments if seg.kind != "equal"]

    def unified(self, *, context: int = 2, color: bool = False) -> str:
        """Render as text: ``-``/``+`` lines, changed characters in ``[-…-]``/``{+…+}``."""
        out = [f"--- {self.old_label}", f"+++ {self.new_label}"]
        keep = context_mask([row.kind != "equal" for row in self.rows], context)
        skipped = False
        for row, show in zip(self.rows, keep, strict=True):
            if not show:
                skipped = True
                continue
            if skipped:
                out.append("@@")
                skipped = False
            if row.kind == "equal":
                out.append("  " + _render(row.old, color))
                continue
            if row.old_no is not None:
                out.append("- " + _render(row.old, color))
            if row.new_no is not None:
                out.append("+ " + _render(row.new, color))
        return "\n".join(out) + "\n"


def context_mask(changed: list[bool], context: int | None) -> list[bool]:
    """Which lines to show: the changed ones and ``context`` lines around them (None: all)."""
    if context is None:
        return [True] * len(changed)
    mask = [False] * len(changed)
    for index, flag in enumerate(changed):
        if flag:
            for near in range(max(0, index - context), min(len(changed), index + context + 1)):
                mask[near] = True
    return mask


def _render(segments: tuple[Segment, ...], color: bool) -> str:
    parts = []
    for seg in segments:
        if seg.kind == "equal":
            parts.append(seg.text)
        elif color:
            code = "1;31" if seg.kind == "delete" else "1;32"
            parts.append(f"\x1b[{code}m{seg.text}\x1b[0m")
        else:
            parts.append(f"[-{seg.text}-]" if seg.kind == "delete" else f"{{+{seg.text}+}}")
    return "".join(parts)


def char_opcodes(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """Character opcodes for two lines, with short equal runs between edits folded in."""
    ops: list[tuple[str, int, int, int, int]] = [
        (str(t), a1, a2, b1, b2)
        for t, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    ]
    changed = True
    while changed:
        changed = False
        for index in range(1, len(ops) - 1):
            tag, i1, i2, _, _ = ops[index]
            before, after = ops[index - 1], ops[index + 1]
            if tag != "equal" or before[0] == "equal" or after[0] == "equal":
                continue
            size = i2 - i1
            edit_before = max(before[2] - before[1], before[4] - before[3])
            edit_after = max(after[2] - after[1], after[4] - after[3])
            if size <= min(edit_before, edit_after):
                ops[index - 1 : index + 2] = [("replace", before[1], after[2], before[3], after[4])]
                changed = True
                break
    return ops


def line_segments(old: str, new: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Return the (old, new) segments of a changed pair of lines."""
    left: list[Segment] = []
    right: list[Segment] = []
    for tag, i1, i2, j1, j2 in char_opcodes(old, new):
        if tag == "equal":
            left.append(Segment("equal", old[i1:i2]))
            right.append(Segment("equal", new[j1:j2]))
            continue
        if i2 > i1:
            left.append(Segment("delete", old[i1:i2]))
        if j2 > j1:
            right.append(Segment("insert", new[j1:j2]))
    return tuple(left), tuple(right)


def diff_texts(old: str, new: str, *, old_label: str = "old", new_label: str = "new") -> TextDiff:
    """Compare two texts line by line, and changed lines character by character."""
    a, b = old.split("\n"), new.split("\n")
    result = TextDiff(old_label, new_label)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                seg = (Segment("equal", a[i1 + offset]),)
                result.inline.append(InlineLine("equal", i1 + offset + 1, j1 + offset + 1, seg))
                result.rows.append(SideRow("equal", i1 + offset + 1, seg, j1 + offset + 1, seg))
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for offset in range(pairs):
            left, right = line_segments(a[i1 + offset], b[j1 + offset])
            merged = _merge_inline(left, right)
            result.inline.append(InlineLine("replace", i1 + offset + 1, j1 + offset + 1, merged))
            result.rows.append(SideRow("replace", i1 + offset + 1, left, j1 + offset + 1, right))
        for index in range(i1 + pairs, i2):
            seg = (Segment("delete", a[index]),)
            result.inline.append(InlineLine("delete", index + 1, None, seg))
            result.rows.append(SideRow("delete", index + 1, seg, None, ()))
        for index in range(j1 + pairs, j2):
            seg = (Segment("insert", b[index]),)
            result.inline.append(InlineLine("insert", None, index + 1, seg))
            result.rows.append(SideRow("insert", None, (), index + 1, seg))
    return result


def _merge_inline(left: tuple[Segment, ...], right: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """Interleave old and new segments of a line: equal text once, deletions before insertions."""
    out: list[Segment] = []
    li = ri = 0
    while li < len(left) or ri < len(right):
        while li < len(left) and left[li].kind == "delete":
            out.append(left[li])
            li += 1
        while ri < len(right) and right[ri].kind == "insert":
            out.append(right[ri])
            ri += 1
        if li < len(left) and ri < len(right):
            out.append(left[li])  # both equal, same text
            li += 1
            ri += 1
        elif li < len(left):
            out.append(left[li])
            li += 1
        elif ri < len(right):
            out.append(right[ri])
            ri += 1
    return tuple(out)
