"""The Qt-free core of kbdesk. Clients use :class:`KnowledgeBase` and the types below."""

from kbdesk.core.errors import DocumentError, DocumentNotFound, KbError, LibraryError, Problem
from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.library.model import Document, Kind, Phrasing, ProcedureStep, Section, Status
from kbdesk.core.progress import CancelToken, Progress
from kbdesk.core.search.engine import SearchHit, SearchResult
from kbdesk.core.search.index import IndexStats

__all__ = [
    "CancelToken",
    "Document",
    "DocumentError",
    "DocumentNotFound",
    "IndexStats",
    "KbError",
    "Kind",
    "KnowledgeBase",
    "LibraryError",
    "Phrasing",
    "Problem",
    "ProcedureStep",
    "Progress",
    "SearchHit",
    "SearchResult",
    "Section",
    "Status",
]
