"""A procedure as a checklist with a running timer for the case in hand.

The ticks and the timer are a :class:`kbdesk.core.library.checklist.ChecklistRun`: they belong
to the agent's session and are never written into the document. A step whose limit passes
before it is ticked turns red and a warning banner names it.

Signals of :class:`ChecklistPanel`:
    limit_passed(int): a step's limit passed before it was ticked (once per step and run).
    step_toggled(int, bool): a step was ticked (True) or unticked (False).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import (
    ChecklistRun,
    Document,
    StepState,
    StepStatus,
    Timer,
    WorkingCalendar,
    convert_script,
    format_duration,
)

log = logging.getLogger(__name__)

OVERDUE_COLOR = QColor("#c62828")
DUE_SOON_COLOR = QColor("#e65100")
DONE_COLOR = QColor("#2e7d32")
_Index = QModelIndex | QPersistentModelIndex


class ChecklistModel(QAbstractTableModel):
    """The steps of a run as a table: step (checkable), role, limit, time left.

    Signals:
        step_toggled(int, bool): a step was ticked or unticked through the model.
    """

    step_toggled = Signal(int, bool)
    COLUMNS = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.run: ChecklistRun | None = None
        self.script = "original"

    def set_run(self, run: ChecklistRun | None, script: str = "original") -> None:
        """Show another run."""
        self.beginResetModel()
        self.run = run
        self.script = script
        self.endResetModel()

    def refresh(self) -> None:
        """Tell views every row may have changed (the clock moved)."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.COLUMNS - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.run is None:
            return 0
        return len(self.run.steps)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Step"), self.tr("Role"), self.tr("Limit"), self.tr("Time"))
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def status(self, row: int) -> StepStatus:
        """The state of the step on one row."""
        assert self.run is not None
        return self.run.status(self.run.steps[row])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.run is None or index.row() >= len(self.run.steps):
            return None
        status = self.status(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(status, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            done = status.state is StepState.DONE
            return Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self._color(status)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.FontRole and status.state is StepState.OVERDUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._display(status, 3) or None
        return None

    def _display(self, status: StepStatus, column: int) -> str:
        step = status.step
        if column == 0:
            return f"{step.number}. {convert_script(step.title, self.script)}"
        if column == 1:
            return convert_script(step.role, self.script) or "—"
        if column == 2:
            return convert_script(step.limit_text, self.script) or "—"
        if column != 3:
            return ""
        if status.state is StepState.DONE:
            if status.done_at is None:
                return self.tr("Done")
            text = self.tr("Done at {time}").format(time=format_duration(status.done_at))
            return text + (" " + self.tr("(late)") if status.late else "")
        if status.remaining is None:
            return ""
        if status.state is StepState.OVERDUE:
            return self.tr("Overdue by {time}").format(time=format_duration(-status.remaining))
        return self.tr("{time} left").format(time=format_duration(status.remaining))

    @staticmethod
    def _color(status: StepStatus) -> QColor | None:
        if status.state is StepState.OVERDUE or status.late:
            return OVERDUE_COLOR
        if status.state is StepState.DUE_SOON:
            return DUE_SOON_COLOR
        if status.state is StepState.DONE:
            return DONE_COLOR
        return None

    def setData(self, index: _Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (self.run is None or not index.isValid() or index.column() != 0
                or role != Qt.ItemDataRole.CheckStateRole):
            return False
        raw = value.value if isinstance(value, Qt.CheckState) else value
        checked = int(raw) == Qt.CheckState.Checked.value
        step = self.run.steps[index.row()]
        if checked:
            self.run.tick(step)
        else:
            self.run.untick(step)
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), self.COLUMNS - 1))
        self.step_toggled.emit(step.number, checked)
        return True


