"""Glossary terms on content pages open their definition on a tap and by keyboard, from http and file://."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

PAGE = "policies/gongwen-geshi.html"
TERM = "abbr.shuniu-term"
TIP = "#shuniu-term-tip"


@pytest.fixture
def phone(browser):
    """A touch screen: taps, no hover."""
    context = browser.new_context(locale="zh-CN", has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def first_term(page):
    term = page.locator(TERM).first
    term.scroll_into_view_if_needed()
    return term


def check_tap_opens_and_closes(page):
    term = first_term(page)
    definition = term.get_attribute("data-definition")
    assert definition and term.get_attribute("title") is None  # no second, native tooltip
    assert page.locator(TIP).count() == 0
    term.tap()
    tip = page.locator(TIP)
    assert tip.is_visible() and definition in tip.inner_text()
    assert term.get_attribute("aria-expanded") == "true" and term.get_attribute("aria-describedby") == "shuniu-term-tip"
    box, width = tip.bounding_box(), page.viewport_size["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # fits on the phone's screen
    page.locator("h1").tap()
    assert page.locator(TIP).count() == 0 and term.get_attribute("aria-expanded") == "false"


def test_a_tap_opens_a_terms_definition_and_a_tap_elsewhere_closes_it(phone, site_url):
    phone.goto(f"{site_url}/{PAGE}")
    check_tap_opens_and_closes(phone)


def test_tapping_works_on_pages_opened_from_disk(phone, built_site: Path):
    phone.goto((built_site / PAGE).as_uri())
    check_tap_opens_and_closes(phone)


def test_keyboard_focus_shows_enter_toggles_escape_closes(page, site_url):
    page.goto(f"{site_url}/{PAGE}")
    term = first_term(page)
    assert term.get_attribute("role") == "button" and term.get_attribute("tabindex") == "0"
    term.focus()
    tip = page.locator(TIP)
    assert tip.is_visible() and term.get_attribute("data-definition") in tip.inner_text()
    page.keyboard.press("Escape")
    assert tip.count() == 0 and page.evaluate("document.activeElement.matches('abbr.shuniu-term')")
    page.keyboard.press("Enter")
    assert tip.is_visible()
    page.keyboard.press("Space")
    assert tip.count() == 0
    page.keyboard.press(" ")
    assert tip.is_visible()
    page.keyboard.press("Tab")  # the box's link comes next
    assert page.evaluate("document.activeElement.closest('#shuniu-term-tip') !== null")
    page.keyboard.press("Escape")
    assert tip.count() == 0 and page.evaluate("document.activeElement.matches('abbr.shuniu-term')")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_definition_links_to_the_term_on_the_glossary_page(page, site_url, prefix):
    page.goto(f"{site_url}/{prefix}{PAGE}")
    terms = page.locator(TERM)
    assert terms.count() > 5
    names = terms.evaluate_all("els => els.map(e => e.textContent)")
    for index in (0, len(names) - 1):
        terms.nth(index).focus()
        href = page.locator(f"{TIP} a").get_attribute("href")
        page.locator(f"{TIP} a").click()
        page.wait_for_load_state()
        assert page.url.split("#")[0].endswith(f"/{prefix}glossary.html"), page.url
        target = page.evaluate("decodeURIComponent(location.hash.slice(1))")
        assert page.locator(f'[id="{target}"]').count() == 1, (names[index], href)
        page.go_back()


def test_a_mouse_hover_shows_the_definition_and_moving_away_hides_it(page, site_url):
    page.goto(f"{site_url}/{PAGE}")
    term = first_term(page)
    term.hover()
    tip = page.locator(TIP)
    assert tip.is_visible()
    box = tip.bounding_box()
    page.mouse.move(box["x"] + 10, box["y"] + box["height"] / 2)  # straight from the term into its box
    page.wait_for_timeout(500)  # longer than the grace a mouse has to cross the gap
    assert tip.is_visible()  # on its way to the box's link the definition stays
    page.mouse.move(5, 5)
    tip.wait_for(state="detached", timeout=2000)
