"""`shuniu new bank SLUG` writes a bank that passes `shuniu check` and shows every question type."""

from click.testing import CliRunner

from shuniu.check import check_root
from shuniu.cli import main
from shuniu.quiz.model import QuestionType


def test_new_bank_passes_check_with_one_question_of_each_type(tmp_path):
    (tmp_path / "docs").mkdir()
    runner = CliRunner()
    result = runner.invoke(main, ["new", "bank", "yinzhang-ceshi", "--root", str(tmp_path)])
    assert result.exit_code == 0 and result.stdout == "wrote quizzes/yinzhang-ceshi.yml\n"
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
    assert runner.invoke(main, ["check", "--root", str(tmp_path)]).exit_code == 0
    again = runner.invoke(main, ["new", "bank", "a", "--root", str(tmp_path)])
    assert again.exit_code == 1 and again.output == "Error: quizzes/a.yml already exists\n"
