"""Reading and navigation in the built site: one superseded notice, footer and index tables in the
menus' order, no sitemap request that fails."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_site_browser import PAGES


def admonition_titles(html: str) -> list[str]:
    return re.findall(r'<p class="admonition-title">([^<]*)</p>', html)


def test_a_superseded_policy_shows_one_notice_naming_its_successor(built_site: Path):
    for page, title, successor in (("policies/gongwen-geshi-2019.html", "已被替代", "《公文格式规范》"),
                                   ("en/policies/gongwen-geshi-2019.html", "Superseded", "Official Document Format Rules")):
        html = (built_site / page).read_text(encoding="utf-8")
        assert admonition_titles(html) == [title], page
        notice = html.split('<p class="admonition-title">', 1)[1].split("</div>", 1)[0]
        assert successor in notice and "BGS-ZD-001" in notice and "2025-03-01" in notice, notice


class _Links(HTMLParser):
    """The footer's previous/next links and the first table's links of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.footer: dict[str, str] = {}
        self.table: list[str] = []
        self.tables = 0
        self.in_table = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "a" and "md-footer__link" in classes:
            self.footer["next" if "md-footer__link--next" in classes else "prev"] = a["href"] or ""
        if tag == "table":
            self.tables += 1
            self.in_table = self.tables == 1
        if tag == "a" and self.in_table and a.get("href"):
            self.table.append(a["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.in_table = False


def links(site: Path, page: str) -> _Links:
    parser = _Links()
    parser.feed((site / page).read_text(encoding="utf-8"))
    return parser


def footer_walk(site: Path, start: str) -> list[str]:
    """Every page met following 下一页 from ``start``, checking 上一页 leads back each time."""
    seen = [start]
    while (target := links(site, seen[-1]).footer.get("next")) is not None:
        page = posixpath.normpath(posixpath.join(posixpath.dirname(seen[-1]), target))
        assert page not in seen, f"the footer goes round in a circle at {page}"
        back = links(site, page).footer.get("prev")
        assert back is not None and posixpath.normpath(posixpath.join(posixpath.dirname(page), back)) == seen[-1], page
        seen.append(page)
    return seen


def test_the_footer_follows_the_menus(built_site: Path):
    for lang in ("", "en/"):
        walk = footer_walk(built_site, f"{lang}index.html")
        sections = [page.removeprefix(lang).split("/")[0] for page in walk if "/" in page.removeprefix(lang)]
        order = list(dict.fromkeys(sections))
        assert order[:4] == ["policies", "procedures", "study", "quizzes"], order
        assert walk[1] == f"{lang}policies/index.html"  # home, then the first section, not 术语表
        quiz = [p.removeprefix(f"{lang}quizzes/") for p in walk if p.startswith(f"{lang}quizzes/")]
        assert quiz[:5] == ["index.html", "practice.html", "exam.html", "wrongbook.html", "progress.html"]
        assert not any("/checklists/" in p and not p.endswith("index.html") for p in walk)  # not in the menus


def test_each_index_table_lists_its_pages_in_the_footers_order(built_site: Path):
    for lang in ("", "en/"):
        walk = footer_walk(built_site, f"{lang}index.html")
        for section in ("policies", "procedures", "study", "study/plans", "quizzes"):
            table = [f"{lang}{section}/{href}" for href in links(built_site, f"{lang}{section}/index.html").table
                     if "/" not in href and href.endswith(".html")]
            in_footer = [p for p in walk if p in table]
            assert len(table) >= 2 and in_footer == table, section


def test_procedures_are_listed_in_pinyin_order_of_their_titles(built_site: Path):
    from shuniu.pinyin import sort_key

    html = (built_site / "procedures/index.html").read_text(encoding="utf-8")
    table = html.split("<table>", 1)[1].split("</table>", 1)[0]
    titles = re.findall(r'<td><a href="[^"/]+\.html">([^<]+)</a></td>', table)
    assert len(titles) > 5 and titles == sorted(titles, key=sort_key)


def test_no_sitemap_is_written_or_requested(built_site: Path):
    assert not list(built_site.rglob("sitemap.xml*"))
    assert not [p for p in built_site.rglob("*.html") if 'rel="alternate" href=' in p.read_text(encoding="utf-8")]


@pytest.mark.browser
def test_loading_pages_makes_no_request_that_fails(page, site_url):
    failed: list[str] = []
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    # A load still running when the next page is opened is cancelled (net::ERR_ABORTED): that is
    # the navigation, not a broken address, which shows as a status >= 400 or another error.
    page.on("requestfailed", lambda request: None if request.failure == "net::ERR_ABORTED"
            else failed.append(f"failed {request.url}: {request.failure}"))
    # One 404.html serves the whole site (a web server shows it for any missing address).
    for path in PAGES + ["en/" + p for p in PAGES if p != "404.html"]:
        page.goto(f"{site_url}/{path}", wait_until="networkidle")
    assert failed == []
