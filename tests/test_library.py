"""Loading a library: the format, sections and anchors, and every bad-file case."""

from __future__ import annotations

import datetime as dt

import pytest

from kbdesk.core.errors import DocumentNotFound, LibraryError
from kbdesk.core.library.catalog import Library
from kbdesk.core.library.model import Kind, Status
from tests.conftest import CONTENT_DIR, doc


def load(root):
    library = Library(root)
    library.load()
    return library


def test_minimal_document_gets_defaults(make_library):
    root = make_library({"handbooks/hello.md": doc("你好", body="內容\n")})
    library = load(root)
    document = library.get("handbooks/hello")
    assert document.kind is Kind.HANDBOOK
    assert document.category == "handbooks"
    assert document.version == 1
    assert document.status is Status.PUBLISHED
    assert document.tags == ()
    assert library.problems == []


def test_all_fields_are_read(make_library):
    root = make_library(
        {
            "a.md": doc(
                "客訴處理",
                "procedure",
                "正文\n",
                id="sop-a",
                category="投訴",
                tags="[投訴, 升級]",
                owner="品質組",
                version=3,
                status="retired",
                effective="2026-01-02",
                review_by="2027-01-01",
                summary="摘要",
                ack_required="true",
                custom="kept",
            )
        }
    )
    document = load(root).get("sop-a")
    assert document.title == "客訴處理"
    assert document.kind is Kind.PROCEDURE
    assert document.category == "投訴"
    assert document.tags == ("投訴", "升級")
    assert document.owner == "品質組"
    assert document.version == 3
    assert document.status is Status.RETIRED
    assert document.effective == dt.date(2026, 1, 2)
    assert document.review_by == dt.date(2027, 1, 1)
    assert document.summary == "摘要"
    assert document.ack_required is True
    assert document.meta["custom"] == "kept"


def test_sections_split_at_h2_and_h3_with_chinese_anchors(make_library):
    body = (
        "引言段落。\n\n## 1. 標準開場白（來電）\n開場。\n\n### 注意事項\n細節。\n"
        "#### 更深\n仍在同一節。\n\n## 標準開場白\n第二個。\n\n## 標準開場白\n第三個。\n"
        "```\n## 不是標題\n```\n"
    )
    document = load(make_library({"a.md": doc("開場", body=body)})).get("a")
    headings = [(s.heading, s.anchor, s.level) for s in document.sections]
    assert headings == [
        ("開場", "", 1),
        ("1. 標準開場白（來電）", "1-標準開場白來電", 2),
        ("注意事項", "注意事項", 3),
        ("標準開場白", "標準開場白", 2),
        ("標準開場白", "標準開場白_1", 2),
    ]
    assert "#### 更深" in document.sections[2].body
    assert "## 不是標題" in document.sections[4].body
    assert document.sections[1].line == 7


def test_anchors_match_the_rendered_html_ids(make_library):
    import markdown
    from markdown.extensions.toc import TocExtension, slugify_unicode

    body = "## 第一章 概述\n\n## Hello **World** 48小時\n\n### 重複\n\n### 重複\n"
    document = load(make_library({"a.md": doc("T", body=body)})).get("a")
    html = markdown.markdown(body, extensions=[TocExtension(slugify=slugify_unicode)])
    for section in document.sections[1:]:
        assert f'id="{section.anchor}"' in html


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("# 沒有前言\n正文", "a.md:1: no front matter"),
        ("---\ntitle: 未關閉\nkind: handbook\n", "front matter is not closed"),
        ("---\ntitle: [壞\nkind: handbook\n---\n", "a.md:2: front matter is not valid YAML"),
        ("---\n- 一\n- 二\n---\n", "a.md:2: front matter must be a mapping"),
        ("---\nkind: handbook\n---\n", "a.md: field 'title' is required"),
        ("---\ntitle: T\n---\n", "field 'kind' is required"),
        ("---\ntitle: T\nkind: manual\n---\n", "a.md:3: field 'kind': 'manual' is not one of"),
        ("---\ntitle: T\nkind: handbook\nversion: v2\n---\n", "a.md:4: field 'version'"),
        ("---\ntitle: T\nkind: handbook\nversion: 0\n---\n", "field 'version'"),
        ("---\ntitle: T\nkind: handbook\nstatus: live\n---\n", "a.md:4: field 'status'"),
        ("---\ntitle: T\nkind: handbook\neffective: 2026/01/01\n---\n", "field 'effective'"),
        ("---\ntitle: T\nkind: handbook\nreview_by: tomorrow\n---\n", "a.md:4: field 'review_by'"),
        ("---\ntitle: T\nkind: handbook\ntags: {a: 1}\n---\n", "field 'tags'"),
        ("---\ntitle: T\nkind: handbook\nack_required: 3\n---\n", "field 'ack_required'"),
        ("---\ntitle: T\nkind: handbook\nid: has space\n---\n", "field 'id'"),
    ],
)
def test_bad_documents_are_reported_and_skipped(make_library, content, expected):
    root = make_library({"a.md": content, "good.md": doc("好的", body="正文")})
    library = load(root)
    assert [d.id for d in library] == ["good"]
    assert len(library.problems) == 1
    assert expected in str(library.problems[0])


