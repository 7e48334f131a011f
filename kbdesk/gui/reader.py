"""The reader: one document rendered in a QTextBrowser with its contents, header and history.

Opening a hit scrolls to its section and highlights the matched words. The reader keeps a
back/forward history of (document, section), finds text in the page, zooms, copies a section's
link (``kbdesk://doc/<id>#<anchor>``) and re-renders in another display script on request.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kbdesk.core import Document, Status, convert_script, is_quick_to_render, render
from kbdesk.gui.results import found_as_label, kind_label, mark_colours
from kbdesk.gui.tasks import TaskRunner

log = logging.getLogger(__name__)

LINK_SCHEME = "kbdesk"
#: a page whose Markdown is longer is rendered on a worker thread; a shorter one is too when
#: the core predicts its rendering takes more than a frame (``is_quick_to_render``: work
#: counted, not characters, since a short page can be costly)
RENDER_INLINE_CHARS = 20_000
ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1
#: a page the core shows as plain text goes into the browser this many lines at a time, a batch
#: per turn of the event loop: Qt lays out about 10 µs a line, so thousands at once would stall
PLAIN_LINES_PER_TURN = 300
_PLAIN_PAGE_RE = re.compile(r'(.*?<pre class="kb-plain">)(.*)</pre>\s*', re.DOTALL)


def section_link(doc_id: str, anchor: str) -> str:
    """Return the link of a document's section."""
    link = f"{LINK_SCHEME}://doc/{quote(doc_id, safe='/')}"
    return f"{link}#{quote(anchor, safe='')}" if anchor else link


def parse_link(url: QUrl) -> tuple[str, str] | None:
    """Return (doc_id, anchor) of a ``kbdesk://doc/...`` link, or None."""
    if url.scheme() != LINK_SCHEME or url.host() != "doc":
        return None
    return unquote(url.path().lstrip("/")), unquote(url.fragment())


@dataclass(frozen=True)
class Place:
    """A place in the reader's history."""

    doc_id: str
    anchor: str


def document_stylesheet(palette: QPalette) -> str:
    """The style of rendered documents: highlights, bordered tables, quotes."""
    background, foreground = mark_colours(palette)
    line = palette.color(QPalette.ColorRole.Mid).name()
    header = palette.color(QPalette.ColorRole.AlternateBase).name()
    return (
        f".hl {{ background-color: {background.name()}; color: {foreground.name()}; }}\n"
        f"th {{ background-color: {header}; }}\n"
        f"td, th {{ border: 1px solid {line}; padding: 4px; }}\n"
        "blockquote { margin-left: 12px; }\n"
    )


def show_html(browser: QTextBrowser, page: str) -> None:
    """Show rendered Markdown in a text browser the way the reader does (tables, highlights).

    QTextBrowser ignores CSS table spacing, so tables get their spacing as attributes.
    """
    page = page.replace("<table>", '<table cellspacing="0" cellpadding="4" width="100%">')
    browser.document().setDefaultStyleSheet(document_stylesheet(browser.palette()))
    browser.setHtml(page)


def _plain_batches(page: str) -> list[str]:
    """A page the core shows as plain text, as a first part (the note and the first lines) and
    the further lines in batches; [] for any other page."""
    match = _PLAIN_PAGE_RE.fullmatch(page)
    if match is None:
        return []
    lines = match.group(2).split("\n")
    if len(lines) <= PLAIN_LINES_PER_TURN:
        return []
    step = PLAIN_LINES_PER_TURN
    batches = ["\n".join(lines[i : i + step]) for i in range(0, len(lines), step)]
    return [match.group(1) + batches[0] + "</pre>", *batches[1:]]


