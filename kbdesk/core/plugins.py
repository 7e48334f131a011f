"""The plugin API: everything an importer or exporter of another package needs, in one module.

A third-party plugin imports only this module (never ``kbdesk.core.importers.…`` or
``kbdesk.core.exporters.…``, which may change), and registers its class through an entry point
in the ``kbdesk.importers`` or ``kbdesk.exporters`` group (see ``docs/plugins.md``)::

    from kbdesk.core.plugins import Option, SourceText

    class FaqImporter:
        name = "faq"
        suffixes = (".faq",)

        def read(self, path, data: bytes) -> SourceText:
            return SourceText(data.decode("utf-8"), markdown=True)

An **importer** (:class:`Importer`) turns the bytes of one file into a :class:`SourceText`; the
core then cleans it, finds its structure and plans the documents. An **exporter**
(:class:`Exporter`) writes an :class:`ExportRequest` (the published documents in force on a day)
to a folder and returns an :class:`ExportResult`. Exporters declare their options as a tuple of
:class:`Option` (the shape of MkDocs' ``config_scheme``); the core checks the values a user gives
against it (:func:`resolve_options`) before the exporter runs, and a bad value is refused with
an :class:`InvalidOption` naming the option.

This module depends only on the core's value types; the registries that hold the plugins live
in ``kbdesk.core.importers`` and ``kbdesk.core.exporters``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from kbdesk.core.errors import BrokenPlugin, Cancelled, ExportError, ImportFailed, InvalidOption
from kbdesk.core.library.model import Document, Kind, Section, Status
from kbdesk.core.progress import CancelToken, Progress

__all__ = [
    "BrokenPlugin",
    "CancelToken",
    "Cancelled",
    "ChangeInfo",
    "Document",
    "ExportDocument",
    "ExportError",
    "ExportRequest",
    "ExportResult",
    "Exporter",
    "ImportFailed",
    "Importer",
    "InvalidOption",
    "Kind",
    "Option",
    "Progress",
    "Removal",
    "Section",
    "SourceText",
    "Status",
    "check_exporter",
    "check_importer",
    "resolve_options",
]

# -- importers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Removal:
    """One piece of text clean-up took out of a source file.

    Attributes:
        text: the text removed, as written in the source.
        reason: why, in plain words (``site boilerplate: download notice``).
        line: the 1-based line of the source it started on (for .docx and .html, of the text
            the converter gave; 0 for what the converter itself left out, such as a web
            page's navigation, then ``column`` numbers those removals in order).
        column: the 0-based character offset in that line.
        key: a stable identifier; pass it back in ``keep`` to restore the text.
    """

    text: str
    reason: str
    line: int
    column: int = 0

    @property
    def key(self) -> str:
        return f"{self.line}:{self.column}:{self.reason.split(':')[0]}"

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason,
                "position": {"line": self.line, "column": self.column}, "key": self.key}


@dataclass
class SourceText:
    """What a format importer reads from a file, before clean-up and structure detection.

    Attributes:
        text: the text: plain lines, or Markdown when ``markdown`` is true.
        markdown: headings are ``#`` lines and lists/tables are Markdown already.
        title: the title the file itself declares ("" when none).
        fields: front-matter fields the file declares (kind, category) when it has any.
        removed: what the importer already left out (a web page's navigation, say).
        encoding: the text encoding the file was read in.
    """

    text: str
    markdown: bool = False
    title: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    removed: list[Removal] = field(default_factory=list)
    encoding: str = "utf-8"


@runtime_checkable
class Importer(Protocol):
    """An importer plugin: reads the files whose name ends in one of its ``suffixes``.

    Attributes:
        name: its registered name (``txt``, ``docx``).
        suffixes: the lower-case file suffixes it reads, each with its dot (``(".txt",)``);
            the import wizard's file filter lists them.
    """

    name: str
    suffixes: Sequence[str]

    def read(self, path: Path, data: bytes) -> SourceText:
        """The text of the file ``path`` whose bytes are ``data``.

        Raises:
            ImportFailed: the file cannot be read; the message names it (``path.name``).
        """
        ...


def check_importer(plugin: object, name: str) -> Importer:
    """``plugin`` as an :class:`Importer`, or :class:`BrokenPlugin` saying what it lacks."""
    if not isinstance(plugin, Importer):
        raise BrokenPlugin(f"importer {name!r} is not an importer: it needs name, suffixes "
                           "and read(path, data)", name)
    suffixes = plugin.suffixes
    if (isinstance(suffixes, str) or not isinstance(suffixes, Sequence) or not suffixes
            or not all(isinstance(s, str) and s.startswith(".") and len(s) > 1
                       for s in suffixes)):
        raise BrokenPlugin(f"importer {name!r}: suffixes must be a non-empty list of file "
                           f"suffixes such as '.txt', not {suffixes!r}", name)
    return plugin


# -- exporters ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeInfo:
    """The version in force of a document: when it was published and its change note."""

    updated: dt.date | None
    note: str
    author: str = ""


@dataclass(frozen=True)
class ExportDocument:
    """A document in force and the publication of that version."""

    doc: Document
    change: ChangeInfo


@dataclass(frozen=True)
class ExportRequest:
    """What to export.

    Attributes:
        library_name: the library's display name (a site's title).
        library_root: the library folder (an exporter must not write inside it).
        as_of: the day whose documents in force are exported.
        documents: the documents in force on ``as_of``, published and not retired.
        generated_at: the one time stamp of the export.
        synonyms: the library's synonym groups (``library.yaml``), as written.
        options: the exporter's options, checked against its declaration and completed with
            the defaults (every declared option has a value, of its declared type).
    """

    library_name: str
    library_root: Path
    as_of: dt.date
    documents: tuple[ExportDocument, ...]
    generated_at: dt.datetime
    synonyms: tuple[tuple[str, ...], ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote.

    Attributes:
        outdir: the folder written (``index.html`` or the main file inside it, if any).
        documents: how many documents were exported.
        files: how many files were written.
        bytes: their total size.
        details: whatever else the exporter reports (the HTML site: ``search_shards``).
    """

    outdir: Path
    documents: int
    files: int
    bytes: int
    details: Mapping[str, Any] = field(default_factory=dict)


#: the Python types an option may declare (a value given as text is converted to it)
OPTION_TYPES: tuple[type, ...] = (str, int, float, bool, Path)
_OPTION_NAME_RE = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_TYPE_WORDS = {str: "text", int: "an integer", float: "a number", bool: "true or false",
               Path: "a path"}


@dataclass(frozen=True)
class Option:
    """One option an exporter declares (MkDocs' config-scheme shape).

    Attributes:
        name: its name, lower case with dashes (``max-results``); given on the command line
            as ``--set max-results=20``.
        type: one of :data:`OPTION_TYPES`; a value given as text is converted to it.
        default: the value when none is given (None: no value, unless ``required``).
        help: one line said by ``kbdesk export --list-formats``.
        choices: when not empty, the only values allowed.
        required: the export refuses to start without a value.
        validate: called with the converted value; raises ``ValueError`` whose message says
            what is wrong (the core adds the plugin's and the option's names).
    """

    name: str
    type: type = str
    default: Any = None
    help: str = ""
    choices: tuple[Any, ...] = ()
    required: bool = False
    validate: Callable[[Any], None] | None = None

    def convert(self, value: Any) -> Any:
        """``value`` (text from the command line, or a typed value) as this option's type.

        Raises:
            ValueError: the value cannot be read as the type, is not a choice or fails
                ``validate``.
        """
        converted = self._as_type(value)
        if self.choices and converted not in self.choices:
            allowed = ", ".join(str(c) for c in self.choices)
            raise ValueError(f"{value!r} is not one of {allowed}")
        if self.validate is not None:
            self.validate(converted)
        return converted

    def _as_type(self, value: Any) -> Any:
        kind = self.type
        if kind is bool:
            if isinstance(value, bool):
                return value
            word = str(value).strip().lower()
            if word in _TRUE or word in _FALSE:
                return word in _TRUE
        elif kind is int and not isinstance(value, bool):
            if isinstance(value, int):
                return value
            if isinstance(value, str):
                try:
                    return int(value.strip())
                except ValueError:
                    pass
        elif kind is float and not isinstance(value, bool):
            if isinstance(value, int | float):
                return float(value)
            if isinstance(value, str):
                try:
                    return float(value.strip())
                except ValueError:
                    pass
        elif kind is Path and isinstance(value, str | Path):
            return Path(value).expanduser()
        elif kind is str and isinstance(value, str):
            return value
        raise ValueError(f"expected {_TYPE_WORDS.get(kind, kind.__name__)}, got {value!r}")


def resolve_options(plugin: str, declared: Sequence[Option],
                    given: Mapping[str, Any] | None) -> dict[str, Any]:
    """The options of one run: ``given`` checked against ``declared``, defaults filled in.

    Raises:
        InvalidOption: an option not declared, a value of the wrong type or refused by the
            option's choices or validation, or a required option without a value; the message
            names the plugin and the option.
    """
    by_name = {option.name: option for option in declared}
    values: dict[str, Any] = {}
    for key, value in (given or {}).items():
        option = by_name.get(key)
        if option is None:
            known = ", ".join(sorted(by_name)) or "none"
            raise InvalidOption(f"{plugin}: no option called {key!r} (options: {known})", key)
        try:
            values[key] = option.convert(value)
        except ValueError as exc:
            raise InvalidOption(f"{plugin}: option {key!r}: {exc}", key) from None
    for option in declared:
        if option.name in values:
            continue
        if option.required:
            raise InvalidOption(f"{plugin}: option {option.name!r} is required "
                                f"(--set {option.name}=VALUE)", option.name)
        values[option.name] = option.default
    return values


@runtime_checkable
class Exporter(Protocol):
    """An exporter plugin: writes the documents in force to a folder.

    Attributes:
        name: its registered name, the ``--format`` of ``kbdesk export`` (``html``).
        title: what the app's File → Export menu shows (``HTML site``).
        options: the options it takes (may be empty); their values reach ``export`` in
            ``request.options``, checked and with the defaults filled in.
    """

    name: str
    title: str
    options: Sequence[Option]

    def export(self, request: ExportRequest, outdir: Path, progress: Progress | None = None,
               cancel: CancelToken | None = None) -> ExportResult:
        """Write ``request`` to ``outdir``, reporting ``progress(done, total, message)`` and
        calling ``cancel.check()`` between steps (it raises :class:`Cancelled`). An exporter
        must leave ``outdir`` as it was if it fails or is cancelled, and raise
        :class:`ExportError` (naming the file or folder) for an output it cannot write."""
        ...


def check_exporter(plugin: object, name: str) -> Exporter:
    """``plugin`` as an :class:`Exporter`, or :class:`BrokenPlugin` saying what it lacks."""
    if not isinstance(plugin, Exporter):
        raise BrokenPlugin(f"exporter {name!r} is not an exporter: it needs name, title, "
                           "options and export(request, outdir, progress, cancel)", name)
    options = plugin.options
    if isinstance(options, str) or not isinstance(options, Sequence):
        raise BrokenPlugin(f"exporter {name!r}: options must be a list of Option, "
                           f"not {options!r}", name)
    seen: set[str] = set()
    for option in options:
        if not isinstance(option, Option):
            raise BrokenPlugin(f"exporter {name!r}: options must be Option values, not "
                               f"{option!r}", name)
        if option.type not in OPTION_TYPES:
            raise BrokenPlugin(f"exporter {name!r}: option {option.name!r} has type "
                               f"{option.type!r} (allowed: str, int, float, bool, Path)", name)
        if not isinstance(option.name, str) or not _OPTION_NAME_RE.fullmatch(option.name):
            raise BrokenPlugin(f"exporter {name!r}: option name {option.name!r} is not lower "
                               "case letters, digits and dashes (it is a --flag)", name)
        if option.name in seen:
            raise BrokenPlugin(f"exporter {name!r}: option {option.name!r} is declared twice",
                               name)
        if option.default is not None:
            try:
                option.convert(option.default)
            except ValueError as exc:
                raise BrokenPlugin(f"exporter {name!r}: option {option.name!r} has a default "
                                   f"its own declaration refuses: {exc}", name) from None
        seen.add(option.name)
    return plugin
