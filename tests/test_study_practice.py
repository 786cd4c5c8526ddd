"""Study leads to practice: study units show their banks with counts and start buttons; bank pages
list the study units that teach them. In both languages; the buttons start the player on that bank."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shuniu.check import check_root
from shuniu.model import Section
from tests.conftest import PROJECT


def project():
    content, problems = check_root(PROJECT)
    assert not problems
    return content


def section(html: str, anchor: str) -> str:
    """The HTML of the section under the heading with ``anchor`` (up to the next h2)."""
    return html.split(f'<h2 id="{anchor}">', 1)[1].split("<h2", 1)[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_study_unit_shows_its_banks_with_counts_and_start_buttons(built_site: Path, lang):
    content = project()
    banks = {bank.id: bank for bank in content.banks}
    units = [p for p in content.pages_in(lang) if p.section is Section.STUDY and p.meta.banks]
    assert len(units) >= 5
    prefix = "" if lang == "zh" else "en/"
    for unit in units:
        html = (built_site / prefix / unit.base_src.replace(".md", ".html")).read_text(encoding="utf-8")
        practice = section(html, "shuniu-practice")
        items = [(bank_id, re.sub(r"<[^>]+>", "", rest)) for bank_id, rest in
                 re.findall(r'<li><a href="../quizzes/([^"]+)\.html">(.*?)</li>', practice)]
        counted = [(bank_id, int(re.search(r"[（(] ?(\d+) ", text).group(1))) for bank_id, text in items]
        assert counted == [(b, len(banks[b].questions)) for b in unit.meta.banks]
        for bank_id in unit.meta.banks:
            assert f'href="../quizzes/practice.html?bank={bank_id}"' in practice
            assert f'href="../quizzes/exam.html?bank={bank_id}"' in practice


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_bank_page_lists_the_study_units_that_teach_it(built_site: Path, lang):
    content = project()
    prefix, heading = ("", "相关学习单元") if lang == "zh" else ("en/", "Study units")
    listed_somewhere = 0
    for bank in content.banks:
        html = (built_site / prefix / "quizzes" / f"{bank.id}.html").read_text(encoding="utf-8")
        teaching = {p.base_src for p in content.pages_in(lang) if p.section is Section.STUDY and bank.id in p.meta.banks}
        if not teaching:
            assert f">{heading}<" not in html
            continue
        listed_somewhere += 1
        anchor = re.search(rf'<h2 id="([^"]+)">{heading}<', html).group(1)
        links = re.findall(r'<a href="\.\./(study/[^"]+)\.html">', section(html, anchor))
        assert {f"{link}.md" for link in links} == teaching and len(links) == len(teaching)
    assert listed_somewhere >= 5


@pytest.mark.browser
def test_start_buttons_open_the_player_on_that_bank(page, site_url):
    page.goto(f"{site_url}/study/baomi-jichu.html")
    page.locator("#shuniu-practice ~ ul a.md-button--primary").first.click()
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    assert page.locator(".shuniu-session h2, .shuniu-quiz > h2").first.inner_text() == "保密基础知识"
    assert page.locator(".shuniu-counter").inner_text().startswith("第 1 / ")
    page.go_back()
    page.locator("#shuniu-practice ~ ul a.md-button:not(.md-button--primary)").first.click()
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    checked = page.locator(".shuniu-quiz input[type=checkbox][value=baomi]")
    assert checked.is_checked()
    assert page.locator(".shuniu-quiz input[type=checkbox]:checked").evaluate_all("els => els.map(e => e.value)")[:1] == ["baomi"]
