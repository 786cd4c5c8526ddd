"""`shuniu new` writes starting files whose only problems are the placeholders to replace."""

import re

import pytest
from click.testing import CliRunner

from shuniu.cli import main

PLACEHOLDER = re.compile(r"【待填写：[^】]*】")


@pytest.mark.parametrize(("kind", "path"), [
    ("policy", "docs/policies/new-page.md"),
    ("procedure", "docs/procedures/new-page.md"),
    ("study", "docs/study/new-page.md"),
])
def test_new_page_fails_check_until_each_placeholder_is_replaced(tmp_path, kind, path):
    runner = CliRunner()
    result = runner.invoke(main, ["new", kind, "new-page", "--root", str(tmp_path)])
    assert result.exit_code == 0 and result.stdout == f"wrote {path}\n"
    written = tmp_path / path
    text = written.read_text(encoding="utf-8")
    placeholders = [(number, found) for number, line in enumerate(text.split("\n"), 1)
                    for found in PLACEHOLDER.findall(line)]
    assert len(placeholders) >= 2  # at least the title and one paragraph
    checked = runner.invoke(main, ["check", "--root", str(tmp_path)])
    assert checked.exit_code == 1
    assert checked.stdout.splitlines() == [
        f"{path}:{number}: template placeholder still here: {found} (replace it with the real text)"
        for number, found in placeholders]
    written.write_text(PLACEHOLDER.sub(lambda m: m.group(0)[6:-1], text), encoding="utf-8")
    checked = runner.invoke(main, ["check", "--root", str(tmp_path)])
    assert checked.exit_code == 0, checked.stdout
    assert checked.stdout == "checked 1 pages (0 translations): no problems\n"


def test_a_placeholder_shown_as_code_in_a_guide_is_not_a_problem(tmp_path):
    guide = tmp_path / "docs" / "index.md"  # an index page needs only a title
    guide.parent.mkdir()
    guide.write_text("---\ntitle: 指南\n---\n\n模板里写成 `【待填写：标题】`。\n\n```\ntitle: 【待填写：标题】\n```\n\n"
                     "正文里留下的【待填写：这一段】要报。\n", encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", "--root", str(tmp_path)])
    assert checked.stdout.splitlines() == [
        "docs/index.md:11: template placeholder still here: 【待填写：这一段】 (replace it with the real text)"]


def test_new_refuses_to_overwrite_and_bad_slugs(tmp_path):
    runner = CliRunner()
    runner.invoke(main, ["new", "policy", "x", "--root", str(tmp_path)])
    again = runner.invoke(main, ["new", "policy", "x", "--root", str(tmp_path)])
    assert again.exit_code == 1 and again.output == "Error: docs/policies/x.md already exists\n"
    bad = runner.invoke(main, ["new", "policy", "印章", "--root", str(tmp_path)])
    assert bad.exit_code == 1
    assert "slug '印章' must be lower-case letters and digits joined by '-'" in bad.output
