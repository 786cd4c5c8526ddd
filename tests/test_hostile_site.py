"""The hostile corpus built and opened in Chromium: no content field runs as script anywhere.

One small build (tests/hostile_corpus.py puts a different hostile string into every field of
every file kind), then every built page, a search whose results show tags, and the quiz player
(practice, 错题本, progress, exam) in one browser pass. A script that runs sets ``window.__pwned``
to the name of the field it came from; an element it smuggles in is found by ``INJECTED``. The
pages' Content-Security-Policy would stop most scripts that got through the escaping: the
element check is what proves the escaping itself.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import mkdocs_build, serve
from test_site_browser import search

from tests.hostile_corpus import INJECTED, hostile, write_hostile_root

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_hostile_root(tmp_path_factory.mktemp("hostile-root"))
    site = root / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url


def harm(page) -> list[str]:
    """What hostile content did on the page shown: a script that ran, or injected elements."""
    ran = page.evaluate("() => window.__pwned || null")
    found = page.evaluate(INJECTED)
    return ([f"script ran: {ran}"] if ran else []) + found


@pytest.fixture
def watched(page) -> Iterator[tuple[object, list[str]]]:
    """The page, and every dialog it tried to open (dismissed, so nothing blocks)."""
    dialogs: list[str] = []

    def dismiss(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    yield page, dialogs


def test_no_built_page_runs_content_as_script(watched, hostile_site, hostile_url):
    page, dialogs = watched
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    assert len(pages) >= 40  # every kind: sections, policies, procedure, checklist, plan, glossary, quiz pages
    problems = {}
    for path in pages:
        page.goto(f"{hostile_url}/{path}")
        page.wait_for_load_state("load")
        if harm(page):
            problems[path] = harm(page)
    assert problems == {}
    assert dialogs == []


def test_hostile_text_is_shown_as_text(page, hostile_url):
    page.goto(f"{hostile_url}/policies/zhidu.html")
    title = hostile("zhidu.title")
    assert page.locator("article h1").inner_text() == title
    assert page.title().startswith(title)
    assert page.locator("meta[name=description]").get_attribute("content") == hostile("zhidu.description")
    assert title in page.locator(".md-nav--primary").inner_text()
    article = page.locator("article").inner_text()
    for field in ("zhidu.owner", "zhidu.doc_no", "zhidu.approver", "jiu.title"):
        assert hostile(field) in article, field
    page.goto(f"{hostile_url}/procedures/liucheng.html")
    article = page.locator("article").inner_text()
    for field in ("liucheng.basis", "s1.title", "s1.role", "s1.action", "s1.inputs", "s1.outputs", "s1.checks", "s2.basis"):
        assert hostile(field) in article, field
    assert hostile("s1.title") in page.locator(".shuniu-flow svg").first.text_content()
    page.goto(f"{hostile_url}/quizzes/hostile.html")
    assert hostile("bank.title") in page.locator(".md-nav--primary").inner_text()
    assert hostile("bank.description") in page.locator("article").inner_text()
    page.goto(f"{hostile_url}/study/plans/hostile-plan.html")
    assert hostile("plan.notes") in page.locator("article").inner_text()
    page.goto(f"{hostile_url}/glossary.html")
    glossary = page.locator("article").inner_text()
    for field in ("glossary.definition", "glossary.definition2"):
        assert hostile(field) in glossary, field
    assert hostile("glossary.term").replace("[点我]", "点我") in glossary
    page.goto(f"{hostile_url}/study/xuexi.html")
    # The tooltip script moves the definition from title= into data-definition (its own box shows it).
    term = page.locator("abbr", has_text="HOSTILETERM").first
    shown = term.get_attribute("title") or term.get_attribute("data-definition")
    assert shown == hostile("glossary.definition")


def test_search_results_and_their_tags_stay_text(watched, hostile_site, hostile_url):
    page, dialogs = watched
    # Material's search UI inserts titles and tags as HTML: the index must hold them escaped.
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tags = {tag for doc in index["docs"] for tag in doc.get("tags", [])}
    assert html.escape(hostile("zhidu.tag")).replace("&#x27;", "&#39;") in tags
    assert not any("<" in tag for tag in tags)
    assert search(page, hostile_url, "印章")
    page.wait_for_timeout(300)  # let every result be drawn
    titles = page.locator(".md-search-result h1").all_inner_texts()
    assert hostile("zhidu.title") in titles
    shown_tags = page.locator(".md-search-result .md-tag").all_inner_texts()
    assert set(shown_tags) <= {hostile(f"{p}.tag") for p in ("zhidu", "xuexi", "liucheng", "jiu")} | {"印章"}
    assert harm(page) == [] and dialogs == []


def test_quiz_player_shows_hostile_banks_as_text(watched, hostile_url):
    page, dialogs = watched
    page.goto(f"{hostile_url}/quizzes/practice.html?bank=hostile")
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    seen = []
    for _ in range(4):
        seen.append(page.locator("fieldset.shuniu-q").inner_text())
        options = page.locator("label.shuniu-opt")
        if options.count():
            options.last.click()
        else:
            page.locator("fieldset.shuniu-q input[type=text]").first.fill("x")
        page.get_by_role("button", name="提交答案").click()
        seen.append(page.locator(".shuniu-feedback").inner_text())
        assert harm(page) == []
        page.get_by_role("button", name="下一题").click()
    page.locator("fieldset.shuniu-q textarea").fill("<img src=x onerror=alert(1)>")
    page.get_by_role("button", name="查看参考答案").click()
    page.get_by_role("button", name="没会").click()
    assert harm(page) == []
    page.get_by_role("button", name="完成").click()
    text = "\n".join(seen)
    for field in ("q1.stem", "q1.optA", "q1.explanation", "q2.optB", "q4.stem"):
        assert hostile(field) in text, field
    for name in ("wrongbook", "progress"):
        page.goto(f"{hostile_url}/quizzes/{name}.html")
        page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
        assert harm(page) == [], name
    page.goto(f"{hostile_url}/quizzes/exam.html?bank=hostile")
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    page.get_by_role("button", name="开始考试").click()
    page.get_by_role("button", name="交卷").click()
    page.get_by_role("button", name="确定交卷").click()
    page.wait_for_selector(".shuniu-score")
    assert hostile("q1.explanation") in page.locator("article").inner_text()
    assert harm(page) == [] and dialogs == []
