"""Every CSV file the project writes, opened by a real spreadsheet (LibreOffice Calc, headless): text
that begins like a formula (= + - @, a tab or CR first) is shown as text, never run; the numbers the
project writes stay numbers. Skipped with a reason where soffice is missing, except in CI
(SHUNIU_REQUIRE_BROWSER=1), where that is a failure."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from shuniu.cli import main
from shuniu.csvsafe import safe_cell
from shuniu.export.layout import COLUMNS
from tests.conftest import VALID_POLICY, write
from tests.test_results_report import BANK, result, save

HOSTILE = ['=HYPERLINK("http://x","点我")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\t=1+2", "\r=1+2", "=1+1 等于几？"]


@pytest.fixture(scope="module")
def soffice(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """soffice and a profile folder of our own (so parallel runs do not share LibreOffice's lock)."""
    found = shutil.which("soffice")
    if not found:
        if os.environ.get("SHUNIU_REQUIRE_BROWSER"):
            pytest.fail("LibreOffice is required here but soffice is missing (apt-get install libreoffice-calc-nogui)")
        pytest.skip("the spreadsheet tests need LibreOffice's soffice (apt-get install libreoffice-calc-nogui)")
    return found, tmp_path_factory.mktemp("lo-profile")


def open_in_calc(soffice: tuple[str, Path], csv_path: Path) -> list[list[openpyxl.cell.Cell]]:
    """The cells of ``csv_path`` as LibreOffice reads them (UTF-8, comma, double quote), via an .xlsx."""
    program, profile = soffice
    out = csv_path.parent / "calc"
    subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--infilter=CSV:44,34,76,1",
                    "--convert-to", "xlsx", "--outdir", str(out), str(csv_path)], check=True, capture_output=True, timeout=180)
    sheet = openpyxl.load_workbook(out / f"{csv_path.stem}.xlsx").active
    return [list(row) for row in sheet.iter_rows()]


def no_formulas(rows: list[list[openpyxl.cell.Cell]]) -> None:
    formulas = [f"{cell.coordinate}: {cell.value!r}" for row in rows for cell in row if cell.data_type == "f"]
    assert formulas == []


def test_the_rule():
    assert [safe_cell(text) for text in HOSTILE] == [f"'{text}" for text in HOSTILE]
    assert [safe_cell(v) for v in ("张三", "a=b", " =x", 7, -3)] == ["张三", "a=b", " =x", "7", "-3"]


def test_report_csv_shows_learners_formulas_as_text_and_scores_as_numbers(soffice, tmp_path):
    write(tmp_path, "quizzes/gw.yml", BANK)
    files = [str(save(tmp_path / "in", f"{n}.json", result(name, name, str(n), {"gw-001": 100, "gw-002": 50})))
             for n, name in enumerate(HOSTILE)]
    outcome = CliRunner().invoke(main, ["results", "report", *files, "-o", str(tmp_path / "out"), "--root", str(tmp_path)])
    assert outcome.exit_code == 0, outcome.output
    rows = open_in_calc(soffice, tmp_path / "out" / "report.csv")
    no_formulas(rows)
    names = sorted(row[0].value for row in rows[1:])
    assert names == sorted(f"'{name.strip()}" if name.strip()[:1] in "=+-@" else f"'{name}" for name in HOSTILE)
    assert {(row[4].value, row[4].data_type, row[6].value, row[8].value) for row in rows[1:]} == {(1.5, "n", 75, 60)}


def test_bank_csv_export_shows_formula_like_stems_and_options_as_text(soffice, tmp_path):
    write(tmp_path, "docs/policies/yinzhang.md", VALID_POLICY.format(id="yinzhang"))
    questions = "".join(
        f"  - {{id: x-{n}, type: single, stem: {json.dumps(text)}, options: {{A: {json.dumps(text)}, B: 乙}}, answer: B,"
        f" explanation: 解析, difficulty: 2}}\n" for n, text in enumerate(HOSTILE))
    write(tmp_path, "quizzes/x.yml", f"id: x\ntitle: 公式\nquestions:\n{questions}")
    out = tmp_path / "x.csv"
    command = ["quiz", "export", "--format", "csv", "--bank", "x", "-o", str(out), "--root", str(tmp_path)]
    outcome = CliRunner().invoke(main, command)
    assert outcome.exit_code == 0, outcome.output
    rows = open_in_calc(soffice, out)
    no_formulas(rows)
    stems = [row[1].value for row in rows[1:]]
    assert all(stem.startswith("'") and stem[1:].lstrip()[:1] in "=+-@" for stem in stems), stems
    assert "'=1+1 等于几？" in stems
    assert {row[2].value for row in rows[1:]} == set(stems)  # option A: the same text
    level = COLUMNS.index("难度")
    assert {(row[level].value, row[level].data_type) for row in rows[1:]} == {(2, "n")}  # stays a number


@pytest.mark.browser
def test_checklist_csv_shows_formula_like_items_as_text(soffice, page, site_url, tmp_path):
    page.goto(f"{site_url}/procedures/checklists/shouwen-banli.html")
    page.wait_for_selector(".shuniu-cl-run")
    page.evaluate("texts => texts.forEach((text, i) => { document.querySelectorAll('.shuniu-cl-text')[i].textContent = text; })",
                  HOSTILE)  # the export reads the items' text from the page
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 CSV").click()
    path = tmp_path / "run.csv"
    download.value.save_as(path)
    rows = open_in_calc(soffice, path)
    no_formulas(rows)
    items = [row[1].value for row in rows if len(row) > 1 and row[1].value]
    first = items.index("检查项") + 1  # the head of the item table
    # Calc reads a CR inside a quoted cell as a line break: the text is the same otherwise.
    assert [item.replace("\n", "\r") for item in items[first:first + len(HOSTILE)]] == [f"'{text}" for text in HOSTILE]
