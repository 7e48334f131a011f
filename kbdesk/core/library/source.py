"""``DocumentSource``: the narrow view of a library's working documents that the services read.

The ``KnowledgeBase`` is the one implementation (it loads the folder on first use); services
(versions, publishing, reading, sync) receive it typed as this protocol and call nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from kbdesk.core.library.model import Document


class DocumentSource(Protocol):
    """The working documents of one library."""

    @property
    def root(self) -> Path:
        """The library folder."""
        ...

    def working_documents(self) -> Mapping[str, Document]:
        """The documents as the working files hold them (loaded on first use), by id."""
        ...

    def document(self, doc_id: str) -> Document:
        """One working document by id or path (DocumentNotFound when there is none)."""
        ...