def test_invalid_utf8_names_the_file_and_line(make_library):
    data = "---\ntitle: 標題\nkind: handbook\n---\n第一行\n".encode() + b"\xb7\xa3\n"
    library = load(make_library({"big5.md": data, "ok.md": doc("好")}))
    [problem] = library.problems
    assert problem.path == "big5.md"
    assert problem.line == 6
    assert "not valid UTF-8" in problem.message
    assert [d.id for d in library] == ["ok"]


def test_duplicate_ids_keep_the_first_and_report_the_second(make_library):
    library = load(
        make_library(
            {
                "a.md": doc("甲", id="faq"),
                "b.md": doc("乙", id="faq"),
                "c.md": doc("丙"),
            }
        )
    )
    assert library.get("faq").title == "甲"
    assert [str(p) for p in library.problems] == ["b.md: id 'faq' is already used by a.md"]
    assert len(library) == 2


def test_non_markdown_files_are_problems_but_assets_readme_and_dotfiles_are_not(make_library):
    library = load(
        make_library(
            {
                "notes.docx": b"PK\x03\x04",
                "assets/logo.png": b"\x89PNG",
                "README.md": "# 說明，沒有前言也可以",
                ".git/config": "[core]",
                "ok.md": doc("好"),
            }
        )
    )
    assert [str(p) for p in library.problems] == [
        "notes.docx: not a Markdown document (.md); import it or move it under assets/"
    ]
    assert [d.id for d in library] == ["ok"]


def test_library_yaml_synonyms_and_name(make_library):
    library = load(
        make_library(
            {
                "library.yaml": "name: 測試庫\nsynonyms:\n  - [顾客, 客户]\n  - 退钱, 退款\n  - [孤單]\n",
                "a.md": doc("甲"),
            }
        )
    )
    assert library.name == "測試庫"
    assert library.config.synonyms == [["顾客", "客户"], ["退钱", "退款"]]


def test_broken_library_yaml_is_a_problem_not_a_crash(make_library):
    library = load(make_library({"library.yaml": "synonyms: [\n", "a.md": doc("甲")}))
    assert library.problems and library.problems[0].path == "library.yaml"
    assert len(library) == 1


def test_reload_reparses_only_changed_files(make_library):
    root = make_library({"a.md": doc("甲"), "b.md": doc("乙")})
    library = load(root)
    first_a, first_b = library.get("a"), library.get("b")
    (root / "b.md").write_text(doc("乙改", body="新內容"), encoding="utf-8")
    library.load()
    assert library.get("a") is first_a
    assert library.get("b") is not first_b
    assert library.get("b").title == "乙改"


def test_missing_library_folder_is_a_clear_error(tmp_path):
    with pytest.raises(LibraryError, match="does not exist"):
        Library(tmp_path / "nope").load()


def test_unknown_document_raises_not_found(make_library):
    with pytest.raises(DocumentNotFound):
        load(make_library({"a.md": doc("甲")})).get("zzz")


def test_phrasings_placeholders_and_avoid_pairs(make_library):
    body = (
        "## 來電開場\n\n> 您好，這裡是{{公司名稱}}，我是{{坐席姓名}}。\n>\n> 請問有什麼可以幫您？\n\n"
        "使用說明。\n\n- 不說「喂？」→ 改說「您好，這裡是客服中心」\n"
        "- 不说「这不归我管」-> 改说「我来帮您联系负责的同事」\n\n"
        "## 回撥\n\n> 甲{{客戶稱呼}}\n\n> 乙{{客戶稱呼}}\n\n## 只有說明\n\n注意語氣。\n"
    )
    document = load(make_library({"p.md": doc("開場白", "phrasing", body)})).get("p")
    opening, callback, guidance = document.phrasings
    assert opening.variants == (
        "您好，這裡是{{公司名稱}}，我是{{坐席姓名}}。\n請問有什麼可以幫您？",
    )
    assert opening.placeholders == ("公司名稱", "坐席姓名")
    assert [(p.avoid, p.instead) for p in opening.avoid] == [
        ("喂？", "您好，這裡是客服中心"),
        ("这不归我管", "我来帮您联系负责的同事"),
    ]
    assert callback.variants == ("甲{{客戶稱呼}}", "乙{{客戶稱呼}}")
    assert guidance.variants == () and "注意語氣" in guidance.notes


def test_procedure_steps_roles_and_limits(make_library):
    body = (
        "## 接單\n- 角色：一線客服\n- 時限：30秒內\n\n## 受理\n角色: 值班主管\n时限：2個工作日內\n\n"
        "## 反饋\n**負責**：專員\n\n## 跟進\n- 時限：不定\n"
    )
    steps = load(make_library({"s.md": doc("流程", "procedure", body)})).get("s").steps
    assert [(s.number, s.title, s.role, s.limit_seconds) for s in steps] == [
        (1, "接單", "一線客服", 30),
        (2, "受理", "值班主管", 2 * 86400),
        (3, "反饋", "專員", None),
        (4, "跟進", "", None),
    ]
    assert steps[3].limit_text == "不定"


def test_the_demo_library_loads_without_problems():
    library = load(CONTENT_DIR)
    assert library.problems == []
    assert len(library) >= 30
    kinds = {d.kind for d in library}
    assert kinds == {Kind.HANDBOOK, Kind.PHRASING, Kind.PROCEDURE}
    for document in library:
        if document.kind is Kind.PHRASING:
            assert any(p.variants for p in document.phrasings), document.path
        if document.kind is Kind.PROCEDURE:
            assert document.steps and all(s.limit_seconds for s in document.steps), document.path
