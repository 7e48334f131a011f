"""The team's search suggestions in the app: an open after a reformulated search is noted off
the UI thread; the editors' view lists the suggestion with its evidence, and Accept as keyword
or Accept as synonym group publishes it (off the UI thread) so that the first words find the
document; agents see both disabled, with the core's reason as the tooltip."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.team.suggestions import note_opened
from kbdesk.core.workstation.settings import Settings
from kbdesk.core.workstation.userstate import log_no_results, no_results_path
from kbdesk.gui.suggestionsview import SuggestionsDialog, SynonymGroupDialog
from tests.gui.conftest import WindowFactory, search

FIRST, THEN = "夜猫子", "退款"


def role_settings(name: str, role: str) -> Settings:
    settings = Settings.load()
    settings.set("workstation_name", name)
    settings.set("role", role)
    settings.set("agent_name", "編輯甲")
    return settings


def opened_lines() -> list[dict]:
    try:
        lines = no_results_path().read_text("utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [item for item in map(json.loads, lines) if "opened" in item]


def confirm_group(qtbot: QtBot, dialog: SuggestionsDialog) -> SynonymGroupDialog:
    """Click Accept as synonym group; return the confirmation it shows (nothing published)."""
    before = (dialog.kb.root / "library.yaml").read_text("utf-8")
    dialog.synonym_button.click()
    ask = dialog.group_dialog
    assert isinstance(ask, SynonymGroupDialog)
    qtbot.waitUntil(ask.isVisible, timeout=30_000)
    assert (dialog.kb.root / "library.yaml").read_text("utf-8") == before
    return ask


def test_an_editor_sees_and_accepts_a_suggestion_from_two_workstations(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library, settings=role_settings("desk-9", "editor"))
    # this agent: the first words find nothing (logged), other words find a document, opened
    assert search(qtbot, window, FIRST) == []
    qtbot.waitUntil(lambda: FIRST in no_results_path().read_text("utf-8")
                    if no_results_path().exists() else False, timeout=30_000)
    rows = search(qtbot, window, THEN)
    target = rows[0].doc_id
    window.open_row(0)
    qtbot.waitUntil(lambda: len(opened_lines()) == 1, timeout=30_000)
    assert opened_lines()[0]["opened"] == target and opened_lines()[0]["after"] == FIRST
    # another workstation did the same (its lines, as the shared log brings them)
    log_no_results(FIRST, clock=SYSTEM_CLOCK)
    assert note_opened(target, "退款流程", settings=role_settings("desk-2", "agent"), clock=SYSTEM_CLOCK)

    dialog = window.team_ui.show_suggestions()
    assert isinstance(dialog, SuggestionsDialog)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=30_000)
    top = dialog.tree.topLevelItem(0)
    assert top is not None
    title = window.kb.document(target).title
    assert top.text(0) == f"{FIRST} → {title}" and top.text(1) == "2" and top.text(2) == "2"
    assert top.childCount() == 2  # the evidence: one line per search
    assert dialog.accept_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=30_000) as accepted:
        dialog.accept_button.click()
    assert accepted.args == [target]
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 0, timeout=30_000)
    assert window.kb.document(target).keywords[-1] == FIRST
    assert FIRST in window.kb.versions.history(target)[0].note
    assert window.kb.search(FIRST).hits[0].doc_id == target
    dialog.close()


def test_an_agent_sees_suggestions_but_cannot_accept(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library, settings=role_settings("desk-1", "agent"))
    for name in ("desk-1", "desk-2"):
        log_no_results(FIRST, clock=SYSTEM_CLOCK)
        assert note_opened("sop-refund", THEN, settings=role_settings(name, "agent"), clock=SYSTEM_CLOCK)
    dialog = window.team_ui.show_suggestions()
    assert isinstance(dialog, SuggestionsDialog)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        pass
    assert dialog.tree.topLevelItemCount() == 1
    assert not dialog.accept_button.isEnabled()
    assert "Only an editor" in dialog.summary.text()
    dialog.close()


def test_an_editor_accepts_a_suggestion_as_a_synonym_group(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library, settings=role_settings("desk-9", "editor"))
    for name in ("desk-1", "desk-2"):
        log_no_results(FIRST, clock=SYSTEM_CLOCK)
        assert note_opened("sop-refund", "退款處理流程", settings=role_settings(name, "agent"), clock=SYSTEM_CLOCK)
    hits = window.kb.search(FIRST).hits
    assert not hits or hits[0].doc_id != "sop-refund"
    before = (demo_library / "library.yaml").read_text("utf-8")
    keywords = window.kb.document("sop-refund").keywords
    dialog = window.team_ui.show_suggestions()
    assert isinstance(dialog, SuggestionsDialog)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        pass
    assert dialog.tree.topLevelItemCount() == 1
    assert dialog.synonym_button.isEnabled() and dialog.accept_button.isEnabled()
    assert f"{FIRST}、退款處理流程" in dialog.synonym_button.toolTip()
    ask = confirm_group(qtbot, dialog)
    assert ask.words.text() == f"{FIRST}、退款處理流程"  # the proposed group, as it will be
    with qtbot.waitSignal(dialog.accepted, timeout=30_000) as accepted:
        ask.publish_button.click()
    assert accepted.args == ["sop-refund"]
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 0, timeout=30_000)
    after = (demo_library / "library.yaml").read_text("utf-8")
    assert after == before + f"  - [{FIRST}, 退款處理流程]\n"  # every other line as it was
    assert window.kb.search(FIRST).hits[0].doc_id == "sop-refund"
    assert window.kb.document("sop-refund").keywords == keywords  # not as a keyword
    dialog.close()


def test_an_agent_cannot_accept_as_a_synonym_group_and_is_told_why(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library, settings=role_settings("desk-1", "agent"))
    for name in ("desk-1", "desk-2"):
        log_no_results(FIRST, clock=SYSTEM_CLOCK)
        assert note_opened("sop-refund", THEN, settings=role_settings(name, "agent"), clock=SYSTEM_CLOCK)
    dialog = window.team_ui.show_suggestions()
    assert isinstance(dialog, SuggestionsDialog)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        pass
    assert dialog.tree.topLevelItemCount() == 1
    assert not dialog.synonym_button.isEnabled() and not dialog.accept_button.isEnabled()
    assert "accepting a suggestion needs the role editor" in dialog.synonym_button.toolTip()
    assert "accepting a suggestion needs the role editor" in dialog.accept_button.toolTip()
    dialog.close()


def test_a_refused_synonym_group_is_shown_and_nothing_is_lost(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library, settings=role_settings("desk-9", "editor"))
    for name in ("desk-1", "desk-2"):
        log_no_results(FIRST, clock=SYSTEM_CLOCK)
        assert note_opened("sop-refund", "退款處理流程", settings=role_settings(name, "agent"), clock=SYSTEM_CLOCK)
    edited = (demo_library / "library.yaml").read_text("utf-8") + "workdays: [2026-01-03]\n"
    (demo_library / "library.yaml").write_text(edited, "utf-8")  # an edit never published
    dialog = window.team_ui.show_suggestions()
    assert isinstance(dialog, SuggestionsDialog)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        pass
    confirm_group(qtbot, dialog).publish_button.click()
    assert not dialog.synonym_button.isEnabled()  # busy until the core answers

    def shown() -> list[QMessageBox]:
        return [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=30_000)
    assert "library.yaml has edits that were never published" in shown()[0].text()
    assert dialog.synonym_button.isEnabled() and dialog.tree.topLevelItemCount() == 1
    assert (demo_library / "library.yaml").read_text("utf-8") == edited
    shown()[0].close()
    dialog.close()


def test_an_editor_changes_the_proposed_group_before_it_is_published(
        qtbot: QtBot, make_window: WindowFactory, demo_library: Path) -> None:
    window = make_window(demo_library, settings=role_settings("desk-9", "editor"))
    for name in ("desk-1", "desk-2"):
        log_no_results("钱咋还没回来", clock=SYSTEM_CLOCK)
        assert note_opened("sop-refund", "退款處理流程", settings=role_settings(name, "agent"), clock=SYSTEM_CLOCK)
    before = (demo_library / "library.yaml").read_text("utf-8")
    dialog = window.team_ui.show_suggestions()
    assert isinstance(dialog, SuggestionsDialog)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        pass
    # the proposal keeps 钱 with 没回来; cancelled, nothing is published
    ask = confirm_group(qtbot, dialog)
    assert ask.words.text() == "钱没回来、退款處理流程"
    with qtbot.waitSignal(ask.rejected, timeout=30_000):
        ask.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert (demo_library / "library.yaml").read_text("utf-8") == before
    assert dialog.synonym_button.isEnabled() and dialog.tree.topLevelItemCount() == 1
    # asked again: an empty word or a single word cannot be published
    ask = confirm_group(qtbot, dialog)
    ask.words.setText("钱没回来,,退款處理流程")
    assert not ask.publish_button.isEnabled() and ask.problem.text()
    ask.words.setText("钱没回来")
    assert not ask.publish_button.isEnabled() and ask.problem.text()
    ask.words.setText("钱没回来, 钱还没到账，退款處理流程")
    assert ask.publish_button.isEnabled() and not ask.problem.text()
    with qtbot.waitSignal(dialog.accepted, timeout=30_000) as accepted:
        ask.publish_button.click()
    assert accepted.args == ["sop-refund"]
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 0, timeout=30_000)
    after = (demo_library / "library.yaml").read_text("utf-8")
    assert after == before + "  - [钱没回来, 钱还没到账, 退款處理流程]\n"  # the editor's words
    assert window.kb.search("钱咋还没回来").hits[0].doc_id == "sop-refund"
    dialog.close()
