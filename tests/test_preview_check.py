"""The preview's check on each save reports exactly what `shuniu check` reports, rereading only
the files that changed."""

from __future__ import annotations

import pytest

from shuniu.check import check_root
from shuniu_preview.checking import IncrementalCheck

pytestmark = pytest.mark.slow  # copies and checks the real project several times


def _lines(problems):
    return [str(problem) for problem in problems.sorted()]


def test_the_same_problems_as_shuniu_check_before_and_after_saves(project_copy):
    checker = IncrementalCheck(project_copy)
    content, problems = checker.run()
    assert _lines(problems) == _lines(check_root(project_copy)[1]) == []
    page = project_copy / "docs/policies/yinzhang-guanli.md"
    page.write_text(page.read_text(encoding="utf-8").replace("status: effective", "status: sometimes")
                    + "\n[去处](nowhere.md)\n内部资料 秘密★\n【待填写：依据】\n", encoding="utf-8")
    bank = next((project_copy / "quizzes").glob("*.yml"))
    bank.write_text(bank.read_text(encoding="utf-8").replace("type: single", "type: guess", 1), encoding="utf-8")
    content, problems = checker.run()
    expected = _lines(check_root(project_copy)[1])
    assert _lines(problems) == expected
    assert any(line.startswith("docs/policies/yinzhang-guanli.md:") and "sometimes" in line for line in expected)
    assert any("nowhere.md" in line for line in expected) and any("秘密★" in line for line in expected)
    assert any(line.startswith(f"quizzes/{bank.name}:") for line in expected)
    assert any("待填写" in line for line in expected)
    assert content.page("policies/yinzhang-guanli.md") is not None


def test_a_file_added_or_removed_is_seen(project_copy):
    checker = IncrementalCheck(project_copy)
    checker.run()
    (project_copy / "docs/policies/yinzhang-guanli.md").unlink()
    content, problems = checker.run()
    assert content.page("policies/yinzhang-guanli.md") is None
    assert _lines(problems) == _lines(check_root(project_copy)[1]) != []  # links to it now point nowhere


def test_a_question_id_in_two_banks_is_reported_as_the_check_does(project_copy):
    checker = IncrementalCheck(project_copy)
    checker.run()
    first, second = sorted((project_copy / "quizzes").glob("*.yml"))[:2]
    taken = next(line.split(":", 1)[1].strip() for line in first.read_text(encoding="utf-8").splitlines()
                 if line.strip().startswith("- id:"))
    text = second.read_text(encoding="utf-8")
    own = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.strip().startswith("- id:"))
    second.write_text(text.replace(f"- id: {own}", f"- id: {taken}", 1), encoding="utf-8")
    _, problems = checker.run()
    expected = _lines(check_root(project_copy)[1])
    assert _lines(problems) == expected
    assert any(line.startswith(f"quizzes/{second.name}:") and taken in line for line in expected)
