"""English versions of banks (quizzes/<id>.en.yml): checked against the Chinese bank with path:line,
published in English for the English site, and the same questions by id in the 错题本 and reports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import write

from shuniu.check import check_root
from shuniu.quiz.publish import ENGLISH_INDEX_URL, published
from tests.test_results_report import BANK as GW
from tests.test_results_report import result, run, save, sign

BANK = """id: tr
title: 译文测试
questions:
  - id: tr-1
    type: single
    stem: 哪一项对？
    options: {A: 甲, B: 乙}
    answer: B
    explanation: 乙对。
  - id: tr-2
    type: fill
    stem: 填____。
    answer: [空]
    explanation: 填空。
"""
ENGLISH = """id: tr
title: Translation test
questions:
  - id: tr-1
    type: single
    stem: Which is right?
    options: {A: First, B: Second}
    answer: B
    explanation: The second.
  - id: tr-2
    type: fill
    stem: Fill in ____.
    answer: [blank, the blank]
    explanation: A blank.
"""


def problems_of(root: Path, english: str) -> list[str]:
    write(root, "quizzes/tr.yml", BANK)
    write(root, "quizzes/tr.en.yml", english)
    content, problems = check_root(root)
    return [str(problem) for problem in problems.sorted() if problem.path == "quizzes/tr.en.yml"]


def test_a_complete_translation_is_clean_and_published_in_english(content_root: Path) -> None:
    assert problems_of(content_root, ENGLISH) == []
    content, _ = check_root(content_root)
    data = published(content)
    english = data.english["tr"]
    assert english["lang"] == "en" and english["hash"].startswith("en-")
    assert [q["stem"] for q in english["questions"]] == ["Which is right?", "Fill in ____."]
    assert english["questions"][1]["answer"] == [["blank", "the blank"]]
    entry = next(e for e in data.english_index["banks"] if e["id"] == "tr")
    assert entry["url"].endswith("tr.en.json") and entry["title"] == "Translation test"
    assert set(entry["versions"]) == {english["hash"], data.banks["tr"]["hash"]}
    assert data.banks["tr"]["questions"][0]["stem"] == "哪一项对？"  # the Chinese data is untouched


def test_a_missing_question_a_different_key_and_an_unknown_id_are_listed_with_lines(content_root: Path) -> None:
    english = ENGLISH.replace("    answer: B\n", "    answer: A\n").replace("id: tr-2", "id: tr-9")
    found = problems_of(content_root, english)
    assert "quizzes/tr.en.yml:4: question 'tr-1': answer is A, the Chinese question's is B" in found
    assert "quizzes/tr.en.yml:10: question 'tr-9' is not in the Chinese bank" in found
    assert any(p.startswith("quizzes/tr.en.yml:") and "no English for 1 question(s)" in p and "tr-2" in p for p in found)
    content, _ = check_root(content_root)
    assert "tr" not in content.english_banks  # a wrong translation is never published


def test_a_different_type_option_letters_or_blank_count_is_a_problem(content_root: Path) -> None:
    wrong = ENGLISH.replace("options: {A: First, B: Second}", "options: {A: First, B: Second, C: Third}")
    assert any("options must be A, B like the Chinese question's" in p for p in problems_of(content_root, wrong))
    wrong = ENGLISH.replace("stem: Fill in ____.", "stem: Fill in ____ and ____.").replace(
        "answer: [blank, the blank]", "answer: [[blank], [more]]")
    assert any("2 blank(s), the Chinese question has 1" in p for p in problems_of(content_root, wrong))
    wrong = ENGLISH.replace("    explanation: The second.\n", "    explanation: The second.\n    tags: [a]\n")
    assert "quizzes/tr.en.yml:10: question 'tr-1': 'tags' is the Chinese bank's; leave it out of the English version" in (
        problems_of(content_root, wrong))


def test_a_partial_translation_is_checked_but_not_published(content_root: Path) -> None:
    partial = ENGLISH.split("  - id: tr-2")[0].replace("title: Translation test\n", "title: Translation test\npartial: true\n")
    assert problems_of(content_root, partial) == []
    content, _ = check_root(content_root)
    assert "tr" not in content.english_banks


def test_a_translation_without_its_bank_is_reported(content_root: Path) -> None:
    write(content_root, "quizzes/nobank.en.yml", ENGLISH)
    _, problems = check_root(content_root)
    assert "quizzes/nobank.en.yml:1: English version of a bank that does not exist: there is no quizzes/nobank.yml" in [
        str(p) for p in problems.sorted()]


def test_the_repository_has_at_least_four_complete_english_banks(built_site: Path) -> None:
    index = json.loads((built_site / ENGLISH_INDEX_URL).read_text(encoding="utf-8"))
    english = [entry for entry in index["banks"] if entry["url"].endswith(".en.json")]
    assert len(english) >= 4
    for entry in english:
        bank = json.loads((built_site / entry["url"]).read_text(encoding="utf-8"))
        assert bank["lang"] == "en" and len(bank["questions"]) == entry["count"]
        assert all(q["source_en"] is None or q["source_en"].startswith("en/") for q in bank["questions"])
        assert [tag for q in bank["questions"] for tag in q["tags"] if re.search(r"[\u4e00-\u9fff]", tag)] == []


@pytest.mark.browser
def test_english_bank_page_and_practice_are_english_and_the_wrongbook_shows_both_languages(page, site_url) -> None:
    page.goto(f"{site_url}/en/quizzes/baomi.html")
    assert page.locator("h1").inner_text() == "Basics of secrecy protection"
    assert page.locator(".shuniu-zh-only").count() == 0
    page.get_by_role("link", name="classification level", exact=True).click()  # a tag: practice on its questions only
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    assert "How many classification levels" in page.locator("fieldset.shuniu-q").inner_text()
    assert page.locator(".shuniu-counter").inner_text() == "Question 1 of 3"
    page.goto(f"{site_url}/en/quizzes/practice.html?bank=baomi")
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    box = page.locator("fieldset.shuniu-q")
    assert box.get_attribute("data-id") == "baomi-001"
    assert "How many classification levels do state secrets have?" in box.inner_text()
    box.locator("label.shuniu-opt[data-key='A']").click()  # "Two": wrong
    page.get_by_role("button", name="Submit").click()
    feedback = page.locator(".shuniu-feedback").inner_text()
    assert "B. Three" in feedback and "Top Secret, Secret and Confidential" in feedback
    source = page.locator(".shuniu-feedback .shuniu-source a")
    assert "/en/policies/baomi-guanli.html" in source.evaluate("a => a.href")
    page.goto(f"{site_url}/en/quizzes/wrongbook.html")
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    english = page.locator(".shuniu-wrong[data-id='baomi-001']").inner_text()
    assert "How many classification levels" in english and "Two" in english and "changed" not in english
    page.goto(f"{site_url}/quizzes/wrongbook.html")
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    chinese = page.locator(".shuniu-wrong[data-id='baomi-001']").inner_text()
    assert "国家秘密的密级分为几级？" in chinese and "两级" in chinese  # the same question, shown in Chinese
    assert "此题已修改" not in chinese


@pytest.mark.browser
def test_the_players_question_hash_is_the_one_python_publishes(page, site_url, built_site: Path) -> None:
    bank = json.loads((built_site / "assets/shuniu/quiz/baomi.en.json").read_text(encoding="utf-8"))
    chinese = json.loads((built_site / "assets/shuniu/quiz/baomi.json").read_text(encoding="utf-8"))
    # A wrong answer saved on the Chinese site keeps the hash the player computes of the Chinese question:
    page.goto(f"{site_url}/quizzes/practice.html?bank=baomi")
    page.wait_for_selector(".shuniu-quiz:not([aria-busy])")
    page.locator("fieldset.shuniu-q label.shuniu-opt[data-key='C']").click()
    page.get_by_role("button", name="提交答案").click()
    stored = page.evaluate("JSON.parse(localStorage.getItem('shuniu.quiz')).wrong['baomi-001'].asked.hash")
    assert stored == bank["questions"][0]["qhash"]
    assert chinese["questions"][0]["id"] == bank["questions"][0]["id"] == "baomi-001"


GW_ENGLISH = """id: gw
title: Document basics
questions:
  - {id: gw-001, type: truefalse, stem: A seal may be lent out freely., answer: false, explanation: It may not.}
  - {id: gw-002, type: multiple, stem: Which are statutory document types?, options: {A: Notice, B: Memo, C: Request},
     answer: [A, C], explanation: A memo is not.}
