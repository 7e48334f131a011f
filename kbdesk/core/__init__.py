"""The Qt-free core of kbdesk: its public face.

Clients (the desktop app in ``kbdesk.gui``, the CLI in ``kbdesk.cli``) import from here only,
never from the packages below (``lint-imports`` checks it). The face is the facade
:class:`KnowledgeBase`, which owns every rule, plus the value types, errors and small pure
helpers its callers pass around or show. The packages underneath:

- ``library/``: documents, front matter, parsing, phrasings, procedures, rendering, authoring.
- ``search/``: Chinese analysis, the index, queries, ranking.
- ``versions/``: the git repository, history, publishing, effective dates, drafts, receipts,
  sync, diffs.
- ``workstation/``: settings, user state, app folders, atomic storage.
- ``importers/``, ``exporters/``: registered format plugins.
"""

from kbdesk.core.clock import Clock, DayClock, FixedClock, parse_iso_date, parse_iso_time
from kbdesk.core.errors import (
    Cancelled,
    DocumentError,
    DocumentNotFound,
    DraftError,
    ExportError,
    ImportFailed,
    IndexDamaged,
    KbError,
    LibraryError,
    Problem,
    PublishError,
    RemoteUnreachable,
    SettingsError,
    StaleFinding,
    SyncError,
    UserStateError,
)
from kbdesk.core.importers.plan import ImportPlan, PlannedDocument, Removal
from kbdesk.core.kb import KnowledgeBase, Sent
from kbdesk.core.library.authoring import (
    KIND_FOLDERS,
    NewDocument,
    PathProblem,
    new_document_path,
    path_problem,
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
from kbdesk.core.progress import CancelToken, Progress
from kbdesk.core.search.engine import SearchHit, SearchResult
from kbdesk.core.search.index import IndexStats
from kbdesk.core.search.query import KIND_ALIASES
from kbdesk.core.team.board import AckStatus, GapRow, TeamReceipt
from kbdesk.core.team.records import FLAG_KINDS, Flag
from kbdesk.core.team.remote import NoSharedLibrary, join_library
from kbdesk.core.text.folding import convert_script, fold
from kbdesk.core.versions.diff import Segment, TextDiff, context_mask, diff_texts
from kbdesk.core.versions.drafts import Draft
from kbdesk.core.versions.effective import Pending
from kbdesk.core.versions.history import VersionInfo
from kbdesk.core.versions.reading import NotInForce, ReviewItem, ReviewReason
from kbdesk.core.versions.sync import Conflict, SyncResult, UnrelatedHistories
from kbdesk.core.versions.versioning import PublishResult
from kbdesk.core.workstation import paths
from kbdesk.core.workstation.settings import SPECS, Settings, SettingSpec
from kbdesk.core.workstation.startpage import StartPage
from kbdesk.core.workstation.storage import atomic_write_text
from kbdesk.core.workstation.userstate import UserState, log_no_results, no_results, search_gaps

__all__ = [
    "AGENT_PLACEHOLDERS",
    "FLAG_KINDS",
    "KIND_ALIASES",
    "KIND_FOLDERS",
    "SPECS",
    "AckStatus",
    "AvoidEntry",
    "CancelToken",
    "Cancelled",
    "ChecklistRun",
    "Clock",
    "Conflict",
    "DayClock",
    "Document",
    "DocumentError",
    "DocumentNotFound",
    "Draft",
    "DraftError",
    "ExportError",
    "FieldValue",
    "FixedClock",
    "Flag",
    "GapRow",
    "ImportFailed",
    "ImportPlan",
    "IndexDamaged",
    "IndexStats",
    "KbError",
    "Kind",
    "KnowledgeBase",
    "LibraryError",
    "NewDocument",
    "NoSharedLibrary",
    "NotInForce",
    "PathProblem",
    "Pending",
    "Phrasing",
    "PlannedDocument",
    "Problem",
    "ProcedureStep",
    "Progress",
    "PublishError",
    "PublishResult",
    "RemoteUnreachable",
    "Removal",
    "ReplyFinding",
    "ReviewItem",
    "ReviewReason",
    "SearchHit",
    "SearchResult",
    "Section",
    "Segment",
    "Sent",
    "SettingSpec",
    "Settings",
    "SettingsError",
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
    "UserState",
    "UserStateError",
    "VersionInfo",
    "WorkingCalendar",
    "atomic_write_text",
    "avoid_pairs_in",
    "check_reply",
    "context_mask",
    "convert_script",
    "default_id",
    "diff_texts",
    "document_id",
    "fill",
    "fold",
    "format_duration",
    "front_block",
    "highlight_spans",
    "is_quick_to_render",
    "join_library",
    "locate",
    "log_no_results",
    "missing_placeholders",
    "new_document_path",
    "no_results",
    "parse_iso_date",
    "parse_iso_time",
    "path_problem",
    "paths",
    "placeholders",
    "read_meta",
    "render",
    "renders_as_markdown",
    "reply_script",
    "search_gaps",
    "set_field",
    "set_fields",
    "split_front_matter",
    "suggestion_in",
    "yaml_scalar",
]
