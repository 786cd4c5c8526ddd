"""Practice keeps its place: the question and its answer survive a source link and Back, a reload and
the language switch; over http and from disk (file://)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser


def wait_player(page):
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")


def answer_current(page):
    """Answer the question on screen (first option, or some text) and submit it; returns the feedback text."""
    box = page.locator(".shuniu-session fieldset.shuniu-q")
    if box.locator("label.shuniu-opt").count():
        box.locator("label.shuniu-opt").first.click()
    for field in box.locator("input[type=text], textarea").all():
        field.fill("办公室")
    page.locator(".shuniu-practice-form button[type=submit]").click()
    if page.locator(".shuniu-feedback .shuniu-verdict").count() == 0:  # a short answer: grade it yourself
        page.locator(".shuniu-after button").first.click()
    return page.locator(".shuniu-feedback").inner_text()


def go_to_question_with_a_source(page, start):
    """Answer questions from ``start`` until one shows a source link; returns (number, feedback)."""
    page.goto(start)
    wait_player(page)
    for _ in range(10):
        feedback = answer_current(page)
        if page.locator(".shuniu-feedback .shuniu-source a").count():
            return page.locator(".shuniu-counter").inner_text(), feedback
        page.locator(".shuniu-after button.md-button--primary").click()
    raise AssertionError("no question with a source link in the first ten")


def assert_same_place(page, counter, feedback):
    wait_player(page)
    assert page.locator(".shuniu-counter").inner_text() == counter
    assert page.locator(".shuniu-feedback").inner_text() == feedback  # the answer as it was left
    assert page.locator(".shuniu-session fieldset.shuniu-q input:checked, .shuniu-session input[type=text]").count() >= 1
    assert page.locator(".shuniu-practice-form button[type=submit]").count() == 0


def check_back_and_reload(page, start):
    counter, feedback = go_to_question_with_a_source(page, start)
    number = int(counter.split()[1])
    assert page.evaluate("location.hash") == f"#q={number}" and "bank=baomi" in page.url
    practised = page.evaluate("localStorage.getItem('shuniu.v1') || ''")
    page.locator(".shuniu-feedback .shuniu-source a").click()
    page.wait_for_load_state()
    assert "/quizzes/" not in page.url
    page.go_back()
    assert_same_place(page, counter, feedback)
    page.reload()
    assert_same_place(page, counter, feedback)
    assert page.evaluate("localStorage.getItem('shuniu.v1') || ''") == practised  # showing again records nothing
    page.locator(".shuniu-after button.md-button--primary").click()  # and it goes on from there
    assert page.locator(".shuniu-counter").inner_text().split()[1] == str(number + 1)
    assert page.evaluate("location.hash") == f"#q={number + 1}"


def test_back_after_a_source_link_and_a_reload_return_to_the_answered_question(page, site_url):
    check_back_and_reload(page, f"{site_url}/quizzes/practice.html?bank=baomi")


def test_the_place_is_kept_on_pages_opened_from_disk(page, built_site: Path):
    check_back_and_reload(page, (built_site / "quizzes/practice.html").as_uri() + "?bank=baomi")


def right_so_far(page) -> int:
    return page.locator(".shuniu-feedback--right").count()


def test_back_after_a_source_link_keeps_the_score(page, site_url):
    """The round's score at the end counts the answers given before the source link was followed."""
    page.goto(f"{site_url}/quizzes/practice.html?bank=baomi")
    wait_player(page)
    right = 0
    while True:  # on to a question with a source after some right answers, counting them
        answer_current(page)
        right += right_so_far(page)
        if right and page.locator(".shuniu-feedback .shuniu-source a").count():
            break
        page.locator(".shuniu-after button.md-button--primary").click()
    page.locator(".shuniu-feedback .shuniu-source a").click()
    page.wait_for_load_state()
    page.go_back()
    wait_player(page)
    total = int(page.locator(".shuniu-counter").inner_text().split()[3])
    while page.locator(".shuniu-counter").count():  # the rest of the round
        page.locator(".shuniu-after button.md-button--primary").click()
        if page.locator(".shuniu-counter").count():
            answer_current(page)
            right += right_so_far(page)
    assert page.locator(".shuniu-session").inner_text().startswith(f"本轮完成：答对 {right} / {total} 题。")


def test_the_language_switch_keeps_the_bank_and_the_question(page, site_url):
    page.goto(f"{site_url}/quizzes/practice.html?bank=baomi")
    wait_player(page)
    answer_current(page)
    page.locator(".shuniu-after button.md-button--primary").click()
    answer_current(page)
    page.locator(".shuniu-after button.md-button--primary").click()
    assert page.locator(".shuniu-counter").inner_text().startswith("第 3 / ")
    page.locator(".md-header .md-select").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    wait_player(page)
    url = urlparse(page.url)
    assert url.path.endswith("/en/quizzes/practice.html") and url.query == "bank=baomi" and url.fragment == "q=3"
    assert page.locator(".shuniu-counter").inner_text().startswith("Question 3 of ")
    page.locator(".md-header .md-select").hover()
    page.locator("a.md-select__link[hreflang=zh]").click()
    wait_player(page)
    assert page.locator(".shuniu-counter").inner_text().startswith("第 3 / ")


def test_the_exam_builder_keeps_its_banks_across_the_language_switch(page, site_url):
    page.goto(f"{site_url}/en/quizzes/exam.html?bank=jilv")
    wait_player(page)
    page.locator(".md-header .md-select").hover()
    page.locator("a.md-select__link[hreflang=zh]").click()
    wait_player(page)
    assert page.locator(".shuniu-quiz input[type=checkbox][value=jilv]").is_checked()
