"""The English site is English: menus and generated chrome carry no Chinese, and every page
under en/ either has an English body or says at its top that it is available in Chinese only.

Reads the one real build (``built_site``); the term list's checks run on small texts.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from shuniu.problems import Problems
from shuniu.render.language import NOTICE_TEXT, nav_status
from shuniu.terms import TERMS_FILE, read_terms

HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
# The parts of a Material page that are chrome, by the class on their outermost element.
CHROME = ("md-header", "md-tabs", "md-sidebar--primary", "md-footer")
# Not chrome: the language switcher offers 中文 by its own name; a page's table of contents
# (also shown inside the menu on small screens) is its headings, checked with its body.
NOT_CHROME = ("md-select", "md-nav--secondary")
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


class _Page(HTMLParser):
    """Splits a built page into its chrome text and its article text (without the notice)."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, str]] = []  # (tag, class) of the elements we are inside
        self.chrome: list[str] = []
        self.article: list[str] = []
        self.notice = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = values.get("class") or ""
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            self._attributes(values, classes)
            return
        self.open.append((tag, classes))
        self._attributes(values, classes)

    def _attributes(self, values: dict[str, str | None], classes: str) -> None:
        if self._in_chrome(classes):
            self.chrome += [v for k, v in values.items() if k in ATTRIBUTES and v]

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def _inside(self, name: str, extra: str = "") -> bool:
        return any(name in classes.split() for _, classes in self.open) or name in extra.split()

    def _in_chrome(self, extra: str = "") -> bool:
        if any(self._inside(part, extra) for part in NOT_CHROME):
            return False
        return any(self._inside(part, extra) for part in CHROME)

    def handle_data(self, data: str) -> None:
        if any(tag in ("script", "style") for tag, _ in self.open):
            return
        if self._inside("shuniu-zh-only"):
            self.notice = self.notice or NOTICE_TEXT in data
        elif self._in_chrome():
            self.chrome.append(data)
        elif self._inside("md-content"):
            self.article.append(data)


def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def english_pages(built_site: Path) -> dict[str, _Page]:
    pages = {str(p.relative_to(built_site / "en")): _read(p) for p in sorted((built_site / "en").rglob("*.html"))}
    assert len(pages) > 40
    return pages


def test_menus_and_chrome_of_the_english_site_have_no_chinese(english_pages: dict[str, _Page]) -> None:
    leaks = {
        name: sorted({text.strip()[:40] for text in page.chrome if HAN.search(text)})
        for name, page in english_pages.items()
    }
    assert {name: found for name, found in leaks.items() if found} == {}


def test_every_english_page_is_english_or_says_it_is_chinese_only(english_pages: dict[str, _Page]) -> None:
    def mostly_chinese(page: _Page) -> bool:
        text = "".join(page.article)
        return len(HAN.findall(text)) > len(LATIN.findall(text)) / 4  # Chinese names in brackets are fine

    unmarked = [name for name, page in english_pages.items() if mostly_chinese(page) and not page.notice]
    assert unmarked == []
    # A bank page's own text is mostly generated English; its description and questions are not.
    marked_without_chinese = [name for name, page in english_pages.items()
                              if page.notice and not HAN.search("".join(page.article))]
    assert marked_without_chinese == []


def test_translated_pages_carry_no_notice_and_fallbacks_do(english_pages: dict[str, _Page]) -> None:
    assert not english_pages["procedures/zhiban.html"].notice  # translated: docs/procedures/zhiban.en.md
    assert not english_pages["policies/index.html"].notice
    assert not english_pages["maintainers.html"].notice  # docs/maintainers.en.md
    assert not english_pages["deployment.html"].notice  # docs/deployment.en.md
    assert not english_pages["quizzes/baomi.html"].notice  # quizzes/baomi.en.yml: the questions are English
    assert "quizzes/xingwen-guize.html" not in english_pages  # no English version: no English page at all
    assert english_pages["study/plans/xinren-rumen-2026.html"].notice  # a plan's sessions are Chinese
    assert english_pages["glossary.html"].notice


def test_chinese_only_pages_are_marked_in_their_menu_entry(built_site: Path) -> None:
    plan = (built_site / "en" / "study" / "plans" / "xinren-rumen-2026.html").read_text(encoding="utf-8")
    active = plan[plan.index("md-nav__link--active"):][:600]
    assert 'class="md-status md-status--zh-only" title="Chinese only"' in active
    translated = (built_site / "en" / "procedures" / "zhiban.html").read_text(encoding="utf-8")
    active = translated[translated.index("md-nav__link--active"):][:600]
    assert "md-status--zh-only" not in active
    chinese = (built_site / "quizzes" / "baomi.html").read_text(encoding="utf-8")
    assert "md-status--zh-only" not in chinese and NOTICE_TEXT not in chinese  # the Chinese site is not marked


