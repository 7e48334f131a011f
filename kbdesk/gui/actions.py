"""Every action of the app, registered in one place: id, text, shortcuts, menu, toolbar.

The same table feeds the menus, the toolbar, the Help → Keyboard shortcuts window and the tests,
so an action cannot have a shortcut that is not listed, or a menu entry without an id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kbdesk.gui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Actions"


@dataclass(frozen=True)
class ActionSpec:
    """The declaration of one action.

    Attributes:
        id: a stable name, used by code and tests ("search.focus").
        text: the menu text (English source, translated in the ``Actions`` context).
        shortcuts: key sequences, the first one shown in menus.
        menu: the menu it belongs to (see ``MENUS``).
        toolbar: whether it also appears on the toolbar.
        checkable: whether it is an on/off action.
        group: actions sharing a group are mutually exclusive (radio items).
    """

    id: str
    text: str
    shortcuts: tuple[str, ...] = ()
    menu: str = ""
    toolbar: bool = False
    checkable: bool = False
    group: str = ""


MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    ("edit", QT_TRANSLATE_NOOP("Actions", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View")),
    ("go", QT_TRANSLATE_NOOP("Actions", "&Go")),
    ("editor", QT_TRANSLATE_NOOP("Actions", "E&ditor")),  # editors only (gui/editorial_ui.py)
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("library.reload", QT_TRANSLATE_NOOP("Actions", "Reload library"), ("F5",), "file"),
    ActionSpec("index.rebuild", QT_TRANSLATE_NOOP("Actions", "Rebuild search index"),
               ("Ctrl+Shift+F5",), "file"),
    ActionSpec("index.cancel", QT_TRANSLATE_NOOP("Actions", "Stop indexing"), ("Ctrl+.",), "file"),
    ActionSpec("library.problems", QT_TRANSLATE_NOOP("Actions", "Library problems…"),
               ("Ctrl+Shift+P",), "file"),
    ActionSpec("import.files", QT_TRANSLATE_NOOP("Actions", "Import handbooks…"),
               ("Ctrl+Shift+I",), "file"),  # editors only (gui/importwizard.py)
    ActionSpec("import.drafts", QT_TRANSLATE_NOOP("Actions", "Drafts of new documents…"), (),
               "file"),  # editors only (gui/draftlist.py)
    # (File → Export ▸ is filled from the registry of exporters: gui/exporting.py)
    ActionSpec("library.join", QT_TRANSLATE_NOOP("Actions", "Join a shared library…"), (),
               "file"),
    ActionSpec("app.settings", QT_TRANSLATE_NOOP("Actions", "Settings…"), ("Ctrl+,",), "file"),
    ActionSpec("app.quit", QT_TRANSLATE_NOOP("Actions", "Quit"), ("Ctrl+Q",), "file"),
    ActionSpec("search.focus", QT_TRANSLATE_NOOP("Actions", "Go to search box"), ("Ctrl+K",),
               "edit"),
    ActionSpec("find", QT_TRANSLATE_NOOP("Actions", "Find (in the page when reading)"),
               ("Ctrl+F",), "edit"),
    ActionSpec("find.next", QT_TRANSLATE_NOOP("Actions", "Find next"), ("F3",), "edit"),
    ActionSpec("find.previous", QT_TRANSLATE_NOOP("Actions", "Find previous"), ("Shift+F3",),
               "edit"),
    ActionSpec("phrasing.copy", QT_TRANSLATE_NOOP("Actions", "Copy phrasing"),
               ("Ctrl+Shift+C",), "edit", toolbar=True),
    ActionSpec("reader.copy_link", QT_TRANSLATE_NOOP("Actions", "Copy section link"),
               ("Ctrl+Shift+L",), "edit"),
    ActionSpec("reader.flag", QT_TRANSLATE_NOOP("Actions", "Flag section as outdated or unclear…"),
               ("Ctrl+Shift+G",), "edit"),
    ActionSpec("filter.all", QT_TRANSLATE_NOOP("Actions", "All kinds"), ("Alt+1",), "view",
               checkable=True, group="kind"),
    ActionSpec("filter.handbook", QT_TRANSLATE_NOOP("Actions", "Handbooks only"), ("Alt+2",),
               "view", checkable=True, group="kind"),
    ActionSpec("filter.phrasing", QT_TRANSLATE_NOOP("Actions", "Phrasings only"), ("Alt+3",),
               "view", checkable=True, group="kind"),
    ActionSpec("filter.procedure", QT_TRANSLATE_NOOP("Actions", "Procedures only"), ("Alt+4",),
               "view", checkable=True, group="kind"),
    ActionSpec("script.original", QT_TRANSLATE_NOOP("Actions", "Script: as written"),
               ("Ctrl+Alt+0",), "view", checkable=True, group="script"),
    ActionSpec("script.tw", QT_TRANSLATE_NOOP("Actions", "Script: Traditional (Taiwan)"),
               ("Ctrl+Alt+1",), "view", checkable=True, group="script"),
    ActionSpec("script.hk", QT_TRANSLATE_NOOP("Actions", "Script: Traditional (Hong Kong)"),
               ("Ctrl+Alt+2",), "view", checkable=True, group="script"),
    ActionSpec("script.cn", QT_TRANSLATE_NOOP("Actions", "Script: Simplified"),
               ("Ctrl+Alt+3",), "view", checkable=True, group="script"),
    ActionSpec("reader.zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom in"),
               ("Ctrl+=", "Ctrl++"), "view"),
    ActionSpec("reader.zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom out"), ("Ctrl+-",), "view"),
    ActionSpec("reader.zoom_reset", QT_TRANSLATE_NOOP("Actions", "Normal size"), ("Ctrl+0",),
               "view"),
    ActionSpec("view.reply_check", QT_TRANSLATE_NOOP("Actions", "Reply check"),
               ("Ctrl+Shift+R",), "view", toolbar=True, checkable=True),
    ActionSpec("view.contents", QT_TRANSLATE_NOOP("Actions", "Contents pane"), ("Ctrl+Shift+T",),
               "view", checkable=True),
    ActionSpec("view.reset_layout", QT_TRANSLATE_NOOP("Actions", "Reset layout"), (), "view"),
    ActionSpec("team.receipts", QT_TRANSLATE_NOOP("Actions", "Read receipts of the team…"),
               ("Ctrl+Shift+A",), "view"),
    ActionSpec("team.suggestions", QT_TRANSLATE_NOOP("Actions", "Search suggestions…"), (),
               "view"),
    ActionSpec("go.start", QT_TRANSLATE_NOOP("Actions", "Start screen"), ("Alt+Home",), "go",
               toolbar=True),
    ActionSpec("go.back", QT_TRANSLATE_NOOP("Actions", "Back"), ("Alt+Left",), "go",
               toolbar=True),
    ActionSpec("go.forward", QT_TRANSLATE_NOOP("Actions", "Forward"), ("Alt+Right",), "go",
               toolbar=True),
    ActionSpec("go.results", QT_TRANSLATE_NOOP("Actions", "Go to results"), ("Ctrl+J",), "go"),
    ActionSpec("doc.favourite", QT_TRANSLATE_NOOP("Actions", "Add to / remove from favourites"),
               ("Ctrl+D",), "go", toolbar=True),
    ActionSpec("editor.new.handbook", QT_TRANSLATE_NOOP("Actions", "New handbook…"),
               ("Ctrl+N",), "editor"),
    ActionSpec("editor.new.phrasing", QT_TRANSLATE_NOOP("Actions", "New phrasing…"), (),
               "editor"),
    ActionSpec("editor.new.procedure", QT_TRANSLATE_NOOP("Actions", "New procedure…"), (),
               "editor"),
    ActionSpec("editor.edit", QT_TRANSLATE_NOOP("Actions", "Edit current document"),
               ("Ctrl+E",), "editor"),
    ActionSpec("editor.history", QT_TRANSLATE_NOOP("Actions", "History of current document"),
               ("Ctrl+H",), "editor"),
    ActionSpec("editor.review", QT_TRANSLATE_NOOP("Actions", "Review list"), ("Ctrl+Alt+V",),
               "editor"),
    ActionSpec("sync.now", QT_TRANSLATE_NOOP("Actions", "Sync now"), ("F9",), "editor"),
    ActionSpec("help.shortcuts", QT_TRANSLATE_NOOP("Actions", "Keyboard shortcuts"),
               ("F1", "Ctrl+/"), "help"),
    ActionSpec("help.about", QT_TRANSLATE_NOOP("Actions", "About kbdesk"), (), "help"),
)

SPEC_BY_ID: dict[str, ActionSpec] = {spec.id: spec for spec in ACTIONS}

#: Keys that work in one place and are no menu action; F1 lists them with the actions.
KEYS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("Actions", "From the search box into the results"), "Down"),
    (QT_TRANSLATE_NOOP("Actions", "From the first result back to the search box"), "Up"),
    (QT_TRANSLATE_NOOP("Actions", "Open the selected result"), "Enter"),
    (QT_TRANSLATE_NOOP("Actions", "Back to the search box (closes the find bar first)"), "Esc"),
    (QT_TRANSLATE_NOOP("Actions", "Next field / previous field"), "Tab, Shift+Tab"),
)


def translated(text: str) -> str:
    """Return an action or menu text in the UI language."""
    return QCoreApplication.translate(CONTEXT, text)


class ActionRegistry:
    """The QActions of one window, made from ``ACTIONS`` and added to the window.

    Every action is also added to the window itself, so its shortcuts work wherever the focus
    is in the window, menus shown or not.
    """

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}
        groups: dict[str, QActionGroup] = {}
        for spec in ACTIONS:
            action = QAction(translated(spec.text), window)
            action.setObjectName(spec.id)
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(spec.checkable)
            if spec.shortcuts:
                action.setToolTip(f"{translated(spec.text)} ({self.shortcut_text(spec.id)})")
            if spec.group:
                group = groups.setdefault(spec.group, QActionGroup(window))
                group.addAction(action)
            window.addAction(action)
            self.actions[spec.id] = action
        self.groups = groups

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def connect(self, action_id: str, slot: Callable[[], object]) -> None:
        """Run ``slot`` when the action is triggered."""
        self.actions[action_id].triggered.connect(lambda _checked=False: slot())

    def shortcut_text(self, action_id: str) -> str:
        """Return the action's shortcuts as shown to the user."""
        spec = SPEC_BY_ID[action_id]
        return ", ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText)
                         for s in spec.shortcuts)

    def build_menus(self, menubar: QMenuBar) -> dict[str, QMenu]:
        """Fill the menu bar in ``MENUS`` order; return the menus by id."""
        menus = {}
        for menu_id, title in MENUS:
            menu = menubar.addMenu(translated(title))
            menu.setObjectName(f"menu.{menu_id}")
            menus[menu_id] = menu
            previous_group = None
            for spec in ACTIONS:
                if spec.menu != menu_id:
                    continue
                if spec.group != previous_group and menu.actions():
                    menu.addSeparator()
                previous_group = spec.group
                menu.addAction(self.actions[spec.id])
        return menus

    def build_toolbar(self, toolbar: QToolBar) -> None:
        """Add the toolbar actions."""
        for spec in ACTIONS:
            if spec.toolbar:
                toolbar.addAction(self.actions[spec.id])


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts: every action with its shortcuts, from the registry."""

    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [(translated(spec.text).replace("&", ""), registry.shortcut_text(spec.id))
                for spec in ACTIONS if spec.shortcuts]
        rows += [(translated(text), QKeySequence(keys).toString(
            QKeySequence.SequenceFormat.NativeText) if "," not in keys else keys)
                 for text, keys in KEYS]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 560)
