"""``kb.library_rules``: the rules about a library's content as a whole, off the root (issue 17)."""

from __future__ import annotations

import datetime as dt

from kbdesk.core import KnowledgeBase, Problem
from kbdesk.core.library.rules import LibraryRules
from tests.conftest import doc


def test_check_reports_each_rule_and_the_checks_handed_in(make_library) -> None:
    root = make_library({
        "procedures/p.md": doc("流程", "procedure", "## 一\n- 時限：盡快\n", id="p"),
        "phrasings/q.md": doc("話術", "phrasing", "## 開場\n\n只有說明，沒有引述。\n", id="q"),
        "handbooks/h.md": doc("手冊", id="h", body="\n內容。\n"),
        "handbooks/bad.md": "---\ntitle: [\n---\n",
    })
    kb = KnowledgeBase(root)
    seen: list[list[str]] = []

    def extra(docs):  # a check another package owns: it gets the documents as loaded
        seen.append(sorted(d.id for d in docs))
        return [Problem("team.yaml", "handed-in check ran")]

    rules = LibraryRules(reload=kb.load, documents=kb.documents,
                         config=lambda: kb.library.config, checks=(extra,))
    try:
        problems = [(p.path, p.message) for p in rules.check()]
        paths = [path for path, _message in problems]
        assert paths[0] == "handbooks/bad.md"  # files that cannot be loaded come first
        assert ("procedures/p.md", "step '一': time limit '盡快' cannot be read (write e.g. "
                "30秒內, 24小時內)") in problems
        assert any(path == "phrasings/q.md" and "nothing to copy" in message
                   for path, message in problems)
        assert problems[-1] == ("team.yaml", "handed-in check ran")  # after the library's own
        assert seen == [["h", "p", "q"]]
        assert "handbooks/h.md" not in paths
        # the root's own service runs the team's roster check: no team.yaml, nothing added
        assert [(p.path, p.message) for p in kb.library_rules.check()] == problems[:-1]
    finally:
        kb.close()


def test_working_calendar_reads_the_library_settings(make_library) -> None:
    root = make_library({"a.md": doc("甲", id="a")})
    (root / "library.yaml").write_text("holidays: [2031-01-01]\nworkdays: [2031-01-04]\n",
                                       "utf-8")
    kb = KnowledgeBase(root)
    try:
        calendar = kb.library_rules.working_calendar()
        assert not calendar.is_working_day(dt.date(2031, 1, 1))  # a Wednesday, a holiday
        assert calendar.is_working_day(dt.date(2031, 1, 4))  # a Saturday made a workday
        assert not calendar.is_working_day(dt.date(2031, 1, 5))  # a Sunday
    finally:
        kb.close()
