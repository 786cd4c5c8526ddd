"""Accessibility: axe-core (npm, pinned in tools/axe/) run in Chromium on every page kind, in
the state a reader sees it (a question on screen, an exam under way, a 错题本 with entries).
No serious and no critical violation; colour contrast is WCAG AA."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
PAGE_KINDS = {
    "home": "index.html",
    "section index": "policies/index.html",
    "policy": "policies/yinzhang-guanli.html",
    "superseded policy": "policies/gongwen-geshi-2019.html",
    "procedure": "procedures/shouwen-banli.html",
    "checklist": "procedures/checklists/shouwen-banli.html",
    "study unit": "study/dangan-jichu.html",
    "plan": "study/plans/xinren-rumen-2026.html",
    "glossary": "glossary.html",
    "bank page": "quizzes/baomi.html",
    "practice": "quizzes/practice.html?bank=baomi",
    "exam": "quizzes/exam.html?bank=baomi",
    "wrongbook": "quizzes/wrongbook.html",
    "progress": "quizzes/progress.html",
    "english page": "en/procedures/shouwen-banli.html",
    "maintainers' guide": "maintainers.html",
}
# What axe reports, kept short enough to read in a failure.
RUN_AXE = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        if shutil.which("npm") is None:
            pytest.skip("the accessibility tests need npm (apt-get install nodejs npm); make test installs axe-core")
        pytest.fail(f"{AXE} is missing: run `make test` (it installs tools/axe with npm ci)")
    return AXE.read_text(encoding="utf-8")


def prepare(page, kind: str) -> None:
    """Bring a page into the state a reader sees: the player drawn, a question or exam under way."""
    if kind in ("practice", "exam", "wrongbook", "progress"):
        page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    if kind == "practice":
        page.locator("label.shuniu-opt").first.click()
        page.get_by_role("button", name="提交答案").click()  # feedback and explanation on screen
    if kind == "exam":
        page.get_by_role("button", name="开始考试").click()
        page.wait_for_selector(".shuniu-timer")


def violations(page, axe_source: str) -> list[str]:
    # As a reader sees the page's top: Material fades the tabs out while a page scrolls (the
    # practice page scrolls to its question), and text caught mid-fade fails any contrast test.
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(500)
    page.evaluate(axe_source)  # run as the test's own code: the page's policy does not apply to it
    return page.evaluate(RUN_AXE)


@pytest.mark.slow
def make_a_mistake(page, site_url: str) -> None:
    """Answer practice questions with their first option until one is wrong: the 错题本 and the
    progress page then have an entry to show."""
    page.goto(f"{site_url}/quizzes/practice.html?bank=baomi")
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    for _ in range(20):
        page.locator("label.shuniu-opt").first.click()
        page.get_by_role("button", name="提交答案").click()
        if page.locator(".shuniu-verdict").inner_text().startswith("✗"):
            return
        page.get_by_role("button", name="下一题").click()
    pytest.fail("no wrong answer in 20 tries: choose another way to fill the 错题本")


def test_every_page_kind_has_no_serious_or_critical_violations(page, site_url, axe_source):
    make_a_mistake(page, site_url)
    found = {}
    for kind, path in PAGE_KINDS.items():
        page.goto(f"{site_url}/{path}")
        page.wait_for_load_state("load")
        prepare(page, kind)
        if kind == "wrongbook":
            assert page.locator(".shuniu-wrong").count() >= 1
        found[kind] = violations(page, axe_source)
    assert found == {kind: [] for kind in PAGE_KINDS}


def test_the_search_dialog_is_named_and_its_results_pass(page, site_url, axe_source):
    page.goto(f"{site_url}/index.html")
    assert page.get_by_role("dialog", name="搜索", include_hidden=True).count() == 1
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("印章")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30000, state="attached")
    assert violations(page, axe_source) == []


def test_screenshots_of_the_palette(page, site_url, tmp_path):
    """Screenshots for a person to look at (kept under the test's tmp folder); the header red
    is the one the stylesheet sets."""
    page.set_viewport_size({"width": 1280, "height": 900})
    for name, path in (("home", "index.html"), ("procedure", "procedures/shouwen-banli.html")):
        page.goto(f"{site_url}/{path}")
        page.screenshot(path=str(tmp_path / f"{name}.png"))
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000
    header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header == "rgb(183, 28, 28)"  # #b71c1c