"""


def test_the_report_counts_an_english_sitting_as_the_current_bank_and_says_so(tmp_path: Path) -> None:
    write(tmp_path, "quizzes/gw.yml", GW)
    write(tmp_path, "quizzes/gw.en.yml", GW_ENGLISH)
    content, _ = check_root(tmp_path)
    data = published(content)
    english, chinese = data.english["gw"]["hash"], data.banks["gw"]["hash"]
    files = []
    for name, digest in (("en", english), ("zh", chinese)):
        sitting = result(name, "一组", "7", {"gw-001": 100})
        sitting["exam"]["banks"][0]["hash"] = digest
        files.append(str(save(tmp_path / "in", f"{name}.json", sign(sitting))))
    assert run(tmp_path, files, tmp_path / "out").exit_code == 0
    page = (tmp_path / "out/report.html").read_text(encoding="utf-8")
    assert "题库已更新" not in page  # either language's current version is current
    assert "其中 1 份成绩是用英文版题库作答的" in page and "按题号合并统计" in page


def test_english_study_units_name_their_banks_in_english(built_site: Path) -> None:
    unit = (built_site / "en" / "study" / "baomi-jichu.html").read_text(encoding="utf-8")
    assert ">Basics of secrecy protection</a> (29 questions)" in unit
    assert "保密基础知识" not in unit.split('id="shuniu-practice"')[1].split("</ul>")[0]


def test_an_untranslated_bank_is_listed_on_english_pages_under_its_term_list_title(content_root: Path) -> None:
    write(content_root, "quizzes/tr.yml", BANK)
    write(content_root, "docs/terms.en.yml", "- {zh: 译文测试, en: translation test}\n")
    content, problems = check_root(content_root)
    assert not problems.sorted()
    entry = next(e for e in published(content).english_index["banks"] if e["id"] == "tr")
    assert entry["title"] == "Translation test"  # as its English page and the menus show it
    assert entry["url"] == next(e for e in published(content).index["banks"] if e["id"] == "tr")["url"]  # Chinese data
