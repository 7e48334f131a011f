"""The exported site in a real browser (headless Chromium) opened from ``file://``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kbdesk.core.kb import KnowledgeBase
from kbdesk.core.library.render import markdown_to_html
from tests.closing import close_opened
from tests.site.browser import launched, open_page
from tests.site.library import HOSTILE, PWNED_FLAG, build_library

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("KBDESK_DATA_DIR", str(root / "data"))
    closing = close_opened(monkeypatch)
    next(closing)
    try:
        kb = KnowledgeBase(build_library(root / "lib"))
        return kb.exports.export("html", root / "site").outdir
    finally:
        next(closing, None)
        monkeypatch.undo()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched() as context:
        yield context


def url(site: Path, rel: str) -> str:
    return (site / rel).as_uri() if "?" not in rel else (site / rel.split("?")[0]).as_uri() + \
        "?" + rel.split("?", 1)[1]


def result_links(page: Any) -> list[str]:
    page.wait_for_selector("body[data-search-done]", timeout=10_000)
    return page.eval_on_selector_all("#results a", "els => els.map(e => e.getAttribute('href'))")


def test_home_page_lists_the_documents(site: Path, browser: Any) -> None:
    page = open_page(browser, url(site, "index.html"))
    categories = page.eval_on_selector_all(".card a", "els => els.map(e => e.textContent)")
    assert {"投訴處理", "話術", "退款", "../../up"} <= set(categories)
    recent = page.eval_on_selector_all(".recent a", "els => els.map(e => e.textContent)")
    assert "投訴處理手冊" in recent
    linked = page.eval_on_selector_all(".browse a", "els => els.map(e => e.textContent)")
    for title in ("投訴處理手冊", "道歉話術", "退款處理流程", "帳單查詢說明"):
        assert title in linked
    page.locator(".card a", has_text="投訴處理").click()  # a category page
    assert "投訴處理手冊" in page.locator("main").inner_text()
    assert page.errors == []


def test_search_from_the_address_finds_traditional_and_links_open(site: Path,
                                                                   browser: Any) -> None:
    page = open_page(browser, url(site, "search.html?q=投訴"))
    links = result_links(page)
    assert links and links[0].startswith("d/complaint-handbook.html")
    assert page.locator("#results mark").first.inner_text() == "投訴"
    page.locator("#results a").first.click()
    page.wait_for_load_state()
    assert page.url.split("#")[0].endswith("/d/complaint-handbook.html")
    assert page.locator("h1").inner_text() == "投訴處理手冊"
    assert page.errors == []


def test_typing_simplified_finds_the_traditional_document(site: Path, browser: Any) -> None:
    page = open_page(browser, url(site, "search.html"))
    page.locator("#q").press_sequentially("投诉")
    page.wait_for_function("document.body.dataset.searchDone === '投诉'", timeout=10_000)
    links = result_links(page)
    assert any(link.startswith("d/complaint-handbook.html") for link in links)
    assert page.locator("#results mark").first.inner_text() == "投訴"  # shown as written
    page.locator("#q").fill("升級條件 一千元")
    page.locator("#q").press("Enter")
    page.wait_for_function("document.body.dataset.searchDone === '升級條件 一千元'")
    assert result_links(page)[0] == "d/complaint-handbook.html#%E5%8D%87%E7%B4%9A%E6%A2%9D%E4%BB%B6"
    page.locator("#q").fill("沒有這種字詞組合")
    page.locator("#q").press("Enter")
    page.wait_for_function("document.body.dataset.searchDone === '沒有這種字詞組合'")
    assert result_links(page) == [] and "沒有找到" in page.locator("#status").inner_text()
    assert page.errors == []


def test_library_synonyms_are_searched(site: Path, browser: Any) -> None:
    page = open_page(browser, url(site, "search.html?q=退錢"))  # 退錢 → 退钱 = 退款
    links = result_links(page)
    assert links and all(link.startswith("d/sop-refund.html") for link in links)
    assert page.locator("#results mark").first.inner_text() == "退款"
    assert page.errors == []


def test_injected_script_does_not_run(site: Path, browser: Any, tmp_path: Path) -> None:
    # the check can fail: the same markup unsanitised does set the flag
    raw = tmp_path / "raw.html"
    raw.write_text("<!DOCTYPE html><meta charset=utf-8>" + markdown_to_html(HOSTILE.split(
        "---\n", 2)[2]), encoding="utf-8")
    control = open_page(browser, raw.as_uri())
    control.wait_for_function(f"window.{PWNED_FLAG} !== undefined", timeout=5_000)

    page = open_page(browser, url(site, "d/escape.html"))
    page.wait_for_load_state("load")
    for link in page.locator(".doc-body a").all():
        link.click(no_wait_after=True)
    page.wait_for_timeout(300)  # an onerror or a click handler would have run by now
    assert page.evaluate(f"window.{PWNED_FLAG}") is None
    assert page.locator(".doc-body iframe, .doc-body svg").count() == 0
    results = open_page(browser, url(site, "search.html?q=危險文件"))
    links = result_links(results)  # the title entry first; its section holds the title too
    assert links[0] == "d/escape.html" and all(link.startswith("d/escape.html") for link in links)
    assert results.evaluate(f"window.{PWNED_FLAG}") is None


def test_copy_button_puts_the_phrasing_on_the_clipboard(site: Path, browser: Any) -> None:
    page = open_page(browser, url(site, "d/phrasing-apology.html"))
    page.evaluate("navigator.clipboard.writeText('')")
    page.locator(".copy-button").first.click()
    page.wait_for_function("document.querySelector('.copy-button').textContent === '已複製'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "非常抱歉造成您的不便，{{客戶稱呼}}，我馬上為您處理。"
    assert page.errors == []


def test_procedure_checklist_ticks(site: Path, browser: Any) -> None:
    page = open_page(browser, url(site, "d/sop-refund.html"))
    first = page.locator(".step").first
    first.locator(".step-check").check()
    assert "done" in (first.get_attribute("class") or "")
    assert page.locator("[data-timer]").is_visible()
    assert page.errors == []



def test_timer_marks_a_step_past_its_limit(site: Path, browser: Any) -> None:
    page = browser.new_page()
    page.clock.install()
    page.goto(url(site, "d/sop-refund.html"))
    page.locator("[data-timer-start]").click()
    page.clock.run_for("06:00")  # six minutes: past step 1's 5 minutes, within step 2's 24 hours
    steps = page.locator(".step")
    assert "overdue" in (steps.nth(0).get_attribute("class") or "")
    assert "overdue" not in (steps.nth(1).get_attribute("class") or "")
    assert page.locator("[data-timer-elapsed]").inner_text() == "6:00"
    steps.nth(0).locator(".step-check").check()
    page.clock.run_for("00:02")
    assert "overdue" not in (steps.nth(0).get_attribute("class") or "")


def test_phone_width_and_print_layout(site: Path, browser: Any) -> None:
    page = open_page(browser, url(site, "d/phrasing-apology.html"))
    page.set_viewport_size({"width": 375, "height": 700})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.locator(".copy-button").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".copy-button").is_visible()
    assert page.locator(".copy-text").is_visible()


def test_query_filters_narrow_the_search_as_in_the_app(site: Path, browser: Any) -> None:
    # 客戶 is in the handbook and in the phrasing; the filters keep what they name
    page = open_page(browser, url(site, "search.html?q=客戶"))
    both = result_links(page)
    assert {link.split("#")[0] for link in both} >= {"d/complaint-handbook.html",
                                                      "d/phrasing-apology.html"}
    for query, kept in (("客戶 kind:phrasing", "d/phrasing-apology.html"),
                        ("客戶 類型:話術", "d/phrasing-apology.html"),  # other names, aliases
                        ("客戶 tag:投訴", "d/complaint-handbook.html"),
                        ("客戶 分類:投訴處理", "d/complaint-handbook.html"),
                        ("kind:procedure", "d/sop-refund.html")):  # filters alone list documents
        page.locator("#q").fill(query)
        page.locator("#q").press("Enter")
        page.wait_for_function(f"document.body.dataset.searchDone === {query!r}")
        links = result_links(page)
        assert links and {link.split("#")[0] for link in links} == {kept}, (query, links)
    # a kind the app does not know is no filter: it stays words to find (here none holds
    # them, and the closest sections, of both documents, are listed)
    page.locator("#q").fill("客戶 kind:nothing")
    page.locator("#q").press("Enter")
    page.wait_for_function("document.body.dataset.searchDone === '客戶 kind:nothing'")
    assert {link.split("#")[0] for link in result_links(page)} >= {
        "d/complaint-handbook.html", "d/phrasing-apology.html"}
    assert "並非所有詞都找到" in page.locator("#status").inner_text()
    assert page.errors == []


def test_words_forming_a_synonym_entry_are_joined_as_in_the_app(site: Path, browser: Any) -> None:
    # 退 and 錢 typed apart (or cut apart) form the library's synonym 退钱 (= 退款) again
    page = open_page(browser, url(site, "search.html?q=退 錢"))
    links = result_links(page)
    assert links and all(link.startswith("d/sop-refund.html") for link in links)
    words = page.evaluate("q => KBSearch.explain(q)", "退 錢")["words"]
    assert [w["word"] for w in words] == ["退钱"]
    apart = page.evaluate("q => KBSearch.explain(q)", "退 訂單")["words"]
    assert [w["word"] for w in apart] == ["退", "订单"]  # no entry: the words stay apart
    assert page.errors == []


def test_a_query_is_cut_where_the_app_drops_question_words(site: Path, browser: Any) -> None:
    page = open_page(browser, url(site, "search.html?q=退錢要多久"))
    links = result_links(page)
    assert links and all(link.startswith("d/sop-refund.html") for link in links)
    # 要多久 (a thesaurus word) is cut as the app cuts it, 要 多久, and both are left out
    words = page.evaluate("q => KBSearch.explain(q)", "退錢要多久")["words"]
    assert [w["word"] for w in words] == ["退钱"]
    assert page.errors == []
