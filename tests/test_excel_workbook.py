"""One workbook with a sheet per bank: `shuniu quiz export --format xlsx -o all.xlsx` for several
banks and `shuniu quiz import all.xlsx -o folder` back; checked with openpyxl, the import itself
and LibreOffice (which lists the sheets and saves the workbook again, through .ods)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from shuniu.check import check_root
from shuniu.export.xlsx import sheet_name
from tests.conftest import PROJECT, write
from tests.export_sample import SAMPLE_BANK, sample_root
from tests.test_excel_import import loaded, run, same_bank


def soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("SHUNIU_REQUIRE_BROWSER"):
            pytest.fail("LibreOffice (soffice) is missing: apt-get install libreoffice-calc-nogui")
        pytest.skip("reading the workbook with LibreOffice needs soffice (apt-get install libreoffice-calc-nogui)")
    return found


def libreoffice(folder: Path, target: str, file: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """``soffice --convert-to target`` with a profile of its own (other LibreOffice runs may be going on)."""
    profile = (folder / "profile").as_uri()
    return subprocess.run([soffice(), f"-env:UserInstallation={profile}", "--headless", *options, "--convert-to", target,
                           "--outdir", str(out), str(file)], check=True, capture_output=True, text=True, timeout=240)


@pytest.fixture(scope="module")
def every_bank(tmp_path_factory) -> Path:
    """Every real bank in one workbook, written by the command."""
    file = tmp_path_factory.mktemp("workbook") / "all.xlsx"
    result = run("export", "--format", "xlsx", "-o", str(file), "--root", str(PROJECT))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {file}\n" and file.is_file()
    return file


def same_as_repository(file: Path, out: Path) -> None:
    result = run("import", str(file), "-o", str(out), "--root", str(PROJECT))
    assert result.exit_code == 0, result.output
    content, _ = check_root(PROJECT)
    assert sorted(path.name for path in out.iterdir()) == sorted(Path(bank.path).name for bank in content.banks)
    for bank in content.banks:
        assert (out / f"{bank.id}.yml").read_text(encoding="utf-8") == (PROJECT / bank.path).read_text(encoding="utf-8")


def test_every_real_bank_in_one_workbook_comes_back_byte_identical(every_bank, tmp_path):
    content, _ = check_root(PROJECT)
    workbook = load_workbook(every_bank)
    assert workbook.sheetnames == [sheet_name(bank.title, []) for bank in content.banks] + ["题库信息", "说明"]
    info = [list(row) for row in workbook["题库信息"].iter_rows(values_only=True)]
    assert info[1] == ["工作表", *workbook.sheetnames[:-2]]
    assert info[2] == ["题库ID", *(bank.id for bank in content.banks)]
    for bank in content.banks:  # a sheet per bank, a question a row
        assert workbook[sheet_name(bank.title, [])].max_row == len(bank.questions) + 1
    same_as_repository(every_bank, tmp_path / "back")


def test_libreoffice_sees_every_sheet_and_its_resave_imports_unchanged(every_bank, tmp_path):
    listed = libreoffice(tmp_path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                         every_bank, tmp_path / "csv")
    names = load_workbook(every_bank).sheetnames
    assert listed.stdout.count("Writing sheet ") == len(names)
    for name in names:
        assert (tmp_path / "csv" / f"all-{name}.csv").is_file(), listed.stdout
    # A clerk's round: LibreOffice saves the workbook as .ods, then as .xlsx again; nothing is lost.
    libreoffice(tmp_path, "ods", every_bank, tmp_path / "ods")
    libreoffice(tmp_path, "xlsx", tmp_path / "ods" / "all.ods", tmp_path / "again")
    same_as_repository(tmp_path / "again" / "all.xlsx", tmp_path / "back")


def test_sheet_names_are_excel_safe_short_and_unique():
    assert sheet_name("公文格式（GB/T 9704—2012）", []) == "公文格式（GB／T 9704—2012）"
    assert sheet_name("a[b]:c*d?e\\f", []) == "a［b］：c＊d？e＼f"
    assert sheet_name("'引号'", []) == "引号"
    long = "很长的题库名称" * 6
    assert sheet_name(long, []) == long[:31]
    assert sheet_name(long, [long[:31]]) == long[:28] + "(2)"
    assert sheet_name("说明", ["题库信息", "说明"]) == "说明(2)"
    assert sheet_name("Banks", ["banks"]) == "Banks(2)"  # Excel compares names without case
    assert sheet_name("😀" * 20, []) == "😀" * 15  # 31 UTF-16 units: 15 emoji, not 31


def two_banks(tmp_path: Path) -> Path:
    root = sample_root(tmp_path / "root")
    write(root, "quizzes/demo2.yml", SAMPLE_BANK.replace("id: demo", "id: demo2").replace("- id: demo-", "- id: demo2-")
          .replace("title: 演示题库", "title: 第二个/演示题库"))
    return root


def test_a_folder_still_gets_a_file_per_bank_and_import_needs_a_folder(tmp_path):
    root = two_banks(tmp_path)
    result = run("export", "--format", "xlsx", "-o", str(tmp_path / "files"), "--root", str(root))
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (tmp_path / "files").iterdir()) == ["demo.xlsx", "demo2.xlsx"]
    file = tmp_path / "both.xlsx"
    result = run("export", "--format", "xlsx", "-o", str(file), "--root", str(root))
    assert result.exit_code == 0, result.output
    assert load_workbook(file).sheetnames == ["演示题库", "第二个／演示题库", "题库信息", "说明"]
    for extra in (["-o", str(tmp_path / "one.yml")], ["-o", str(tmp_path / "out"), "--id", "x"]):
        result = run("import", str(file), *extra, "--root", str(root))
        assert result.exit_code == 2 and "holds 2 banks: -o must be a folder" in result.stderr
    result = run("import", str(file), "-o", str(tmp_path / "out"), "--root", str(root))
    assert result.exit_code == 0, result.output
    for name in ("demo.yml", "demo2.yml"):  # the same banks (the sample is not in the written-back style)
        assert same_bank(loaded(tmp_path / "out" / name)) == same_bank(loaded(root / "quizzes" / name))


def edited(file: Path, change) -> Path:
    workbook = load_workbook(file)
    change(workbook)
    workbook.save(file)
    return file


def test_problems_on_any_sheet_stop_every_bank(tmp_path):
    root = two_banks(tmp_path)
    file = tmp_path / "both.xlsx"
    run("export", "--format", "xlsx", "-o", str(file), "--root", str(root))

    def break_it(workbook):
        workbook["第二个／演示题库"]["K3"] = "E"  # an answer that is no option
        workbook["演示题库"]["Q3"] = "demo2-single"  # a question id the other sheet has
        workbook["题库信息"]["C7"] = "六十"  # the second bank's 及格线

    edited(file, break_it)
    out = tmp_path / "out"
    bare = sample_root(tmp_path / "bare")  # the policy page the sources name, no bank
    (bare / "quizzes" / "demo.yml").unlink()
    result = run("import", str(file), "-o", str(out), "--root", str(bare))
    assert result.exit_code == 1 and not out.exists()
    assert result.stdout.splitlines() == [
        f"{file}:题库信息!7:C: 及格线应为 0 到 100 的整数，得到“六十”",
        f"{file}:第二个／演示题库!2:Q: ID“demo2-single”已在 演示题库!3 使用",
        f"{file}:第二个／演示题库!3:K: 多选题至少要有两个正确选项，得到“E”；只有一个正确选项请用单选题或不定项选择题",
        f"{file}:第二个／演示题库!3:K: 选项E为空，但答案是E",
    ]
    edited(file, lambda workbook: workbook["题库信息"].__setitem__("C7", 60))
    result = run("import", str(file), "-o", str(out), "--root", str(bare), "--skip-bad")
    assert result.exit_code == 1 and not out.exists()
    assert result.stdout.splitlines()[0] == f"{file}:第二个／演示题库!2:Q: ID“demo2-single”已在 演示题库!3 使用"
    assert len(result.stdout.splitlines()) == 3 and result.stderr == "3 problem(s); nothing written\n"


def test_a_sheet_named_in_the_info_sheet_must_exist_once(tmp_path):
    root = two_banks(tmp_path)
    file = tmp_path / "both.xlsx"
    run("export", "--format", "xlsx", "-o", str(file), "--root", str(root))
    edited(file, lambda workbook: workbook["题库信息"].__setitem__("C2", "没有这张表"))
    result = run("import", str(file), "-o", str(tmp_path / "out"), "--root", str(root))
    assert (result.exit_code, result.stdout) == (1, f"{file}:题库信息!2:C: 工作表“没有这张表”不存在\n")
    edited(file, lambda workbook: workbook["题库信息"].__setitem__("C2", "演示题库"))
    result = run("import", str(file), "-o", str(tmp_path / "out"), "--root", str(root))
    assert (result.exit_code, result.stdout) == (1, f"{file}:题库信息!2:C: 工作表“演示题库”已在前面的列中列出\n")
    edited(file, lambda workbook: workbook["题库信息"].__setitem__("C3", "demo"))
    edited(file, lambda workbook: workbook["题库信息"].__setitem__("C2", "第二个／演示题库"))
    result = run("import", str(file), "-o", str(tmp_path / "out"), "--root", str(root))
    assert (result.exit_code, result.stdout) == (1, f"{file}:题库信息!3:C: 题库ID“demo”与工作表 演示题库 重复\n")


def test_a_sheet_without_questions_stops_every_bank(tmp_path):
    root = two_banks(tmp_path)
    file = tmp_path / "both.xlsx"
    run("export", "--format", "xlsx", "-o", str(file), "--root", str(root))
    edited(file, lambda workbook: workbook["第二个／演示题库"].delete_rows(2, 20))
    result = run("import", str(file), "-o", str(tmp_path / "out"), "--root", str(root), "--skip-bad")
    assert (result.exit_code, result.stdout) == (1, f"{file}: sheet 第二个／演示题库 has no question to write\n")
    assert not (tmp_path / "out").exists()
