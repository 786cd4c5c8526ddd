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
        unit_html = built_site / prefix / unit.base_src.replace(".md", ".html")
        html = unit_html.read_text(encoding="utf-8")
        practice = section(html, "shuniu-practice")
        found = re.findall(r'<li><a href="((?:\.\./)+)quizzes/([^"]+)\.html"( hreflang="zh")?>(.*?)</li>', practice)
        items = [(bank_id, re.sub(r"<[^>]+>", "", rest)) for _, bank_id, _, rest in found]
        counted = [(bank_id, int(re.search(r"[（(] ?(\d+) ", text).group(1))) for bank_id, text in items]
        assert counted == [(b, len(banks[b].questions)) for b in unit.meta.banks]
        # A bank with no English version has only its Chinese page, which the English unit links, marked.
        for up, bank_id, chinese, rest in found:
            own_page = lang == "zh" or bank_id in content.english_banks
            expected = ("../", "", False) if own_page else ("../../", ' hreflang="zh"', True)
            assert (up, chinese, "(Chinese only)" in rest) == expected
            assert (unit_html.parent / f"{up}quizzes/{bank_id}.html").resolve().is_file()
        for bank_id in unit.meta.banks:
            assert f'href="../quizzes/practice.html?bank={bank_id}"' in practice
            assert f'href="../quizzes/exam.html?bank={bank_id}"' in practice


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_bank_page_lists_the_study_units_that_teach_it(built_site: Path, lang):
    content = project()
    prefix, heading = ("", "相关学习单元") if lang == "zh" else ("en/", "Study units")
    listed_somewhere = 0
    for bank in content.banks:
        page = built_site / prefix / "quizzes" / f"{bank.id}.html"
        if lang == "en" and bank.id not in content.english_banks:
            assert not page.exists()  # no English version, no English page: English pages link the Chinese one
            continue
        html = page.read_text(encoding="utf-8")
        teaching = {p.base_src for p in content.pages_in(lang) if p.section is Section.STUDY and bank.id in p.meta.banks}
        if not teaching:
            assert f">{heading}<" not in html
            continue
        listed_somewhere += 1
        anchor = re.search(rf'<h2 id="([^"]+)">{heading}<', html).group(1)
        links = re.findall(r'<a href="\.\./(study/[^"]+)\.html">', section(html, anchor))
        assert {f"{link}.md" for link in links} == teaching and len(links) == len(teaching)
    assert listed_somewhere >= (5 if lang == "zh" else 1)


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


def test_titles_with_markdown_or_html_stay_text(tmp_path):
    """A bank or unit title with brackets or tags cannot break the link or inject markup
    (page titles may not hold < or >: `shuniu check` refuses them)."""
    import datetime

    from shuniu.quiz.study_links import render_unit_banks, teaching_units
    from shuniu.templates import write_template

    day = datetime.date(2026, 11, 29)
    def filled_in(path):  # the author writes real text where the template's placeholders are
        return re.sub(r"【待填写：([^】]*)】", r"\1", path.read_text(encoding="utf-8"))

    bank_file = write_template(tmp_path, "bank", "tricky", day)
    bank_file.write_text(re.sub(r"^title: .*$", 'title: "题库]<b>粗</b>[x"', filled_in(bank_file), count=1, flags=re.M),
                         encoding="utf-8")
    unit = write_template(tmp_path, "study", "danyuan", day)
    text = filled_in(unit)
    text = re.sub(r"^banks: .*$", "banks: [tricky]", text, count=1, flags=re.M)
    unit.write_text(re.sub(r"^title: .*$", 'title: "单元](evil.md)"', text, count=1, flags=re.M), encoding="utf-8")
    content, problems = check_root(tmp_path)
    assert not problems, [str(p) for p in problems.sorted()]
    [page] = [p for p in content.pages if p.meta.id == "danyuan"]
    unit_html = markdown_html(render_unit_banks(content, page, "zh"))
    bank_html = markdown_html(teaching_units(content, content.banks[0], "zh"))
    assert "<b>" not in unit_html and "题库]&lt;b&gt;粗&lt;/b&gt;[x</a>" in unit_html
    assert 'href="evil.md"' not in bank_html and "单元](evil.md)</a>" in bank_html


def markdown_html(source: str) -> str:
    import markdown

    return markdown.markdown(source, extensions=["attr_list"])
