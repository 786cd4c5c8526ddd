"""`shuniu new bank SLUG` writes a bank that shows every question type and passes `shuniu check`
once its placeholders are replaced."""

import re
from pathlib import Path

from click.testing import CliRunner

from shuniu.check import check_root
from shuniu.cli import main
from shuniu.quiz.model import QuestionType

PLACEHOLDER = re.compile(r"【待填写：([^】]*)】")


def fill_in(path: Path) -> None:
    """What an author does: write real text where the template's placeholders are."""
    path.write_text(PLACEHOLDER.sub(r"\1", path.read_text(encoding="utf-8")), encoding="utf-8")


def test_new_bank_passes_check_with_one_question_of_each_type(tmp_path):
    (tmp_path / "docs").mkdir()
    runner = CliRunner()
    result = runner.invoke(main, ["new", "bank", "yinzhang-ceshi", "--root", str(tmp_path)])
    assert result.exit_code == 0 and result.stdout == "wrote quizzes/yinzhang-ceshi.yml\n"
    unfilled = runner.invoke(main, ["check", "--root", str(tmp_path)])
    assert unfilled.exit_code == 1
    assert all("template placeholder still here" in line for line in unfilled.stdout.splitlines())
    assert len(unfilled.stdout.splitlines()) >= 10  # title, description, every stem and explanation
    fill_in(tmp_path / "quizzes" / "yinzhang-ceshi.yml")
    checked = runner.invoke(main, ["check", "--root", str(tmp_path)])
    assert (checked.exit_code, checked.stdout) == (0, "checked 0 pages (0 translations): no problems\n")
    content, _ = check_root(tmp_path)
    (bank,) = content.banks
    assert bank.id == "yinzhang-ceshi"
    assert [q.type for q in bank.questions] == list(QuestionType)
    assert [q.id for q in bank.questions] == [f"yinzhang-ceshi-00{n}" for n in range(1, 6)]


def test_two_new_banks_do_not_share_question_ids(tmp_path):
    (tmp_path / "docs").mkdir()
    runner = CliRunner()
    for slug in ("a", "b"):
        assert runner.invoke(main, ["new", "bank", slug, "--root", str(tmp_path)]).exit_code == 0
        fill_in(tmp_path / "quizzes" / f"{slug}.yml")
    assert runner.invoke(main, ["check", "--root", str(tmp_path)]).exit_code == 0
    again = runner.invoke(main, ["new", "bank", "a", "--root", str(tmp_path)])
    assert again.exit_code == 1 and again.output == "Error: quizzes/a.yml already exists\n"
