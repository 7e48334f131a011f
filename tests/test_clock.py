"""The one clock: injected through ``KnowledgeBase.set_clock``, read by every date rule."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

from kbdesk.core.clock import (
    SYSTEM_CLOCK,
    Clock,
    DayClock,
    FixedClock,
    as_clock,
    parse_iso_date,
    parse_iso_time,
)
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.storage.drafts import Draft
from kbdesk.core.storage.repo import LibraryRepo
from tests.clock import now_stamp
from tests.conftest import doc


def test_system_clock_follows_the_calendar() -> None:
    assert SYSTEM_CLOCK.today() == dt.date.today()
    assert SYSTEM_CLOCK.now().tzinfo is not None


def test_day_clock_and_fixed_clock() -> None:
    later = dt.date.today() + dt.timedelta(days=400)
    clock = DayClock(lambda: later)
    assert clock.today() == later
    assert clock.now().date() == later and clock.now().tzinfo is not None
    moment = dt.datetime(2030, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
    assert FixedClock(moment).now() == moment
    assert FixedClock(moment).today() == dt.date(2030, 5, 6)


def test_as_clock_accepts_a_day_function() -> None:
    fixed = FixedClock(dt.datetime(2030, 1, 2, tzinfo=dt.UTC))
    assert as_clock(fixed) is fixed
    assert isinstance(as_clock(lambda: dt.date(2031, 3, 4)), Clock)
    assert as_clock(lambda: dt.date(2031, 3, 4)).today() == dt.date(2031, 3, 4)


def test_iso_parsers_reject_bad_input() -> None:
    assert parse_iso_date("2031-02-03") == dt.date(2031, 2, 3)
    assert parse_iso_date(dt.datetime(2031, 2, 3, 4, 5)) == dt.date(2031, 2, 3)
    assert parse_iso_date("2031-02-30") is None
    assert parse_iso_date("") is None and parse_iso_date(None) is None
    assert parse_iso_time("2031-02-03T04:05:06+08:00") == dt.datetime(
        2031, 2, 3, 4, 5, 6, tzinfo=dt.timezone(dt.timedelta(hours=8))
    )
    assert parse_iso_time("2031-02-03T04:05").tzinfo is not None
    assert parse_iso_time("yesterday") is None


def test_set_clock_reaches_receipts_drafts_and_today(make_library) -> None:
    root = make_library({"a.md": doc("甲", id="a")})
    LibraryRepo.init(root, when=now_stamp()).close()
    kb = KnowledgeBase(root)
    try:
        moment = dt.datetime(2031, 7, 8, 9, 10, 11, tzinfo=dt.UTC)
        kb.set_clock(FixedClock(moment))
        assert kb.today() == dt.date(2031, 7, 8)
        receipt = kb.receipts.acknowledge(kb.document("a"), "陳")
        assert receipt.time == moment.isoformat(timespec="seconds")
        saved = kb.drafts.save(Draft("a", "a.md", "草稿"))
        assert saved.saved_at == "2031-07-08T09:10:11+00:00"
    finally:
        kb.close()


def test_start_page_recent_list_follows_the_library_clock(versioned_kb) -> None:
    """Only the library's clock moves (not the process's): the start page follows it."""
    from tests.conftest import publish_change

    publish_change(versioned_kb, "24小時", "48小時", note="改為48小時")
    today = versioned_kb.today()
    page = versioned_kb.reading.start_page("陳", [])
    assert [(item.doc_id, item.note) for item in page.updated] == [("complaint", "改為48小時")]
    versioned_kb.set_clock(DayClock(lambda: today + dt.timedelta(days=90)))
    assert versioned_kb.today() == today + dt.timedelta(days=90)
    assert versioned_kb.reading.start_page("陳", []).updated == []
    versioned_kb.set_clock(DayClock(lambda: today + dt.timedelta(days=29)))
    assert [item.doc_id for item in versioned_kb.reading.start_page("陳", []).updated] == ["complaint"]


def test_a_clock_kept_before_set_clock_follows_it(make_library) -> None:
    """Every service holds the library's one clock: replacing it reaches them all, and a
    client that kept ``kb.clock`` (the sync controller keeps ``kb.clock.now``) too."""
    kb = KnowledgeBase(make_library({"a.md": doc("甲", id="a")}))
    try:
        kept_now = kb.clock.now
        moment = dt.datetime(2031, 7, 8, 9, 10, 11, tzinfo=dt.UTC)
        kb.set_clock(FixedClock(moment))
        assert kept_now() == moment
        assert kb.versions._resolver.today() == dt.date(2031, 7, 8)
        assert kb.publishing.default_effective("---\ntitle: 甲\n---\n") == dt.date(2031, 7, 8)
        assert kb.reading.clock.today() == dt.date(2031, 7, 8)
    finally:
        kb.close()


# -- one clock: chosen at the root and the clients' entry points, injected everywhere else ----

KBDESK = Path(__file__).resolve().parent.parent / "kbdesk"

#: where the system clock may be chosen, and why
SYSTEM_CLOCK_CHOSEN = {
    "core/clock.py": "the clock itself",
    "core/kb.py": "the root: a library's clock starts as the system's (set_clock moves it)",
    "cli/team.py": "kbdesk clone: no library yet, the first sync is stamped by the system",
    "gui/joining.py": "joining from the app: no library yet, as kbdesk clone",
}


def _clock_choices(tree: ast.AST) -> list[tuple[int, str]]:
    """Where a module reads SYSTEM_CLOCK, builds a bare Clock(), or lets a clock parameter
    fall back to a default (``clock or …``, a ``Clock | None = None`` parameter)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "SYSTEM_CLOCK":
            found.append((node.lineno, "SYSTEM_CLOCK"))
        elif isinstance(node, ast.alias) and node.name == "SYSTEM_CLOCK":
            found.append((getattr(node, "lineno", 0), "imports SYSTEM_CLOCK"))
        elif (isinstance(node, ast.Call) and not node.args and not node.keywords
              and isinstance(node.func, ast.Name | ast.Attribute)
              and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr)
              == "Clock"):
            found.append((node.lineno, "Clock() (the system clock)"))
        elif (isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or)
              and isinstance(node.values[0], ast.Name) and "clock" in node.values[0].id.lower()):
            found.append((node.lineno, f"{node.values[0].id} or … (a default clock)"))
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = node.args
            positional = [*arguments.posonlyargs, *arguments.args]
            pairs = list(zip(positional[len(positional) - len(arguments.defaults):],
                             arguments.defaults, strict=True))
            pairs += [(a, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults,
                                             strict=True) if d is not None]
            for argument, default in pairs:
                annotation = ast.unparse(argument.annotation) if argument.annotation else ""
                if re.search(r"\bClock\b", annotation):
                    shown = "None" if isinstance(default, ast.Constant) else "…"
                    found.append((node.lineno,
                                  f"{node.name}({argument.arg}={shown}) default clock"))
    return found


