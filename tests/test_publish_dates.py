"""Effective dates of new versions, the publish messages about them, and which version a
reader is asked to acknowledge.

Decided: a new version never comes into force before the day it is published. An
``effective:`` already past that the text carries (left from the version it was edited from)
is dropped; an explicit ``--effective`` in the past is refused.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.core import KnowledgeBase, PublishError
from tests.conftest import doc

TODAY = dt.date.today()  # the suite's fixed clock (tests/clock.py)
LAST_YEAR = TODAY - dt.timedelta(days=400)
NEXT_MONTH = TODAY + dt.timedelta(days=30)


@pytest.fixture
def root(make_library) -> Path:
    return make_library({
        "rule.md": doc("退款新規", id="rule", version=1, ack_required="true",
                       effective=LAST_YEAR.isoformat(), body="\n退款須在24小時內處理。\n"),
    })


def cli(capsys, root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--library", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _edit(root: Path) -> Path:
    path = root / "rule.md"
    path.write_text(path.read_text("utf-8").replace("24小時", "48小時"), "utf-8")
    return path


def test_publishing_a_pending_version_says_so_and_keeps_no_draft(root: Path, capsys) -> None:
    assert cli(capsys, root, "history", "rule")[0] == 0  # the baseline, v1
    code, out, err = cli(capsys, root, "publish", str(_edit(root)), "--note", "下月起新規",
                         "--effective", NEXT_MONTH.isoformat())
    assert code == 0, err
    assert f"in force from {NEXT_MONTH.isoformat()} (pending" in out
    assert "never published" not in err and "draft" not in err
    assert cli(capsys, root, "drafts", "--json")[1].strip() in ("[]", "")
    kb = KnowledgeBase(root)
    assert kb.versions.document_in_force("rule").version == 1
    assert kb.versions.effective_date("rule", 2) == NEXT_MONTH


def test_an_edit_of_a_document_in_force_since_last_year_is_in_force_from_today(
        root: Path, capsys) -> None:
    assert cli(capsys, root, "history", "rule")[0] == 0
    code, out, err = cli(capsys, root, "publish", str(_edit(root)), "--note", "時限延長")
    assert code == 0, err
    assert f"in force from {TODAY.isoformat()}" in out
    assert LAST_YEAR.isoformat() not in out
    assert f"effective: {LAST_YEAR.isoformat()} is past" in err
    assert "never published" not in err
    code, out, _ = cli(capsys, root, "history", "rule", "--json")
    versions = json.loads(out)
    assert [v["version"] for v in versions] == [2, 1]
    assert versions[0]["effective"] is None and versions[1]["effective"] == LAST_YEAR.isoformat()
    kb = KnowledgeBase(root)
    assert kb.versions.effective_date("rule", 2) == TODAY
    assert kb.versions.document_in_force("rule").version == 2
    assert "effective:" not in (root / "rule.md").read_text("utf-8")


def test_an_explicit_effective_date_in_the_past_is_refused(root: Path, capsys) -> None:
    code, _, err = cli(capsys, root, "publish", str(_edit(root)), "--note", "補登",
                       "--effective", LAST_YEAR.isoformat())
    assert code == 2
    assert "is past" in err
    kb = KnowledgeBase(root)
    with pytest.raises(PublishError, match="is past"):
        kb.publishing.publish("rule", (root / "rule.md").read_text("utf-8"), "補登",
                   effective=LAST_YEAR)


def test_a_reader_of_a_pending_version_acknowledges_the_version_in_force(root: Path,
                                                                          capsys) -> None:
    assert cli(capsys, root, "history", "rule")[0] == 0  # the baseline, v1 (in force)
    assert cli(capsys, root, "publish", str(_edit(root)), "--note", "下月起新規",
               "--effective", NEXT_MONTH.isoformat())[0] == 0
    kb = KnowledgeBase(root)
    kb.load()
    try:
        shown = kb.reading.document_for("rule", editor=True)
        assert shown.version == 2  # the editor reads the pending version
        due = kb.reading.version_to_acknowledge(shown, "王小明")
        assert due is not None and due.version == 1
        kb.receipts.acknowledge(due, "王小明")
        assert kb.reading.version_to_acknowledge(shown, "王小明") is None
        agent_view = kb.reading.document_for("rule", editor=False)
        assert agent_view.version == 1
        assert kb.reading.version_to_acknowledge(agent_view, "王小明") is None
    finally:
        kb.close()
