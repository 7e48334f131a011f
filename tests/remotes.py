"""Shared libraries for tests: a bare repository on a "file share" and the same served over
HTTP by dulwich's smart server on 127.0.0.1 (never any other address)."""

from __future__ import annotations

import threading
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from dulwich import porcelain
from dulwich.repo import Repo
from dulwich.server import DictBackend
from dulwich.web import make_server, make_wsgi_chain

from kbdesk.core import KnowledgeBase
from kbdesk.core.versions.repo import LibraryRepo
from kbdesk.core.versions.sync import clone_library
from tests.conftest import doc

#: A small library for the workstation tests: a rule and a greeting, each at version 1.
TWO_DOCUMENTS = {
    "refund.md": doc("退款規則", id="refund", version=1, body="\n退款須在24小時內處理。\n"),
    "greeting.md": doc("開場白", id="greeting", version=1, body="\n您好，很高興為您服務。\n"),
}


def make_bare(path: Path) -> Path:
    """Create an empty bare git repository at ``path`` and return it."""
    path.mkdir(parents=True)
    porcelain.init(str(path), bare=True).close()
    return path


class QuietHandler(WSGIRequestHandler):
    """Serves requests without logging each one on stderr."""

    def log_message(self, format: str, *args: object) -> None:
        pass


class HttpRemote:
    """A bare repository served over HTTP on 127.0.0.1 (startable again on the same port, to
    take the network away and give it back)."""

    def __init__(self, bare: Path) -> None:
        self.bare = bare
        self.port = 0
        self.server: WSGIServer | None = None

    def start(self) -> None:
        self.repo = Repo(str(self.bare))
        app = make_wsgi_chain(DictBackend({"/": self.repo}))
        self.server = make_server("127.0.0.1", self.port, app, server_class=WSGIServer,
                                  handler_class=QuietHandler)
        self.port = self.server.server_port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.thread.join(timeout=10)
            self.repo.close()
            self.server = None


def two_workstations(a_root: Path, url: str, b_root: Path) -> tuple[KnowledgeBase, KnowledgeBase]:
    """Workstation A makes the library at ``a_root`` a repository and publishes it to ``url``;
    workstation B clones it into ``b_root``."""
    LibraryRepo.init(a_root).close()
    a = KnowledgeBase(a_root)
    assert a.sync(url).pushed
    return a, KnowledgeBase(clone_library(url, b_root))


def replaced(kb: KnowledgeBase, doc_id: str, old: str, new: str) -> str:
    """The document's file text with ``old`` replaced by ``new`` (``old`` must be there)."""
    text = (kb.root / kb.document(doc_id).path).read_text("utf-8")
    assert old in text
    return text.replace(old, new)
