"""Agent-side updates: 已更新 marks, the what-changed dialog, read receipts."""
# ruff: noqa: F811 - the fixtures imported from editorial_fixtures are used as arguments

from __future__ import annotations

from kbdesk.core.workstation.settings import Settings
from kbdesk.gui.diffview import marked_runs
from kbdesk.gui.doc_changes import (
    AckBanner,
    UpdatedBanner,
    WhatChangedDialog,
)
from tests.gui.editorial_fixtures import (  # noqa: F401 - fixtures
    kb,
    publish_change,
    runner,
    versioned_library,
)


def agent_settings(name: str = "王小明") -> Settings:
    settings = Settings()
    settings.set("agent_name", name)
    return settings



def test_what_changed_shows_the_diff_since_last_seen(qtbot, kb, runner) -> None:
    kb.reading.mark_seen("complaint")
    publish_change(kb, "24小時", "48小時")
    publish_change(kb, "交給主管", "交給值班主管")
    dialog = WhatChangedDialog(kb, runner, "complaint")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000) as blocker:
        pass
    diff = blocker.args[0]
    assert (diff.old_label, diff.new_label) == ("v1", "v3")  # both changes since v1
    runs = [run for run in marked_runs(dialog.view.inline.document()) if "version" not in run[1]]
    assert runs == [("delete", "24"), ("insert", "48"), ("insert", "值班")]
    assert "v1 → v3" in dialog.message.text()
    dialog.accept()  # the version seen is written on the runner's ordered lane
    qtbot.waitUntil(lambda: not kb.reading.is_updated("complaint"), timeout=30_000)
    again = WhatChangedDialog(kb, runner, "complaint")
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loaded, timeout=30_000) as blocker:
        pass
    assert blocker.args[0] is None
    assert "Nothing changed" in again.message.text()


def test_updated_banner_offers_what_changed(qtbot, kb, runner) -> None:
    banner = UpdatedBanner(kb)
    qtbot.addWidget(banner)
    banner.set_document(kb.document("complaint"))
    assert banner.isHidden()  # never opened before: nothing to compare with
    kb.reading.mark_seen("complaint")
    publish_change(kb, "24小時", "48小時")
    banner.set_document(kb.document("complaint"))
    assert not banner.isHidden() and "v1 → v2" in banner.label.text()
    kb.reading.mark_seen("complaint")  # the reader marks it seen once shown: the banner remembers v1
    with qtbot.waitSignal(banner.whatChangedRequested, timeout=30_000) as blocker:
        banner.button.click()
    assert blocker.args == ["complaint", 1]
    dialog = WhatChangedDialog(kb, runner, "complaint", since=1)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000) as loaded:
        pass
    assert (loaded.args[0].old_label, loaded.args[0].new_label) == ("v1", "v2")
    assert ("insert", "48") in marked_runs(dialog.view.inline.document())


def show(qtbot, banner: AckBanner, doc) -> None:
    """Set the banner's document and wait for the receipts, read off the UI thread."""
    with qtbot.waitSignal(banner.checked, timeout=30_000):
        banner.set_document(doc)


def test_ack_banner_records_a_receipt(qtbot, kb) -> None:
    banner = AckBanner(kb, agent_settings())
    qtbot.addWidget(banner)
    show(qtbot, banner, kb.document("complaint"))
    assert banner.isHidden()  # not flagged ack_required
    doc = kb.document("opening")
    show(qtbot, banner, doc)
    assert not banner.isHidden()
    with qtbot.waitSignal(banner.acknowledged, timeout=30_000) as blocker:
        banner.button.click()
    receipt = blocker.args[0]
    assert (receipt.doc_id, receipt.version, receipt.agent) == ("opening", 1, "王小明")
    assert banner.isHidden()
    assert [(r.doc_id, r.agent) for r in kb.receipts.receipts()] == [("opening", "王小明")]
    assert "opening,1," in kb.receipts.to_csv()
    show(qtbot, banner, doc)
    assert banner.isHidden()  # acknowledged already
    # a new version asks again
    text = (kb.root / "phrasings/opening.md").read_text("utf-8").replace("您好", "您好，")
    kb.publishing.publish("opening", text, "標點")
    show(qtbot, banner, kb.document("opening"))
    assert not banner.isHidden() and "version 2" in banner.label.text()


def test_ack_without_agent_name_names_the_os_account(qtbot, kb, monkeypatch) -> None:
    monkeypatch.setenv("LOGNAME", "wang.x")  # getpass.getuser() reads it first
    banner = AckBanner(kb, agent_settings(""))
    qtbot.addWidget(banner)
    show(qtbot, banner, kb.document("opening"))
    with qtbot.waitSignal(banner.acknowledged, timeout=30_000) as blocker:
        banner.button.click()
    assert (blocker.args[0].agent, blocker.args[0].account) == ("wang.x", "wang.x")
    assert [(r.agent, r.account) for r in kb.receipts.receipts()] == [("wang.x", "wang.x")]
    assert banner.isHidden()
