"""`shuniu new` writes starting files that pass `shuniu check` as they are."""

import pytest
from click.testing import CliRunner

from shuniu.cli import main


@pytest.mark.parametrize(("kind", "path"), [
    ("policy", "docs/policies/new-page.md"),
    ("procedure", "docs/procedures/new-page.md"),
    ("study", "docs/study/new-page.md"),
])
def test_new_page_passes_check(tmp_path, kind, path):
    runner = CliRunner()
    result = runner.invoke(main, ["new", kind, "new-page", "--root", str(tmp_path)])
    assert result.exit_code == 0 and result.stdout == f"wrote {path}\n"
    checked = runner.invoke(main, ["check", "--root", str(tmp_path)])
    assert checked.exit_code == 0, checked.stdout
    assert checked.stdout == "checked 1 pages (0 translations): no problems\n"


def test_new_refuses_to_overwrite_and_bad_slugs(tmp_path):
    runner = CliRunner()
    runner.invoke(main, ["new", "policy", "x", "--root", str(tmp_path)])
    again = runner.invoke(main, ["new", "policy", "x", "--root", str(tmp_path)])
    assert again.exit_code == 1 and again.output == "Error: docs/policies/x.md already exists\n"
    bad = runner.invoke(main, ["new", "policy", "印章", "--root", str(tmp_path)])
    assert bad.exit_code == 1
    assert "slug '印章' must be lower-case letters and digits joined by '-'" in bad.output