def test_only_the_root_and_the_entry_points_choose_the_system_clock() -> None:
    """Every other module is given the library's clock: one left to the system clock (by
    default or by name) would not follow ``set_clock``, and a library whose clock differs
    from the process's would see it leak (tests cannot see it: time-machine moves both)."""
    leaks = []
    for path in sorted(KBDESK.rglob("*.py")):
        where = path.relative_to(KBDESK).as_posix()
        if where in SYSTEM_CLOCK_CHOSEN:
            continue
        tree = ast.parse(path.read_text("utf-8"), str(path))
        leaks += [f"kbdesk/{where}:{line}: {what}" for line, what in _clock_choices(tree)]
    assert leaks == []


def test_the_clock_scan_finds_each_kind_of_leak() -> None:
    """The scan above would see every form a leak takes (it is not a test that cannot fail)."""
    source = '''
from kbdesk.core.clock import SYSTEM_CLOCK, Clock

def a(clock: Clock | None = None) -> None:
    clock = clock or SYSTEM_CLOCK

def b(*, clock: Clock = Clock()) -> None: ...

def c(clock: Clock) -> None: ...
'''
    kinds = [what for _line, what in _clock_choices(ast.parse(source))]
    assert "imports SYSTEM_CLOCK" in kinds and "SYSTEM_CLOCK" in kinds
    assert "Clock() (the system clock)" in kinds
    assert "clock or … (a default clock)" in kinds
    assert "a(clock=None) default clock" in kinds and "b(clock=…) default clock" in kinds
    assert not any(what.startswith("c(") for what in kinds)
