"""Render the main views offscreen into PNG files: ``python -m kbdesk.gui.screenshots OUTDIR``.

Used by ``make screenshots`` for the README. Everything runs on a private copy of the bundled
demo library in a temporary data folder, so the user's own profile is never touched. The UI
is shown in Traditional Chinese with a CJK font picked explicitly.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 1280, 800


def _wait(signal: object, start: Callable[[], object] | None = None, timeout_ms: int = 60000
          ) -> None:
    """Run a local event loop until ``signal`` fires (or the timeout passes)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    if start is not None:
        start()
    loop.exec()


def _settle(ms: int = 120) -> None:
    """Let layouts and paint events run for a moment."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


SAMPLE_VALUES = {"公司名稱": "好日子購物", "公司名称": "好日子购物", "客戶稱呼": "陳先生",
                 "客户称呼": "陈先生"}


def _paint_dialog(picture: object, dialog: object, title: str, palette: object) -> None:
    """Draw a dialog with a simple title bar over a window picture (offscreen has no frames)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QPainter, QPalette

    painter = QPainter(picture)  # type: ignore[call-overload]
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 70))  # type: ignore[attr-defined]
    bar = 30
    width = dialog.width()  # type: ignore[attr-defined]
    height = dialog.height() + bar  # type: ignore[attr-defined]
    left = (picture.width() - width) // 2  # type: ignore[attr-defined]
    top = (picture.height() - height) // 3  # type: ignore[attr-defined]
    frame = QRect(left - 1, top - 1, width + 2, height + 2)
    painter.fillRect(frame.adjusted(4, 4, 4, 4), QColor(0, 0, 0, 60))
    painter.fillRect(frame, palette.color(QPalette.ColorRole.Mid))  # type: ignore[attr-defined]
    painter.fillRect(QRect(left, top, width, bar),
                     palette.color(QPalette.ColorRole.Highlight))  # type: ignore[attr-defined]
    painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))  # type: ignore[attr-defined]
    painter.drawText(QRect(left + 10, top, width - 20, bar),
                     Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
    painter.drawPixmap(left, top + bar, dialog)
    painter.end()


class FakeClock:
    """A clock the checklist reads, moved forward by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def render_all(outdir: Path, language: str = "zh_TW") -> list[Path]:
    """Render every view into ``outdir``; return the files written."""
    from PySide6.QtWidgets import QApplication

    from kbdesk.gui.app import apply_look
    from kbdesk.gui.i18n import install_translators

    app = QApplication.instance() or QApplication(["kbdesk-screenshots"])
    assert isinstance(app, QApplication)
    translators = install_translators(app, language)
    try:
        apply_look(app)
        return _render(app, outdir)
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def _render(app: object, outdir: Path) -> list[Path]:
    """Render the views (the application, translators and look are set up)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from kbdesk.core import Settings, paths
    from kbdesk.gui.mainwindow import MainWindow
    from kbdesk.gui.phrasings import PlaceholderDialog, agent_values
    from kbdesk.gui.settingsdialog import SettingsDialog

    outdir.mkdir(parents=True, exist_ok=True)
    library = paths.data_dir() / "demo"
    shutil.copytree(paths.bundled_content_dir(), library, ignore=shutil.ignore_patterns(".git"))
    settings = Settings.load()
    settings.set("agent_name", "王小明")
    settings.set("agent_team", "客服一組")
    settings.set("agent_id", "A1024")
    window = MainWindow(settings, library=library)
    window.resize(WIDTH, HEIGHT)
    window.show()
    _wait(window.indexReady, window.start)
    written: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        _settle()
        path = outdir / name
        widget.grab().save(str(path))
        written.append(path)

    def search(text: str) -> None:
        window.side.search_box.clear()
        _wait(window.resultsShown, lambda: window.side.search_box.setText(text))

    # 1. search with results, the first hit open
    search("投诉")
    window.open_row(0)
    window.side.focus_results()
    save(window, "search-results.png")

    # 2. the reader at a section, Simplified display
    search("退款 时限")
    row = next((i for i, r in enumerate(window.side.model.rows) if r.anchor), 0)
    window.side.results.setCurrentIndex(window.side.model.index(row))
    window.set_script("cn", save=False)
    window.open_row(row)
    save(window, "reader-section.png")
    window.set_script("original", save=False)

    # 3. a phrasing and its fill-in form over the window
    known = agent_values(settings)
    phrasing, target = next(
        (d, p) for d in window.require_kb().documents() if d.kind.value == "phrasing"
        for p in d.phrasings
        if p.placeholders and any(n in known for n in p.placeholders) and len(p.placeholders) <= 4)
    window.open_document(phrasing.id, target.anchor)
    values = {name: known.get(name, SAMPLE_VALUES.get(name, "")) for name in target.placeholders}
    dialog = PlaceholderDialog(target.placeholders, values, target.variants[0], "original",
                               window)
    dialog.show()
    dialog.adjustSize()
    _settle()
    picture = window.grab()
    _paint_dialog(picture, dialog.grab(), dialog.windowTitle(), window.palette())
    dialog.close()
    picture.save(str(outdir / "phrasing-fill-in.png"))
    written.append(outdir / "phrasing-fill-in.png")

    # 4. a procedure checklist with its timer running past a limit
    clock = FakeClock()
    panel = window.panels.checklist_panel
    panel.clock = clock
    procedure = max((d for d in window.require_kb().documents() if d.kind.value == "procedure"),
                    key=lambda d: sum(1 for s in d.steps if s.limit_seconds))
    window.open_document(procedure.id)
    panel.start()
    steps = procedure.steps
    limits = sorted(s.limit_seconds for s in steps if s.limit_seconds)
    # past the second step's limit, the first step ticked late: one step done, one overdue
    clock.now += (limits[1] + 95) if len(limits) > 1 else 600
    if panel.run is not None and steps:
        panel.run.tick(steps[0])
    panel.refresh()
    save(window, "procedure-checklist.png")
    panel.reset()

    # 5. the reply check with a draft that says what it should not
    window.open_document("complaint-handbook")
    window.actions_["view.reply_check"].trigger()
    reply = window.panels.reply_check
    assert reply is not None
    entries = window.require_kb().library_rules.avoid_entries()
    avoid = [e.pair.avoid for e in entries[:2]]
    draft = "您好，關於您的退款問題，" + "，".join(avoid) + "。我們會盡快處理。"
    _wait(reply.checked, lambda: reply.editor.setPlainText(draft))
    window.resizeDocks([window.reply_dock], [300], Qt.Orientation.Vertical)
    save(window, "reply-check.png")
    window.actions_["view.reply_check"].trigger()

    # 6. settings
    settings_dialog = SettingsDialog(settings, window)
    settings_dialog.show()
    settings_dialog.adjustSize()
    _settle()
    picture = window.grab()
    _paint_dialog(picture, settings_dialog.grab(), settings_dialog.windowTitle(), window.palette())
    picture.save(str(outdir / "settings.png"))
    written.append(outdir / "settings.png")
    settings_dialog.close()

    # 7. an editor changing a service standard, with the live preview
    from kbdesk.gui.editor import EditorWindow
    from kbdesk.gui.history import HistoryWindow

    settings.set("role", "editor")
    editor = EditorWindow.open_document(window.require_kb(), window.runner, "complaint-handbook",
                                        settings=settings)
    editor.resize(WIDTH, HEIGHT)
    editor.show()
    body = editor.text_edit.toPlainText()
    editor.text_edit.setPlainText(body.replace("24 小時內", "12 小時內", 1))
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(max(0, editor.text_edit.toPlainText().find("12 小時內")))
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.centerCursor()
    _settle(500)  # the preview follows after its pause
    save(editor, "editor.png")

    # 8. history of the document after publishing that change, with the character diff
    changed = editor.text()
    editor.close()
    result = window.require_kb().publishing.publish(
        "complaint-handbook", changed, "一般投訴首次回覆縮短為 12 小時", author="王編輯")
    history = HistoryWindow(window.require_kb(), window.runner, "complaint-handbook", editor=True,
                            author="王編輯")
    history.resize(WIDTH, HEIGHT)
    _wait(history.loaded, history.show)
    _wait(history.diffShown, lambda: history.compare(result.version - 1, result.version))
    save(history, "history-diff.png")
    history.close()
    settings.set("role", "agent")

    written += _team_views(window, outdir, save)

    window.close()
    window.deleteLater()
    return written


def _team_views(window: Any, outdir: Path, save: Callable[[Any, str], None]) -> list[Path]:
    """The team's views: start screen, read receipts, flags in the review list, first run,
    and the agent desk at 1024×640."""
    from kbdesk.gui.joining import JoinDialog
    from kbdesk.gui.review import ReviewPanel

    written: list[Path] = []
    kb = window.kb
    # 9. the start screen: to acknowledge, recently updated with change notes, favourites
    kb.receipts.acknowledge(kb.versions.document_in_force("hotline-standards"), "王小明")
    kb.receipts.acknowledge(kb.versions.document_in_force("refund-policy"), "李美玲")
    for doc_id in ("sop-refund", "phrasing-apology"):
        window.state.set_favourite(doc_id, True)
    window.resize(WIDTH, HEIGHT)
    _wait(window.team_ui.startReady, lambda: window.actions_["go.start"].trigger())
    save(window, "start-screen.png")
    # 10. the supervisor's read receipts
    dialog = window.team_ui.show_receipts()
    assert dialog is not None
    _wait(dialog.loaded)
    dialog.resize(720, 560)
    save(dialog, "read-receipts.png")
    dialog.close()
    # 11. an agent's flag in the editors' review list
    doc = kb.versions.document_in_force("refund-policy")
    assert doc is not None
    section = doc.sections[2]
    kb.team.flags.flag(doc.id, doc.version, "unclear", "到帳天數是工作日還是日曆日？", "李美玲",
                       anchor=section.anchor, section=section.heading)
    review = ReviewPanel(kb, window.runner, settings=window.settings)
    review.resize(960, 360)
    _wait(review.loaded, review.show)
    save(review, "review-flags.png")
    review.close()
    # 12. the first run: join the team's shared library, or use the demo
    join = JoinDialog(first_run=True)
    join.url.setText("//fileserver/客服/知識庫.git")
    join.show()
    save(join, "first-run.png")
    join.close()
    # 13. the agent desk at 1024×640: a procedure checklist beside the reader
    window.resize(1024, 640)
    window.side.search_box.clear()
    procedure = max((d for d in kb.documents() if d.kind.value == "procedure"),
                    key=lambda d: len(d.steps))
    window.open_document(procedure.id)
    save(window, "desk-1024x640.png")
    # 14. the same desk on a common laptop screen, 1366×768
    window.resize(1366, 768)
    save(window, "desk-1366x768.png")
    window.resize(WIDTH, HEIGHT)
    return written


def main(argv: list[str] | None = None) -> int:
    """Render the screenshots into the folder given on the command line."""
    parser = argparse.ArgumentParser(prog="python -m kbdesk.gui.screenshots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--language", default="zh_TW", choices=("zh_TW", "zh_CN", "en"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="kbdesk-shots-") as data:
        os.environ["KBDESK_DATA_DIR"] = data
        os.environ.pop("KBDESK_LIBRARY", None)
        files = render_all(args.outdir.resolve(), args.language)
    for path in files:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
