"""The roster in the app: the supervisor's view per group (most overdue first, CSV), an agent's
own overdue acknowledgements first on the start screen, and editors' actions disabled for an
agent with a tooltip naming the role (the core refuses them anyway)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.workstation.settings import Settings
from kbdesk.gui.editorial_ui import EDITOR_ACTIONS
from kbdesk.gui.teamviews import ReceiptsDialog
from tests.clock import now_stamp
from tests.clock import test_now as suite_now
from tests.conftest import doc
from tests.gui.conftest import WindowFactory

TEAM = """\
groups: [一線客服, 品質組]
people:
  - name: 陳小華
    account: chen
    groups: [一線客服]
  - name: 王大明
    account: wang
    groups: [一線客服, 品質組]
  - name: 林主任
    account: lin
    role: supervisor
  - name: 編輯甲
    account: ed
    role: editor
"""
FILES = {
    "team.yaml": TEAM,
    "must.md": doc("退款規範", id="must", ack_required="[一線客服]", read_within=3,
                   effective="2026-01-01", body="\n退款須在24小時內處理。\n"),
    "late.md": doc("品質抽查", id="late", ack_required="[品質組]", read_within=1,
                   effective="2026-01-01", body="\n每週抽查。\n"),
    "soft.md": doc("新話術", id="soft", ack_required="[一線客服]", body="\n您好。\n"),
}


@pytest.fixture
def roster_library(make_library) -> Path:
    root = make_library(FILES)
    LibraryRepo.init(root, author="編輯 <ed@example.com>", when=now_stamp()).close()
    return root


def settings(role: str = "agent") -> Settings:
    value = Settings()
    value.set("role", role)
    return value


def days_since(day: str, plus: int) -> int:
    return (suite_now().date() - dt.date.fromisoformat(day)).days - plus


def test_supervisor_view_per_group_most_overdue_first_with_csv(
        qtbot: QtBot, make_window: WindowFactory, roster_library: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOGNAME", "chen")
    window = make_window(roster_library, settings=settings())
    window.kb.team.acknowledge(window.kb.versions.document_in_force("must"))  # 陳小華 read it
    monkeypatch.setenv("LOGNAME", "lin")
    dialog = window.team_ui.show_receipts()
    assert isinstance(dialog, ReceiptsDialog)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        pass
    late, must = days_since("2026-01-02", 0), days_since("2026-01-04", 0)
    assert dialog.groups is not None and list(dialog.groups) == ["一線客服", "品質組"]
    assert dialog.rows() == [
        ("一線客服", "4 not read, 2 overdue", ""),
        ("王大明 · 品質抽查  v1", f"{late} day(s)", "2026-01-02"),
        ("王大明 · 退款規範  v1", f"{must} day(s)", "2026-01-04"),
        ("王大明 · 新話術  v1", "—", ""),  # no read_within: never overdue
        ("陳小華 · 新話術  v1", "—", ""),
        ("品質組", "3 not read, 2 overdue", ""),  # 王大明 is in both groups
        ("王大明 · 品質抽查  v1", f"{late} day(s)", "2026-01-02"),
        ("王大明 · 退款規範  v1", f"{must} day(s)", "2026-01-04"),
        ("王大明 · 新話術  v1", "—", ""),
    ]
    assert "per group, most overdue first" in dialog.summary.text()
    target = tmp_path / "missing.csv"
    dialog.export_csv(target)
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8"))))
    assert [(r["group"], r["name"], r["account"], r["doc_id"], r["days_overdue"])
            for r in rows] == [
        ("一線客服", "王大明", "wang", "late", str(late)),
        ("一線客服", "王大明", "wang", "must", str(must)),
        ("一線客服", "王大明", "wang", "soft", "0"),
        ("一線客服", "陳小華", "chen", "soft", "0"),
        ("品質組", "王大明", "wang", "late", str(late)),
        ("品質組", "王大明", "wang", "must", str(must)),
        ("品質組", "王大明", "wang", "soft", "0")]
    dialog.close()


def test_an_agents_start_screen_lists_their_overdue_acknowledgements_first(
        qtbot: QtBot, make_window: WindowFactory, roster_library: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOGNAME", "wang")
    window = make_window(roster_library, settings=settings())
    qtbot.waitUntil(lambda: "品質抽查" in window.reader.browser.toPlainText(), timeout=30_000)
    text = window.reader.browser.toPlainText().split("Recently updated")[0]
    late, must = days_since("2026-01-02", 0), days_since("2026-01-04", 0)
    assert text.index("品質抽查") < text.index("退款規範") < text.index("新話術")
    assert f"overdue by {late} day(s)" in text and f"overdue by {must} day(s)" in text


def test_editor_actions_are_disabled_for_an_agent_whatever_the_local_setting(
        qtbot: QtBot, make_window: WindowFactory, roster_library: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOGNAME", "chen")
    window = make_window(roster_library, settings=settings("editor"), wait=False)
    with qtbot.waitSignal(window.editorial.roleKnown, timeout=30_000) as known:
        pass
    assert (known.args[0].role, known.args[0].source) == ("agent", "roster")
    assert not window.editorial.is_editor
    for action_id in EDITOR_ACTIONS:
        action = window.actions_[action_id]
        assert not action.isEnabled(), action_id
        assert "needs the role editor" in action.toolTip()
        assert "(chen) are an agent in team.yaml" in action.toolTip()
    menu = window.menuBar().findChild(type(window.menuBar().actions()[0].menu()), "menu.editor")
    assert menu is not None and not menu.menuAction().isVisible()
    # the editor, on the same machine: the actions come back with their own tooltips
    monkeypatch.setenv("LOGNAME", "ed")
    with qtbot.waitSignal(window.editorial.roleKnown, timeout=30_000):
        window.editorial.ask_role()
    assert all(window.actions_[a].isEnabled() for a in EDITOR_ACTIONS)
    assert "needs the role" not in window.actions_["editor.edit"].toolTip()


def test_the_metadata_form_keeps_the_groups_a_document_names(qtbot: QtBot) -> None:
    from kbdesk.core import read_meta
    from kbdesk.gui.metaform import MetadataForm

    form = MetadataForm(lambda: dt.date(2031, 1, 2))
    qtbot.addWidget(form)
    text = FILES["must.md"]
    form.load(text)
    assert form.ack_required.isChecked()
    form.title.setText("退款規範（新）")
    assert read_meta(form.apply(text))["ack_required"] == ["一線客服"]
    form.ack_required.setChecked(False)
    assert read_meta(form.apply(text))["ack_required"] is False