class ChecklistPanel(QWidget):
    """A procedure's steps as a checklist, with Start / Reset and a running timer.

    Args:
        clock: returns monotonic seconds (tests pass a fake one).
        interval_ms: how often the display is brought up to date while the timer runs.

    Signals:
        limit_passed(int): a step's limit passed before it was ticked (once per step and run).
        step_toggled(int, bool): a step was ticked or unticked.
    """

    limit_passed = Signal(int)
    step_toggled = Signal(int, bool)

    def __init__(self, clock: Timer = time.monotonic, parent: QWidget | None = None,
                 interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.clock = clock
        #: working days and holidays of the library (set when the library is open)
        self.calendar: WorkingCalendar | None = None
        #: the library's clock (``kb.clock.now``): limits in working days count from it
        self.wall: Callable[[], dt.datetime] | None = None
        self.run: ChecklistRun | None = None
        self.document: Document | None = None
        self._warned: set[int] = set()
        self.model = ChecklistModel(self)
        self.model.step_toggled.connect(self._on_toggled)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.refresh)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.elapsed_label = QLabel(format_duration(0))
        font = self.elapsed_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.elapsed_label.setFont(font)
        self.elapsed_label.setToolTip(self.tr("Time since Start"))
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Start the timer for this case"))
        self.start_button.clicked.connect(self.start)
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Clear the ticks and the timer for the next case"))
        self.reset_button.clicked.connect(self.reset)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #c62828; color: white; padding: 6px; font-weight: bold; }")
        self.banner.hide()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        # step and role share the width and wrap; limit and time keep their text: every
        # column fits a narrow panel (1024×640) without scrolling sideways
        header.setMinimumSectionSize(36)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.sectionResized.connect(lambda *_a: self.view.resizeRowsToContents())

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.elapsed_label)
        top.addWidget(self.start_button)
        top.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        self._update_controls()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self.view.resizeRowsToContents)  # wrapped step names

    def set_library(self, calendar: WorkingCalendar, wall: Callable[[], dt.datetime]) -> None:
        """Count limits by the open library's working days and clock (``kb.clock.now``)."""
        self.calendar = calendar
        self.wall = wall

    def set_document(self, doc: Document | None, script: str = "original") -> None:
        """Show a procedure's steps (a fresh run; none for other kinds). The library's clock
        must be set first (:meth:`set_library`)."""
        if self.wall is None:
            raise RuntimeError("the checklist panel shows a document only once a library's "
                               "clock is set (set_library)")
        self.timer.stop()
        self.document = doc
        self.run = ChecklistRun(doc.steps if doc is not None else (), self.clock,
                                calendar=self.calendar, wall=self.wall)
        self._warned.clear()
        self.model.set_run(self.run, script)
        if doc is None:
            self.title.setText("")
        elif not self.run.steps:
            self.title.setText(self.tr("This document has no steps."))
        else:
            self.title.setText(f"<b>{convert_script(doc.title, script)}</b>")
        self.refresh()
        self.view.resizeRowsToContents()  # long step names wrap instead of being cut

    def set_script(self, script: str) -> None:
        """Show the steps in another display script; ticks and timer carry on."""
        self.model.set_run(self.run, script)
        doc = self.document
        if doc is not None and self.run is not None and self.run.steps:
            self.title.setText(f"<b>{convert_script(doc.title, script)}</b>")
        self.refresh()
        self.view.resizeRowsToContents()

    def start(self) -> None:
        """Start the timer for the case in hand."""
        if self.run is None or not self.run.steps:
            return
        self.run.start()
        self.timer.start()
        self.refresh()

    def reset(self) -> None:
        """Clear ticks, timer and warnings for the next case."""
        self.timer.stop()
        if self.run is not None:
            self.run.reset()
        self._warned.clear()
        self.refresh()

    def _on_toggled(self, number: int, done: bool) -> None:
        self.step_toggled.emit(number, done)
        self.refresh()

    def refresh(self) -> None:
        """Bring the elapsed time, the steps' times and the warning up to date."""
        run = self.run
        self.model.refresh()
        overdue = run.overdue() if run is not None else []
        elapsed = run.elapsed() if run is not None else 0.0
        self.elapsed_label.setText(format_duration(elapsed))
        color = OVERDUE_COLOR.name() if overdue else ""
        self.elapsed_label.setStyleSheet(f"color: {color};" if color else "")
        if overdue:
            names = "、".join(f"{s.number}. {convert_script(s.title, self.model.script)}"
                             for s in overdue)
            self.banner.setText("⚠ " + self.tr("Time limit passed: {steps}").format(steps=names))
            self.banner.show()
        else:
            self.banner.hide()
        for step in overdue:
            if step.number not in self._warned:
                self._warned.add(step.number)
                log.info("step %d passed its limit", step.number)
                self.limit_passed.emit(step.number)
        if run is not None and run.complete and self.timer.isActive():
            self.timer.stop()
        elif run is not None and run.started and not run.complete and not self.timer.isActive():
            self.timer.start()
        self._update_controls()

    def overdue_text(self) -> str:
        """The warning banner's text ("" when nothing is overdue)."""
        return self.banner.text() if not self.banner.isHidden() else ""

    def _update_controls(self) -> None:
        has_steps = self.run is not None and bool(self.run.steps)
        started = self.run is not None and self.run.started
        self.start_button.setEnabled(has_steps and not started)
        self.reset_button.setEnabled(has_steps)
