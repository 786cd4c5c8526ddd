"""What a reader sees in the search box of the real site, in Chromium: clean results that show
the matching sentence, meta pages after the answers, each language's own pages, file:// too."""

import re

import pytest

from bench.browser import open_page, type_query
from shuniu.render.language import NOTICE_TEXT
from tests.conftest import PROJECT
from tests.test_site_browser import open_search

pytestmark = pytest.mark.browser

INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff]")
CONTENT = ("policies/", "procedures/", "study/")
# The real banks with no English version (quizzes/*.yml without a .en.yml): Chinese pages only.
CHINESE_ONLY_BANKS = {f"quizzes/{bank.stem}.html" for bank in (PROJECT / "quizzes").glob("*.yml")
                      if not bank.stem.endswith(".en") and not bank.with_suffix(".en.yml").exists()}


def results(page, base, start, query):
    open_page(page, f"{base}/{start}")
    return type_query(page, base, query).pages


def first_result(page):
    item = page.locator(".md-search-result__item").first
    return item.inner_text(), item.inner_html()


def test_a_colloquial_question_shows_the_rule_and_the_sentence_that_answers(page, site_url):
    pages = results(page, site_url, "index.html", "公章丢了怎么处理")
    assert pages[0] == "policies/yinzhang-guanli.html"
    text, html = first_result(page)
    assert "印章遗失的，保管人员应立即报告办公室主任" in text
    assert "<mark>印章</mark>" in html and "<mark>遗失</mark>" in html
    for chrome in ("现行有效", "生效日期", "责任单位", "修订记录"):  # the page's status block and history
        assert chrome not in text
    assert not INVISIBLE.search(page.locator(".md-search-result").inner_text())


def test_glossary_and_other_meta_pages_never_come_before_a_page_that_answers(page, site_url):
    pages = results(page, site_url, "index.html", "定密责任人是谁")
    assert pages[0] in ("policies/baomi-guanli.html", "study/baomi-jichu.html")
    kinds = [p.startswith(CONTENT) and not p.endswith("index.html") for p in pages]
    assert "glossary.html" in pages and kinds == sorted(kinds, reverse=True), pages


def test_the_chinese_site_lists_chinese_pages_only(page, site_url):
    pages = results(page, site_url, "index.html", "GB/T 9704 格式")
    assert pages and not [p for p in pages if p.startswith("en/")]


def test_the_english_site_lists_english_pages_and_marks_chinese_only_ones(page, site_url, built_site):
    def marks():
        shown = dict(page.locator(".md-search-result__item").evaluate_all(
            "items => items.map(i => [i.querySelector('a').pathname, i.querySelector('h1 .shuniu-search-zh')?.textContent])"))
        # The mark agrees with the page itself: marked exactly when it says it is in Chinese only, or
        # when it is a Chinese page with no English copy at all (a bank with no English version).
        notice = {path: NOTICE_TEXT in (built_site / path.lstrip("/")).read_text(encoding="utf-8")
                  or not path.startswith("/en/") for path in shown}
        assert {path: mark == "中文页面" for path, mark in shown.items()} == notice
        return notice

    pages = results(page, site_url, "en/index.html", "seal")
    assert pages[0] == "en/policies/yinzhang-guanli.html"
    assert all(p.startswith("en/") for p in pages), pages
    assert not any(marks().values())  # English pages
    pages = results(page, site_url, "en/index.html", "值班")
    assert all(p.startswith("en/") or p in CHINESE_ONLY_BANKS for p in pages), pages
    assert marks()["/en/study/plans/xinren-rumen-2026.html"]  # a study plan's sessions are Chinese
    pages = results(page, site_url, "en/index.html", "行文规则")
    assert "quizzes/xingwen-guize.html" in pages, pages  # no English version: listed as the Chinese page it is
    assert all(p.startswith("en/") or p in CHINESE_ONLY_BANKS for p in pages), pages
    assert marks()["/quizzes/xingwen-guize.html"]
    assert page.locator(".md-search-result__item h1 .shuniu-search-zh").first.is_visible()


def test_opened_from_disk_the_english_site_searches_english_pages(page, built_site):
    page.goto((built_site / "en" / "index.html").as_uri())
    open_search(page)
    box = page.locator("input.md-search__input")
    box.fill("seal register")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30000, state="attached")
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    assert "/en/policies/yinzhang-guanli.html" in hrefs[0]
    assert all("/en/" in href for href in hrefs), hrefs
