"""The reader never stalls on a costly page (issue 16: 19,800 characters of ``<x `` held the UI
thread 3-9 s every time the page opened).

A timer ticking every 10 ms on the UI thread records when it ran while the page opens; the
largest gap between ticks (and from the call to the first tick, and from the last tick to the
page being shown in full) is how long the UI thread was busy at once. Only the opening is
measured: from the call that opens the page until its last line is in the browser.
"""

from __future__ import annotations

import html
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kbdesk.core.library.parse import build_document
from kbdesk.core.library.renderguard import PLAIN_NOTE
from kbdesk.gui.reader import PLAIN_LINES_PER_TURN, RENDER_INLINE_CHARS, ReaderView
from kbdesk.gui.tasks import TaskRunner
from tests.conftest import doc

#: the longest the UI thread may be busy at once while a page opens
MAX_STALL_SECONDS = 0.100

COSTLY_PAGES = {
    "start tags": "<x " * 6600,  # 19,800 characters: under the reader's character limit
    "autolinks": "<http://a" * 2200,
    "setext underlines": "=\n" * 9900,
}


class StallProbe:
    """Records the UI thread's largest gap between 10 ms ticks, from start() to stop()."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.times: list[float] = []

    def _tick(self) -> None:
        self.times.append(time.perf_counter())

    def start(self) -> None:
        self.times = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> None:
        self.times.append(time.perf_counter())
        self.timer.stop()

    @property
    def largest_gap(self) -> float:
        return max(later - earlier for earlier, later in zip(self.times, self.times[1:], strict=False))


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.mark.solo  # measured with no other test of the session alongside (tests/suite.py)
@pytest.mark.parametrize("name", sorted(COSTLY_PAGES))
def test_opening_a_costly_page_never_stalls_the_reader(qtbot: QtBot, runner: TaskRunner,
                                                        name: str) -> None:
    body = COSTLY_PAGES[name]
    assert len(body) <= RENDER_INLINE_CHARS  # the old guard, counting characters, let it in
    docs = {
        "costly": build_document("costly.md", doc("難頁", id="costly", body=body)),
        "short": build_document("short.md", doc("短頁", id="short", body="## 結尾\n\n完。\n")),
    }
    reader = ReaderView(lambda doc_id: docs[doc_id])
    qtbot.addWidget(reader)
    reader.runner = runner
    reader.resize(900, 700)
    reader.show()
    reader.show_document("short")  # the reader is warm, as it is after the first page
    qtbot.waitExposed(reader, timeout=30_000)
    in_batches = body.count("\n") > PLAIN_LINES_PER_TURN
    completed: list[bool] = []
    reader.plainPageShown.connect(lambda: completed.append(True))
    probe = StallProbe()
    for _round in range(2):  # every time it opens, not only the first
        completed.clear()
        with qtbot.waitSignal(reader.pageRendered, timeout=30_000) as shown:
            probe.start()
            reader.show_document("costly")
        if in_batches:  # a long plain page: its lines arrive a batch per event-loop turn
            qtbot.waitUntil(lambda: bool(completed), timeout=30_000)
        probe.stop()
        assert shown.args == ["costly"]
        assert probe.largest_gap < MAX_STALL_SECONDS, (name, probe.largest_gap)
        assert html.escape(PLAIN_NOTE) in reader.html  # shown as written, with the note
        shown_text = reader.browser.toPlainText()
        assert shown_text.endswith(body.rstrip("\n")[-200:])  # every line, to the last
        assert shown_text.count("\n") >= body.count("\n")
        assert "難頁" == reader.title_label.text()
        reader.show_document("short")
        assert "完。" in reader.html


def test_a_plain_page_still_arriving_stops_when_another_page_opens(qtbot: QtBot,
                                                                   runner: TaskRunner) -> None:
    body = "=\n" * 9900
    docs = {
        "costly": build_document("costly.md", doc("難頁", id="costly", body=body)),
        "short": build_document("short.md", doc("短頁", id="short", body="## 結尾\n\n完。\n")),
    }
    reader = ReaderView(lambda doc_id: docs[doc_id])
    qtbot.addWidget(reader)
    reader.runner = runner
    completed: list[bool] = []
    reader.plainPageShown.connect(lambda: completed.append(True))
    with qtbot.waitSignal(reader.pageRendered, timeout=30_000):
        reader.show_document("costly")
    reader.show_document("short")  # before the first batch of further lines arrives
    turns = [0]  # let the event loop turn more often than there are batches (33)
    ticker = QTimer()
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    ticker.start()
    qtbot.waitUntil(lambda: turns[0] >= 4 * len(body.split("\n")) // PLAIN_LINES_PER_TURN,
                    timeout=30_000)
    ticker.stop()
    assert not completed
    assert "完。" in reader.browser.toPlainText()
    assert "=\n=" not in reader.browser.toPlainText()
