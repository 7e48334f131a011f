"""Shared libraries for tests: a bare repository on a "file share" and the same served over
HTTP by dulwich's smart server on 127.0.0.1 (never any other address)."""

from __future__ import annotations

import stat
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from dulwich import porcelain
from dulwich.objects import Blob, Commit, ObjectID, Tree
from dulwich.repo import Repo
from dulwich.server import DictBackend
from dulwich.web import make_server, make_wsgi_chain

from kbdesk.core import KnowledgeBase
from kbdesk.core.clock import SYSTEM_CLOCK
from kbdesk.core.storage.repo import LibraryRepo
from kbdesk.core.sync.sync import clone_library
from tests.clock import now_stamp
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

    def _app(self, app: Any) -> Any:
        """The WSGI application served: dulwich's smart HTTP server (subclasses wrap it)."""
        return app

    def start(self) -> None:
        self.repo = Repo(str(self.bare))
        app = self._app(make_wsgi_chain(DictBackend({"/": self.repo})))
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
    LibraryRepo.init(a_root, when=now_stamp()).close()
    a = KnowledgeBase(a_root)
    assert a.sync.sync(url).pushed
    return a, KnowledgeBase(clone_library(url, b_root, clock=SYSTEM_CLOCK))


def replaced(kb: KnowledgeBase, doc_id: str, old: str, new: str) -> str:
    """The document's file text with ``old`` replaced by ``new`` (``old`` must be there)."""
    text = (kb.root / kb.document(doc_id).path).read_text("utf-8")
    assert old in text
    return text.replace(old, new)


SYMLINK = 0o120000
GITLINK = 0o160000
#: a commit id a submodule entry points to (no such commit is anywhere)
ELSEWHERE = b"1234567890abcdef1234567890abcdef12345678"

_Folder = dict[bytes, "tuple[int, ObjectID] | _Folder"]


def hostile_commit(bare: Path, entries: Mapping[tuple[bytes, ...], tuple[int, bytes]]) -> bytes:
    """Commit on the bare repository's ``main`` (a first commit when it has none) a tree holding
    what it held plus ``entries``, the way another git tool could write it.

    Args:
        entries: path components, taken as written (``..``, ``.GIT``, a name holding ``/``) →
            (git file mode, data); the data of a submodule entry is the commit id it names.

    The objects are built with dulwich's ``Tree``, ``Blob`` and ``Commit`` directly (its index
    helpers would refuse the names). The commit is dated a minute after its parent.
    """
    with Repo(str(bare)) as repo:
        store = repo.object_store
        branch = b"refs/heads/main"
        parent = repo.refs[branch] if branch in repo.refs else None
        root: _Folder = {}

        def load(tree_id: ObjectID, into: _Folder) -> None:
            tree = store[tree_id]
            assert isinstance(tree, Tree)
            for item in tree.iteritems():
                if stat.S_ISDIR(item.mode):
                    sub: _Folder = {}
                    into[item.path] = sub
                    load(item.sha, sub)
                else:
                    into[item.path] = (item.mode, item.sha)

        when = 1_700_000_000
        if parent is not None:
            head = store[parent]
            assert isinstance(head, Commit)
            load(head.tree, root)
            when = head.commit_time + 60
        for parts, (mode, data) in entries.items():
            folder = root
            for part in parts[:-1]:
                child = folder.setdefault(part, {})
                assert isinstance(child, dict)
                folder = child
            if mode == GITLINK:
                folder[parts[-1]] = (mode, ObjectID(data))
            else:
                blob = Blob.from_string(data)
                store.add_object(blob)
                folder[parts[-1]] = (mode, blob.id)

        def write(folder: _Folder) -> ObjectID:
            tree = Tree()
            for name, value in folder.items():
                if isinstance(value, dict):
                    tree.add(name, 0o040000, write(value))
                else:
                    tree.add(name, value[0], value[1])
            store.add_object(tree)
            return tree.id

        commit = Commit()
        commit.tree = write(root)
        commit.parents = [parent] if parent is not None else []
        commit.author = commit.committer = b"other tool <other@example.com>"
        commit.author_time = commit.commit_time = when
        commit.author_timezone = commit.commit_timezone = 0
        commit.message = b"written by another git tool"
        store.add_object(commit)
        repo.refs[branch] = commit.id
        if parent is None:
            repo.refs.set_symbolic_ref(b"HEAD", branch)
        return bytes(commit.id)
