"""The Qt-free core of kbdesk: its public face.

Clients (the desktop app in ``kbdesk.gui``, the CLI in ``kbdesk.cli``) import from here only,
never from the packages below (``lint-imports`` checks it). The face is the root
:class:`KnowledgeBase` and its typed services (``kb.versions``, ``kb.publishing``,
``kb.reading``, ``kb.sync``, …; their classes ``Versions`` and ``Publishing`` are exported for
their static rules), plus the value types, errors and small pure helpers its callers pass
around or show. The packages underneath:

- ``library/``: documents, front matter, parsing, phrasings, procedures, rendering, authoring.
- ``search/``: Chinese analysis, the index, queries, ranking.
- ``storage/``: the git repository, history, the working tree, diffs, drafts.
- ``workflow/``: publishing, versioning rules, effective dates (the editorial workflow).
- ``reading/``: the reading policy and read receipts.
- ``sync/``: sync with the shared library and the checks of what it brings.
- ``team/``: the team's records (receipts, flags, failed searches) on the shared library.
- ``workstation/``: settings, user state, app folders, atomic storage.
- ``importers/``, ``exporters/``: registered format plugins (their API: ``plugins.py``).

The face is loaded lazily (PEP 562): ``from kbdesk.core import KbError`` imports the errors
only, so a command such as ``kbdesk --version`` does not load Qt-free but heavy parts (the
search engine and Whoosh, git, OpenCC) it does not need. Each name is imported on first use
from the module :data:`_HOME` names.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kbdesk.core.clock import Clock, DayClock, FixedClock, parse_iso_date, parse_iso_time
    from kbdesk.core.doctor import Check, run_checks
    from kbdesk.core.errors import (
        BrokenPlugin,
        Cancelled,
        CredentialsError,
        DocumentError,
        DocumentNotFound,
        DraftError,
        ExportError,
        ImportFailed,
        IndexDamaged,
        InvalidOption,
        KbError,
        LibraryError,
        Problem,
        PublishError,
        RemoteUnreachable,
        ServerDenied,
        SettingsError,
        SignInNeeded,
        StaleFinding,
        SyncError,
        UserStateError,
    )
    from kbdesk.core.exporters import ExportFormat, broken_exporters, export_formats
    from kbdesk.core.importers import ImportFormat, broken_importers, import_formats
    from kbdesk.core.importers.plan import ImportPlan, PlannedDocument
    from kbdesk.core.kb import KnowledgeBase
    from kbdesk.core.library.authoring import (
        KIND_FOLDERS,
        NewDocument,
        PathProblem,
        new_document_path,
    )
    from kbdesk.core.library.checklist import (
        ChecklistRun,
        StepState,
        StepStatus,
        Timer,
        format_duration,
    )
    from kbdesk.core.library.frontmatter import (
        FieldValue,
        default_id,
        document_id,
        front_block,
        read_meta,
        set_field,
        set_fields,
        split_front_matter,
        yaml_scalar,
    )
    from kbdesk.core.library.model import Document, Kind, Phrasing, ProcedureStep, Section, Status
    from kbdesk.core.library.parts import AvoidEntry
    from kbdesk.core.library.phrasing import (
        AGENT_PLACEHOLDERS,
        avoid_pairs_in,
        fill,
        missing_placeholders,
        placeholders,
    )
    from kbdesk.core.library.render import highlight_spans, render
    from kbdesk.core.library.renderguard import is_quick_to_render, renders_as_markdown
    from kbdesk.core.library.replycheck import (
        ReplyFinding,
        check_reply,
        locate,
        reply_script,
        suggestion_in,
    )
    from kbdesk.core.library.workdays import WorkingCalendar
    from kbdesk.core.plugins import ExportResult, Option, Removal, resolve_options
    from kbdesk.core.progress import CancelToken, Progress
    from kbdesk.core.reading.reading import NotInForce, ReviewItem, ReviewReason
    from kbdesk.core.search.engine import SearchHit, SearchOptions, SearchResult
    from kbdesk.core.search.index import IndexStats
    from kbdesk.core.search.query import KIND_ALIASES
    from kbdesk.core.storage.diff import Segment, TextDiff, context_mask, diff_texts
    from kbdesk.core.storage.drafts import Draft
    from kbdesk.core.storage.history import VersionInfo
    from kbdesk.core.storage.keys import init_editor_key, load_editor_key
    from kbdesk.core.storage.trust import UntrustedLibrary
    from kbdesk.core.sync.service import Sent
    from kbdesk.core.sync.sync import Conflict, SyncResult, UnrelatedHistories
    from kbdesk.core.team import suggestions
    from kbdesk.core.team.board import AckStatus, TeamReceipt
    from kbdesk.core.team.duties import Missing, MissingRow
    from kbdesk.core.team.records import FLAG_KINDS, PAPER, Flag
    from kbdesk.core.team.remote import NoSharedLibrary, join_library
    from kbdesk.core.team.roles import (
        EDITOR_ACTIONS,
        NotAllowed,
        RoleDecision,
        decide_role,
        refusal,
    )
    from kbdesk.core.team.roster import Person, Roster
    from kbdesk.core.team.serverhook import run_server_hook
    from kbdesk.core.text.folding import convert_script, fold
    from kbdesk.core.text.safe import csv_cell, one_line, strip_controls
    from kbdesk.core.workflow.editors import (
        add_library_editor,
        adopt_signing,
        library_editors,
        library_editors_problems,
    )
    from kbdesk.core.workflow.effective import Pending
    from kbdesk.core.workflow.publishing import Publishing
    from kbdesk.core.workflow.versioning import PublishResult
    from kbdesk.core.workflow.versions import Versions
    from kbdesk.core.workstation import credentials, paths
    from kbdesk.core.workstation.identity import new_workstation_name, os_account, workstation_name
    from kbdesk.core.workstation.settings import SPECS, Settings, SettingSpec
    from kbdesk.core.workstation.startpage import StartPage
    from kbdesk.core.workstation.storage import atomic_write_text
    from kbdesk.core.workstation.userstate import (
        GapRow,
        UserState,
        log_no_results,
        no_results,
        search_gaps,
    )

_HOME: dict[str, str] = {
    "Check": "kbdesk.core.doctor",
    "run_checks": "kbdesk.core.doctor",
    "Clock": "kbdesk.core.clock",
    "DayClock": "kbdesk.core.clock",
    "FixedClock": "kbdesk.core.clock",
    "parse_iso_date": "kbdesk.core.clock",
    "parse_iso_time": "kbdesk.core.clock",
    "Cancelled": "kbdesk.core.errors",
    "DocumentError": "kbdesk.core.errors",
    "DocumentNotFound": "kbdesk.core.errors",
    "DraftError": "kbdesk.core.errors",
    "ExportError": "kbdesk.core.errors",
    "ImportFailed": "kbdesk.core.errors",
    "IndexDamaged": "kbdesk.core.errors",
    "KbError": "kbdesk.core.errors",
    "LibraryError": "kbdesk.core.errors",
    "Problem": "kbdesk.core.errors",
    "PublishError": "kbdesk.core.errors",
    "RemoteUnreachable": "kbdesk.core.errors",
    "SettingsError": "kbdesk.core.errors",
    "StaleFinding": "kbdesk.core.errors",
    "SyncError": "kbdesk.core.errors",
    "UserStateError": "kbdesk.core.errors",
    "ImportPlan": "kbdesk.core.importers.plan",
    "PlannedDocument": "kbdesk.core.importers.plan",
    "Removal": "kbdesk.core.plugins",
    "BrokenPlugin": "kbdesk.core.errors",
    "InvalidOption": "kbdesk.core.errors",
    "CredentialsError": "kbdesk.core.errors",
    "ServerDenied": "kbdesk.core.errors",
    "SignInNeeded": "kbdesk.core.errors",
    "ExportFormat": "kbdesk.core.exporters",
    "broken_exporters": "kbdesk.core.exporters",
    "export_formats": "kbdesk.core.exporters",
    "ImportFormat": "kbdesk.core.importers",
    "broken_importers": "kbdesk.core.importers",
    "import_formats": "kbdesk.core.importers",
    "ExportResult": "kbdesk.core.plugins",
    "Option": "kbdesk.core.plugins",
    "resolve_options": "kbdesk.core.plugins",
    "PAPER": "kbdesk.core.team.records",
    "Missing": "kbdesk.core.team.duties",
    "MissingRow": "kbdesk.core.team.duties",
    "EDITOR_ACTIONS": "kbdesk.core.team.roles",
    "NotAllowed": "kbdesk.core.team.roles",
    "RoleDecision": "kbdesk.core.team.roles",
    "decide_role": "kbdesk.core.team.roles",
    "refusal": "kbdesk.core.team.roles",
    "Person": "kbdesk.core.team.roster",
    "Roster": "kbdesk.core.team.roster",
    "csv_cell": "kbdesk.core.text.safe",
    "one_line": "kbdesk.core.text.safe",
    "strip_controls": "kbdesk.core.text.safe",
    "os_account": "kbdesk.core.workstation.identity",
    # signed policy (issue 21)
    "add_library_editor": "kbdesk.core.workflow.editors",
    "adopt_signing": "kbdesk.core.workflow.editors",
    "library_editors": "kbdesk.core.workflow.editors",
    "library_editors_problems": "kbdesk.core.workflow.editors",
    "init_editor_key": "kbdesk.core.storage.keys",
    "load_editor_key": "kbdesk.core.storage.keys",
    "UntrustedLibrary": "kbdesk.core.storage.trust",
    "run_server_hook": "kbdesk.core.team.serverhook",
    "credentials": "kbdesk.core.workstation",
    "suggestions": "kbdesk.core.team",
    "KnowledgeBase": "kbdesk.core.kb",
    "Sent": "kbdesk.core.sync.service",
    "KIND_FOLDERS": "kbdesk.core.library.authoring",
    "NewDocument": "kbdesk.core.library.authoring",
    "PathProblem": "kbdesk.core.library.authoring",
    "new_document_path": "kbdesk.core.library.authoring",
    "ChecklistRun": "kbdesk.core.library.checklist",
    "StepState": "kbdesk.core.library.checklist",
    "StepStatus": "kbdesk.core.library.checklist",
    "Timer": "kbdesk.core.library.checklist",
    "format_duration": "kbdesk.core.library.checklist",
    "FieldValue": "kbdesk.core.library.frontmatter",
    "default_id": "kbdesk.core.library.frontmatter",
    "document_id": "kbdesk.core.library.frontmatter",
    "front_block": "kbdesk.core.library.frontmatter",
    "read_meta": "kbdesk.core.library.frontmatter",
    "set_field": "kbdesk.core.library.frontmatter",
    "set_fields": "kbdesk.core.library.frontmatter",
    "split_front_matter": "kbdesk.core.library.frontmatter",
    "yaml_scalar": "kbdesk.core.library.frontmatter",
    "Document": "kbdesk.core.library.model",
    "Kind": "kbdesk.core.library.model",
    "Phrasing": "kbdesk.core.library.model",
    "ProcedureStep": "kbdesk.core.library.model",
    "Section": "kbdesk.core.library.model",
    "Status": "kbdesk.core.library.model",
    "AvoidEntry": "kbdesk.core.library.parts",
    "AGENT_PLACEHOLDERS": "kbdesk.core.library.phrasing",
    "avoid_pairs_in": "kbdesk.core.library.phrasing",
    "fill": "kbdesk.core.library.phrasing",
    "missing_placeholders": "kbdesk.core.library.phrasing",
    "placeholders": "kbdesk.core.library.phrasing",
    "highlight_spans": "kbdesk.core.library.render",
    "render": "kbdesk.core.library.render",
    "is_quick_to_render": "kbdesk.core.library.renderguard",
    "renders_as_markdown": "kbdesk.core.library.renderguard",
    "ReplyFinding": "kbdesk.core.library.replycheck",
    "check_reply": "kbdesk.core.library.replycheck",
    "locate": "kbdesk.core.library.replycheck",
    "reply_script": "kbdesk.core.library.replycheck",
    "suggestion_in": "kbdesk.core.library.replycheck",
    "WorkingCalendar": "kbdesk.core.library.workdays",
    "CancelToken": "kbdesk.core.progress",
    "Progress": "kbdesk.core.progress",
    "SearchHit": "kbdesk.core.search.engine",
    "SearchOptions": "kbdesk.core.search.engine",
    "SearchResult": "kbdesk.core.search.engine",
    "IndexStats": "kbdesk.core.search.index",
    "KIND_ALIASES": "kbdesk.core.search.query",
    "AckStatus": "kbdesk.core.team.board",
    "GapRow": "kbdesk.core.workstation.userstate",
    "TeamReceipt": "kbdesk.core.team.board",
    "FLAG_KINDS": "kbdesk.core.team.records",
    "Flag": "kbdesk.core.team.records",
    "NoSharedLibrary": "kbdesk.core.team.remote",
    "join_library": "kbdesk.core.team.remote",
    "convert_script": "kbdesk.core.text.folding",
    "fold": "kbdesk.core.text.folding",
    "Segment": "kbdesk.core.storage.diff",
    "TextDiff": "kbdesk.core.storage.diff",
    "context_mask": "kbdesk.core.storage.diff",
    "diff_texts": "kbdesk.core.storage.diff",
    "Draft": "kbdesk.core.storage.drafts",
    "Pending": "kbdesk.core.workflow.effective",
    "VersionInfo": "kbdesk.core.storage.history",
    "NotInForce": "kbdesk.core.reading.reading",
    "ReviewItem": "kbdesk.core.reading.reading",
    "ReviewReason": "kbdesk.core.reading.reading",
    "Conflict": "kbdesk.core.sync.sync",
    "SyncResult": "kbdesk.core.sync.sync",
    "UnrelatedHistories": "kbdesk.core.sync.sync",
    "PublishResult": "kbdesk.core.workflow.versioning",
    "Publishing": "kbdesk.core.workflow.publishing",
    "Versions": "kbdesk.core.workflow.versions",
    "paths": "kbdesk.core.workstation",
    "new_workstation_name": "kbdesk.core.workstation.identity",
    "workstation_name": "kbdesk.core.workstation.identity",
    "SPECS": "kbdesk.core.workstation.settings",
    "SettingSpec": "kbdesk.core.workstation.settings",
    "Settings": "kbdesk.core.workstation.settings",
    "StartPage": "kbdesk.core.workstation.startpage",
    "atomic_write_text": "kbdesk.core.workstation.storage",
    "UserState": "kbdesk.core.workstation.userstate",
    "log_no_results": "kbdesk.core.workstation.userstate",
    "no_results": "kbdesk.core.workstation.userstate",
    "search_gaps": "kbdesk.core.workstation.userstate",
}

def __getattr__(name: str) -> Any:
    """Import a name of the public face on first use."""
    try:
        home = _HOME[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    module = importlib.import_module(home)
    try:
        value = getattr(module, name)
    except AttributeError:  # a submodule (``paths``) not yet imported by its package
        value = importlib.import_module(f"{home}.{name}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME})

__all__ = [
    "AGENT_PLACEHOLDERS",
    "EDITOR_ACTIONS",
    "FLAG_KINDS",
    "KIND_ALIASES",
    "KIND_FOLDERS",
    "PAPER",
    "SPECS",
    "AckStatus",
    "AvoidEntry",
    "BrokenPlugin",
    "CancelToken",
    "Cancelled",
    "Check",
    "ChecklistRun",
    "Clock",
    "Conflict",
    "CredentialsError",
    "DayClock",
    "Document",
    "DocumentError",
    "DocumentNotFound",
    "Draft",
    "DraftError",
    "ExportError",
    "ExportFormat",
    "ExportResult",
    "FieldValue",
    "FixedClock",
    "Flag",
    "GapRow",
    "ImportFailed",
    "ImportFormat",
    "ImportPlan",
    "IndexDamaged",
    "IndexStats",
    "InvalidOption",
    "KbError",
    "Kind",
    "KnowledgeBase",
    "LibraryError",
    "Missing",
    "MissingRow",
    "NewDocument",
    "NoSharedLibrary",
    "NotAllowed",
    "NotInForce",
    "Option",
    "PathProblem",
    "Pending",
    "Person",
    "Phrasing",
    "PlannedDocument",
    "Problem",
    "ProcedureStep",
    "Progress",
    "PublishError",
    "PublishResult",
    "Publishing",
    "RemoteUnreachable",
    "Removal",
    "ReplyFinding",
    "ReviewItem",
    "ReviewReason",
    "RoleDecision",
    "Roster",
    "SearchHit",
    "SearchOptions",
    "SearchResult",
    "Section",
    "Segment",
    "Sent",
    "ServerDenied",
    "SettingSpec",
    "Settings",
    "SettingsError",
    "SignInNeeded",
    "StaleFinding",
    "StartPage",
    "Status",
    "StepState",
    "StepStatus",
    "SyncError",
    "SyncResult",
    "TeamReceipt",
    "TextDiff",
    "Timer",
    "UnrelatedHistories",
    "UntrustedLibrary",
    "UserState",
    "UserStateError",
    "VersionInfo",
    "Versions",
    "WorkingCalendar",
    "add_library_editor",
    "adopt_signing",
    "atomic_write_text",
    "avoid_pairs_in",
    "broken_exporters",
    "broken_importers",
    "check_reply",
    "context_mask",
    "convert_script",
    "credentials",
    "csv_cell",
    "decide_role",
    "default_id",
    "diff_texts",
    "document_id",
    "export_formats",
    "fill",
    "fold",
    "format_duration",
    "front_block",
    "highlight_spans",
    "import_formats",
    "init_editor_key",
    "is_quick_to_render",
    "join_library",
    "library_editors",
    "library_editors_problems",
    "load_editor_key",
    "locate",
    "log_no_results",
    "missing_placeholders",
    "new_document_path",
    "new_workstation_name",
    "no_results",
    "one_line",
    "os_account",
    "parse_iso_date",
    "parse_iso_time",
    "paths",
    "placeholders",
    "read_meta",
    "refusal",
    "render",
    "renders_as_markdown",
    "reply_script",
    "resolve_options",
    "run_checks",
    "run_server_hook",
    "search_gaps",
    "set_field",
    "set_fields",
    "split_front_matter",
    "strip_controls",
    "suggestion_in",
    "suggestions",
    "workstation_name",
    "yaml_scalar",
]