def test_a_superseded_chinese_only_page_gets_both_badges() -> None:
    assert nav_status(deprecated=True, chinese_only=True) == "deprecated-zh-only"
    assert nav_status(deprecated=True, chinese_only=False) == "deprecated"
    assert nav_status(deprecated=False, chinese_only=True) == "zh-only"
    assert nav_status(deprecated=False, chinese_only=False) is None


def test_term_list_reports_duplicates_and_missing_english_with_lines() -> None:
    text = (
        "- {zh: 公文, en: official document}\n"
        "- {zh: 请示, en: request for instructions}\n"
        "- {zh: 公文, en: document}\n"
        "- {zh: 函, en: }\n"
        "- {zh: 批复, en: reply, colour: red}\n"
        "- just text\n"
    )
    problems = Problems()
    pairs = read_terms(TERMS_FILE, text, problems)
    assert [str(p) for p in problems.sorted()] == [
        f"{TERMS_FILE}:3: duplicate term '公文' (also on line 1)",
        f"{TERMS_FILE}:4: missing required field 'en'",
        f"{TERMS_FILE}:5: unknown field 'colour'",
        f"{TERMS_FILE}:6: an entry must be a mapping {{zh: ..., en: ...}}, got 'just text'",
    ]
    assert [(p.zh, p.en) for p in pairs] == [("公文", "official document"), ("请示", "request for instructions"),
                                             ("批复", "reply")]


def test_the_repository_term_list_is_clean() -> None:
    path = Path(__file__).resolve().parents[1] / TERMS_FILE
    problems = Problems()
    pairs = read_terms(TERMS_FILE, path.read_text(encoding="utf-8"), problems)
    assert not problems.items
    assert {"公文": "official document", "涉密载体": "classified carrier"}.items() <= {p.zh: p.en for p in pairs}.items()


def test_the_english_glossary_gives_each_listed_term_in_english(built_site: Path) -> None:
    glossary = (built_site / "en" / "glossary.html").read_text(encoding="utf-8")
    request = glossary[glossary.index('id="请示"'):][:1500]
    assert "<strong>In English</strong>: request for instructions" in request
    chinese = (built_site / "glossary.html").read_text(encoding="utf-8")
    assert "In English" not in chinese and "英文" not in chinese


def test_glossary_tooltips_on_english_pages_lead_with_the_english_term(built_site: Path) -> None:
    page = (built_site / "en" / "study" / "gongwen-xiezuo-jichu.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="request for instructions — 适用于向上级机关请求指示、批准的文种[^"]*">请示</abbr>', page)
    chinese = (built_site / "study" / "gongwen-xiezuo-jichu.html").read_text(encoding="utf-8")
    assert '<abbr title="适用于向上级机关请求指示、批准的文种' in chinese and "request for instructions" not in chinese


def test_a_bank_with_no_english_version_is_reached_on_its_chinese_page(built_site: Path) -> None:
    """No English copy of a page that would only repeat the Chinese one (issue #17): the English bank
    index links the Chinese page, marked, under its English title; the Chinese page's language
    switcher leads to the English bank index; a translated bank keeps its English page."""
    assert not (built_site / "en" / "quizzes" / "xingwen-guize.html").exists()
    index = (built_site / "en" / "quizzes" / "index.html").read_text(encoding="utf-8")
    assert ('<a href="../../quizzes/xingwen-guize.html" hreflang="zh">Rules on sending documents and drafting</a> '
            '<span class="shuniu-zh-mark">(Chinese only)</span>') in index  # English title from docs/terms.en.yml
    assert '<a href="baomi.html">' in index  # quizzes/baomi.en.yml: its own English page
    chinese = (built_site / "quizzes" / "xingwen-guize.html").read_text(encoding="utf-8")
    assert '<a href="../en/quizzes/index.html" hreflang="en" class="md-select__link">' in chinese
    translated = (built_site / "quizzes" / "baomi.html").read_text(encoding="utf-8")
    assert '<a href="../en/quizzes/baomi.html" hreflang="en" class="md-select__link">' in translated
    menu = index[index.index('data-md-component="sidebar" data-md-type="navigation"'):]
    assert "xingwen-guize" not in menu.split('data-md-type="toc"')[0]

