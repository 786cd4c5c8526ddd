"""Aiken and CSV exports, and how `shuniu quiz export` places files."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from shuniu.cli import main
from shuniu.export import aiken, csv_
from shuniu.export.layout import COLUMNS
from tests.conftest import write
from tests.export_sample import SAMPLE_BANK, sample_content, sample_root


def run(*args: str):
    return CliRunner().invoke(main, ["quiz", "export", *args])


def test_aiken_holds_single_choice_only_with_ascii_labels(tmp_path):
    content = sample_content(tmp_path)
    result = aiken.export(content, content.banks)
    assert result.data.decode("utf-8") == (
        "特殊字符 ~ = # { } : \\ 都要转义 第二行\nA. 对 {a}\nB. 错\nC. 也错: 是\nANSWER: A\n"
    )
    assert result.summary("aiken") == "aiken: exported 1, skipped 7 (2 fill, 2 multiple, 1 short, 2 truefalse)"


def test_csv_has_a_bom_the_template_header_and_one_row_per_question(tmp_path):
    content = sample_content(tmp_path)
    data = csv_.export(content, content.banks).data
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 9
    assert rows[1][:5] == ["单选题", "特殊字符 ~ = # { } : \\ 都要转义\n第二行", "对 {a}", "错", "也错: 是"]
    by_id = {row[-1]: dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]}
    assert [by_id[i]["答案"] for i in ("demo-multi3", "demo-true", "demo-fill1", "demo-fill2")] == \
        ["BCE", "正确", "2012年7月1日|2012.7.1", "8|八;;42"]
    assert (by_id["demo-fill1"]["标签"], by_id["demo-single"]["出处"]) == ("条例、日期", "policies/yinzhang.md#印章保管")


def test_several_banks_go_into_a_folder_for_one_bank_formats(tmp_path):
    root = sample_root(tmp_path)
    write(root, "quizzes/demo2.yml", SAMPLE_BANK.replace("id: demo", "id: demo2").replace("- id: demo-", "- id: demo2-"))
    out = tmp_path / "papers"
    result = run("--format", "docx", "-o", str(out), "--root", str(root))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out / 'demo.docx'}\nwrote {out / 'demo2.docx'}\n"
    assert result.stderr == "docx: exported 8, skipped 0\ndocx: exported 8, skipped 0\n"
    for name in ("all.docx", "all.csv"):  # a file name for several banks: refused, no folder of that name
        result = run("--format", name.split(".")[1], "-o", str(tmp_path / name), "--root", str(root))
        assert result.exit_code == 2 and not (tmp_path / name).exists()
        assert "holds one bank per file: -o must be a folder for 2 banks (or choose one with --bank)" in result.stderr
    # (xlsx: a sheet per bank in one file, tests/test_excel_workbook.py)
    bundle = tmp_path / "all.xml"
    result = run("--format", "moodle-xml", "--bank", "demo2", "--bank", "demo", "-o", str(bundle), "--root", str(root))
    assert result.exit_code == 0, result.output
    assert result.stderr == "moodle-xml: exported 16, skipped 0\n"
    text = bundle.read_text(encoding="utf-8")
    assert text.index("$course$/top/demo2") < text.index("$course$/top/demo<")


def test_one_bank_into_an_existing_folder_takes_the_bank_file_name(tmp_path):
    root = sample_root(tmp_path)
    (tmp_path / "out").mkdir()
    result = run("--format", "xlsx", "-o", str(tmp_path / "out"), "--root", str(root))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "demo.xlsx").is_file()


def test_unknown_bank_and_broken_bank_files_stop_the_export(tmp_path):
    root = sample_root(tmp_path)
    result = run("--format", "gift", "--bank", "nope", "-o", str(tmp_path / "x.txt"), "--root", str(root))
    assert result.exit_code == 2
    assert "Error: no bank nope under" in result.stderr and "(banks: demo)" in result.stderr
    write(root, "quizzes/demo.yml", SAMPLE_BANK.replace("answer: A\n", "answer: E\n"))
    result = run("--format", "gift", "-o", str(tmp_path / "x.txt"), "--root", str(root))
    assert result.exit_code == 1
    assert result.stdout == "quizzes/demo.yml:14: question 'demo-single': answer 'E' is not one of the options A-C\n"
    assert not (tmp_path / "x.txt").exists()
