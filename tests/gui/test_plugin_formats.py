"""A third-party importer and exporter, registered by entry point (tests/plugin_dist.py), in the
app: the import wizard's file filter lists the plugin's suffix and imports a file with it; the
Export submenu lists the plugin's format and exports with it; the broken plugins are named in
the status bar and left out."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kbdesk.core.exporters import EXPORTERS
from kbdesk.core.plugins import Option
from kbdesk.core.workstation.settings import Settings
from tests.gui.conftest import WindowFactory
from tests.plugin_dist import FAQ, acme_plugin

__all__ = ["acme_plugin"]  # the fixture


def _editor() -> Settings:
    settings = Settings()
    settings.set("role", "editor")
    settings.set("agent_name", "林編輯")
    return settings


def test_the_wizard_filter_lists_the_plugin_and_imports_with_it(
        qtbot: QtBot, make_window: WindowFactory, versioned_library: Path, acme_plugin: Path,
        tmp_path: Path) -> None:
    window = make_window(versioned_library, settings=_editor())
    qtbot.waitUntil(lambda: window.importing.formats is not None, timeout=30000)
    entries = window.importing.file_filter().split(";;")
    assert "*.faq" in entries[0] and "*.docx" in entries[0] and "*.txt" in entries[0]
    assert "faq (*.faq)" in entries and entries[-1] == "All files (*)"
    assert not any("missing" in entry for entry in entries)
    source = tmp_path / "members.faq"
    source.write_text(FAQ, "utf-8")
    window.importing.choose_files = lambda: [source]
    window.actions_["import.files"].trigger()
    [wizard] = window.importing.wizards
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    assert wizard.title_edit.text() == "會員常見問題"
    with qtbot.waitSignal(wizard.written, timeout=30000) as blocker:
        wizard.drafts_button.click()
    [written] = blocker.args[0]
    draft = window.kb.drafts.load(written.doc_id)
    assert draft is not None and "## 如何重設密碼" in draft.text
    for editor in window.importing.editors:
        editor.close()
    wizard.close()


def test_the_export_menu_lists_the_plugin_and_exports_with_it(
        qtbot: QtBot, make_window: WindowFactory, versioned_library: Path, acme_plugin: Path,
        tmp_path: Path) -> None:
    messages: list[str] = []
    window = make_window(versioned_library, wait=False)
    window.statusMessage.connect(messages.append)
    qtbot.waitUntil(lambda: window.exporting.formats is not None, timeout=30000)
    listed = {a.objectName(): a.text() for a in window.exporting.menu.actions()}
    assert listed == {"export.html": "HTML site…", "export.jsonl": "JSON lines…"}
    assert any("shapeless" in m and "is not an exporter" in m for m in messages)
    qtbot.waitUntil(lambda: window.kb is not None, timeout=30000)
    out = tmp_path / "jsonl"
    titles: list[str] = []
    window.exporting.choose_folder = lambda title: titles.append(title) or str(out)
    window.actions_["export.jsonl"].trigger()
    options = window.exporting.options_dialog
    assert options is not None and set(options.fields) == {"body", "crash", "file", "limit"}
    options.fields["body"].setChecked(True)
    with qtbot.waitSignal(window.exporting.exported, timeout=60000) as blocker:
        options.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert window.exporting.dialog is not None
    assert titles == ["JSON lines"]
    result = blocker.args[0]
    rows = [json.loads(line) for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]
    assert result.documents == len(rows) == len(window.kb.documents())
    assert all("body" in row for row in rows)
    assert str(out) in window.statusBar().currentMessage()


class _Needy:
    """An exporter with a required option and a choice."""

    name, title = "needy", "Needy"
    options = (Option("token", str, required=True, help="the access token"),
               Option("layout", str, "wide", choices=("wide", "narrow")),
               Option("count", int, 3))

    def __init__(self) -> None:
        self.got: list = []

    def export(self, request, outdir, progress=None, cancel=None):
        from kbdesk.core.plugins import ExportResult

        self.got.append(dict(request.options))
        return ExportResult(Path(outdir), len(request.documents), 0, 0)


def test_the_options_a_format_declares_are_asked_for_and_checked(
        qtbot: QtBot, make_window: WindowFactory, versioned_library: Path,
        tmp_path: Path) -> None:
    needy = _Needy()
    EXPORTERS.register("needy", needy)
    try:
        window = make_window(versioned_library)
        qtbot.waitUntil(lambda: window.exporting.formats is not None, timeout=30000)
        window.exporting.choose_folder = lambda _title: str(tmp_path / "out")
        window.actions_["export.needy"].trigger()
        dialog = window.exporting.options_dialog
        assert dialog is not None and dialog.isVisible() and window.exporting.task is None
        assert window.exporting.start(None, "needy") is None  # one at a time
        token, layout, count = (dialog.fields[n] for n in ("token", "layout", "count"))
        assert token.text() == "" and layout.currentText() == "wide" and count.text() == "3"
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.click()  # no token: the core's rule refuses, the dialog stays
        assert dialog.isVisible() and "option 'token' is required" in dialog.error.text()
        count.setText("many")
        token.setText("s3cret")
        ok.click()
        assert dialog.isVisible() and "option 'count': expected an integer" in (
            dialog.error.text())
        count.setText("7")
        layout.setCurrentIndex(1)
        with qtbot.waitSignal(window.exporting.exported, timeout=30000):
            ok.click()
        assert needy.got == [{"token": "s3cret", "layout": "narrow", "count": 7}]
        qtbot.waitUntil(lambda: window.exporting.options_dialog is None, timeout=30_000)
    finally:
        EXPORTERS.forget("needy")
