"""Procedures: ordered steps with an owner role and a time limit each."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbdesk.core.library.parts import ProcedureStep

if TYPE_CHECKING:
    from kbdesk.core.library.model import Document

_KEY_RE = re.compile(
    r"^\s*(?:[-*+]\s*)?(?:\*\*)?(?P<key>角色|負責|负责|负责人|負責人|Role|時限|时限|Limit)(?:\*\*)?"
    r"\s*[:：]\s*(?:\*\*)?\s*(?P<value>.+?)\s*$",
    re.IGNORECASE,
)
_LIMIT_RE = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|[一二兩两三四五六七八九十半]+)\s*(?:個|个)?\s*"
    r"(?P<unit>工作日|秒鐘|秒钟|秒|分鐘|分钟|分|小時|小时|鐘頭|钟头|天|日|週|周|min|mins|minutes?|"
    r"hours?|hrs?|h|days?|d|seconds?|secs?|s)(?![A-Za-z])",
    re.IGNORECASE,
)
_UNIT_SECONDS = {
    "秒": 1,
    "秒鐘": 1,
    "秒钟": 1,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "分": 60,
    "分鐘": 60,
    "分钟": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "小時": 3600,
    "小时": 3600,
    "鐘頭": 3600,
    "钟头": 3600,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "天": 86400,
    "日": 86400,
    "工作日": 86400,
    "d": 86400,
    "day": 86400,
    "days": 86400,
    "週": 604800,
    "周": 604800,
}
_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "兩": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _chinese_number(text: str) -> float | None:
    if text == "半":
        return 0.5
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0))
    if len(text) == 1 and text in _CN_DIGITS:
        return _CN_DIGITS[text]
    return None


def chinese_number(text: str) -> float | None:
    """A number written in Chinese numerals (一 … 九十九, 半), or None."""
    return _chinese_number(text)


def parse_limit(text: str) -> int | None:
    """Return a time limit such as ``30秒內`` or ``2個工作日內`` in seconds, or None."""
    match = _LIMIT_RE.search(text)
    if not match:
        return None
    raw = match.group("num")
    number = float(raw) if raw[0].isdigit() else _chinese_number(raw)
    if number is None:
        return None
    unit = match.group("unit")
    seconds = _UNIT_SECONDS.get(unit) or _UNIT_SECONDS.get(unit.lower())
    if seconds is None:
        return None
    return int(number * seconds)


def step_keys(body: str) -> tuple[str, str]:
    """Return the role and the time-limit text declared in a step's body."""
    role = limit = ""
    for line in body.split("\n"):
        match = _KEY_RE.match(line)
        if not match:
            continue
        key = match.group("key").lower()
        value = match.group("value").strip().strip("*").strip()
        if key in ("時限", "时限", "limit"):
            limit = limit or value
        else:
            role = role or value
    return role, limit


def steps_of(doc: Document) -> tuple[ProcedureStep, ...]:
    """Return the ``##`` steps of a procedure document, in order."""
    steps: list[ProcedureStep] = []
    for section in doc.sections:
        if section.level != 2:
            continue
        role, limit = step_keys(section.body)
        steps.append(
            ProcedureStep(
                number=len(steps) + 1,
                title=section.heading,
                anchor=section.anchor,
                role=role,
                limit_text=limit,
                limit_seconds=parse_limit(limit) if limit else None,
                body=section.body,
            )
        )
    return tuple(steps)