class ReaderView(QWidget):
    """Shows one document.

    Args:
        load: returns a document by id (a wrapper of ``KnowledgeBase.document``).

    Signals:
        documentShown(str doc_id, str anchor): a document was shown (or re-shown).
        pageRendered(str doc_id): its page is in the browser (later, for a long page).
        plainPageShown(): the last lines of a long page shown as plain text were added.
        historyChanged(): back/forward availability may have changed.
        sectionChanged(str anchor): the section at the top of the page changed.
        openRequested(str doc_id, str anchor): a link to another document was clicked.
        escapePressed(): Esc was pressed in the reader with no find bar to close.
    """

    documentShown = Signal(str, str)
    pageRendered = Signal(str)
    plainPageShown = Signal()
    escapePressed = Signal()
    historyChanged = Signal()
    sectionChanged = Signal(str)
    openRequested = Signal(str, str)

    def __init__(self, load: Callable[[str], Document], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self.document: Document | None = None
        self.script = "original"
        self.terms: list[str] = []
        self.zoom = 0
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self._anchors: list[tuple[str, int]] = []
        self._section = ""
        self.html = ""  # the last rendered page, before Qt-specific touches
        #: renders long pages off the UI thread (set by the window; None renders inline)
        self.runner: TaskRunner | None = None
        #: the day a document's version came into force (``KnowledgeBase.updated_on``)
        self.updated_on: Callable[[Document], dt.date | None] | None = None
        #: what ``updated_on`` answered, by (document, version): it reads the version history,
        #: so with a runner it is asked on a worker and the header gains the date when it comes
        self._updated_days: dict[tuple[str, int], dt.date | None] = {}
        self._asking: set[tuple[str, int]] = set()
        self._render_serial = 0
        self.found_as = ""  # the expansion the search found the open page through

        self.title_label = QLabel(self)
        self.title_label.setObjectName("readerTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = QLabel(self)
        self.meta_label.setObjectName("readerMeta")
        self.meta_label.setWordWrap(True)

        self.toc_model = QStandardItemModel(self)
        self.toc = QTreeView(self)
        self.toc.setObjectName("toc")
        self.toc.setModel(self.toc_model)
        self.toc.setHeaderHidden(True)
        self.toc.setUniformRowHeights(True)
        self.toc.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.toc.activated.connect(self._toc_activated)
        self.toc.clicked.connect(self._toc_activated)

        self.browser = QTextBrowser(self)
        self.browser.setObjectName("readerBrowser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link_clicked)
        self.browser.verticalScrollBar().valueChanged.connect(self._scrolled)

        self.find_bar = QWidget(self)
        self.find_edit = QLineEdit(self.find_bar)
        self.find_edit.setPlaceholderText(self.tr("Find in page"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_status = QLabel(self.find_bar)
        prev_button = QToolButton(self.find_bar)
        prev_button.setText("↑")
        prev_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        prev_button.clicked.connect(lambda: self.find_next(backward=True))
        next_button = QToolButton(self.find_bar)
        next_button.setText("↓")
        next_button.setToolTip(self.tr("Next match (F3)"))
        next_button.clicked.connect(lambda: self.find_next())
        close_button = QToolButton(self.find_bar)
        close_button.setText("✕")
        close_button.setToolTip(self.tr("Close the find bar (Esc)"))
        close_button.clicked.connect(self.close_find)
        find_layout = QHBoxLayout(self.find_bar)
        find_layout.setContentsMargins(0, 0, 0, 0)
        find_layout.addWidget(self.find_edit, 1)
        find_layout.addWidget(self.find_status)
        find_layout.addWidget(prev_button)
        find_layout.addWidget(next_button)
        find_layout.addWidget(close_button)
        self.find_bar.hide()
        self.find_edit.returnPressed.connect(lambda: self.find_next())
        self.find_edit.textChanged.connect(lambda _t: self.find_next(from_start=True))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._escape)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("readerSplitter")
        self.splitter.addWidget(self.toc)
        self.splitter.addWidget(self.browser)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 630])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.find_bar)
        self._show_empty()

    # -- showing ------------------------------------------------------------------------------

    #: returns the start screen's HTML (set by the window once the library is open)
    start_page: Callable[[], str] | None = None

    def _show_empty(self) -> None:
        self._render_serial += 1  # a page still arriving in batches stops
        self.title_label.setText(self.tr("No document open"))
        self.meta_label.setText(self.tr("Type in the search box, then press Enter to open a "
                                        "result."))
        self.browser.clear()
        self.toc_model.clear()
        if self.start_page is not None:
            self.title_label.setText(self.tr("Start"))
            self.html = self.start_page()
            show_html(self.browser, self.html)

    def show_start(self) -> None:
        """Show the start screen (documents to acknowledge, updates, favourites)."""
        if self.document is not None:
            self._back.append(Place(self.document.id, self._section))
            self._forward.clear()
        self.document = None
        self._section = ""
        self._show_empty()
        self.historyChanged.emit()

    def header_text(self, doc: Document) -> str:
        """Return the header line: kind, version, effective date, owner, last update."""
        parts = [kind_label(doc.kind.value), self.tr("Version %1").replace("%1", str(doc.version))]
        if doc.effective:
            parts.append(self.tr("Effective %1").replace("%1", doc.effective.isoformat()))
        if doc.owner:
            parts.append(self.tr("Owner %1").replace("%1", convert_script(doc.owner, self.script)))
        updated = self._updated_day(doc)
        if updated is not None:  # from the version history, never the file's mtime
            parts.append(self.tr("Updated %1").replace("%1", updated.isoformat()))
        if doc.status is not Status.PUBLISHED:
            parts.append(self.tr("Status: %1").replace("%1", doc.status.value))
        if self.found_as and doc is self.document:
            parts.append(found_as_label(convert_script(self.found_as, self.script)))
        return " · ".join(parts)

    def show_document(self, doc_id: str, anchor: str = "", terms: Sequence[str] = (), *,
                      record: bool = True, found_as: str = "") -> None:
        """Open a document at a section, highlighting ``terms`` (folded search terms).

        ``found_as`` names the words the search found it through (a thesaurus expansion such
        as 宕機 for 当机); the header says so, so the agent knows why the page matched.

        Raises:
            DocumentNotFound: from the loader, when there is no such document.
        """
        doc = self._load(doc_id)
        if record and self.document is not None:
            self._back.append(Place(self.document.id, self._section))
            self._forward.clear()
        self.document = doc
        self.terms = list(terms)
        self.found_as = found_as
        self._render(anchor)
        self.historyChanged.emit()
        self.documentShown.emit(doc.id, anchor)

    def _updated_day(self, doc: Document) -> dt.date | None:
        """The day the shown version came into force when known (None meanwhile)."""
        key = (doc.id, doc.version)
        if self.updated_on is None or key in self._updated_days:
            return self._updated_days.get(key)
        if self.runner is None:  # a reader on its own (tests): asked here
            self._updated_days[key] = self.updated_on(doc)
        return self._updated_days.get(key)

    def _ask_updated_day(self, doc: Document) -> None:
        """Read the day the version came into force off the UI thread (it reads the version
        history, which a publish or a sync may hold); the header shows it once it comes."""
        key, updated_on = (doc.id, doc.version), self.updated_on
        if (updated_on is None or self.runner is None or key in self._updated_days
                or key in self._asking):
            return
        self._asking.add(key)
        task = self.runner.submit(lambda _p, _c: updated_on(doc), name="updated on", owner=self)
        task.succeeded.connect(lambda day, k=key: self._updated_day_known(k, day))
        task.failed.connect(lambda _error, k=key: self._updated_day_known(k, None))

    def _updated_day_known(self, key: tuple[str, int], day: dt.date | None) -> None:
        self._asking.discard(key)
        if len(self._updated_days) > 1000:
            self._updated_days.clear()
        self._updated_days[key] = day
        doc = self.document
        if doc is not None and (doc.id, doc.version) == key:
            self.meta_label.setText(self.header_text(doc))

    def _render(self, anchor: str) -> None:
        doc = self.document
        if doc is None:
            self._show_empty()
            return
        self.title_label.setText(convert_script(doc.title, self.script))
        self.meta_label.setText(self.header_text(doc))
        self._ask_updated_day(doc)
        self._render_serial += 1
        if self.runner is None or (
            len(doc.body) <= RENDER_INLINE_CHARS and is_quick_to_render(doc.body)
        ):
            self._show_rendered(anchor, render(doc.body, script=self.script, highlight=self.terms))
            return
        # a long page is rendered on a worker so the window never freezes for it
        serial, script, terms = self._render_serial, self.script, tuple(self.terms)
        show_html(self.browser, "<p>" + html.escape(self.tr("Rendering…")) + "</p>")
        task = self.runner.submit(
            lambda _progress, _cancel: render(doc.body, script=script, highlight=terms),
            name="render",
            owner=self,
        )
        task.succeeded.connect(
            lambda page, n=serial, a=anchor: self._rendered_later(n, a, str(page)))
        task.failed.connect(lambda error, n=serial: self._render_failed(n, error))

    def _rendered_later(self, serial: int, anchor: str, page: str) -> None:
        if serial == self._render_serial:  # else the reader moved on meanwhile
            self._show_rendered(anchor, page)

    def _render_failed(self, serial: int, error: object) -> None:
        if serial == self._render_serial:
            log.warning("rendering failed: %s", error)
            show_html(self.browser, "<p>" + html.escape(str(error)) + "</p>")

    def _show_rendered(self, anchor: str, page: str) -> None:
        doc = self.document
        if doc is None:
            return
        self.html = page
        batches = _plain_batches(page)
        show_html(self.browser, batches[0] if batches else page)
        self._index_anchors()
        self._fill_toc(doc)
        self.scroll_to(anchor)
        self.pageRendered.emit(doc.id)
        if len(batches) > 1:
            self._append_plain(self._render_serial, batches[1:])

    def _append_plain(self, serial: int, batches: list[str]) -> None:
        """Append the next batch of lines of a plain-text page at the next turn of the event
        loop, unless the reader moved on meanwhile."""
        def append() -> None:
            if serial != self._render_serial or not batches:
                return
            cursor = QTextCursor(self.browser.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            # the first newline after <pre> is dropped by HTML; the second starts the line
            cursor.insertHtml('<pre class="kb-plain">\n\n' + batches.pop(0) + "</pre>")
            if batches:
                QTimer.singleShot(0, self, append)
            else:
                self.plainPageShown.emit()

        QTimer.singleShot(0, self, append)

    def _fill_toc(self, doc: Document) -> None:
        self.toc_model.clear()
        top = QStandardItem(convert_script(doc.title, self.script))
        top.setData("", ANCHOR_ROLE)
        top.setEditable(False)
        self.toc_model.appendRow(top)
        parent: QStandardItem = top
        for section in doc.sections:
            if section.level == 1:
                continue
            item = QStandardItem(convert_script(section.heading, self.script))
            item.setData(section.anchor, ANCHOR_ROLE)
            item.setToolTip(item.text())
            item.setEditable(False)
            if section.level == 2:
                self.toc_model.appendRow(item)
                parent = item
            else:
                (parent if parent is not top else self.toc_model.invisibleRootItem()
                 ).appendRow(item)
        self.toc.expandAll()

    def _index_anchors(self) -> None:
        """Note where each heading's anchor is (only headings have ids; a page shown as plain
        text has none, and its thousands of lines are not walked)."""
        self._anchors = []
        if ' id="' not in self.html:
            return
        document = self.browser.document()
        layout = document.documentLayout()
        block = document.begin()
        while block.isValid():
            if not block.blockFormat().headingLevel():
                block = block.next()
                continue
            names = block.charFormat().anchorNames()
            if not names:
                fragment_iter = block.begin()
                if not fragment_iter.atEnd():
                    names = fragment_iter.fragment().charFormat().anchorNames()
            for name in names:
                self._anchors.append((name, int(layout.blockBoundingRect(block).top())))
            block = block.next()

    # -- moving around ------------------------------------------------------------------------

    def scroll_to(self, anchor: str) -> None:
        """Scroll to a section (the top for "")."""
        if anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)
        self._set_section(anchor or self.section_at_top())

    def section_at_top(self) -> str:
        """Return the anchor of the section shown at the top of the page."""
        top = self.browser.verticalScrollBar().value() + 4
        current = ""
        for name, y in self._anchors:
            if y <= top:
                current = name
            else:
                break
        return current

    def _scrolled(self, _value: int) -> None:
        self._set_section(self.section_at_top())

    def _set_section(self, anchor: str) -> None:
        if anchor == self._section:
            return
        self._section = anchor
        self._select_toc(anchor)
        self.sectionChanged.emit(anchor)

    def _select_toc(self, anchor: str) -> None:
        matches = self.toc_model.match(self.toc_model.index(0, 0), ANCHOR_ROLE, anchor, 1,
                                       Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if matches:
            self.toc.setCurrentIndex(matches[0])

    @property
    def current_section(self) -> str:
        """The anchor of the section the reader is at ("" for the top)."""
        return self._section

    def _toc_activated(self, index: QModelIndex) -> None:
        self.scroll_to(str(index.data(ANCHOR_ROLE) or ""))

    def _link_clicked(self, url: QUrl) -> None:
        target = parse_link(url)
        if target is not None:
            self.openRequested.emit(*target)
        elif url.scheme() in ("http", "https", "mailto", "tel"):
            QDesktopServices.openUrl(url)
        elif not url.scheme() and url.fragment() and not url.path():
            self.scroll_to(url.fragment())
        elif url.path().endswith(".md") and self.document is not None:
            self.openRequested.emit(url.path(), url.fragment())

    def can_go_back(self) -> bool:
        """True when there is a place to go back to."""
        return bool(self._back)

    def can_go_forward(self) -> bool:
        """True when there is a place to go forward to."""
        return bool(self._forward)

    def back(self) -> None:
        """Go to the previous place."""
        self._travel(self._back, self._forward)

    def forward(self) -> None:
        """Go to the next place (after going back)."""
        self._travel(self._forward, self._back)

    def _travel(self, source: list[Place], target: list[Place]) -> None:
        if not source:
            return
        place = source.pop()
        if self.document is not None:
            target.append(Place(self.document.id, self._section))
        self.show_document(place.doc_id, place.anchor, self.terms, record=False)

    # -- display ------------------------------------------------------------------------------

    def set_script(self, script: str) -> None:
        """Show the document in another display script, staying at the same section."""
        if script == self.script:
            return
        self.script = script
        if self.document is not None:
            self._render(self._section)

    def refresh(self) -> None:
        """Render again (after a palette change, for example)."""
        if self.document is not None:
            self._render(self._section)

    def zoom_in(self) -> None:
        """Make the text larger."""
        if self.zoom < 10:
            self.zoom += 1
            self.browser.zoomIn(1)

    def zoom_out(self) -> None:
        """Make the text smaller."""
        if self.zoom > -5:
            self.zoom -= 1
            self.browser.zoomOut(1)

    def zoom_reset(self) -> None:
        """Go back to the normal text size."""
        self.browser.zoomOut(self.zoom)
        self.zoom = 0

    def copy_section_link(self) -> str:
        """Put the link of the current section on the clipboard and return it."""
        if self.document is None:
            return ""
        link = section_link(self.document.id, self._section)
        QGuiApplication.clipboard().setText(link)
        return link

    # -- find in page -------------------------------------------------------------------------

    def open_find(self) -> None:
        """Show the find bar with its text selected."""
        self.find_bar.show()
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def _escape(self) -> None:
        if self.find_bar.isVisible():
            self.close_find()
        else:
            self.escapePressed.emit()

    def close_find(self) -> None:
        """Hide the find bar and give the focus back to the page."""
        self.find_bar.hide()
        self.find_status.clear()
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_next(self, *, backward: bool = False, from_start: bool = False) -> bool:
        """Find the find bar's text in the page, wrapping around; returns whether found."""
        text = self.find_edit.text()
        if not text:
            self.find_status.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        saved_cursor = self.browser.textCursor()
        saved_scroll = self.browser.verticalScrollBar().value()
        if from_start:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        found = self.browser.find(text, flags)
        if not found:
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backward
                                else cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        if not found:  # stay where the reader was
            self.browser.setTextCursor(saved_cursor)
            self.browser.verticalScrollBar().setValue(saved_scroll)
        self.find_status.setText("" if found else self.tr("Not found"))
        return found
