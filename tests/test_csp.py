"""The Content-Security-Policy: on every page, inline code by hash only, and the site still works
under it over http and from disk, while a script smuggled into a page is refused."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from test_site_browser import PAGES, search

from shuniu.web.csp import HEADER_POLICY, theme_script_patterns, with_policy

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)
# Watches for refusals before any page script runs; the tests read them after the page loads.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


THEME_TEMPLATE = '<script>__md_scope=new URL("{{ base_url }}",location)</script><script src="{{ x }}"></script>'


def test_the_policy_allows_the_theme_scripts_and_the_inline_styles_a_page_holds():
    page = ('<html><head><meta charset="utf-8"><script>__md_scope=new URL("../..",location)</script>'
            '<script type="application/json">{}</script><style>p{}</style></head>'
            '<body><td style="text-align: right;">1</td><script src="x.js"></script></body></html>')
    html, refused = with_policy(page, theme_script_patterns([THEME_TEMPLATE]))
    policy = directives(META.search(html).group(1))
    assert refused == ()
    assert policy["script-src"] == ["'self'", "file:", sha256('__md_scope=new URL("../..",location)')]
    assert policy["style-src-elem"] == ["'self'", "file:", sha256("p{}")]
    assert policy["style-src-attr"] == ["'unsafe-hashes'", sha256("text-align: right;")]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in html and "'unsafe-eval'" not in html
    assert html.startswith('<html><head><meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"')
    assert "frame-ancestors 'none'" in HEADER_POLICY


@pytest.mark.parametrize("body", [
    '<td STYLE="a: b">1</td><div\tstyle = \'c: d\'>',  # any case, either quote, spaces around =
    'İ <p style="x: y">İ</p>',  # a character whose lower case is two characters long
    '<p data-style="no">not an attribute</p> style="outside a tag, after a space"',
    '<p>style="at the very start of a line\nstyle="after a newline"</p>',
])
def test_every_style_attribute_is_hashed_wherever_it_is_written(body):
    # The scan finds "style" by string search (bench/profile.py: a pattern tried at every space
    # was a millisecond a page); it must find what a plain regular expression over the page finds.
    expected = re.findall(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", body, re.I)
    html, _ = with_policy(f"<html><head></head><body>{body}</body></html>", ())
    hashed = directives(META.search(html).group(1))["style-src-attr"][1:]
    assert hashed == list(dict.fromkeys(sha256(double or single) for double, single in expected))
    assert hashed  # every case holds at least one attribute


def test_an_inline_script_the_theme_did_not_write_gets_no_hash_and_is_reported():
    smuggled = 'alert(1)'
    lookalike = '__md_scope=new URL("",location);alert(1)//",location)'  # tries to pass as the theme's
    page = f'<html><head><script>{smuggled}</script><script>{lookalike}</script></head></html>'
    html, refused = with_policy(page, theme_script_patterns([THEME_TEMPLATE]))
    assert refused == (smuggled, lookalike)
    assert directives(META.search(html).group(1))["script-src"] == ["'self'", "file:"]


def test_every_built_page_carries_a_policy_covering_its_inline_scripts(built_site: Path):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policy = META.search(html)
        assert policy, path
        head = html[html.index("<head>"): policy.start()]
        assert "<script" not in head and "<link" not in head, path  # first in <head>: it covers everything
        allowed = directives(policy.group(1))["script-src"]
        assert allowed[:2] == ["'self'", "file:"]
        for script in INLINE_SCRIPT.findall(html):
            assert sha256(script) in allowed, (path, script[:60])


def violations(page) -> list[str]:
    return page.evaluate("window.__violations")


@pytest.fixture
def watched(page):
    """A page whose policy refusals (events and console messages) are recorded."""
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text) if "Content Security Policy" in message.text else None)
    page.add_init_script(WATCH)
    return page, console


@pytest.mark.browser
def test_a_script_smuggled_into_a_built_page_is_refused(watched, site_url):
    page, console = watched

    def smuggle(route):
        html = route.fetch().text()
        html = html.replace("</head>", "<script>window.__ran = 1</script></head>")
        html = html.replace("</article>", '<img src="x.png" onerror="window.__ran = 2"></article>')
        route.fulfill(body=html, headers={"content-type": "text/html; charset=utf-8"})

    page.route("**/policies/yinzhang-guanli.html", smuggle)
    page.goto(f"{site_url}/policies/yinzhang-guanli.html")
    page.wait_for_load_state("load")
    assert page.evaluate("window.__ran") is None
    refused = violations(page)
    assert "script-src-elem inline" in refused and "script-src-attr inline" in refused
    assert len(console) == 2
    assert page.locator("article h1").inner_text() == "印章管理"  # the page itself still shows


def open_each_page(page, base: str) -> None:
    for path in PAGES + ["en/" + p for p in PAGES if p != "404.html"]:
        page.goto(f"{base}/{path}")
        page.wait_for_load_state("load")
        assert violations(page) == [], path


def use_quiz_and_checklist(page, base: str) -> None:
    page.goto(f"{base}/quizzes/practice.html?bank=baomi")
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    page.locator("label.shuniu-opt").first.click()
    page.get_by_role("button", name="提交答案").click()
    assert page.locator(".shuniu-verdict").inner_text()
    page.goto(f"{base}/quizzes/exam.html?bank=baomi")
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    page.get_by_role("button", name="开始考试").click()
    page.wait_for_selector(".shuniu-timer")
    page.goto(f"{base}/procedures/checklists/shouwen-banli.html")
    page.locator("input[data-item]").first.check()
    page.reload()
    assert page.locator("input[data-item]").first.is_checked()
    assert violations(page) == []


def switch_language(page, base: str) -> None:
    page.goto(f"{base}/policies/yinzhang-guanli.html")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url("**/en/policies/yinzhang-guanli.html")


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("where", ["http", "file"])
def test_every_page_kind_works_under_the_policy(watched, site_url, built_site, where):
    page, console = watched
    base = site_url if where == "http" else built_site.as_uri()
    open_each_page(page, base)
    assert search(page, base, "印章")  # on file:// the worker runs in iframe-worker.js's iframe
    use_quiz_and_checklist(page, base)
    switch_language(page, base)
    assert violations(page) == [] and console == []
