"""The app and signed libraries: the Publish dialog says which key signs, and joining a signed
library shows the editors' key once for a person to confirm."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.storage import keys
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.workflow import editors
from kbdesk.gui.changenote import ChangeNoteDialog
from tests.clock import now_stamp
from tests.conftest import doc


def test_the_publish_dialog_says_which_key_signs(qtbot: QtBot) -> None:
    dialog = ChangeNoteDialog("Publish")
    qtbot.addWidget(dialog)
    assert "no editor key" in dialog.signer.text() and "kbdesk keys init" in dialog.signer.text()
    key = keys.init_key("ed@desk")
    signed = ChangeNoteDialog("Publish")
    qtbot.addWidget(signed)
    assert signed.signer.text() == f"Signed with your editor key {key.fingerprint}"
    keys.key_path().write_text("damaged", "utf-8")
    damaged = ChangeNoteDialog("Publish")
    qtbot.addWidget(damaged)
    assert "cannot be used" in damaged.signer.text() and "editor_ed25519" in damaged.signer.text()


def test_joining_a_signed_library_asks_to_confirm_its_key(
    qtbot: QtBot, tmp_path: Path, make_library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kbdesk.core import KnowledgeBase, Settings
    from kbdesk.gui.joining import JoinDialog

    monkeypatch.setenv("KBDESK_DATA_DIR", str(tmp_path / "editor"))
    source = make_library({"a.md": doc("甲", id="a")})
    LibraryRepo.init(source, when=now_stamp()).close()
    bare = tmp_path / "share" / "kb.git"
    kb = KnowledgeBase(source)
    kb.sync.init_remote(bare)
    key = keys.init_key("ed@desk")
    editors.adopt(source, "王編輯", clock=SYSTEM_CLOCK)
    assert kb.sync.sync().pushed
    kb.close()

    monkeypatch.setenv("KBDESK_DATA_DIR", str(tmp_path / "agent"))
    dialog = JoinDialog(first_run=False)
    qtbot.addWidget(dialog)
    dialog.url.setText(str(bare))
    dialog.join()
    qtbot.waitUntil(lambda: not dialog.trust_button.isHidden(), timeout=30_000)
    assert key.fingerprint in dialog.trust_label.text()
    assert f"王編輯: {key.fingerprint}" in dialog.trust_label.text()
    assert not Settings.load().get("library_dir")  # nothing joined before the confirmation
    with qtbot.waitSignal(dialog.joined, timeout=30_000) as joined:
        dialog.trust_button.click()
    folder = Path(joined.args[0])
    assert (folder / "a.md").is_file() and (folder / ".kbdesk" / "allowed_signers").is_file()
    assert Settings.load().get("library_dir") == str(folder)


def test_a_refused_change_shows_in_the_sync_status(qtbot: QtBot, tmp_path: Path,
                                                   make_library) -> None:
    from kbdesk.core import KnowledgeBase, Settings
    from kbdesk.gui.syncing import SyncController
    from kbdesk.gui.tasks import TaskRunner
    from tests.remotes import TWO_DOCUMENTS, hostile_commit, make_bare

    bare = make_bare(tmp_path / "share.git")
    root = make_library(TWO_DOCUMENTS)
    LibraryRepo.init(root, when=now_stamp()).close()
    kb = KnowledgeBase(root)
    assert kb.sync.sync(str(bare)).pushed
    keys.init_key("ed@desk")
    editors.adopt(root, "ed", clock=SYSTEM_CLOCK)
    assert kb.sync.sync().pushed
    bad = hostile_commit(bare, {(b"refund.md",): (0o100644, b"unsigned\n")})
    runner = TaskRunner()
    try:
        for role, detail in (("agent", False), ("editor", True)):
            settings = Settings()
            settings.set("role", role)
            controller = SyncController(kb, runner, settings=settings)
            with qtbot.waitSignal(controller.failed, timeout=30_000) as blocker:
                controller.sync_now()
            message = blocker.args[0]
            assert message.startswith("A change that was not signed by an editor was refused")
            assert (bad.decode()[:12] in message and "refund.md" in message) == detail
            assert controller.state == "untrusted"
            assert controller.status_text().startswith("A change not signed by an editor")
        assert "24小時" in (root / "refund.md").read_text("utf-8")
        restarted = SyncController(kb, runner, settings=Settings())
        assert restarted.state == "untrusted"  # remembered until a sync takes the remote
        assert restarted.status_text().startswith("A change not signed by an editor")
    finally:
        runner.shutdown()
        kb.close()
