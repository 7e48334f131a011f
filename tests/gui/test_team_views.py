"""Team views in the app: the start screen, the supervisor's read receipts, flagging a section."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kbdesk.core.workstation.settings import Settings
from kbdesk.gui.teamviews import FlagDialog, ReceiptsDialog
from tests.gui.conftest import WindowFactory

REQUIRED = ("refund-policy", "hotline-standards", "privacy-handbook")


def agent_settings(name: str) -> Settings:
    settings = Settings.load()
    settings.set("agent_name", name)
    return settings


def start_text(window) -> str:
    return window.reader.browser.toPlainText()


def test_start_screen_lists_documents_to_acknowledge_updates_and_favourites(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library, settings=agent_settings("陳小華"))
    qtbot.waitUntil(lambda: "退貨與退款政策" in start_text(window), timeout=30_000)
    assert window.reader.document is None and window.reader.title_label.text() == "Start"
    text = start_text(window)
    assert "To acknowledge" in text and "Recently updated" in text and "Favourites" in text
    titles = {window.kb.document(doc_id).title for doc_id in REQUIRED}
    assert all(title in text for title in titles)
    assert "No document changed in the last 30 days." in text
    # an editor publishes a change; the agent reads and acknowledges one document
    kb = window.kb
    path = kb.root / kb.document("phrasing-hold").path
    kb.publishing.publish("phrasing-hold", path.read_text("utf-8").replace("一分鐘", "兩分鐘"),
               "等待時間改為兩分鐘", "編輯")
    kb.receipts.acknowledge(kb.versions.document_in_force("refund-policy"), "陳小華")
    window.state.set_favourite("sop-refund", True)
    with qtbot.waitSignal(window.team_ui.startReady, timeout=30_000):
        window.actions_["go.start"].trigger()
    text = start_text(window)
    assert "等待時間改為兩分鐘" in text and kb.document("phrasing-hold").title in text
    assert kb.document("refund-policy").title not in text.split("Recently updated")[0]
    assert kb.document("sop-refund").title in text.split("Favourites")[1]
    # a link on the start screen opens the document
    with qtbot.waitSignal(window.opened, timeout=30_000) as opened:
        window.reader.openRequested.emit("sop-refund", "")
    assert opened.args[0] == "sop-refund"
    with qtbot.waitSignal(window.team_ui.startReady, timeout=30_000):
        window.actions_["go.start"].trigger()
    assert window.reader.document is None and "To acknowledge" in start_text(window)


def test_supervisor_view_shows_read_and_not_read_per_document_and_exports_csv(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path, tmp_path: Path) -> None:
    window = make_window(demo_library)
    kb = window.kb
    kb.receipts.acknowledge(kb.versions.document_in_force("refund-policy"), "陳小華")
    kb.receipts.acknowledge(kb.versions.document_in_force("hotline-standards"), "王大明")
    dialog = window.team_ui.show_receipts()
    assert isinstance(dialog, ReceiptsDialog)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 3, timeout=30_000)
    rows = dialog.rows()
    refund = kb.document("refund-policy")
    start = rows.index((f"{refund.title}  v{refund.version}", "1 of 2", ""))
    assert rows[start + 1][:2] == ("陳小華", "read") and rows[start + 1][2]
    assert rows[start + 2] == ("王大明", "not read", "")
    assert "3 document(s) to acknowledge" in dialog.summary.text()
    target = tmp_path / "receipts.csv"
    dialog.export_csv(target)
    table = list(csv.DictReader(io.StringIO(target.read_text("utf-8"))))
    assert {(r["doc_id"], r["agent"], r["read"]) for r in table if r["doc_id"] ==
            "refund-policy"} == {("refund-policy", "陳小華", "yes"),
                                 ("refund-policy", "王大明", "no")}
    assert len(table) == 6  # three documents, two known agents
    assert dialog.warnings.isHidden()  # every workstation's records were counted
    dialog.close()


def test_supervisor_view_says_which_records_of_other_workstations_were_not_counted(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(demo_library)
    problem = "desk-9: receipts: a record signed by another key was ignored"
    monkeypatch.setattr(window.kb.team, "problems", lambda: [problem])
    dialog = window.team_ui.show_receipts()
    assert isinstance(dialog, ReceiptsDialog)
    qtbot.waitUntil(lambda: not dialog.warnings.isHidden(), timeout=30_000)
    assert problem in dialog.warnings.text()
    dialog.close()


def test_agent_flags_the_section_being_read(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library, settings=agent_settings("陳小華"))
    window.open_document("refund-policy")
    doc = window.reader.document
    assert doc is not None
    anchor = doc.sections[2].anchor
    window.reader.scroll_to(anchor)
    qtbot.waitUntil(lambda: window.reader.current_section == anchor, timeout=30_000)

    def fill(dialog: FlagDialog) -> bool:
        dialog.unclear.setChecked(True)
        dialog.comment.setText("到帳天數要寫清楚")
        return True

    with qtbot.waitSignal(window.team_ui.flagged, timeout=30_000) as recorded:  # off the UI thread
        assert window.team_ui.flag_current_section(ask=fill) is not None
    flag = recorded.args[0]
    assert flag is not None and flag.kind == "unclear" and flag.anchor == anchor
    assert flag.version == doc.version and flag.agent == "陳小華"
    assert [f.comment for f in window.kb.team.open_flags()] == ["到帳天數要寫清楚"]
    assert window.actions_["reader.flag"] in window.actions_["reader.flag"].parent().actions()


def test_a_phrasing_hit_scrolls_the_panel_to_it_and_the_text_shows_once(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    window.resize(1024, 640)
    doc = window.kb.document("phrasing-apology")
    last = doc.phrasings[-1].anchor
    window.open_document("complaint-handbook")
    reader_width = window.splitter.sizes()[1]
    assert reader_width > 0
    window.open_document(doc.id, last)
    panel = window.panels.phrasing_panel
    qtbot.waitUntil(lambda: panel.scroll_position() > 0
                    and panel.scroll_position() == min(panel.frame_top(last),
                                                       panel._scroll.verticalScrollBar().maximum()),
                    timeout=30_000)
    assert panel.current_anchor() == last
    assert window.splitter.sizes()[1] == 0  # the reader folds away: no text twice side by side
    assert window.panels.isVisible() and window.splitter.sizes()[2] >= reader_width
    window.open_document("complaint-handbook")
    assert window.splitter.sizes()[1] == reader_width


def test_layout_at_1024x640_keeps_the_hint_the_checklist_and_the_reader(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library)
    window.resize(1024, 640)
    procedure = max((d for d in window.kb.documents() if d.kind.value == "procedure"),
                    key=lambda d: len(d.steps))
    window.open_document(procedure.id)
    qtbot.waitUntil(lambda: 0 < window.splitter.sizes()[2] <= window.splitter.sizes()[1],
                    timeout=30_000)
    box = window.side.search_box
    assert box.width() >= box.fontMetrics().horizontalAdvance(box.placeholderText())
    view = window.panels.checklist_panel.view
    header = view.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= view.viewport().width() + 1, timeout=30_000)
    assert not window.reader.toc.isVisible()  # the contents pane starts folded when narrow
    window.actions_["view.contents"].trigger()
    assert window.reader.toc.isVisible()


def test_joining_a_shared_library_from_the_app(qtbot: QtBot, tmp_path: Path,
                                               make_library) -> None:
    from kbdesk.core import KnowledgeBase
    from kbdesk.gui.joining import JoinDialog, is_first_run
    from tests.conftest import doc

    assert is_first_run(Settings.load(), None)
    source = make_library({"a.md": doc("甲", id="a")})
    bare = tmp_path / "share" / "kb.git"
    kb = KnowledgeBase(source)
    kb.sync.init_remote(bare)
    kb.close()
    dialog = JoinDialog(first_run=True)
    qtbot.addWidget(dialog)
    assert not dialog.demo_button.isHidden()  # the first run also offers the demo
    dialog.url.setText(str(tmp_path / "nowhere.git"))
    dialog.join()
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=30_000)
    assert "no shared library at" in dialog.error.text()
    dialog.url.setText(str(bare))
    with qtbot.waitSignal(dialog.joined, timeout=30_000) as joined:
        dialog.join()
    folder = Path(joined.args[0])
    assert (folder / "a.md").is_file()
    assert Settings.load().get("library_dir") == str(folder)
    assert not is_first_run(Settings.load(), None)
