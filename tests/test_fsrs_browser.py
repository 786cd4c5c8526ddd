"""FSRS review scheduling in Chromium on the real site: the learner chooses it on the 错题本 page (by
keyboard), answers a review item wrong (again) and right (good) and sees the next review move as the
vendored ts-fsrs computes it; switching back to the classic rule keeps the queue; a version-2 store
migrates; the English page; a phone's width; and the page opened from disk (file://)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BANK = "baomi"
# The ts-fsrs computation for a log [[day, rating]...], in the page, with Shuniu's documented
# parameters: the library's own answer to compare the 错题本 with.
LIBRARY_DUE = """log => {
  const scheduler = FSRS.fsrs(FSRS.generatorParameters({enable_short_term: false, enable_fuzz: false}));
  const noon = day => new Date(day + 'T12:00:00Z');
  let card = FSRS.createEmptyCard(noon(log[0][0]));
  for (const [day, rating] of log) card = scheduler.next(card, noon(day), rating).card;
  return card.due.toISOString().slice(0, 10);
}"""
ROOT = "JSON.parse(localStorage.getItem('shuniu.quiz'))"


def visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")


def questions(built_site: Path) -> dict[str, dict]:
    data = json.loads((built_site / f"assets/shuniu/quiz/{BANK}.json").read_text(encoding="utf-8"))
    return {q["id"]: q for q in data["questions"]}


def answer_shown(page, bank: dict[str, dict], right: bool) -> str:
    """Answer the single-choice question on screen right or wrong; returns its id."""
    box = page.locator("fieldset.shuniu-q")
    question = bank[box.get_attribute("data-id")]
    assert question["type"] == "single"
    key = question["answer"] if right else next(k for k, _ in question["options"] if k != question["answer"])
    box.locator(f"label.shuniu-opt[data-key='{key}']").click()
    page.get_by_role("button", name="提交答案").click()
    return question["id"]


def next_review(page, question_id: str) -> str:
    return page.locator(f".shuniu-wrong[data-id='{question_id}']").inner_text().rsplit("下次复习：", 1)[1].strip()


def test_fsrs_schedules_again_and_good_as_ts_fsrs_does_and_the_classic_queue_stays(page, site_url, built_site):
    bank = questions(built_site)
    page.clock.install(time=datetime.datetime(2026, 12, 1, 9, 0))
    visit(page, f"{site_url}/quizzes/wrongbook.html")
    classic = page.get_by_role("radio", name="固定间隔（默认）")
    expect(classic).to_be_checked()
    classic.focus()
    page.keyboard.press("ArrowDown")  # the keyboard chooses FSRS
    expect(page.get_by_role("radio", name="FSRS 自适应间隔")).to_be_checked()
    expect(page.locator(".shuniu-book .shuniu-help")).to_contain_text("复习规则（FSRS")
    assert page.evaluate(ROOT)["settings"]["scheduler"] == "fsrs"

    visit(page, f"{site_url}/quizzes/practice.html?bank={BANK}")
    qid = answer_shown(page, bank, right=False)  # again
    visit(page, f"{site_url}/quizzes/wrongbook.html")
    expect(page.get_by_role("radio", name="FSRS 自适应间隔")).to_be_checked()  # the choice is kept
    first = page.evaluate(LIBRARY_DUE, [["2026-12-01", 1]])
    assert first > "2026-12-01"
    assert next_review(page, qid) == first
    expect(page.get_by_role("link", name="复习到期题目（0）")).to_have_count(1)  # FSRS: not again today

    page.clock.set_system_time(datetime.datetime.fromisoformat(f"{first}T09:00"))
    visit(page, f"{site_url}/quizzes/progress.html")
    assert page.locator(".shuniu-due strong").inner_text() == "今日到期：1 题"
    visit(page, f"{site_url}/quizzes/practice.html?review=due")
    assert page.locator(".shuniu-counter").inner_text() == "第 1 / 1 题"
    assert answer_shown(page, bank, right=True) == qid  # good
    visit(page, f"{site_url}/quizzes/wrongbook.html")
    second = page.evaluate(LIBRARY_DUE, [["2026-12-01", 1], [first, 3]])
    assert second > first
    assert next_review(page, qid) == second
    assert page.evaluate(ROOT)["wrong"][qid]["log"] == [["2026-12-01", 1], [first, 3]]

    fsrs = page.get_by_role("radio", name="FSRS 自适应间隔")
    fsrs.focus()
    page.keyboard.press("ArrowUp")  # back to the classic rule
    expect(page.get_by_role("radio", name="固定间隔（默认）")).to_be_checked()
    expect(page.locator(".shuniu-wrong")).to_have_count(1)
    # Classic: wrong on 12-01 (due at once), right when due on `first`: box 1, due 1 day later.
    classic_day = (datetime.date.fromisoformat(first) + datetime.timedelta(days=1)).isoformat()
    assert next_review(page, qid) == classic_day
    entry = page.evaluate(ROOT)["wrong"][qid]
    assert (entry["box"], entry["due"], entry["log"]) == (1, classic_day, [["2026-12-01", 1], [first, 3]])


def test_a_version_2_store_migrates_and_fsrs_uses_the_derived_history(page, site_url, built_site):
    bank = questions(built_site)
    qid = next(iter(bank))
    v2 = {"version": 2, "learner": {"name": "", "group": ""}, "settings": {"toLeave": 2}, "practice": {},
          "wrong": {qid: {"box": 1, "due": "2026-11-06", "given": "A", "wrongs": 1, "added": "2026-11-03",
                          "lastRight": "2026-11-05", "asked": None}}, "exams": [], "current": None}
    page.clock.install(time=datetime.datetime(2026, 11, 7, 9, 0))
    page.goto(f"{site_url}/index.html")
    page.evaluate("text => localStorage.setItem('shuniu.quiz', text)", json.dumps(v2))
    visit(page, f"{site_url}/quizzes/wrongbook.html")
    assert next_review(page, qid) == "今天（已到期）"  # the classic rule, as before: due on 11-06
    page.get_by_role("radio", name="FSRS 自适应间隔").check()
    stored = page.evaluate(ROOT)
    assert stored["version"] == 3
    assert stored["wrong"][qid] == {**v2["wrong"][qid], "log": [["2026-11-03", 1], ["2026-11-05", 3]]}
    assert next_review(page, qid) == page.evaluate(LIBRARY_DUE, [["2026-11-03", 1], ["2026-11-05", 3]])


def test_english_page_on_a_phone(browser, site_url):
    context = browser.new_context(locale="en-GB", viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        visit(page, f"{site_url}/en/quizzes/wrongbook.html")
        expect(page.locator(".shuniu-scheduler legend")).to_have_text("How reviews are scheduled")
        page.get_by_role("radio", name="FSRS, adaptive intervals").tap()
        expect(page.locator(".shuniu-book .shuniu-help")).to_contain_text("How review works (FSRS")
        expect(page.locator(".shuniu-scheduler")).to_contain_text("switching either way loses nothing")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        box = page.get_by_role("radio", name="Fixed intervals (default)").locator("xpath=..").bounding_box()
        assert box is not None and box["height"] >= 24  # a target a finger can hit
    finally:
        context.close()


def test_from_disk_the_library_loads_and_fsrs_is_chosen(page, built_site):
    visit(page, (built_site / "quizzes/wrongbook.html").as_uri())
    assert page.evaluate("typeof FSRS.fsrs") == "function"
    page.get_by_role("radio", name="FSRS 自适应间隔").check()
    expect(page.locator(".shuniu-book .shuniu-help")).to_contain_text("复习规则（FSRS")
    expect(page.locator(".shuniu-note--error")).to_have_count(0)
