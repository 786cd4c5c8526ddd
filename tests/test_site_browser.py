"""The built site in a real browser: no outside requests, Chinese search, language switch."""

import re
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

# One page of every kind, written and generated, in both languages.
PAGES = [
    "index.html", "policies/index.html", "policies/yinzhang-guanli.html", "policies/gongwen-geshi-2019.html",
    "procedures/index.html", "procedures/shouwen-banli.html", "procedures/checklists/index.html",
    "procedures/checklists/shouwen-banli.html", "study/index.html", "study/bangongshi-gaozhiliang.html",
    "study/plans/index.html", "study/plans/xinren-rumen-2026.html", "glossary.html", "review.html",
    "maintainers.html", "quizzes/index.html", "quizzes/baomi.html", "quizzes/practice.html",
    "quizzes/exam.html", "quizzes/wrongbook.html", "quizzes/progress.html", "404.html",
]


def outside_requests(page, url):
    """Load ``url`` and return every request made to a host other than the site's own."""
    own = urlparse(url).netloc
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(url, wait_until="networkidle")
    return [u for u in seen if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).netloc != own]


@pytest.mark.parametrize("path", PAGES + ["en/" + p for p in PAGES])
def test_no_requests_to_other_hosts(page, site_url, path):
    assert outside_requests(page, f"{site_url}/{path}") == []


def test_no_page_references_another_host(built_site):
    """Every built page, not just one of each kind: no src/href that would load from elsewhere."""
    loads = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.I)
    offenders = [
        p.relative_to(built_site).as_posix()
        for p in built_site.rglob("*.html")
        if loads.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def open_search(page):
    """Open the search box and wait until the index is loaded, as a reader would see it."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent.trim() && !/初始化|Initializing/.test(m.textContent); }",
        timeout=60000,
    )


def search(page, site_url, query):
    page.goto(f"{site_url}/index.html")
    open_search(page)
    box = page.locator("input.md-search__input")
    box.fill(query)
    # Material searches on key events; a person typing (an IME included) makes them, fill() does not.
    box.press("End")
    # "attached", not "visible": Playwright's visibility wait can hang on the search overlay's
    # scroll container while the results are plainly on screen (seen on file:// and under load).
    page.wait_for_selector(".md-search-result__item", timeout=30000, state="attached")
    return page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )


@pytest.mark.parametrize(("query", "expected"), [
    ("收文", "procedures/shouwen-banli.html"),
    ("印章", "policies/yinzhang-guanli.html"),
    ("保密", "policies/baomi-guanli.html"),
])
def test_chinese_search_finds_the_page(page, site_url, query, expected):
    results = search(page, site_url, query)
    top = [re.sub(r"[?#].*$", "", href).removeprefix(site_url + "/") for href in results[:5]]
    assert expected in top, f"{query}: first results were {top}"


def test_language_switch_lands_on_the_same_page(page, site_url):
    page.goto(f"{site_url}/policies/yinzhang-guanli.html")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_load_state()
    assert page.url == f"{site_url}/en/policies/yinzhang-guanli.html"
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='zh']").click()
    page.wait_for_load_state()
    assert page.url == f"{site_url}/policies/yinzhang-guanli.html"


def test_opened_from_disk_search_works_and_nothing_is_fetched(page, built_site):
    """The site opened as files (file://), e.g. from a shared drive with no web server."""
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto((built_site / "index.html").as_uri())
    open_search(page)
    page.locator("input.md-search__input").fill("印章")
    page.locator("input.md-search__input").press("End")
    # On file:// the search worker runs in an iframe (assets/shuniu/iframe-worker.js); Playwright's visibility
    # wait never settles there, so wait for the results to exist, then check they are shown.
    page.wait_for_selector(".md-search-result__item", timeout=30000, state="attached")
    assert page.locator(".md-search-result__item").first.is_visible()
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    assert any("policies/yinzhang-guanli.html" in href for href in hrefs[:5])
    assert [url for url in seen if not url.startswith(("file://", "data:", "blob:", "about:"))] == []



@pytest.mark.parametrize("path", ["index.html", "en/quizzes/group-report.html"])
def test_walking_the_header_with_the_keyboard_on_a_phone_never_widens_the_page(browser, site_url, path):
    # Material centres the language menu under its button. When the search opened on a phone (Tab
    # reaches it after the menu), the header moved the menu, still laid out while it faded, 16 px
    # past the screen: the page scrolled sideways from then on.
    # Three walks: how far the menu has faded when the search opens depends on timing.
    for _ in range(3):
        context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(f"{site_url}/{path}")
        widths, menu_seen = [], False
        for _ in range(25):
            page.keyboard.press("Tab")
            if page.evaluate("!!document.activeElement.closest('.md-header .md-select')"):
                menu_seen = True
                box = page.locator(".md-header .md-select__inner").first.bounding_box()
                assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
            widths.append(page.evaluate("document.documentElement.scrollWidth"))
        assert menu_seen
        assert max(widths) <= 375, widths
        context.close()
