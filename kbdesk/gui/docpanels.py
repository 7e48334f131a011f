"""The panel beside the reader: phrasings with copy buttons, or a procedure's checklist.

It also makes the reply-check panel for the window's dock. The widgets themselves live in
``phrasings``, ``checklist`` and ``replycheck``; this module only chooses which one to show for
the open document and routes the window's commands (copy, script, section) to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QStackedWidget, QWidget

from kbdesk.core import Document, Kind, Phrasing, Settings
from kbdesk.gui.checklist import ChecklistPanel
from kbdesk.gui.phrasings import PhrasingPanel, copy_phrasing
from kbdesk.gui.replycheck import ReplyCheckPanel


def pick_phrasing(doc: Document, anchor: str) -> Phrasing | None:
    """Return the phrasing at ``anchor``, else the first phrasing with text to copy."""
    phrasings = doc.phrasings
    for phrasing in phrasings:
        if phrasing.anchor == anchor and phrasing.variants:
            return phrasing
    return next((p for p in phrasings if p.variants), None)


class DocPanels(QStackedWidget):
    """Shows the ``PhrasingPanel`` for phrasings, the ``ChecklistPanel`` for procedures, and
    hides itself for handbooks."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("docPanels")
        self.settings = settings
        self.phrasing_panel = PhrasingPanel(settings, self)
        self.checklist_panel = ChecklistPanel(parent=self)
        self.addWidget(self.phrasing_panel)
        self.addWidget(self.checklist_panel)
        self.reply_check: ReplyCheckPanel | None = None
        self.document: Document | None = None
        self.script = "original"
        self.hide()

    def make_reply_check(self, entries: Callable[[], list[Any]]) -> ReplyCheckPanel:
        """Create the reply-check panel (the window puts it in a dock)."""
        self.reply_check = ReplyCheckPanel(entries)
        self.reply_check.setObjectName("replyCheck")
        return self.reply_check

    def reload_entries(self) -> None:
        """The library changed: the reply check must read the avoid lists again."""
        if self.reply_check is not None:
            self.reply_check.reload_entries()

    def focus_reply_check(self) -> None:
        """Put the focus in the reply check's draft editor."""
        if self.reply_check is not None:
            self.reply_check.editor.setFocus()

    def set_document(self, doc: Document, script: str, anchor: str = "") -> None:
        """Show the panel that fits the document's kind."""
        self.document = doc
        self.script = script
        if doc.kind is Kind.PHRASING:
            self.phrasing_panel.set_document(doc, script)
            if anchor:
                self.phrasing_panel.show_phrasing(anchor)
            self.setCurrentWidget(self.phrasing_panel)
            self.show()
        elif doc.kind is Kind.PROCEDURE:
            if self.checklist_panel.document is None or self.checklist_panel.document.id != doc.id:
                self.checklist_panel.set_document(doc, script)
            self.setCurrentWidget(self.checklist_panel)
            self.show()
        else:
            self.hide()

    def set_script(self, script: str) -> None:
        """Show the panels' text in another script."""
        self.script = script
        if self.reply_check is not None:
            self.reply_check.set_script(None if script == "original" else script)
        doc = self.document
        if doc is None:
            return
        if doc.kind is Kind.PHRASING:
            current = self.phrasing_panel.current_anchor()
            self.phrasing_panel.set_document(doc, script)
            if current:
                self.phrasing_panel.show_phrasing(current)
        elif doc.kind is Kind.PROCEDURE:
            self.checklist_panel.set_script(script)

    def follow_section(self, anchor: str) -> None:
        """The reader moved to another section: make its phrasing the current one."""
        if self.document is not None and self.document.kind is Kind.PHRASING and anchor:
            self.phrasing_panel.show_phrasing(anchor)

    def copy_phrasing(self, doc: Document, anchor: str, script: str) -> str | None:
        """Copy the phrasing at ``anchor`` of ``doc`` (or its first one); None when there is
        nothing to copy or the agent cancelled the fill-in form."""
        if doc.kind is not Kind.PHRASING:
            return None
        phrasing = pick_phrasing(doc, anchor)
        if phrasing is None:
            return None
        return copy_phrasing(self, phrasing.variants[0], self.settings, script)
