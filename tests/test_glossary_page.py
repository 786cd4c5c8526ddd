"""The glossary page as built: grouped by pinyin initial under a jump bar, every term linkable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from shuniu.control.glossary_page import term_anchor
from shuniu.pinyin import initial, numbers_by_value, sort_key
from tests.conftest import PROJECT


def test_terms_are_grouped_by_pinyin_initial_in_pinyin_order_under_a_jump_bar(built_site: Path):
    terms = [entry["term"] for entry in yaml.safe_load((PROJECT / "docs/glossary.yml").read_text(encoding="utf-8"))]
    for page in ("glossary.html", "en/glossary.html"):
        article = (built_site / page).read_text(encoding="utf-8").split("<article", 1)[1]
        jump = re.search(r'<p [^>]*class="shuniu-jump"[^>]*>(.*?)</p>', article).group(1)
        letters = re.findall(r'<a href="#initial-([a-z])">([A-Z])</a>', jump)
        groups = re.findall(r'<h2 id="initial-([a-z])">([A-Z])<', article)
        assert letters == groups and [g for g, _ in groups] == sorted({initial(t).lower() for t in terms})
        shown = re.findall(r'<h3 id="([^"]+)">([^<]+)<', article)
        assert [name for _, name in shown] == sorted(terms, key=lambda t: (initial(t), sort_key(t)))
        assert all(anchor == term_anchor(name) for anchor, name in shown)
        # each term sits under its own initial
        for letter, body in zip([g for g, _ in groups], re.split(r'<h2 id="initial-[a-z]">', article)[1:], strict=True):
            assert all(initial(name).lower() == letter for _, name in re.findall(r'<h3 id="([^"]+)">([^<]+)<', body))


def test_pinyin_order_and_initials():
    assert sorted(["收文办理", "公文", "用印", "重要", "安全"], key=sort_key) == ["安全", "公文", "收文办理", "用印", "重要"]
    assert [initial(t) for t in ("重要", "银行", "Excel", "5G")] == ["Z", "Y", "E", "#"]


def test_numbers_in_titles_and_document_numbers_go_by_their_value():
    titles = ["办理流程（110）", "办理流程（2）", "办理流程（38）", "办理流程（10）"]
    assert sorted(titles, key=sort_key) == ["办理流程（2）", "办理流程（10）", "办理流程（38）", "办理流程（110）"]
    numbers = ["办发〔2024〕12号", "办发〔2023〕40号", "办发〔2024〕3号"]
    assert sorted(numbers, key=numbers_by_value) == ["办发〔2023〕40号", "办发〔2024〕3号", "办发〔2024〕12号"]


def test_anchors_of_terms_and_aliases_stay_what_they_were(built_site: Path):
    glossary = (built_site / "glossary.html").read_text(encoding="utf-8")
    assert 'id="发文字号"' in glossary and '<span id="文号">文号</span>' in glossary


@pytest.mark.browser
def test_the_jump_bar_takes_the_reader_to_a_letter(page, site_url):
    page.goto(f"{site_url}/glossary.html")
    bar = page.get_by_role("navigation", name="按拼音首字母跳转")
    bar.get_by_role("link", name="S", exact=True).click()
    heading = page.locator("h2#initial-s")
    page.wait_for_function("() => location.hash === '#initial-s'")
    top = heading.evaluate("h => h.getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"] / 2
