"""Team views: the supervisor's read receipts (a table per ``ack_required`` document, export to
CSV), the dialog agents flag a section with, and the start screen shown instead of a blank
reader. Data comes from the ``KnowledgeBase`` facade, read on the task runner.

Signals of :class:`ReceiptsDialog`:
    loaded(): the table shows the receipts known after the last sync.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import KbError, atomic_write_text, convert_script
from kbdesk.gui.i18n import QT_TRANSLATE_NOOP
from kbdesk.gui.notices import show_error
from kbdesk.gui.reader import section_link
from kbdesk.gui.tasks import TaskRunner

log = logging.getLogger(__name__)

READ_COLOUR, NOT_READ_COLOUR = QColor("#2e7d32"), QColor("#c62828")



def lay_out_list(dialog: QDialog, summary: QWidget, tree: QWidget, action: QWidget,
                 reload: Callable[[], object]) -> None:
    """The layout of a team list: its summary line, the list, then its action (a button, or a
    row of them), Refresh and Close."""
    refresh = QPushButton(dialog.tr("Refresh"), dialog)
    refresh.clicked.connect(reload)
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    close.rejected.connect(dialog.reject)
    buttons = QHBoxLayout()
    buttons.addWidget(action)
    buttons.addWidget(refresh)
    buttons.addStretch(1)
    buttons.addWidget(close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(summary)
    layout.addWidget(tree, 1)
    layout.addLayout(buttons)

class ReceiptsDialog(QDialog):
    """Who has read the version in force of each ``ack_required`` document (supervisors).

    Where the library has a roster (``team.yaml``): one group per team group, one row per
    person and document not yet read, most overdue first (:attr:`groups`). Without one: one
    group per document (title, version, read count), one row per agent the team knows.
    """

    loaded = Signal()

    def __init__(self, kb: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.runner = kb, runner
        self.table_data: list[Any] = []
        #: the per-group rows (group -> ``MissingRow`` list) where there is a roster, else None
        self.groups: dict[str, list[Any]] | None = None
        self.setWindowTitle(self.tr("Read receipts of the team"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("receiptsTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Document / agent"), self.tr("Read"),
                                   self.tr("When")])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.clicked.connect(self._ask_export)
        lay_out_list(self, self.summary, self.tree, self.export_button, self.reload)
        #: what was wrong with other workstations' records at the last sync (forged, refused,
        #: past their bound): the figures leave those out
        self.warnings = QLabel(self)
        self.warnings.setObjectName("teamRecordWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8a4b00;")
        self.warnings.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.warnings)
        self.resize(640, 520)
        self.reload()

    def reload(self) -> None:
        """Read the receipts again (off the UI thread)."""
        self.summary.setText(self.tr("Loading…"))
        kb = self.kb

        def read(_p: object, _c: object) -> tuple[list[Any], Any, dict[str, str], list[str]]:
            table = kb.reading.ack_table()
            groups = kb.team.missing_by_group(table) if kb.team.roster() is not None else None
            return table, groups, kb.sync.sync_state(), kb.team.problems()

        task = self.runner.submit(read, name="receipts", owner=self)
        task.succeeded.connect(self._loaded)
        task.failed.connect(lambda error: show_error(self, error))

    def _loaded(self, result: tuple[list[Any], Any, dict[str, str], list[str]]) -> None:
        table, self.groups, state, problems = result
        self.warnings.setText("\n".join(
            self.tr("Not counted: %1").replace("%1", problem) for problem in problems[:10]))
        self.warnings.setVisible(bool(problems))
        self.table_data = table
        self.tree.clear()
        since = state.get("last_synced") or self.tr("never")
        if self.groups is not None:
            self._show_groups(self.groups, len(table), since)
            return
        self.tree.setHeaderLabels([self.tr("Document / agent"), self.tr("Read"),
                                   self.tr("When")])
        for status in table:
            total = len(status.read) + len(status.not_read)
            top = QTreeWidgetItem([
                f"{status.title}  v{status.version}",
                self.tr("%1 of %2").replace("%1", str(len(status.read))).replace("%2",
                                                                                 str(total)),
                "",
            ])
            top.setData(0, Qt.ItemDataRole.UserRole, status.doc_id)
            for agent, when in sorted(status.read.items()):
                how = self.tr("read on paper") if agent in status.paper else self.tr("read")
                child = QTreeWidgetItem([agent, how, when[:16].replace("T", " ")])
                child.setForeground(1, QBrush(READ_COLOUR))
                top.addChild(child)
            for agent in status.not_read:
                child = QTreeWidgetItem([agent, self.tr("not read"), ""])
                child.setForeground(1, QBrush(NOT_READ_COLOUR))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.summary.setText(
            self.tr("%1 document(s) to acknowledge; receipts of every workstation known after "
                    "the last sync (%2).").replace("%1", str(len(table))).replace("%2", since))
        self.export_button.setEnabled(bool(table))
        self.loaded.emit()

    def _show_groups(self, groups: dict[str, list[Any]], documents: int, since: str) -> None:
        """One group per team group: who has not read which version, most overdue first."""
        self.tree.setHeaderLabels([self.tr("Group / person · document"), self.tr("Overdue"),
                                   self.tr("Due")])
        for group, rows in groups.items():
            late = sum(1 for row in rows if row.overdue)
            top = QTreeWidgetItem([
                group or self.tr("(no group)"),
                self.tr("%1 not read, %2 overdue").replace("%1", str(len(rows)))
                .replace("%2", str(late)),
                "",
            ])
            for row in rows:
                overdue = (self.tr("%1 day(s)").replace("%1", str(row.overdue)) if row.overdue
                           else self.tr("not yet") if row.due else "—")
                child = QTreeWidgetItem([
                    f"{row.name} · {row.title}  v{row.version}", overdue,
                    row.due.isoformat() if row.due else ""])
                child.setData(0, Qt.ItemDataRole.UserRole, row.doc_id)
                if row.overdue:
                    child.setForeground(1, QBrush(NOT_READ_COLOUR))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.summary.setText(
            self.tr("%1 document(s) to acknowledge; who in team.yaml has not read the version "
                    "in force, per group, most overdue first; receipts known after the last "
                    "sync (%2).").replace("%1", str(documents)).replace("%2", since))
        self.export_button.setEnabled(bool(groups))
        self.loaded.emit()

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as shown: (document or agent, read, when), groups then their agents."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            out.append((top.text(0), top.text(1), top.text(2)))
            for j in range(top.childCount()):
                child = top.child(j)
                assert child is not None
                out.append((child.text(0), child.text(1), child.text(2)))
        return out

    def export_csv(self, path: Path) -> None:
        """Write the view as CSV: per group (group, name, account, role, doc_id, version,
        title, due, days_overdue) where there is a roster, else per document (doc_id, version,
        title, agent, read, time, days_overdue); cells are safe to open in a spreadsheet."""
        team = self.kb.team
        text = (team.missing_csv(self.table_data) if self.groups is not None
                else team.ack_table_csv(self.table_data))
        atomic_write_text(path, text)

    def _ask_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export read receipts"), "read-receipts.csv", self.tr("CSV (*.csv)"))
        if not name:
            return
        try:
            self.export_csv(Path(name))
        except OSError as exc:
            show_error(self, str(exc))


class FlagDialog(QDialog):
    """Flag a section as outdated or unclear, with a short comment for the editors."""

    def __init__(self, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Flag this section"))
        self.outdated = QRadioButton(self.tr("Outdated"), self)
        self.unclear = QRadioButton(self.tr("Unclear"), self)
        self.outdated.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.outdated)
        group.addButton(self.unclear)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("flagComment")
        self.comment.setPlaceholderText(self.tr("What is wrong, in a few words"))
        self.comment.setMaxLength(500)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Flag"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        kinds = QHBoxLayout()
        kinds.addWidget(self.outdated)
        kinds.addWidget(self.unclear)
        kinds.addStretch(1)
        layout = QVBoxLayout(self)
        label = QLabel(where, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addLayout(kinds)
        layout.addWidget(self.comment)
        hint = QLabel(self.tr("The editors see it in their review list with the version you "
                              "are reading; only your name and this workstation's name are "
                              "shared."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.comment.setFocus()

    def kind(self) -> str:
        """``outdated`` or ``unclear``."""
        return "unclear" if self.unclear.isChecked() else "outdated"


START_TEXTS = (
    QT_TRANSLATE_NOOP("StartScreen", "To acknowledge"),
    QT_TRANSLATE_NOOP("StartScreen", "Nothing to acknowledge."),
    QT_TRANSLATE_NOOP("StartScreen", "Recently updated"),
    QT_TRANSLATE_NOOP("StartScreen", "No document changed in the last 30 days."),
    QT_TRANSLATE_NOOP("StartScreen", "Favourites"),
    QT_TRANSLATE_NOOP("StartScreen", "No favourites yet: press Ctrl+D on a document."),
    QT_TRANSLATE_NOOP("StartScreen", "overdue by %1 day(s)"),
    QT_TRANSLATE_NOOP("StartScreen", "read by %1"),
)


def _start_tr(text: str) -> str:
    return QCoreApplication.translate("StartScreen", text)


def start_html(page: Any, script: str, tr: Any = _start_tr) -> str:
    """The start screen as HTML: documents to acknowledge, recently updated, favourites.

    Args:
        page: a ``StartPage`` from the core.
    """

    def link(item: Any) -> str:
        title = html.escape(convert_script(item.title, script))
        return f'<a href="{section_link(item.doc_id, "")}">{title}</a> · v{item.version}'

    def deadline(item: Any) -> str:  # the agent's own overdue ones come first (the core sorts)
        if getattr(item, "overdue", None):
            late = html.escape(tr("overdue by %1 day(s)").replace("%1", str(item.overdue)))
            return f' · <b style="color:#c62828">{late}</b>'
        if getattr(item, "due", None):
            return " · " + html.escape(tr("read by %1").replace("%1", item.due.isoformat()))
        return ""

    parts = [f"<h2>{html.escape(tr('To acknowledge'))}</h2>"]
    if page.to_acknowledge:
        parts.append("<ul>" + "".join(f"<li>{link(i)}{deadline(i)}</li>"
                                      for i in page.to_acknowledge) + "</ul>")
    else:
        parts.append(f"<p>{html.escape(tr('Nothing to acknowledge.'))}</p>")
    parts.append(f"<h2>{html.escape(tr('Recently updated'))}</h2>")
    if page.updated:
        rows = []
        for item in page.updated:
            day = item.date.isoformat() if item.date else ""
            note = html.escape(convert_script(item.note, script))
            rows.append(f"<li>{link(item)} · {day}<br/><i>{note}</i></li>")
        parts.append("<ul>" + "".join(rows) + "</ul>")
    else:
        parts.append(f"<p>{html.escape(tr('No document changed in the last 30 days.'))}</p>")
    parts.append(f"<h2>{html.escape(tr('Favourites'))}</h2>")
    if page.favourites:
        parts.append("<ul>" + "".join(f"<li>{link(i)}</li>" for i in page.favourites)
                     + "</ul>")
    else:
        parts.append(f"<p>{html.escape(tr('No favourites yet: press Ctrl+D on a document.'))}"
                     "</p>")
    return "\n".join(parts)


def flag_section(parent: QWidget, kb: Any, doc: Any, anchor: str, agent: str,
                 ask: Any = None, runner: TaskRunner | None = None) -> Any:
    """Ask for a flag on a section of ``doc`` and record it; return the flag (None if not).

    Args:
        ask: replaces the dialog (tests): called with the dialog, returns True to accept.
        runner: record it off the UI thread, in order with the workstation's other small
            writes (the team's records file): the task is returned (its result is the flag;
            a refusal is shown to ``parent``).
    """
    if not agent.strip():
        show_error(parent, KbError(QCoreApplication.translate(
            "FlagDialog", "Set your name in Settings first: flags carry the name of who raised "
            "them.")))
        return None
    section = next((s.heading for s in doc.sections if s.anchor == anchor), doc.title)
    dialog = FlagDialog(f"{doc.title} › {section} (v{doc.version})", parent)
    try:
        accepted = ask(dialog) if ask is not None else dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted:
            return None
        kind, comment = dialog.kind(), dialog.comment.text()
        if runner is not None:
            task = runner.submit(
                lambda _p, _c: kb.team.flags.flag(doc.id, doc.version, kind, comment, agent,
                                                  anchor=anchor, section=section),
                name="flag", ordered=True, owner=parent)
            task.failed.connect(lambda error: show_error(parent, error))
            return task
        return kb.team.flags.flag(doc.id, doc.version, kind, comment, agent, anchor=anchor,
                                  section=section)
    except KbError as exc:
        show_error(parent, exc)
        return None
    finally:
        dialog.deleteLater()
