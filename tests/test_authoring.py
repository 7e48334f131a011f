"""Rules of writing documents, checked without Qt: new-document paths, templates, draft status."""

from __future__ import annotations

import pytest

from kbdesk.core import KbError, Kind, KnowledgeBase, PathProblem, new_document_path, read_meta
from tests.conftest import doc


@pytest.fixture
def kb(make_library):
    kb = KnowledgeBase(make_library({"handbooks/a.md": doc("甲", id="a")}))
    yield kb
    kb.close()


def test_new_document_paths() -> None:
    assert new_document_path(Kind.PHRASING, " greeting ") == "phrasings/greeting.md"
    assert new_document_path("handbook", "x/y.md") == "x/y.md"


def test_path_problems(kb: KnowledgeBase) -> None:
    assert kb.publishing.new_path_problem("handbooks/new.md") is None
    assert kb.publishing.new_path_problem("handbooks/a.md") is PathProblem.EXISTS
    for bad in ("../outside.md", "/abs.md", ".md", "a/.hidden.md", "a:b.md"):
        assert kb.publishing.new_path_problem(bad) is PathProblem.BAD_NAME, bad


def test_new_document_from_template(kb: KnowledgeBase) -> None:
    for kind in Kind:
        new = kb.publishing.new_document(kind, f"new/{kind.value}", title="新文件: 標題")
        assert new.path == f"new/{kind.value}.md" and new.doc_id == f"new/{kind.value}"
        meta = read_meta(new.text)
        assert meta["title"] == "新文件: 標題" and meta["kind"] == kind.value
    with pytest.raises(KbError, match="already exists"):
        kb.publishing.new_document(Kind.HANDBOOK, "handbooks/a.md")
    with pytest.raises(KbError, match="not a path inside"):
        kb.publishing.new_document(Kind.HANDBOOK, "../x.md")


def test_a_draft_is_published_as_published(kb: KnowledgeBase) -> None:
    draft = kb.publishing.template_text(Kind.HANDBOOK)
    assert read_meta(draft)["status"] == "draft"
    assert read_meta(kb.publishing.text_to_publish(draft))["status"] == "published"
    retired = "---\ntitle: T\nstatus: retired\n---\n"
    assert kb.publishing.text_to_publish(retired) == retired
